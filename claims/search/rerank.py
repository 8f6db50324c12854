"""Re-ranking the database's top candidates: features, a small learned model, tiers.

The database hands over the BM25 top N (claims.search.recall); here each candidate gets a handful
of features computed from its stored analysed form (claims.search.forms) and the query's, and a
logistic regression trained on CheckThat!-style qrels (`manage.py train_matching`, parameters in
claims/search/model.json with their provenance) turns them into a probability that the candidate
is the same claim. Tiers come from that probability and from the figures and names:

- ``strong``: probability at or above the threshold chosen on training queries for precision
  >= 0.97, no number or name conflict (a different figure never is the same claim), and every
  name the fact-check gives also in the query;
- ``possible``: probability above a lower threshold, or a strong one demoted by a conflict;
- ``related``: the rest of the ranked list, topically close.

Number conflicts are demoted, never dropped: "40 tonnes" vs "400 tonnes" may be the fact-check that
corrected the figure.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

STRONG = "strong"
POSSIBLE = "possible"
RELATED = "related"
TIERS = (STRONG, POSSIBLE, RELATED)
MODEL_PATH = Path(__file__).with_name("model.json")
K1, B = 1.2, 0.75


@dataclass
class Form:
    """The analysed form of one text: what ranking needs, computed once (at import, for priors)."""

    claim: list[str]  # index terms of the claim (claimReviewed / summary)
    title: list[str] = field(default_factory=list)  # index terms of the title and subtitle
    entities: list[str] = field(default_factory=list)  # folded capitalised words
    quantities: list[list[Any]] = field(default_factory=list)  # [value, unit]
    words: list[str] = field(default_factory=list)  # distinct folded words and stems (for conflicts)
    embedding: np.ndarray | None = None


@dataclass
class Candidate:
    key: tuple[str, int]  # (kind, id)
    form: Form
    bm25: float = 0.0
    features: list[float] = field(default_factory=list)
    probability: float = 0.0
    numbers_conflict: bool = False
    names_conflict: bool = False
    names_missing: bool = False  # it names someone or something the query never mentions
    tier: str = RELATED


def bm25(terms: list[str], idf: dict[str, float], avgdl: float) -> float:
    """BM25 of one field's terms for the query terms whose idf is given."""
    if not terms:
        return 0.0
    counts: dict[str, int] = {}
    for term in terms:
        if term in idf:
            counts[term] = counts.get(term, 0) + 1
    norm = K1 * (1 - B + B * len(terms) / max(avgdl, 1.0))
    return sum(idf[t] * tf * (K1 + 1) / (tf + norm) for t, tf in counts.items())


def _cover(terms: set[str], other: set[str], idf: dict[str, float], default: float) -> float:
    """Share of `terms`' idf mass found in `other`."""
    total = sum(idf.get(t, default) for t in terms)
    if not total:
        return 0.0
    return sum(idf.get(t, default) for t in terms if t in other) / total


def _same(a: float, b: float) -> bool:
    if float(a).is_integer() and float(b).is_integer():
        return a == b
    return abs(a - b) <= max(1e-9, 0.02 * max(abs(a), abs(b)))


def numbers_conflict(query: Form, candidate: Form) -> bool:
    """Different figures for comparable things (same unit or none; years only against years)."""
    if not query.quantities or not candidate.quantities:
        return False
    for left, right in ((query, candidate), (candidate, query)):
        for value, unit in left.quantities:
            is_year = not unit and float(value).is_integer() and 1800 <= value <= 2100
            comparable = [
                other for other, other_unit in right.quantities
                if is_year == (not other_unit and float(other).is_integer() and 1800 <= other <= 2100)
                and (unit == other_unit or not unit or not other_unit)
            ]
            if comparable and not any(_same(value, other) for other in comparable):
                return True
    return False


def names_conflict(query: Form, candidate: Form) -> bool:
    """Each side names someone or something the other never mentions."""
    if not query.entities or not candidate.entities:
        return False
    query_words, candidate_words = set(query.words), set(candidate.words)
    query_missing = [e for e in query.entities if e not in candidate_words]
    candidate_missing = [e for e in candidate.entities if e not in query_words]
    return bool(query_missing) and bool(candidate_missing)


def features(query: Form, query_terms: set[str], candidates: list[Candidate], idf: dict[str, float],
             avgdl: float, default_idf: float) -> None:
    """Fill each candidate's feature vector (see FEATURES for the names, model.json for weights)."""
    best_bm25 = max((c.bm25 for c in candidates), default=0.0) or 1.0
    cosines = [
        float(query.embedding @ c.form.embedding)
        if query.embedding is not None and c.form.embedding is not None else 0.0
        for c in candidates
    ]
    has_cosine = query.embedding is not None
    best_cosine = max(cosines, default=0.0)
    query_entities = set(query.entities)
    query_numbers = {float(v) for v, _unit in query.quantities}
    for rank, (candidate, cosine) in enumerate(zip(candidates, cosines, strict=True)):
        form = candidate.form
        claim_terms = set(form.claim)
        all_terms = claim_terms | set(form.title)
        candidate_numbers = {float(v) for v, _unit in form.quantities}
        candidate.numbers_conflict = numbers_conflict(query, form)
        candidate.names_conflict = names_conflict(query, form)
        candidate.names_missing = bool(set(form.entities) - set(query.words))
        shared_entities = len(query_entities & set(form.entities))
        candidate.features = [
            candidate.bm25 / best_bm25,
            math.log1p(candidate.bm25),
            1.0 / (rank + 1),
            bm25(form.claim, idf, avgdl * 0.5),
            bm25(form.title, idf, avgdl * 0.5),
            _cover(claim_terms, query_terms, idf, default_idf),
            _cover(all_terms, query_terms, idf, default_idf),
            _cover(query_terms, all_terms, idf, default_idf),
            cosine,
            cosine - best_cosine if has_cosine else 0.0,
            1.0 if has_cosine else 0.0,
            shared_entities / max(1, len(set(form.entities))),
            1.0 if candidate_numbers and candidate_numbers <= query_numbers else 0.0,
            1.0 if candidate.numbers_conflict else 0.0,
            1.0 if candidate.names_conflict else 0.0,
        ]


FEATURES = (
    "bm25_rel", "bm25_log", "rank_inv", "bm25_claim", "bm25_title", "cover_claim", "cover_all", "cover_query",
    "cosine", "cosine_gap", "has_cosine", "entities_shared", "numbers_all_in_query", "numbers_conflict",
    "names_conflict",
)


@dataclass(frozen=True)
class Model:
    weights: tuple[float, ...]
    bias: float
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    strong: float  # probability thresholds
    possible: float
    provenance: dict[str, Any]

    def probabilities(self, rows: list[list[float]]) -> np.ndarray:
        if not rows:
            return np.zeros(0)
        x = (np.asarray(rows, dtype=np.float64) - np.asarray(self.mean)) / np.asarray(self.scale)
        z = x @ np.asarray(self.weights) + self.bias
        return 1.0 / (1.0 + np.exp(-z))


def model_from_json(data: dict[str, Any]) -> Model:
    if tuple(data["features"]) != FEATURES:
        raise ValueError("the matching model was trained on other features: rebuild it with manage.py train_matching")
    return Model(
        weights=tuple(data["weights"]), bias=data["bias"], mean=tuple(data["mean"]), scale=tuple(data["scale"]),
        strong=data["thresholds"]["strong"], possible=data["thresholds"]["possible"],
        provenance=data.get("provenance", {}),
    )


@lru_cache(maxsize=4)
def load_model(path: str = "") -> dict[str, Model]:
    """The ranker's models by regime: "dense" (with embeddings) and "lexical" (without)."""
    data = json.loads(Path(path or MODEL_PATH).read_text())
    return {name: model_from_json(part) for name, part in data["models"].items()}


def rank(candidates: list[Candidate], model: Model) -> list[Candidate]:
    """Score, tier and order candidates: best probability first; ties by BM25, then newest id."""
    probabilities = model.probabilities([c.features for c in candidates])
    for candidate, probability in zip(candidates, probabilities, strict=True):
        candidate.probability = float(probability)
        # Strong means the same claim: its figures agree and every name it gives is in the query
        # (a lowercased post cannot show its names, so a conflict alone would miss "le X ministre").
        agrees = not (candidate.numbers_conflict or candidate.names_conflict or candidate.names_missing)
        if probability >= model.strong and agrees:
            candidate.tier = STRONG
        elif probability >= model.possible or probability >= model.strong:
            candidate.tier = POSSIBLE
        else:
            candidate.tier = RELATED
    return sorted(candidates, key=lambda c: (-c.probability, -c.bm25, c.key[0], -c.key[1]))
