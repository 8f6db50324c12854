"""Gunicorn settings: `gunicorn -c factcheck/gunicorn_conf.py factcheck.wsgi`.

Sizes come from the environment (README, "Serving the API"); the defaults are what measured best
on a 2-core machine with PostgreSQL on the same machine (bench/load.py).
"""

from __future__ import annotations

import os


def envint(name: str, default: int) -> int:
    # A file gunicorn reads before the project is importable: its own strict reader.
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ValueError(f"{name}={raw!r} is not an integer") from exc


# One worker process per core: Python runs one thread at a time per process. Threads let a worker
# keep its core busy while a request waits for PostgreSQL.
workers = envint("GUNICORN_WORKERS", os.cpu_count() or 2)
threads = envint("GUNICORN_THREADS", 8)
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
# Keep-alive connections from proxies and API clients are reused instead of a TCP handshake per call.
keepalive = envint("GUNICORN_KEEPALIVE", 5)
timeout = envint("GUNICORN_TIMEOUT", 60)
# Recycle workers now and then (jittered so they do not restart together): bounds slow memory growth.
max_requests = envint("GUNICORN_MAX_REQUESTS", 20_000)
max_requests_jitter = max_requests // 10
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")


def post_worker_init(worker: object) -> None:
    """Once the worker has loaded Django, load what its first requests would (factcheck/warmup.py),
    then freeze what is there (modules, settings, URL patterns, models): the cyclic garbage
    collector then skips those objects on every full collection, which otherwise ran in the middle
    of requests (about a fifth of the CPU of a claims page, measured)."""
    import gc

    from factcheck.warmup import warm

    warm()
    gc.freeze()
