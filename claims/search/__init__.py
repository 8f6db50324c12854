"""Matching and full-text search: "was this already checked?" and "what do our documents say?".

Public functions (keyword-only, read-only, no side effects):

- ``match_text(*, text, language="", limit=10) -> list[Match]``: prior fact-checks (imported
  ClaimReview rows) and the newsroom's own published verdicts that match a piece of text, best
  first. This is what ``GET /api/v1/match/?text=...`` returns. Each Match has ``kind``
  ("prior_factcheck" or "verdict"), ``id`` (PriorFactCheck or Verdict id), ``claim_reviewed``,
  ``rating``, ``url``, ``publisher``, ``score`` (0-1) and ``tier``:
    * ``"strong"``: same claim (shared wording, the same figures, the same names): the reviewer sees
      it as a likely duplicate and the claim gets ``has_strong_match``;
    * ``"possible"``: worth a look (a looser paraphrase, a translation, or the same topic with
      different figures or names; different numbers such as "40 tonnes" vs "400 tonnes" or a
      different country never reach "strong").
  Rows below the "possible" threshold are not returned.
- ``match_claim(*, claim, limit=10)``: the same for a Claim row, using its structured entities and
  quantities too and leaving out the claim's own verdicts.
- ``search_passages(*, text, language="", limit=10, entities=(), quantities=())``: library passages.

On PostgreSQL, candidates come from full-text search in each row's language configuration
(french/english/simple) and trigram similarity, on the GIN indexes of migration 0003; elsewhere
from a bounded LIKE scan. Both are then scored by the same code (claims.search.scoring), so the
tiers do not depend on the database.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from django.conf import settings

from claims.search.backends import Row, backend
from claims.search.scoring import POSSIBLE, STRONG, score_pair
from claims.search.text import Analysis, analyse, trigrams

__all__ = ["POSSIBLE", "STRONG", "Match", "PassageMatch", "match_claim", "match_text", "search_passages"]

# How many raw candidates the database hands to the scorer per requested result.
CANDIDATES_PER_RESULT = 3
MIN_CANDIDATES = 30


@dataclass(frozen=True)
class Match:
    kind: str  # "prior_factcheck" | "verdict"
    id: int
    claim_reviewed: str
    rating: str
    url: str
    publisher: str
    score: float
    tier: str  # "strong" | "possible"
    language: str = ""
    claim_id: int | None = None  # for verdicts: the claim they rate

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class PassageMatch:
    id: int
    document_id: int
    title: str
    text: str
    url: str
    publisher: str
    language: str
    published_at: datetime | None
    score: float
    tier: str


def _candidates_for(limit: int) -> int:
    return max(MIN_CANDIDATES, limit * CANDIDATES_PER_RESULT)


def _score_rows(query: Analysis, rows: Iterable[Row]) -> list[tuple[Row, float, str]]:
    query_trigrams = trigrams(query.text)
    scored = []
    for row in rows:
        result = score_pair(query, analyse(row.text), query_trigrams=query_trigrams)
        if result.tier:
            scored.append((row, result.score, result.tier))
    # Strong before possible, then by score; ties by id so the order is stable.
    scored.sort(key=lambda item: (item[2] != STRONG, -item[1], -item[0].id))
    return scored


def _match(query: Analysis, *, limit: int, exclude_claim_id: int | None = None) -> list[Match]:
    if not query.stems:
        return []
    source = backend()
    rows = source.priors(query, limit=_candidates_for(limit))
    rows += source.verdicts(query, limit=_candidates_for(limit), exclude_claim_id=exclude_claim_id)
    matches = []
    for row, score, tier in _score_rows(query, rows)[:limit]:
        is_verdict = row.kind == "verdict"
        matches.append(
            Match(
                kind=row.kind,
                id=row.id,
                claim_reviewed=row.text,
                rating=row.rating,
                url=row.url,
                publisher=settings.FACTCHECK_PUBLISHER_NAME if is_verdict else row.publisher,
                score=score,
                tier=tier,
                language=row.language,
                claim_id=row.claim_id,
            )
        )
    return matches


def match_text(*, text: str, language: str = "", limit: int = 10) -> list[Match]:
    """Prior fact-checks and published verdicts matching `text`, strong matches first.

    `language` ("fr", "en" or "") is a hint only: matching also finds fact-checks written in another
    language when they share the names and figures. `limit` caps the result (1-100).
    """
    limit = max(1, min(int(limit), 100))
    return _match(analyse(text or ""), limit=limit)


def match_claim(*, claim: Any, limit: int = 10) -> list[Match]:
    """Matches for a Claim row, using its extracted entities and quantities as well as its text."""
    query = analyse(claim.text, entities=claim.entities or (), quantities=claim.quantities or ())
    return _match(query, limit=max(1, min(limit, 100)), exclude_claim_id=claim.pk)


def search_passages(
    *,
    text: str,
    language: str = "",
    limit: int = 10,
    entities: Iterable[Any] = (),
    quantities: Iterable[Any] = (),
) -> list[PassageMatch]:
    """Library passages about `text`, best first (the excerpt is the passage itself)."""
    query = analyse(text or "", entities=entities, quantities=quantities)
    if not query.stems:
        return []
    rows = backend().passages(query, limit=_candidates_for(limit), language=language)
    return [
        PassageMatch(
            id=row.id, document_id=row.document_id or 0, title=row.title, text=row.text, url=row.url,
            publisher=row.publisher, language=row.language, published_at=row.published_at, score=score, tier=tier,
        )
        for row, score, tier in _score_rows(query, rows)[:limit]
    ]
