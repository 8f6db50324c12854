from __future__ import annotations

import os
import subprocess
import sys

import pytest

from factcheck.env import database_from_url, envbool

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(__file__)))


def test_envbool_refuses_a_typo(monkeypatch):
    monkeypatch.setenv("X_FLAG", "flase")
    with pytest.raises(ValueError):
        envbool("X_FLAG", "0")
    monkeypatch.setenv("X_FLAG", "Yes")
    assert envbool("X_FLAG", "0") is True


def test_database_url_becomes_a_postgres_entry_with_health_checks():
    db = database_from_url("postgres://u:p%40ss@db.example:6543/news?sslmode=require")
    assert db["ENGINE"] == "factcheck.db.postgresql"
    assert (db["NAME"], db["USER"], db["PASSWORD"], db["HOST"], db["PORT"]) == ("news", "u", "p@ss", "db.example", "6543")
    assert db["OPTIONS"] == {"sslmode": "require"}
    assert db["CONN_HEALTH_CHECKS"] is True
    with pytest.raises(ValueError):
        database_from_url("mysql://x/y")


def _settings_in_subprocess(env: dict[str, str], code: str) -> subprocess.CompletedProcess[str]:
    full = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "CELERY_"))}
    full.update(env)
    return subprocess.run(
        [sys.executable, "-c", f"import django, os; os.environ['DJANGO_SETTINGS_MODULE']='factcheck.settings'; django.setup(); {code}"],
        cwd=ROOT, env=full, capture_output=True, text=True, timeout=120,
    )


def test_it_refuses_to_start_without_a_secret_when_debug_is_off():
    result = _settings_in_subprocess({"DJANGO_DEBUG": "0"}, "print('started')")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_the_embedded_default_runs_tasks_in_process_on_sqlite(tmp_path):
    code = "from django.conf import settings as s; print(s.DATABASES['default']['ENGINE'], s.CELERY_TASK_ALWAYS_EAGER)"
    result = _settings_in_subprocess({"FACTCHECK_VAR_DIR": str(tmp_path)}, code)
    assert result.stdout.split() == ["django.db.backends.sqlite3", "True"], result.stderr


def test_production_settings_pass_the_deploy_checks(tmp_path):
    env = {
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "x" * 60 + "-not-a-real-secret-but-long-and-random-enough-Q9",
        "DJANGO_ALLOWED_HOSTS": "factcheck.example.org",
        "FACTCHECK_VAR_DIR": str(tmp_path),
    }
    full = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "CELERY_"))}
    full.update(env)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=full, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_healthz_answers_without_a_login(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_readyz_checks_the_database_and_the_broker(client, db):
    response = client.get("/readyz")
    assert response.status_code == 200, response.content


def test_readyz_fails_with_503_when_the_broker_is_down(client, db, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"  # nothing listens there
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "failures": ["broker unreachable: OperationalError"]}


@pytest.mark.django_db(transaction=True)
def test_a_connection_is_health_checked_only_after_sitting_idle(postgres, monkeypatch):
    from django.db import connection

    from factcheck.db.postgresql import base

    checks = []
    real_is_usable = connection.is_usable
    monkeypatch.setattr(connection, "is_usable", lambda: checks.append(1) or real_is_usable())
    clock = [1000.0]
    monkeypatch.setattr(base, "monotonic", lambda: clock[0])
    connection.close()
    connection.connect()  # a new connection is fresh: not idle
    assert connection.settings_dict["CONN_HEALTH_CHECKS"] is True

    def request(after_idle: float) -> None:
        clock[0] += after_idle
        connection.close_if_unusable_or_obsolete()  # request_started
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        clock[0] += 0.01
        connection.close_if_unusable_or_obsolete()  # request_finished

    request(after_idle=0.5)
    request(after_idle=0.5)
    assert checks == []  # busy: no round trip before each request
    request(after_idle=base.IDLE_SECONDS_BEFORE_CHECK + 1)
    assert checks == [1]  # idle for a while: checked once before use
