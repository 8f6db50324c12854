"""One scoring function for every backend, so PostgreSQL and SQLite agree on scores and tiers.

Backends only choose candidates (PostgreSQL with its indexes, SQLite with a bounded scan); the
final score and the strong/possible tier are computed here from the same text analysis.
"""

from __future__ import annotations

from dataclasses import dataclass

from claims.search.text import (
    Analysis,
    dice,
    entities_conflict,
    numbers_conflict,
    trigram_similarity,
    trigrams,
)

STRONG = "strong"
POSSIBLE = "possible"

# Calibrated on the paraphrase / different-number / different-entity cases of tests/search/.
STRONG_SCORE = 0.55
STRONG_MIN_SHARED = 3
STRONG_MIN_COVER = 0.6
POSSIBLE_SCORE = 0.25
CONFLICT_PENALTY = 0.7


@dataclass(frozen=True)
class Scored:
    score: float
    tier: str  # "strong", "possible" or "" (not a match)
    shared: int
    numbers_conflict: bool
    entities_conflict: bool


def score_pair(query: Analysis, candidate: Analysis, *, query_trigrams: set[str] | None = None) -> Scored:
    """How close the candidate is to the query, 0-1, and which tier that earns."""
    shared = len(query.stems & candidate.stems)
    if not shared:
        return Scored(0.0, "", 0, False, False)
    smaller = max(1, min(len(query.stems), len(candidate.stems)))
    cover = shared / smaller
    lexical = 0.6 * dice(query.stems, candidate.stems) + 0.4 * cover
    tri = trigram_similarity(query_trigrams if query_trigrams is not None else trigrams(query.text),
                             trigrams(candidate.text))
    query_anchors, candidate_anchors = query.anchors, candidate.anchors
    # Names and figures carry across languages and paraphrases better than wording does.
    anchors = dice(query_anchors, candidate_anchors) if query_anchors and candidate_anchors else lexical
    score = 0.45 * lexical + 0.25 * tri + 0.30 * anchors
    numbers_differ = numbers_conflict(query, candidate)
    names_differ = entities_conflict(query, candidate)
    if numbers_differ:
        score *= CONFLICT_PENALTY
    if names_differ:
        score *= CONFLICT_PENALTY
    score = round(min(1.0, max(0.0, score)), 4)
    tier = ""
    strong_overlap = shared >= min(STRONG_MIN_SHARED, smaller) and cover >= STRONG_MIN_COVER
    if score >= STRONG_SCORE and strong_overlap and not numbers_differ and not names_differ:
        tier = STRONG
    elif score >= POSSIBLE_SCORE and (shared >= 2 or smaller <= 2):
        tier = POSSIBLE
    return Scored(score, tier, shared, numbers_differ, names_differ)
