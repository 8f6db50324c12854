"""Evidence services: runs, idempotent storage, retries, failures, stances, URLs, the sweeper."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from claims.models import (
    AuditEvent,
    Claim,
    ClaimStatus,
    Evidence,
    EvidenceRun,
    PriorFactCheck,
    Webhook,
    WebhookDelivery,
)
from claims.services.errors import InvalidInput, InvalidTransition, NotAllowed
from claims.services.evidence import (
    claim_gather_evidence,
    evidence_add_url,
    evidence_run_execute,
    evidence_run_retry,
    evidence_set_stance,
    evidence_sweep,
)
from claims.services.library import library_document_add
from tests.evidence.apis import factcheck_tools_api, failing, mediawiki_api
from tests.factories import ClaimFactory, PriorFactCheckFactory
from tests.loopback import html, loopback_server

pytestmark = pytest.mark.django_db


@pytest.fixture
def sources(db):
    """A prior fact-check of the same claim, one of a different figure, and a library document."""
    PriorFactCheckFactory(url="https://checker.example.org/kaz-40")
    PriorFactCheckFactory(url="https://checker.example.org/kaz-400",
                          claim_reviewed="Le Kazakhstan a envoyé 400 tonnes d'aide humanitaire à l'Ukraine")
    library_document_add(
        title="Communiqué du ministère kazakh", language="fr",
        text="Le ministère annonce l'envoi de 40 tonnes d'aide humanitaire à l'Ukraine par le Kazakhstan.\n\n"
             "Le convoi comprend des médicaments, de la nourriture et trois ambulances.",
    )


def run_all(claim, providers):
    runs = claim_gather_evidence(claim_id=claim.pk, providers=providers)
    return {run.provider: evidence_run_execute(run_id=run.pk) for run in runs}


def test_it_creates_one_queued_run_per_provider(kazakh_claim):
    runs = claim_gather_evidence(claim_id=kazakh_claim.pk, providers=["prior_factchecks", "library"])

    assert [(r.provider, r.status, r.attempts) for r in runs] == [
        ("library", "queued", 0), ("prior_factchecks", "queued", 0)
    ]


def test_it_refuses_unknown_providers(kazakh_claim):
    with pytest.raises(InvalidInput, match="Unknown evidence providers: nope"):
        claim_gather_evidence(claim_id=kazakh_claim.pk, providers=["library", "nope"])
    assert not EvidenceRun.objects.exists()


def test_it_stores_local_evidence_and_flags_a_strong_match(sources, kazakh_claim):
    outcomes = run_all(kazakh_claim, ["prior_factchecks", "library"])

    assert {name: o.result for name, o in outcomes.items()} == {"prior_factchecks": "done", "library": "done"}
    priors = {e.url: e for e in Evidence.objects.filter(claim=kazakh_claim, provider="prior_factchecks")}
    assert priors["https://checker.example.org/kaz-40"].match_tier == "strong"
    assert priors["https://checker.example.org/kaz-40"].prior_factcheck.url == "https://checker.example.org/kaz-40"
    assert priors["https://checker.example.org/kaz-400"].match_tier == "possible"
    [passage] = Evidence.objects.filter(claim=kazakh_claim, provider="library")
    assert "40 tonnes d'aide humanitaire" in passage.excerpt
    kazakh_claim.refresh_from_db()
    assert kazakh_claim.evidence_count == 3 and kazakh_claim.has_strong_match is True
    run = EvidenceRun.objects.get(claim=kazakh_claim, provider="prior_factchecks")
    assert (run.status, run.attempts, run.found_count, run.error) == ("done", 1, 2, "")
    assert run.duration_ms is not None and run.finished_at is not None


def test_it_never_duplicates_evidence_when_a_run_executes_again(sources, kazakh_claim):
    run_all(kazakh_claim, ["prior_factchecks", "library"])
    first = sorted(Evidence.objects.values_list("provider", "url"))

    # A second delivery of the same message does nothing; a re-run stores nothing new.
    run = EvidenceRun.objects.get(claim=kazakh_claim, provider="library")
    assert evidence_run_execute(run_id=run.pk).result == "skipped"
    run_all(kazakh_claim, ["prior_factchecks", "library"])

    assert sorted(Evidence.objects.values_list("provider", "url")) == first
    kazakh_claim.refresh_from_db()
    assert kazakh_claim.evidence_count == len(first)


def test_it_announces_new_evidence_to_webhooks_once(sources, kazakh_claim):
    Webhook.objects.create(name="cms", url="https://cms.example.org/hook", events=["evidence.attached"])
    run_all(kazakh_claim, ["prior_factchecks"])
    run_all(kazakh_claim, ["prior_factchecks"])

    [delivery] = WebhookDelivery.objects.all()
    data = delivery.payload["data"]
    assert (data["claim_id"], data["provider"], data["new"], data["has_strong_match"]) == (
        kazakh_claim.pk, "prior_factchecks", 2, True
    )


def test_it_keeps_storage_queries_constant_whatever_is_found(network, kazakh_claim, django_assert_max_num_queries):
    answer = {"claims": [
        {"text": f"Le Kazakhstan a envoyé {n} tonnes d'aide à l'Ukraine",
         "claimReview": [{"publisher": {"name": "P"}, "url": f"https://fc.example.org/{n}", "textualRating": "Faux"}]}
        for n in range(1, 31)
    ]}
    with loopback_server({"/search": factcheck_tools_api(answer)}) as server:
        network.FACTCHECK_TOOLS_ENDPOINT = server.url("/search")
        [run] = claim_gather_evidence(claim_id=kazakh_claim.pk, providers=["factcheck_tools"])
        with django_assert_max_num_queries(16):
            outcome = evidence_run_execute(run_id=run.pk)
    assert outcome.found == 30 and outcome.created == 30
    assert PriorFactCheck.objects.filter(source="factcheck_tools").count() == 30
    assert Evidence.objects.filter(prior_factcheck__isnull=False).count() == 30


def test_it_retries_rate_limited_providers_with_backoff_then_fails_with_the_reason(network, kazakh_claim):
    network.FACTCHECK_EVIDENCE_MAX_ATTEMPTS = 2
    with loopback_server({"/w/api.php": failing(429, retry_after="3")}) as server:
        network.FACTCHECK_MEDIAWIKI_ENDPOINTS = {"fr": server.url("/w/api.php")}
        [run] = claim_gather_evidence(claim_id=kazakh_claim.pk, providers=["mediawiki"])
        first = evidence_run_execute(run_id=run.pk)
        run.refresh_from_db()
        assert (first.result, run.status, run.attempts) == ("retry", "queued", 1)
        assert first.retry_in >= 3.0  # Retry-After is a floor for the backoff
        assert "429" in run.error and "retrying" in run.error
        second = evidence_run_execute(run_id=run.pk)

    run.refresh_from_db()
    assert (second.result, run.status, run.attempts) == ("failed", "failed", 2)
    assert run.error == "Wikipedia: The server answered 429. (after 2 attempts)"
    assert len(server.requests) == 2


def test_it_fails_one_provider_without_blocking_the_others(network, sources, kazakh_claim):
    network.FACTCHECK_EVIDENCE_MAX_ATTEMPTS = 1
    with loopback_server({"/w/api.php": failing(500)}) as server:
        network.FACTCHECK_MEDIAWIKI_ENDPOINTS = {"fr": server.url("/w/api.php")}
        outcomes = run_all(kazakh_claim, ["mediawiki", "prior_factchecks", "library"])

    assert {n: o.result for n, o in outcomes.items()} == {
        "mediawiki": "failed", "prior_factchecks": "done", "library": "done"
    }
    assert EvidenceRun.objects.get(provider="mediawiki").error.startswith("Wikipedia: The server answered 500")
    kazakh_claim.refresh_from_db()
    assert kazakh_claim.status == ClaimStatus.NEW and kazakh_claim.evidence_count == 3


def test_it_fails_network_runs_with_a_clear_reason_when_the_network_is_off(settings, kazakh_claim):
    settings.FACTCHECK_NETWORK_PROVIDERS = False
    [run] = claim_gather_evidence(claim_id=kazakh_claim.pk, providers=["mediawiki"])

    assert evidence_run_execute(run_id=run.pk).result == "failed"
    run.refresh_from_db()
    assert run.error == "Wikipedia is off: network providers are disabled (FACTCHECK_NETWORK_PROVIDERS=0)."


def test_it_stores_wikipedia_evidence(network, kazakh_claim):
    holder = {}
    with loopback_server({"/w/api.php": mediawiki_api(lambda: holder["base"])}) as server:
        holder["base"] = server.base_url
        network.FACTCHECK_MEDIAWIKI_ENDPOINTS = {"fr": server.url("/w/api.php")}
        run_all(kazakh_claim, ["mediawiki"])
    assert Evidence.objects.filter(provider="mediawiki").count() == 2


def test_it_snapshots_a_url_a_reviewer_adds(network, alice, kazakh_claim):
    page = "<html><head><title>Dépêche</title></head><body><p>Le Kazakhstan a envoyé 40 tonnes.</p></body></html>"
    with loopback_server({"/a": html(page)}) as server:
        run = evidence_add_url(claim=kazakh_claim, url=server.url("/a"), actor=alice)
        assert run.options == {"url": server.url("/a")} and run.status == "queued"
        assert evidence_run_execute(run_id=run.pk).result == "done"

    evidence = Evidence.objects.get(provider="url_snapshot")
    assert evidence.title == "Dépêche" and evidence.url == server.url("/a") and evidence.content_hash
    assert AuditEvent.objects.filter(action="evidence.url_added", claim=kazakh_claim).count() == 1


@pytest.mark.parametrize(
    "url", ["", "ftp://example.org/x", "javascript:alert(1)", "http://", "https://example.org/" + "x" * 3000],
    ids=["empty", "ftp", "javascript", "no-host", "too-long"],
)
def test_it_refuses_bad_urls(alice, kazakh_claim, url):
    with pytest.raises(InvalidInput):
        evidence_add_url(claim=kazakh_claim, url=url, actor=alice)
    assert not EvidenceRun.objects.exists()


def test_it_records_a_stance_with_its_author_and_an_audit_event(sources, alice, kazakh_claim):
    run_all(kazakh_claim, ["library"])
    evidence = Evidence.objects.get(provider="library")

    evidence_set_stance(evidence=evidence, stance="supports", actor=alice, note="Chiffre officiel")

    evidence.refresh_from_db()
    assert (evidence.stance, evidence.stance_by, evidence.note) == ("supports", alice, "Chiffre officiel")
    event = AuditEvent.objects.get(action="evidence.stance")
    assert event.before["stance"] == "unassessed" and event.after["stance"] == "supports"
    assert Claim.objects.get(pk=kazakh_claim.pk).touched is True


def test_it_refuses_stances_from_outsiders_and_unknown_stances(sources, alice, charlie, kazakh_claim):
    run_all(kazakh_claim, ["library"])
    evidence = Evidence.objects.get(provider="library")
    with pytest.raises(NotAllowed):
        evidence_set_stance(evidence=evidence, stance="refutes", actor=charlie)
    with pytest.raises(InvalidInput):
        evidence_set_stance(evidence=evidence, stance="maybe", actor=alice)
    evidence.refresh_from_db()
    assert evidence.stance == "unassessed"


def test_it_reruns_a_failed_provider_on_request(network, alice, kazakh_claim):
    network.FACTCHECK_TOOLS_API_KEY = ""
    [run] = claim_gather_evidence(claim_id=kazakh_claim.pk, providers=["factcheck_tools"])
    assert evidence_run_execute(run_id=run.pk).result == "failed"

    run = evidence_run_retry(claim=kazakh_claim, provider="factcheck_tools", actor=alice)

    assert (run.status, run.attempts, run.error) == ("queued", 0, "")
    assert AuditEvent.objects.filter(action="evidence.run_retry").count() == 1


def test_it_does_not_rerun_a_provider_that_is_running(alice, kazakh_claim):
    EvidenceRun.objects.create(claim=kazakh_claim, provider="library", status="running", started_at=timezone.now())
    with pytest.raises(InvalidTransition):
        evidence_run_retry(claim=kazakh_claim, provider="library", actor=alice)


def test_it_sweeps_lost_and_forgotten_runs_and_refreshes_old_ones(settings, kazakh_claim):
    now = timezone.now()
    other = ClaimFactory(status=ClaimStatus.IN_PROGRESS)
    lost = EvidenceRun.objects.create(claim=kazakh_claim, provider="library", status="running",
                                      started_at=now - timedelta(seconds=settings.FACTCHECK_EVIDENCE_STALE_SECONDS + 5))
    busy = EvidenceRun.objects.create(claim=kazakh_claim, provider="mediawiki", status="running", started_at=now)
    forgotten = EvidenceRun.objects.create(claim=kazakh_claim, provider="prior_factchecks")
    EvidenceRun.objects.filter(pk=forgotten.pk).update(queued_at=now - timedelta(hours=2))
    old = EvidenceRun.objects.create(claim=other, provider="library", status="done",
                                     finished_at=now - timedelta(days=30))
    fresh = EvidenceRun.objects.create(claim=other, provider="mediawiki", status="done", finished_at=now)

    counts = evidence_sweep()

    assert counts == {"lost": 1, "forgotten": 1, "refreshed": 1, "candidates": 0}
    states = dict(EvidenceRun.objects.values_list("pk", "status"))
    assert states[lost.pk] == "queued" and states[old.pk] == "queued"
    assert states[busy.pk] == "running" and states[fresh.pk] == "done"
    # The lost run is taken again by the next delivery.
    assert evidence_run_execute(run_id=lost.pk).result == "done"


def test_it_takes_over_a_run_whose_worker_died(settings, sources, kazakh_claim):
    run = EvidenceRun.objects.create(claim=kazakh_claim, provider="library", status="running", attempts=1,
                                     started_at=timezone.now())
    busy = evidence_run_execute(run_id=run.pk)
    assert busy.result == "busy" and busy.retry_in > 1

    EvidenceRun.objects.filter(pk=run.pk).update(
        started_at=timezone.now() - timedelta(seconds=settings.FACTCHECK_EVIDENCE_STALE_SECONDS + 1))
    assert evidence_run_execute(run_id=run.pk).result == "done"
    run.refresh_from_db()
    assert (run.status, run.attempts) == ("done", 2)


@pytest.mark.parametrize(("content_type", "body"), [
    ("application/json", b"{not json at all"),
    ("application/json", b'{"query": {"search": "should be a list"}}'),
    ("application/json", b'["a", "list", "instead"]'),
    ("text/html", b"<html>an error page instead of JSON</html>"),
])
def test_it_fails_a_provider_that_answers_garbage_without_blocking_the_others(network, sources, kazakh_claim,
                                                                              content_type, body):
    network.FACTCHECK_EVIDENCE_MAX_ATTEMPTS = 1
    routes = {"/w/api.php": lambda request: (200, {"Content-Type": content_type}, body)}
    with loopback_server(routes) as server:
        network.FACTCHECK_MEDIAWIKI_ENDPOINTS = {"fr": server.url("/w/api.php")}
        outcomes = run_all(kazakh_claim, ["mediawiki", "prior_factchecks", "library"])

    assert {n: o.result for n, o in outcomes.items()} == {
        "mediawiki": "failed", "prior_factchecks": "done", "library": "done"
    }
    run = EvidenceRun.objects.get(provider="mediawiki")
    assert run.error.startswith("Wikipedia")
    assert not Evidence.objects.filter(provider="mediawiki").exists()
