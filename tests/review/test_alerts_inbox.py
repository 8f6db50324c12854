"""The alerts inbox: navigation count, newest first with the matched rating, one-click actions
through the alert service, possible matches under their own tab, helpful empty states, French."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils.html import escape

from claims.models import Alert, AuditEvent, Source
from tests.review.conftest import csrf_token
from tests.watch.rows import make_alerts

pytestmark = pytest.mark.django_db


def test_the_navigation_counts_new_alerts_with_one_query(as_user: Any, alice: Any,
                                                          django_assert_num_queries: Any) -> None:
    make_alerts(3)
    make_alerts(2, state="acknowledged")
    make_alerts(2, tier="possible")
    client = as_user(alice)
    html = client.get("/review/stats/").content.decode()
    assert '<span class="navcount" title="3 new alerts">3</span>' in html
    from claims.services.alerts import new_alert_count

    with django_assert_num_queries(1):
        assert new_alert_count() == 3


def test_pages_without_the_navigation_run_no_count_query(client: Any, django_assert_num_queries: Any) -> None:
    with django_assert_num_queries(0):
        assert client.get("/accounts/login/").status_code == 200


def test_the_inbox_shows_new_alerts_newest_first_beside_the_rating(as_user: Any, alice: Any,
                                                                  django_assert_max_num_queries: Any) -> None:
    alerts = make_alerts(3)
    make_alerts(1, tier="possible")
    client = as_user(alice)
    with django_assert_max_num_queries(9):
        html = client.get("/review/alerts/").content.decode()
    positions = [html.index(f'id="alert-{a.pk}"') for a in reversed(alerts)]
    assert positions == sorted(positions) and "Plutôt faux" in html and "Fact-checked by Vérif" in html
    assert escape(alerts[0].claim.quote) in html and "Le Quotidien" in html
    possible = client.get("/review/alerts/?tab=possible").content.decode()
    assert possible.count('class="alert"') == 1 and "possible match" in possible


def test_the_inbox_costs_the_same_queries_for_2_or_30_alerts(as_user: Any, alice: Any,
                                                             django_assert_num_queries: Any) -> None:
    client = as_user(alice)
    make_alerts(2)
    client.get("/review/alerts/")
    with django_assert_num_queries(7) as few:
        client.get("/review/alerts/")
    make_alerts(28)
    with django_assert_num_queries(len(few.captured_queries)):
        assert client.get("/review/alerts/").content.decode().count('class="alert"') == 30


def test_one_click_acknowledges_dismisses_and_opens(as_user: Any, alice: Any) -> None:
    first, second, third = make_alerts(3)
    client = as_user(alice, csrf=True)
    token = csrf_token(client.get("/review/alerts/").content.decode())
    url = "/review/alerts/{}/transition/"
    response = client.post(url.format(first.pk), {"to": "acknowledged", "next": "/review/alerts/",
                                                  "csrfmiddlewaretoken": token})
    assert response.status_code == 302 and response["Location"] == "/review/alerts/"
    client.post(url.format(second.pk), {"to": "dismissed", "reason": "Already handled",
                                        "csrfmiddlewaretoken": token})
    opened = client.post(url.format(third.pk), {"to": "opened", "csrfmiddlewaretoken": token})
    assert opened["Location"] == f"/review/claims/{third.claim_id}/"
    states = dict(Alert.objects.values_list("pk", "state"))
    assert (states[first.pk], states[second.pk], states[third.pk]) == ("acknowledged", "dismissed", "opened")
    assert Alert.objects.get(pk=second.pk).reason == "Already handled"
    third.claim.refresh_from_db()
    assert third.claim.status == "selected"
    assert set(AuditEvent.objects.filter(object_type="alert").values_list("channel", flat=True)) == {"ui"}
    left = client.get("/review/alerts/").content.decode()
    assert 'class="alert"' not in left and "No new alerts." in left


def test_a_refused_action_says_why_and_changes_nothing(as_user: Any, alice: Any) -> None:
    [alert] = make_alerts(1)
    client = as_user(alice)
    response = client.post(f"/review/alerts/{alert.pk}/transition/", {"to": "dismissed", "reason": ""},
                           follow=True)
    assert "Say why the alert is dismissed." in response.content.decode()
    assert Alert.objects.get(pk=alert.pk).state == "new"
    outside = client.post(f"/review/alerts/{alert.pk}/transition/", {"to": "acknowledged",
                                                                      "next": "https://evil.example/"})
    assert outside["Location"] == "/review/alerts/"


def test_the_empty_inbox_says_what_will_appear_and_how_to_add_sources(as_user: Any, alice: Any) -> None:
    html = as_user(alice).get("/review/alerts/").content.decode()
    assert "No new alerts." in html and "manage.py source_add URL" in html
    Source.objects.create(url="https://x.example.org/rss", name="X")
    assert "manage.py source_add" not in as_user(alice).get("/review/alerts/").content.decode()


def test_the_inbox_speaks_french(as_user: Any, alice: Any) -> None:
    make_alerts(1)
    html = as_user(alice, language="fr").get("/review/alerts/").content.decode()
    assert "Alertes" in html and "Ouvrir l’affirmation" in html and "Marquer comme vue" in html
    assert "Écarter" in html and "Pas la même affirmation" in html


def test_outsiders_cannot_see_the_inbox(as_user: Any, charlie: Any) -> None:
    assert as_user(charlie).get("/review/alerts/").status_code == 403


def test_the_dashboard_shows_alerts_per_source_and_per_week(as_user: Any, alice: Any) -> None:
    make_alerts(2, source=Source.objects.create(url="https://a.example.org/rss", name="Ouest Matin"))
    html = as_user(alice).get("/review/stats/").content.decode()
    assert "Alerts per week" in html and "Alerts per source" in html
    assert "Ouest Matin: 2" in html
