"""What a claim's text takes from the sentences before and from its own sentence's frame: an antecedent that is a
noun phrase (never a clause the parser hung on a noun), a source's apposition that leaves with the source, a
pronoun that only repeats the subject put first, and a part of a group that says of whom only with the sentences
before (claims.extraction.article_context, attribution, padding, needs_context)."""

from __future__ import annotations

from tests.extraction.test_rewrite import one


def test_an_antecedent_is_never_a_clause_the_parser_hung_on_a_noun() -> None:
    # "a avoir" (for "à avoir") made "club" the subject of "a": the words before it, "Il est le seul grand club",
    # are no noun phrase a later "il" may be replaced by.
    text = ("Le club de Nantes a présenté ses comptes lundi devant la presse. Il est le seul grand club français a "
            "avoir publié un bilan complet. Il a perdu 12 millions d'euros l'an dernier selon ce document.")
    claim = one(text, "12 millions")
    assert "Il est" not in claim.text
    assert " est " not in claim.text.split("a perdu")[0]


def test_the_apposition_of_a_leading_source_leaves_the_text_with_it() -> None:
    text = ("La grève s'étend dans les hôpitaux du pays. Selon la fédération, la deuxième du secteur, près de "
            "2.000 infirmières ont quitté l'hôpital public l'an dernier.")
    claim = one(text, "2.000 infirmières")
    assert claim.text == "Près de 2.000 infirmières ont quitté l'hôpital public l'an dernier."
    assert claim.claimant == "la fédération"
    claim = one("D'après le ministère, l'autorité de tutelle, 300 postes restent vacants à Lyon.", "300 postes")
    assert claim.text == "300 postes restent vacants à Lyon."
    assert claim.claimant == "le ministère"


def test_a_participle_about_the_source_after_its_apposition_is_part_of_the_source_phrase() -> None:
    # "Selon le récit de X, le voisin du suspect, diffusé ...": once the apposition is the source's, the participle
    # phrase after it is too (the parser, taking the apposition for the subject, would leave it opening the text)
    from claims.extraction.attribution import _past_participle_phrase
    from claims.extraction.nlp import nlp_for

    nlp, _ = nlp_for("fr")
    tokens = list(nlp("Selon le récit de Paul Durand, le voisin du suspect, diffusé samedi soir sur France 3, le "
                      "jeune homme vivait seul."))
    commas = [k for k, t in enumerate(tokens) if t.text == ","]
    assert _past_participle_phrase(tokens, commas[1] + 1, None) == commas[2] + 1
    assert _past_participle_phrase(tokens, commas[0] + 1, None) == commas[0] + 1  # no participle: it stays


def test_the_subject_of_a_leading_source_with_its_own_apposition_stays() -> None:
    # The noun phrase after the source is the sentence's subject when no other subject follows its apposition.
    claim = one("Selon la police, le conducteur, un homme de 45 ans, a été arrêté à Dijon.", "45 ans")
    assert claim.text.startswith("Le conducteur")


def test_a_pronoun_that_repeats_the_subject_put_first_leaves_the_text() -> None:
    text = ("Les embauches ont reculé de 8 % dans la métallurgie en 2023. Les démissions, elles, ont grimpé de "
            "24 %.")
    claim = one(text, "24 %")
    assert claim.text == "Les démissions ont grimpé de 24 %."
    assert not claim.needs_context
    text = ("La réforme a été votée mardi par le conseil municipal de Rennes. Paul Dubreuil, lui, a refusé de "
            "signer l'accord.")
    claim = one(text, "refusé")
    assert claim.text == "Paul Dubreuil a refusé de signer l'accord."
    assert not claim.needs_context
    # the comma before the pronoun closes an aside of the subject: it stays
    claim = one("Le classement des fortunes a paru jeudi. Jean Martin, 73 ans, lui, figure en 6e position.", "6e")
    assert claim.text == "Jean Martin, 73 ans, figure en 6e position."


def test_a_part_of_a_group_named_before_needs_context() -> None:
    # whatever the parser makes of the subject (an aside after it, a leading phrase, a clitic object): of whom, the
    # sentences before say
    cases = [
        ("Une vingtaine de clients ont mangé des huîtres au restaurant. Cinq d'entre eux, âgées de 30 à 70 ans, ont "
         "présentés des troubles digestifs et ont dû être soignés à Dax.", "troubles"),
        ("Six militants ont été interpellés samedi à Nantes. Après avoir été entendus par un juge, deux d'entre eux "
         "ont été placés en détention provisoire, selon le parquet.", "détention"),
        ("Des voisins sont intervenus pour maîtriser le chien. Armé d'un bâton, l'un d'entre eux l'a repoussé.",
         "bâton"),
        ("Le domaine cultive dix cépages. Trois d'entre elles sont certifiées bio, les sept autres viennent de la "
         "culture classique.", "certifiées"),
        ("Plusieurs infirmières ont quitté la clinique. L'une d'entre elles a confié à L'Express sa colère contre "
         "la direction.", "colère"),
    ]
    for text, needle in cases:
        assert one(text, needle).needs_context, text


def test_entre_nous_without_a_part_is_no_partitive() -> None:
    claim = one("Les deux associés ont fondé la société en 2012. Il y a encore beaucoup de respect entre nous, "
                "confie Paul Roux.", "respect")
    assert not claim.needs_context


def test_a_part_of_a_group_the_claim_names_does_not_need_context() -> None:
    text = ("Les conseillers municipaux de Brest ont approuvé le budget, même si trois d'entre eux ont voté "
            "contre la hausse de 4 % des impôts locaux.")
    assert not one(text, "4 %").needs_context
