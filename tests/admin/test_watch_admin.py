"""Sources and alerts in the admin: editors add and pause sources through the source service,
alerts are triaged by actions that call the alert service; every change audited as `admin`."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from claims.models import Alert, AuditEvent, PollStatus, Source
from tests.admin.conftest import action_post, staff
from tests.watch.rows import make_alerts

pytestmark = pytest.mark.django_db
SOURCE_PERMS = ("view_source", "add_source", "change_source", "view_alert", "change_alert")


@pytest.fixture
def editor_client(db: None, settings: Any) -> Client:
    settings.FACTCHECK_FETCH_ALLOWLIST = ["127.0.0.1"]
    client = Client()
    client.force_login(staff("sue", "editor", perms=SOURCE_PERMS))
    return client


def test_an_editor_adds_a_source_once_through_the_service(editor_client: Client) -> None:
    form = {"url": "http://127.0.0.1:9/rss.xml", "name": "Local", "language": "fr", "interval_minutes": "20",
            "is_enabled": "on"}
    response = editor_client.post("/admin/claims/source/add/", form)
    assert response.status_code == 302, response.content.decode()[:2000]
    source = Source.objects.get()
    assert (source.name, source.interval_minutes, source.created_by.username) == ("Local", 20, "sue")
    assert list(AuditEvent.objects.values_list("action", "channel")) == [("source.add", "admin")]
    again = editor_client.post("/admin/claims/source/add/", form)
    assert again.status_code == 200 and "This feed is already watched." in again.content.decode()
    private = editor_client.post("/admin/claims/source/add/", {**form, "url": "http://10.9.8.7/rss"})
    assert "private or reserved address" in private.content.decode() and Source.objects.count() == 1


def test_an_editor_pauses_a_source_and_polls_others_now(editor_client: Client) -> None:
    paused = Source.objects.create(url="https://a.example.org/rss", name="A")
    other = Source.objects.create(url="https://b.example.org/rss", name="B")
    response = editor_client.post(f"/admin/claims/source/{paused.pk}/change/",
                                  {"name": "A (paused)", "language": "", "interval_minutes": "30"})
    assert response.status_code == 302, response.content.decode()[:2000]
    paused.refresh_from_db()
    assert (paused.name, paused.is_enabled, paused.url) == ("A (paused)", False, "https://a.example.org/rss")
    event = AuditEvent.objects.get(action="source.update")
    assert event.after == {"name": "A (paused)", "is_enabled": False} and event.channel == "admin"
    action_post(editor_client, "/admin/claims/source/", "poll_now", [paused.pk, other.pk])
    assert dict(Source.objects.values_list("name", "poll_status")) == {
        "A (paused)": PollStatus.IDLE, "B": PollStatus.QUEUED}


def test_reviewers_cannot_add_sources(db: None) -> None:
    client = Client()
    client.force_login(staff("rita", "reviewer", perms=SOURCE_PERMS))
    assert client.get("/admin/claims/source/add/").status_code == 403


def test_alert_actions_go_through_the_alert_service(editor_client: Client) -> None:
    first, second = make_alerts(2)
    action_post(editor_client, "/admin/claims/alert/", "dismiss_not_same", [first.pk])
    action_post(editor_client, "/admin/claims/alert/", "open_claims", [first.pk, second.pk])
    states = dict(Alert.objects.values_list("pk", "state"))
    assert (states[first.pk], states[second.pk]) == ("opened", "opened")  # dismissed, then opened
    assert Alert.objects.get(pk=first.pk).reason == ""
    assert list(AuditEvent.objects.filter(object_type="alert").order_by("id").values_list("action", "channel")) == [
        ("alert.dismissed", "admin"), ("alert.opened", "admin"), ("alert.opened", "admin")]
    assert editor_client.get(f"/admin/claims/alert/{first.pk}/change/").status_code == 200  # read-only view
