"""The `matching-en` JSONL export format (CheckThat! "verified claims"), read as prior fact-checks.

One object a line: `vclaim_id`, `vclaim` (the claim as checked), `title`, `subtitle`, `author`,
`date` ("26 May 2015"). Each becomes a row for claims.services.priors.priors_upsert with the url
`<url_prefix><vclaim_id>` (Snopes' by default, as in the shared data set). Bad lines are reported
by number and skip nothing else. Pure parsing: no ORM.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

SNOPES_PREFIX = "https://www.snopes.com/fact-check/"
MAX_CLAIM_CHARS = 5000


@dataclass
class ParsedJsonl:
    rows: list[dict[str, Any]] = field(default_factory=list)
    rejected: list[tuple[int, str]] = field(default_factory=list)


def _date(value: Any) -> datetime | None:
    for pattern in ("%d %B %Y", "%B %d, %Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(str(value).strip(), pattern).replace(tzinfo=UTC)
        except ValueError:
            continue
    return None


def _text(obj: dict[str, Any], key: str, limit: int) -> str:
    value = obj.get(key)
    return value.strip()[:limit] if isinstance(value, str) else ""


def parse_jsonl(lines: Any, *, url_prefix: str = SNOPES_PREFIX, publisher: str = "Snopes",
                language: str = "en") -> ParsedJsonl:
    """Rows for priors_upsert from an iterable of JSONL lines (str or bytes)."""
    parsed = ParsedJsonl()
    for number, line in enumerate(lines, start=1):
        line = line.decode("utf-8", "replace") if isinstance(line, bytes) else line
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            parsed.rejected.append((number, f"not JSON: {exc.msg}"))
            continue
        if not isinstance(obj, dict):
            parsed.rejected.append((number, "not a JSON object"))
            continue
        vclaim_id = _text(obj, "vclaim_id", 500)
        claim = _text(obj, "vclaim", MAX_CLAIM_CHARS)
        if not vclaim_id or "/" in vclaim_id or any(ch.isspace() for ch in vclaim_id):
            parsed.rejected.append((number, "missing or invalid vclaim_id"))
            continue
        if not claim:
            parsed.rejected.append((number, "vclaim is empty"))
            continue
        parsed.rows.append({
            "url": f"{url_prefix}{vclaim_id}",
            "claim_reviewed": claim,
            "title": _text(obj, "title", 500),
            "summary": _text(obj, "subtitle", 2000),
            "publisher": publisher,
            "rating_text": "",
            "claimant": "",
            "review_date": _date(obj.get("date")),
            "language": language,
            "raw": {key: obj.get(key) for key in ("vclaim_id", "vclaim", "title", "subtitle", "author", "date")},
        })
    return parsed
