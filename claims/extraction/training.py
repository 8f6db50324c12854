"""Training and evaluating check-worthiness scorers (scikit-learn; no ORM).

Two logistic regressions: a language-independent one over the rule signals and the parse
features of syntax.py (it scores every language), and one that also reads the words (word
uni- and bigrams) for the language of the training file. Sentences are parsed once, with the
same code the extraction pipeline uses for a candidate (pipeline.span_signals).

Generalisation is measured on groups held out whole (debates in CheckThat! data, inferred from
gaps in Sentence_id), not on random sentences: sentences of one debate repeat each other, and a
random split measures memory. Decision thresholds are chosen on held-out groups too.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import hashlib
import math
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from claims.extraction.checkworthiness import (
    _RULES,
    EMBEDDING_DIMENSIONS,
    EMBEDDING_LANGUAGES,
    EMBEDDING_MODEL,
    JUDGED,
    MODEL_FORMAT,
    Signals,
    TrainedScorer,
    rule_logit,
    rule_score,
    rule_values,
    sentence_embeddings,
    signal_vector,
)
from claims.extraction.linear import Blend, DenseHead, LinearModel


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


def sentence_signals(texts: Sequence[str], language: str, models: Mapping[str, str] | None = None) -> list[Signals]:
    """Signals of whole sentences, parsed as the pipeline parses an article's sentences."""
    from claims.extraction import features as ft
    from claims.extraction.nlp import nlp_for
    from claims.extraction.normalise import normalise
    from claims.extraction.pipeline import span_signals

    nlp, _ = nlp_for(language, models)
    out = []
    for doc in nlp.pipe((normalise(t).text for t in texts), batch_size=256):
        if not len(doc):
            out.append(Signals(language=language, words=0, has_verb=False))
            continue
        dates = ft.find_dates(doc)
        date_tokens = {t.i for t in doc for d in dates if d["char_start"] <= t.idx < d["char_end"]}
        claimant, how = ft.attribution(doc[:], language)
        out.append(span_signals(
            doc[:], language, dates=dates, quantities=ft.find_quantities(doc, language, date_tokens),
            entities=ft.find_entities(doc), claimant=claimant, speech=bool(how),
        ))
    return out


def cached_embeddings(texts: Sequence[str]) -> np.ndarray | None:
    """sentence_embeddings, kept in the temporary directory under a hash of the texts: training and
    `--cv` encode the same 22,500 sentences, about a quarter of an hour each time on a shared 2-core box.
    Keyed by EMBEDDING_MODEL, not MODEL_FORMAT: a new model format reading the same vectors reuses them."""
    digest = hashlib.sha256("\x00".join([EMBEDDING_MODEL, *texts]).encode("utf-8")).hexdigest()[:32]
    path = Path(tempfile.gettempdir()) / "factcheck-checkworthiness" / f"{digest}.npy"
    if path.exists():
        vectors = np.load(path)
        if vectors.shape == (len(texts), EMBEDDING_DIMENSIONS):
            return vectors
    vectors = sentence_embeddings(texts)
    if vectors is not None and len(texts) >= 1000:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.save(path, vectors)
    return vectors


def feature_rows(
    texts: Sequence[str], signals: Sequence[Signals], embeddings: Sequence[np.ndarray] | None = None,
    vectors: Sequence[dict[str, float]] | None = None,
) -> list[dict[str, Any]]:
    """What the models read of each sentence: its text, its signal vector and its rule score's log-odds
    (`rule_logodds`: the French model, article_training, learns corrections to the rules; the English
    models, trained before it was there, ignore a feature they never saw). `vectors`: the signals'
    signal_vector()s if already computed."""
    if vectors is None:
        vectors = [signal_vector(s) for s in signals]
    rows = [{"text": t, "features": {**vector, "rule_logodds": rule_logit(s)[0]}}
            for t, s, vector in zip(texts, signals, vectors, strict=True)]
    if embeddings is not None:
        for row, vector in zip(rows, embeddings, strict=True):
            row["embedding"] = vector
    return rows


def row_texts(rows: list[dict[str, Any]]) -> list[str]:
    return [row["text"] for row in rows]


def row_features(rows: list[dict[str, Any]]) -> list[dict[str, float]]:
    return [row["features"] for row in rows]


def row_embeddings(rows: list[dict[str, Any]], scale: float = 1.0) -> np.ndarray:
    return np.vstack([row["embedding"] for row in rows]).astype(np.float64) * scale


# Word n-grams kept by the lexical model: enough for the CV figure to plateau, small on disk.
MAX_WORDS = 20_000
# The sentence embedding is a unit vector (coordinates around 0.05): scaled so that one L2 penalty
# suits it and the sparse features alike. Scales 3 and 10 gave grouped-fold F1 0.692 and 0.696.
EMBEDDING_SCALE = 10.0


def build_pipeline(*, lexical: bool, embedding: bool = False, seed: int = 0, c: float = 1.0) -> Any:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline
    from sklearn.preprocessing import FunctionTransformer

    parts = [("signals", Pipeline([("select", FunctionTransformer(row_features)), ("vec", DictVectorizer())]))]
    if lexical:
        parts.append(("words", Pipeline([("select", FunctionTransformer(row_texts)), ("tfidf", TfidfVectorizer(
            ngram_range=(1, 2), min_df=2, max_features=MAX_WORDS, sublinear_tf=True, dtype=np.float32))])))
    if embedding:
        parts.append(("embedding", FunctionTransformer(row_embeddings, kw_args={"scale": EMBEDDING_SCALE})))
    return Pipeline([
        ("features", FeatureUnion(parts)),
        ("model", LogisticRegression(C=c, solver="liblinear", max_iter=5000, class_weight="balanced",
                                     random_state=seed)),
    ])


def infer_groups(ids: Sequence[str], *, gap: int = 20, min_size: int = 200, blocks: int = 20) -> list[int]:
    """One group per source (a debate). CheckThat! numbers the sentences of each debate
    consecutively and a jump in Sentence_id starts the next one; ids that are not numbers fall
    back to contiguous blocks in file order (neighbouring sentences stay together)."""
    if not ids:
        return []
    try:
        numbers = [int(i) for i in ids]
    except ValueError:
        size = max(1, -(-len(ids) // blocks))
        return [i // size for i in range(len(ids))]
    order = sorted(range(len(ids)), key=lambda i: numbers[i])
    groups = [0] * len(ids)
    group, size, previous = 0, 0, None
    for i in order:
        if previous is not None and numbers[i] - previous > gap and size >= min_size:
            group, size = group + 1, 0
        groups[i] = group
        size += 1
        previous = numbers[i]
    return groups


def foldable_groups(groups: Sequence[int], folds: int) -> list[int]:
    """`groups`, or contiguous blocks when there are too few sources to make `folds` folds of them."""
    if len(set(groups)) >= folds:
        return list(groups)
    return infer_groups([f"x{i}" for i in range(len(groups))], blocks=max(folds, 2 * folds))


def grouped_folds(groups: Sequence[int], k: int) -> list[list[int]]:
    """Held-out index lists: whole groups, k folds of similar size (the largest groups first)."""
    sizes: dict[int, int] = {}
    for g in groups:
        sizes[g] = sizes.get(g, 0) + 1
    if len(sizes) < k:
        raise ValueError(f"{len(sizes)} groups cannot make {k} folds")
    fold_of: dict[int, int] = {}
    totals = [0] * k
    for g in sorted(sizes, key=lambda g: (-sizes[g], g)):
        fold = totals.index(min(totals))
        fold_of[g] = fold
        totals[fold] += sizes[g]
    folds: list[list[int]] = [[] for _ in range(k)]
    for i, g in enumerate(groups):
        folds[fold_of[g]].append(i)
    return folds


# An unseen source need not have the training file's share of check-worthy sentences (24% in
# CheckThat! train): the threshold is chosen for F1 at that share and at a higher one alike, and
# `evaluate_checkworthiness --cv` reports F1 at both (f1_at_share).
SHIFTED_POSITIVE_RATE = 0.35
THRESHOLDS = tuple(x / 100 for x in range(10, 91, 2))


def weighted_f1(predicted: Sequence[bool], gold: Sequence[bool], positive_weight: float = 1.0) -> float:
    return reweighted_f1(prf(predicted, gold), positive_weight)


def reweighted_f1(s: Scores, positive_weight: float) -> float:
    """F1 with every check-worthy sentence counted `positive_weight` times (the other class once)."""
    tp, fp, fn = s.tp * positive_weight, s.fp, s.fn * positive_weight
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def share_weight(rate: float, share: float = SHIFTED_POSITIVE_RATE) -> float:
    """The weight that turns a positive rate of `rate` into `share` (the ratio of their odds)."""
    return (share / (1 - share)) / (rate / (1 - rate)) if 0 < rate < 1 else 1.0


def f1_at_share(s: Scores, share: float = SHIFTED_POSITIVE_RATE) -> float:
    """F1 on a source where check-worthy sentences are `share` of all, each class scored as on this
    one (same precision per class, same recall): F1 rises with that share, so a figure measured at
    train's 24% understates a source where a third of the sentences are worth checking."""
    total = s.tp + s.fp + s.fn + s.tn
    return reweighted_f1(s, share_weight((s.tp + s.fn) / total if total else 0.0, share))


def robust_threshold(probs: Sequence[float], gold: Sequence[bool], folds: Sequence[Sequence[int]]) -> float:
    """The threshold with the best mean F1 over held-out folds, at the observed positive rate and
    at SHIFTED_POSITIVE_RATE (positives re-weighted)."""
    shifted = share_weight(sum(gold) / len(gold))

    def quality(t: float) -> float:
        total = 0.0
        for fold in folds:
            predicted = [probs[i] >= t for i in fold]
            truth = [gold[i] for i in fold]
            total += weighted_f1(predicted, truth) + weighted_f1(predicted, truth, shifted)
        return total

    return max(THRESHOLDS, key=quality)


# The English model averages the linear model's probability with that of small networks over the
# sentence embedding and the signal features (linear.Blend). Out-of-fold on the same 5 folds of whole
# debates: the linear model 0.702, the two networks 0.710, their average 0.716 (better on 4 folds of 5);
# a network alone is overconfident (its best threshold near 0.2-0.3) and about as good as the linear
# model: they err on different sentences. Eight epochs: fifteen or twenty did no better, nor C=2.
HEAD_HIDDEN = 256
HEAD_ALPHA = 1e-3
HEAD_EPOCHS = 8
HEAD_SEEDS = (0, 1)
LINEAR_WEIGHT = 0.5


def fit_head(rows: list[dict[str, Any]], gold: Sequence[bool], seed: int = 0) -> DenseHead:
    """One network over [embedding x EMBEDDING_SCALE, signal features]; check-worthy sentences are
    drawn again at random until both classes weigh the same (what class_weight does for the LR)."""
    import warnings

    from sklearn.exceptions import ConvergenceWarning
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.neural_network import MLPClassifier

    vec = DictVectorizer().fit(row_features(rows))
    head = DenseHead({name: int(i) for name, i in vec.vocabulary_.items()}, EMBEDDING_SCALE,
                     np.zeros((EMBEDDING_DIMENSIONS + len(vec.vocabulary_), 1), dtype=np.float32),
                     np.zeros(1, dtype=np.float32), np.zeros(1, dtype=np.float32), 0.0)
    x, y = head.matrix(rows), np.array(gold, dtype=bool)
    rng = np.random.default_rng(seed)
    positives, negatives = np.flatnonzero(y), np.flatnonzero(~y)
    extra = (rng.choice(positives, len(negatives) - len(positives)) if 0 < len(positives) < len(negatives)
             else np.zeros(0, dtype=int))
    order = rng.permutation(np.concatenate([negatives, positives, extra]))
    classifier = MLPClassifier(hidden_layer_sizes=(HEAD_HIDDEN,), alpha=HEAD_ALPHA, max_iter=HEAD_EPOCHS,
                               batch_size=min(256, len(order)), random_state=seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)  # a few epochs on purpose: more overfit
        classifier.fit(x[order], y[order])
    return DenseHead.from_classifier(classifier, head.features, EMBEDDING_SCALE)


def fit_model(rows: list[dict[str, Any]], gold: Sequence[bool], *, lexical: bool, seed: int = 0, c: float = 1.0) -> Any:
    """The plain model (linear.py) of build_pipeline fitted on `rows`; with embeddings in the rows,
    the lexical model is blended with networks over the embedding (fit_head)."""
    embedding = bool(rows) and "embedding" in rows[0]
    pipeline = build_pipeline(lexical=lexical, embedding=embedding, seed=seed, c=c).fit(rows, list(gold))
    linear = LinearModel.from_pipeline(pipeline)
    if not (lexical and embedding):
        return linear
    return Blend(linear, [fit_head(rows, gold, seed + s) for s in HEAD_SEEDS], LINEAR_WEIGHT)


def fit_with_threshold(
    lexical: bool, texts: Sequence[str], signals: Sequence[Signals], gold: Sequence[bool],
    groups: Sequence[int], folds: int, seed: int, embeddings: Sequence[np.ndarray] | None = None,
    threshold: Callable[[Sequence[float], Sequence[bool], Sequence[Sequence[int]]], float] | None = None,
    c: float = 1.0,
) -> tuple[Any, float, list[float]]:
    """Out-of-fold probabilities over grouped folds -> threshold (robust_threshold unless `threshold` is
    given: it gets the out-of-fold probabilities, the gold labels and the folds); then a fit on everything."""
    held_out = grouped_folds(groups, folds)
    probs = [0.0] * len(gold)

    def rows(indexes: Iterable[int]) -> list[dict[str, Any]]:
        chosen = list(indexes)
        return feature_rows([texts[i] for i in chosen], [signals[i] for i in chosen],
                            [embeddings[i] for i in chosen] if embeddings is not None else None)

    for fold in held_out:
        inside = set(fold)
        fit = [i for i in range(len(gold)) if i not in inside]
        model = fit_model(rows(fit), [gold[i] for i in fit], lexical=lexical, seed=seed, c=c)
        for i, p in zip(fold, model.predict_proba(rows(fold))[:, 1], strict=True):
            probs[i] = float(p)
    cut = (threshold or robust_threshold)(probs, gold, held_out)
    fold_f1 = [prf([probs[i] >= cut for i in fold], [gold[i] for i in fold]).f1 for fold in held_out]
    return fit_model(rows(range(len(gold))), gold, lexical=lexical, seed=seed, c=c), cut, fold_f1


def train(
    examples: Sequence[Example], *, language: str = "en", seed: int = 0, folds: int = 5,
    signals: Sequence[Signals] | None = None, groups: Sequence[int] | None = None,
    embeddings: Sequence[np.ndarray] | None | bool = True,
) -> dict[str, Any]:
    """Fit the universal and the lexical model; returns the payload saved with joblib.

    The lexical model also reads the sentence embedding (claims.search.embed) when `embeddings`
    are given, or True and the embedding model is installed (English only: it is an English model)."""
    if len({e.label for e in examples}) < 2:
        raise ValueError("training needs examples of both classes (check-worthy and not)")
    sigs = list(signals) if signals is not None else sentence_signals([e.text for e in examples], language)
    groups = foldable_groups(groups if groups is not None else infer_groups([e.id for e in examples]), folds)
    texts = [e.text for e in examples]
    gold = [e.label for e in examples]
    if embeddings is True:
        embeddings = cached_embeddings(texts) if language in EMBEDDING_LANGUAGES else None
    vectors = None if embeddings is False or embeddings is None else list(embeddings)
    universal, universal_t, universal_f1 = fit_with_threshold(False, texts, sigs, gold, groups, folds, seed)
    lexical, lexical_t, lexical_f1 = fit_with_threshold(True, texts, sigs, gold, groups, folds, seed, vectors)
    rules = fit_rules(sigs, gold, groups, folds=folds)
    return {
        "format": MODEL_FORMAT, "universal": universal, "lexical": {language: lexical},
        "thresholds": {"universal": universal_t, language: lexical_t},
        "signals": sorted({name for name, _, _ in _RULES}),
        "language": language, "examples": len(examples), "positives": sum(gold), "groups": len(set(groups)),
        "folds": folds, "fold_f1": {"universal": universal_f1, language: lexical_f1},
        "embedding": vectors is not None, "rules": rules,
        "trained_at": dt.datetime.now(tz=dt.UTC).isoformat(timespec="seconds"),
    }


def save(payload: dict[str, Any], path: str | Path) -> None:
    import joblib

    Path(path).parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(payload, path, compress=("xz", 9))


# L2 strength of the rule fit: the weights are few and each has thousands of examples; this only
# keeps rare signals from taking extreme weights.
RULE_C = 1.0


def fitted_rule_names() -> list[str]:
    return [name for name, _, _ in _RULES if name not in JUDGED]


def rule_matrix(signals: Sequence[Signals]) -> np.ndarray:
    names = fitted_rule_names()
    out = np.zeros((len(signals), len(names)))
    for row, s in enumerate(signals):
        values = rule_values(s)
        for column, name in enumerate(names):
            out[row, column] = float(bool(values.get(name)))
    return out


def fit_rules(
    signals: Sequence[Signals], gold: Sequence[bool], groups: Sequence[int], *, folds: int = 3,
) -> dict[str, Any]:
    """The rule weights as a logistic regression over the rule signals (log-odds), with BASE moved
    so that 0.5 is the decision threshold chosen on held-out groups (robust_threshold). What
    _RULES and BASE ship is this, fitted on the whole training file (train_checkworthiness prints it)."""
    from sklearn.linear_model import LogisticRegression

    x = rule_matrix(signals)
    y = np.array(gold, dtype=bool)

    def model() -> Any:
        return LogisticRegression(C=RULE_C, max_iter=2000, class_weight="balanced")

    held_out = grouped_folds(groups, folds)
    probs = [0.0] * len(y)
    for fold in held_out:
        inside = set(fold)
        fit = [i for i in range(len(y)) if i not in inside]
        if len(set(y[fit])) < 2:
            continue
        for i, p in zip(fold, model().fit(x[fit], y[fit]).predict_proba(x[fold])[:, 1], strict=True):
            probs[i] = float(p)
    threshold = robust_threshold(probs, list(gold), held_out)
    fitted = model().fit(x, y)
    p = min(max(threshold, 1e-6), 1 - 1e-6)
    base = float(fitted.intercept_[0]) - math.log(p / (1 - p))
    weights = {name: round(float(w), 2) for name, w in zip(fitted_rule_names(), fitted.coef_[0], strict=True)}
    fold_f1 = [prf([probs[i] >= threshold for i in fold], [gold[i] for i in fold]).f1 for fold in held_out]
    return {"base": round(base, 2), "weights": weights, "threshold": threshold, "fold_f1": fold_f1}


def predict_rules(
    signals: Iterable[Signals], threshold: float = 0.5, rules: Mapping[str, Any] | None = None,
) -> list[bool]:
    """`rules`: fit_rules' weights instead of the shipped ones."""
    weights, base = (rules["weights"], rules["base"]) if rules else (None, None)
    return [rule_score(s, weights, base)[0] >= threshold for s in signals]


def predict_model(
    scorer: TrainedScorer, texts: Sequence[str], signals: Sequence[Signals],
    embeddings: Sequence[np.ndarray] | None = None,
) -> list[bool]:
    return [score >= 0.5 for score in scorer.score(list(texts), list(signals), embeddings)]


@dataclass(frozen=True)
class FoldResult:
    fold: int
    sentences: int
    scores: dict[str, Scores]  # scorer name -> figures on the held-out fold


def cross_validate(
    examples: Sequence[Example], *, language: str = "en", k: int = 5, seed: int = 0, inner_folds: int = 3,
    signals: Sequence[Signals] | None = None, progress: Any = None, embeddings: bool = True,
    models: bool = True,
) -> list[FoldResult]:
    """Grouped k-fold CV: for each fold of whole groups, train exactly as `train` does (rule weights,
    models and thresholds fitted, thresholds chosen on inner held-out groups) on the others, and
    score the fold with the refitted rules, the universal model and the lexical model.

    models=False: the rules alone (fit_rules on the other folds, as `train` calls it), without the
    models or the sentence embeddings they read: the honest figure of the rule fit in a minute or two
    (parsing) instead of the quarter of an hour the embeddings take to encode."""
    sigs = list(signals) if signals is not None else sentence_signals([e.text for e in examples], language)
    groups = foldable_groups(infer_groups([e.id for e in examples]), k)
    vectors = (cached_embeddings([e.text for e in examples])
               if models and embeddings and language in EMBEDDING_LANGUAGES else None)
    results = []
    for number, fold in enumerate(grouped_folds(groups, k), 1):
        inside = set(fold)
        fit = [i for i in range(len(examples)) if i not in inside]
        held = [examples[i] for i in fold]
        held_signals = [sigs[i] for i in fold]
        gold = [e.label for e in held]
        if not models:
            fit_groups = foldable_groups([groups[i] for i in fit], inner_folds)
            rules = fit_rules([sigs[i] for i in fit], [examples[i].label for i in fit], fit_groups,
                              folds=inner_folds)
            scores = {"rules": prf(predict_rules(held_signals, rules=rules), gold)}
        else:
            payload = train([examples[i] for i in fit], language=language, seed=seed, folds=inner_folds,
                            signals=[sigs[i] for i in fit], groups=[groups[i] for i in fit],
                            embeddings=None if vectors is None else [vectors[i] for i in fit])
            scorer = TrainedScorer(payload, "cv")
            held_vectors = None if vectors is None else [vectors[i] for i in fold]
            texts = [e.text for e in held]
            # The universal model alone: what scores a language the words were not learnt for.
            universal = [dataclasses.replace(s, language="") for s in held_signals]
            scores = {
                "rules": prf(predict_rules(held_signals, rules=payload["rules"]), gold),
                "universal": prf(predict_model(scorer, texts, universal), gold),
                "trained": prf(predict_model(scorer, texts, held_signals, held_vectors), gold),
            }
        results.append(FoldResult(number, len(fold), scores))
        if progress is not None:
            progress(results[-1])
    return results
