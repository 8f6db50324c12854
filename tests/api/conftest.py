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
