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
