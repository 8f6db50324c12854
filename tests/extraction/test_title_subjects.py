"""The title says who a subject opening the article or an office given only by its place is: an "il"/"elle" that
opens the article (pipeline._name_opening_pronoun, Context.title_person) and "la députée du Nord" (pipeline.
_name_place_office, Context.title_holder) are the one person of their gender the title names; never when the title
names two, none of that gender, or the article speaks of another holder of the office elsewhere."""

from __future__ import annotations

from typing import Any

from claims.extraction import extract_texts


def claim(text: str, words: str, title: str) -> Any:
    """The candidate of an article with this title whose quote holds `words`."""
    [extraction] = extract_texts([text], languages=["fr"], titles=[title])
    return next(c for c in [*extraction.claims, *extraction.recoverable] if words in c.quote)


OPENING = ("Elle a remporté 12 tournois en 2021 et pourtant, à la surprise générale, Lucie Marchand annonce sa retraite. "
           "La joueuse de tennis avait débuté à Lyon.")


def test_a_pronoun_opening_the_article_is_the_one_person_the_title_names() -> None:
    cand = claim(OPENING, "12 tournois", "Le départ surprise de Lucie Marchand")
    assert cand.text.startswith("Lucie Marchand a remporté 12 tournois")
    assert not cand.needs_context


def test_no_name_for_an_opening_pronoun_of_the_other_gender_or_two_people_in_the_title() -> None:
    cand = claim(OPENING.replace("Elle a", "Il a", 1), "12 tournois", "Le départ surprise de Lucie Marchand")
    assert cand.text.startswith("Il a remporté") and cand.needs_context
    text = OPENING.replace("Lucie Marchand annonce", "Lucie Marchand et Sophie Berger annoncent")
    cand = claim(text, "12 tournois", "Lucie Marchand et Sophie Berger prennent leur retraite")
    assert cand.text.startswith("Elle a remporté") and cand.needs_context


def test_a_pronoun_after_the_first_sentence_is_not_the_title_person() -> None:
    text = ("Une femme de 40 ans a été secourue lundi près de Brest. Elle a passé 3 jours dans un ravin. Sa voisine, "
            "Lucie Marchand, avait donné l'alerte.")
    cand = claim(text, "3 jours", "Brest : Lucie Marchand sauve sa voisine")
    assert cand.text.startswith("Elle a passé") and cand.needs_context


PLACE = ("Le projet de loi sur les retraites a poussé cette élue du Cher à partir. Hélène Vasseur est déçue. La députée "
         "du Cher annonce ce jeudi qu'elle quitte le groupe majoritaire après 3 ans.")


def test_an_office_given_by_its_place_is_the_one_person_of_its_gender_the_title_names() -> None:
    cand = claim(PLACE, "3 ans", "La députée Hélène Vasseur quitte la majorité")
    assert cand.text.startswith("La députée du Cher Hélène Vasseur annonce ce jeudi")
    assert cand.claimant == "Hélène Vasseur"
    assert not cand.needs_context


def test_no_name_for_an_office_by_its_place_when_another_place_has_an_unnamed_holder() -> None:
    text = PLACE.replace("Hélène Vasseur est déçue.", "Hélène Vasseur est déçue, comme la députée de l'Indre.")
    cand = claim(text, "3 ans", "La députée Hélène Vasseur quitte la majorité")
    assert "Vasseur" not in cand.text and cand.needs_context


def test_no_name_for_an_office_by_its_place_of_another_gender_than_the_title_person() -> None:
    cand = claim(PLACE.replace("La députée du Cher", "Le député du Cher"), "3 ans",
                 "La députée Hélène Vasseur quitte la majorité")
    assert "Vasseur" not in cand.text and cand.needs_context


BARE = ("Dans un livre de la journaliste Claire Fontaine paru jeudi, Nadia Berthier dit avoir été hospitalisée en mars. "
        "L'ouvrage de 300 pages sera traduit en 4 langues dès 2025. Le livre a été imprimé à 20 000 exemplaires par "
        "un éditeur lyonnais. La ministre a perdu 8 kilos pendant les 6 premiers mois de son mandat.")


def test_a_bare_office_is_the_one_person_of_its_gender_the_title_names() -> None:
    cand = claim(BARE, "8 kilos", "Nadia Berthier hospitalisée en mars")
    assert cand.text.startswith("La ministre Nadia Berthier a perdu 8 kilos")
    assert not cand.needs_context


def test_no_name_for_a_bare_office_when_another_woman_was_named_after_her() -> None:
    text = BARE.replace("un éditeur lyonnais", "la directrice Sophie Lemoine")
    cand = claim(text, "8 kilos", "Nadia Berthier hospitalisée en mars")
    assert "Berthier" not in cand.text and cand.needs_context


def test_no_name_for_a_bare_office_when_the_title_names_two_women_or_she_holds_another_office() -> None:
    text = BARE.replace("Nadia Berthier dit", "Nadia Berthier et la chanteuse Sophie Lemoine disent")
    cand = claim(text, "8 kilos", "Nadia Berthier et Sophie Lemoine hospitalisées en mars")
    assert "Berthier" not in cand.text and cand.needs_context
    text = BARE.replace("Nadia Berthier dit", "Nadia Berthier, présidente de la région, dit")
    cand = claim(text, "8 kilos", "Nadia Berthier hospitalisée en mars")
    assert "Berthier" not in cand.text and cand.needs_context
