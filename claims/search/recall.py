"""Recall from the database: BM25 over the postings table, the same SQL on PostgreSQL and SQLite.

Two queries per match, whatever the table size:

1. document frequencies of the query's terms (an index-only count on prior_term_idx);
2. the BM25 top N, joined to the rows and their stored analysed forms.

Between the two, terms are pruned (`choose_terms`): the rarest terms always count, common ones
only while the postings to read stay under MAX_POSTINGS, so a long post or a query full of frequent
words never makes the database sum hundreds of thousands of rows. Pruned terms still count in
re-ranking (their idf is known). Because both databases run the same statements over the same
terms (claims.search.terms), the embedded default returns the same candidates in the same order.
"""

from __future__ import annotations

import json
import math
import time
from dataclasses import dataclass
from typing import Any

from django.db import connection

from claims.search.rerank import K1, B

MAX_POSTINGS = 15_000
MIN_TERMS = 4
MAX_TERMS = 64  # a long post's rarest words are often incidental: 32 lost 0.017 MRR@5 (French)
STATS_SECONDS = 60.0
_STATS: dict[str, tuple[float, tuple[int, float]]] = {}


@dataclass
class Hit:
    id: int
    bm25: float
    claim_reviewed: str
    title: str
    rating: str
    url: str
    publisher: str
    language: str
    analysed: dict[str, Any] | None
    embedding: bytes | None


def collection_stats() -> tuple[int, float]:
    """(indexed fact-checks, average terms per fact-check), cached per process for a minute."""
    cached = _STATS.get(connection.alias)
    now = time.monotonic()
    if cached is not None and now - cached[0] < STATS_SECONDS:
        return cached[1]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT COUNT(*), AVG(term_count) FROM claims_priorfactcheck WHERE analysed IS NOT NULL"
        )
        count, average = cursor.fetchone()
    stats = (int(count or 0), float(average or 0.0))
    _STATS[connection.alias] = (now, stats)
    return stats


def forget_stats() -> None:
    """Imports call this so the next match sees the new collection size at once (this process)."""
    _STATS.clear()


def idf(df: int, total: int) -> float:
    return math.log(1 + (total - df + 0.5) / (df + 0.5))


def frequencies(terms: list[str]) -> dict[str, int]:
    if not terms:
        return {}
    placeholders = ", ".join(["%s"] * len(terms))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT term, COUNT(*) FROM claims_priorterm WHERE term IN ({placeholders}) GROUP BY term", terms
        )
        return {term: int(count) for term, count in cursor.fetchall()}


def choose_terms(df: dict[str, int]) -> list[str]:
    """The rarest terms first; common ones while the postings to sum stay under MAX_POSTINGS."""
    chosen, postings = [], 0
    for term in sorted(df, key=lambda t: (df[t], t)):
        if len(chosen) >= MAX_TERMS or (len(chosen) >= MIN_TERMS and postings + df[term] > MAX_POSTINGS):
            break
        chosen.append(term)
        postings += df[term]
    return chosen


TOP_SQL = """
    WITH q(term, weight) AS (VALUES {values}),
    top AS (
        SELECT t.prior_id AS id,
               SUM(q.weight * t.tf / (t.tf + CAST(%s AS DOUBLE PRECISION) + CAST(%s AS DOUBLE PRECISION) * t.dl))
               AS score
        FROM claims_priorterm t JOIN q ON q.term = t.term
        WHERE t.term IN ({placeholders})
        GROUP BY t.prior_id
        ORDER BY score DESC, t.prior_id DESC
        LIMIT %s
    )
    SELECT p.id, top.score, p.claim_reviewed, p.title, p.rating_text, p.url, p.publisher, p.language,
           p.analysed, p.embedding
    FROM top JOIN claims_priorfactcheck p ON p.id = top.id
    ORDER BY top.score DESC, p.id DESC
"""


TRIGRAM_SQL = """
    SELECT p.id, similarity(p.claim_reviewed, %s), p.claim_reviewed, p.title, p.rating_text, p.url, p.publisher,
           p.language, p.analysed, p.embedding
    FROM claims_priorfactcheck p
    WHERE p.claim_reviewed %% %s AND p.analysed IS NOT NULL
    ORDER BY similarity(p.claim_reviewed, %s) DESC, p.id DESC
    LIMIT %s
"""
# Trigram recall catches a short text whose every word is misspelt ("Kazakstan", "Ukrane"): BM25 then
# shares no term. pg_trgm's GIN scan unions the posting lists of every trigram of the text (about
# 0.25-1 s per miss at 100k rows), so it runs only for short texts, only when BM25 found nothing,
# and only on PostgreSQL (SQLite has no trigram index: there such a text finds nothing).
TRIGRAM_MAX_CHARS = 120


def trigram(text: str, *, limit: int) -> list[Hit]:
    if connection.vendor != "postgresql" or not text or len(text) > TRIGRAM_MAX_CHARS:
        return []
    with connection.cursor() as cursor:
        cursor.execute(TRIGRAM_SQL, [text, text, text, limit])
        return [_hit(row, bm25=0.0) for row in cursor.fetchall()]


def _hit(row: Any, *, bm25: float | None = None) -> Hit:
    analysed = row[8]
    if isinstance(analysed, str):  # SQLite hands JSON over as text
        analysed = json.loads(analysed)
    return Hit(id=row[0], bm25=float(row[1]) if bm25 is None else bm25, claim_reviewed=row[2], title=row[3],
               rating=row[4], url=row[5], publisher=row[6], language=row[7], analysed=analysed,
               embedding=bytes(row[9]) if row[9] is not None else None)


def top(weights: dict[str, float], *, average_length: float, limit: int) -> list[Hit]:
    """The `limit` best fact-checks by BM25 for terms weighted by their idf."""
    if not weights:
        return []
    terms = sorted(weights)
    # The query's terms and weights as a VALUES list (both databases accept `WITH q(term, weight) AS
    # (VALUES ...)`): a hash join instead of a CASE evaluated term by term on every posting.
    values = ", ".join("(CAST(%s AS VARCHAR(64)), CAST(%s AS DOUBLE PRECISION))" for _ in terms)
    sql = TOP_SQL.format(values=values, placeholders=", ".join(["%s"] * len(terms)))
    params: list[Any] = []
    for term in terms:
        params += [term, weights[term] * (K1 + 1)]
    # BM25's tf / (tf + k1 (1 - b + b dl / avgdl)) as tf / (tf + A + C dl), in floating point
    # (PostgreSQL computes decimal literals as slow `numeric`).
    params += [K1 * (1 - B), K1 * B / max(average_length, 1.0), *terms, limit]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return [_hit(row) for row in rows]
