"""The alerts inbox in Chromium: the navigation count, then acknowledge, dismiss and open with one
click each, and the empty state once everything is triaged."""

from __future__ import annotations

from typing import Any

import pytest

from claims.models import Alert
from tests.browser.conftest import PHONE, screenshot
from tests.conftest import make_user
from tests.watch.rows import make_alerts

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_reviewer_triages_the_alerts_inbox(open_session: Any, live_server: Any) -> None:
    alice = make_user("alice", "reviewer")
    oldest, middle, newest = make_alerts(3)
    page = open_session(alice)
    assert page.locator("#nav-alerts .navcount").text_content() == "3"
    page.locator("#nav-alerts").click()
    page.wait_for_url(f"{live_server.url}/review/alerts/")
    # Newest first, each beside the rating of the fact-check it repeats.
    ids = page.locator("li.alert").evaluate_all("items => items.map(i => i.id)")
    assert ids == [f"alert-{newest.pk}", f"alert-{middle.pk}", f"alert-{oldest.pk}"]
    assert page.locator(f"#alert-{newest.pk} .rating").text_content() == "Plutôt faux"
    screenshot(page, "alerts")

    page.locator(f"#alert-{newest.pk}").get_by_role("button", name="Acknowledge").click()
    page.wait_for_selector("text=Alert acknowledged.")
    assert page.locator("#nav-alerts .navcount").text_content() == "2"
    page.locator(f"#alert-{middle.pk}").get_by_label("Reason").select_option(label="Already handled")
    page.locator(f"#alert-{middle.pk}").get_by_role("button", name="Dismiss").click()
    page.wait_for_selector("text=Alert dismissed.")
    page.locator(f"#alert-{oldest.pk}").get_by_role("button", name="Open the claim").click()
    page.wait_for_url(f"{live_server.url}/review/claims/{oldest.claim_id}/")
    page.wait_for_selector("text=The claim is selected for checking.")
    assert page.locator(".pagehead .badge").first.text_content() == "Selected"

    states = dict(Alert.objects.values_list("pk", "state"))
    assert (states[newest.pk], states[middle.pk], states[oldest.pk]) == ("acknowledged", "dismissed", "opened")
    assert Alert.objects.get(pk=middle.pk).reason == "Already handled"

    page.locator("#nav-alerts").click()
    page.wait_for_selector("#alerts-empty")
    assert "No new alerts." in page.locator("#alerts-empty").text_content()
    assert page.locator("#nav-alerts .navcount").count() == 0
    page.get_by_role("link", name="Acknowledged").click()
    page.wait_for_selector(f"#alert-{newest.pk}")
    screenshot(page, "alerts-acknowledged")

    make_alerts(2)
    phone = open_session(alice, viewport=PHONE)
    phone.goto(f"{live_server.url}/review/alerts/")
    phone.wait_for_selector("li.alert")
    screenshot(phone, "alerts-390")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
