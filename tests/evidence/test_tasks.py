"""The evidence tasks, run in-process: they call the services and are safe to run twice."""

from __future__ import annotations

import pytest

from claims.evidence import base, enabled_providers
from claims.models import Evidence, EvidenceRun
from claims.services.evidence import claim_gather_evidence as gather_service
from claims.services.evidence import evidence_run_execute
from claims.services.library import library_document_add
from claims.tasks import claim_gather_evidence, evidence_run, sweep_evidence_runs

pytestmark = pytest.mark.django_db


def test_the_tasks_gather_and_run_each_provider_once_even_when_delivered_twice(eager_tasks, kazakh_claim):
    library_document_add(title="Communiqué", language="fr",
                         text="Le Kazakhstan a envoyé 40 tonnes d'aide humanitaire à l'Ukraine.")

    assert claim_gather_evidence.apply(args=(kazakh_claim.pk, ["library"])).get() == 1
    run = EvidenceRun.objects.get(claim=kazakh_claim, provider="library")
    assert evidence_run.apply(args=(run.pk,)).get() == "done"
    assert evidence_run.apply(args=(run.pk,)).get() == "skipped"

    assert Evidence.objects.filter(claim=kazakh_claim).count() == 1
    assert evidence_run.apply(args=(999_999,)).get() == "gone"


def test_the_sweep_task_reports_what_it_requeued(eager_tasks, db):
    assert sweep_evidence_runs.apply().get() == {"lost": 0, "forgotten": 0, "refreshed": 0, "candidates": 0}


def test_it_spaces_calls_to_one_provider_by_its_rate(monkeypatch):
    slept: list[float] = []
    monkeypatch.setattr(base.time, "sleep", slept.append)
    monkeypatch.setattr(base, "_last_call", {})

    for _ in range(3):
        base.throttle("wiki-test", 2.0)
    base.throttle("other-provider", 2.0)
    base.throttle("unlimited", 0)

    assert len(slept) == 2
    assert 0.4 < slept[0] <= 0.5 and 0.9 < slept[1] <= 1.0


class FixedProvider(base.Provider):
    """A site-specific provider plugged in through FACTCHECK_EXTRA_PROVIDERS."""

    name = "fixed"

    def search(self, claim, *, options=None):
        return [base.Candidate(url="https://intranet.example/fiche/1", title="Fiche", relevance=0.5)]


def test_it_runs_providers_plugged_in_by_settings(settings, kazakh_claim):

    settings.FACTCHECK_EXTRA_PROVIDERS = {"fixed": "tests.evidence.test_tasks.FixedProvider"}
    settings.FACTCHECK_EVIDENCE_PROVIDERS = ["library", "fixed"]
    assert enabled_providers() == ["library", "fixed"]

    [run] = [r for r in gather_service(claim_id=kazakh_claim.pk) if r.provider == "fixed"]
    assert evidence_run_execute(run_id=run.pk).result == "done"
    assert Evidence.objects.get(provider="fixed").title == "Fiche"
