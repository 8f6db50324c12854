"""Ranking evaluation on TREC-style files, shared by evaluate_matching, train_matching and bench/match.py.

Queries: `id<TAB>text` per line. Qrels: `query_id<TAB>0<TAB>doc_id<TAB>relevance`. A result's doc id
is the last path segment of its url (the `vclaim_id` of a JSONL import).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path


def doc_id(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1]


def read_queries(path: Path) -> dict[str, str]:
    queries = {}
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            if "\t" not in line:
                raise ValueError(f"{path}:{number}: expected id<TAB>text")
            qid, text = line.rstrip("\n").split("\t", 1)
            queries[qid] = text
    return queries


def read_qrels(path: Path) -> dict[str, set[str]]:
    qrels: dict[str, set[str]] = defaultdict(set)
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            parts = line.split()
            if not parts:
                continue
            if len(parts) != 4:
                raise ValueError(f"{path}:{number}: expected query_id 0 doc_id relevance")
            if int(parts[3]) > 0:
                qrels[parts[0]].add(parts[2])
    return dict(qrels)


@dataclass
class Scores:
    queries: int = 0
    average_precision: float = 0.0
    reciprocal_rank: float = 0.0
    recall: float = 0.0
    empty: int = 0
    strong: int = 0
    strong_right: int = 0
    per_query: dict[str, float] = field(default_factory=dict)

    def add(self, qid: str, ranked: list[str], gold: set[str], strong: Iterable[str] = ()) -> None:
        """One query's ranked doc ids against its relevant ones (MAP@5, MRR@5, recall@10)."""
        self.queries += 1
        if not ranked:
            self.empty += 1
        hits, precision_sum, first = 0, 0.0, 0.0
        for rank, doc in enumerate(ranked[:5], start=1):
            if doc in gold:
                hits += 1
                precision_sum += hits / rank
                first = first or 1.0 / rank
        ap = precision_sum / min(len(gold), 5) if gold else 0.0
        self.average_precision += ap
        self.reciprocal_rank += first
        self.recall += len(gold & set(ranked[:10])) / len(gold) if gold else 0.0
        for doc in strong:
            self.strong += 1
            self.strong_right += doc in gold
        self.per_query[qid] = ap

    def summary(self) -> dict[str, float]:
        n = max(self.queries, 1)
        return {
            "map5": self.average_precision / n, "mrr5": self.reciprocal_rank / n, "recall10": self.recall / n,
            "empty": self.empty / n,
            "strong_precision": self.strong_right / self.strong if self.strong else 1.0,
            "strong_share": self.strong / n,
        }
