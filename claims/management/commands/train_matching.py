"""python manage.py train_matching --set QUERIES.tsv QRELS.tsv [--set ...] : rebuild claims/search/model.json."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

import numpy as np
from django.core.management.base import BaseCommand, CommandError, CommandParser
from sklearn.linear_model import LogisticRegression

from claims.search import candidates_for
from claims.search.clean import clean_query
from claims.search.evaluation import Scores, doc_id, read_qrels, read_queries
from claims.search.forms import wants_embedding
from claims.search.rerank import FEATURES, MODEL_PATH
from claims.search.terms import detect_language

STRONG_PRECISION = 0.97  # on cross-validated training queries: leaves room for >= 0.95 on unseen ones
POSSIBLE_PRECISION = 0.5


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def _threshold(probabilities: np.ndarray, labels: np.ndarray, blocked: np.ndarray, precision: float) -> float:
    """The lowest probability above which (conflict-free) candidates reach `precision`."""
    order = np.argsort(-probabilities)
    best = 1.0
    right = total = 0
    for index in order:
        if blocked[index]:
            continue
        total += 1
        right += bool(labels[index])
        if total >= 20 and right / total >= precision:
            best = float(probabilities[index])
    return round(best, 4)


class Command(BaseCommand):
    help = ("Train the matcher's re-ranker (logistic regression over claims.search.rerank.FEATURES) on "
            "queries and qrels, against the prior fact-checks in the database (import them first).")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--set", nargs=2, action="append", metavar=("QUERIES", "QRELS"), required=True)
        parser.add_argument("--output", type=Path, default=MODEL_PATH)
        parser.add_argument("--folds", type=int, default=5)
        parser.add_argument("--seed", type=int, default=13)
        parser.add_argument("--c", type=float, default=1.0, help="inverse regularisation strength")

    def handle(self, *args: Any, **options: Any) -> None:
        data: dict[str, dict[str, list[Any]]] = {r: {"x": [], "y": [], "q": [], "blocked": []}
                                                 for r in ("dense", "lexical")}
        sources = []
        for queries_path, qrels_path in options["set"]:
            queries, qrels = read_queries(Path(queries_path)), read_qrels(Path(qrels_path))
            sources.append({"queries": Path(queries_path).name, "qrels": Path(qrels_path).name,
                            "sha256": [_sha(Path(queries_path)), _sha(Path(qrels_path))], "queries_used": len(qrels)})
            for qid, gold in qrels.items():
                if qid not in queries:
                    raise CommandError(f"{qid} has no text in {queries_path}")
                language = detect_language(clean_query(queries[qid]))
                regimes = ["lexical"] + (["dense"] if wants_embedding(language) else [])
                for regime in regimes:
                    candidates, details, _ = candidates_for(text=queries[qid], language="", dense=regime == "dense")
                    part = data[regime]
                    for c in candidates:
                        part["x"].append(c.features)
                        part["y"].append(doc_id(details[c.key]["url"]) in gold)
                        part["q"].append(f"{queries_path}:{qid}")
                        part["blocked"].append(c.numbers_conflict or c.names_conflict)
            self.stdout.write(f"{queries_path}: {len(qrels)} queries")
        models = {}
        for regime, part in data.items():
            if not part["x"]:
                raise CommandError(f"no training candidates for the {regime} regime")
            models[regime] = self._fit(regime, part, options)
        payload = {
            "features": list(FEATURES),
            "models": models,
            "provenance": {
                "trained": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d"),
                "command": "manage.py train_matching " + " ".join(f"--set {q} {r}" for q, r in options["set"]),
                "sets": sources, "folds": options["folds"], "seed": options["seed"], "c": options["c"],
            },
        }
        for model in models.values():
            model["features"] = list(FEATURES)
        options["output"].write_text(json.dumps(payload, indent=1) + "\n")
        self.stdout.write(f"wrote {options['output']}")

    def _fit(self, regime: str, part: dict[str, list[Any]], options: dict[str, Any]) -> dict[str, Any]:
        x = np.asarray(part["x"], dtype=np.float64)
        y = np.asarray(part["y"], dtype=bool)
        blocked = np.asarray(part["blocked"], dtype=bool)
        groups = np.asarray(part["q"])
        mean = x.mean(0)
        scale = x.std(0)
        scale[scale == 0] = 1.0
        z = (x - mean) / scale
        # Cross-validated probabilities (folds by query) choose the tier thresholds and report MAP@5.
        names = sorted(set(groups))
        rng = np.random.RandomState(options["seed"])
        fold_of = dict(zip(names, rng.randint(0, options["folds"], len(names)), strict=True))
        folds = np.asarray([fold_of[g] for g in groups])
        held_out = np.zeros(len(y))
        for fold in range(options["folds"]):
            train = folds != fold
            model = LogisticRegression(C=options["c"], max_iter=5000).fit(z[train], y[train])
            held_out[~train] = model.predict_proba(z[~train])[:, 1]
        scores = Scores()
        for name in names:
            rows = np.flatnonzero(groups == name)
            ranked = sorted(rows, key=lambda i: -held_out[i])
            gold = {str(i) for i in rows if y[i]} or {"none"}
            scores.add(name, [str(i) for i in ranked], gold)
        strong = _threshold(held_out, y, blocked, STRONG_PRECISION)
        possible = min(strong, _threshold(held_out, y, np.zeros_like(blocked), POSSIBLE_PRECISION))
        chosen = held_out >= strong
        chosen &= ~blocked
        summary = scores.summary()
        self.stdout.write(
            f"{regime}: {len(names)} queries, {len(y)} candidates; cross-validated MAP@5 {summary['map5']:.4f} "
            f"MRR@5 {summary['mrr5']:.4f}; strong >= {strong} (precision "
            f"{(y[chosen].mean() if chosen.any() else 1.0):.3f} on {chosen.sum()}), possible >= {possible}")
        final = LogisticRegression(C=options["c"], max_iter=5000).fit(z, y)
        return {
            "weights": [round(float(w), 6) for w in final.coef_[0]], "bias": round(float(final.intercept_[0]), 6),
            "mean": [round(float(v), 6) for v in mean], "scale": [round(float(v), 6) for v in scale],
            "thresholds": {"strong": strong, "possible": possible},
            "cross_validated": {k: round(v, 4) for k, v in summary.items() if k in ("map5", "mrr5")},
        }
