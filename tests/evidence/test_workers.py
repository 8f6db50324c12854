"""Real Celery worker processes on Redis and PostgreSQL: fan-out, crash recovery, failing providers."""

from __future__ import annotations

import os
import signal
import subprocess
import threading

import pytest

from claims.models import Claim, Evidence, EvidenceRun
from claims.services.evidence import claim_gather_evidence
from claims.services.library import library_document_add
from tests.evidence.apis import factcheck_tools_api, failing, mediawiki_api, slow
from tests.factories import ClaimFactory, PriorFactCheckFactory
from tests.loopback import loopback_server
from tests.workers import celery_worker, purge, wait_for

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

PROVIDERS = ["prior_factchecks", "library", "mediawiki", "factcheck_tools"]


def make_claim() -> Claim:
    PriorFactCheckFactory(url="https://checker.example.org/kaz-40")
    library_document_add(title="Communiqué", language="fr",
                         text="Le Kazakhstan a envoyé 40 tonnes d'aide humanitaire à l'Ukraine, dit le ministère.")
    return ClaimFactory(
        text="Le Kazakhstan a envoyé 40 tonnes d'aide humanitaire à l'Ukraine.",
        entities=[{"text": "Kazakhstan"}, {"text": "Ukraine"}],
        quantities=[{"text": "40 tonnes", "value": 40, "unit": "tonnes"}],
    )


def worker_settings(wiki_url: str, tools_url: str) -> dict[str, str]:
    return {
        "FACTCHECK_NETWORK_PROVIDERS": "1",
        "FACTCHECK_FETCH_ALLOWLIST": "127.0.0.1",
        "FACTCHECK_MEDIAWIKI_FR": wiki_url,
        "FACTCHECK_TOOLS_ENDPOINT": tools_url,
        "FACTCHECK_TOOLS_API_KEY": "test-key",
        "FACTCHECK_EVIDENCE_STALE_SECONDS": "3",
        "FACTCHECK_EVIDENCE_BACKOFF_SECONDS": "0.2",
        "FACTCHECK_EVIDENCE_MAX_ATTEMPTS": "2",
    }


def finished(claim: Claim, count: int) -> bool:
    return EvidenceRun.objects.filter(claim=claim, status__in=["done", "failed"]).count() == count


def evidence_by_provider(claim: Claim) -> dict[str, int]:
    counts: dict[str, int] = {}
    for provider in Evidence.objects.filter(claim=claim).values_list("provider", flat=True):
        counts[provider] = counts.get(provider, 0) + 1
    return counts


def test_it_gathers_evidence_from_several_providers(postgres, broker_url):
    purge(["evidence"])
    claim = make_claim()
    holder: dict[str, str] = {}
    routes = {"/w/api.php": mediawiki_api(lambda: holder["base"]), "/claims:search": factcheck_tools_api()}
    with loopback_server(routes) as server:
        holder["base"] = server.base_url
        env = worker_settings(server.url("/w/api.php"), server.url("/claims:search"))
        with celery_worker(["evidence"], name="evidence-fanout", extra_env=env):
            claim_gather_evidence(claim_id=claim.pk, providers=PROVIDERS)
            wait_for(lambda: finished(claim, 4), timeout=60, what="four finished runs")

    runs = dict(EvidenceRun.objects.filter(claim=claim).values_list("provider", "status"))
    assert runs == dict.fromkeys(PROVIDERS, "done")
    counts = evidence_by_provider(claim)
    assert (counts["library"], counts["mediawiki"], counts["factcheck_tools"]) == (1, 2, 2)
    # Fact Check Tools answers become prior fact-checks too, so prior_factchecks may also find
    # them when it runs second: the imported one is always there.
    priors = set(Evidence.objects.filter(claim=claim, provider="prior_factchecks").values_list("url", flat=True))
    assert "https://checker.example.org/kaz-40" in priors
    claim.refresh_from_db()
    assert claim.evidence_count == sum(counts.values()) and claim.has_strong_match is True


def test_it_recovers_from_a_worker_killed_mid_task_without_duplicating_evidence(postgres, broker_url):
    purge(["evidence"])
    claim = make_claim()
    holder: dict[str, str] = {}
    in_flight = threading.Event()
    routes = {"/w/api.php": slow(mediawiki_api(lambda: holder["base"]), 8, started=in_flight)}
    with loopback_server(routes) as server:
        holder["base"] = server.base_url
        env = worker_settings(server.url("/w/api.php"), server.url("/none"))
        with celery_worker(["evidence"], name="evidence-kill", extra_env=env) as worker:
            claim_gather_evidence(claim_id=claim.pk, providers=["mediawiki"])
            assert in_flight.wait(30), "the provider was never called"
            run = EvidenceRun.objects.get(claim=claim)
            assert run.status == "running"
            # Kill the pool process executing the task; the worker's main process survives and,
            # with acks_late + reject_on_worker_lost, the message is delivered again.
            children = subprocess.run(["pgrep", "-P", str(worker.pid)], capture_output=True, text=True).stdout.split()
            assert children, "no pool process found"
            for pid in children:
                os.kill(int(pid), signal.SIGKILL)
            wait_for(lambda: finished(claim, 1), timeout=60, what="the run to finish after the crash")

    run.refresh_from_db()
    assert (run.status, run.attempts, run.error) == ("done", 2, "")
    assert evidence_by_provider(claim) == {"mediawiki": 2}
    searches = [r for r in server.requests if r["query"].get("list") == "search"]
    assert len(searches) == 2  # one cut short by the crash, one after redelivery
    claim.refresh_from_db()
    assert claim.evidence_count == 2


def test_it_fails_a_provider_that_always_fails_while_the_others_succeed(postgres, broker_url):
    purge(["evidence"])
    claim = make_claim()
    routes = {"/w/api.php": failing(500), "/claims:search": factcheck_tools_api()}
    with loopback_server(routes) as server:
        env = worker_settings(server.url("/w/api.php"), server.url("/claims:search"))
        with celery_worker(["evidence"], name="evidence-failing", extra_env=env):
            claim_gather_evidence(claim_id=claim.pk, providers=PROVIDERS)
            wait_for(lambda: finished(claim, 4), timeout=60, what="four finished runs")

    runs = {run.provider: run for run in EvidenceRun.objects.filter(claim=claim)}
    assert {name: run.status for name, run in runs.items()} == {
        "prior_factchecks": "done", "library": "done", "mediawiki": "failed", "factcheck_tools": "done"
    }
    assert runs["mediawiki"].attempts == 2
    assert runs["mediawiki"].error == "Wikipedia: The server answered 500. (after 2 attempts)"
    assert len([r for r in server.requests if r["path"] == "/w/api.php"]) == 2
    assert "mediawiki" not in evidence_by_provider(claim)
