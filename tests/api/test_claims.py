"""claims/: filters, search, keyset pagination, sparse fields, ETag/If-Match, manual claims."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from claims.models import AuditEvent, Claim, Webhook, WebhookDelivery
from tests.api.conftest import error_code
from tests.factories import ArticleFactory, ClaimFactory, VerdictFactory, rating

pytestmark = pytest.mark.django_db


def ids(response):
    return [row["id"] for row in response.json()["results"]]


def walk(api, url):
    """Every id of every page, following the `next` links."""
    seen = []
    while url:
        response = api.get(url)
        assert response.status_code == 200, response.json()
        seen += ids(response)
        url = response.json()["next"]
    return seen


def test_it_lists_claims_with_their_verdict_and_assignee(alice, api_as):
    claim = ClaimFactory(assignee=alice, status="in_progress")
    VerdictFactory(claim=claim, author=alice)
    row = api_as(alice, "read").get("/api/v1/claims/").json()["results"][0]
    assert row["id"] == claim.pk and row["assignee_username"] == "alice"
    assert row["verdict"]["rating"]["slug"] == "mostly-true" and row["verdict"]["status"] == "draft"
    assert row["quote"] == claim.article.text[row["start"]:row["end"]]


def test_it_pins_the_query_count_of_the_list_whatever_the_page_size(alice, bob, api_as):
    article = ArticleFactory()
    for n in range(12):
        claim = ClaimFactory(article=article, assignee=alice if n % 2 else bob, checkworthiness=n / 20)
        if n % 3 == 0:
            VerdictFactory(claim=claim, author=alice)
    api = api_as(alice, "read")
    api.get("/api/v1/claims/?page_size=1")  # warm caches that are not per request
    counts = []
    for size in (2, 12):
        with CaptureQueriesContext(connection) as queries:
            response = api.get(f"/api/v1/claims/?page_size={size}&status=new&min_checkworthiness=0")
        assert len(ids(response)) == size
        counts.append(len(queries))
    # One query for the page, its assignees and verdicts; the key and its roles come from the process cache.
    assert counts == [1, 1]


def test_it_filters_by_status_language_article_assignee_and_score(alice, bob, api_as):
    article = ArticleFactory()
    a = ClaimFactory(article=article, status="new", language="fr", checkworthiness=0.9, assignee=alice)
    b = ClaimFactory(status="selected", language="en", checkworthiness=0.4, assignee=bob)
    c = ClaimFactory(status="dismissed", language="fr", checkworthiness=0.2)
    api = api_as(alice, "read")
    assert set(ids(api.get("/api/v1/claims/?status=new,selected"))) == {a.pk, b.pk}
    assert set(ids(api.get("/api/v1/claims/?status=new&status=dismissed"))) == {a.pk, c.pk}
    assert ids(api.get("/api/v1/claims/?language=en")) == [b.pk]
    assert ids(api.get(f"/api/v1/claims/?article={article.pk}")) == [a.pk]
    assert ids(api.get("/api/v1/claims/?assignee=me")) == [a.pk]
    assert ids(api.get("/api/v1/claims/?assignee=bob")) == [b.pk]
    assert ids(api.get(f"/api/v1/claims/?assignee={bob.pk}")) == [b.pk]
    assert ids(api.get("/api/v1/claims/?assignee=none")) == [c.pk]
    assert ids(api.get("/api/v1/claims/?min_checkworthiness=0.3&max_checkworthiness=0.5")) == [b.pk]


def test_it_filters_by_verdict_rating_and_update_time(alice, erin, api_as):
    published = ClaimFactory(status="published")
    VerdictFactory(claim=published, author=alice, status="published", published_at=timezone.now(),
                   rating=rating("false"))
    drafted = ClaimFactory(status="in_progress")
    VerdictFactory(claim=drafted, author=alice)
    bare = ClaimFactory()
    Claim.objects.filter(pk=bare.pk).update(updated_at=timezone.now() - timedelta(days=3))
    api = api_as(alice, "read")
    assert set(ids(api.get("/api/v1/claims/?has_verdict=true"))) == {published.pk, drafted.pk}
    assert ids(api.get("/api/v1/claims/?has_verdict=false")) == [bare.pk]
    assert ids(api.get("/api/v1/claims/?rating=false")) == [published.pk]
    since = (timezone.now() - timedelta(days=1)).isoformat()
    assert bare.pk not in ids(api.get("/api/v1/claims/", {"updated_since": since}))


def test_it_searches_the_claim_text(alice, api_as):
    hit = ClaimFactory(article=None, start=None, end=None, quote="", text="Le chômage a baissé de 3 % en 2024")
    ClaimFactory(article=None, start=None, end=None, quote="", text="Les ambulances sont arrivées mercredi")
    api = api_as(alice, "read")
    assert ids(api.get("/api/v1/claims/", {"q": "chômage"})) == [hit.pk]
    assert ids(api.get("/api/v1/claims/", {"q": "rien du tout"})) == []


def test_it_keeps_cursor_pages_stable_while_claims_are_inserted(alice, api_as):
    article = ArticleFactory()
    originals = [ClaimFactory(article=article, checkworthiness=score).pk
                 for score in (0.9, 0.8, 0.8, 0.8, 0.7, 0.6, 0.6, 0.5, 0.4, 0.3)]
    api = api_as(alice, "read")
    first = api.get("/api/v1/claims/?page_size=4")
    page1 = ids(first)
    # Inserted after page 1 was served: one above the cursor, some tied with its last row, one below.
    for score in (0.95, 0.8, 0.8, 0.05):
        ClaimFactory(article=article, checkworthiness=score)
    rest = walk(api, first.json()["next"])
    served = page1 + rest
    assert len(served) == len(set(served)), "a row was served twice"
    assert [pk for pk in served if pk in originals] == sorted(
        originals, key=lambda pk: (-Claim.objects.get(pk=pk).checkworthiness, -pk)
    )
    assert set(originals) <= set(served)


@pytest.mark.parametrize("ordering", ["-checkworthiness", "checkworthiness", "created_at", "-updated_at", "id"])
def test_it_pages_through_every_ordering_without_gaps(alice, api_as, ordering):
    article = ArticleFactory()
    made = {ClaimFactory(article=article, checkworthiness=(n % 3) / 3).pk for n in range(7)}
    served = walk(api_as(alice, "read"), f"/api/v1/claims/?page_size=3&ordering={ordering}")
    assert sorted(served) == sorted(made)


def test_it_refuses_a_cursor_from_another_ordering(alice, api_as):
    ClaimFactory.create_batch(3)
    api = api_as(alice, "read")
    cursor_url = api.get("/api/v1/claims/?page_size=1&ordering=id").json()["next"]
    response = api.get(cursor_url.replace("ordering=id", "ordering=-id"))
    assert response.status_code == 400


def test_it_returns_only_the_requested_fields(alice, claim, api_as):
    api = api_as(alice, "read")
    api.get("/api/v1/claims/?fields=id")  # the key's first use
    with CaptureQueriesContext(connection) as queries:
        row = api.get("/api/v1/claims/?fields=id,status,text").json()["results"][0]
    assert set(row) == {"id", "status", "text"}
    [sql] = [q["sql"] for q in queries.captured_queries]
    # fields= narrows the query itself: no JSON columns, no verdict subquery, no join for the assignee
    assert "entities" not in sql and "claims_verdict" not in sql and "auth_user" not in sql
    detail = api.get(f"/api/v1/claims/{claim.pk}/?fields=id,version").json()
    assert detail == {"id": claim.pk, "version": claim.version}


def test_it_serves_a_claim_with_an_etag_and_honours_if_none_match(alice, claim, api_as):
    api = api_as(alice, "read")
    response = api.get(f"/api/v1/claims/{claim.pk}/")
    assert response.status_code == 200
    assert response["ETag"] == f'"claim-{claim.pk}-v{claim.version}"'
    assert api.get(f"/api/v1/claims/{claim.pk}/", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_it_requires_if_match_to_patch(alice, claim, api_as):
    response = api_as(alice, "read", "write").patch(f"/api/v1/claims/{claim.pk}/", {"claimant": "X"}, format="json")
    assert response.status_code == 428
    assert error_code(response) == "precondition_required"
    claim.refresh_from_db()
    assert claim.claimant == ""


def test_it_patches_a_claim_with_the_current_etag(alice, claim, api_as):
    api = api_as(alice, "read", "write")
    etag = api.get(f"/api/v1/claims/{claim.pk}/")["ETag"]
    response = api.patch(f"/api/v1/claims/{claim.pk}/", {"claimant": "Le ministère", "kind": "event"},
                         format="json", HTTP_IF_MATCH=etag)
    assert response.status_code == 200, response.json()
    claim.refresh_from_db()
    assert (claim.claimant, claim.kind, claim.version) == ("Le ministère", "event", 2)
    assert response["ETag"] == f'"claim-{claim.pk}-v2"'
    assert AuditEvent.objects.filter(action="claim.update", claim=claim, channel="api").exists()


def test_it_refuses_a_stale_etag_with_412_and_the_current_state(alice, bob, claim, api_as):
    api = api_as(alice, "read", "write")
    etag = api.get(f"/api/v1/claims/{claim.pk}/")["ETag"]
    assert api_as(bob, "read", "write").patch(f"/api/v1/claims/{claim.pk}/", {"claimant": "Bob's"}, format="json",
                                              HTTP_IF_MATCH=etag).status_code == 200
    response = api.patch(f"/api/v1/claims/{claim.pk}/", {"claimant": "Alice's"}, format="json", HTTP_IF_MATCH=etag)
    assert response.status_code == 412
    body = response.json()
    assert body["code"] == "stale_version"
    # Times in the API's own time zone (Europe/Paris) and ISO 8601, like every time the API writes.
    assert re.search(r"changed by bob at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0[12]:00 since", body["message"]), body
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+\+0[12]:00", body["details"]["changed_at"])
    assert body["details"]["current"]["claimant"] == "Bob's"
    assert body["details"]["current_version"] == 2 and body["details"]["changed_by"] == "bob"
    assert body["details"]["etag"] == f'"claim-{claim.pk}-v2"'
    claim.refresh_from_db()
    assert claim.claimant == "Bob's"


def test_it_assigns_through_patch_with_the_workflow_rules(alice, bob, erin, claim, api_as):
    response = api_as(alice, "read", "write").patch(
        f"/api/v1/claims/{claim.pk}/", {"assignee": bob.pk}, format="json", HTTP_IF_MATCH=str(claim.version)
    )
    assert response.status_code == 403 and response.json()["code"] == "editor_required"
    response = api_as(erin, "read", "write").patch(
        f"/api/v1/claims/{claim.pk}/", {"assignee": bob.pk, "claimant": "Quelqu'un"}, format="json",
        HTTP_IF_MATCH=f'W/"claim-{claim.pk}-v1"',
    )
    assert response.status_code == 200, response.json()
    claim.refresh_from_db()
    assert claim.assignee == bob and claim.claimant == "Quelqu'un" and claim.version == 3


def test_it_refuses_to_edit_fields_that_belong_to_the_article(alice, claim, api_as):
    response = api_as(alice, "read", "write").patch(
        f"/api/v1/claims/{claim.pk}/", {"quote": "autre"}, format="json", HTTP_IF_MATCH="*"
    )
    assert response.status_code == 400  # unknown field -> nothing to change
    claim.refresh_from_db()
    assert claim.version == 1


def test_it_creates_a_manual_claim_without_an_article(alice, api_as):
    Webhook.objects.create(name="hook", url="http://127.0.0.1:9/", events=["claim.created"])
    response = api_as(alice, "read", "write").post(
        "/api/v1/claims/", {"text": "  Le pont a coûté 2 milliards  ", "language": "fr"}, format="json"
    )
    assert response.status_code == 201, response.json()
    claim = Claim.objects.get(pk=response.json()["id"])
    assert claim.text == "Le pont a coûté 2 milliards" and claim.article is None and claim.created_by == alice
    assert response["Location"].endswith(f"/api/v1/claims/{claim.pk}/")
    assert AuditEvent.objects.filter(action="claim.create", claim=claim, channel="api").exists()
    assert WebhookDelivery.objects.filter(event="claim.created", object_id=claim.pk).count() == 1


def test_it_creates_a_manual_claim_on_a_span_of_an_article(alice, article, api_as):
    api = api_as(alice, "read", "write")
    start = article.text.index("trois")
    end = article.text.index("mercredi") + len("mercredi")
    response = api.post("/api/v1/claims/", {"text": "Trois ambulances offertes", "article": article.pk,
                                            "start": start, "end": end}, format="json")
    assert response.status_code == 201, response.json()
    claim = Claim.objects.get(pk=response.json()["id"])
    assert claim.quote == article.text[start:end] and claim.language == "fr"


@pytest.mark.parametrize("offsets", [{"start": 5}, {"start": 10, "end": 5}, {"start": 0, "end": 100000}])
def test_it_refuses_manual_claims_with_bad_offsets(alice, article, api_as, offsets):
    response = api_as(alice, "read", "write").post(
        "/api/v1/claims/", {"text": "Une affirmation", "article": article.pk, **offsets}, format="json"
    )
    assert response.status_code == 400
    assert error_code(response) in ("invalid_offsets", "invalid_input")
    assert not Claim.objects.filter(text="Une affirmation").exists()


def test_it_refuses_offsets_without_an_article(alice, api_as):
    response = api_as(alice, "read", "write").post("/api/v1/claims/", {"text": "X", "start": 0, "end": 1},
                                                   format="json")
    assert response.status_code == 400 and response.json()["code"] == "invalid_offsets"



def test_it_gives_the_outlet_apart_from_the_claimant_and_flags_claims_that_need_context(alice, api_as):
    claim = ClaimFactory(claimant="Sylvain Darchy", outlet="AFP", needs_context=True)
    body = api_as(alice, "read").get(f"/api/v1/claims/{claim.pk}/").json()
    assert (body["claimant"], body["outlet"], body["needs_context"]) == ("Sylvain Darchy", "AFP", True)
    listed = api_as(alice, "read").get("/api/v1/claims/").json()["results"][0]
    assert (listed["outlet"], listed["needs_context"]) == ("AFP", True)
