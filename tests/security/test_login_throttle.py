from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()


@pytest.mark.django_db
def test_it_stops_guessing_after_five_failures(client, alice, settings):
    for _ in range(5):
        response = client.post("/accounts/login/", {"username": "alice", "password": "guess"})
        assert response.status_code == 200
    response = client.post("/accounts/login/", {"username": "alice", "password": "pw-alice"})
    assert response.status_code == 429
    assert int(response["Retry-After"]) == settings.FACTCHECK_LOGIN_LOCKOUT_SECONDS
    assert b"Too many failed attempts" in response.content or b"Trop" in response.content
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_it_lets_the_right_password_in_below_the_limit(client, alice):
    for _ in range(3):
        client.post("/accounts/login/", {"username": "alice", "password": "guess"})
    response = client.post("/accounts/login/", {"username": "alice", "password": "pw-alice"})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(alice.pk)
