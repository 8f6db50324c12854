"""API test helpers: keys with chosen scopes for the personas, and a client that sends them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from claims.services.api_keys import api_client_create

ALL_SCOPES = ("read", "write", "publish")


@pytest.fixture(autouse=True)
def _fresh_throttle_buckets() -> None:
    cache.clear()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    # The personas are created with passwords; PBKDF2 would dominate these tests' run time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def api_as(db: None) -> Callable[..., APIClient]:
    """api_as(user, "read", "write") -> a client authenticated with a new key of those scopes."""

    def make(user: Any, *scopes: str) -> APIClient:
        client_row, key = api_client_create(name=f"{user.username}-{'-'.join(scopes)}", scopes=scopes or ALL_SCOPES,
                                            user=user)
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Api-Key {key}")
        client.api_client = client_row  # type: ignore[attr-defined]
        client.key = key  # type: ignore[attr-defined]
        return client

    return make


@pytest.fixture(autouse=True)
def _key_cache_outlasts_a_slow_machine(request: pytest.FixtureRequest, settings: Any) -> None:
    """Query counts assume the key and its roles come from the process cache (FACTCHECK_API_KEY_CACHE_SECONDS,
    5 s by default). On a loaded machine, creating 40 rows between two counted requests can take longer than
    that, and the key's lookup would then be counted: a count must not depend on the clock."""
    if {"django_assert_num_queries", "django_assert_max_num_queries"} & set(request.fixturenames):
        settings.FACTCHECK_API_KEY_CACHE_SECONDS = 3600


def error_code(response: Any) -> str:
    body = response.json()
    assert set(body) == {"code", "message", "details"}, body
    assert body["message"], body
    return body["code"]


@pytest.fixture(autouse=True)
def _responses_follow_the_schema(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every answer the API test suite receives is checked against the OpenAPI schema."""
    from django.test.client import Client

    from tests.api.contract import check_response

    original = Client.request

    def request(self: Client, **kwargs: Any) -> Any:
        response = original(self, **kwargs)
        check_response(response)
        return response

    monkeypatch.setattr(Client, "request", request)
