"""Fixtures for the reviewer web interface: logged-in clients per persona (English UI unless asked)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client


@pytest.fixture
def as_user(db: None) -> Callable[..., Client]:
    def make(user: Any, *, language: str = "en", csrf: bool = False) -> Client:
        client = Client(enforce_csrf_checks=csrf, HTTP_ACCEPT_LANGUAGE=language)
        client.force_login(user)
        return client

    return make


def csrf_token(html: str) -> str:
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert match, "the page has no CSRF token"
    return match.group(1)


@pytest.fixture(autouse=True)
def fast_password_hasher(settings: Any) -> None:
    """Personas get real passwords; a fast hasher keeps the suite quick (the login flow is unchanged)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
