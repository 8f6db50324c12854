"""Whether a candidate's text can go into a fact-checker's queue as written, learnt from labelled texts.

A statement can be worth checking and still not be checkable as written: "La députée du Nord annonce
qu'elle quitte le groupe" (which deputy?), "Ce texte a été adopté" (which text?), "C'est une scène
improbable qui s'est déroulée ce week-end". The rewriting rules (rewrite.py) resolve what they can and
flag a subject they cannot (`needs_context`); annotators found many more texts that lean on the article
(claims/evaluation/usable-fr.jsonl: U usable as written, L after a one-second edit, N not). A logistic
regression over what extraction knows of each candidate (its rule signals and parse features, how its
text opens, its length, whether the rules rewrote it, flagged it or named its speaker) tells L and U
from N: out of fold (5 folds of whole articles) its probability ranks a usable text above an unusable
one 78% of the time (AUC 0.78), the `needs_context` flag alone 62%.

selection.select reads the probability (`ClaimCandidate.usable`): past an article's first few claims,
a candidate the model expects a fact-checker to rewrite stays recoverable. Without a model every
candidate is usable (1.0) and selection is what it was.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from claims.extraction.checkworthiness import Signals, signal_vector

USABLE_LABELS = ("U", "L", "N")
# The text's length in words, in buckets of this many (past the last bucket, one feature: too long to be one fact).
_LENGTH_BUCKET = 8
_LENGTH_BUCKETS = 6


@cache
def _stop_words(language: str) -> frozenset[str]:
    """The language's function words (spaCy's list): how a text opens ("il", "cette", "c'est", "selon") is
    told by them; a content word opening it is only "a name" or "a word", never itself (a feature per
    first name or noun would learn the labelled articles, not the language)."""
    try:
        import spacy.util

        return frozenset(spacy.util.get_lang_class(language).Defaults.stop_words)
    except (ImportError, KeyError, AttributeError):
        return frozenset()


def usable_features(cand: Any, vector: dict[str, float] | None = None) -> dict[str, float]:
    """What the usability model reads of a candidate (a ClaimCandidate after extraction: signals, text,
    quote, claimant and the needs_context flag). `vector`: signal_vector(cand.signals) if already computed."""
    if vector is None:
        vector = signal_vector(cand.signals or Signals(language=cand.language))
    features = dict(vector)
    words = cand.text.split()
    first = words[0].lower().replace("\u2019", "'") if words else ""
    if "'" in first[:-1]:
        first = first.split("'")[0] + "'"  # "C'est", "L'ancien": the elided word ("c'", "l'")
    if first in _stop_words(cand.language):
        features[f"opens={first}"] = 1.0
    else:
        features["opens=capital" if words and words[0][:1].isupper() else "opens=other"] = 1.0
    features[f"text_words={min(len(words) // _LENGTH_BUCKET, _LENGTH_BUCKETS)}"] = 1.0
    features["needs_context"] = float(bool(cand.needs_context))
    features["rewritten"] = float(cand.text != " ".join(cand.quote.split()))
    features["speaker"] = float(bool(cand.claimant))
    return features


def rows(cands: Sequence[Any], vectors: Sequence[dict[str, float] | None] | None = None) -> list[dict[str, Any]]:
    if vectors is None:
        vectors = [None] * len(cands)
    return [{"text": "", "features": usable_features(c, v)} for c, v in zip(cands, vectors, strict=True)]


def mark_usable(model: Any, cands: Sequence[Any], vectors: Sequence[dict[str, float] | None] | None = None) -> None:
    """Each candidate's probability of being usable as written (or after a one-second edit). `vectors`: the
    candidates' signal_vector()s where already computed (None where not)."""
    if model is None or not cands:
        return
    for cand, p in zip(cands, model.predict_proba(rows(cands, vectors))[:, 1], strict=True):
        cand.usable = round(float(p), 3)
