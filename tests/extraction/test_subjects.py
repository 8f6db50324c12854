"""Self-contained subjects: a pronoun or a description subject becomes the person the article makes
certain, else the claim needs context (claims.extraction.article_context.Context, clauses._subject,
antecedents._antecedent)."""

from __future__ import annotations

import pytest

from claims.extraction import extract_texts
from claims.extraction.article_context import Context
from tests.extraction.test_rewrite import one


def test_it_takes_no_gender_from_a_complement_the_parser_hung_a_name_on() -> None:
    # "le climat" is masculine; the activist is not: "Elle" goes on about her.
    text = ("Le voyage en bateau de la militante pour le climat Greta Thunberg est sous les projecteurs. "
            "Avant le sommet de l'Onu, Greta Thunberg participera à de nombreuses rencontres sur le climat. "
            "Elle a également prévu de se rendre au Canada et au Chili en décembre.")
    claim = one(text, "Canada")
    assert claim.text.startswith("Greta Thunberg a prévu")  # (the connective goes: padding._inner_connectives)
    assert not claim.needs_context


def test_it_reads_the_statement_subject_when_the_parser_made_the_attribution_the_root() -> None:
    text = ("Anne Lorne quittera ses fonctions à la fin de l'année. "
            "Et elle renonce à sa rémunération de conseillère régionale (2.450 euros bruts par mois) dans "
            "l'intervalle, précise encore la région.")
    claim = one(text, "2.450")
    assert claim.text.startswith("Anne Lorne renonce à sa rémunération")
    assert not claim.needs_context


def test_it_reads_a_subject_the_parser_hung_on_a_word_of_the_verb_phrase() -> None:
    # "La journaliste" hung on "d'abord": the sentence is still about her, so is the next "Elle".
    text = ("Ce mercredi, la journaliste Michèle Cotta a été contactée par un homme qui se faisait passer pour "
            "le prince Albert. Une information révélée par Monaco Matin. "
            "La journaliste a d'abord répondu à un appel audio d'un numéro masqué mardi soir, avant de recevoir "
            "un appel vidéo ce mercredi. Elle a aperçu le prince Albert avec dix ans de moins.")
    claim = one(text, "dix ans de moins")
    assert claim.text.startswith("Michèle Cotta a aperçu")


def test_who_says_je_is_who_the_next_il_goes_on_about() -> None:
    text = ("Jean-Michel Blanquer a confirmé la fermeture des écoles lundi. \"L'État prendra en charge "
            "l'indemnisation des salariés contraints à rester chez eux. (...) Je veux que nous puissions protéger "
            "aussi nos indépendants\", promet Emmanuel Macron. "
            "Il a aussi annoncé le report des cotisations et des impôts dus en mars par les sociétés.")
    claim = one(text, "report des cotisations")
    assert claim.text.startswith("Emmanuel Macron a annoncé")
    assert not claim.needs_context


def test_il_y_a_before_a_participle_is_someone_who_was_there() -> None:
    text = ("L'arrivée d'Hugo Clément sur la chaîne publique a été annoncée en mai dernier. "
            "Il y a déjà travaillé entre 2012 et 2015.")
    claim = one(text, "2012")
    assert claim.text.startswith("Hugo Clément y a déjà travaillé") or claim.needs_context
    assert one("Il y a eu un échange de coups avant que deux hommes prennent la fuite avec 900 euros.",
               "900").needs_context is False


def test_a_second_clause_il_goes_on_about_the_person_the_first_clause_names() -> None:
    claim = one("Pierre Martin tente de vendre sa maison depuis 2015 mais il n'a reçu que deux offres.", "deux offres")
    assert claim.text == "Pierre Martin n'a reçu que deux offres."
    assert not claim.needs_context
    other = one("Paul Martin a appelé Pierre Durand depuis lors mais il n'a jamais payé les 1.600 euros.", "1.600")
    assert other.text.startswith("Il n'a jamais payé") and other.needs_context  # either of them


def test_it_flags_a_demonstrative_subject_the_parser_misread_as_a_coordination() -> None:
    text = ("La basilique Saint-Pierre a rouvert lundi. Ce lieu saint, également temple du tourisme de masse, "
            "avait été fermé aux touristes le 10 mars.")
    assert one(text, "10 mars").needs_context


def test_cette_derniere_needs_context_ces_dernieres_semaines_does_not() -> None:
    text = ("Sa mère est morte à l'hôpital de Dole en 2019. Cette dernière souhaite porter plainte contre "
            "l'hôpital de Dole pour négligence.")
    assert one(text, "porter plainte").needs_context
    assert not one("Ces dernières semaines, les ventes de Renault ont chuté de 20 %.", "20 %").needs_context


def test_a_relative_after_an_aside_is_no_cleft() -> None:
    text = ("Valérie Dupont est morte en 2018. Ce furent quatre mois de souffrance, en premier lieu pour "
            "Valérie qui était visionnaire sur tout, même sur la maladie.")
    assert one(text, "quatre mois").needs_context
    cleft = one("Ce sont sept personnes au total, dont quatre Français, qui ont été arrêtées lundi 22 juillet "
                "en Australie.", "sept personnes")
    assert not cleft.needs_context


def test_a_possessive_subject_with_a_misread_aside_gets_its_owner() -> None:
    text = ("Michel Boujenah a annoncé vendredi 27 mars qu'il était contaminé par le Covid-19. \"J'ai des "
            "courbatures, de la fièvre\", a-t-il expliqué. Sa mère, également touchée, est \"à l'hôpital, très "
            "bien entourée\", a-t-il ajouté.")
    claim = one(text, "Sa mère")
    assert claim.text.startswith("La mère de Michel Boujenah")


def test_a_public_figure_s_occupation_is_the_one_person_named() -> None:
    text = ("Véritable icône de la chanson française, Michèle Torr traverse une période difficile. "
            "En avril 2016, la chanteuse avait été contrainte d'annuler la plupart de ses concerts. "
            "Elle devait subir une opération du cœur le 12 mars à Marseille.")
    claim = one(text, "12 mars")
    assert claim.text.startswith("Michèle Torr devait subir")
    # A host named in a complement is not the comedian the sentence describes.
    text = ("Dans un teaser de l'émission de Thierry Ardisson diffusé vendredi soir, l'humoriste revient sur "
            "l'épisode. Vêtu d'une camisole, il assure être sensible à la cause des femmes battues depuis 2010.")
    claim = one(text, "camisole")
    assert "Thierry Ardisson" not in claim.text and claim.needs_context


def test_an_antecedent_that_names_no_one_still_needs_context() -> None:
    text = ("Michel Polnareff devait chanter à Nantes. Son garde du corps Paul Martin le trouve reposé. Cependant, "
            "en début d'après-midi, le chanteur décide finalement qu'il n'ira pas à Nantes. Entre-temps, il a pris "
            "contact avec un médecin de l'hôpital américain de Neuilly le 2 décembre.")
    claim = one(text, "pris contact")
    assert claim.text.startswith("Le chanteur a pris contact")  # says who as little as "il"
    assert claim.needs_context


@pytest.mark.parametrize(("text", "needle"), [
    ("Le club a confirmé le départ de son joueur brésilien. L'attaquant de 25 ans a ensuite rencontré les dirigeants "
     "du club au siège du Barça.", "L'attaquant"),
    ("Un braqueur est entré dans une boulangerie de Nantes samedi. La vendeuse a gardé son calme et lui a remis 200 "
     "euros.", "La vendeuse"),
    ("Une bagarre a éclaté samedi à Lyon pendant le défilé. Le manifestant a été interpellé par la police dimanche.",
     "Le manifestant"),
])
def test_a_person_named_by_what_they_do_and_nothing_else_needs_context(text: str, needle: str) -> None:
    [extraction] = extract_texts([text], languages=["fr"])
    [cand] = [c for c in [*extraction.claims, *extraction.recoverable] if c.quote.startswith(needle)]
    assert cand.needs_context


def test_a_person_named_after_a_comma_the_parser_cut_needs_no_context() -> None:
    text = ("La série a déclenché une polémique. Le producteur de la série, Hubert Besson, a répondu lundi aux critiques "
            "dans Le Parisien.")
    [extraction] = extract_texts([text], languages=["fr"])
    [cand] = [c for c in [*extraction.claims, *extraction.recoverable] if c.quote.startswith("Le producteur")]
    assert not cand.needs_context


def test_it_names_the_person_named_last_only_when_the_article_gave_their_gender() -> None:
    # No gender for "Dominique": "Elle" may be the library as well as her; "Martine" gives one.
    text = ("Dominique Kerbrat a présenté la nouvelle médiathèque de la commune jeudi. Les travaux commenceront en "
            "mars. Elle sera livrée en 2026 pour 4 millions d'euros.")
    claim = one(text, "2026")
    assert claim.text.startswith("Elle sera livrée")
    assert claim.needs_context
    text = ("Martine Kerbrat a présenté la nouvelle médiathèque de la commune jeudi. Les travaux commenceront en "
            "mars. Elle a promis une ouverture en 2026 pour 4 millions d'euros.")
    assert one(text, "2026").text.startswith("Martine Kerbrat a promis")


def test_it_names_no_office_subject_a_name_follows_already() -> None:
    # "Le leader hongrois Viktor Orbán" says who: the man named before is not put in front of him.
    text = ("Paul Durand a visité Budapest lundi avec trois élus. Le leader hongrois Viktor Orbán trouve en revanche "
            "grâce à ses yeux depuis 2010.")
    assert one(text, "2010").text.startswith("Le leader hongrois Viktor Orbán trouve")


def test_the_article_holder_of_a_description_that_gives_a_name_is_no_one_else() -> None:
    ctx = Context(people=["Camille Roux"], agents={"Camille Roux"}, genders={"Camille Roux": "Masc"})
    sentence = "Le Premier ministre Édouard Philippe avait estimé que les règles doivent être respectées."
    assert ctx.article_holder("Le Premier ministre Édouard Philippe", sentence) == ""
    assert ctx.article_holder("Le Premier ministre", sentence.replace(" Édouard Philippe", "")) == "Camille Roux"


def test_a_name_takes_no_gender_from_a_thing_it_names() -> None:
    # "l'affaire Julien Marchal" is feminine, he is not: "la présidente" and "elle" are not him.
    text = ("Les députés débattent de l'affaire Julien Marchal depuis lundi. En plein débat, la présidente du groupe "
            "a annoncé que 40 élus voteraient la motion.")
    claim = one(text, "40 élus")
    assert "Marchal" not in claim.text and claim.claimant != "Julien Marchal"
    claim = one(text.replace("la présidente du groupe", "elle"), "40 élus")
    assert claim.text.startswith("En plein débat, elle a annoncé")
    assert claim.needs_context


def test_the_il_of_a_compound_passive_before_que_is_no_one() -> None:
    text = ("Paul Durand a présenté le budget de la ville lundi. Il avait en effet été décidé que 300 logements "
            "seraient construits en 2025.")
    assert one(text, "300 logements").text.startswith("Il avait été décidé que 300 logements")
    text = "Paul Durand a quitté la mairie lundi. Il a été accusé d'avoir détourné 300 000 euros en 2019."
    assert one(text, "300 000").text.startswith("Paul Durand a été accusé")


def test_ce_dernier_is_not_the_medium_the_sentence_before_cited_last() -> None:
    text = ("\"Je serai candidat à Lyon\", a annoncé Paul Roux dans une interview accordée à L'Express. Ce dernier a "
            "expliqué vouloir quitter le gouvernement après les élections de 2019.")
    claim = one(text, "2019")
    assert "Express" not in claim.text
    assert claim.needs_context or claim.text.startswith("Paul Roux")


def test_a_name_set_off_after_a_relative_of_someone_does_not_hold_that_someones_role() -> None:
    # Paul Petit is the actor's brother: "L'acteur" is not him.
    text = ("Marc Petit a disparu depuis lundi. Interrogé par RTL, le frère de l'acteur, Paul Petit, a dit toute son "
            "inquiétude. L'acteur avait été condamné en 2013 à cinq ans de prison.")
    claim = one(text, "2013")
    assert "Paul Petit" not in claim.text


def test_a_name_after_a_preposition_does_not_hold_the_role_before_it() -> None:
    # "le second candidat le plus dépensier derrière Paul Roux": Paul Roux is another candidate.
    text = ("Marc Petit a dépensé 15 millions d'euros, ce qui en fait le second candidat le plus dépensier derrière "
            "Paul Roux. Le candidat avait toutes les raisons de dépenser 3 millions de plus.")
    assert "Paul Roux" not in one(text, "3 millions").text


@pytest.mark.parametrize(("text", "needle", "wrong"), [
    # a counted antecedent does not stand for a pronoun its sentence counts otherwise: "Quelque 40.000 familles
    # seraient en fait 90.000" would give one set of families two numbers
    ("Le ministère a promis de consacrer 30 millions d'euros à l'achat de tablettes. Selon ses calculs, quelque "
     "40.000 familles ne disposent pas d'un ordinateur. Selon une étude de l'institut Ifop, elles seraient en fait "
     "90.000, soit près d'un quart du total.", "90.000", "40.000"),
    # a name the parser hung on a thing takes the gender of the noun it follows: "la trajectoire" is feminine, the
    # trafficker named after "du trafiquant français" is not, and "Elle" is not him
    ("Les enquêteurs ont détaillé la trajectoire fulgurante du trafiquant français Tyrel Vasseur au sein du réseau. "
     "Elle a ensuite décrit un chef craint et respecté, présent sur 12 sites entre 2013 et 2015.", "12 sites",
     "Vasseur"),
    # a subject with the speaker's possessive is no antecedent
    ("\"J'aime ce quartier. Mon travail est de nourrir les gens tout simplement\", a ajouté le commerçant. En mars "
     "dernier, il avait reçu une amende de 300 euros pour avoir ouvert le dimanche.", "300 euros", "travail"),
    # a thing a pronoun was not about is not what the next pronoun is about
    ("Le grave accident a coûté la vie au piéton. Pour ce qui est du conducteur, il est gravement blessé. Selon la "
     "préfecture, il a été transporté à l'hôpital de Nantes par les pompiers.", "transporté", "accident"),
    # a person in a subject's complement is not the subject: "L'ancien allié de Jeanne Durand" is not Jeanne Durand,
    # "Son frère" is not hers
    ("L'ancien allié de Jeanne Durand a rejoint la liste de Paul Martin lundi. Son frère a promis de verser 3 "
     "millions d'euros à la campagne.", "3 millions", "Durand"),
])
def test_a_pronoun_with_no_sure_antecedent_stays_and_needs_context(text: str, needle: str, wrong: str) -> None:
    claim = one(text, needle)
    assert wrong not in claim.text and claim.needs_context


def test_a_thing_of_someone_is_not_surely_what_the_next_il_is_about() -> None:
    # "Le livre de Paul Martin": the book or the man, "il" does not say which.
    text = "Le livre de Paul Martin est sorti lundi en librairie. Il a été vendu à 3.000 exemplaires en une semaine."
    claim = one(text, "3.000")
    assert claim.text.startswith("Il a été vendu") and claim.needs_context


def test_a_subject_named_in_an_apposition_the_parser_read_as_a_second_subject_is_named() -> None:
    # "le financier" parsed as a second subject of "siégera": "Son père" is named, it needs no owner.
    from claims.extraction.descriptions import _named_in_apposition
    from claims.extraction.nlp import nlp_for

    nlp, _ = nlp_for("fr")
    doc = nlp("Son père, le financier Marc Roux, qui avait promis d'apporter 5 millions d'euros au club, ne siégera "
              "pas au conseil.")
    assert _named_in_apposition(doc[1], misread=True)
    assert not _named_in_apposition(nlp("Son père, qui avait promis 2 millions d'euros, ne viendra pas.")[1],
                                    misread=True)


def test_ce_dernier_is_not_what_its_own_sentence_names() -> None:
    text = ("La CGT a décidé de distribuer un million de tracts, rapporte France Bleu. La CGT a lancé cette campagne en "
            "mars, a expliqué un salarié du syndicat à la radio. Cette dernière précise que les 500 sections de la CGT "
            "vont recevoir les tracts.")
    claim = one(text, "500 sections")
    assert claim.text.startswith("Cette dernière précise") and claim.needs_context


def test_a_name_glued_to_the_next_sentence_is_no_antecedent() -> None:
    text = ("La mise en ligne devrait suivre, a-t-on indiqué dans l'entourage du ministre Paul O.La sortie était "
            "attendue vers midi et le retard a suscité des moqueries. Il a aussi conduit une autre application à la "
            "première place des téléchargements en France ce mardi.")
    claim = one(text, "première place")
    assert "O.La" not in claim.text and claim.needs_context


def test_a_demonstrative_thing_is_not_the_thing_its_sentence_sets_it_beside() -> None:
    text = ("Les pères pourront bénéficier d'un congé de paternité à partir du 1er juillet, selon un décret paru mardi. "
            "Ce congé s'applique à tous les régimes et suit les mêmes règles que celles du congé de paternité actuel, "
            "soit 30 euros par jour.")
    claim = one(text, "30 euros par jour")
    assert claim.text.startswith("Ce congé s'applique")


def test_il_after_a_medium_that_acted_is_not_the_person_quoted_before() -> None:
    text = ("\"Les Français voyagent beaucoup dans leur pays\", souligne Paul Martin, directeur de Voyago. Le site "
            "voyago.fr a voulu savoir quelle région attire le plus. Il a effectué un sondage auprès de 2004 personnes "
            "majeures.")
    claim = one(text, "2004 personnes")
    assert "Paul Martin" not in claim.text and claim.needs_context


@pytest.mark.parametrize(("text", "expected"), [
    ("À une semaine de leur procès, le couple Verdier change d'avocat. Le couple a été condamné à 3 ans de prison "
     "en 2021.", "Le couple Verdier a été condamné"),
    ("Le maire Paul Verdier et sa femme Anne ont été interpellés mardi à Lyon. Les époux ont été placés en garde à "
     "vue pendant 48 heures.", "Les époux Verdier ont été placés"),
])
def test_a_bare_couple_is_the_one_couple_the_article_named(text: str, expected: str) -> None:
    claim = one(text, "ans de prison" if "prison" in text else "48 heures")
    assert claim.text.startswith(expected)
    assert not claim.needs_context


def test_no_couple_named_when_the_article_named_two() -> None:
    text = ("Les époux Verdier et les époux Marchal ont porté plainte mardi. Le couple a été condamné à 3 ans de "
            "prison en 2021.")
    claim = one(text, "ans de prison")
    assert claim.text.startswith("Le couple a été condamné") and claim.needs_context
    text = ("Le couple Verdier a croisé Jean Marchal et son épouse mardi. Le couple a été condamné à 3 ans de prison "
            "en 2021.")
    claim = one(text, "ans de prison")
    assert claim.text.startswith("Le couple a été condamné") and claim.needs_context
