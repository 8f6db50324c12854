"""Training and evaluating check-worthiness scorers (scikit-learn; no ORM).

The model reads the sentence (word and character n-grams) and the same signals the rule-based
scorer uses, so what it learns stays explainable with the same reasons.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claims.extraction.checkworthiness import (
    MODEL_FORMAT,
    Signals,
    TrainedScorer,
    lexical_signals,
    rule_score,
    signal_vector,
)


@dataclass(frozen=True)
class Example:
    id: str
    text: str
    label: bool


def read_checkthat_tsv(path: str | Path) -> list[Example]:
    """CheckThat! format: Sentence_id<TAB>Text<TAB>class_label (Yes/No), with a header row."""
    examples = []
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_MINIMAL)
        for number, row in enumerate(reader, 1):
            if number == 1 and row and row[0].lower().startswith("sentence"):
                continue
            if len(row) < 3:
                raise ValueError(f"{path}:{number}: expected 3 tab-separated columns, got {len(row)}")
            label = row[2].strip().lower()
            if label not in ("yes", "no"):
                raise ValueError(f"{path}:{number}: class_label must be Yes or No, not {row[2]!r}")
            examples.append(Example(row[0], row[1], label == "yes"))
    return examples


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    f1: float
    tp: int
    fp: int
    fn: int
    tn: int


def prf(predicted: Sequence[bool], gold: Sequence[bool]) -> Scores:
    tp = sum(1 for p, g in zip(predicted, gold, strict=True) if p and g)
    fp = sum(1 for p, g in zip(predicted, gold, strict=True) if p and not g)
    fn = sum(1 for p, g in zip(predicted, gold, strict=True) if not p and g)
    tn = len(gold) - tp - fp - fn
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision, recall, f1, tp, fp, fn, tn)


def _rows(texts: Sequence[str], signals: Sequence[Signals]) -> list[dict[str, Any]]:
    return [{"text": t, **signal_vector(s)} for t, s in zip(texts, signals, strict=True)]


def row_texts(rows: list[dict[str, Any]]) -> list[str]:
    return [row["text"] for row in rows]


def row_signals(rows: list[dict[str, Any]]) -> list[dict[str, float]]:
    return [{k: v for k, v in row.items() if k != "text"} for row in rows]


def build_pipeline(seed: int = 0) -> Any:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline
    from sklearn.preprocessing import FunctionTransformer

    texts = FunctionTransformer(row_texts)
    features = FeatureUnion([
        ("words", Pipeline([("select", texts), ("tfidf", TfidfVectorizer(
            ngram_range=(1, 2), min_df=2, sublinear_tf=True, lowercase=True))])),
        ("chars", Pipeline([("select", texts), ("tfidf", TfidfVectorizer(
            analyzer="char_wb", ngram_range=(2, 5), min_df=3, sublinear_tf=True, max_features=200_000))])),
        ("signals", Pipeline([("select", FunctionTransformer(row_signals)), ("vec", DictVectorizer())])),
    ])
    return Pipeline([
        ("features", features),
        ("model", LogisticRegression(C=4.0, max_iter=2000, class_weight="balanced", random_state=seed)),
    ])


def train(
    examples: Sequence[Example], *, language: str = "en", seed: int = 0, holdout: float = 0.15,
    signals: Sequence[Signals] | None = None,
) -> dict[str, Any]:
    """Fit on the examples; the decision threshold is the one maximising F1 on a held-out slice,
    then the model is refitted on everything. Returns the payload saved with joblib."""
    import random

    if len({e.label for e in examples}) < 2:
        raise ValueError("training needs examples of both classes (check-worthy and not)")
    sigs = list(signals) if signals is not None else [lexical_signals(e.text, language) for e in examples]
    order = list(range(len(examples)))
    random.Random(seed).shuffle(order)
    cut = max(1, int(len(order) * holdout)) if len(order) >= 20 else 0
    held, fit = order[:cut], order[cut:]
    threshold, holdout_f1 = 0.5, 0.0
    if held:
        pipeline = build_pipeline(seed)
        pipeline.fit(_rows([examples[i].text for i in fit], [sigs[i] for i in fit]), [examples[i].label for i in fit])
        probs = pipeline.predict_proba(_rows([examples[i].text for i in held], [sigs[i] for i in held]))[:, 1]
        gold = [examples[i].label for i in held]
        best = max(
            ((prf([p >= t for p in probs], gold).f1, t) for t in [x / 100 for x in range(10, 91, 2)]),
            key=lambda pair: pair[0],
        )
        threshold, holdout_f1 = best[1], best[0]
    pipeline = build_pipeline(seed)
    pipeline.fit(_rows([e.text for e in examples], sigs), [e.label for e in examples])
    return {
        "format": MODEL_FORMAT, "pipeline": pipeline, "threshold": threshold, "holdout_f1": holdout_f1, "language": language,
        "examples": len(examples), "positives": sum(e.label for e in examples),
        "trained_at": dt.datetime.now(tz=dt.UTC).isoformat(timespec="seconds"),
    }


def save(payload: dict[str, Any], path: str | Path) -> None:
    import joblib

    Path(path).parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(payload, path, compress=3)


def predict_rules(signals: Iterable[Signals], threshold: float = 0.5) -> list[bool]:
    return [rule_score(s)[0] >= threshold for s in signals]


def predict_model(scorer: TrainedScorer, texts: Sequence[str], signals: Sequence[Signals]) -> list[bool]:
    return [score >= 0.5 for score in scorer.score(list(texts), list(signals))]
