"""match/, claimreview/, ratings/, users/, stats/."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from claims.models import Verdict
from tests.factories import ClaimFactory, PriorFactCheckFactory, VerdictFactory, rating

pytestmark = pytest.mark.django_db


def published(claim_text="Le Kazakhstan a envoyé 40 tonnes d'aide à l'Ukraine", **kwargs):
    claim = ClaimFactory(status="published", claimant="Le ministère", **kwargs)
    return VerdictFactory(claim=claim, status="published", published_at=timezone.now(),
                          public_url=f"https://factcheck.example.org/claims/{claim.pk}/", summary=claim_text[:70])


def test_it_finds_prior_fact_checks_for_a_piece_of_text(charlie, api_as):
    prior = PriorFactCheckFactory()
    PriorFactCheckFactory(claim_reviewed="La tour Eiffel mesure 330 mètres", url="https://checker.example.org/eiffel")
    api = api_as(charlie, "read")  # newsroom tools need no workflow role to ask
    response = api.get("/api/v1/match/", {"text": "Le Kazakhstan a envoyé 40 tonnes d'aide humanitaire à l'Ukraine",
                                          "language": "fr"})
    assert response.status_code == 200, response.json()
    matches = response.json()
    assert matches and matches[0]["kind"] == "prior_factcheck" and matches[0]["id"] == prior.pk
    assert matches[0]["tier"] in ("strong", "possible") and 0 < matches[0]["score"] <= 1
    assert all(m["url"] != "https://checker.example.org/eiffel" for m in matches)


def test_it_requires_text_to_match(charlie, api_as):
    assert api_as(charlie, "read").get("/api/v1/match/").status_code == 400
    assert api_as(charlie, "read").get("/api/v1/match/", {"text": "x", "limit": 500}).status_code == 400


def test_it_serves_claimreview_markup_for_a_published_verdict(charlie, api_as):
    verdict = published()
    response = api_as(charlie, "read").get(f"/api/v1/claimreview/{verdict.claim_id}")
    assert response.status_code == 200
    markup = response.json()
    assert markup["@type"] == "ClaimReview" and markup["claimReviewed"] == verdict.summary
    assert markup["reviewRating"]["alternateName"] and markup["reviewRating"]["bestRating"] == 5
    assert markup["itemReviewed"]["author"]["name"] == "Le ministère"
    assert markup["url"].startswith("https://factcheck.example.org/")
    jsonld = api_as(charlie, "read").get(f"/api/v1/claimreview/{verdict.claim_id}", HTTP_ACCEPT="application/ld+json")
    assert jsonld["Content-Type"].startswith("application/ld+json")


def test_it_has_no_claimreview_for_unpublished_claims(charlie, api_as):
    draft = VerdictFactory()
    response = api_as(charlie, "read").get(f"/api/v1/claimreview/{draft.claim_id}")
    assert response.status_code == 404 and response.json()["code"] == "not_published"


def test_it_pages_the_claimreview_feed_and_filters_by_update_time(charlie, api_as):
    verdicts = [published() for _ in range(5)]
    old = verdicts[0]
    Verdict.objects.filter(pk=old.pk).update(updated_at=timezone.now() - timedelta(days=10))
    VerdictFactory()  # a draft never appears
    api = api_as(charlie, "read")
    url, seen = "/api/v1/claimreview/feed?page_size=2", []
    while url:
        feed = api.get(url).json()
        assert feed["@type"] == "DataFeed"
        seen += [item["url"] for item in feed["dataFeedElement"]]
        url = feed["next"]
    assert sorted(seen) == sorted(v.public_url for v in verdicts)
    assert seen[0] == old.public_url  # oldest change first
    since = (timezone.now() - timedelta(days=1)).isoformat()
    recent = api.get("/api/v1/claimreview/feed", {"updated_since": since}).json()["dataFeedElement"]
    assert old.public_url not in [item["url"] for item in recent] and len(recent) == 4


def test_it_lists_the_rating_scale(charlie, api_as):
    slugs = [row["slug"] for row in api_as(charlie, "read").get("/api/v1/ratings/").json()]
    assert {"false", "true", "misleading"} <= set(slugs)
    assert rating("false").slug in slugs


def test_it_lists_the_people_claims_can_be_assigned_to(alice, erin, charlie, api_as, django_assert_max_num_queries):
    api = api_as(alice, "read")
    api.get("/api/v1/users/")
    with django_assert_max_num_queries(5):
        users = api.get("/api/v1/users/").json()
    assert {u["username"]: u["roles"] for u in users} == {"alice": ["reviewer"], "erin": ["editor"]}
    assert api.get(f"/api/v1/users/{charlie.pk}/").status_code == 404


def test_it_counts_claims_and_articles_for_dashboards(alice, api_as):
    ClaimFactory.create_batch(2)
    ClaimFactory(status="selected")
    stats = api_as(alice, "read").get("/api/v1/stats/").json()
    assert stats["claims_by_status"] == {"new": 2, "selected": 1}
    assert stats["articles_by_extraction_status"] == {"done": 3}


@pytest.mark.parametrize("path", ["/api/v1/claimreview/feed", "/api/v1/articles/", "/api/v1/claims/"])
def test_it_pins_list_query_counts_whatever_the_page_size(erin, api_as, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(6):
        published()
    api = api_as(erin, "read")
    api.get(f"{path}?page_size=1")
    counts = []
    for size in (1, 6):
        with CaptureQueriesContext(connection) as queries:
            response = api.get(f"{path}?page_size={size}")
        rows = response.json().get("results", response.json().get("dataFeedElement"))
        assert len(rows) == size
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 5, counts
