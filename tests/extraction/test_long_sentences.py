"""Long sentences: one claim per independent clause (sentence_clauses._long_parts), and asides a long text can do
without (padding._asides). Every part quotes the article exactly and stays faithful."""

from __future__ import annotations

from typing import Any

from claims.extraction import extract_claims
from claims.extraction.faithful import missing


def candidates(text: str) -> list[Any]:
    extraction = extract_claims(text, language="fr")
    found = sorted([*extraction.claims, *extraction.recoverable], key=lambda c: c.start)
    for cand in found:
        assert text[cand.start : cand.end] == cand.quote  # the offsets of every part, exactly
        assert not missing(cand.checkable or cand.quote, cand.text, [e["text"] for e in cand.entities])
    return found


def one(found: list[Any], needle: str) -> Any:
    hits = [c for c in found if needle in c.quote]
    assert len(hits) == 1, [c.quote for c in found]
    return hits[0]


def test_it_splits_a_long_sentence_at_a_semicolon_into_two_quoted_claims() -> None:
    text = ("La mairie de Lille a fermé douze écoles lundi matin à cause des inondations qui ont touché le nord "
            "du département; la préfecture du Nord a ouvert trois gymnases pour accueillir les quelque 400 "
            "familles évacuées de leurs logements.")
    found = candidates(text)
    schools, gyms = one(found, "douze écoles"), one(found, "trois gymnases")
    assert schools is not gyms
    assert schools.text == ("La mairie de Lille a fermé douze écoles lundi matin à cause des inondations qui ont "
                            "touché le nord du département.")
    assert gyms.quote.startswith("la préfecture du Nord a ouvert") and gyms.quote.endswith("logements.")
    assert gyms.text.startswith("La préfecture du Nord a ouvert trois gymnases")


def test_it_splits_at_a_colon_followed_by_a_full_clause() -> None:
    text = ("Les données publiées chaque soir par les autorités sanitaires de la région incitent à la plus grande "
            "retenue: le nombre de morts a encore augmenté de 98 en une journée dans les hôpitaux de Lyon.")
    found = candidates(text)
    deaths = one(found, "98")
    assert deaths.text == "Le nombre de morts a encore augmenté de 98 en une journée dans les hôpitaux de Lyon."
    assert one(found, "retenue") is not deaths


def test_it_keeps_whole_what_a_speaker_introduced_with_a_colon() -> None:
    text = ("Le ministre de l'Intérieur Gérald Darmanin a déclaré lundi soir devant les députés réunis à "
            "l'Assemblée nationale: la police a interpellé 120 personnes dans la nuit à Paris et à Lyon.")
    found = candidates(text)
    assert one(found, "120 personnes") is one(found, "a déclaré")


def test_it_splits_at_comma_mais_before_a_new_subject_and_its_verb() -> None:
    text = ("Le conseil municipal de Nantes a voté mardi soir un budget de 12 millions d'euros pour rénover "
            "les écoles de la ville, mais l'opposition a dénoncé un projet trop coûteux pour les finances "
            "déjà fragiles de la commune.")
    found = candidates(text)
    budget, opposition = one(found, "12 millions"), one(found, "l'opposition")
    assert budget is not opposition
    assert opposition.text.startswith("L'opposition a dénoncé un projet trop coûteux")
    assert "mais" not in opposition.quote


def test_it_keeps_a_second_verb_without_a_subject_of_its_own_with_the_first() -> None:
    text = ("Le leader de la France insoumise a affirmé mercredi sur BFMTV qu'il ne serait pas candidat aux "
            "élections municipales de mars, mais a laissé la porte ouverte à une candidature à l'élection "
            "présidentielle de 2022.")
    found = candidates(text)
    assert one(found, "municipales") is one(found, "2022")


def test_a_pronoun_after_the_cut_stands_for_the_first_clause_subject() -> None:
    # Not for the subject of the sentence before, as a pronoun opening a sentence would.
    text = ("Paul Martin a été élu lundi soir à la tête du club de football de Valence. Jean Dupont a quitté samedi "
            "la présidence du club de Valence après douze ans de mandat et plusieurs titres régionaux, mais il a gardé son "
            "siège au conseil d'administration du club.")
    found = candidates(text)
    seat = one(found, "siège")
    assert seat is not one(found, "douze ans")
    assert seat.text == "Jean Dupont a gardé son siège au conseil d'administration du club."
    assert not seat.needs_context


def test_it_splits_a_leading_contrast_clause_of_fact_from_the_main_clause() -> None:
    text = ("Alors que la grève des contrôleurs aériens a paralysé l'aéroport de Marseille pendant trois jours "
            "cette semaine, la compagnie Air France a annulé 240 vols vers la Corse et l'Afrique du Nord depuis "
            "lundi.")
    found = candidates(text)
    strike, flights = one(found, "contrôleurs"), one(found, "240 vols")
    assert strike is not flights
    assert strike.text.startswith("La grève des contrôleurs aériens a paralysé l'aéroport de Marseille")
    assert flights.text.startswith("La compagnie Air France a annulé 240 vols")


def test_it_keeps_a_contrast_whole_when_one_side_is_no_fact() -> None:
    text = ("Alors que le gouvernement pourrait annoncer dès la semaine prochaine de nouvelles mesures pour les "
            "commerçants, la compagnie Air France a annulé 240 vols vers la Corse et l'Afrique du Nord depuis "
            "lundi.")
    found = candidates(text)
    assert one(found, "gouvernement") is one(found, "240 vols")


def test_it_keeps_a_clause_whole_that_only_points_back_to_the_other_predicate() -> None:
    text = ("Deux autres anciens collaborateurs de Nicolas Sarkozy, Jean Martin et Paul Durand, sont aussi renvoyés "
            "devant la justice pour favoritisme, tandis que le politologue Pierre Giacometti et sa société "
            "Giacometti Peron, devenue No Com, le sont pour recel de favoritisme.")
    found = candidates(text)
    assert one(found, "politologue") is one(found, "collaborateurs")


def test_it_does_not_split_a_short_sentence_nor_inside_brackets() -> None:
    short = "La préfecture a fermé trois écoles; la mairie a ouvert un gymnase pour les familles."
    assert len(candidates(short)) == 1
    bracketed = ("La majorité des personnes interrogées pense toujours que le pire est devant nous (66%; -2 points "
                 "par rapport à la semaine dernière), selon le dernier baromètre publié jeudi par l'institut Elabe.")
    assert len(candidates(bracketed)) == 1


def test_it_leaves_out_a_relative_clause_before_a_reflexive_verb() -> None:
    text = ("Christophe Castaner, qui l'accompagnait lors de cette allocution, s'est exprimé sur Twitter lundi "
            "soir après la mort du policier.")
    claim = one(candidates(text), "Twitter")
    assert claim.text == "Christophe Castaner s'est exprimé sur Twitter lundi soir après la mort du policier."
