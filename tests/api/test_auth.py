"""API keys, sessions, throttling and the create_api_key command."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from claims.api.throttling import ApiKeyThrottle
from claims.models import ApiClient, AuditEvent, hash_api_key
from claims.services import api_key_cache
from claims.services.api_key_cache import api_key_forget
from claims.services.api_keys import api_client_revoke, api_client_update
from tests.api.conftest import error_code

pytestmark = pytest.mark.django_db


def test_it_refuses_requests_without_a_key_with_401_json(alice):
    response = APIClient().get("/api/v1/claims/")
    assert response.status_code == 401
    assert error_code(response) == "not_authenticated"
    assert response["WWW-Authenticate"] == "Api-Key"


@pytest.mark.parametrize("header", ["Api-Key nonsense", "Api-Key abcd.wrong", "Api-Key", "Api-Key a b"])
def test_it_refuses_malformed_or_unknown_keys(alice, api_as, header):
    api_as(alice, "read")  # a real key exists; these are not it
    response = APIClient().get("/api/v1/claims/", HTTP_AUTHORIZATION=header)
    assert response.status_code == 401
    assert error_code(response) == "invalid_api_key"


def test_it_refuses_a_key_with_the_right_prefix_but_wrong_secret(alice, api_as):
    good = api_as(alice, "read")
    prefix = good.api_client.prefix
    response = APIClient().get("/api/v1/claims/", HTTP_AUTHORIZATION=f"Api-Key {prefix}.not-the-secret")
    assert response.status_code == 401


def test_it_stores_only_the_hash_of_the_key(alice, api_as):
    client = api_as(alice, "read")
    row = ApiClient.objects.get(pk=client.api_client.pk)
    assert client.key not in (row.key_hash, row.prefix)
    assert row.key_hash == hash_api_key(client.key)
    assert client.get("/api/v1/claims/").status_code == 200


def test_it_refuses_a_revoked_key(alice, api_as):
    client = api_as(alice, "read")
    api_client_revoke(client=client.api_client)
    response = client.get("/api/v1/claims/")
    assert response.status_code == 401
    assert error_code(response) == "revoked_api_key"


def test_it_refuses_a_key_whose_account_is_disabled(alice, api_as):
    client = api_as(alice, "read")
    alice.is_active = False
    alice.save()
    assert client.get("/api/v1/claims/").status_code == 401


def test_it_tracks_last_use_without_writing_on_every_request(alice, api_as):
    client = api_as(alice, "read")
    assert client.api_client.last_used_at is None
    assert client.get("/api/v1/ratings/").status_code == 200
    first = ApiClient.objects.get(pk=client.api_client.pk).last_used_at
    assert first is not None
    with CaptureQueriesContext(connection) as queries:
        for _ in range(3):
            assert client.get("/api/v1/ratings/").status_code == 200
    assert not [q for q in queries.captured_queries if q["sql"].startswith("UPDATE")]
    assert ApiClient.objects.get(pk=client.api_client.pk).last_used_at == first
    # An hour later (long after this process's cached copy of the key has expired) the next request
    # records the use again.
    ApiClient.objects.filter(pk=client.api_client.pk).update(last_used_at=timezone.now() - timedelta(hours=1))
    api_key_forget()
    client.get("/api/v1/ratings/")
    assert ApiClient.objects.get(pk=client.api_client.pk).last_used_at > first


def test_it_accepts_a_session_for_the_browsable_api(alice, claim):
    client = APIClient()
    client.force_login(alice)
    response = client.get("/api/v1/claims/", HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert b"<html" in response.content.lower()
    assert client.get("/api/v1/claims/").json()["results"][0]["id"] == claim.pk


def test_it_throttles_per_key_with_429_and_retry_after(alice, api_as, monkeypatch):
    monkeypatch.setattr(ApiKeyThrottle, "THROTTLE_RATES", {"api_key": "3/minute"})
    first, second = api_as(alice, "read"), api_as(alice, "read")
    codes = [first.get("/api/v1/ratings/").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    response = first.get("/api/v1/ratings/")
    assert response.status_code == 429
    assert error_code(response) == "throttled"
    assert 0 < int(response["Retry-After"]) <= 60
    assert response.json()["details"]["retry_after_seconds"] > 0
    # Another key has its own bucket.
    assert second.get("/api/v1/ratings/").status_code == 200


def test_it_creates_a_key_from_the_command_and_prints_it_once(alice):
    out, err = io.StringIO(), io.StringIO()
    call_command("create_api_key", "CMS plugin", "--scopes", "read,write", "--user", "alice", stdout=out, stderr=err)
    key = out.getvalue().strip()
    row = ApiClient.objects.get(name="CMS plugin")
    assert row.user == alice and row.scopes == ["read", "write"] and row.key_hash == hash_api_key(key)
    assert "cannot be shown again" in err.getvalue()
    assert AuditEvent.objects.filter(action="api_client.create", object_id=row.pk).exists()
    assert APIClient().get("/api/v1/claims/", HTTP_AUTHORIZATION=f"Api-Key {key}").status_code == 200


def test_it_creates_a_service_account_when_no_user_is_named(db):
    out = io.StringIO()
    call_command("create_api_key", "Chat bot", "--scopes", "read", stdout=out, stderr=io.StringIO())
    row = ApiClient.objects.select_related("user").get(name="Chat bot")
    assert row.user.username == "api-chat-bot" and not row.user.has_usable_password()
    assert row.user.groups.filter(name="reviewer").exists()


def test_it_refuses_unknown_scopes_in_the_command(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Scopes must be among"):
        call_command("create_api_key", "Bad", "--scopes", "read,admin", stdout=io.StringIO())
    assert not ApiClient.objects.exists()


def test_it_renders_the_browsable_api_pages_for_a_signed_in_reviewer(erin, claim):
    client = APIClient()
    client.force_login(erin)
    for path in (f"/api/v1/claims/{claim.pk}/", f"/api/v1/claims/{claim.pk}/evidence/",
                 f"/api/v1/claims/{claim.pk}/runs/", "/api/v1/articles/", "/api/v1/stats/", "/api/v1/match/?text=x"):
        response = client.get(path, HTTP_ACCEPT="text/html")
        assert response.status_code == 200, path
        assert b"<html" in response.content.lower()
    for path in (f"/api/v1/claims/{claim.pk}/verdict/", f"/api/v1/claims/{claim.pk}/transition/", "/api/v1/users/",
                 "/api/v1/claims/", "/api/v1/ratings/", "/api/v1/claimreview/feed"):
        response = client.get(path, HTTP_ACCEPT="text/html")
        assert response.status_code in (200, 404, 405), path  # no verdict yet; transition is POST only
    # A change through the session needs the CSRF token, like any form.
    strict = APIClient(enforce_csrf_checks=True)
    strict.force_login(erin)
    response = strict.post(f"/api/v1/claims/{claim.pk}/transition/", {"to": "selected"}, format="json")
    assert response.status_code == 403
    claim.refresh_from_db()
    assert claim.status == "new"


def _auth_queries(queries: CaptureQueriesContext) -> list[str]:
    return [q["sql"] for q in queries.captured_queries
            if "claims_apiclient" in q["sql"] or "auth_group" in q["sql"] or "auth_user" in q["sql"]]


def test_it_authenticates_a_known_key_without_a_query(alice, api_as):
    client = api_as(alice, "read")
    assert client.get("/api/v1/ratings/").status_code == 200
    with CaptureQueriesContext(connection) as queries:
        for _ in range(5):
            assert client.get("/api/v1/ratings/").status_code == 200
    assert _auth_queries(queries) == []


def test_a_revocation_made_elsewhere_takes_effect_within_the_cache_time(alice, api_as, settings, monkeypatch):
    settings.FACTCHECK_API_KEY_CACHE_SECONDS = 5
    client = api_as(alice, "read")
    assert client.get("/api/v1/claims/").status_code == 200
    # Another process revokes the key: this process hears nothing of it.
    ApiClient.objects.filter(pk=client.api_client.pk).update(is_active=False, revoked_at=timezone.now())
    assert client.get("/api/v1/claims/").status_code == 200
    later = api_key_cache.monotonic() + 5.1
    monkeypatch.setattr(api_key_cache, "monotonic", lambda: later)
    response = client.get("/api/v1/claims/")
    assert response.status_code == 401
    assert error_code(response) == "revoked_api_key"


def test_a_role_removed_in_this_process_takes_effect_at_once(alice, api_as):
    client = api_as(alice, "read")
    assert client.get("/api/v1/claims/").status_code == 200
    alice.groups.clear()
    response = client.get("/api/v1/claims/")
    assert response.status_code == 403
    assert error_code(response) == "role_required"


def test_the_cache_can_be_turned_off(alice, api_as, settings):
    settings.FACTCHECK_API_KEY_CACHE_SECONDS = 0
    client = api_as(alice, "read")
    assert client.get("/api/v1/ratings/").status_code == 200
    ApiClient.objects.filter(pk=client.api_client.pk).update(is_active=False, revoked_at=timezone.now())
    assert client.get("/api/v1/ratings/").status_code == 401


def test_a_scope_change_in_this_process_takes_effect_at_once(alice, api_as):
    client = api_as(alice, "read", "write")
    row = client.api_client
    body = {"text": "La région a financé 400 logements en 2024."}
    assert client.post("/api/v1/claims/", body, format="json").status_code == 201
    # Narrowed in the admin (api_client_update writes with .update(): no post_save to hear).
    api_client_update(client=row, name=row.name, scopes=["read"], actor=alice)
    response = client.post("/api/v1/claims/", body, format="json")
    assert response.status_code == 403
    assert error_code(response) == "scope_required"
    api_client_update(client=row, name=row.name, scopes=["read", "write"], actor=alice)
    assert client.post("/api/v1/claims/", body, format="json").status_code == 201


def test_the_throttle_counts_with_one_integer_per_window_and_slides(alice, api_as, monkeypatch):
    from django.core.cache import cache

    monkeypatch.setattr(ApiKeyThrottle, "THROTTLE_RATES", {"api_key": "3/minute"})
    client = api_as(alice, "read")
    now = [6000.0]  # the start of a minute
    monkeypatch.setattr(ApiKeyThrottle, "timer", lambda self: now[0])
    assert [client.get("/api/v1/ratings/").status_code for _ in range(4)] == [200, 200, 200, 429]
    key = f"throttle_api_key_key:{client.api_client.prefix}"
    assert cache.get(f"{key}:100") == 4  # a counter, not a list of request times
    now[0] = 6090.0  # half-way through the next minute: the last one still counts for half of its 4
    assert [client.get("/api/v1/ratings/").status_code for _ in range(2)] == [200, 429]
    now[0] = 6125.0  # two minutes later, the first minute no longer counts
    assert client.get("/api/v1/ratings/").status_code == 200
