"""Fan-out (queue `default`): publish one task per id, from a worker rather than from a request."""

from __future__ import annotations

from celery import shared_task

from claims.services.queue import enqueue_now

__all__ = ["fan_out"]

# Tasks a fan-out may publish: ids in, idempotent (a redelivered fan-out publishes them again).
FAN_OUT_TASKS = frozenset({
    "claims.tasks.webhook_deliver",
    "claims.tasks.evidence_run",
    "claims.tasks.article_extract",
    "claims.tasks.source_poll",
})


@shared_task(name="claims.tasks.fan_out", acks_late=True, ignore_result=True)
def fan_out(task_name: str, ids: list[int]) -> int:
    """Returns how many were published; the rest are left to the sweepers (broker outage)."""
    if task_name not in FAN_OUT_TASKS:
        raise ValueError(f"{task_name!r} cannot be fanned out")
    return sum(enqueue_now(task_name, int(pk)) for pk in ids)
