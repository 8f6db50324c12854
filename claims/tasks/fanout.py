"""Fan-out (queue `default`): publish one task per id, from a worker rather than from a request."""

from __future__ import annotations

from celery import shared_task

from claims import task_names as names
from claims.services.queue import enqueue_now

__all__ = ["fan_out"]

FAN_OUT_TASKS = names.FAN_OUT_TASKS


@shared_task(name=names.FAN_OUT, acks_late=True, ignore_result=True)
def fan_out(task_name: str, ids: list[int]) -> int:
    """Returns how many were published; the rest are left to the sweepers (broker outage)."""
    if task_name not in FAN_OUT_TASKS:
        raise ValueError(f"{task_name!r} cannot be fanned out")
    return sum(enqueue_now(task_name, int(pk)) for pk in ids)
