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


def fail(client, username: str, address: str, times: int = 1, path: str = "/accounts/login/") -> None:
    for _ in range(times):
        response = client.post(path, {"username": username, "password": "guess"}, REMOTE_ADDR=address)
        assert response.status_code == 200, response.status_code


def log_in(client, user, address: str, path: str = "/accounts/login/"):
    return client.post(path, {"username": user.username, "password": f"pw-{user.username}"}, REMOTE_ADDR=address)


@pytest.mark.django_db
def test_the_admin_login_is_throttled_with_the_same_count(client, alice, admin_user):
    fail(client, "root", "10.0.0.1", 3, path="/admin/login/")
    fail(client, "root", "10.0.0.1", 2)  # the site's form: the same count
    for path in ("/admin/login/", "/accounts/login/"):
        response = log_in(client, admin_user, "10.0.0.1", path=path)
        assert response.status_code == 429, path
        assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_locked_pair_does_not_lock_colleagues_behind_the_same_address(client, alice, bob):
    fail(client, "alice", "10.0.0.1", 5)
    assert log_in(client, alice, "10.0.0.1").status_code == 429
    response = log_in(client, bob, "10.0.0.1")  # same office proxy, another person
    assert response.status_code == 302 and client.session["_auth_user_id"] == str(bob.pk)


@pytest.mark.django_db
def test_nobody_can_lock_a_named_account_from_elsewhere(client, alice):
    statuses = [client.post("/accounts/login/", {"username": "alice", "password": "guess"},
                            REMOTE_ADDR="203.0.113.9").status_code for _ in range(12)]
    assert statuses == [200] * 5 + [429] * 7  # the stranger is stopped...
    response = log_in(client, alice, "10.0.0.1")
    assert response.status_code == 302 and client.session["_auth_user_id"] == str(alice.pk)  # ...not Alice


@pytest.mark.django_db
def test_an_address_guessing_many_accounts_hits_a_ceiling(client, alice, bob, settings):
    settings.FACTCHECK_LOGIN_MAX_FAILURES_PER_ADDRESS = 12
    for n in range(11):  # eleven people mistyping behind one proxy: nobody is locked out
        fail(client, f"user{n}", "10.0.0.1")
    assert log_in(client, alice, "10.0.0.1").status_code == 302
    client.logout()
    fail(client, "user99", "10.0.0.1")  # the twelfth failure from that address
    assert log_in(client, bob, "10.0.0.1").status_code == 429
    assert log_in(client, bob, "10.0.0.2").status_code == 302  # other addresses are untouched
