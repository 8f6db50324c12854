"""Prior fact-checks: importing ClaimReview (files, admin upload, Fact Check Tools answers)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction

from claims.claimreview_import import parse
from claims.models import PriorFactCheck

FIELDS = ("claim_reviewed", "rating_text", "rating_value", "best_rating", "worst_rating", "publisher", "claimant",
          "review_date", "language", "raw", "source")
BATCH = 1000


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    rejected: list[tuple[int, str]] = field(default_factory=list)

    def summary(self) -> str:
        return f"{self.created} created, {self.updated} updated, {len(self.rejected)} rejected"


def _json_safe(raw: Any) -> Any:
    # raw may carry datetimes (Fact Check Tools rows): store what JSON can hold.
    return json.loads(json.dumps(raw, cls=DjangoJSONEncoder))


def priors_upsert(*, rows: list[dict[str, Any]], source: str) -> dict[str, int]:
    """Insert or update PriorFactCheck rows by url (idempotent); returns {url: id}."""
    return _upsert(rows, source)[0]


def _upsert(rows: list[dict[str, Any]], source: str) -> tuple[dict[str, int], int, int]:
    """Four queries per batch of 1000 whatever the number of rows: read, insert, update, read ids."""
    ids: dict[str, int] = {}
    created = updated = 0
    with transaction.atomic():
        for start in range(0, len(rows), BATCH):
            batch = rows[start : start + BATCH]
            existing = {p.url: p for p in PriorFactCheck.objects.filter(url__in=[r["url"] for r in batch])}
            new, changed = [], []
            for row in batch:
                values = {name: row.get(name) for name in FIELDS if name != "source"}
                values["raw"] = _json_safe(values.get("raw") or {})
                values["claim_reviewed"] = values["claim_reviewed"] or ""
                for text_field in ("rating_text", "publisher", "claimant", "language"):
                    values[text_field] = values[text_field] or ""
                prior = existing.get(row["url"])
                if prior is None:
                    new.append(PriorFactCheck(url=row["url"], source=source, **values))
                    continue
                if any(getattr(prior, name) != value for name, value in values.items()):
                    for name, value in values.items():
                        setattr(prior, name, value)
                    changed.append(prior)
            PriorFactCheck.objects.bulk_create(new, batch_size=BATCH, ignore_conflicts=True)
            if changed:
                PriorFactCheck.objects.bulk_update(changed, [f for f in FIELDS if f != "source"], batch_size=BATCH)
            ids.update(PriorFactCheck.objects.filter(url__in=[r["url"] for r in batch]).values_list("url", "id"))
            created += len(new)
            updated += len(changed)
    return ids, created, updated


def priors_import(*, payload_or_text: Any, source: str = "import", language: str = "") -> ImportReport:
    """Import ClaimReview JSON-LD (see claims.claimreview_import.parse for the accepted shapes).

    Re-importing the same file changes nothing: rows are keyed by their url. Rejected rows are
    reported with their index and reason, and do not stop the others.
    """
    parsed = parse(payload_or_text, default_language=language)
    report = ImportReport(rejected=parsed.rejected)
    _ids, report.created, report.updated = _upsert(parsed.rows, source)
    return report
