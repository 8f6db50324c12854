"""The text built from a quotation: the quoted words stand alone only when they are a statement on their own
(a preposition outside that governs them stays with them), and the mark of words cut from a quotation stays
where leaving it out would glue two fragments into one ungrammatical sentence."""

from __future__ import annotations

import pytest

from tests.extraction.test_rewrite import one


@pytest.mark.parametrize(("text", "needle", "expected"), [
    ('Avec "80 % de retours négatifs sur les trois dernières saisons", d\'après le syndicat.', "retours",
     "Avec 80 % de retours négatifs sur les trois dernières saisons."),
    ('Le syndicat appelle à "une grève totale des 1.200 salariés du site".', "grève",
     "Le syndicat appelle à une grève totale des 1.200 salariés du site."),
])
def test_a_preposition_that_governs_the_quotation_stays_in_the_text(text: str, needle: str, expected: str) -> None:
    assert one(text, needle).text == expected


@pytest.mark.parametrize(("text", "needle", "kept"), [
    ('Avec "80 % de retours négatifs sur les trois saisons (...) la question du maintien de la ligne se pose", '
     "d'après le syndicat.", "retours", "saisons (...) la question"),
    ('"Nous avons rénové 14 gymnases en deux ans (...) nous continuerons avec les piscines", a affirmé le maire.',
     "gymnases", "ans (...) nous continuerons"),
])
def test_the_mark_of_a_cut_between_two_fragments_stays(text: str, needle: str, kept: str) -> None:
    assert kept in one(text, needle).text


def test_the_mark_of_a_cut_that_the_sentence_reads_on_across_still_goes() -> None:
    # (a guard: passes with and without the rule above)
    claim = one('Le maire a déclaré: "Nous avons rénové (...) 14 gymnases en 2019".', "gymnases")
    assert claim.text == "Nous avons rénové 14 gymnases en 2019."


@pytest.mark.parametrize("mark", ["(...)", "[...]", "[…]"])
def test_a_quotation_opening_on_the_mark_of_a_cut_is_its_speakers_words(mark: str) -> None:
    text = ("Le maire de Roquebelle, Paul Verdier, a annoncé lundi sa candidature à un quatrième mandat. "
            f"\"{mark} Je veux terminer la rénovation des 14 gymnases de la ville\", a-t-il déclaré devant la presse.")
    claim = one(text, "gymnases")
    assert claim.quote.startswith(f'"{mark}')
    assert claim.text == "Paul Verdier : « Je veux terminer la rénovation des 14 gymnases de la ville. »"


def test_square_brackets_opening_a_sentence_as_the_mark_of_a_cut_leave_its_text() -> None:
    claim = one("Le conseil municipal a voté le budget lundi. [...] Les dépenses de la ville ont augmenté de 8 % en deux "
                "ans.", "dépenses")
    assert claim.text == "Les dépenses de la ville ont augmenté de 8 % en deux ans."


@pytest.mark.parametrize(("text", "expected"), [
    ('Le maire Paul Verdier a déclaré : "Nous allons rénover 14 gymnases en 2026".',
     "Paul Verdier : « Nous allons rénover 14 gymnases en 2026. »"),
    ("Devant le conseil municipal, l'adjointe Claire Moulin a expliqué : \"La piscine a coûté 3 millions d'euros\".",
     "La piscine a coûté 3 millions d'euros."),
])
def test_a_french_speaker_who_introduces_a_quotation_with_a_colon_leaves_the_text(text: str, expected: str) -> None:
    assert one(text, "Nous allons" if "Nous" in text else "piscine").text == expected


@pytest.mark.parametrize(("text", "kept"), [
    # an alleged speech, a statement of the verb's own, the question answered, a phrase that goes on the lead
    ('Le maire aurait confié à un proche : "Nous allons rénover 14 gymnases en 2026".', "aurait confié"),
    ('Le maire a précisé avoir visité 14 gymnases : "Nous allons tous les rénover en 2026".', "avoir visité"),
    ('Interrogé sur le budget, le maire a répondu : "Nous allons rénover 14 gymnases en 2026".', "répondu"),
    ('Le syndicat s\'est dit satisfait de la décision du maire : "une première pour les 14 gymnases".',
     "satisfait"),
])
def test_a_colon_lead_that_says_more_than_who_spoke_stays(text: str, kept: str) -> None:
    assert kept in one(text, "14 gymnases").text


def test_a_quotation_that_is_only_a_part_of_the_clause_around_it_keeps_that_clause() -> None:
    claim = one('La commune sera présente "dans 90 % des quartiers de plus de 2.000 habitants", a assuré le maire.',
                "90 %")
    assert "sera présente dans 90 %" in claim.text
