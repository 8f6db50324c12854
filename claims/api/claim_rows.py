"""The claim representation, read straight from the database: one query per page, no serializer per row.

Every API answer that shows a claim (list, detail, create, edit, transition, a 412's current state)
is built here, so there is one representation. The query selects only the columns the answer needs
(`?fields=` narrows the SQL itself), reads plain `values()` rows, and hands the JSON columns
(entities, quantities, dates, reasons) to the response as the database wrote them: cast to text in
SQL and embedded as `orjson.Fragment`, never decoded into Python objects and encoded again. The
claim's current verdict comes from a correlated subquery in the same statement (one index probe per
row) instead of a second query. `ClaimSerializer` documents the shape in the OpenAPI schema; the
contract tests validate every answer against it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

import orjson
from django.db.models import Case, F, IntegerField, OuterRef, QuerySet, Subquery, TextField, Value, When
from django.db.models.functions import Cast, JSONObject
from django.utils.translation import get_language
from rest_framework.fields import DateTimeField

from claims.models import OPEN_VERDICT_STATUSES, Claim, Verdict

# The public name of each field and the column (or lookup) it is read from, in the documented order.
COLUMNS: dict[str, str] = {
    "id": "id", "article": "article_id", "text": "text", "quote": "quote", "start": "start", "end": "end",
    "language": "language", "checkworthiness": "checkworthiness",
    "checkworthiness_reasons": "checkworthiness_reasons", "kind": "kind", "claimant": "claimant",
    "entities": "entities", "quantities": "quantities", "dates": "dates", "status": "status",
    "status_reason": "status_reason", "assignee": "assignee_id", "assignee_username": "assignee__username",
    "duplicate_of": "duplicate_of_id", "has_strong_match": "has_strong_match",
    "evidence_count": "evidence_count", "verdict": "", "version": "version", "created_at": "created_at",
    "updated_at": "updated_at",
}
FIELDS: tuple[str, ...] = tuple(COLUMNS)
JSON_FIELDS = frozenset({"checkworthiness_reasons", "entities", "quantities", "dates"})
TIME_FIELDS = frozenset({"created_at", "updated_at"})

_stamp = DateTimeField().to_representation  # the API's own time zone and ISO format, as DRF writes it


def rating_label_column(prefix: str = "") -> str:
    """The label column in the language of the request (English for `en*`, else French)."""
    return f"{prefix}label_en" if (get_language() or "fr").startswith("en") else f"{prefix}label_fr"


def current_verdict_json() -> Subquery:
    """The claim's current verdict as JSON text: the open one if any, else the latest published
    (the order claims.models.current_verdict applies to a prefetched list)."""
    verdicts = (
        Verdict.objects.live().filter(claim_id=OuterRef("pk"))
        .order_by(
            Case(When(status__in=OPEN_VERDICT_STATUSES, then=Value(0)), default=Value(1), output_field=IntegerField()),
            F("published_at").desc(nulls_last=True), "-created_at", "-id",
        )
        .values(json=Cast(JSONObject(
            id="id", status="status", rating_slug="rating__slug", rating_label=rating_label_column("rating__"),
            summary="summary", published_at="published_at", public_url="public_url", version="version",
        ), TextField()))[:1]
    )
    return Subquery(verdicts, output_field=TextField())


def claim_rows(queryset: QuerySet[Claim], fields: Sequence[str] | None = None,
               keep: Iterable[str] = ()) -> QuerySet[Claim]:
    """`queryset` as values() rows holding what `fields` (all when None) needs; `keep` adds
    columns the caller needs for itself (the ordering field of a keyset page, the ETag's version)."""
    wanted = FIELDS if not fields else tuple(fields)
    annotations: dict[str, Any] = {}
    names: list[str] = ["id"]
    for name in wanted:
        if name == "verdict":
            annotations["verdict_json"] = current_verdict_json()
        elif name in JSON_FIELDS:
            annotations[f"{name}_json"] = Cast(name, TextField())
        elif name != "id":
            names.append(COLUMNS[name])
    for column in keep:
        if column not in names:
            names.append(column)
    return queryset.values(*names, **annotations)


def _fragment(text: str | None) -> orjson.Fragment | None:
    return None if text is None else orjson.Fragment(text)


def api_moment(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):  # inside JSON built by the database
        value = datetime.fromisoformat(value)
        if value.tzinfo is None:  # SQLite stores UTC without an offset
            value = value.replace(tzinfo=UTC)
    return _stamp(value)


def _verdict(text: str | None) -> dict[str, Any] | None:
    if text is None:
        return None
    raw = orjson.loads(text)
    slug = raw.pop("rating_slug")
    label = raw.pop("rating_label")
    return {
        "id": raw["id"], "status": raw["status"],
        "rating": {"slug": slug, "label": label} if slug is not None else None,
        "summary": raw["summary"], "published_at": api_moment(raw["published_at"]),
        "public_url": raw["public_url"], "version": raw["version"],
    }


def claim_dict(row: dict[str, Any], fields: Sequence[str] | None = None) -> dict[str, Any]:
    """One row of claim_rows() as the API shows it, in the documented field order."""
    out: dict[str, Any] = {}
    for name in FIELDS if not fields else fields:
        if name in JSON_FIELDS:
            out[name] = _fragment(row[f"{name}_json"])
        elif name == "verdict":
            out[name] = _verdict(row["verdict_json"])
        elif name in TIME_FIELDS:
            out[name] = api_moment(row[name])
        else:
            out[name] = row[COLUMNS[name]]
    return out


def claim_row(pk: int, fields: Sequence[str] | None = None) -> dict[str, Any] | None:
    """One claim's row (one query; its version always included, for the ETag), or None."""
    return claim_rows(Claim.objects.filter(pk=pk), fields, keep=("version",)).first()


def claim_etag(pk: int, version: int) -> str:
    return f'"claim-{pk}-v{version}"'
