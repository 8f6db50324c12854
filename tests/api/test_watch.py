"""/api/v1/sources/ and /api/v1/alerts/: scopes and roles, filters, keyset pagination, transitions,
and a pinned number of queries per page."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from claims.models import Alert, AuditEvent, Source
from tests.api.conftest import error_code
from tests.watch.rows import make_alerts

pytestmark = pytest.mark.django_db


def test_editors_add_sources_with_the_write_scope(api_as: Any, erin: Any, alice: Any, settings: Any) -> None:
    settings.FACTCHECK_FETCH_ALLOWLIST = ["127.0.0.1"]
    body = {"url": "http://127.0.0.1:9/rss.xml", "name": "Local", "language": "fr", "interval_minutes": 15}
    response = api_as(erin, "read", "write").post("/api/v1/sources/", body, format="json")
    assert response.status_code == 201, response.json()
    created = response.json()
    assert (created["name"], created["interval_minutes"], created["poll_status"], created["healthy"]) == (
        "Local", 15, "idle", True)
    assert AuditEvent.objects.filter(action="source.add", object_id=created["id"], channel="api").count() == 1
    assert error_code(api_as(erin, "read").post("/api/v1/sources/", body, format="json")) == "scope_required"
    assert error_code(api_as(alice, "read", "write").post("/api/v1/sources/", body, format="json")) == \
        "editor_required"
    again = api_as(erin, "write").post("/api/v1/sources/", body, format="json")
    assert (again.status_code, again.json()["code"]) == (400, "duplicate_source")


@pytest.mark.parametrize("body, code", [
    ({"url": "ftp://example.org/feed"}, "invalid_url"),
    ({"url": "http://10.1.2.3/feed"}, "private_address"),
    ({"url": "file:///etc/passwd"}, "invalid_url"),
    ({"url": "https://example.org/feed", "language": "de"}, "invalid_input"),
    ({"url": "https://example.org/feed", "interval_minutes": 0}, "invalid_input"),
])
def test_bad_sources_get_a_clear_400_and_no_row(api_as: Any, erin: Any, body: dict[str, Any], code: str) -> None:
    response = api_as(erin, "write").post("/api/v1/sources/", body, format="json")
    assert response.status_code == 400 and error_code(response) == code
    assert not Source.objects.exists()


def test_reviewers_list_sources_with_their_health(api_as: Any, alice: Any, django_assert_max_num_queries: Any
                                                   ) -> None:
    for n in range(5):
        Source.objects.create(url=f"https://s{n}.example.org/rss", name=f"S{n}", consecutive_failures=n,
                              last_error="The server answered 503." if n else "")
    client = api_as(alice, "read")
    with django_assert_max_num_queries(4):
        response = client.get("/api/v1/sources/?page_size=3")
    page = response.json()
    assert [s["name"] for s in page["results"]] == ["S0", "S1", "S2"] and page["next"]
    assert page["results"][1]["healthy"] is False and page["results"][1]["last_error"] == "The server answered 503."
    assert [s["name"] for s in client.get(page["next"]).json()["results"]] == ["S3", "S4"]


def test_the_alerts_list_filters_and_pages_newest_first(api_as: Any, alice: Any) -> None:
    news = Source.objects.create(url="https://a.example.org/rss", name="A")
    other = Source.objects.create(url="https://b.example.org/rss", name="B")
    ours = make_alerts(3, source=news)
    make_alerts(2, source=other, state="acknowledged")
    make_alerts(2, source=other, tier="possible")
    client = api_as(alice, "read")
    first = client.get("/api/v1/alerts/?page_size=3").json()
    second = client.get(first["next"]).json()
    everything = [a["id"] for a in first["results"] + second["results"]]
    assert len(everything) == 5 and len(set(everything)) == 5 and not second["next"]  # strong only by default
    assert first["results"][0]["created_at"] >= first["results"][1]["created_at"]
    by_source = client.get(f"/api/v1/alerts/?source={news.pk}&state=new").json()["results"]
    assert [a["id"] for a in by_source] == [a.pk for a in reversed(ours)]
    assert {a["state"] for a in client.get("/api/v1/alerts/?state=acknowledged").json()["results"]} == \
        {"acknowledged"}
    assert len(client.get("/api/v1/alerts/?tier=possible").json()["results"]) == 2
    assert len(client.get("/api/v1/alerts/?tier=all").json()["results"]) == 7
    since = (timezone.now() - timedelta(seconds=90)).isoformat()
    recent = client.get("/api/v1/alerts/", {"since": since, "tier": "all"}).json()["results"]
    assert recent and all(a["created_at"] >= since[:19] for a in recent)
    one = by_source[0]
    assert one["fact_check"]["rating"] == {"slug": None, "label": "Plutôt faux"} and one["source"]["name"] == "A"
    assert one["claim"]["quote"] and one["claim"]["article_url"].startswith("https://news.example.org/")


@pytest.mark.parametrize("query", ["state=lost", "tier=maybe", "since=yesterday", "source=abc", "ordering=text"])
def test_bad_alert_filters_are_400s(api_as: Any, alice: Any, query: str) -> None:
    response = api_as(alice, "read").get(f"/api/v1/alerts/?{query}")
    assert response.status_code == 400 and error_code(response) in ("invalid_input", "invalid_ordering")


def test_the_alert_list_costs_the_same_queries_for_2_or_40_alerts(api_as: Any, alice: Any,
                                                                  django_assert_num_queries: Any) -> None:
    client = api_as(alice, "read")
    make_alerts(2)
    client.get("/api/v1/alerts/")  # the key's first use also records its last-used time
    with django_assert_num_queries(1) as few:  # the page; the key and its roles come from the process cache
        assert len(client.get("/api/v1/alerts/").json()["results"]) == 2
    make_alerts(38)
    with django_assert_num_queries(len(few.captured_queries)):
        assert len(client.get("/api/v1/alerts/").json()["results"]) == 40


def test_alerts_move_through_the_transition_endpoint(api_as: Any, alice: Any, charlie: Any) -> None:
    [alert] = make_alerts(1)
    writer = api_as(alice, "read", "write")
    url = f"/api/v1/alerts/{alert.pk}/transition/"
    assert error_code(api_as(alice, "read").post(url, {"to": "acknowledged"}, format="json")) == "scope_required"
    assert error_code(api_as(charlie, "read", "write").post(url, {"to": "acknowledged"}, format="json")) == \
        "role_required"
    refused = writer.post(url, {"to": "dismissed"}, format="json")
    assert (refused.status_code, refused.json()["code"]) == (400, "reason_required")
    done = writer.post(url, {"to": "dismissed", "reason": "Already handled"}, format="json")
    assert done.status_code == 200 and (done.json()["state"], done.json()["reason"]) == ("dismissed", "Already handled")
    assert done.json()["acted_by"] == "alice"
    opened = writer.post(url, {"to": "opened"}, format="json")
    assert opened.json()["claim"]["status"] == "selected"
    conflict = writer.post(url, {"to": "new"}, format="json")
    assert (conflict.status_code, conflict.json()["code"]) == (409, "alert_transition_not_allowed")
    assert list(AuditEvent.objects.filter(object_type="alert").values_list("channel", flat=True)) == ["api", "api"]
    assert writer.get(f"/api/v1/alerts/{alert.pk}/").json()["state"] == "opened"
    assert Alert.objects.get(pk=alert.pk).state == "opened"
