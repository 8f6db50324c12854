"""Every page family loads under the Content-Security-Policy in Chromium with no violation: the
reviewer pages, the admin (lists, forms, the bulk confirmation, the ClaimReview upload) and the
API docs (Swagger UI)."""

from __future__ import annotations

from typing import Any

import pytest

from claims.models import Rating
from tests.csp import watch_csp
from tests.factories import ArticleFactory, ClaimFactory, VerdictFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_reviewer_pages_the_admin_and_the_api_docs_load_under_the_policy(
    browser: Any, live_server: Any, reference_data: None, fast_hasher: None
) -> None:
    from django.contrib.auth.models import User

    User.objects.create_superuser("root", "root@example.org", "pw-root")
    article = ArticleFactory(title="Budget des hôpitaux")
    claim = ClaimFactory(article=article, checkworthiness=0.82, text="Le budget a doublé", status="in_review")
    VerdictFactory(claim=claim, rating=Rating.objects.filter(value__isnull=False).first(), status="submitted")

    context = browser.new_context(locale="en-GB")
    violations = watch_csp(context)
    page = context.new_page()
    page.set_default_timeout(15_000)
    response = page.goto(f"{live_server.url}/accounts/login/")
    policy = response.headers.get("content-security-policy", "")
    assert "script-src 'self'" in policy and "object-src 'none'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy.split("style-src-attr")[0]  # no inline script or <style> anywhere
    page.fill("#id_username", "root")
    page.fill("#id_password", "pw-root")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url(f"{live_server.url}/review/")

    pages = [
        "/review/", f"/review/claims/{claim.pk}/", f"/review/articles/{article.pk}/", "/review/awaiting/",
        "/review/stats/", "/admin/", "/admin/claims/claim/", f"/admin/claims/claim/{claim.pk}/change/",
        "/admin/claims/webhook/add/", "/admin/claims/apiclient/add/",
        "/admin/claims/priorfactcheck/import-claimreview/", "/admin/claims/priorfactcheck/import/",
    ]
    for path in pages:
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")
    # The bulk confirmation page (admin JavaScript of its own).
    page.goto(f"{live_server.url}/admin/claims/claim/")
    page.check(f"input[name=_selected_action][value='{claim.pk}']")
    page.select_option("select[name=action]", index=1)
    page.click("button[name=index]")
    page.wait_for_load_state("networkidle")
    # Swagger UI renders the schema (its scripts ran, its styles applied).
    page.goto(f"{live_server.url}/api/v1/docs/")
    page.wait_for_selector(".swagger-ui .info .title")
    page.wait_for_load_state("networkidle")
    context.close()
    assert violations == [], violations
