"""Matching and full-text search: "was this already checked?" and "what do our documents say?".

Public functions (keyword-only, read-only, no side effects):

- ``match_text(*, text, language="", limit=10, tiers=None) -> list[Match]``: prior fact-checks
  (imported ClaimReview rows) and the newsroom's own published verdicts that match a piece of text
  (a claim, a tweet, a post, an article paragraph), best first, up to ``limit``. This is what
  ``GET /api/v1/match/?text=...`` returns. Each Match has ``kind`` ("prior_factcheck" or
  "verdict"), ``id``, ``claim_reviewed``, ``title``, ``rating``, ``url``, ``publisher``, ``score``
  (0-1: the ranker's probability that it is the same claim) and ``tier``:
    * ``"strong"``: the same claim, with the same figures and names (precision >= 0.95 measured on
      held-out queries): the reviewer sees it as a likely duplicate and the claim gets
      ``has_strong_match``; a different figure or name never reaches it;
    * ``"possible"``: worth a look (a looser paraphrase, a translation, or the same claim with a
      figure or name that disagrees: conflicts are demoted, never dropped);
    * ``"related"``: topically close, shown last.
  ``tiers`` (e.g. ``{"strong"}``) keeps only those tiers.
- ``match_claim(*, claim, limit=10, tiers=None)``: the same for a Claim row, using its structured
  entities and quantities too and leaving out the claim's own verdicts.
- ``search_passages(*, text, language="", limit=10, entities=(), quantities=())``: library passages.

How a match is found (claims.search.*): the text is cleaned of social-media noise (``clean``),
analysed into stemmed terms (``terms``), the database returns the BM25 top candidates over the
postings that imports store (``recall``: the same SQL on PostgreSQL and SQLite), and only those are
re-ranked in Python from their stored analysed forms (``rerank``: BM25 per field, coverage, names
and figures, an English sentence embedding) by a small logistic regression (``model.json``).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from django.conf import settings

from claims.search import embed, recall
from claims.search.backends import Row, backend
from claims.search.clean import clean_query
from claims.search.forms import embedding_text, form_from_json, prior_form, query_form, wants_embedding
from claims.search.rerank import POSSIBLE, RELATED, STRONG, TIERS, Candidate, bm25, features, load_model, rank
from claims.search.scoring import score_pair
from claims.search.terms import detect_language, query_weights
from claims.search.text import Analysis, analyse, trigrams

__all__ = ["POSSIBLE", "RELATED", "STRONG", "TIERS", "Match", "PassageMatch", "match_claim", "match_text",
           "search_passages"]

# The database hands the re-ranker this many BM25 candidates (recall@100 0.975 on qrels-train).
CANDIDATES = 100
# Passages still use the older candidate count.
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
    tier: str  # "strong" | "possible" | "related"
    language: str = ""
    claim_id: int | None = None  # for verdicts: the claim they rate
    title: str = ""
    numbers_conflict: bool = False
    names_conflict: bool = False
    names_missing: bool = False
    rating_slug: str | None = None  # verdicts: the rating on our scale; imported fact-checks have none

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
    scored.sort(key=lambda item: (item[2] != STRONG, -item[1], -item[0].id))
    return scored


def candidates_for(
    *, text: str, language: str, entities: Iterable[Any] = (), quantities: Iterable[Any] = (),
    exclude_claim_id: int | None = None, dense: bool | None = None,
) -> tuple[list[Candidate], dict[tuple[str, int], dict[str, Any]], bool]:
    """The BM25 top candidates of `text` with their ranking features: (candidates, details, dense).

    `dense` forces the embedding feature on or off (training); by default it is used when the
    query is English or French and the candidates have embeddings.
    """
    cleaned = clean_query(text)
    language = detect_language(cleaned, language)
    weights = query_weights(cleaned, language)
    terms = list(weights)
    if not terms:
        return [], {}, False
    total, average_length = recall.collection_stats()
    df = recall.frequencies(terms)
    idf = {term: recall.idf(df.get(term, 0), max(total, 1)) for term in terms}
    chosen = recall.choose_terms(df)
    hits = recall.top({t: idf[t] * weights[t] for t in chosen}, average_length=average_length, limit=CANDIDATES)
    if not hits:
        hits = recall.trigram(cleaned, limit=CANDIDATES)

    candidates: list[Candidate] = []
    details: dict[tuple[str, int], dict[str, Any]] = {}
    for hit in hits:
        form = form_from_json(hit.analysed, hit.embedding) or prior_form(
            claim=hit.claim_reviewed, title=hit.title, language=hit.language)
        key = ("prior_factcheck", hit.id)
        candidates.append(Candidate(key=key, form=form, bm25=hit.bm25))
        details[key] = {"claim_reviewed": hit.claim_reviewed, "title": hit.title, "rating": hit.rating,
                        "url": hit.url, "publisher": hit.publisher, "language": hit.language, "claim_id": None}
    # The newsroom's own published verdicts: few, so analysed here; scored by the same ranker.
    verdict_query = analyse(cleaned, entities=entities, quantities=quantities)
    if verdict_query.stems:
        # Every query term counts, also those no prior fact-check contains (then at the highest idf):
        # a newsroom's own verdict must be found even when no imported fact-check shares its words.
        verdict_weights = {t: idf[t] * weights[t] for t in terms}
        for row in backend().verdicts(verdict_query, limit=MIN_CANDIDATES, exclude_claim_id=exclude_claim_id):
            form = prior_form(claim=row.text, title=row.title if row.title != row.text else "", language=row.language)
            key = ("verdict", row.id)
            score = bm25(form.claim + form.title, verdict_weights, average_length)
            if score <= 0:
                continue
            candidates.append(Candidate(key=key, form=form, bm25=score))
            details[key] = {"claim_reviewed": row.text, "title": "", "rating": row.rating, "url": row.url,
                            "publisher": settings.FACTCHECK_PUBLISHER_NAME, "language": row.language,
                            "claim_id": row.claim_id, "rating_slug": row.rating_slug}
    if not candidates:
        return [], {}, False
    candidates.sort(key=lambda c: (-c.bm25, c.key[0], -c.key[1]))

    query = query_form(text=cleaned, language=language, entities=entities, quantities=quantities)
    if dense is None:
        dense = wants_embedding(language) and any(c.form.embedding is not None for c in candidates)
    if not dense:
        for candidate in candidates:
            candidate.form.embedding = None
    if dense:
        verdicts = [c for c in candidates if c.key[0] == "verdict"]
        vectors = embed.encode([cleaned] + [embedding_text(claim=details[c.key]["claim_reviewed"]) for c in verdicts])
        query.embedding = vectors[0]
        for candidate, vector in zip(verdicts, vectors[1:], strict=True):
            candidate.form.embedding = vector
    features(query, set(terms), candidates, idf, average_length, recall.idf(0, max(total, 1)))
    return candidates, details, dense


def _match(
    *, text: str, language: str, limit: int, tiers: Collection[str] | None = None,
    entities: Iterable[Any] = (), quantities: Iterable[Any] = (), exclude_claim_id: int | None = None,
) -> list[Match]:
    candidates, details, dense = candidates_for(
        text=text, language=language, entities=entities, quantities=quantities, exclude_claim_id=exclude_claim_id)
    if not candidates:
        return []
    ranked = rank(candidates, load_model()["dense" if dense else "lexical"])
    matches = []
    for candidate in ranked:
        if tiers and candidate.tier not in tiers:
            continue
        detail = details[candidate.key]
        matches.append(Match(
            kind=candidate.key[0], id=candidate.key[1], claim_reviewed=detail["claim_reviewed"],
            rating=detail["rating"] or "", url=detail["url"] or "", publisher=detail["publisher"] or "",
            score=round(candidate.probability, 4), tier=candidate.tier, language=detail["language"] or "",
            claim_id=detail["claim_id"], title=detail["title"] or "",
            numbers_conflict=candidate.numbers_conflict, names_conflict=candidate.names_conflict,
            names_missing=candidate.names_missing, rating_slug=detail.get("rating_slug"),
        ))
        if len(matches) >= limit:
            break
    return matches


def match_text(*, text: str, language: str = "", limit: int = 10, tiers: Collection[str] | None = None) -> list[Match]:
    """Prior fact-checks and published verdicts matching `text`, best first, up to `limit` (1-100).

    `language` ("fr", "en" or "") is a hint: detected from the text when empty. Matching also finds
    fact-checks written in another language when they share names and figures.
    """
    limit = max(1, min(int(limit), 100))
    return _match(text=text or "", language=language, limit=limit, tiers=tiers)


def match_claim(*, claim: Any, limit: int = 10, tiers: Collection[str] | None = None) -> list[Match]:
    """Matches for a Claim row, using its extracted entities and quantities as well as its text."""
    return _match(text=claim.text, language=claim.language or "", limit=max(1, min(limit, 100)), tiers=tiers,
                  entities=claim.entities or (), quantities=claim.quantities or (), exclude_claim_id=claim.pk)


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
