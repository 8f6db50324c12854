from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from claims.models import AuditEvent, Channel
from claims.services.bulk_insert import bulk_insert


def audit_event(
    *,
    actor: Any,
    action: str,
    obj: Any,
    claim_id: int | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    channel: str = Channel.UI,
) -> AuditEvent:
    """One audit row, not saved yet: audit_record() writes it, audit_bulk() writes many at once."""
    return AuditEvent(
        actor=actor if getattr(actor, "pk", None) else None,
        action=action,
        object_type=obj._meta.model_name,
        object_id=obj.pk,
        claim_id=claim_id,
        before=before or {},
        after=after or {},
        channel=channel,
    )


def audit_record(**fields: Any) -> AuditEvent:
    """Write one audit row (the keyword arguments of audit_event). Call it inside the transaction of
    the change it records."""
    event = audit_event(**fields)
    event.save(force_insert=True)
    return event


def audit_bulk(events: Iterable[AuditEvent]) -> None:
    """Write many audit rows in one statement (COPY on PostgreSQL for large batches)."""
    bulk_insert(AuditEvent, events)


def audit_value(value: Any) -> Any:
    """A JSON-friendly value for an audit row (dates and times as ISO text)."""
    return value.isoformat() if hasattr(value, "isoformat") else value


def apply_changes(obj: Any, changes: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Set on `obj` the values of `changes` that differ from its own; returns (before, after) of
    just those fields, as an audit row records them. Nothing differs: two empty dicts."""
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for field, value in changes.items():
        if getattr(obj, field) != value:
            before[field], after[field] = audit_value(getattr(obj, field)), audit_value(value)
            setattr(obj, field, value)
    return before, after
