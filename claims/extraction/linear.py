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
        total = self.intercept + sum(weights.get(name, 0.0) * value for name, value in row["features"].items())
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
