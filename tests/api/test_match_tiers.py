"""GET /api/v1/match/: ranked results in three tiers, ?tier= filter, documented in the schema."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import PriorFactCheckFactory

pytestmark = pytest.mark.django_db

KAZAKH = "Le Kazakhstan a envoyé 40 tonnes d'aide humanitaire à l'Ukraine"


@pytest.fixture
def priors(db):
    PriorFactCheckFactory(claim_reviewed=KAZAKH, url="https://fc.example.org/same")
    PriorFactCheckFactory(claim_reviewed=KAZAKH.replace("40", "400"), url="https://fc.example.org/figure")
    for n in range(12):
        PriorFactCheckFactory(claim_reviewed=f"Le gouvernement a envoyé {n} courriers aux maires",
                              url=f"https://fc.example.org/noise-{n}")


def test_it_returns_all_tiers_ranked_by_default(charlie, api_as, priors):
    response = api_as(charlie, "read").get("/api/v1/match/", {"text": f"URGENT ‼️ {KAZAKH} #Ukraine", "limit": 10})
    assert response.status_code == 200
    matches = response.json()
    assert len(matches) == 10
    assert matches[0]["url"] == "https://fc.example.org/same" and matches[0]["tier"] == "strong"
    assert {m["tier"] for m in matches} == {"strong", "possible", "related"}
    figure = next(m for m in matches if m["url"] == "https://fc.example.org/figure")
    assert figure["tier"] == "possible" and figure["numbers_conflict"] is True
    scores = [m["score"] for m in matches]
    assert scores == sorted(scores, reverse=True)


def test_it_filters_by_tier_in_a_constant_number_of_queries(charlie, api_as, priors):
    api = api_as(charlie, "read")
    api.get("/api/v1/match/", {"text": KAZAKH})  # warm the key cache and collection statistics
    with CaptureQueriesContext(connection) as one:
        strong = api.get("/api/v1/match/", {"text": KAZAKH, "tier": "strong"}).json()
    with CaptureQueriesContext(connection) as two:
        both = api.get("/api/v1/match/", {"text": KAZAKH, "tier": ["strong", "possible"]}).json()
    with CaptureQueriesContext(connection) as three:
        commas = api.get("/api/v1/match/", {"text": KAZAKH, "tier": "possible,related", "limit": 50}).json()
    assert [m["url"] for m in strong] == ["https://fc.example.org/same"]
    assert {m["tier"] for m in both} == {"strong", "possible"}
    assert {m["tier"] for m in commas} == {"possible", "related"} and len(commas) == 13
    assert len(one) == len(two) == len(three) <= 8


def test_it_refuses_an_unknown_tier(charlie, api_as):
    response = api_as(charlie, "read").get("/api/v1/match/", {"text": "x", "tier": "certain"})
    assert response.status_code == 400


def test_the_schema_documents_the_tier_filter_and_the_three_tiers(charlie, api_as):
    schema = api_as(charlie, "read").get("/api/v1/schema/", HTTP_ACCEPT="application/json").json()
    parameters = {p["name"]: p for p in schema["paths"]["/api/v1/match/"]["get"]["parameters"]}
    assert "tier" in parameters and "strong" in parameters["tier"]["description"]
    assert set(parameters["tier"]["schema"]["items"]["enum"]) == {"strong", "possible", "related"}
    assert set(schema["components"]["schemas"]["TierEnum"]["enum"]) == {"strong", "possible", "related"}


def test_a_rating_reads_the_same_for_our_verdicts_and_imported_fact_checks(charlie, api_as, priors):
    from django.utils import timezone

    from tests.factories import ClaimFactory, VerdictFactory

    VerdictFactory(claim=ClaimFactory(status="published", text=KAZAKH), status="published",
                   published_at=timezone.now(), public_url="https://factcheck.example.org/claims/1/")
    matches = api_as(charlie, "read").get("/api/v1/match/", {"text": KAZAKH}).json()
    verdict = next(m for m in matches if m["kind"] == "verdict")
    prior = next(m for m in matches if m["url"] == "https://fc.example.org/same")
    assert verdict["rating"] == {"slug": "mostly-true", "label": "Mostly true"}
    assert prior["rating"] == {"slug": None, "label": "Vrai"}  # an imported scale has no slug of ours
