"""A worker keeps its PostgreSQL connection from one task to the next, as a web thread does from
one request to the next (CELERY_DB_REUSE_MAX and factcheck.celery): Celery's Django fixup would
otherwise close it after every task, and every task would start a new server backend (about
1.5 ms of worker CPU each, half the cost of an unchanged feed poll)."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.db import connection

from claims import task_names as names
from claims.services.queue import enqueue_now
from tests.workers import celery_worker, purge, wait_for

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def other_backends() -> list[tuple[int, object]]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid, backend_start FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
        )
        return cursor.fetchall()


def test_a_worker_runs_many_tasks_on_one_database_connection(broker_url: str, postgres: None, tmp_path: Path) -> None:
    purge(["default"])
    log = tmp_path / "worker.log"
    with celery_worker(["default"], name="reuse", log_path=log):
        before = other_backends()
        for _ in range(6):
            enqueue_now(names.SOURCE_POLL, 10**12)  # no such source: the poll's UPDATE finds nothing
        wait_for(lambda: log.read_text().count("succeeded") >= 6, timeout=60, what="6 tasks")
        after = other_backends()
    started = [row for row in after if row not in before]
    # One connection opened for the six tasks, still open after them (not one per task, closed after each).
    assert len(started) == 1, (before, after)
