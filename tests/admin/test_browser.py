"""One bulk action end to end in headless Chromium: select claims, choose the action, confirm, see
the outcome, and find the rows changed with their audit events."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from claims.models import AuditEvent, Claim
from tests.chromium import chromium
from tests.csp import watch_csp
from tests.factories import ArticleFactory, ClaimFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]  # reference data: tests/conftest.py


@pytest.fixture
def page() -> Iterator[Any]:
    with chromium() as browser:
        context = browser.new_context(locale="en-GB")
        violations = watch_csp(context)
        page = context.new_page()
        page.set_default_timeout(20_000)
        yield page
        context.close()
        assert violations == [], "Content-Security-Policy violations"


def test_it_moves_selected_claims_through_the_confirmation_page(page: Any, live_server: Any, admin_user: Any) -> None:
    article = ArticleFactory()
    new = [ClaimFactory(article=article, text=f"Affirmation numéro {i}") for i in range(3)]
    published = ClaimFactory(article=article, text="Affirmation publiée", status="published")

    page.goto(f"{live_server.url}/admin/login/?next=/admin/claims/claim/")
    page.fill("#id_username", "root")
    page.fill("#id_password", "pw-root")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/claims/claim/")

    for claim in [*new, published]:
        page.check(f"input[name=_selected_action][value='{claim.pk}']")
    page.select_option("select[name=action]", "move_to_selected")
    page.click("button[name=index]")

    summary = page.locator(".bulk-summary").inner_text()
    assert "3 new → selected" in summary
    assert "1 published stay: cannot go from published to selected" in summary
    assert Claim.objects.filter(status="selected").count() == 0  # nothing happens before confirming

    page.fill("textarea[name=comment]", "Worth checking before the debate")
    page.click("#bulk-confirm-submit")
    page.wait_for_url("**/admin/claims/claim/")
    message = page.locator(".messagelist").inner_text()
    assert "3 claims moved to selected; 1 not changed: 1 cannot go from published to selected" in message

    assert sorted(Claim.objects.filter(status="selected").values_list("pk", flat=True)) == sorted(c.pk for c in new)
    assert Claim.objects.get(pk=published.pk).status == "published"
    events = AuditEvent.objects.filter(action="claim.transition", channel="admin")
    assert sorted(events.values_list("object_id", flat=True)) == sorted(c.pk for c in new)
    assert {e.after["comment"] for e in events} == {"Worth checking before the debate"}
