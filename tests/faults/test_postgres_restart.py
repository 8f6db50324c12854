"""PostgreSQL restarted under a running production web server (gunicorn) and a Celery worker:
requests during the outage get a clean 503 with a message; afterwards both recover without being
restarted. Uses a private PostgreSQL server so the shared one is never disturbed."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.conftest import missing_service
from tests.faults.private_postgres import free_port, private_postgres
from tests.workers import ROOT, purge, wait_for

TEXT = (
    "Le conseil régional a voté jeudi un budget de 45 millions d'euros pour les transports. "
    "Selon son président, 300 nouveaux bus circuleront avant 2026."
)


def run(env: dict[str, str], *args: str, stdin: str | None = None) -> str:
    result = subprocess.run([sys.executable, *args], cwd=ROOT, env=env, input=stdin, capture_output=True,
                            text=True, timeout=180)
    assert result.returncode == 0, result.stdout[-1500:] + result.stderr[-1500:]
    return result.stdout


def ingest(env: dict[str, str], text: str) -> int:
    code = ("import django, sys; django.setup(); from claims.services.ingest import article_ingest; "
            "print(article_ingest(text=sys.stdin.read(), language='fr').article.pk)")
    return int(run(env, "-c", code, stdin=text).split()[-1])


def status(env: dict[str, str], article_id: int) -> str:
    code = (f"import django; django.setup(); from claims.models import Article; "
            f"print(Article.objects.get(pk={article_id}).extraction_status)")
    return run(env, "-c", code).split()[-1]


def login(client: httpx.Client, base: str) -> httpx.Response:
    page = client.get(f"{base}/accounts/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    return client.post(f"{base}/accounts/login/", data={"username": "admin", "password": "pw-admin-restart",
                                                        "csrfmiddlewaretoken": token},
                       headers={"Referer": f"{base}/accounts/login/"})


@pytest.mark.worker
def test_web_and_worker_survive_a_postgres_restart(broker_url, tmp_path):
    if not Path("/usr/lib/postgresql").exists():
        missing_service("PostgreSQL server binaries (initdb, pg_ctl) are not installed")
    with private_postgres() as pg:
        env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
        env.update({"DATABASE_URL": pg.url, "CELERY_BROKER_URL": broker_url, "CELERY_TASK_ALWAYS_EAGER": "0",
                    "DJANGO_SETTINGS_MODULE": "factcheck.settings", "FACTCHECK_VAR_DIR": str(tmp_path),
                    "PYTHONUNBUFFERED": "1"})
        run(env, "manage.py", "migrate", "-v0")
        run(env, "-c", "import django; django.setup(); from django.contrib.auth.models import User; "
                       "User.objects.create_superuser('admin', 'a@example.org', 'pw-admin-restart')")
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        web_log = open(tmp_path / "web.log", "wb")
        web = subprocess.Popen([sys.executable, "-m", "gunicorn", "factcheck.wsgi", "-b", f"127.0.0.1:{port}",
                                "-w", "1", "--threads", "4", "--timeout", "60"],
                               cwd=ROOT, env=env, stdout=web_log, stderr=subprocess.STDOUT, start_new_session=True)
        purge(["extract"])
        worker_log = open(tmp_path / "worker.log", "wb")
        worker = subprocess.Popen([sys.executable, "-m", "celery", "-A", "factcheck", "worker", "-Q", "extract",
                                   "-c", "1", "-n", f"restart-{os.getpid()}@%h", "--without-gossip",
                                   "--without-mingle", "--without-heartbeat"],
                                  cwd=ROOT, env=env, stdout=worker_log, stderr=subprocess.STDOUT,
                                  start_new_session=True)
        try:
            wait_for(lambda: _ok(f"{base}/healthz"), timeout=60, what="gunicorn")
            with httpx.Client(timeout=30) as client:
                assert client.get(f"{base}/readyz").status_code == 200
                assert login(client, base).status_code == 302
            first = ingest(env, TEXT)
            wait_for(lambda: status(env, first) == "done", timeout=240, interval=1, what="extraction before")

            pg.stop()
            with httpx.Client(timeout=30) as client:
                ready = client.get(f"{base}/readyz")
                assert ready.status_code == 503
                assert "database unreachable" in ready.json()["failures"][0]
                during = login(client, base)
                assert during.status_code == 503
                # The page speaks the reviewers' default language (no Accept-Language was sent): French.
                assert "La base de données est momentanément indisponible" in during.text
                assert during.headers["Retry-After"]
            time.sleep(1)
            pg.start()

            with httpx.Client(timeout=30) as client:
                wait_for(lambda: client.get(f"{base}/readyz").status_code == 200, timeout=30, what="readyz")
                assert login(client, base).status_code == 302  # same gunicorn process, new connection
            second = ingest(env, TEXT.replace("45", "46"))
            wait_for(lambda: status(env, second) == "done", timeout=240, interval=1, what="extraction after")
            assert web.poll() is None and worker.poll() is None  # neither had to be restarted
        finally:
            for proc in (web, worker):
                if proc.poll() is None:
                    os.killpg(proc.pid, 15)
                    proc.wait(timeout=30)
            web_log.close()
            worker_log.close()


def _ok(url: str) -> bool:
    try:
        return httpx.get(url, timeout=2).status_code == 200
    except httpx.HTTPError:
        return False
