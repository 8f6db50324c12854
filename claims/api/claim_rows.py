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
from datetime import UTC, datetime, tzinfo
from functools import lru_cache
from typing import Any

import orjson
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Case, F, IntegerField, OuterRef, QuerySet, Subquery, TextField, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, JSONObject
from django.utils.timezone import get_current_timezone
from django.utils.translation import get_language

from claims.api.statements import cached_rows
from claims.models import OPEN_VERDICT_STATUSES, Claim, Verdict

# The public name of each field and the column (or lookup) it is read from, in the documented order.
COLUMNS: dict[str, str] = {
    "id": "id", "article": "article_id", "text": "text", "quote": "quote", "start": "start", "end": "end",
    "language": "language", "checkworthiness": "checkworthiness",
    "checkworthiness_reasons": "checkworthiness_reasons", "kind": "kind", "claimant": "claimant",
    "outlet": "outlet", "needs_context": "needs_context", "entities": "entities", "quantities": "quantities",
    "dates": "dates", "status": "status",
    "status_reason": "status_reason", "assignee": "assignee_id", "assignee_username": "assignee__username",
    "duplicate_of": "duplicate_of_id", "has_strong_match": "has_strong_match",
    "evidence_count": "evidence_count", "verdict": "", "version": "version", "created_at": "created_at",
    "updated_at": "updated_at",
}
FIELDS: tuple[str, ...] = tuple(COLUMNS)
JSON_FIELDS = frozenset({"checkworthiness_reasons", "entities", "quantities", "dates"})
TIME_FIELDS = frozenset({"created_at", "updated_at"})


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


@lru_cache(maxsize=16)
def _compiled(vendor: str, language_column: str) -> dict[str, tuple[str, tuple[Any, ...]]]:
    """The SQL of the computed columns, compiled once per database vendor and label language.

    Building and compiling a Subquery with OuterRef, JSONObject and Cast costs several ms of CPU per
    request; as precompiled RawSQL the same SQL costs next to nothing. The expressions refer to the
    claim table by its name, which is its alias in every claim query of the API."""
    query = Claim.objects.annotate(
        verdict_json=current_verdict_json(),
        **{f"{name}_json": Cast(name, TextField()) for name in sorted(JSON_FIELDS)},
        # Times as text: datetime.fromisoformat (C) reads them faster than the driver's own parser.
        **{f"{name}_text": Cast(name, TextField()) for name in sorted(TIME_FIELDS)},
    ).query
    compiler = query.get_compiler(using=DEFAULT_DB_ALIAS)
    compiled = {}
    for alias, expression in query.annotations.items():
        sql, params = compiler.compile(expression)
        compiled[alias] = (sql, tuple(params))
    return compiled


def _computed(alias: str) -> RawSQL:
    sql, params = _compiled(connections[DEFAULT_DB_ALIAS].vendor, rating_label_column())[alias]
    return RawSQL(sql, params, output_field=TextField())


def claim_rows(queryset: QuerySet[Claim], fields: Sequence[str] | None = None,
               keep: Iterable[str] = ()) -> QuerySet[Claim]:
    """`queryset` as values() rows holding what `fields` (all when None) needs; `keep` adds
    columns the caller needs for itself (the ordering field of a keyset page, the ETag's version)."""
    wanted = FIELDS if not fields else tuple(fields)
    annotations: dict[str, Any] = {}
    names: list[str] = ["id"]
    for name in wanted:
        if name == "verdict":
            annotations["verdict_json"] = _computed("verdict_json")
        elif name in JSON_FIELDS:
            annotations[f"{name}_json"] = _computed(f"{name}_json")
        elif name in TIME_FIELDS:
            annotations[f"{name}_text"] = _computed(f"{name}_text")
        elif name != "id":
            names.append(COLUMNS[name])
    for column in keep:
        if column not in names:
            names.append(column)
    return queryset.values(*names, **annotations)


def api_moment(value: Any, zone: tzinfo | None = None) -> str | None:
    """A time as the API writes every time: in the server's time zone (TIME_ZONE), ISO 8601 — what
    DRF's DateTimeField writes, without its per-value checks (two of these per claim on a page)."""
    if value is None:
        return None
    if isinstance(value, str):  # inside JSON built by the database
        value = datetime.fromisoformat(value)
    if value.tzinfo is None:  # SQLite stores UTC without an offset
        value = value.replace(tzinfo=UTC)
    text = value.astimezone(zone or get_current_timezone()).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def _verdict(text: str | None, zone: tzinfo) -> dict[str, Any] | None:
    if text is None:
        return None
    raw = orjson.loads(text)
    slug = raw.pop("rating_slug")
    label = raw.pop("rating_label")
    return {
        "id": raw["id"], "status": raw["status"],
        "rating": {"slug": slug, "label": label} if slug is not None else None,
        "summary": raw["summary"], "published_at": api_moment(raw["published_at"], zone),
        "public_url": raw["public_url"], "version": raw["version"],
    }


PLAIN, JSON, VERDICT, TIME = range(4)


@lru_cache(maxsize=256)
def _plan(fields: tuple[str, ...]) -> tuple[tuple[str, int, str], ...]:
    """(name, how to render it, the row key) for each field: worked out once per field list."""
    plan = []
    for name in fields:
        if name in JSON_FIELDS:
            plan.append((name, JSON, f"{name}_json"))
        elif name == "verdict":
            plan.append((name, VERDICT, "verdict_json"))
        elif name in TIME_FIELDS:
            plan.append((name, TIME, f"{name}_text"))
        else:
            plan.append((name, PLAIN, COLUMNS[name]))
    return tuple(plan)


def claim_dict(row: dict[str, Any], fields: Sequence[str] | None = None, zone: tzinfo | None = None) -> dict[str, Any]:
    """One row of claim_rows() as the API shows it, in the documented field order (`zone`: the
    current time zone, looked up once per page by the caller)."""
    zone = zone or get_current_timezone()
    out: dict[str, Any] = {}
    for name, how, key in _plan(FIELDS if not fields else tuple(fields)):
        value = row[key]
        if how == PLAIN:
            out[name] = value
        elif how == JSON:
            out[name] = None if value is None else orjson.Fragment(value)
        elif how == TIME:
            out[name] = api_moment(value, zone)
        else:
            out[name] = _verdict(value, zone)
    return out


def claim_row(pk: int, fields: Sequence[str] | None = None) -> dict[str, Any] | None:
    """One claim's row (one query; its version always included, for the ETag), or None."""
    def query(chosen: int) -> QuerySet[Claim]:
        return claim_rows(Claim.objects.filter(pk=chosen), fields, keep=("version",))[:1]

    rows = cached_rows(query, pk, key=("claim", tuple(fields or ()), rating_label_column()))
    return rows[0] if rows else None


def claim_etag(pk: int, version: int) -> str:
    return f'"claim-{pk}-v{version}"'
