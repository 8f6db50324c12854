"""Watched sources (queue `default`): the beat job that queues due polls, and one poll per source."""

from __future__ import annotations

from typing import Any

from celery import shared_task
from django.db import OperationalError

from claims import task_names as names
from claims.services.source_poll import source_poll_execute
from claims.services.sources import sources_schedule_due

__all__ = ["source_poll", "sources_poll_due"]


@shared_task(
    name=names.SOURCE_POLL, acks_late=True, ignore_result=True, autoretry_for=(OperationalError,),
    max_retries=3, retry_backoff=True,
)
def source_poll(source_id: int) -> dict[str, Any]:
    """Idempotent: the service takes the source with a conditional UPDATE queued -> running."""
    outcome = source_poll_execute(source_id=source_id)
    return {"source_id": source_id, "result": outcome.result, "new_items": outcome.new_items}


@shared_task(name=names.SOURCES_POLL_DUE, ignore_result=True)
def sources_poll_due() -> dict[str, int]:
    return sources_schedule_due()
