"""Who speaks: the speaker of a statement as the article names them, when a pronoun, a role or a locution of
saying stands between them and the statement."""

from __future__ import annotations

from typing import Any

from claims.extraction import extract_texts


def claim(text: str, words: str) -> Any:
    """The candidate of `text` whose quote holds `words`."""
    [extraction] = extract_texts([text], languages=["fr"])
    found = [c for c in [*extraction.claims, *extraction.recoverable] if words in c.quote]
    assert found, [c.quote for c in [*extraction.claims, *extraction.recoverable]]
    return found[0]


def test_a_stressed_pronoun_after_selon_is_the_whole_source_whatever_quotation_follows_it() -> None:
    cand = claim("Le couvre-feu a été avancé à 18 heures, a annoncé la préfète Claire Martin. Selon elle, "
                 "\"depuis la rentrée\" et \"depuis les fêtes\", le nombre de cas a doublé dans le département.",
                 "doublé")
    assert cand.claimant == "Claire Martin"
    assert not cand.text.startswith("Selon")


def test_a_pronoun_after_the_statement_is_the_person_its_subject_names_after_a_role() -> None:
    cand = claim("L'épidémie a fait 40 morts en une semaine, selon l'Agence régionale de santé. Dans ce contexte, "
                 "le ministre de la Santé Paul Durand n'exclut pas la fermeture des écoles, a-t-il indiqué sur "
                 "France 2 dimanche soir.", "fermeture")
    assert (cand.claimant, cand.outlet) == ("Paul Durand", "France 2")
