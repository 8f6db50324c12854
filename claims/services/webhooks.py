"""Webhook events: a delivery row per subscribed endpoint, written in the caller's transaction
(the database is the outbox), sent by a task on the `default` queue after commit."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from claims.models import WEBHOOK_EVENTS, Webhook, WebhookDelivery
from claims.services.queue import enqueue


def webhook_emit(*, event: str, object_id: int | None, payload: dict[str, Any]) -> list[int]:
    return webhook_emit_many(event=event, items=[(object_id, payload)])


def webhook_emit_many(*, event: str, items: Iterable[tuple[int | None, dict[str, Any]]]) -> list[int]:
    """One delivery per (subscribed webhook, object); queries do not grow with the number of objects."""
    if event not in WEBHOOK_EVENTS:
        raise ValueError(f"unknown webhook event {event!r}")
    hooks = [hook for hook in Webhook.objects.filter(is_active=True) if event in hook.events]
    if not hooks:
        return []
    rows = [
        WebhookDelivery(webhook=hook, event=event, object_id=object_id, payload={"event": event, "data": payload})
        for object_id, payload in items
        for hook in hooks
    ]
    created = WebhookDelivery.objects.bulk_create(rows, batch_size=1000)
    ids = [row.pk for row in created if row.pk is not None]
    if not ids:  # backends that do not return ids from bulk inserts: the sweeper sends them
        return []

    for delivery_id in ids:
        enqueue("claims.tasks.webhook_deliver", delivery_id)
    return ids
