"""A fitted check-worthiness pipeline as plain data: feature indexes, idf and coefficients.

Training uses scikit-learn (training.py); scoring does not need it. Importing scikit-learn costs
an extraction worker about 70 MB (DESIGN.md's budget is 600 MB per process), and a pickled
scikit-learn object ties the model file to one scikit-learn version. `LinearModel` reproduces
exactly what the fitted DictVectorizer + TfidfVectorizer (+ sentence embedding) + LogisticRegression
compute (a test compares them), with numpy alone.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np


@dataclass
class LinearModel:
    features: dict[str, int]  # signal feature name -> column
    words: dict[str, int]  # word n-gram -> column (after the signal features); empty: no words
    idf: np.ndarray
    token_pattern: str
    ngram_range: tuple[int, int]
    coef: np.ndarray
    intercept: float
    # Weights of the sentence embedding (claims.search.embed, scaled as in training folded in), or
    # None: the model does not read embeddings. Rows then carry row["embedding"].
    embedding: np.ndarray | None = None

    @classmethod
    def from_pipeline(cls, pipeline: Any) -> LinearModel:
        """From build_pipeline()'s fitted Pipeline (FeatureUnion of signals [+ words], then the model)."""
        parts = dict(pipeline.named_steps["features"].transformer_list)
        vec = parts["signals"].steps[-1][1]
        words: dict[str, int] = {}
        idf = np.zeros(0, dtype=np.float32)
        pattern, ngrams = r"(?u)\b\w\w+\b", (1, 1)
        if "words" in parts:
            tfidf = parts["words"].steps[-1][1]
            if not (tfidf.lowercase and tfidf.sublinear_tf and tfidf.norm == "l2" and tfidf.use_idf
                    and tfidf.analyzer == "word" and tfidf.strip_accents is None):
                raise ValueError("LinearModel reproduces lower-cased, sublinear, l2-normalised word TF-IDF only")
            offset = len(vec.vocabulary_)
            words = {term: offset + int(i) for term, i in tfidf.vocabulary_.items()}
            idf = tfidf.idf_.astype(np.float32)
            pattern, ngrams = tfidf.token_pattern, tuple(tfidf.ngram_range)
        model = pipeline.named_steps["model"]
        coef = model.coef_[0].astype(np.float64)
        embedding = None
        if "embedding" in parts:
            scale = float(parts["embedding"].kw_args["scale"])
            start = len(vec.vocabulary_) + len(words)
            embedding = (coef[start:] * scale).astype(np.float32)
            coef = coef[:start]
        return cls(
            features={name: int(i) for name, i in vec.vocabulary_.items()}, words=words, idf=idf,
            token_pattern=pattern, ngram_range=(int(ngrams[0]), int(ngrams[1])),
            coef=coef, intercept=float(model.intercept_[0]), embedding=embedding,
        )

    def __post_init__(self) -> None:
        # Plain floats by name: indexing numpy arrays per feature is what scoring would spend on.
        self._by_name = {name: float(self.coef[column]) for name, column in self.features.items()}
        self._coef = [float(c) for c in self.coef]
        self._token = re.compile(self.token_pattern)

    def __getstate__(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if not k.startswith("_")}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update({"embedding": None, **state})
        self.__post_init__()

    def _word_weights(self, text: str) -> dict[int, float]:
        tokens = self._token.findall(text.lower())
        low, high = self.ngram_range
        counts: Counter[int] = Counter()
        for n in range(low, high + 1):
            for i in range(len(tokens) - n + 1):
                column = self.words.get(" ".join(tokens[i : i + n]))
                if column is not None:
                    counts[column] += 1
        offset = len(self.features)
        weights = {c: (1.0 + math.log(tf)) * float(self.idf[c - offset]) for c, tf in counts.items()}
        norm = math.sqrt(sum(w * w for w in weights.values()))
        return {c: w / norm for c, w in weights.items()} if norm else {}

    def decision(self, row: dict[str, Any]) -> float:
        weights = self._by_name
        # (a feature at 0 adds nothing: most of the signal vector's rules are absent from a sentence)
        total = self.intercept + sum(weights.get(name, 0.0) * value for name, value in row["features"].items() if value)
        if self.words:
            coef = self._coef
            total += sum(coef[c] * w for c, w in self._word_weights(row["text"]).items())
        if self.embedding is not None:
            total += float(np.dot(self.embedding, row["embedding"]))
        return total

    def predict_proba(self, rows: Sequence[dict[str, Any]]) -> np.ndarray:
        """Same shape as scikit-learn's: column 1 is the probability of "check-worthy"."""
        p = np.array([1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, self.decision(r))))) for r in rows])
        return np.column_stack([1.0 - p, p]) if len(p) else np.zeros((0, 2))


@dataclass
class DenseHead:
    """A one-hidden-layer network (scikit-learn's MLPClassifier, relu) over the sentence embedding
    (times `scale`) and the signal features, as plain arrays. It reads what the linear model reads
    except the words, and bends where a linear model cannot (a number in a question, a topic in a
    greeting); alone it is no better than the linear model, averaged with it it is (Blend)."""

    features: dict[str, int]  # signal feature name -> column (after the embedding's)
    scale: float
    hidden_weights: np.ndarray  # (embedding + features) x hidden, float16 on disk (half the model file)
    hidden_bias: np.ndarray
    out_weights: np.ndarray  # hidden
    out_bias: float

    @classmethod
    def from_classifier(cls, classifier: Any, features: dict[str, int], scale: float) -> DenseHead:
        if classifier.activation != "relu" or len(classifier.coefs_) != 2:
            raise ValueError("DenseHead reproduces one relu hidden layer only")
        return cls(features=dict(features), scale=float(scale),
                   hidden_weights=classifier.coefs_[0].astype(np.float16),
                   hidden_bias=classifier.intercepts_[0].astype(np.float32),
                   out_weights=classifier.coefs_[1][:, 0].astype(np.float32),
                   out_bias=float(classifier.intercepts_[1][0]))

    def matrix(self, rows: Sequence[dict[str, Any]]) -> np.ndarray:
        """What the network reads: [embedding * scale, signal features] (training builds the same)."""
        dimensions = self.hidden_weights.shape[0] - len(self.features)
        x = np.zeros((len(rows), self.hidden_weights.shape[0]), dtype=np.float32)
        for r, row in enumerate(rows):
            x[r, :dimensions] = np.asarray(row["embedding"], dtype=np.float32) * self.scale
            for name, value in row["features"].items():
                column = self.features.get(name)
                if column is not None:
                    x[r, dimensions + column] = value
        return x

    def probability(self, x: np.ndarray) -> np.ndarray:
        """Of "check-worthy", for rows already made into `matrix(rows)`."""
        hidden = np.maximum(x @ self.hidden_weights.astype(np.float32) + self.hidden_bias, 0.0)
        z = np.clip(hidden.astype(np.float64) @ self.out_weights + self.out_bias, -60.0, 60.0)
        return 1.0 / (1.0 + np.exp(-z))

    def predict_proba(self, rows: Sequence[dict[str, Any]]) -> np.ndarray:
        if not len(rows):
            return np.zeros((0, 2))
        p = self.probability(self.matrix(rows))
        return np.column_stack([1.0 - p, p])


@dataclass
class Blend:
    """The mean of a linear model's probability and dense heads' (each weighted): what the English
    model of format /4 is (training.fit_lexical)."""

    linear: LinearModel
    heads: list[DenseHead]
    linear_weight: float  # the heads share the rest equally

    @property
    def embedding(self) -> np.ndarray | None:
        return self.linear.embedding  # TrainedScorer.model_for: this model reads the sentence embedding

    def predict_proba(self, rows: Sequence[dict[str, Any]]) -> np.ndarray:
        if not len(rows):
            return np.zeros((0, 2))
        p = self.linear_weight * self.linear.predict_proba(rows)[:, 1]
        matrices: dict[tuple[float, tuple[str, ...]], np.ndarray] = {}  # heads that read the same share it
        for head in self.heads:
            key = (head.scale, tuple(head.features))
            if key not in matrices:
                matrices[key] = head.matrix(rows)
            p = p + (1.0 - self.linear_weight) / len(self.heads) * head.probability(matrices[key])
        return np.column_stack([1.0 - p, p])
