"""Reading schema.org ClaimReview JSON-LD from the wild (pure functions, no ORM).

Accepts a single object, a list, a DataFeed (dataFeedElement / DataFeedItem.item), an @graph, a
wrapper with a "claim-review" key, or HTML pages with <script type="application/ld+json"> blocks.
Real feeds vary: itemReviewed is a Claim or a CreativeWork, appearance a list, an object or bare
strings, ratings come as strings, on reversed (best < worst) or 0-based scales, or degenerate
(best == worst); fields go missing. Each row either becomes a normalised dict (PriorFactCheck's
fields) or is rejected with its index and a reason.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, time
from typing import Any
from urllib.parse import urlsplit

from django.utils.dateparse import parse_date, parse_datetime

# Ratings are stored on a 1 (worst) to 5 (best) scale whatever the publisher used; raw keeps the original.
SCALE_WORST, SCALE_BEST = 1.0, 5.0
_LD_SCRIPT = re.compile(
    r"<script[^>]*type\s*=\s*[\"']application/ld\+json[\"'][^>]*>(.*?)</script>", re.IGNORECASE | re.DOTALL
)


@dataclass
class Parsed:
    rows: list[dict[str, Any]] = field(default_factory=list)
    rejected: list[tuple[int, str]] = field(default_factory=list)


def _types(obj: dict[str, Any]) -> set[str]:
    value = obj.get("@type") or obj.get("type") or ""
    values = value if isinstance(value, list) else [value]
    return {str(v).rsplit("/", 1)[-1] for v in values if v}


def _first(value: Any) -> Any:
    if isinstance(value, list):
        return value[0] if value else None
    return value


def _name(value: Any) -> str:
    """A person/organisation given as a string, an object with a name, or a list of those."""
    value = _first(value)
    if isinstance(value, dict):
        return str(value.get("name") or value.get("alternateName") or "").strip()
    return str(value or "").strip()


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return float(value)
    try:
        return float(str(value).strip().replace(",", "."))
    except ValueError:
        return None


def parse_when(value: Any) -> datetime | None:
    """ISO dates and the variants feeds use: '2020-10-07 20:05', '2017-03-01 20:30:17 UTC', '+0100'."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    text = re.sub(r"\s*UTC$|Z$", "+00:00", text)
    text = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", text)
    text = re.sub(r"^(\d{4}-\d{2}-\d{2}) (\d)", r"\1T\2", text)
    text = re.sub(r"(\.\d{1,6})\d*", r"\1", text)
    try:
        parsed = parse_datetime(text)
        if parsed is None:
            day = parse_date(text[:10])
            parsed = datetime.combine(day, time(), tzinfo=UTC) if day else None
    except ValueError:
        return None
    if parsed is not None and parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed


def normalise_rating(rating: Any) -> tuple[str, float | None, float | None, float | None]:
    """(text, value, best, worst) with numbers mapped onto 1..5, or None when the scale is unusable."""
    rating = _first(rating)
    if not isinstance(rating, dict):
        return (str(rating or "").strip(), None, None, None)
    text = str(rating.get("alternateName") or rating.get("name") or rating.get("ratingExplanation") or "").strip()
    value, best, worst = (_number(rating.get(key)) for key in ("ratingValue", "bestRating", "worstRating"))
    if value is None or best is None or worst is None or best == worst:
        return (text, None, None, None)
    low, high = min(best, worst), max(best, worst)
    if not low <= value <= high:
        return (text, None, None, None)
    # Position from worst (0) to best (1): works for reversed scales (best < worst) and 0-based ones.
    truth = (value - worst) / (best - worst)
    return (text, round(SCALE_WORST + truth * (SCALE_BEST - SCALE_WORST), 3), SCALE_BEST, SCALE_WORST)


def appearances(item: dict[str, Any]) -> list[str]:
    found = []
    for key in ("appearance", "firstAppearance"):
        value = item.get(key)
        for entry in value if isinstance(value, list) else [value]:
            url = entry.get("url") if isinstance(entry, dict) else entry
            if isinstance(url, str) and url.startswith(("http://", "https://")):
                found.append(url)
    return found


def _language(review: dict[str, Any]) -> str:
    value = _first(review.get("inLanguage"))
    if isinstance(value, dict):
        value = value.get("alternateName") or value.get("name")
    return str(value or "").strip().lower()[:16]


def normalise(review: dict[str, Any], *, default_language: str = "") -> tuple[dict[str, Any] | None, str]:
    """One ClaimReview object -> (row, "") or (None, reason)."""
    if "ClaimReview" not in _types(review) and not ("claimReviewed" in review and "url" in review):
        kind = ", ".join(sorted(_types(review))) or "no @type"
        return None, f"not a ClaimReview ({kind})"
    url = str(review.get("url") or "").strip()
    if not url or urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
        return None, "missing or invalid url"
    if len(url) > 2000:
        return None, "url longer than 2000 characters"
    item = _first(review.get("itemReviewed"))
    item = item if isinstance(item, dict) else {}
    claim_reviewed = str(review.get("claimReviewed") or "").strip()
    if not claim_reviewed:
        # Some feeds leave claimReviewed empty but name the claim on the item or in the headline.
        claim_reviewed = str(item.get("name") or review.get("name") or review.get("headline") or "").strip()
    if not claim_reviewed:
        return None, "claimReviewed is empty"
    text, value, best, worst = normalise_rating(review.get("reviewRating"))
    author = review.get("author") or review.get("publisher")
    publisher = _name(author)
    if not publisher and isinstance(_first(author), dict):
        publisher = urlsplit(str(_first(author).get("url") or "")).hostname or ""
    publisher = publisher or urlsplit(url).hostname or ""
    row = {
        "claim_reviewed": claim_reviewed,
        "rating_text": text[:200],
        "rating_value": value,
        "best_rating": best,
        "worst_rating": worst,
        "url": url,
        "publisher": publisher[:200],
        "claimant": _name(item.get("author"))[:300],
        "review_date": parse_when(review.get("datePublished") or review.get("dateCreated")),
        "language": _language(review) or default_language,
        "raw": {**review, "_appearances": appearances(item)},
    }
    return row, ""


def _walk(obj: Any) -> list[Any]:
    """Flatten containers (lists, DataFeed, DataFeedItem, @graph, {"claim-review": ...}) into items."""
    if isinstance(obj, list):
        return [found for entry in obj for found in _walk(entry)]
    if not isinstance(obj, dict):
        return [obj]
    types = _types(obj)
    if "@graph" in obj:
        return _walk(obj["@graph"])
    if "DataFeed" in types or "dataFeedElement" in obj:
        return _walk(obj.get("dataFeedElement") or [])
    if "DataFeedItem" in types and "item" in obj:
        return _walk(obj["item"])
    if "ClaimReview" not in types and isinstance(obj.get("claim-review"), dict | list):
        return _walk(obj["claim-review"])
    return [obj]


def _html_objects(text: str) -> tuple[list[Any], list[tuple[int, str]]]:
    objects: list[Any] = []
    problems: list[tuple[int, str]] = []
    for index, block in enumerate(_LD_SCRIPT.findall(text)):
        try:
            objects.append(json.loads(block.strip()))
        except ValueError as exc:
            problems.append((index, f"invalid JSON-LD block: {exc}"))
    return objects, problems


def parse(payload: Any, *, default_language: str = "") -> Parsed:
    """Parse a payload (JSON or HTML as text or bytes, a file object, or decoded JSON) into rows."""
    result = Parsed()
    from_html = False
    if hasattr(payload, "read"):  # an uploaded or opened file
        payload = payload.read()
    if isinstance(payload, bytes):
        payload = payload.decode("utf-8", errors="replace")
    if isinstance(payload, str):
        text = payload.lstrip("\ufeff").strip()
        if not text:
            result.rejected.append((0, "empty input"))
            return result
        if text[0] in "[{":
            try:
                payload = json.loads(text)
            except ValueError as exc:
                result.rejected.append((0, f"not valid JSON: {exc}"))
                return result
        else:
            payload, result.rejected = _html_objects(text)
            from_html = True
            if not payload and not result.rejected:
                result.rejected.append((0, "no JSON-LD found in the page"))
                return result
    items = _walk(payload)
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            result.rejected.append((index, "not a JSON object"))
            continue
        if from_html and "ClaimReview" not in _types(item):
            continue  # pages carry other markup (WebPage, BreadcrumbList...): not rows
        row, reason = normalise(item, default_language=default_language)
        if row is None:
            result.rejected.append((index, reason))
        elif row["url"] in seen:
            result.rejected.append((index, f"duplicate url (same as row {seen[row['url']]})"))
        else:
            seen[row["url"]] = index
            result.rows.append(row)
    return result
