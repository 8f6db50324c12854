"""The dashboard: server-rendered SVG charts from a fixed number of aggregate queries."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from claims.models import AuditEvent, Claim, EvidenceRun, Verdict
from tests.factories import ClaimFactory, VerdictFactory, rating

pytestmark = pytest.mark.django_db


def published(hours: float, slug: str, author: Any) -> Verdict:
    claim = ClaimFactory(status="published")
    Claim.objects.filter(pk=claim.pk).update(created_at=timezone.now() - timedelta(hours=hours))
    return VerdictFactory(claim=claim, status="published", rating=rating(slug), author=author,
                          published_at=timezone.now())


def test_it_draws_each_chart_from_the_data(as_user: Any, alice: Any, erin: Any) -> None:
    published(2, "false", alice)
    published(4, "false", alice)
    published(30, "true", alice)
    EvidenceRun.objects.create(claim=ClaimFactory(), provider="library", status="done")
    EvidenceRun.objects.create(claim=ClaimFactory(), provider="library", status="failed")
    EvidenceRun.objects.create(claim=ClaimFactory(), provider="mediawiki", status="done")
    AuditEvent.objects.bulk_create(
        AuditEvent(actor=alice, action="claim.update", object_type="claim", object_id=i) for i in range(5)
    )
    html = as_user(erin).get("/review/stats/").content.decode()
    assert html.count("<svg") == 14  # five workflow charts, two alert charts, each for desktop and phone
    assert "<title>False: 2</title>" in html and "<title>True: 1</title>" in html
    assert "<title>alice: 5</title>" in html
    assert re.search(r">Newsroom library<.*?>50 %<", html, re.S) and re.search(r">Wikipedia<.*?>100 %<", html, re.S)
    assert ">4.0 h<" in html  # the median of 2 h, 4 h and 30 h
    assert "<title>&lt; 1 d: 2</title>" in html and "<title>&lt; 3 d: 1</title>" in html


def test_it_escapes_names_inside_the_svg(as_user: Any, alice: Any) -> None:
    EvidenceRun.objects.create(claim=ClaimFactory(), provider="<script>x</script>", status="done")
    html = as_user(alice).get("/review/stats/").content.decode()
    assert "<script>x" not in html and "&lt;script&gt;x" in html


def test_it_renders_an_empty_dashboard(as_user: Any, alice: Any) -> None:
    response = as_user(alice).get("/review/stats/")
    assert response.status_code == 200
    assert response.content.decode().count("<svg") == 14


def test_it_uses_a_fixed_number_of_queries(as_user: Any, alice: Any, bob: Any) -> None:
    client = as_user(alice)
    published(3, "false", alice)
    client.get("/review/stats/")
    with CaptureQueriesContext(connection) as few:
        client.get("/review/stats/")
    for i in range(10):
        published(i + 1, "half-true", bob)
    with CaptureQueriesContext(connection) as many:
        client.get("/review/stats/")
    # 10 before the alert charts (two aggregates) and the navigation's count of new alerts
    assert len(many.captured_queries) == len(few.captured_queries) <= 13


def test_it_names_buckets_and_providers_in_french(as_user: Any, alice: Any) -> None:
    published(30, "true", alice)
    EvidenceRun.objects.create(claim=ClaimFactory(), provider="url_snapshot", status="done")
    html = as_user(alice, language="fr").get("/review/stats/").content.decode()
    assert "<title>&lt; 3 j: 1</title>" in html and "&lt; 1 d" not in html
    assert ">Page web ajoutée à la main<" in html and "url_snapshot" not in html


def test_it_draws_a_phone_version_whose_text_stays_readable(as_user: Any, alice: Any) -> None:
    html = as_user(alice).get("/review/stats/").content.decode()
    narrow = re.findall(r'<div class="chart-narrow"><svg[^>]*viewBox="0 0 (\d+) \d+"', html)
    assert narrow and set(narrow) == {"340"}
    assert 'font-size="13"' in html.split('class="chart-narrow"', 1)[1]
