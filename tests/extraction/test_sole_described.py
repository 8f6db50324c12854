"""A definite description of a person ("La jeune étudiante de 20 ans", "Le jeune homme", "l'animateur") is the one
person of its gender the article named before it (antecedents.sole_person_described, Context.sole_described), written
as rewrite.named_form names them; never when two people of that gender, someone of unknown gender or someone brought
in unnamed could be them."""

from __future__ import annotations

from typing import Any

from claims.extraction import extract_texts


def claim(text: str, words: str, title: str) -> Any:
    """The candidate of an article with this title whose quote holds `words`."""
    [extraction] = extract_texts([text], languages=["fr"], titles=[title])
    return next(c for c in [*extraction.claims, *extraction.recoverable] if words in c.quote)


TITLE = "Nantes : Thomas Girard en garde à vue"


def test_a_description_with_an_age_is_the_one_woman_named_before() -> None:
    text = ("Claire Dumont a disparu dimanche 4 mars à Rennes, selon la police. Ses proches ont lancé un appel à "
            "témoins. La jeune étudiante de 21 ans reste introuvable depuis six jours.")
    cand = claim(text, "six jours", "Rennes : Claire Dumont toujours introuvable")
    assert cand.text.startswith("La jeune étudiante Claire Dumont, 21 ans, reste introuvable")
    assert not cand.needs_context


def test_an_identity_description_gives_way_to_the_one_man_named_before() -> None:
    text = ("Thomas Girard a été interpellé samedi à Nantes. Sa soeur a alerté la police. Le jeune homme, âgé de 19 "
            "ans, a passé trois nuits en garde à vue.")
    cand = claim(text, "trois nuits", TITLE)
    assert cand.text.startswith("Thomas Girard, âgé de 19 ans, a passé trois nuits")
    assert not cand.needs_context


def test_no_name_when_two_men_were_named() -> None:
    text = ("Thomas Girard a été interpellé samedi à Nantes avec Julien Moreau. Sa soeur a alerté la police. Le jeune "
            "homme, âgé de 19 ans, a passé trois nuits en garde à vue.")
    cand = claim(text, "trois nuits", TITLE)
    assert "Girard" not in cand.text and "Moreau" not in cand.text
    assert cand.needs_context


def test_no_name_when_the_article_brought_in_someone_unnamed_of_that_gender() -> None:
    text = ("Un jeune homme a été interpellé samedi à Nantes. Thomas Girard, le maire, a réagi dimanche. Sa soeur a "
            "alerté la police. Le jeune homme, âgé de 19 ans, a passé trois nuits en garde à vue.")
    assert "Girard" not in claim(text, "trois nuits", TITLE).text


def test_no_name_for_a_description_of_the_other_gender_or_with_a_clause() -> None:
    text = ("Thomas Girard a été agressé samedi à Nantes. Sa soeur a alerté la police. La jeune femme qui l'a "
            "frappé a passé trois nuits en garde à vue.")
    assert "Girard" not in claim(text, "trois nuits", TITLE).text


def test_no_name_when_the_title_names_them_only_as_whose() -> None:
    text = ("Thomas Girard a été interpellé samedi à Nantes. Sa soeur a alerté la police. Le jeune homme, âgé de 19 "
            "ans, a passé trois nuits en garde à vue.")
    assert "Girard" not in claim(text, "trois nuits", "Nantes : le fils de Thomas Girard en garde à vue").text


def test_no_gender_from_a_noun_whose_form_does_not_show_it() -> None:
    text = ("Julie Martin a ouvert une école de théâtre à Lyon. L'élève a présenté trois pièces samedi soir.")
    assert "Martin" not in claim(text, "trois pièces", "Lyon : Julie Martin ouvre son école").text


def test_a_title_about_what_happened_to_them_names_them() -> None:
    text = ("Les recherches se poursuivent à Rennes pour retrouver Claire Dumont. Ses proches ont lancé un appel à "
            "témoins. La jeune étudiante reste introuvable depuis six jours.")
    cand = claim(text, "six jours", "Disparition de Claire Dumont : un appel à témoins lancé")
    assert cand.text.startswith("La jeune étudiante Claire Dumont reste introuvable")
