"""Real Celery worker processes for tests: they consume from the configured broker (Redis in CI)
and write to the same test database the test process uses."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


def worker_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of a worker that talks to this test run's database."""
    env = dict(os.environ)
    db = connection.settings_dict
    if db["ENGINE"].endswith("postgresql"):
        env["DATABASE_URL"] = (
            f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
        )
    else:
        env["FACTCHECK_SQLITE_PATH"] = db["NAME"]
    env["CELERY_TASK_ALWAYS_EAGER"] = "0"
    env["PYTHONUNBUFFERED"] = "1"
    # Test workers deliver webhooks to loopback receivers: allowed as private receivers, as in
    # production an intranet CMS would be (the refusal itself is tested in-process).
    env.setdefault("FACTCHECK_WEBHOOK_ALLOWLIST", "127.0.0.1/32")
    env.update(extra or {})
    return env


def purge(queues: list[str]) -> None:
    from factcheck.celery import app

    with app.connection_for_write() as conn:
        channel = conn.default_channel
        for queue in queues:
            try:
                channel.queue_purge(queue)
            except Exception:
                pass


def waiting_messages(queue: str) -> int:
    """Messages waiting in `queue` on the configured broker (an empty Redis queue does not exist: 0)."""
    from factcheck.celery import app

    with app.connection_for_write() as conn:
        try:
            return conn.default_channel.queue_declare(queue, passive=True).message_count
        except conn.channel_errors:
            return 0


@contextmanager
def celery_worker(
    queues: list[str],
    *,
    concurrency: int = 1,
    name: str = "test",
    extra_env: dict[str, str] | None = None,
    log_path: Path | None = None,
    ready_timeout: float = 60.0,
) -> Iterator[subprocess.Popen[bytes]]:
    """Start `celery worker` in its own process group and stop it (or what is left of it) after."""
    log_path = log_path or Path(os.environ.get("TMPDIR", "/tmp")) / f"celery-{name}-{os.getpid()}.log"
    log = open(log_path, "wb")
    proc = subprocess.Popen(
        [
            sys.executable, "-m", "celery", "-A", "factcheck", "worker",
            "-Q", ",".join(queues), "-c", str(concurrency), "-n", f"{name}-{os.getpid()}@%h",
            "--without-gossip", "--without-mingle", "--without-heartbeat", "-l", "INFO",
        ],
        cwd=ROOT, env=worker_env(extra_env), stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    try:
        deadline = time.monotonic() + ready_timeout
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise RuntimeError(f"worker exited with {proc.returncode}: {log_path.read_text()[-2000:]}")
            if b" ready." in log_path.read_bytes():
                break
            time.sleep(0.2)
        else:
            raise RuntimeError(f"worker not ready after {ready_timeout}s: {log_path.read_text()[-2000:]}")
        yield proc
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        log.close()


def wait_for(predicate, *, timeout: float = 60.0, interval: float = 0.2, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


@contextmanager
def broker_at(url: str) -> Iterator[None]:
    """Point this process's producer at another broker (here: a port where nothing listens).

    Celery reads the CELERY_BROKER_URL environment variable before its own setting, so both change.
    """
    from kombu import pools

    from factcheck.celery import app

    previous, previous_env = app.conf.broker_url, os.environ.get("CELERY_BROKER_URL")

    def reset_pools() -> None:
        pools.reset()  # kombu keeps producer pools in a process-wide registry
        app._pool = None
        app.amqp._producer_pool = None

    app.conf.broker_url = url
    os.environ["CELERY_BROKER_URL"] = url
    reset_pools()
    try:
        assert app.connection_for_write().as_uri().endswith(url.rsplit("@", 1)[-1].split("//", 1)[-1])
        yield
    finally:
        app.conf.broker_url = previous
        if previous_env is None:
            os.environ.pop("CELERY_BROKER_URL", None)
        else:
            os.environ["CELERY_BROKER_URL"] = previous_env
        reset_pools()
