"""Browser fixtures: Debian's Chromium driven by Playwright against pytest-django's live_server."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from importlib import import_module
from pathlib import Path
from typing import Any

import pytest

from tests.chromium import chromium
from tests.csp import watch_csp

SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
DESKTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as browser:
        yield browser


@pytest.fixture
def reference_data(transactional_db: None) -> None:
    """Rating scale and role groups: data migrations that a transactional test's flush may have removed."""
    seed = import_module("claims.migrations.0002_default_ratings_and_groups").seed
    from django.apps import apps

    seed(apps, None)


@pytest.fixture
def fast_hasher(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def open_session(browser: Any, live_server: Any, reference_data: None, fast_hasher: None) -> Iterator[Callable[..., Any]]:
    """open_session(user, viewport=DESKTOP) -> a logged-in page in its own browser context.

    Every page must load under the Content-Security-Policy: a violation fails the test at teardown."""
    contexts: list[Any] = []
    seen: list[list[str]] = []  # CSP violations, one list per context

    def open_(user: Any, *, viewport: dict[str, int] | None = None, password: str = "", locale: str = "en-GB") -> Any:
        context = browser.new_context(viewport=viewport or DESKTOP, locale=locale)
        context.set_default_timeout(10_000)
        contexts.append(context)
        seen.append(watch_csp(context))
        page = context.new_page()
        page.goto(f"{live_server.url}/accounts/login/")
        page.locator("#id_username").fill(user.username)
        page.locator("#id_password").fill(password or f"pw-{user.username}")
        page.locator("form button[type=submit]").last.click()
        page.wait_for_url(f"{live_server.url}/review/")
        return page

    yield open_
    for context in contexts:
        context.close()
    assert [v for found in seen for v in found] == [], "Content-Security-Policy violations"


def screenshot(page: Any, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=False)
