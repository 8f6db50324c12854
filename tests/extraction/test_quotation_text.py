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
