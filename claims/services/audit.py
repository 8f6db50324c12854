from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from claims.models import AuditEvent, Channel
from claims.services.bulk_insert import bulk_insert


def audit_record(
    *,
    actor: Any,
    action: str,
    obj: Any,
    claim_id: int | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    channel: str = Channel.UI,
) -> AuditEvent:
    """Write one audit row. Call it inside the transaction of the change it records."""
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        action=action,
        object_type=obj._meta.model_name,
        object_id=obj.pk,
        claim_id=claim_id,
        before=before or {},
        after=after or {},
        channel=channel,
    )


def audit_bulk(events: Iterable[AuditEvent]) -> None:
    """Write many audit rows in one statement (COPY on PostgreSQL for large batches)."""
    bulk_insert(AuditEvent, events)
