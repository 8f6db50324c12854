"""Scoring extracted claims against a hand-annotated dev set (claims/evaluation/dev-fr.jsonl).

A stored claim matches an annotated one when its quote contains the annotation's `anchor` (an exact
substring of the sentence the fact-checker picked). Pure functions over plain dicts, so the command
and the tests share them.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower().replace("\u2019", "'"))


def token_f1(predicted: str, gold: str) -> float:
    p, g = tokens(predicted), tokens(gold)
    if not p or not g:
        return float(p == g)
    common = sum((Counter(p) & Counter(g)).values())
    if not common:
        return 0.0
    precision, recall = common / len(p), common / len(g)
    return 2 * precision * recall / (precision + recall)


_SENTENCE_END = re.compile(r"[.!?…](?:[\"»”)]*)(?=\s+|[A-ZÀ-Þ\"«]|$)")


def sentence_count(text: str) -> int:
    """Sentences of an article by a plain punctuation rule (the same for every version of the
    pipeline, so stored shares compare): lines of fewer than four words do not count."""
    count = 0
    for para in re.split(r"\n\s*\n|\n", text):
        if len(para.split()) < 4:
            continue
        count += max(1, len(_SENTENCE_END.findall(para)))
    return count


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\u2019", "'").replace("\u00a0", " ").replace("\u202f", " ")
    return " ".join(text.split())


def _name(text: str) -> str:
    text = _plain(text).lower().strip(" .,'\"")
    return re.sub(r"^(le|la|les|l'|un|une|the)\s*", "", text)


def same_source(predicted: str, gold: str) -> bool:
    p, g = _name(predicted), _name(gold)
    return bool(p and g) and (p == g or p in g or g in p)


_UNIT_ALIASES = {"€": "eur", "euros": "eur", "euro": "eur", "$": "usd", "dollars": "usd", "dollar": "usd",
                 "m2": "m²", "kmh": "km/h", "pour cent": "%", "percent": "%"}


def same_unit(predicted: str, gold: str) -> bool:
    def norm(u: str) -> str:
        u = _plain(u).lower()
        u = _UNIT_ALIASES.get(u, u)
        return u[:-1] if u.endswith("s") and len(u) > 3 else u

    return not gold or norm(predicted) == norm(gold)


def same_value(predicted: float | None, gold: float) -> bool:
    return predicted is not None and abs(predicted - gold) <= 1e-6 * max(1.0, abs(gold))


@dataclass
class Tally:
    """Counts over a set of articles; `figures()` turns them into the reported rates."""

    articles: int = 0
    top5: int = 0
    top5_hits: int = 0
    gold: int = 0
    found: int = 0
    f1_sum: float = 0.0
    stored: int = 0
    sentences: int = 0
    # Found claims whose annotation names a claimant, and how many of them got that claimant: an empty
    # claimant where the article names the source is a miss that precision alone does not see.
    named: int = 0
    named_right: int = 0
    fields: dict[str, list[int]] = field(default_factory=lambda: {
        "claimant": [0, 0], "outlet": [0, 0], "quantities": [0, 0], "dates": [0, 0]})

    def add(self, other: Tally) -> None:
        for name in ("articles", "top5", "top5_hits", "gold", "found", "f1_sum", "stored", "sentences", "named",
                     "named_right"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for key, (right, total) in other.fields.items():
            self.fields[key][0] += right
            self.fields[key][1] += total

    def figures(self) -> dict[str, float]:
        def rate(a: float, b: float) -> float:
            return round(a / b, 3) if b else 0.0

        out = {
            "p_at_5": rate(self.top5_hits, self.top5),
            "recall": rate(self.found, self.gold),
            "text_f1": rate(self.f1_sum, self.found),
            "stored_share": rate(self.stored, self.sentences),
        }
        for key, (right, total) in self.fields.items():
            out[f"{key}_precision"] = rate(right, total)
            if key == "claimant":
                out["claimant_recall"] = rate(self.named_right, self.named)
        out["articles"] = self.articles
        return out


def score_article(claims: list[dict[str, Any]], gold: list[dict[str, Any]], *, sentences: int) -> Tally:
    """One article: `claims` are the stored claims (dicts with quote, text, checkworthiness, claimant,
    outlet, quantities, dates), `gold` the annotations."""
    tally = Tally(articles=1, gold=len(gold), stored=len(claims), sentences=sentences)
    ranked = sorted(claims, key=lambda c: (-c.get("checkworthiness", 0.0), c.get("start") or 0))

    def matches(claim: dict[str, Any], item: dict[str, Any]) -> bool:
        return _plain(item["anchor"]) in _plain(claim.get("quote", ""))

    for claim in ranked[:5]:
        tally.top5 += 1
        tally.top5_hits += any(matches(claim, item) for item in gold)
    used: set[int] = set()
    for item in gold:
        claim = next((c for c in ranked if id(c) not in used and matches(c, item)), None)
        if claim is None:
            continue
        used.add(id(claim))
        tally.found += 1
        tally.f1_sum += token_f1(claim.get("text", ""), item["text"])
        _score_fields(tally, claim, item)
    return tally


def _score_fields(tally: Tally, claim: dict[str, Any], item: dict[str, Any]) -> None:
    fields = tally.fields
    if item.get("claimant"):
        tally.named += 1
        tally.named_right += bool(claim.get("claimant")) and same_source(claim["claimant"], item["claimant"])
    if claim.get("claimant"):
        fields["claimant"][1] += 1
        gold_source = item.get("claimant") or ""
        fields["claimant"][0] += same_source(claim["claimant"], gold_source)
    if claim.get("outlet"):
        fields["outlet"][1] += 1
        fields["outlet"][0] += same_source(claim["outlet"], item.get("outlet") or "")
    for quantity in claim.get("quantities", []):
        fields["quantities"][1] += 1
        fields["quantities"][0] += any(
            same_value(quantity.get("value"), g["value"]) and same_unit(quantity.get("unit", ""), g.get("unit", ""))
            for g in item.get("quantities", []))
    for date in claim.get("dates", []):
        values = date.get("values") or ([date["value"]] if date.get("value") else [])
        if not values:
            continue
        fields["dates"][1] += 1
        fields["dates"][0] += any(v.startswith(g) or g.startswith(v) for v in values for g in item.get("dates", []))
