"""Celery tasks are registered when the process starts, so request threads never race to load them."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from claims.services import queue
from claims.task_names import ALL_TASKS, ARTICLE_EXTRACT

ROOT = Path(__file__).resolve().parents[2]


def test_a_fresh_process_knows_every_task_before_its_first_enqueue() -> None:
    # What a gunicorn worker does: django.setup(), then 16 request threads enqueue at once.
    script = textwrap.dedent(f"""
        import threading, django
        django.setup()
        from factcheck.celery import app
        app.loader.import_default_modules = lambda: (_ for _ in ()).throw(AssertionError("lazy import"))
        assert {sorted(ALL_TASKS)!r} == sorted(n for n in app.tasks if n.startswith("claims.tasks.")), sorted(app.tasks)
        from claims.services.queue import _task
        found, barrier = [], threading.Barrier(16)
        def one():
            barrier.wait()
            found.append(_task({ARTICLE_EXTRACT!r}).name)
        threads = [threading.Thread(target=one) for _ in range(16)]
        [t.start() for t in threads]; [t.join() for t in threads]
        assert found == [{ARTICLE_EXTRACT!r}] * 16, found
        print("ok")
    """)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    env["DJANGO_SETTINGS_MODULE"] = "factcheck.settings"
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-2000:]


def test_a_name_no_task_registers_is_a_bug_not_a_job_for_the_sweeper(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(queue, "ALL_TASKS", ALL_TASKS | {"claims.tasks.nothing_here"})
    with pytest.raises(queue.UnknownTask, match="no task registers it"):
        queue._task("claims.tasks.nothing_here")
