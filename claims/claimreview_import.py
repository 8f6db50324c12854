"""Reading schema.org ClaimReview JSON-LD from the wild (pure functions, no ORM).

Accepts a single object, a list, a DataFeed (dataFeedElement / DataFeedItem.item), an @graph, a
wrapper with a "claim-review" key, or HTML pages with <script type="application/ld+json"> blocks.
Real feeds vary: itemReviewed is a Claim or a CreativeWork, appearance a list, an object or bare
strings, ratings come as strings, on reversed (best < worst) or 0-based scales, or degenerate
(best == worst); fields go missing. Each row either becomes a normalised dict (PriorFactCheck's
fields) or is rejected with its index and a reason.

Hostile input is bounded: a payload nested deeper than MAX_DEPTH is refused as a whole (walking it
would exhaust Python's stack), `claimReviewed` and `url` must be text (an object or a list is a
rejected row, never its Python repr), `claimReviewed` has at most MAX_CLAIM_CHARS characters, any
string in a row at most MAX_VALUE_CHARS, and names given with the wrong type are left empty.
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
MAX_DEPTH = 64  # ClaimReview markup is a few levels deep; DataFeeds add three
MAX_CLAIM_CHARS = 2000
MAX_VALUE_CHARS = 100_000  # long enough for a review body, far below a pasted book
_LD_SCRIPT = re.compile(
    r"<script[^>]*type\s*=\s*[\"']application/ld\+json[\"'][^>]*>(.*?)</script>", re.IGNORECASE | re.DOTALL
)


class UnreadablePayload(ValueError):
    """The payload as a whole cannot be read (not JSON, no JSON-LD, nested too deeply)."""

    def __init__(self, message: str, *, code: str = "unreadable") -> None:
        super().__init__(message)
        self.message = message
        self.code = code


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


def _text(value: Any) -> str:
    """A string value stripped; anything else (object, list, number) counts as missing, never its repr."""
    return value.strip() if isinstance(value, str) else ""


def _name(value: Any) -> str:
    """A person/organisation given as a string, an object with a name, or a list of those."""
    value = _first(value)
    if isinstance(value, dict):
        return _text(value.get("name")) or _text(value.get("alternateName"))
    return _text(value)


def _too_deep(obj: Any, limit: int = MAX_DEPTH) -> bool:
    """Nesting deeper than `limit`, measured without recursion."""
    stack = [(obj, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(value, dict):
            stack.extend((child, depth + 1) for child in value.values())
        elif isinstance(value, list):
            stack.extend((child, depth + 1) for child in value)
    return False


def _longest_string(obj: Any) -> int:
    longest, stack = 0, [obj]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            longest = max(longest, len(value))
        elif isinstance(value, dict):
            stack.extend(value.keys())
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return longest


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
        return (_text(rating), None, None, None)
    text = _text(rating.get("alternateName")) or _text(rating.get("name")) or _text(rating.get("ratingExplanation"))
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
        value = _text(value.get("alternateName")) or _text(value.get("name"))
    return _text(value).lower()[:16]


def normalise(review: dict[str, Any], *, default_language: str = "") -> tuple[dict[str, Any] | None, str]:
    """One ClaimReview object -> (row, "") or (None, reason)."""
    if "ClaimReview" not in _types(review) and not ("claimReviewed" in review and "url" in review):
        kind = ", ".join(sorted(_types(review))) or "no @type"
        return None, f"not a ClaimReview ({kind})"
    if not isinstance(review.get("url", ""), str):
        return None, f"url must be text, not {_kind(review['url'])}"
    url = _text(review.get("url"))
    if not url or urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
        return None, "missing or invalid url"
    if len(url) > 2000:
        return None, "url longer than 2000 characters"
    if _longest_string(review) > MAX_VALUE_CHARS:
        return None, f"a value longer than {MAX_VALUE_CHARS} characters"
    item = _first(review.get("itemReviewed"))
    item = item if isinstance(item, dict) else {}
    given = review.get("claimReviewed")
    if given is not None and not isinstance(given, str):
        return None, f"claimReviewed must be text, not {_kind(given)}"
    claim_reviewed = _text(given)
    if not claim_reviewed:
        # Some feeds leave claimReviewed empty but name the claim on the item or in the headline.
        claim_reviewed = _text(item.get("name")) or _text(review.get("name")) or _text(review.get("headline"))
    if not claim_reviewed:
        return None, "claimReviewed is empty"
    if len(claim_reviewed) > MAX_CLAIM_CHARS:
        return None, f"claimReviewed longer than {MAX_CLAIM_CHARS} characters"
    text, value, best, worst = normalise_rating(review.get("reviewRating"))
    author = review.get("author") or review.get("publisher")
    publisher = _name(author)
    if not publisher and isinstance(_first(author), dict):
        publisher = urlsplit(_text(_first(author).get("url"))).hostname or ""
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


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", bool: "a boolean", int: "a number", float: "a number"}.get(
        type(value), f"a {type(value).__name__}"
    )


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
        except RecursionError:
            problems.append((index, f"JSON-LD block nested more than {MAX_DEPTH} levels deep"))
        except ValueError as exc:
            problems.append((index, f"invalid JSON-LD block: {exc}"))
    return objects, problems


def load(payload: Any) -> tuple[Any, bool, list[tuple[int, str]]]:
    """(decoded JSON, whether it came from HTML, problems of single HTML blocks) or UnreadablePayload."""
    if hasattr(payload, "read"):  # an uploaded or opened file
        payload = payload.read()
    if isinstance(payload, bytes):
        payload = payload.decode("utf-8", errors="replace")
    from_html = False
    problems: list[tuple[int, str]] = []
    if isinstance(payload, str):
        text = payload.lstrip("\ufeff").strip()
        if not text:
            raise UnreadablePayload("empty input")
        if text[0] in "[{":
            try:
                payload = json.loads(text)
            except RecursionError as exc:
                raise UnreadablePayload(f"JSON nested more than {MAX_DEPTH} levels deep", code="too_deep") from exc
            except ValueError as exc:
                raise UnreadablePayload(f"not valid JSON: {exc}") from exc
        else:
            payload, problems = _html_objects(text)
            from_html = True
            if not payload and not problems:
                raise UnreadablePayload("no JSON-LD found in the page")
    if _too_deep(payload):
        raise UnreadablePayload(f"JSON nested more than {MAX_DEPTH} levels deep", code="too_deep")
    return payload, from_html, problems


def nesting_problem(payload: Any) -> str:
    """Why a payload is refused as hostile ("" when it is not): upload forms say it as a form error.
    Other problems (not JSON, no markup) stay in the import report, as for any other path."""
    try:
        load(payload)
    except UnreadablePayload as exc:
        return exc.message if exc.code == "too_deep" else ""
    return ""


def parse(payload: Any, *, default_language: str = "") -> Parsed:
    """Parse a payload (JSON or HTML as text or bytes, a file object, or decoded JSON) into rows."""
    result = Parsed()
    try:
        payload, from_html, result.rejected = load(payload)
    except UnreadablePayload as exc:
        result.rejected.append((0, exc.message))
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
