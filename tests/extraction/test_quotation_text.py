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
