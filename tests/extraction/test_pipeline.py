"""Extraction over an article written for the tests (tests/extraction/conftest.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from claims.extraction import extract_claims, extract_texts
from claims.extraction.readable import readable


def claim_with(extraction: Any, needle: str) -> Any:
    """The stored claim or recoverable candidate quoting `needle`: fields are read for both (the short
    list is tested in test_selection.py)."""
    everything = [*extraction.claims, *extraction.recoverable]
    found = [c for c in everything if needle in c.quote]
    assert found, f"no claim quotes {needle!r}: {[c.quote for c in everything]}"
    return found[0]


def test_it_quotes_the_article_exactly_at_every_offset(article_fr: str, extraction_fr: Any) -> None:
    assert extraction_fr.claims
    for claim in extraction_fr.claims:
        assert article_fr[claim.start : claim.end] == claim.quote
        for item in [*claim.quantities, *claim.dates, *claim.entities]:
            assert article_fr[item["start"] : item["end"]] == item["text"]


def test_it_never_makes_claims_of_headings_bylines_or_teasers(extraction_fr: Any) -> None:
    quotes = " | ".join(c.quote for c in extraction_fr.claims)
    for furniture in ("Les ports et les céréales", "(AF)", "Plus\n", "une alliance fragilisée"):
        assert furniture not in quotes
    assert {s["kind"] for s in extraction_fr.skipped} >= {"title", "heading", "byline", "teaser"}


def test_it_reads_approximate_quantities_with_their_unit(extraction_fr: Any) -> None:
    claim = claim_with(extraction_fr, "25 tonnes")
    [quantity] = claim.quantities
    assert quantity["text"] == "près de 25 tonnes"
    assert (quantity["value"], quantity["unit"], quantity["approx"]) == (25.0, "tonnes", True)
    assert claim.kind == "statistic"
    assert "contains a quantity" in claim.checkworthiness_reasons


def test_it_reads_number_words(extraction_fr: Any) -> None:
    claim = claim_with(extraction_fr, "cinq camions")
    assert [(q["value"], q["unit"]) for q in claim.quantities] == [(5.0, "camions")]


def test_it_finds_date_ranges_and_counts_in_the_same_sentence(extraction_fr: Any) -> None:
    claim = claim_with(extraction_fr, "ces 12 et 13 octobre")
    [date] = claim.dates
    assert date["text"] == "ces 12 et 13 octobre"
    assert (date["days"], date["month"]) == ([12, 13], 10)
    assert [(q["value"], q["unit"]) for q in claim.quantities] == [(11.0, "pays")]


def test_it_finds_weekdays(extraction_fr: Any) -> None:
    claim = claim_with(extraction_fr, "mardi")
    assert [d["type"] for d in claim.dates] == ["weekday"]


def test_it_attributes_selon_to_the_named_source(extraction_fr: Any) -> None:
    claim = claim_with(extraction_fr, "Selon Anna Volkova")
    assert claim.claimant == "Anna Volkova"
    assert "attributed to a named source" in claim.checkworthiness_reasons


def test_it_gives_a_quote_to_the_speaker_named_in_the_previous_sentence(extraction_fr: Any) -> None:
    claim = claim_with(extraction_fr, "40 partenaires")
    assert claim.claimant == "Chavkat Mirziyoyev"
    assert claim.text == "Notre pays commerce avec 40 partenaires."


def test_it_splits_a_sentence_stating_two_facts_into_two_self_contained_claims(extraction_fr: Any) -> None:
    refusal = claim_with(extraction_fr, "a refusé d’envoyer des soldats")
    accusation = claim_with(extraction_fr, "accusé Moscou")
    assert refusal is not accusation
    assert "accusé" not in refusal.quote
    assert accusation.text.startswith("Le pays a surtout accusé Moscou")
    assert accusation.quote.startswith("a surtout accusé")


def test_it_scores_between_zero_and_one_with_reasons(extraction_fr: Any) -> None:
    for claim in extraction_fr.claims:
        assert 0.0 <= claim.checkworthiness <= 1.0
        assert isinstance(claim.checkworthiness_reasons, list)
    statistic = claim_with(extraction_fr, "25 tonnes")
    plain = claim_with(extraction_fr, "a défendu cette ligne")
    assert statistic.checkworthiness > plain.checkworthiness


def test_it_handles_english_attributions() -> None:
    text = ("Dock workers in Rotterdam have been on strike since Monday, halting about 40 percent of container "
            "traffic, according to the Port Authority. \"We lost 12 million euros in five days,\" said harbour "
            "director Pieter de Vries.")
    extraction = extract_claims(text, language="en")
    first = claim_with(extraction, "40 percent")
    assert first.claimant == "the Port Authority"
    assert [(q["value"], q["unit"], q["qualifier"]) for q in first.quantities] == [(40.0, "%", "approx")]
    second = claim_with(extraction, "12 million euros")
    assert second.claimant == "Pieter de Vries"
    assert second.quantities[0]["value"] == 12_000_000
    # a first-person statement is written as its named speaker's (pipeline._quote_speaker)
    assert second.text == "Pieter de Vries: \u201cWe lost 12 million euros in five days.\u201d"
    # The source is the claimant, not one of the claim's entities; the place the claim is about is.
    assert "Rotterdam" in {e["text"] for e in first.entities}
    assert "Port Authority" not in " ".join(e["text"] for e in first.entities)
    assert "according to" not in first.text


def test_it_detects_the_language_when_none_is_given(article_fr: str) -> None:
    assert extract_claims(article_fr).language == "fr"


def test_it_falls_back_to_sentences_for_a_language_without_a_model() -> None:
    text = ("Die Regierung hat am Dienstag 300 Millionen Euro für Krankenhäuser bereitgestellt. "
            "Der Minister sagte, das Geld komme aus dem Haushalt des Jahres 2024.")
    extraction = extract_claims(text)
    assert extraction.language == "de"
    assert extraction.fallback
    assert "no spaCy model" in extraction.note
    for claim in extraction.claims:
        assert text[claim.start : claim.end] == claim.quote


def test_it_makes_readable_claim_text_without_links_or_handles() -> None:
    assert readable("Voir https://t.co/x @bob #Covid tue 3 personnes") == "Voir Covid tue 3 personnes."


def test_it_leaves_out_a_handle_with_dots_whole() -> None:
    """An Instagram handle has dots inside it: all of it goes, not "@discover" alone (which left
    "Follow.algeria.dz" before the claim); the full stop after a handle still ends its sentence."""
    assert readable("Follow @discover.algeria.dz 🇩🇿 Une tempête de sable révèle une mosquée") == (
        "Follow Une tempête de sable révèle une mosquée.")
    assert readable("Le maire a répondu à @BGriveaux. Il pleut") == "Le maire a répondu à @BGriveaux. Il pleut."


def test_it_returns_nothing_for_text_without_sentences() -> None:
    for text in ("", "   \n\n ", "Plus", "(OD)"):
        assert extract_claims(text, language="fr").claims == []


def test_it_resolves_weekdays_and_day_ranges_against_the_publication_date(article_fr: str) -> None:
    import datetime as dt

    from claims.extraction import extract_texts

    [extraction] = extract_texts([article_fr], languages=["fr"], published=[dt.date(2022, 9, 15)])
    summit = claim_with(extraction, "ces 12 et 13 octobre")
    assert summit.dates[0]["values"] == ["2022-10-12", "2022-10-13"]
    visit = claim_with(extraction, "mardi")
    assert visit.dates[0]["value"] == "2022-09-13"  # the Tuesday before Thursday 15 September


def test_it_starts_a_new_claim_after_a_closing_quotation_mark() -> None:
    text = ("« Nous avons rénové 120 écoles depuis 2021. » Il ajoute que la commune a emprunté 8 millions "
            "d'euros en 2023. La maire a déclaré : « La dette a baissé de 5 % en un an. » Le conseil a voté "
            "le budget mardi.")
    extraction = extract_claims(text, language="fr", selective=False)
    quotes = sorted((c.start, c.quote) for c in [*extraction.claims, *extraction.recoverable])
    assert [q for _, q in quotes] == [
        "« Nous avons rénové 120 écoles depuis 2021. »",
        "Il ajoute que la commune a emprunté 8 millions d'euros en 2023.",
        "La maire a déclaré : « La dette a baissé de 5 % en un an. »",
        "Le conseil a voté le budget mardi.",
    ]


def test_a_quotation_mark_that_opens_a_quote_does_not_end_the_sentence_before_it() -> None:
    text = "Le ministre a répondu. « Les prix ont augmenté de 3 % en mars », a-t-il précisé."
    extraction = extract_claims(text, language="fr", selective=False)
    quotes = [c.quote for c in [*extraction.claims, *extraction.recoverable]]
    assert any(q.startswith("« Les prix ont augmenté de 3 % en mars »") for q in quotes), quotes


def test_a_question_quoted_inside_a_statement_is_scored_as_a_question() -> None:
    text = ("Le gouvernement a présenté mardi un plan de 3 milliards d'euros pour les hôpitaux publics. "
            "« Et si l'État cessait enfin de promettre sans payer ? », a réagi le député Paul Martin.")
    extraction = extract_claims(text, language="fr")
    asked = claim_with(extraction, "Et si l'État")
    plan = claim_with(extraction, "3 milliards")
    assert asked.signals.question
    assert "question" in asked.checkworthiness_reasons
    assert asked.checkworthiness < 0.5 < plan.checkworthiness


def test_a_second_clause_is_not_cut_off_when_the_parser_found_no_subject_to_give_it() -> None:
    text = ("Dans le détail, les électeurs de Marine Le Pen en 2017 sont les moins confiants en l'avenir et se "
            "disent pessimistes à 80%.")
    extraction = extract_claims(text, language="fr")
    texts = [c.text for c in [*extraction.claims, *extraction.recoverable]]
    assert not any(t.startswith("Se disent") for t in texts), texts
    assert any("pessimistes à 80%" in t and "Marine Le Pen" in t for t in texts), texts


def test_a_short_statement_about_ce_or_cela_needs_context_but_a_cleft_or_a_named_one_does_not() -> None:
    text = ("Marine Le Pen a confirmé mardi sa candidature à la présidentielle. C'est dans deux ans. "
            "Ce qui lui a été reproché. "
            "C'est la députée Aina Kuric qui a déposé la proposition de loi en 2019. "
            "Ce matin, le trafic a repris sur la ligne.")
    extraction = extract_claims(text, language="fr", selective=False)
    flagged = {c.quote: c.needs_context for c in [*extraction.claims, *extraction.recoverable]}
    assert flagged["C'est dans deux ans."] and flagged["Ce qui lui a été reproché."]
    assert not flagged["Ce matin, le trafic a repris sur la ligne."]
    assert not flagged["C'est la députée Aina Kuric qui a déposé la proposition de loi en 2019."]


def test_a_text_of_too_few_words_once_its_attribution_is_gone_is_a_fragment() -> None:
    text = ('"On dénonce", a réagi Paul Martin, secrétaire à la CGT commerce et délégué syndical chez Carrefour. '
            "Le magasin d'Angers a ouvert dimanche sans caissiers, selon la direction de Carrefour.")
    extraction = extract_claims(text, language="fr", selective=False)
    by_text = {c.text: c for c in [*extraction.claims, *extraction.recoverable]}
    short = by_text["On dénonce."]
    assert short.claimant == "Paul Martin"
    assert "a fragment: no verb, or too few words" in short.checkworthiness_reasons
    assert short.checkworthiness < min(c.checkworthiness for t, c in by_text.items() if t != "On dénonce.")


def _parsed(rows: list[tuple[str, int, str, str, str]]) -> Any:
    """A sentence as the parser read it: (word, head, dep, pos, morph) per token."""
    import spacy
    from spacy.tokens import Doc

    words, heads, deps, pos, morphs = (list(column) for column in zip(*rows, strict=True))
    return Doc(spacy.blank("fr").vocab, words=words, heads=heads, deps=deps, pos=pos, morphs=morphs, sent_starts=[True] + [False] * (
        len(words) - 1))


def _figures(doc: Any, *texts: str) -> list[dict[str, Any]]:
    return [{"char_start": doc.text.index(t), "char_end": doc.text.index(t) + len(t)} for t in texts]


# "Paul Roux, le patron, a signé 300 contrats et il touche désormais 10 000 euros par mois." with the "il" of
# the second clause hung on the noun before it, as the parser sometimes does.
_TWO_CLAUSES = [
    ("Paul", 7, "nsubj", "PROPN", ""), ("Roux", 0, "flat:name", "PROPN", ""), (",", 4, "punct", "PUNCT", ""),
    ("le", 4, "det", "DET", ""), ("patron", 0, "appos", "NOUN", ""), (",", 4, "punct", "PUNCT", ""),
    ("a", 7, "aux:tense", "AUX", "VerbForm=Fin"), ("signé", 7, "ROOT", "VERB", "VerbForm=Part"),
    ("300", 9, "nummod", "NUM", ""), ("contrats", 7, "obj", "NOUN", ""), ("et", 12, "cc", "CCONJ", ""),
    ("il", 9, "dep", "PRON", ""), ("touche", 7, "conj", "VERB", "VerbForm=Fin"),
    ("désormais", 12, "advmod", "ADV", ""), ("10", 16, "nummod", "NUM", ""), ("000", 14, "flat", "NUM", ""),
    ("euros", 12, "obj", "NOUN", ""), ("par", 18, "case", "ADP", ""), ("mois", 12, "obl", "NOUN", ""),
    (".", 7, "punct", "PUNCT", ""),
]


def test_a_second_clause_with_its_own_pronoun_subject_is_not_given_the_first_ones() -> None:
    from claims.extraction.sentence_clauses import _clauses

    doc = _parsed(_TWO_CLAUSES)
    clauses = _clauses(doc[:], [], _figures(doc, "300 contrats", "10 000 euros"), [])
    assert [(s, e, subject) for s, e, subject in clauses] == [(0, 10, None), (11, 20, None)]


def test_a_subject_with_a_comma_is_given_to_no_second_clause() -> None:
    from claims.extraction.sentence_clauses import _clauses

    rows = list(_TWO_CLAUSES)
    rows[11] = ("tous", 12, "advmod", "ADV", "")  # "... et tous touche désormais ...": no subject of its own
    doc = _parsed(rows)
    assert _clauses(doc[:], [], _figures(doc, "300 contrats", "10 000 euros"), []) == [(0, len(doc), None)]


# "La crise est grave après ce samedi qui a causé 40 incendies et fait 263 blessés dans la capitale." with "fait"
# hung on the main verb, though it is the relative clause's ("qui ... et fait").
_AFTER_RELATIVE = [
    ("La", 1, "det", "DET", ""), ("crise", 2, "nsubj", "NOUN", ""), ("est", 2, "ROOT", "AUX", "VerbForm=Fin"),
    ("grave", 2, "xcomp", "ADJ", ""), ("après", 6, "case", "ADP", ""), ("ce", 6, "det", "DET", ""),
    ("samedi", 2, "obl", "NOUN", ""), ("qui", 9, "nsubj", "PRON", ""), ("a", 9, "aux:tense", "AUX", "VerbForm=Fin"),
    ("causé", 6, "acl:relcl", "VERB", "VerbForm=Part"), ("40", 11, "nummod", "NUM", ""),
    ("incendies", 9, "obj", "NOUN", ""), ("et", 13, "cc", "CCONJ", ""), ("fait", 2, "conj", "VERB", "VerbForm=Fin"),
    ("263", 15, "nummod", "NUM", ""), ("blessés", 13, "obj", "NOUN", ""), ("dans", 18, "case", "ADP", ""),
    ("la", 18, "det", "DET", ""), ("capitale", 13, "obl", "NOUN", ""), (".", 2, "punct", "PUNCT", ""),
]


def test_a_verb_after_a_relative_clause_is_not_given_the_main_subject() -> None:
    from claims.extraction.sentence_clauses import _clauses

    doc = _parsed(_AFTER_RELATIVE)
    assert _clauses(doc[:], [], _figures(doc, "40 incendies", "263 blessés"), []) == [(0, len(doc), None)]


def test_the_et_of_a_pair_after_entre_does_not_split_the_sentence() -> None:
    text = ("Conséquence : l'air froid qui va s'abattre sur la France entre samedi et dimanche va rester dans "
            "l'Hexagone en début de semaine prochaine.")
    extraction = extract_claims(text, language="fr")
    candidates = [*extraction.claims, *extraction.recoverable]
    assert [c.quote for c in candidates] == [text]


def test_the_first_person_of_an_attribution_is_not_the_statements() -> None:
    told = extract_claims("Monique Villemin s'est éteinte dans sa maison de retraite le dimanche 19 avril nous apprend "
                          "l'Est Républicain.", language="fr")
    [cand] = [*told.claims, *told.recoverable]
    assert "first person" not in cand.checkworthiness_reasons and not cand.signals.first_person
    said = extract_claims("Nous avons recensé 12 cas dans la ville de Lyon depuis lundi.", language="fr")
    assert "first person" in [*said.claims, *said.recoverable][0].checkworthiness_reasons


def reasons_of(text: str) -> list[str]:
    """The check-worthiness reasons of a one-sentence text's candidate."""
    told = extract_claims(text, language="fr")
    return [*told.claims, *told.recoverable][0].checkworthiness_reasons


def test_the_past_of_an_attribution_is_not_the_statements() -> None:
    told = extract_claims('"Les villages de montagne sont des lieux paisibles", a expliqué le maire Paul Vidal.',
                          language="fr")
    [cand] = [*told.claims, *told.recoverable]
    assert "reports a past event" not in cand.checkworthiness_reasons and not cand.signals.past
    # a past event stays one, told or not
    assert "reports a past event" in reasons_of('"Le village a perdu 40 habitants", a expliqué le maire Paul Vidal.')


def test_a_verb_in_a_compound_tense_reports_a_past_event_whatever_its_tag() -> None:
    # the tagger reads "évacué" after "ont" as an infinitive: the auxiliary still makes it a compound past
    assert "reports a past event" in reasons_of("Les secours ont évacué 200 personnes.")


@pytest.mark.parametrize(("text", "past"), [
    ("De nouveaux appels d'offres seront lancés en 2021 par la région.", False),
    ("Le pont de Nantes doit être livré en mai 2024.", False),
    ("Les salaires des cinq acteurs viennent d'être révélés par Variety.", True),
    ("Après avoir été arrêté en 2019, il a été libéré sous caution.", True),
])
def test_a_participle_put_ahead_by_its_auxiliary_reports_no_past_event(text: str, past: bool) -> None:
    assert ("reports a past event" in reasons_of(text)) is past


@pytest.mark.parametrize(("text", "hypothetical"), [
    ("Les enquêteurs auraient retrouvé la vidéo sur le téléphone du suspect à Lyon.", False),
    ("Le bâtiment aurait été construit en 1920 par un architecte de Lille.", False),
    ("Le gardien aurait pu éviter le but à la 80e minute.", True),
    ("Si le match avait eu lieu, le club aurait gagné 3 millions d'euros.", True),
])
def test_the_conditional_of_an_alleged_past_act_is_no_hypothesis(text: str, hypothetical: bool) -> None:
    reasons = reasons_of(text)
    assert ("future or hypothetical" in reasons) is hypothetical
    assert ("main verb in the future or conditional" in reasons) is hypothetical


@pytest.mark.parametrize("text", [
    # a pronominal verb: its "être" is a tense auxiliary (the parser reads a passive, or a copula and an adjective)
    "Le chanteur Paul Verdier se serait fâché avec son producteur lors d'un concert à Lyon.",
    "La ministre Claire Vallon se serait emportée contre ses collaborateurs mardi à l'Elysée.",
    "Le chanteur Paul Verdier s'est fâché avec son producteur lors d'un concert à Lyon.",
])
def test_a_pronominal_verb_in_the_past_conditional_reports_an_alleged_past_act(text: str) -> None:
    reasons = reasons_of(text)
    assert "reports a past event" in reasons
    assert "future or hypothetical" not in reasons and "forecast or expectation" not in reasons
    assert "a judgement (adjective as predicate)" not in reasons


def test_a_reported_pronominal_past_can_be_the_lead() -> None:
    told = extract_claims("Selon Le Parisien, le chanteur Paul Verdier se serait fâché avec son producteur lors d'un "
                          "concert à Lyon. Le concert a été annulé. Le producteur n'a pas réagi.", language="fr")
    assert claim_with(told, "fâché").signals.lead
    # an adjective after a conditional "être" stays a judgement told as a rumour, no lead
    told = extract_claims("Selon la mairie, le maire Jean Roux serait furieux contre le préfet Marc Petit. Il a écrit "
                          "au ministre Paul Blanc.", language="fr")
    furious = next(c for c in [*told.claims, *told.recoverable] if "furieux" in c.text)
    assert not furious.signals.lead


def test_going_as_far_as_is_no_future() -> None:
    told = extract_claims("La marque suisse Horlovia vient de présenter à Genève une montre de luxe qui va jusqu'à "
                          "reproduire le moteur de la Ferrari F40. Elle coûte 90 000 euros.", language="fr")
    watch = claim_with(told, "Horlovia")
    assert not watch.signals.hypothetical and watch.signals.lead
    # "va" and an infinitive still look ahead
    assert "future or hypothetical" in reasons_of("Le club de Lens va recruter lundi un attaquant brésilien, Paulo Silva.")


@pytest.mark.parametrize(("text", "question"), [
    # a question quoted last as the words of a thing the statement tells of: the statement asks nothing
    ('Le ministre Paul Roux a répondu lundi à la petite phrase de son rival "Qui croit encore à cette réforme ?".', False),
    ('Le maire Jean Roux a lancé mardi à Lyon une pétition intitulée "Pourquoi fermer cette école ?".', False),
    ('Paul Roux a raillé lundi la petite phrase "Qui croit encore à la réforme ?", qui visait le président.', False),
    # the quoted words are what was said, or the claim itself
    ('Le maire de Lyon Jean Roux a lancé mardi : "Qui paiera la facture ?"', True),
    ('"Et si la ville fermait la gare ?", a réagi le maire de Lyon Jean Roux.', True),
])
def test_a_question_quoted_as_a_things_words_is_no_question(text: str, question: bool) -> None:
    assert ("question" in reasons_of(text)) is question


def test_an_adviser_is_no_advice() -> None:
    assert "advice or instruction" not in reasons_of("La conseillère municipale Anne Morel a démissionné lundi à Lyon.")
    assert "advice or instruction" not in reasons_of("Le ministre Paul Roux a limogé mardi trois de ses conseillers.")
    assert "advice or instruction" in reasons_of("Le ministère conseille aux voyageurs de reporter leur départ.")
    assert "advice or instruction" in reasons_of("Les médecins conseillent de boire beaucoup d'eau pendant l'été.")


def test_an_articles_first_statement_of_what_happened_is_its_lead() -> None:
    told = extract_claims("Le maire de Nantes, Paul Vidal, a démissionné lundi après dix ans de mandat. Le conseil "
                          "municipal se réunira en mars pour élire son successeur. Paul Vidal avait été élu en 2014.",
                          language="fr")
    lead = claim_with(told, "démissionné")
    assert lead.signals.lead and "the article's lead: the news it reports" in lead.checkworthiness_reasons
    assert not claim_with(told, "élu en 2014").signals.lead
    # a forecast first is no lead
    ahead = extract_claims("Le maire de Nantes, Paul Vidal, devrait démissionner lundi prochain. Il avait été élu "
                           "en 2014 avec 52 % des voix.", language="fr")
    assert not claim_with(ahead, "démissionner").signals.lead


def test_a_hook_before_the_news_leaves_the_lead_to_the_news() -> None:
    told = extract_claims("La mise en garde de la préfecture n'aura pas suffi. Neuf personnes ont été soignées au CHU "
                          "de Strasbourg pour des blessures dues à des pétards. Le service avait soigné 29 blessés "
                          "l'an dernier à Strasbourg. Les pétards venaient de Pologne selon le docteur Paul Roux.",
                          language="fr")
    assert claim_with(told, "Neuf personnes").signals.lead
    assert not claim_with(told, "29 blessés").signals.lead
    # no further than the first three statements: a detail of the body is no lead
    late = extract_claims("Le festival de Lyon s'ouvre ce soir avec 40 concerts. Les organisateurs attendent 20.000 "
                          "spectateurs à Lyon. Les billets sont en vente à la mairie de Lyon. La police de Lyon avait "
                          "interpellé 12 personnes pendant le festival l'an dernier.", language="fr")
    assert not any(c.signals.lead for c in [*late.claims, *late.recoverable])


def test_news_told_in_a_dated_present_is_the_lead_only_when_no_statement_tells_the_past() -> None:
    present = extract_claims("Santé publique France recense mardi 20.796 morts depuis le 1er mars en France. Les "
                             "hôpitaux de Paris manquent de lits de réanimation.", language="fr")
    assert claim_with(present, "recense").signals.lead
    # a hook in a dated present, then the news in the past: the news
    hook = extract_claims("L'année 2017 commence difficilement pour la chanteuse Mariah Carey. Mariah Carey a raté "
                          "son play-back lundi soir à New York devant un million de téléspectateurs.", language="fr")
    assert claim_with(hook, "play-back").signals.lead
    assert not claim_with(hook, "commence").signals.lead


def test_a_figure_names_what_a_lead_tells_without_a_name() -> None:
    # the first statement counts the news with no name in it: it is the lead, not the named detail after it
    counted = extract_claims("L'épidémie de grippe a fait trois morts depuis le début du mois de janvier. Le docteur "
                             "Paul Roux a soigné deux malades à l'hôpital de Lyon la semaine dernière.", language="fr")
    assert claim_with(counted, "trois morts").signals.lead
    assert not claim_with(counted, "Paul Roux").signals.lead
    # with neither a name nor a figure, no lead
    vague = extract_claims("La situation des hôpitaux s'est beaucoup dégradée depuis le début de l'hiver. Les "
                           "médecins ont dénoncé le manque de lits et de personnel dans les services.", language="fr")
    assert not any(c.signals.lead for c in [*vague.claims, *vague.recoverable])


@pytest.mark.parametrize("opening", [
    "Il est apparu que les accidents avaient doublé à Lyon pendant les travaux du tunnel de Fourvière.",
    "Celui que les supporters de Lyon avaient tant adoré a quitté le club en 2019 après dix saisons.",
    "En comparant les chiffres de 2018, il est apparu que les accidents avaient doublé à Lyon.",
])
def test_a_statement_whose_subject_is_a_demonstrative_or_an_impersonal_il_is_no_lead(opening: str) -> None:
    told = extract_claims(opening + " Le ministre des Transports Paul Vidal a présenté lundi 12 mesures à Paris.",
                          language="fr")
    assert claim_with(told, "12 mesures").signals.lead
    assert not any(c.signals.lead for c in [*told.claims, *told.recoverable] if "12 mesures" not in c.text)


@pytest.mark.parametrize(("text", "lead"), [
    # a cleft names its subject
    ("Ce sont les syndicats de la SNCF qui ont révélé l'affaire devant les juges de Lyon. Le ministre des "
     "Transports Paul Vidal a présenté lundi 12 mesures à Paris.", "syndicats"),
    # "Il a annoncé" reads "Paul Vidal a annoncé"
    ("Le maire de Nantes, Paul Vidal, était en visite à l'usine lundi. Il a annoncé la fermeture de l'usine Renault "
     "de Cheviré en septembre.", "fermeture"),
])
def test_a_pronoun_subject_that_names_someone_leaves_the_lead_its_place(text: str, lead: str) -> None:
    assert claim_with(extract_claims(text, language="fr"), lead).signals.lead


def test_what_is_due_lies_ahead() -> None:
    # published on Wednesday 2019-03-20: the Monday the ministers are due at is the 25th
    [told] = extract_texts(["Les ministres de la Santé et du Travail doivent participer lundi à une réunion à Paris."],
                           languages=["fr"], published=[dt.date(2019, 3, 20)])
    [cand] = [*told.claims, *told.recoverable]
    assert [d["value"] for d in cand.dates] == ["2019-03-25"]
    assert "forecast or expectation" in cand.checkworthiness_reasons


def test_readable_tries_each_pattern_only_where_its_character_is() -> None:
    """readable() skips the trailing-attribution, footnote and hashtag-run patterns on a text without a comma,
    an asterisk or a "#", and removes the blanks before a stop with a plain replacement: the same text as
    every pattern tried everywhere."""
    import re

    from claims.extraction import readable as rd

    def everywhere(text: str) -> str:
        text = rd._FOOTNOTE.sub("", rd._TAG_RUN.sub(" ", rd._NOISE.sub(rd._noise_or_content, rd._TRAILING_ATTRIBUTION.sub(
            "", text))).replace("#", ""))
        text = re.sub(r"\s+([.,!?…])", r"\1", re.sub(r"[«»“”\"]", " ", text))
        text = rd._single_copy(" ".join(text.split()).strip(" ,;:-"))
        return text + "." if text and text[-1].isalnum() and len(text.split()) > 3 else text

    for text in ["Le chômage a baissé de 3 %, a-t-il déclaré.", "Une enquête* Harris montre que 40 % des gens .",
                 "Le maire s'oppose à @BGriveaux #Paris #municipales #2020", "Les prix montent #inflation #crise",
                 "Voir www.example.org ! Il pleut", "« Nous ne céderons pas » , a dit le ministre", "", "a , b . c",
                 "Un texte sans rien de tout cela mais assez long"]:
        assert rd.readable(text) == everywhere(text), text
    assert rd._SPACE_BEFORE_STOP.sub("", "a , b . c ! d … e") == "a, b. c! d… e"


@pytest.mark.parametrize(("text", "hypothetical"), [
    # a hypothesis's word spelt by a noun, a name or an adverb of degree
    ("Le groupe Korian compte 308 établissements sur les 7.500 maisons de retraite en France.", False),
    ("La ville de Saint-Ouen a vite rassuré la population via son compte Twitter lundi.", False),
    ("Le Corriere della Sera a publié lundi une enquête sur la mafia de Naples.", False),
    ("La géographie française a été si peu étudiée par les élèves de Lyon en 2019.", False),
    # the same words as what they are: a conjunction, a verb
    ("Si le match avait eu lieu, le club de Lyon aurait touché 3 millions d'euros.", True),
    ("La mairie de Lyon envisage la fermeture de trois écoles en 2021.", True),
])
def test_a_hypothesis_is_read_on_its_words_as_the_words_they_are(text: str, hypothetical: bool) -> None:
    assert ("future or hypothetical" in reasons_of(text)) is hypothetical


@pytest.mark.parametrize(("text", "schedule"), [
    # a schedule's words in what happened
    ("L'enregistrement des nouvelles séquences du programme a commencé jeudi 6 octobre 2016 à Paris.", False),
    ("Les protocoles de soins ont été opérationnels dès le 28 février à l'hôpital de Lyon.", False),
    ("La compagnie a suspendu ses vols vers la Chine jusqu'au 9 février à cause de l'épidémie.", False),
    # what will happen, or a clock time
    ("Le sommet des chefs d'État se tiendra les 12 et 13 octobre à Tachkent.", True),
    ("Les inscriptions pour le marathon de Lyon commenceront à partir du 3 mars.", True),
    ("Le conseil municipal de Lyon a voté le budget lundi à 18h30.", True),
])
def test_a_schedules_words_tell_a_schedule_only_outside_the_past(text: str, schedule: bool) -> None:
    assert ("schedule or announcement" in reasons_of(text)) is schedule


@pytest.mark.parametrize(("text", "forecast"), [
    # what was planned or awaited, told in the past
    ("Les rassemblements prévus en avril à Lyon n'ont pas eu lieu.", False),
    ("Le ministre Olivier Véran a dévoilé mercredi l'enveloppe prévue pour les soignants: six milliards d'euros.", False),
    ("Prévu initialement le 22 mars, le second tour a été reporté au mois de juin.", False),
    # a plan, what is planned now, a modal: still ahead
    ("Greta Thunberg a également prévu de se rendre au Canada en décembre.", True),
    ("L'autopsie de la victime est prévue lundi 19 décembre à Nantes.", True),
    ("Le chômage devrait atteindre 10 % de la population active en 2021.", True),
])
def test_a_plan_told_in_the_past_is_no_forecast(text: str, forecast: bool) -> None:
    assert ("forecast or expectation" in reasons_of(text)) is forecast


@pytest.mark.parametrize(("text", "forecast"), [
    # what a speaker said will happen, whatever the tense of the saying
    ("Le ministre Christophe Castaner a assuré mardi que la réforme sera votée avant l'été.", True),
    ("La présidente du Rassemblement national affirme qu'il y aura des élus du parti dans les cortèges de Lyon.", True),
    # what a speaker said happened or is
    ("Le ministre Christophe Castaner a assuré mardi que la réforme a été votée avant l'été.", False),
    ("La présidente du Rassemblement national affirme que des élus du parti étaient dans les cortèges de Lyon.", False),
])
def test_what_a_speaker_says_will_happen_is_a_forecast(text: str, forecast: bool) -> None:
    assert ("forecast or expectation" in reasons_of(text)) is forecast


@pytest.mark.parametrize(("text", "first_person"), [
    # a title or a lawyer's "Me" capitalised after a word: no one speaks of themselves
    ("Vanessa Burggraf a remplacé Léa Salamé dans On n'est pas couché en 2015.", False),
    ("Son avocat Me Richard Sebban a saisi le tribunal de grande instance de Paris lundi.", False),
    ("Le présentateur de Touche Pas à Mon Poste a répondu lundi aux attaques de la comédienne.", False),
    # the first person opening a sentence or a quotation
    ("Nous avons signé le contrat lundi avec la mairie de Lyon.", True),
    ('Le maire a déclaré : "Nous avons signé le contrat lundi avec la mairie de Lyon".', True),
])
def test_a_capitalised_first_person_word_after_a_word_names_a_title(text: str, first_person: bool) -> None:
    assert ("first person" in reasons_of(text)) is first_person


@pytest.mark.parametrize(("text", "promotional"), [
    ("Le gouvernement a annoncé une promotion unique de la Légion d'honneur le 1er janvier 2021.", False),
    ("Ségolène Royal a présenté des factures de Fayard, l'éditeur du livre dont elle faisait la promotion.", False),
    ("Ce robot cuiseur est en promo à 199 euros jusqu'à dimanche chez Lidl.", True),
])
def test_a_promotion_of_an_officer_or_a_book_is_no_promotional_copy(text: str, promotional: bool) -> None:
    assert ("promotional copy" in reasons_of(text)) is promotional


@pytest.mark.parametrize(("text", "past"), [
    # "venir de" before an infinitive: the recent past
    ("Le Parlement vient de voter définitivement la prolongation de l'état d'urgence jusqu'au 10 juillet.", True),
    ("Le site internet World Mayor vient de publier la liste des 38 maires en compétition.", True),
    # "venir" itself, in the present
    ("Le maire de Lyon vient souvent de Villeurbanne en voiture.", False),
])
def test_venir_de_before_an_infinitive_reports_a_past_event(text: str, past: bool) -> None:
    assert ("reports a past event" in reasons_of(text)) is past


@pytest.mark.parametrize(("text", "past"), [
    # the main verb tells what will or may happen: a participle beside it is background, not the news
    ("La commune, frappée par les inondations en mars, pourrait recevoir une aide de 2 millions d'euros.", False),
    ("La piscine, fermée depuis 2019, rouvrira ses portes en septembre après les travaux.", False),
    # a judgement in the present: what it is said for is its reason, not the claim
    ("Selon le maire de Brest, cette décision est injuste, car les habitants ont déjà payé la taxe.", False),
    # the main verb in the past, or an alleged past act, keeps it
    ("La commune, frappée par les inondations en mars, a reçu une aide de 2 millions d'euros.", True),
    ("Le maire de Brest aurait payé 26 000 euros pour la fête de la ville en juin.", True),
])
def test_a_past_beside_a_forecast_or_a_present_judgement_is_no_past_event(text: str, past: bool) -> None:
    assert ("reports a past event" in reasons_of(text)) is past


@pytest.mark.parametrize(("text", "forecast"), [
    ("Le gouvernement va présenter un projet de loi sur les retraites en mars.", True),
    ("Nous allons être à 90 % de remplissage, a indiqué le directeur du festival de Brest.", True),
    ("La région ne va pas leur verser la subvention de 3 millions d'euros.", True),
    # "aller" to a place, the infinitive after "pour"
    ("Les agriculteurs de la Creuse vont à Paris pour rencontrer le ministre.", False),
])
def test_the_near_future_is_a_forecast(text: str, forecast: bool) -> None:
    assert ("forecast or expectation" in reasons_of(text)) is forecast


def test_an_opening_infinitive_read_as_a_participle_reports_no_past_event() -> None:
    # the tagger reads the capitalised "Travailler" after a sentence as "Tense=Past|VerbForm=Part"
    told = extract_claims("Le maire a présenté son budget lundi. Travailler ensemble pour notre ville est une nécessité, "
                          "a encore plaidé le 14 mars le maire de Lyon, quelques jours après une manifestation.",
                          language="fr", selective=False)
    [plea] = [c for c in [*told.claims, *told.recoverable] if c.quote.startswith("Travailler")]
    assert "reports a past event" not in plea.checkworthiness_reasons


@pytest.mark.parametrize(("text", "past"), [
    # a passive in the subjunctive: what is wanted or feared
    ("Le syndicat des commerçants exige que la taxe municipale soit supprimée.", False),
    # a past subjunctive still tells a past act
    ("Le maire de Lyon nie que le contrat ait été signé en mars.", True),
])
def test_a_passive_in_the_subjunctive_reports_no_past_event(text: str, past: bool) -> None:
    assert ("reports a past event" in reasons_of(text)) is past


def test_two_verbs_joined_by_ou_make_one_statement() -> None:
    text = ("Si plus d'un Français sur deux soutient ou a de la sympathie pour cette grève (+4 points par rapport à "
            "une enquête du 5 mars), 29% (-8) y sont opposés ou hostiles et 15% (+3) indifférents.")
    extraction = extract_claims(text, language="fr", selective=False)
    texts = [c.text for c in [*extraction.claims, *extraction.recoverable]]
    assert any("soutient ou a de la sympathie" in t for t in texts), texts
    assert not any(t.startswith("Si plus d'un Français sur deux a de la sympathie") for t in texts), texts
