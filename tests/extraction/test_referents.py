"""A claim's referents: a reader of the claim alone can tell who and what it is about, or it is flagged as
needing context (claims.extraction.rewrite). Subjects resolved to a name when the article makes it
certain, never to a wrong one."""

from __future__ import annotations

from tests.extraction.test_rewrite import one


def test_il_of_falloir_in_any_tense_stands_for_no_one() -> None:
    text = ("Herbert Léonard a été plongé dans un coma artificiel en juin. "
            "Il avait fallu pas moins de trois tentatives pour réveiller le chanteur de 72 ans.")
    claim = one(text, "trois tentatives")
    assert claim.text.startswith("Il avait fallu pas moins de trois tentatives")
    text = ("Le maire a présenté le projet lundi à Lyon. "
            "Il fallait trouver 3 millions d'euros pour rénover la piscine municipale de Villeurbanne.")
    assert one(text, "3 millions").text.startswith("Il fallait trouver")


def test_a_pronoun_after_an_indefinite_description_is_not_replaced_by_it() -> None:
    # "Une femme de militaire" says nothing of who answered, and reads as someone new: the claim needs context.
    text = ("Selon Susie Stringfellow, une femme de militaire qui a échangé avec le couple, la question pourrait "
            "se poser. Elle a répondu aux questions des médias des forces armées britanniques en 2019.")
    claim = one(text, "médias des forces armées")
    assert claim.text.startswith("Elle a répondu")
    assert claim.needs_context


def test_il_in_a_second_clause_goes_on_about_the_thing_the_first_clause_is_about() -> None:
    text = ("Thomas Ingenlath a présenté la voiture à Göteborg. Ce pack comprend un système de freinage "
            "Brembo, et il est proposé au prix de 6 000 euros.")
    claim = one(text, "6 000 euros")
    assert "Ingenlath" not in claim.text
    assert claim.needs_context


def test_il_after_a_sentence_about_a_thing_is_not_the_person_named_before() -> None:
    text = ("Thomas Ingenlath a présenté la nouvelle voiture à Göteborg mardi. Ce pack comprend un système "
            "de freinage Brembo. Il est proposé au prix de 6 000 euros en Allemagne.")
    claim = one(text, "6 000 euros")
    assert "Ingenlath" not in claim.text
    assert claim.needs_context
