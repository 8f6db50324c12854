"""Teasers of other articles run into the text: a box of links opening on "A lire aussi :" and the opening of
another article cut by an ellipsis before "Lire la suite" / "Read more" are furniture, never claims."""

from __future__ import annotations

import pytest

from claims.extraction import extract_texts

_BODY = ("Le conseil municipal de Roquebelle a voté mardi la fermeture de la piscine Jean-Moulin pour deux ans. "
         "Les travaux coûteront 4,2 millions d'euros, selon la mairie.")


def _quotes(text: str, language: str = "fr") -> list[str]:
    [extraction] = extract_texts([text], languages=[language])
    return [c.quote for c in [*extraction.claims, *extraction.recoverable]]


@pytest.mark.parametrize("box", [
    "A lire aussi :La mairie de Vestrie ferme trois écoles après l'effondrement d'un préau en mars dernierDOSSIER Les "
    "écoles de la région en travaux",
    "Voir aussi : Le maire de Vestrie a démissionné après douze ans de mandat à la tête de la commune et deux "
    "condamnations.",
])
def test_a_box_of_links_to_other_articles_gives_no_candidate(box: str) -> None:
    quotes = _quotes(f"{_BODY}\n\n{box}")
    assert not any("Vestrie" in q for q in quotes), quotes
    assert any("4,2 millions" in q for q in quotes)


@pytest.mark.parametrize(("tail", "language"), [
    ("Pourquoi la mairie a-t-elle fermé le stade ? Inédite pour une commune de cette taille, la décision avait été "
     "prise par le préfet… Lire la suite sur Le Courrier", "fr"),
    ("The stadium was closed in 2019. Unprecedented for a town of this size, the decision had been taken by the "
     "prefect... Read more on The Courier", "en"),
])
def test_the_opening_of_another_article_cut_before_read_more_is_no_claim(tail: str, language: str) -> None:
    body = _BODY if language == "fr" else ("The town council of Roquebelle voted on Tuesday to close the Jean-Moulin "
                                           "swimming pool for two years. The works will cost 4.2 million euros.")
    quotes = _quotes(f"{body}\n\n{tail}", language)
    assert not any("décision avait été" in q or "decision had been" in q or "Lire la suite" in q or "Read more" in q
                   for q in quotes), quotes
    if language == "en":
        assert any("fermé en 2019" in q or "closed in 2019" in q for q in quotes), quotes
