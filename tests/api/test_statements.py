"""The claims list and detail run SQL compiled once per shape (claims/api/statements.py): the rows
must be exactly what the ORM gives for the same request, whatever the filters, fields, ordering,
cursor and language, and a shape whose values the ORM transforms must never be reused."""

from __future__ import annotations

import itertools
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from claims.api import statements
from claims.models import Claim
from tests.factories import ArticleFactory, ClaimFactory, VerdictFactory, rating

pytestmark = pytest.mark.django_db

REQUESTS = [
    "", "status=new", "status=new,selected", "status=in_progress&language=en", "min_checkworthiness=0.3",
    "max_checkworthiness=0.6&min_checkworthiness=0.1", "assignee=none", "assignee=me", "assignee=bob",
    "has_verdict=true", "has_verdict=false", "rating=false", "q=tonnes", "fields=id,text,verdict",
    "fields=checkworthiness,dates,created_at", "ordering=created_at", "ordering=-updated_at", "ordering=id",
    "ordering=checkworthiness&status=new,selected,in_progress",
]


@pytest.fixture
def claims(alice, bob, erin) -> list[Claim]:
    article = ArticleFactory()
    made = []
    for index, (status, language) in enumerate(itertools.product(
            ["new", "selected", "in_progress"], ["fr", "en"]) ):
        for copy in range(4):
            made.append(ClaimFactory(
                article=article, status=status, language=language, checkworthiness=round(0.1 * ((index + copy) % 9), 2),
                text=f"Il a envoyé {index * 10 + copy} tonnes de riz.", assignee=[None, alice, bob][copy % 3],
            ))
    VerdictFactory(claim=made[0], author=alice, rating=rating("false"), status="published", approver=erin,
                   published_at=timezone.now())
    VerdictFactory(claim=made[5], author=bob, rating=rating("true"))
    Claim.objects.filter(pk=made[3].pk).update(updated_at=timezone.now() + timedelta(hours=1))
    return made


def pages(api, query: str) -> list[dict]:
    """Every row of every page (pages of 5), following the `next` links."""
    url = f"/api/v1/claims/?page_size=5&{query}"
    rows = []
    while url:
        response = api.get(url)
        assert response.status_code == 200, response.json()
        rows += response.json()["results"]
        url = response.json()["next"]
    return rows


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_compiled_statements_give_the_rows_the_orm_gives(claims, alice, api_as, monkeypatch, language):
    api = api_as(alice, "read")
    api.credentials(HTTP_AUTHORIZATION=api._credentials["HTTP_AUTHORIZATION"], HTTP_ACCEPT_LANGUAGE=language)
    statements._cache.clear()
    compiled = {query: pages(api, query) for query in REQUESTS}
    compiled_again = {query: pages(api, query) for query in REQUESTS}  # now from the cache
    detail = [api.get(f"/api/v1/claims/{claim.pk}/?fields=id,verdict,status").json() for claim in claims[:6]]
    assert any(statement is not None for statement in statements._cache.values())
    # The same requests through the ORM alone:
    statements._cache.clear()
    monkeypatch.setattr(statements, "_compile", lambda *args: None)
    plain = {query: pages(api, query) for query in REQUESTS}
    plain_detail = [api.get(f"/api/v1/claims/{claim.pk}/?fields=id,verdict,status").json() for claim in claims[:6]]
    assert compiled == plain
    assert compiled_again == plain
    assert detail == plain_detail
    assert any(row["verdict"] for row in detail)


def test_a_page_and_a_claim_stay_one_query(claims, alice, api_as):
    api = api_as(alice, "read")
    api.get("/api/v1/claims/?status=new")
    with CaptureQueriesContext(connection) as queries:
        api.get("/api/v1/claims/?status=selected")
        api.get(f"/api/v1/claims/{claims[0].pk}/")
    # the key lookup is cached per process: one query per answer
    assert len([q for q in queries if "claims_claim" in q["sql"]]) == 2


def test_a_missing_claim_is_a_404_through_the_cache(claims, alice, api_as):
    api = api_as(alice, "read")
    api.get(f"/api/v1/claims/{claims[0].pk}/")
    assert api.get("/api/v1/claims/999999999/").status_code == 404


def test_a_value_the_lookup_transforms_is_never_reused(db):
    # icontains wraps the value in %...%: the stand-in is not in the parameters as given.
    def build(text: str):
        return Claim.objects.filter(text__icontains=text).values("id")

    ClaimFactory(text="Le riz a doublé.")
    ClaimFactory(text="Le blé a triplé.")
    statements._cache.clear()
    first = statements.cached_rows(build, "riz", key="t")
    second = statements.cached_rows(build, "triplé", key="t")
    assert len(first) == len(second) == 1 and first != second
    if connection.vendor == "postgresql":
        assert list(statements._cache.values()) == [None]


def test_the_shape_includes_booleans_list_lengths_and_nones(db):
    one = statements._signature({"status": ["new"], "has_verdict": True, "x": None})
    assert one != statements._signature({"status": ["new", "selected"], "has_verdict": True, "x": None})
    assert one != statements._signature({"status": ["new"], "has_verdict": False, "x": None})
    assert one != statements._signature({"status": ["new"], "has_verdict": True, "x": 3})
    assert one == statements._signature({"status": ["selected"], "has_verdict": True, "x": None})
