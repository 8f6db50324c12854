"""Attribution cues read whatever their case or the connective before them: a marker capitalised in mid-sentence
("Mais Selon ...") opens a source as the lower-case one does, the tagger taking it into a name makes it no part of
the claimant, and "Mais pour X," gives X's view as "Pour X," does."""

from __future__ import annotations

import pytest

from tests.extraction.test_attribution import claim


@pytest.mark.parametrize("marker", ["selon", "Selon"])
def test_a_capitalised_selon_in_mid_sentence_gives_the_claimant_the_lower_case_one_gives(marker: str) -> None:
    cand = claim(f"Mais {marker} les équipes de vérification du Monde, la photographie aurait été prise en 2015 "
                 "lors d'une manifestation à Lisbonne.", "photographie")
    assert (cand.claimant, cand.outlet) == ("Le Monde", "Le Monde")
    assert cand.text.startswith("La photographie aurait été prise")


@pytest.mark.parametrize(("source", "claimant"), [
    ("les services de fact-checking de l'AFP", "AFP"),
    ("Le Canard enchaîné", "Le Canard enchaîné"),
    ("Météo-France", "Météo-France"),
])
def test_a_capitalised_marker_the_tagger_glued_to_the_source_is_not_part_of_the_claimant(
        source: str, claimant: str) -> None:
    cand = claim(f"Mais Selon {source}, le député Paul Verdier se serait appuyé sur une carte de 1998 pour "
                 "annoncer 30 millimètres de pluie.", "carte de 1998")
    assert cand.claimant == claimant


@pytest.mark.parametrize("opening", ["Mais pour", "Toutefois, pour", "Et pour"])
def test_a_point_of_view_after_a_connective_names_who_holds_it(opening: str) -> None:
    cand = claim(f"{opening} l'économiste Julie Mardel, la hausse des loyers s'explique d'abord par la pénurie de "
                 "logements neufs.", "loyers")
    assert cand.claimant == "Julie Mardel"


def test_a_connective_before_pour_and_a_figure_still_names_no_one() -> None:
    # (a guard: passes with and without the rule above)
    assert claim("Mais pour 2025, le budget de la commune sera de 3 millions d'euros.", "budget").claimant == ""


@pytest.mark.parametrize(("text", "needle", "language"), [
    ("Mais selon Le Courrier, les travaux coûteront 4,2 millions d'euros, et non 12 millions comme l'a affirmé "
     "le maire.", "travaux", "fr"),
    ("But according to The Courier, the works will cost 4.2 million dollars, not 12 million as the mayor claimed.",
     "works", "en"),
])
def test_a_source_opening_the_sentence_after_a_connective_is_its_source(text: str, needle: str, language: str) -> None:
    # (not the speaker of a clause comparing with what someone else said)
    cand = claim(text, needle, language)
    assert cand.claimant != "le maire" and cand.claimant != "the mayor"
    assert cand.text.startswith(("Les travaux", "The works"))
