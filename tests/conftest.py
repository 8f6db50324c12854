"""Shared fixtures: named personas, real services, and a guard that turns a missing service
into a failure when FACTCHECK_REQUIRE_SERVICES=1 (CI) instead of a skip."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User

REQUIRE_SERVICES = os.environ.get("FACTCHECK_REQUIRE_SERVICES", "0") == "1"
ON_POSTGRES = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")


def missing_service(reason: str) -> None:
    """Skip with a visible reason, or fail when services are required."""
    if REQUIRE_SERVICES:
        pytest.fail(f"FACTCHECK_REQUIRE_SERVICES=1 but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def _no_language_left_over() -> Iterator[None]:
    """A request activates its reader's language in the test's thread; the next test starts from
    the default language, as a fresh server thread or worker would."""
    yield
    from django.utils import translation

    translation.deactivate()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    """PBKDF2 is slow on purpose; tests create many users and need none of that slowness."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


TRANSACTIONAL_FIXTURES = {"transactional_db", "live_server"}


@pytest.fixture(autouse=True)
def _reference_data(request: pytest.FixtureRequest) -> None:
    """The rating scale and role groups come from data migrations; a transactional test's flush
    deletes them for every later test. Put them back (cheaply) wherever a test uses the database."""
    marker = request.node.get_closest_marker("django_db")
    names = set(request.fixturenames)
    if marker is None and not names & {"db", *TRANSACTIONAL_FIXTURES}:
        return
    transactional = bool(names & TRANSACTIONAL_FIXTURES) or bool(marker and marker.kwargs.get("transaction"))
    request.getfixturevalue("transactional_db" if transactional else "db")
    from claims.models import Rating

    if Rating.objects.exists() and Group.objects.filter(name__in=["reviewer", "editor"]).count() == 2:
        return
    from importlib import import_module

    from django.apps import apps

    import_module("claims.migrations.0002_default_ratings_and_groups").seed(apps, None)
    from claims.group_permissions import sync_group_permissions

    sync_group_permissions(apps.get_app_config("claims"))


@pytest.fixture
def postgres() -> None:
    """For tests of PostgreSQL-only behaviour (full-text, trigram, row locks)."""
    if not ON_POSTGRES:
        missing_service("DATABASE_URL does not point at PostgreSQL")


@pytest.fixture(scope="session")
def broker_url() -> str:
    url = os.environ.get("CELERY_BROKER_URL", "")
    if not url:
        missing_service("CELERY_BROKER_URL is not set")
    import kombu

    try:
        with kombu.Connection(url, connect_timeout=3) as conn:
            conn.ensure_connection(max_retries=1)
    except Exception as exc:
        missing_service(f"broker {url} unreachable: {exc}")
    return url


def make_user(username: str, *groups: str, **extra: Any) -> User:
    user = User.objects.create_user(username=username, password="pw-" + username, **extra)
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


@pytest.fixture
def alice(db: None) -> User:
    """Alice is a reviewer: she checks claims and writes verdicts."""
    return make_user("alice", "reviewer", email="alice@example.org")


@pytest.fixture
def bob(db: None) -> User:
    """Bob is another reviewer."""
    return make_user("bob", "reviewer")


@pytest.fixture
def erin(db: None) -> User:
    """Erin is an editor: she assigns work and approves other people's verdicts."""
    return make_user("erin", "editor")


@pytest.fixture
def ed(db: None) -> User:
    """Ed is a second editor."""
    return make_user("ed", "editor")


@pytest.fixture
def charlie(db: None) -> User:
    """Charlie has an account but no role: an outsider."""
    return make_user("charlie")


@pytest.fixture
def admin_user(db: None) -> User:
    return User.objects.create_superuser("root", "root@example.org", "pw-root")


@pytest.fixture
def article(db: None) -> Any:
    from tests.factories import ArticleFactory

    return ArticleFactory()


@pytest.fixture
def claim(article: Any) -> Any:
    from tests.factories import ClaimFactory

    return ClaimFactory(article=article)


@pytest.fixture
def eager_tasks(settings: Any) -> Iterator[None]:
    """Run tasks in-process for this test, whatever the environment says."""
    from factcheck.celery import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    settings.CELERY_TASK_ALWAYS_EAGER = True
    yield
    app.conf.task_always_eager = previous


@pytest.fixture
def loopback_webhooks(settings: Any) -> None:
    """Webhook receivers in tests listen on 127.0.0.1: allow-list it, as an intranet receiver would be."""
    settings.FACTCHECK_WEBHOOK_ALLOWLIST = ["127.0.0.1/32"]
