"""A web worker loads its URLconf, catalogues and broker transport before its first request
(factcheck/warmup.py, called by gunicorn's post_worker_init), without touching the database or the
broker: a dead broker must not stop a worker from starting."""

import subprocess
import sys
import textwrap


def run(code: str, **env: str) -> subprocess.CompletedProcess:
    import os

    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          timeout=120, env={**os.environ, **env})


def test_warm_loads_the_urlconf_and_the_transport_without_a_query() -> None:
    done = run("""
        import django, sys
        django.setup()
        from django.db import connection
        from factcheck.warmup import warm
        before = set(sys.modules)
        warmed = warm()
        print(warmed)
        assert "claims.api.views.claims" in sys.modules, "views not imported"
        assert "kombu.transport.redis" in sys.modules or "kombu.transport.memory" in sys.modules
        assert connection.connection is None, "warm() opened a database connection"
        print("new modules", len(set(sys.modules) - before))
    """)
    assert done.returncode == 0, done.stderr
    assert "'urls', 'translations', 'broker transport'" in done.stdout


def test_warm_does_not_wait_for_a_dead_broker() -> None:
    done = run("""
        import django
        django.setup()
        from factcheck.warmup import warm
        print(warm())
    """, CELERY_BROKER_URL="redis://127.0.0.1:1/0")
    assert done.returncode == 0, done.stderr
    assert "urls" in done.stdout
