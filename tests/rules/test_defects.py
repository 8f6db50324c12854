"""Issue 14, the numbered defects this branch owns (1, 2, 4, 5, 12): each reproduced the way it was
found (a reviewer's session, an editor's key, a newsroom tool's key), refused now."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from claims.models import Article, Claim, Verdict
from claims.services.errors import DomainError
from claims.services.workflow import claim_mark_duplicate, claim_transition, claim_update
from tests.api.conftest import error_code
from tests.factories import ClaimFactory
from tests.rules.conftest import claim_at

pytestmark = pytest.mark.django_db


def session(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


# --- 1. A published claim's fields change only through a correction --------------------------------


def test_it_refuses_a_reviewers_edit_of_a_published_claim_in_the_ui(alice: Any, erin: Any) -> None:
    claim = claim_at("published", author=alice, editor=erin)
    response = session(alice).post(f"/review/claims/{claim.pk}/edit/", {
        "text": "Autre chose", "claimant": "Quelqu'un", "kind": "other", "language": "en",
        "entities": "[]", "quantities": "[]", "dates": "[]", "expected_version": claim.version,
    })
    assert response.status_code == 409
    fresh = Claim.objects.get(pk=claim.pk)
    assert (fresh.text, fresh.claimant, fresh.version) == (claim.text, claim.claimant, claim.version)


def test_it_refuses_a_write_keys_patch_of_a_published_claim(alice: Any, erin: Any, api_as: Any) -> None:
    claim = claim_at("published", author=alice, editor=erin)
    response = api_as(erin, "read", "write", "publish").patch(
        f"/api/v1/claims/{claim.pk}/", {"claimant": "Quelqu'un d'autre"}, format="json", HTTP_IF_MATCH="*")
    assert response.status_code == 409 and error_code(response) == "claim_locked"
    assert Claim.objects.get(pk=claim.pk).claimant == claim.claimant


@pytest.mark.parametrize("status", ["in_review", "published"])
def test_the_service_refuses_editing_a_claim_under_review_or_published(status: str, alice: Any, erin: Any) -> None:
    claim = claim_at(status, author=alice, editor=erin)
    with pytest.raises(DomainError) as caught:
        claim_update(claim=claim, actor=erin, changes={"language": "en"})
    assert caught.value.http_status == 409
    assert Claim.objects.get(pk=claim.pk).language == claim.language


# --- 2. Whoever wrote any part of a verdict cannot approve it --------------------------------------


def test_it_refuses_an_editor_approving_a_draft_they_rewrote(alice: Any, erin: Any, api_as: Any) -> None:
    claim = claim_at("in_progress", author=alice, editor=erin)
    from claims.services.workflow import verdict_save
    from tests.factories import rating

    verdict_save(claim=claim, actor=alice, rating=rating("false"), summary="Première version d'Alice")
    api = api_as(erin, "read", "write", "publish")
    draft = Verdict.objects.get(claim=claim)
    rewritten = api.put(f"/api/v1/claims/{claim.pk}/verdict/", {
        "rating": "mostly-true", "summary": "Le Kazakhstan a envoyé 40 tonnes", "explanation": "Réécrit par Erin",
        "version": draft.version,
    }, format="json")
    assert rewritten.status_code == 200, rewritten.content
    submitted = api.post(f"/api/v1/claims/{claim.pk}/transition/", {"to": "in_review"}, format="json")
    assert submitted.status_code == 200, submitted.content
    published = api.post(f"/api/v1/claims/{claim.pk}/transition/", {"to": "published"}, format="json")
    assert published.status_code == 403 and error_code(published) == "own_verdict"
    assert Claim.objects.get(pk=claim.pk).status == "in_review"


def test_a_second_editor_who_wrote_nothing_may_approve_it(alice: Any, erin: Any, ed: Any) -> None:
    claim = claim_at("in_review", author=alice, editor=erin)
    claim = claim_transition(claim=claim, to="published", actor=ed)
    assert claim.status == "published"


# --- 4. A write key cannot overwrite another account's article, nor learn about it -----------------


ARTICLE_TEXT = "Le Kazakhstan a envoyé près de 40 tonnes de nourriture à l'Ukraine, selon le ministère."
OTHER_TEXT = "Des pirates ont remplacé cet article : 90 % des Français seraient d'accord, selon un sondage."


def test_another_accounts_key_cannot_overwrite_an_article_by_reposting_its_url(
    charlie: Any, api_as: Any, django_user_model: Any
) -> None:
    cms = api_as(charlie, "read", "write")
    first = cms.post("/api/v1/articles/", {"url": "https://news.example.org/a/1", "text": ARTICLE_TEXT,
                                           "title": "Aide au Kazakhstan"}, format="json")
    assert first.status_code == 202
    mallory = django_user_model.objects.create_user("mallory")
    attack = api_as(mallory, "read", "write").post(
        "/api/v1/articles/", {"url": "https://news.example.org/a/1", "text": OTHER_TEXT, "title": "Piraté"},
        format="json")
    assert attack.status_code == 409 and error_code(attack) == "article_exists"
    body = attack.content.decode()
    assert str(first.json()["id"]) not in body and "Kazakhstan" not in body
    article = Article.objects.get(pk=first.json()["id"])
    assert article.text == ARTICLE_TEXT and article.title == "Aide au Kazakhstan"


def test_the_same_text_from_another_account_reveals_nothing(charlie: Any, api_as: Any, django_user_model: Any) -> None:
    first = api_as(charlie, "read", "write").post("/api/v1/articles/", {"text": ARTICLE_TEXT, "title": "Secret"},
                                                   format="json")
    assert first.status_code == 202
    mallory = django_user_model.objects.create_user("mallory")
    probe = api_as(mallory, "read", "write").post("/api/v1/articles/", {"text": ARTICLE_TEXT}, format="json")
    assert probe.status_code == 409
    assert str(first.json()["id"]) not in probe.content.decode() and "Secret" not in probe.content.decode()


def test_the_owner_and_an_editor_may_reingest_a_changed_page(charlie: Any, erin: Any, api_as: Any) -> None:
    cms = api_as(charlie, "read", "write")
    first = cms.post("/api/v1/articles/", {"url": "https://news.example.org/a/2", "text": ARTICLE_TEXT},
                     format="json")
    again = cms.post("/api/v1/articles/", {"url": "https://news.example.org/a/2", "text": OTHER_TEXT}, format="json")
    assert again.status_code == 202 and again.json()["id"] == first.json()["id"]
    by_editor = api_as(erin, "read", "write").post(
        "/api/v1/articles/", {"url": "https://news.example.org/a/2", "text": ARTICLE_TEXT + " Mis à jour."},
        format="json")
    assert by_editor.status_code == 202 and by_editor.json()["id"] == first.json()["id"]


# --- 5. Leaving "published" is an editor's act, whatever the channel --------------------------------


def test_a_reviewer_cannot_take_a_claim_out_of_published_through_a_duplicate(alice: Any, erin: Any) -> None:
    claim = claim_at("published", author=alice, editor=erin)
    other = ClaimFactory()
    response = session(alice).post(f"/review/claims/{claim.pk}/duplicate/", {"original": other.pk})
    assert response.status_code in (403, 409)
    assert Claim.objects.get(pk=claim.pk).status == "published"
    with pytest.raises(DomainError):
        claim_mark_duplicate(claim=claim, original=other, actor=alice)
    assert Claim.objects.get(pk=claim.pk).status == "published"


def test_a_reviewer_session_cannot_take_a_claim_out_of_published_through_the_api(alice: Any, erin: Any) -> None:
    from rest_framework.test import APIClient

    claim = claim_at("published", author=alice, editor=erin)
    other = ClaimFactory()
    api = APIClient()
    api.force_login(alice)
    response = api.post(f"/api/v1/claims/{claim.pk}/transition/", {"to": "duplicate", "duplicate_of": other.pk},
                        format="json")
    assert response.status_code in (403, 409)
    assert Claim.objects.get(pk=claim.pk).status == "published"


def test_the_bulk_path_does_not_take_claims_out_of_published_either(alice: Any, erin: Any) -> None:
    from claims.services.bulk import claims_bulk_mark_duplicate

    claim = claim_at("published", author=alice, editor=erin)
    result = claims_bulk_mark_duplicate(claim_ids=[claim.pk], original=ClaimFactory(), actor=alice)
    assert result.changed == 0
    assert Claim.objects.get(pk=claim.pk).status == "published"


# --- 12. Out-of-range filters are a 400 with a message, never a 500 --------------------------------


@pytest.mark.parametrize("query", [f"article={10**30}", "updated_since=0001-01-01T00:00:00"])
def test_the_api_refuses_out_of_range_filters(alice: Any, api_as: Any, query: str) -> None:
    ClaimFactory()
    response = api_as(alice, "read").get(f"/api/v1/claims/?{query}")
    assert response.status_code == 400, response.content
    assert response.json()["message"]


@pytest.mark.parametrize("query", [f"article={10**30}", "since=0001-01-01&until=9999-12-31",
                                   "since=0001-01-01", "until=9999-12-31"])
def test_the_queue_refuses_out_of_range_filters(alice: Any, query: str) -> None:
    ClaimFactory()
    response = session(alice).get(f"/review/?{query}")
    assert response.status_code == 400
    assert b"error" in response.content.lower()


# --- Found by the route matrix: evidence work follows one rule on every path -----------------------


def test_a_reviewer_cannot_reweigh_the_evidence_of_a_published_verdict(alice: Any, erin: Any, api_as: Any) -> None:
    from claims.models import Evidence
    from claims.services import bulk

    claim = claim_at("published", author=alice, editor=erin)
    evidence = Evidence.objects.create(claim=claim, provider="library", url="doc/1", stance="supports")
    version = Claim.objects.get(pk=claim.pk).version
    ui = session(alice).post(f"/review/evidence/{evidence.pk}/stance/", {"stance": "refutes"})
    api = api_as(alice, "read", "write", "publish").patch(
        f"/api/v1/claims/{claim.pk}/evidence/{evidence.pk}/", {"stance": "refutes"}, format="json")
    assert (ui.status_code, api.status_code, error_code(api)) == (403, 403, "evidence_locked")
    result = bulk.evidence_bulk_set_stance(evidence_ids=[evidence.pk], stance="refutes", actor=alice)
    assert (result.changed, result.refused) == (0, {"need an editor while published": 1})
    assert (Evidence.objects.get(pk=evidence.pk).stance, Claim.objects.get(pk=claim.pk).version) == ("supports",
                                                                                                       version)
    # An editor may: more research on a published verdict is the start of a correction.
    assert session(erin).post(f"/review/evidence/{evidence.pk}/stance/", {"stance": "refutes"}).status_code == 303


@pytest.mark.parametrize("status", ["dismissed", "duplicate"])
def test_single_and_bulk_evidence_paths_agree_on_claims_nobody_checks(status: str, alice: Any, erin: Any,
                                                                      api_as: Any) -> None:
    from claims.models import EvidenceRun
    from claims.services import bulk

    claim = claim_at(status, author=alice, editor=erin)
    api = api_as(erin, "read", "write")
    retry = api.post(f"/api/v1/claims/{claim.pk}/runs/library/retry/")
    add = api.post(f"/api/v1/claims/{claim.pk}/evidence/", {"url": "https://example.org/rapport"}, format="json")
    assert [(r.status_code, error_code(r)) for r in (retry, add)] == [(409, "evidence_closed")] * 2
    result = bulk.claims_bulk_gather_evidence(claim_ids=[claim.pk], actor=erin)
    assert (result.changed, result.refused) == (0, {f"are {status}": 1})
    assert not EvidenceRun.objects.filter(claim=claim).exists()
