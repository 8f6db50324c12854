"""Candidate retrieval for published verdicts and library passages: PostgreSQL (full-text + trigram
on GIN indexes) and a portable fallback (bounded LIKE scan) for SQLite. Both return plain rows.

Prior fact-checks are recalled by BM25 over their stored postings instead (claims.search.recall).
PostgreSQL indexes used (EXPLAIN-checked in tests/search): passage_search_vector_idx (stored
language-aware tsvector column, migration 0004) and, for published verdicts, claim_fts_idx and
verdict_summary_trgm_idx (0003): the verdict query repeats their exact expressions.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime
from itertools import combinations
from typing import Any, Protocol

from django.db import connection
from django.db.models import Q
from django.utils.translation import get_language

from claims.models import LibraryPassage, Verdict, VerdictStatus
from claims.search.text import Analysis, fold

MAX_TERMS = 8
PORTABLE_SCAN_LIMIT = 2000
_STATS: dict[str, tuple[float, tuple[dict[str, float], float]]] = {}


@dataclass
class Row:
    kind: str  # prior_factcheck / verdict / passage
    id: int
    text: str
    rating: str = ""
    url: str = ""
    publisher: str = ""
    language: str = ""
    claim_id: int | None = None
    title: str = ""
    document_id: int | None = None
    rating_slug: str | None = None  # our verdicts' rating on the newsroom's scale
    published_at: datetime | None = None


class Backend(Protocol):
    def verdicts(self, query: Analysis, *, limit: int, exclude_claim_id: int | None = None) -> list[Row]: ...

    def passages(self, query: Analysis, *, limit: int, language: str = "") -> list[Row]: ...


def query_terms(query: Analysis) -> list[str]:
    """The most informative distinct words: names and figures first, then longer words."""
    entity_words = {w for w in query.words if w.isalpha() and fold(w) in query.entities}
    seen: set[str] = set()
    ordered = sorted(
        query.words,
        key=lambda w: (0 if w in entity_words else 1 if w[:1].isdigit() else 2, -len(w)),
    )
    terms = []
    for word in ordered:
        if word not in seen and len(word) > 1:
            seen.add(word)
            terms.append(word)
    return terms[:MAX_TERMS]


def tsquery_source(terms: list[str]) -> str:
    """Portable form of the candidate rule, for tests and docs: rows sharing two of the terms."""
    quoted = [f"'{term}'" for term in terms]
    if len(quoted) <= 2:
        return " | ".join(quoted)
    return " | ".join(f"({a} & {b})" for a, b in combinations(quoted, 2))


def anchored_tsquery(
    groups: list[set[str]], frequencies: dict[str, float], *, rows: float = 0.0, anchors: int = 3,
    max_expected: float = 500.0,
) -> str:
    """A tsquery over lexemes: rows sharing a rare query word (an "anchor") and at least one other.

    `groups` holds, per query word, its lexemes in every text-search configuration (french,
    english, simple); `frequencies` the share of rows containing each lexeme (pg_stats), `rows` the
    table size. Every OR branch contains an anchor, so GIN walks only the anchors' short posting
    lists instead of the union of every word's list: common words ("photo", "montre") never drive
    the scan. When even the anchors are common (more than `max_expected` rows expected), each
    branch needs two anchors plus another word, so ranking never has thousands of rows to score.
    """
    groups = [g for g in groups if g]
    if not groups:
        return ""
    words = [" | ".join(f"'{lexeme}'" for lexeme in sorted(group)) for group in groups]
    if len(words) <= 2:
        return " | ".join(f"({w})" for w in words)

    def frequency(i: int) -> float:
        return max(frequencies.get(x, 0.0) for x in groups[i])

    rarity = sorted(range(len(groups)), key=lambda i: (frequency(i), i))
    chosen = rarity[:anchors]
    if len(words) >= 4 and rows * sum(frequency(i) for i in chosen) > max_expected:
        pairs = combinations(rarity[:4], 2)
        return " | ".join(
            f"(({words[a]}) & ({words[b]}) & ({' | '.join(f'({words[i]})' for i in range(len(words)) if i not in (a, b))}))"
            for a, b in pairs
        )
    branches = []
    for anchor in chosen:
        others = " | ".join(f"({words[i]})" for i in range(len(words)) if i != anchor)
        branches.append(f"(({words[anchor]}) & ({others}))")
    return " | ".join(branches)


def _rating_label(label_fr: str | None, label_en: str | None) -> str:
    """Our scale's label in the reader's language (the request's), as the claims API gives it."""
    return (label_en if (get_language() or "fr").startswith("en") else label_fr) or ""


class PostgresBackend:
    """Full-text search in each row's language configuration, plus trigram similarity."""

    # A French claim must find an English fact-check of the same figures and names: query words
    # are turned into lexemes of every configuration the rows may have been indexed with.
    CONFIGS = ("french", "english", "simple")
    STATS_SECONDS = 300.0

    def lexeme_groups(self, words: list[str]) -> list[set[str]]:
        """Per word, its lexemes under each configuration (one query for all words)."""
        if not words:
            return []
        with connection.cursor() as cursor:
            cursor.execute(
                """
                SELECT w.ord, lexeme
                FROM unnest(%(words)s::text[]) WITH ORDINALITY AS w(word, ord),
                     unnest(%(configs)s::regconfig[]) AS c(config),
                     LATERAL unnest(to_tsvector(c.config, w.word)) AS l
                """,
                {"words": words, "configs": list(self.CONFIGS)},
            )
            groups: list[set[str]] = [set() for _ in words]
            for ordinal, lexeme in cursor.fetchall():
                if "'" not in lexeme and "\\" not in lexeme:
                    groups[ordinal - 1].add(lexeme)
        return groups

    def frequencies(self, table: str) -> tuple[dict[str, float], float]:
        """Share of rows holding each common lexeme, from the planner's statistics of `table`.

        ANALYZE records the most common elements of a tsvector column (search_vector); reading
        them is one tiny query, cached per process. Lexemes absent from the list are rarer than
        all in it. Returns (frequencies, estimated row count).
        """
        cached = _STATS.get(table)
        now = time.monotonic()
        if cached is not None and now - cached[0] < self.STATS_SECONDS:
            return cached[1]
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT s.most_common_elems::text::text[], s.most_common_elem_freqs, c.reltuples "
                "FROM pg_class c LEFT JOIN pg_stats s ON s.tablename = c.relname "
                "AND s.attname = 'search_vector' WHERE c.relname = %s LIMIT 1",
                [table],
            )
            row = cursor.fetchone()
        stats = (dict(zip(row[0], row[1], strict=False)) if row and row[0] else {}, float(row[2] or 0) if row else 0.0)
        _STATS[table] = (now, stats)
        return stats

    def _tsquery(self, query: Analysis, table: str) -> str:
        terms = query_terms(query)
        if not terms:
            return ""
        frequencies, rows = self.frequencies(table)
        return anchored_tsquery(self.lexeme_groups(terms), frequencies, rows=rows)

    def verdicts(self, query: Analysis, *, limit: int, exclude_claim_id: int | None = None) -> list[Row]:
        terms = query_terms(query)
        if not terms:
            return []
        sql = """
            SELECT v.id, v.summary, c.text, r.label_fr, r.label_en, v.public_url, c.language, c.id, r.slug
            FROM claims_verdict v
            JOIN claims_claim c ON c.id = v.claim_id
            LEFT JOIN claims_rating r ON r.id = v.rating_id
            WHERE v.status = 'published' AND c.id <> %(exclude)s AND (
                to_tsvector('simple'::regconfig, c.text) @@ to_tsquery('simple', %(q)s)
                OR v.summary %% %(text)s
            )
            ORDER BY v.published_at DESC
            LIMIT %(limit)s
        """
        with connection.cursor() as cursor:
            cursor.execute(sql, {"q": tsquery_source(terms), "text": query.text[:300],
                                 "exclude": exclude_claim_id or 0, "limit": limit})
            rows = cursor.fetchall()
        return [_verdict_row(*r) for r in rows]

    # Rank passages first, then join their documents: the join never drives the plan.
    PASSAGE_SQL = """
        WITH hits AS MATERIALIZED (
            SELECT lp.id, lp.text, lp.document_id, lp.language, ts_rank(lp.search_vector, query.q) AS rank
            FROM claims_librarypassage lp, (SELECT %(q)s::tsquery AS q) AS query
            WHERE lp.search_vector @@ query.q
            ORDER BY rank DESC, lp.id
            LIMIT %(limit)s
        )
        SELECT hits.id, hits.text, d.id, d.title, d.source_url, d.publisher, hits.language, d.published_at
        FROM hits JOIN claims_librarydocument d ON d.id = hits.document_id
        ORDER BY hits.rank DESC, hits.id
    """

    def passages(self, query: Analysis, *, limit: int, language: str = "") -> list[Row]:
        tsquery = self._tsquery(query, "claims_librarypassage")
        if not tsquery:
            return []
        with connection.cursor() as cursor:
            cursor.execute(self.PASSAGE_SQL, {"q": tsquery, "limit": limit})
            rows = cursor.fetchall()
        return [
            Row(kind="passage", id=r[0], text=r[1], document_id=r[2], title=r[3], url=r[4], publisher=r[5],
                language=r[6], published_at=r[7])
            for r in rows
        ]


def _verdict_row(vid: int, summary: str, claim_text: str, label_fr: str | None, label_en: str | None,
                 url: str, language: str, claim_id: int, slug: str | None = None) -> Row:
    # Match on the claim as reviewed plus the claim text: the summary alone is under 75 characters.
    return Row(kind="verdict", id=vid, text=summary or claim_text, rating=_rating_label(label_fr, label_en),
               url=url, language=language, claim_id=claim_id, title=claim_text, rating_slug=slug)


class PortableBackend:
    """SQLite (or any database): LIKE on the most informative words, bounded, scored in Python."""

    def _filter(self, field: str, query: Analysis) -> Q | None:
        terms = query_terms(query)[:6]
        if not terms:
            return None
        condition = Q()
        for term in terms:
            condition |= Q(**{f"{field}__icontains": term})
        return condition

    def verdicts(self, query: Analysis, *, limit: int, exclude_claim_id: int | None = None) -> list[Row]:
        summary = self._filter("summary", query)
        text = self._filter("claim__text", query)
        if summary is None or text is None:
            return []
        rows = (
            Verdict.objects.filter(status=VerdictStatus.PUBLISHED)
            .filter(summary | text)
            .exclude(claim_id=exclude_claim_id or 0)
            .order_by("-published_at")
            .values_list("id", "summary", "claim__text", "rating__label_fr", "rating__label_en", "public_url",
                         "claim__language", "claim_id", "rating__slug")[:PORTABLE_SCAN_LIMIT]
        )
        return [_verdict_row(*r) for r in rows]

    def passages(self, query: Analysis, *, limit: int, language: str = "") -> list[Row]:
        condition = self._filter("text", query)
        if condition is None:
            return []
        rows = (
            LibraryPassage.objects.filter(condition)
            .order_by("id")
            .values_list("id", "text", "document_id", "document__title", "document__source_url",
                         "document__publisher", "language", "document__published_at")[:PORTABLE_SCAN_LIMIT]
        )
        return [
            Row(kind="passage", id=r[0], text=r[1], document_id=r[2], title=r[3], url=r[4], publisher=r[5],
                language=r[6], published_at=r[7])
            for r in rows
        ]


def backend() -> Any:
    return PostgresBackend() if connection.vendor == "postgresql" else PortableBackend()
