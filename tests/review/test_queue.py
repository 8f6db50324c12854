"""The queue: sorting, filters kept in the URL, counts per status, search, pagination, bulk selection."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from claims.models import Claim
from claims.review.queue import PER_PAGE
from tests.factories import ArticleFactory, ClaimFactory
from tests.review.conftest import csrf_token

pytestmark = pytest.mark.django_db
QUEUE = "/review/"


def row_ids(html: str) -> list[int]:
    return [int(n) for n in re.findall(r'<tr data-href="/review/claims/(\d+)/"', html)]


def test_it_lists_open_claims_most_check_worthy_first(as_user: Any, alice: Any) -> None:
    low = ClaimFactory(checkworthiness=0.2)
    high = ClaimFactory(checkworthiness=0.9)
    dismissed = ClaimFactory(checkworthiness=0.95, status="dismissed")
    html = as_user(alice).get(QUEUE).content.decode()
    assert row_ids(html) == [high.pk, low.pk]
    assert dismissed.pk not in row_ids(html)


def test_it_counts_claims_per_status_in_the_tabs(as_user: Any, alice: Any) -> None:
    ClaimFactory.create_batch(2, status="new")
    ClaimFactory(status="dismissed")
    html = as_user(alice).get(QUEUE).content.decode()
    assert re.search(r'st-new"[^>]*>New <span class="count">2</span>', html)
    assert re.search(r'st-dismissed"[^>]*>Dismissed <span class="count">1</span>', html)
    assert re.search(r'st-open"[^>]*>Open <span class="count">2</span>', html)


def test_it_filters_by_status_language_assignment_match_score_and_article(as_user: Any, alice: Any, bob: Any) -> None:
    article = ArticleFactory()
    mine = ClaimFactory(assignee=alice, checkworthiness=0.5)
    english = ClaimFactory(language="en", checkworthiness=0.4)
    strong = ClaimFactory(has_strong_match=True, checkworthiness=0.3)
    in_article = ClaimFactory(article=article, checkworthiness=0.35, assignee=bob)
    selected = ClaimFactory(status="selected", checkworthiness=0.9)
    client = as_user(alice)
    assert row_ids(client.get(QUEUE, {"mine": "1"}).content.decode()) == [mine.pk]
    assert row_ids(client.get(QUEUE, {"language": "en"}).content.decode()) == [english.pk]
    assert row_ids(client.get(QUEUE, {"strong": "1"}).content.decode()) == [strong.pk]
    assert row_ids(client.get(QUEUE, {"article": article.pk}).content.decode()) == [in_article.pk]
    assert row_ids(client.get(QUEUE, {"status": "selected"}).content.decode()) == [selected.pk]
    assert row_ids(client.get(QUEUE, {"min": "0.45"}).content.decode()) == [selected.pk, mine.pk]
    unassigned = row_ids(client.get(QUEUE, {"unassigned": "1"}).content.decode())
    assert mine.pk not in unassigned and in_article.pk not in unassigned and english.pk in unassigned


def test_it_filters_by_creation_date(as_user: Any, alice: Any) -> None:
    old = ClaimFactory()
    recent = ClaimFactory()
    Claim.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=40))
    since = (timezone.localdate() - timedelta(days=2)).isoformat()
    until = (timezone.localdate() - timedelta(days=30)).isoformat()
    client = as_user(alice)
    assert row_ids(client.get(QUEUE, {"since": since}).content.decode()) == [recent.pk]
    assert row_ids(client.get(QUEUE, {"until": until}).content.decode()) == [old.pk]


def test_it_searches_the_claim_text(as_user: Any, alice: Any) -> None:
    hit = ClaimFactory(text="Le chômage a baissé de 3 % en 2023")
    ClaimFactory(text="Les exportations de blé ont doublé")
    assert row_ids(as_user(alice).get(QUEUE, {"q": "chômage"}).content.decode()) == [hit.pk]


def test_it_keeps_filters_in_the_links_it_offers(as_user: Any, alice: Any) -> None:
    ClaimFactory.create_batch(PER_PAGE + 1, language="en")
    html = as_user(alice).get(QUEUE, {"language": "en", "q": "Kazakhstan"}).content.decode()
    assert 'href="?language=en&amp;q=Kazakhstan&amp;page=2"' in html
    assert 'href="?status=published&amp;language=en&amp;q=Kazakhstan"' in html


def test_it_paginates_without_counting_every_row(as_user: Any, alice: Any) -> None:
    claims = ClaimFactory.create_batch(PER_PAGE + 3)
    client = as_user(alice)
    first = row_ids(client.get(QUEUE).content.decode())
    second = row_ids(client.get(QUEUE, {"page": "2"}).content.decode())
    assert len(first) == PER_PAGE and len(second) == 3
    assert set(first) | set(second) == {c.pk for c in claims}
    assert 'rel="next"' not in client.get(QUEUE, {"page": "2"}).content.decode()


@pytest.mark.parametrize("sort", ["score", "-score", "age", "-age", "article", "language", "status", "assignee",
                                  "evidence", "nonsense"])
def test_it_sorts_by_every_column(as_user: Any, alice: Any, sort: str) -> None:
    ClaimFactory.create_batch(3)
    response = as_user(alice).get(QUEUE, {"sort": sort})
    assert response.status_code == 200
    assert len(row_ids(response.content.decode())) == 3


def test_it_sorts_by_age_oldest_first(as_user: Any, alice: Any) -> None:
    first = ClaimFactory(checkworthiness=0.1)
    second = ClaimFactory(checkworthiness=0.9)
    Claim.objects.filter(pk=first.pk).update(created_at=timezone.now() - timedelta(hours=5))
    assert row_ids(as_user(alice).get(QUEUE, {"sort": "age"}).content.decode()) == [first.pk, second.pk]


def test_it_ignores_malformed_filters_instead_of_failing(as_user: Any, alice: Any) -> None:
    ClaimFactory()
    response = as_user(alice).get(QUEUE, {"page": "abc", "min": "x", "article": "y", "since": "2024-99-99",
                                          "status": "<b>", "sort": "'; drop"})
    assert response.status_code == 200
    assert len(row_ids(response.content.decode())) == 1


def test_it_renders_script_in_claim_text_as_text(as_user: Any, alice: Any) -> None:
    ClaimFactory(text="<script>alert('x')</script> a dit le ministre")
    html = as_user(alice).get(QUEUE).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html


def test_it_runs_a_fixed_number_of_queries_whatever_the_rows_shown(
    as_user: Any, alice: Any, bob: Any, django_assert_num_queries: Any
) -> None:
    client = as_user(alice)
    ClaimFactory.create_batch(2, assignee=bob)
    client.get(QUEUE)  # warm the session and the role cache paths
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(QUEUE, {"q": "Kazakhstan"})
    ClaimFactory.create_batch(30, assignee=bob)
    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(QUEUE, {"q": "Kazakhstan"})
    assert len(row_ids(response.content.decode())) == 32
    assert len(few.captured_queries) <= 6


def test_it_assigns_the_selected_claims_to_me(as_user: Any, alice: Any) -> None:
    picked = ClaimFactory.create_batch(2)
    other = ClaimFactory()
    client = as_user(alice, csrf=True)
    token = csrf_token(client.get(QUEUE).content.decode())
    response = client.post(reverse("review:claims_bulk"), {
        "claims": [c.pk for c in picked], "action": "assign_me", "next": QUEUE, "csrfmiddlewaretoken": token,
    })
    assert response.status_code == 303
    assert set(Claim.objects.filter(assignee=alice).values_list("pk", flat=True)) == {c.pk for c in picked}
    other.refresh_from_db()
    assert other.assignee is None


def test_it_refuses_a_bulk_action_without_csrf_token(as_user: Any, alice: Any) -> None:
    claim = ClaimFactory()
    client: Client = as_user(alice, csrf=True)
    response = client.post(reverse("review:claims_bulk"), {"claims": [claim.pk], "action": "select"})
    assert response.status_code == 403
    claim.refresh_from_db()
    assert claim.status == "new"


def test_it_selects_the_chosen_claims_for_checking(as_user: Any, alice: Any) -> None:
    claim = ClaimFactory()
    response = as_user(alice).post(reverse("review:claims_bulk"), {"claims": [claim.pk], "action": "select"})
    assert response.status_code == 303
    claim.refresh_from_db()
    assert claim.status == "selected"
