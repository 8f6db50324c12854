"""Webhook delivery tasks (queue `default`): ids in, one service call, retries with backoff."""

from __future__ import annotations

from typing import Any

from celery import shared_task
from django.conf import settings

from claims import task_names as names
from claims.services.queue import enqueue_now
from claims.services.webhooks import webhook_delivery_send, webhook_pending_ids

__all__ = ["sweep_webhooks", "webhook_deliver"]


@shared_task(name=names.WEBHOOK_DELIVER, bind=True, acks_late=True, ignore_result=True)
def webhook_deliver(self: Any, delivery_id: int) -> str:
    outcome = webhook_delivery_send(delivery_id=delivery_id)
    if outcome.result == "retry" and not self.request.is_eager:
        # The service bounds the attempts (FACTCHECK_WEBHOOK_MAX_ATTEMPTS); Celery only schedules them.
        # In-process (no broker) a retry would block the request: the sweeper picks it up instead.
        self.apply_async(args=(delivery_id,), countdown=outcome.retry_in)
    return outcome.result


@shared_task(name=names.SWEEP_WEBHOOKS, ignore_result=True)
def sweep_webhooks() -> int:
    """Enqueue again the deliveries still pending after a while (lost task, broker outage)."""
    ids = webhook_pending_ids(older_than_seconds=settings.FACTCHECK_WEBHOOK_SWEEP_SECONDS)
    for delivery_id in ids:
        enqueue_now(names.WEBHOOK_DELIVER, delivery_id)
    return len(ids)
