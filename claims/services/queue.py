"""Enqueue tasks by name after commit, so a worker never reads an uncommitted row.

Services never import claims.tasks (tasks import services); they name the task (claims.task_names)
instead. Two failures are told apart: a name that is not a task is a bug and raises UnknownTask at
once (before the commit, in the request that asked); a broker outage is not an error here: the row
that asked for the work is the outbox, and the sweepers in the beat schedule enqueue it again once
the broker is back.
"""

from __future__ import annotations

import logging
from typing import Any

from django.db import transaction

from claims.task_names import ALL_TASKS, FAN_OUT
from factcheck.celery import app

log = logging.getLogger(__name__)


class UnknownTask(LookupError):
    """A service named a task that does not exist: a programming error, never left to a sweeper."""


def _check_name(task_name: str) -> None:
    if task_name not in ALL_TASKS:
        raise UnknownTask(f"{task_name!r} is not a task of claims.task_names")


def _task(task_name: str) -> Any:
    _check_name(task_name)
    # The tasks are registered once at process start (claims.apps.ClaimsConfig.ready), before any
    # request thread runs: no lazy autodiscovery here, which raced between threads.
    try:
        return app.tasks[task_name]
    except KeyError:
        raise UnknownTask(f"{task_name!r} is listed in claims.task_names but no task registers it") from None


def enqueue_now(task_name: str, *args: Any, **kwargs: Any) -> bool:
    """Publish now. False when the broker is unreachable (the sweeper retries later); an unknown
    task name raises UnknownTask."""
    task = _task(task_name)
    try:
        task.apply_async(args=args, kwargs=kwargs)
    except Exception as exc:  # broker down or misconfigured: an outage has many exception types
        log.warning("could not enqueue %s%r: %s (left for the sweeper)", task_name, args, exc)
        return False
    return True


def enqueue(task_name: str, *args: Any, **kwargs: Any) -> None:
    _check_name(task_name)  # fail in the request that asked, not in an on-commit hook
    transaction.on_commit(lambda: enqueue_now(task_name, *args, **kwargs))


# Up to this many ids, publish the tasks directly (an article's claims, a claim's providers): one hop.
FAN_OUT_ABOVE = 20
# Ids per fan-out message: small enough for any broker, large enough that 10,000 ids are 20 messages.
FAN_OUT_CHUNK = 500


def enqueue_each(task_name: str, ids: list[int]) -> None:
    """After commit, run `task_name(id)` for every id. A few ids: one message each, as enqueue().
    More: the ids travel in chunks to `claims.tasks.fan_out` (queue `default`), which publishes the
    single tasks from a worker, so a bulk change of 10,000 rows does not publish 10,000 messages
    before its response. Either way the rows behind the ids are the outbox the sweepers read.
    """
    _check_name(task_name)
    if len(ids) <= FAN_OUT_ABOVE:
        for pk in ids:
            enqueue(task_name, pk)
        return
    for start in range(0, len(ids), FAN_OUT_CHUNK):
        enqueue(FAN_OUT, task_name, list(ids[start:start + FAN_OUT_CHUNK]))
