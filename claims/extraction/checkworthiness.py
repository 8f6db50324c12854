"""Check-worthiness in [0, 1] with reasons a person can read.

The rule-based scorer works out of the box. A trained scorer (TF-IDF + the same signals, saved
with joblib by `manage.py train_checkworthiness`) takes over when
settings.FACTCHECK_CHECKWORTHINESS_MODEL names its file; its reasons still list the rule signals.
"""

from __future__ import annotations

import functools
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from claims.extraction import lexicon as lx

MODEL_FORMAT = "factcheck-checkworthiness/1"
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?", re.UNICODE)
_NUMBER = re.compile(r"\d")
_MONTHS = re.compile(r"\b(" + "|".join(re.escape(m) for m in lx.MONTHS if not m.endswith(".")) + r")\b")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_CAPITAL_MID = re.compile(r"(?<=[a-zà-ÿ,] )[A-ZÀ-Þ][a-zà-ÿ]+")


@dataclass
class Signals:
    """What the scorers look at. Filled from the parse during extraction, from text alone otherwise."""

    language: str = "fr"
    words: int = 0
    quantities: int = 0
    percent: bool = False
    money: bool = False
    dates: int = 0
    entities: int = 0
    claimant: bool = False
    speech: bool = False
    comparison: bool = False
    causal: bool = False
    opinion: bool = False
    hypothetical: bool = False
    first_person: bool = False
    question: bool = False
    has_verb: bool = True
    past: bool = False
    # Article-level signals set by the extraction pipeline (claims.extraction.pipeline): what kind of
    # statement a candidate is, beyond its words.
    record: bool = False
    forecast: bool = False
    schedule: bool = False
    advice: bool = False
    promotional: bool = False
    fragment: bool = False
    needs_context: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    def updated(self, **known: Any) -> Signals:
        for key, value in known.items():
            setattr(self, key, value)
        return self


@functools.lru_cache(maxsize=64)
def _marker_pattern(markers: tuple[str, ...]) -> re.Pattern[str]:
    """One regex per word list: a marker matches at a word start ("augment" matches "augmenté")."""
    parts = sorted((re.escape(m.strip()) + (r"(?!\w)" if m.endswith(" ") else "") for m in markers), key=len,
                   reverse=True)
    return re.compile(r"(?<![\w'])(?:" + "|".join(parts) + ")" if parts else r"(?!x)x")


def _has(lower: str, markers: tuple[str, ...]) -> bool:
    return bool(markers) and _marker_pattern(markers).search(lower) is not None


def lexical_signals(text: str, language: str, **known: Any) -> Signals:
    """Signals from the words alone; `known` overrides them with what the parser found."""
    lower = text.lower().replace("\u2019", "'")
    words = _WORD.findall(lower)
    number_words = lx.NUMBER_WORDS.get(language, {})
    quantities = len(_NUMBER.findall(text) and re.findall(r"\d[\d.,]*", text)) + sum(
        1 for w in words if w in number_words and w not in ("un", "une", "one"))
    first = lx.FIRST_PERSON.get(language, set())
    signals = Signals(
        language=language,
        words=len(words),
        quantities=quantities,
        percent=bool(re.search(r"%|\bper ?cent\b|\bpour ?cent\b", lower)),
        money=bool(re.search(r"[$€£]|\b(dollars?|euros?|billion|milliards?|million)\b", lower)),
        dates=len(_MONTHS.findall(lower)) + len(_YEAR.findall(text)),
        entities=len(_CAPITAL_MID.findall(text)),
        comparison=_has(lower, lx.COMPARISON_MARKERS.get(language, ())),
        causal=_has(lower, lx.CAUSAL_MARKERS.get(language, ())),
        opinion=_has(lower, lx.OPINION_MARKERS.get(language, ())),
        hypothetical=_has(lower, lx.HYPOTHETICAL_MARKERS.get(language, ())),
        first_person=any(w in first or w.split("'")[0] + "'" in first for w in words),
        question=text.rstrip().endswith("?"),
        claimant=_has(lower, lx.ATTRIBUTION_MARKERS.get(language, ())),
    )
    for key, value in known.items():
        setattr(signals, key, value)
    return signals


# (signal test, weight, reason). Weights were tuned on the English CheckThat! train split and
# checked by eye on French news; the reasons are what reviewers see.
_RULES: list[tuple[str, float, str]] = [
    ("quantities", 0.30, "contains a quantity"),
    ("percent", 0.10, "contains a percentage"),
    ("money", 0.08, "contains an amount of money"),
    ("dates", 0.08, "mentions a date"),
    ("entities", 0.10, "names a person, place or organisation"),
    ("claimant", 0.10, "attributed to a named source"),
    ("comparison", 0.10, "makes a comparison"),
    ("causal", 0.06, "states a cause"),
    ("past", 0.05, "reports a past event"),
    ("opinion", -0.22, "opinion marker"),
    ("hypothetical", -0.14, "future/hypothetical"),
    ("first_person", -0.08, "first person"),
    ("question", -0.35, "question"),
    # Set by the extraction pipeline only (never from words alone): first weights checked on the
    # French dev set (claims/evaluation) and the shared OrangeSum articles.
    ("record", 0.08, "states a record"),
    ("forecast", -0.18, "forecast or expectation"),
    ("schedule", -0.15, "schedule or announcement"),
    ("advice", -0.2, "advice or instruction"),
    ("promotional", -0.3, "promotional copy"),
    ("fragment", -0.35, "fragment without a verb"),
    ("needs_context", -0.1, "needs context: subject not resolved"),
]
BASE = 0.28


def rule_score(signals: Signals) -> tuple[float, list[str]]:
    score = BASE
    reasons: list[str] = []
    values = asdict(signals)
    # A future event with a calendar date ("ces 15 et 16 septembre") is scheduled, hence checkable.
    if signals.hypothetical and signals.extra.get("calendar_date"):
        values["hypothetical"] = False
        reasons.append("scheduled event with a date")
    for name, weight, reason in _RULES:
        if values[name]:
            score += weight
            reasons.append(reason)
    if signals.entities >= 2:
        score += 0.05
    if signals.words < 6:
        score -= 0.25
        reasons.append("too short to check")
    if signals.words > 40:
        score -= 0.12
        reasons.append("long sentence: several statements")
    if signals.extra.get("lead"):
        score += 0.2
        reasons.append("in the lead")
    if not signals.has_verb:
        score -= 0.2
        reasons.append("no verb")
    return round(min(1.0, max(0.0, score)), 3), reasons


def signal_vector(signals: Signals) -> dict[str, float]:
    values = asdict(signals)
    vec = {name: float(bool(values[name])) for name, _, _ in _RULES}
    vec["short"] = float(signals.words < 6)
    vec["long"] = float(signals.words > 25)
    vec["quantity_count"] = min(signals.quantities, 5) / 5
    vec["entity_count"] = min(signals.entities, 5) / 5
    return vec


class TrainedScorer:
    """A scikit-learn pipeline over (text, signals) with a decision threshold chosen at training.

    Scores are rescaled so that the threshold lands on 0.5: "above 0.5" keeps meaning "worth checking".
    """

    def __init__(self, payload: dict[str, Any], path: str = ""):
        if payload.get("format") != MODEL_FORMAT:
            raise ValueError(f"{path or 'model'} is not a check-worthiness model made by train_checkworthiness")
        self.pipeline = payload["pipeline"]
        self.threshold = float(payload["threshold"])
        self.name = Path(path).name if path else "model"
        self.info = {k: v for k, v in payload.items() if k != "pipeline"}

    def probabilities(self, texts: list[str], signals: list[Signals]) -> list[float]:
        # The model was trained on signals from the words alone: score with the same kind.
        rows = [{"text": t, **signal_vector(lexical_signals(t, s.language))} for t, s in zip(texts, signals, strict=True)]
        return [float(p) for p in self.pipeline.predict_proba(rows)[:, 1]]

    def score(self, texts: list[str], signals: list[Signals]) -> list[float]:
        t = min(max(self.threshold, 1e-6), 1 - 1e-6)
        out = []
        for p in self.probabilities(texts, signals):
            scaled = 0.5 * p / t if p < t else 0.5 + 0.5 * (p - t) / (1 - t)
            out.append(round(min(1.0, max(0.0, scaled)), 3))
        return out


@functools.lru_cache(maxsize=4)
def load_scorer(path: str) -> TrainedScorer:
    import joblib

    return TrainedScorer(joblib.load(path), path)


def configured_scorer() -> TrainedScorer | None:
    from django.conf import settings

    path = getattr(settings, "FACTCHECK_CHECKWORTHINESS_MODEL", "")
    return load_scorer(path) if path else None


def score_all(
    texts: list[str], signals: list[Signals], scorer: TrainedScorer | None = None
) -> list[tuple[float, list[str]]]:
    rules = [rule_score(s) for s in signals]
    if scorer is None or not texts:
        return rules
    scores = scorer.score(texts, signals)
    return [(score, [*reasons, f"scored by {scorer.name}"]) for score, (_, reasons) in zip(scores, rules, strict=True)]
