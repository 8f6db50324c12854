"""Enqueue tasks by name after commit, so a worker never reads an uncommitted row.

Services never import claims.tasks (tasks import services); they name the task instead. A broker
outage is not an error here: the row that asked for the work is the outbox, and the sweepers in
the beat schedule enqueue it again once the broker is back.
"""

from __future__ import annotations

import logging
from typing import Any

from django.db import transaction

from factcheck.celery import app

log = logging.getLogger(__name__)


def enqueue_now(task_name: str, *args: Any, **kwargs: Any) -> bool:
    try:
        if task_name not in app.tasks:
            # Task autodiscovery is lazy outside a worker (web, commands, eager mode): load it now.
            app.loader.import_default_modules()
        app.tasks[task_name].apply_async(args=args, kwargs=kwargs)
    except Exception as exc:  # broker down or misconfigured: the sweeper retries later
        log.warning("could not enqueue %s%r: %s (left for the sweeper)", task_name, args, exc)
        return False
    return True


def enqueue(task_name: str, *args: Any, **kwargs: Any) -> None:
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
    if len(ids) <= FAN_OUT_ABOVE:
        for pk in ids:
            enqueue(task_name, pk)
        return
    for start in range(0, len(ids), FAN_OUT_CHUNK):
        enqueue("claims.tasks.fan_out", task_name, list(ids[start:start + FAN_OUT_CHUNK]))
