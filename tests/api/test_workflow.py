"""Transitions and verdicts through the API: the workflow rules, 409 reasons, the publish scope."""

from __future__ import annotations

import pytest

from claims.models import AuditEvent, Claim, Verdict, Webhook, WebhookDelivery
from tests.api.conftest import error_code
from tests.factories import ClaimFactory, VerdictFactory, claim_in

pytestmark = pytest.mark.django_db


def transition(api, claim, to, **extra):
    return api.post(f"/api/v1/claims/{claim.pk}/transition/", {"to": to, **extra}, format="json")


def test_it_moves_a_claim_along_the_workflow(alice, claim, api_as):
    api = api_as(alice, "read", "write")
    response = transition(api, claim, "selected")
    assert response.status_code == 200, response.json()
    assert response.json()["status"] == "selected"
    assert transition(api, claim, "in_progress").status_code == 200
    claim.refresh_from_db()
    assert claim.status == "in_progress" and claim.assignee == alice and claim.version == 3
    assert AuditEvent.objects.filter(claim=claim, action="claim.transition", channel="api").count() == 2


def test_it_answers_409_with_a_machine_readable_reason(alice, claim, api_as):
    response = transition(api_as(alice, "read", "write"), claim, "in_review")
    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "transition_not_allowed"
    assert body["details"]["from"] == "new" and body["details"]["to"] == "in_review"
    assert set(body["details"]["allowed"]) == {"dismissed", "selected"}
    claim.refresh_from_db()
    assert claim.status == "new"


def test_it_needs_a_comment_to_dismiss(alice, claim, api_as):
    api = api_as(alice, "read", "write")
    response = transition(api, claim, "dismissed")
    assert response.status_code == 400 and response.json()["code"] == "comment_required"
    assert transition(api, claim, "dismissed", comment="Opinion, not a fact").status_code == 200
    claim.refresh_from_db()
    assert claim.status == "dismissed" and claim.status_reason == "Opinion, not a fact"


def test_it_refuses_a_stale_version_on_transition(alice, claim, api_as):
    response = transition(api_as(alice, "read", "write"), claim, "selected", version=7)
    assert response.status_code == 412
    assert response.json()["details"]["current"]["status"] == "new"


def test_it_refuses_workflow_changes_to_accounts_without_a_role(charlie, claim, api_as):
    response = transition(api_as(charlie, "read", "write"), claim, "selected")
    assert response.status_code == 403 and error_code(response) == "role_required"


def test_it_marks_a_duplicate_through_the_transition_endpoint(alice, claim, api_as):
    original = ClaimFactory()
    api = api_as(alice, "read", "write")
    assert transition(api, claim, "duplicate").status_code == 400
    response = transition(api, claim, "duplicate", duplicate_of=original.pk)
    assert response.status_code == 200, response.json()
    claim.refresh_from_db()
    assert claim.status == "duplicate" and claim.duplicate_of == original


def write_verdict(api, claim, **overrides):
    body = {"rating": "mostly-true", "summary": "Le Kazakhstan a envoyé 40 tonnes d'aide à l'Ukraine",
            "explanation": "Les chiffres du ministère le confirment.", "sources": ["https://gov.example/kz"]}
    return api.put(f"/api/v1/claims/{claim.pk}/verdict/", {**body, **overrides}, format="json")


def test_it_writes_and_edits_a_draft_verdict(alice, api_as):
    claim = claim_in("in_progress", assignee=alice)
    api = api_as(alice, "read", "write")
    assert api.get(f"/api/v1/claims/{claim.pk}/verdict/").status_code == 404
    created = write_verdict(api, claim)
    assert created.status_code == 201, created.json()
    assert created.json()["claimreview_problems"] == []
    edited = write_verdict(api, claim, summary="Le Kazakhstan a envoyé de l'aide", version=1)
    assert edited.status_code == 200 and edited.json()["version"] == 2
    verdict = Verdict.objects.get(claim=claim)
    assert verdict.summary == "Le Kazakhstan a envoyé de l'aide" and verdict.author == alice
    stale = write_verdict(api, claim, summary="Autre chose", version=1)
    assert stale.status_code == 412
    verdict.refresh_from_db()
    assert verdict.summary == "Le Kazakhstan a envoyé de l'aide"


def test_it_shows_why_a_verdict_could_not_be_published(alice, api_as):
    claim = claim_in("in_progress", assignee=alice)
    response = write_verdict(api_as(alice, "read", "write"), claim, summary="C'est faux : le Kazakhstan n'a rien envoyé")
    assert response.status_code == 201
    assert any("rating word" in problem for problem in response.json()["claimreview_problems"])


def test_it_refuses_verdicts_on_claims_that_are_not_being_worked_on(alice, claim, api_as):
    response = write_verdict(api_as(alice, "read", "write"), claim)
    assert response.status_code == 409 and response.json()["code"] == "verdict_locked"
    assert not Verdict.objects.exists()


def test_it_refuses_an_unknown_rating(alice, api_as):
    claim = claim_in("in_progress", assignee=alice)
    response = write_verdict(api_as(alice, "read", "write"), claim, rating="pants-on-fire")
    assert response.status_code == 400 and "rating" in response.json()["details"]


def test_it_publishes_only_with_the_publish_scope_and_another_editor(alice, erin, ed, api_as):
    Webhook.objects.create(name="cms", url="http://127.0.0.1:9/", events=["verdict.published", "verdict.submitted"])
    claim = claim_in("in_progress", assignee=erin)
    author = api_as(erin, "read", "write", "publish")
    assert write_verdict(author, claim).status_code == 201
    assert transition(author, claim, "in_review").status_code == 200
    # Erin wrote it: she cannot approve it, even with every scope.
    own = transition(author, claim, "published")
    assert own.status_code == 403 and own.json()["code"] == "own_verdict"
    # Ed is an editor, but this key cannot publish.
    no_publish = transition(api_as(ed, "read", "write"), claim, "published")
    assert no_publish.status_code == 403 and no_publish.json()["code"] == "scope_required"
    # Alice has the scope but not the role.
    reviewer = transition(api_as(alice, "read", "write", "publish"), claim, "published")
    assert reviewer.status_code == 403 and reviewer.json()["code"] == "editor_required"
    response = transition(api_as(ed, "read", "write", "publish"), claim, "published")
    assert response.status_code == 200, response.json()
    claim.refresh_from_db()
    verdict = Verdict.objects.get(claim=claim)
    assert claim.status == "published" and verdict.status == "published" and verdict.approver == ed
    events = list(WebhookDelivery.objects.filter(object_id=claim.pk).order_by("id").values_list("event", flat=True))
    assert events == ["verdict.submitted", "verdict.published"]
    shown = api_as(ed, "read").get(f"/api/v1/claims/{claim.pk}/verdict/").json()
    assert shown["status"] == "published" and shown["approver"] == "ed"


def test_it_needs_the_publish_scope_to_reopen_a_published_claim(erin, ed, api_as):
    claim = claim_in("published")
    VerdictFactory(claim=claim, author=erin, approver=ed, status="published")
    response = transition(api_as(ed, "read", "write"), claim, "in_progress", comment="Correction")
    assert response.status_code == 403 and response.json()["code"] == "scope_required"
    response = transition(api_as(ed, "read", "write", "publish"), claim, "in_progress", comment="Correction")
    assert response.status_code == 200, response.json()
    assert Claim.objects.get(pk=claim.pk).status == "in_progress"
    assert Verdict.objects.filter(claim=claim, status="draft", supersedes__isnull=False).exists()


def test_it_refuses_to_publish_invalid_claimreview_markup_with_the_reason(erin, ed, api_as, settings):
    settings.FACTCHECK_PUBLISHER_NAME = ""
    claim = claim_in("in_review", assignee=erin)
    VerdictFactory(claim=claim, author=erin, status="submitted")
    response = transition(api_as(ed, "read", "write", "publish"), claim, "published")
    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "invalid_claimreview"
    assert any("FACTCHECK_PUBLISHER_NAME" in problem for problem in body["details"]["problems"])
    claim.refresh_from_db()
    assert claim.status == "in_review" and Verdict.objects.get(claim=claim).status == "submitted"


@pytest.mark.parametrize("source", ["javascript:alert(document.cookie)", "JavaScript:alert(1)",
                                    "data:text/html,<script>alert(1)</script>", "vbscript:x", "not a url"])
def test_it_refuses_verdict_sources_that_are_not_web_addresses(alice, api_as, source):
    claim = claim_in("in_progress", assignee=alice)
    response = write_verdict(api_as(alice, "read", "write"), claim, sources=["https://gov.example/kz", source])
    assert response.status_code == 400, response.json()
    assert "sources" in response.json()["details"]
    assert not Verdict.objects.filter(claim=claim).exists()
