"""claims/{id}/evidence/ and claims/{id}/runs/."""

from __future__ import annotations

import pytest

from claims.models import AuditEvent, Evidence, EvidenceRun

pytestmark = pytest.mark.django_db


def test_it_lists_the_evidence_of_a_claim_by_relevance(alice, claim, api_as):
    low = Evidence.objects.create(claim=claim, provider="library", url="doc:1", relevance=0.2)
    high = Evidence.objects.create(claim=claim, provider="mediawiki", url="https://fr.wikipedia.org/x", relevance=0.9)
    rows = api_as(alice, "read").get(f"/api/v1/claims/{claim.pk}/evidence/").json()
    assert [row["id"] for row in rows] == [high.pk, low.pk]


def test_it_queues_a_url_snapshot_and_answers_202(alice, claim, api_as):
    response = api_as(alice, "read", "write").post(f"/api/v1/claims/{claim.pk}/evidence/",
                                                   {"url": "https://stats.example.org/report"}, format="json")
    assert response.status_code == 202, response.json()
    assert response.json()["status_url"].endswith(f"/api/v1/claims/{claim.pk}/runs/")
    run = EvidenceRun.objects.get(claim=claim, provider="url_snapshot")
    assert run.options == {"url": "https://stats.example.org/report"}


def test_it_refuses_a_url_that_is_not_http(alice, claim, api_as):
    response = api_as(alice, "read", "write").post(f"/api/v1/claims/{claim.pk}/evidence/",
                                                   {"url": "javascript:alert(1)"}, format="json")
    assert response.status_code == 400
    assert not EvidenceRun.objects.exists()


def test_it_sets_the_stance_of_a_piece_of_evidence(alice, claim, api_as):
    evidence = Evidence.objects.create(claim=claim, provider="library", url="doc:1")
    response = api_as(alice, "read", "write").patch(f"/api/v1/claims/{claim.pk}/evidence/{evidence.pk}/",
                                                    {"stance": "refutes", "note": "Le rapport dit 4 tonnes"},
                                                    format="json")
    assert response.status_code == 200, response.json()
    evidence.refresh_from_db()
    assert (evidence.stance, evidence.note, evidence.stance_by) == ("refutes", "Le rapport dit 4 tonnes", alice)
    assert AuditEvent.objects.filter(action="evidence.stance", claim=claim, channel="api").exists()


def test_it_refuses_an_unknown_stance_and_evidence_of_another_claim(alice, claim, api_as):
    from tests.factories import ClaimFactory

    evidence = Evidence.objects.create(claim=ClaimFactory(), provider="library", url="doc:1")
    api = api_as(alice, "read", "write")
    assert api.patch(f"/api/v1/claims/{claim.pk}/evidence/{evidence.pk}/", {"stance": "refutes"},
                     format="json").status_code == 404
    assert api.patch(f"/api/v1/claims/{evidence.claim_id}/evidence/{evidence.pk}/", {"stance": "meh"},
                     format="json").status_code == 400
    evidence.refresh_from_db()
    assert evidence.stance == "unassessed"


def test_it_lists_runs_and_retries_a_failed_provider(alice, claim, api_as):
    run = EvidenceRun.objects.create(claim=claim, provider="library", status="failed", attempts=3, error="boom")
    api = api_as(alice, "read", "write")
    rows = api.get(f"/api/v1/claims/{claim.pk}/runs/").json()
    assert rows[0]["provider"] == "library" and rows[0]["status"] == "failed" and rows[0]["error"] == "boom"
    response = api.post(f"/api/v1/claims/{claim.pk}/runs/library/retry")
    assert response.status_code == 202, response.json()
    run.refresh_from_db()
    assert run.status in ("queued", "running", "done")  # queued; done when tasks run in-process
    assert AuditEvent.objects.filter(action="evidence.run_retry", claim=claim, channel="api").exists()


def test_it_refuses_to_retry_an_unknown_provider(alice, claim, api_as):
    response = api_as(alice, "read", "write").post(f"/api/v1/claims/{claim.pk}/runs/nosuchthing/retry/")
    assert response.status_code == 400
    assert not EvidenceRun.objects.exists()
