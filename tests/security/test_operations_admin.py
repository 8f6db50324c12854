"""API keys and webhooks in the admin: keys act only as their own account, webhook receivers obey
the outbound address rules, signing secrets are shown once, reply bodies only to webhook editors."""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.db import IntegrityError, connection, transaction
from django.urls import reverse

from claims.models import ApiClient, AuditEvent, Webhook, WebhookDelivery
from claims.services.api_keys import api_client_create
from claims.services.errors import NotAllowed
from claims.services.webhooks import webhook_delivery_send, webhook_emit
from tests.conftest import make_user
from tests.loopback import loopback_server

pytestmark = pytest.mark.django_db


def messages_of(response: Any) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.fixture
def sue(db: None) -> Any:
    """Sue is an editor with admin access: her group may add and change API clients and webhooks."""
    return make_user("sue", "editor", is_staff=True)


@pytest.fixture
def rita(db: None) -> Any:
    """Rita is a reviewer with admin access: her group may view everything, change nothing."""
    return make_user("rita", "reviewer", is_staff=True)


def key_form(user: Any, **extra: Any) -> dict[str, Any]:
    return {"name": "CMS", "user": user.pk, "scopes": ["read", "write", "publish"], "is_active": "on", **extra}


# --- API keys act as their own account only (issue 14, defect 3) ---------------------------------

def test_an_editor_cannot_create_a_key_acting_as_another_account(client, sue, admin_user, alice):
    client.force_login(sue)
    for victim in (admin_user, alice):
        response = client.post(reverse("admin:claims_apiclient_add"), key_form(victim))
        assert response.status_code in (200, 400, 403), victim
        assert not ApiClient.objects.filter(user=victim).exists(), victim
    with pytest.raises(NotAllowed):
        api_client_create(name="x", scopes=["read"], user=admin_user, actor=sue)
    assert not ApiClient.objects.exists()
    assert not AuditEvent.objects.filter(action="api_client.create").exists()


def test_an_editor_cannot_change_the_scopes_of_another_accounts_key(client, sue, alice):
    key, _ = api_client_create(name="Alice's bot", scopes=["read"], user=alice)
    client.force_login(sue)
    change = reverse("admin:claims_apiclient_change", args=[key.pk])
    client.post(change, {"name": "Alice's bot", "scopes": ["read", "write", "publish"]})
    key.refresh_from_db()
    assert key.scopes == ["read"]
    assert all(e.after["scopes"] == ["read"] for e in AuditEvent.objects.filter(action="api_client.update"))
    # Renaming is harmless and allowed; revoking takes power away and is allowed too.
    assert client.post(change, {"name": "Alice's old bot"}).status_code == 302
    key.refresh_from_db()
    assert (key.name, key.scopes) == ("Alice's old bot", ["read"])


def test_keys_are_created_by_their_own_account_or_a_superuser(client, sue, admin_user, alice):
    client.force_login(sue)
    own = client.post(reverse("admin:claims_apiclient_add"), key_form(sue))
    assert own.status_code == 302 and ApiClient.objects.filter(user=sue).count() == 1
    client.force_login(admin_user)
    other = client.post(reverse("admin:claims_apiclient_add"), key_form(alice, name="Alice's bot"))
    assert other.status_code == 302 and ApiClient.objects.filter(user=alice).count() == 1
    key = ApiClient.objects.get(user=alice)
    client.post(reverse("admin:claims_apiclient_change", args=[key.pk]), {"name": key.name, "scopes": ["read"]})
    key.refresh_from_db()
    assert key.scopes == ["read"]
    [update] = AuditEvent.objects.filter(action="api_client.update", object_id=key.pk)
    assert update.before["scopes"] == ["read", "write", "publish"] and update.actor == admin_user


# --- webhook receivers: outbound rules on save and on delivery (defect 7) ------------------------

def hook_form(url: str, **extra: Any) -> dict[str, Any]:
    return {"name": "cms", "url": url, "events": ["claim.created"], "is_active": "on",
            "deliveries-TOTAL_FORMS": "0", "deliveries-INITIAL_FORMS": "0", **extra}


def test_it_refuses_a_webhook_to_an_internal_address_when_saved(client, admin_user, settings):
    settings.FACTCHECK_WEBHOOK_ALLOWLIST = []
    client.force_login(admin_user)
    for url in ("http://127.0.0.1:9/hook", "http://169.254.169.254/latest/meta-data/", "http://[::1]/",
                "http://localhost:8000/", "http://[64:ff9b::a9fe:a9fe]/"):
        response = client.post(reverse("admin:claims_webhook_add"), hook_form(url))
        assert response.status_code == 200, url
        assert "private or reserved" in str(response.context["adminform"].form.errors["url"]), url
        assert "127.0.0.1" not in str(response.context["adminform"].form.errors["url"]) or "127.0.0.1" in url
    assert not Webhook.objects.exists()
    settings.FACTCHECK_WEBHOOK_ALLOWLIST = ["127.0.0.1/32"]  # an intranet receiver, allowed explicitly
    assert client.post(reverse("admin:claims_webhook_add"), hook_form("http://127.0.0.1:9/hook")).status_code == 302


def test_it_refuses_to_deliver_to_an_internal_address(settings):
    settings.FACTCHECK_WEBHOOK_ALLOWLIST = []
    with loopback_server({"/hook": lambda r: (200, {}, b"{}")}) as server:
        # Saved when it was allowed (or straight into the database): delivery checks again.
        Webhook.objects.create(name="cms", url=server.url("/hook"), events=["claim.created"])
        [delivery_id] = webhook_emit(event="claim.created", object_id=1, payload={})
        outcome = webhook_delivery_send(delivery_id=delivery_id)
        assert server.requests == []
    assert outcome.result == "failed"  # a refused receiver is a configuration error: no retries
    delivery = WebhookDelivery.objects.get(pk=delivery_id)
    assert "private or reserved" in delivery.error and "127.0.0.1" in delivery.error  # the URL's own host


SECRET_REPLY = b"Traceback: db password hunter2 at 10.0.0.7"


def test_reply_bodies_are_kept_from_people_who_cannot_edit_webhooks(client, sue, rita, loopback_webhooks):
    with loopback_server({"/hook": lambda r: (500, {"Content-Type": "text/plain"}, SECRET_REPLY)}) as server:
        hook = Webhook.objects.create(name="cms", url=server.url("/hook"), events=["claim.created"])
        [delivery_id] = webhook_emit(event="claim.created", object_id=1, payload={})
        assert webhook_delivery_send(delivery_id=delivery_id).result == "retry"
    delivery = WebhookDelivery.objects.get(pk=delivery_id)
    assert delivery.error == "HTTP 500" and delivery.response_code == 500
    attempt = AuditEvent.objects.get(action="webhook.attempt", object_id=delivery_id)
    assert b"hunter2" not in str(attempt.after).encode()
    pages = [reverse("admin:claims_webhook_change", args=[hook.pk]),
             reverse("admin:claims_webhookdelivery_change", args=[delivery_id]),
             reverse("admin:claims_webhookdelivery_changelist"),
             reverse("admin:claims_auditevent_change", args=[attempt.pk])]
    client.force_login(rita)
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        assert b"hunter2" not in response.content, page
    client.force_login(sue)  # she can edit webhooks: she sees what the receiver said
    assert b"hunter2" in client.get(pages[1]).content
    assert b"hunter2" in client.get(pages[0]).content


# --- signing secrets: shown once, sealed at rest, never blank (defects 8 and 14) -----------------

def test_a_webhook_secret_is_shown_once_and_never_readable_again(client, admin_user, rita, loopback_webhooks):
    client.force_login(admin_user)
    with loopback_server({"/hook": lambda r: (200, {}, b"{}")}) as server:
        created = client.post(reverse("admin:claims_webhook_add"), hook_form(server.url("/hook")))
        assert created.status_code == 302
        [shown] = [m for m in messages_of(created) if "Signing secret" in m]
        secret = shown.split("Signing secret for cms: ")[1].split(" ")[0]
        hook = Webhook.objects.get(name="cms")
        change = reverse("admin:claims_webhook_change", args=[hook.pk])
        assert secret in client.get(created["Location"]).content.decode()  # the message, displayed once...
        assert secret not in client.get(change).content.decode()  # ...and never again
        client.force_login(rita)
        assert secret not in client.get(change).content.decode()
        assert secret not in client.get(reverse("admin:claims_webhook_changelist")).content.decode()
        # At rest: not in the column, not in the audit trail.
        with connection.cursor() as cursor:
            cursor.execute("SELECT secret FROM claims_webhook WHERE id = %s", [hook.pk])
            [(stored,)] = cursor.fetchall()
        assert stored and secret not in stored
        assert not any(secret in str(e.after) for e in AuditEvent.objects.filter(object_type="webhook"))
        # Yet deliveries are signed with it.
        [delivery_id] = webhook_emit(event="claim.created", object_id=3, payload={})
        assert webhook_delivery_send(delivery_id=delivery_id).result == "sent"
        [request] = server.requests
    fields = dict(part.split("=", 1) for part in request["headers"]["X-Factcheck-Signature"].split(","))
    expected = hmac.new(secret.encode(), f"{fields['t']}.".encode() + request["body"], hashlib.sha256).hexdigest()
    assert hmac.compare_digest(fields["v1"], expected)


def test_rotating_a_secret_shows_the_new_one_once(client, admin_user, sue, rita):
    hook = Webhook.objects.create(name="cms", url="https://cms.example.org/hook", events=["claim.created"])
    old = hook.secret
    client.force_login(rita)  # reviewers only look: no action for them
    data = {"action": "rotate_secret", "_selected_action": [str(hook.pk)]}
    client.post(reverse("admin:claims_webhook_changelist"), data)
    hook.refresh_from_db()
    assert hook.secret == old
    client.force_login(sue)
    response = client.post(reverse("admin:claims_webhook_changelist"), data)
    [shown] = [m for m in messages_of(response) if "Signing secret" in m]
    hook.refresh_from_db()
    assert hook.secret != old and hook.secret in shown
    assert AuditEvent.objects.filter(action="webhook.rotate_secret", object_id=hook.pk, actor=sue).exists()


def test_a_blank_webhook_secret_is_refused(db):
    generated = Webhook.objects.create(name="a", url="https://cms.example.org/a", events=["claim.created"])
    assert len(generated.secret) >= 32
    with pytest.raises(IntegrityError), transaction.atomic():
        Webhook.objects.create(name="b", url="https://cms.example.org/b", events=["claim.created"], secret="")
