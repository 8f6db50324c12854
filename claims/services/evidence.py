"""Evidence gathering: one EvidenceRun per (claim, provider), run by workers on the `evidence` queue.

Reliability by construction:
- a worker takes a run with a conditional UPDATE (queued -> running, or a running run whose worker
  was lost long enough ago), so two deliveries of the same message never run it twice at once;
- evidence is inserted with bulk_create(ignore_conflicts=True) against the unique
  (claim, provider, url) constraint, so a retried or redelivered run never duplicates rows;
- a provider failure is domain state (run failed + reason), never an exception that blocks other
  providers or the claim's workflow; 429/5xx/timeouts are retried with exponential backoff + jitter
  up to FACTCHECK_EVIDENCE_MAX_ATTEMPTS.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from claims.evidence import Candidate, ProviderError, all_providers, enabled_providers, get_provider
from claims.evidence.registry import ON_REQUEST_ONLY
from claims.models import (
    Article,
    Channel,
    Claim,
    ClaimStatus,
    Evidence,
    EvidenceRun,
    ExtractionStatus,
    RunStatus,
    Stance,
)
from claims.search import STRONG
from claims.services import rules
from claims.services.alerts import FoundMatch, alerts_raise
from claims.services.audit import audit_record
from claims.services.bulk_insert import bulk_insert
from claims.services.errors import DomainError, InvalidInput, InvalidTransition
from claims.services.priors import priors_upsert
from claims.services.queue import enqueue, enqueue_each
from claims.services.roles import require_reviewer
from claims.services.webhooks import webhook_emit
from claims.services.workflow import claims_bump
from claims.task_names import EVIDENCE_CANDIDATES, EVIDENCE_RUN

RUN_TASK = EVIDENCE_RUN
CANDIDATES_TASK = EVIDENCE_CANDIDATES
MAX_BACKOFF_SECONDS = 600.0
SWEEP_BATCH = 500


@dataclass(frozen=True)
class RunOutcome:
    """What happened to one delivery of a run; the task schedules `retry_in` when it is set."""

    result: str  # done / failed / retry / busy / skipped / gone
    retry_in: float | None = None
    found: int = 0
    created: int = 0


def _stale_before() -> Any:
    return timezone.now() - timedelta(seconds=settings.FACTCHECK_EVIDENCE_STALE_SECONDS)


def _check_providers(providers: Iterable[str] | None) -> list[str]:
    if providers is None:
        return enabled_providers()
    names = list(dict.fromkeys(providers))
    unknown = sorted(set(names) - set(all_providers()))
    if unknown:
        raise InvalidInput(f"Unknown evidence providers: {', '.join(unknown)}.", code="unknown_provider")
    return names


def _reset_fields(now: Any) -> dict[str, Any]:
    return {"status": RunStatus.QUEUED, "attempts": 0, "error": "", "queued_at": now, "started_at": None,
            "finished_at": None, "duration_ms": None}


def claim_gather_evidence(*, claim_id: int, providers: Iterable[str] | None = None) -> list[EvidenceRun]:
    """Gather evidence for one claim (see evidence_gather); returns the claim's runs for those providers."""
    names = _check_providers(providers)
    evidence_gather(claim_ids=[claim_id], providers=names)
    return list(EvidenceRun.objects.filter(claim_id=claim_id, provider__in=names).order_by("provider"))


def evidence_gather(*, claim_ids: Iterable[int], providers: Iterable[str] | None = None) -> list[int]:
    """Create or reset one run per (claim, provider) and queue a task for each after commit.

    Returns the ids of the runs queued. A run that is running right now (and not stale) or was
    queued moments ago is left alone, so asking twice does not run a provider twice. The runs are
    rows before they are messages: if the broker is down, the sweeper sends the queued runs later.
    Queries do not grow with the number of claims.
    """
    names = _check_providers(providers)
    if not names:
        return []
    now = timezone.now()
    stale_before = _stale_before()
    recently_queued = now - timedelta(seconds=settings.FACTCHECK_EVIDENCE_QUEUED_SECONDS)
    with transaction.atomic(savepoint=False):  # inside a caller's transaction: no savepoint round trips
        # Every path that creates runs locks the claim first: no two create the same (claim, provider).
        claims = list(
            Claim.objects.select_for_update().filter(pk__in=list(claim_ids)).order_by("pk").values_list("pk", flat=True)
        )
        if not claims:
            return []
        existing = EvidenceRun.objects.filter(claim_id__in=claims, provider__in=names).values_list(
            "pk", "claim_id", "provider", "status", "attempts", "queued_at", "started_at"
        )
        have: set[tuple[int, str]] = set()
        reset_ids: list[int] = []
        for pk, claim_id, provider, status, attempts, queued_at, started_at in existing:
            have.add((claim_id, provider))
            running = status == RunStatus.RUNNING and started_at and started_at > stale_before
            just_queued = status == RunStatus.QUEUED and attempts == 0 and queued_at > recently_queued
            if not (running or just_queued):
                reset_ids.append(pk)
        if reset_ids:
            EvidenceRun.objects.filter(pk__in=reset_ids).update(**_reset_fields(now))
        created = bulk_insert(
            EvidenceRun,
            [EvidenceRun(claim_id=pk, provider=name) for pk in claims for name in names if (pk, name) not in have],
            with_ids=True,
        )
        queued = sorted([run.pk for run in created] + reset_ids)
        enqueue_each(RUN_TASK, queued)
    return queued


def _backoff(attempt: int, retry_after: float | None) -> float:
    """Exponential backoff with jitter (half to all of the step); a server's Retry-After is a floor."""
    base = settings.FACTCHECK_EVIDENCE_BACKOFF_SECONDS * (2 ** max(0, attempt - 1))
    delay = random.uniform(base / 2, base)
    if retry_after is not None:
        delay = max(delay, retry_after)
    return round(min(delay, MAX_BACKOFF_SECONDS), 3)


def _take(run_id: int) -> int:
    now = timezone.now()
    return (
        EvidenceRun.objects.filter(pk=run_id)
        .filter(Q(status=RunStatus.QUEUED) | Q(status=RunStatus.RUNNING, started_at__lt=_stale_before()))
        .update(status=RunStatus.RUNNING, attempts=F("attempts") + 1, started_at=now, finished_at=None)
    )


def _finish(run: EvidenceRun, *, status: str, error: str, started: float, found: int = 0) -> None:
    EvidenceRun.objects.filter(pk=run.pk, status=RunStatus.RUNNING).update(
        status=status, error=error[:2000], finished_at=timezone.now(),
        duration_ms=int((time.monotonic() - started) * 1000), found_count=found,
    )


def evidence_run_execute(*, run_id: int) -> RunOutcome:
    """Take the run, ask its provider, store what it found. Safe to call any number of times."""
    if _take(run_id) != 1:
        run = EvidenceRun.objects.filter(pk=run_id).only("status", "started_at").first()
        if run is None:
            return RunOutcome("gone")
        if run.status == RunStatus.RUNNING and run.started_at is not None:
            # Another delivery holds it. If that worker died, the run goes stale: come back then.
            remaining = (run.started_at - _stale_before()).total_seconds()
            return RunOutcome("busy", retry_in=max(1.0, remaining + 1.0))
        return RunOutcome("skipped")
    run = EvidenceRun.objects.select_related("claim").get(pk=run_id)
    started = time.monotonic()
    try:
        provider = get_provider(run.provider)
        if provider.needs_network and not settings.FACTCHECK_NETWORK_PROVIDERS and run.provider not in ON_REQUEST_ONLY:
            # A run queued before the network was switched off, or re-run by hand: say why, do not try.
            raise ProviderError(f"{provider.label or run.provider} is off: network providers are disabled "
                                "(FACTCHECK_NETWORK_PROVIDERS=0).")
        candidates = provider.search(run.claim, options=run.options or {})
    except ProviderError as exc:
        if exc.retryable and run.attempts < settings.FACTCHECK_EVIDENCE_MAX_ATTEMPTS:
            delay = _backoff(run.attempts, exc.retry_after)
            EvidenceRun.objects.filter(pk=run.pk, status=RunStatus.RUNNING).update(
                status=RunStatus.QUEUED, queued_at=timezone.now(), duration_ms=int((time.monotonic() - started) * 1000),
                error=f"attempt {run.attempts} failed: {exc.message} (retrying in {delay:g} s)"[:2000],
            )
            return RunOutcome("retry", retry_in=delay)
        suffix = f" (after {run.attempts} attempts)" if exc.retryable else ""
        _finish(run, status=RunStatus.FAILED, error=f"{exc.message}{suffix}", started=started)
        return RunOutcome("failed")
    except Exception as exc:  # a provider bug or a soft time limit: record it, never crash the queue
        _finish(run, status=RunStatus.FAILED, error=f"{type(exc).__name__}: {exc}", started=started)
        return RunOutcome("failed")
    created = _store(run, candidates)
    _finish(run, status=RunStatus.DONE, error="", started=started, found=len(candidates))
    return RunOutcome("done", found=len(candidates), created=created)


def _evidence_row(run: EvidenceRun, candidate: Candidate, prior_ids: dict[str, int]) -> Evidence:
    prior_id = candidate.prior_factcheck_id or (prior_ids.get(candidate.prior["url"]) if candidate.prior else None)
    return Evidence(
        claim_id=run.claim_id, provider=run.provider, url=candidate.url[:2000], title=candidate.title[:500],
        publisher=candidate.publisher[:200], excerpt=candidate.excerpt, published_at=candidate.published_at,
        relevance=max(0.0, min(1.0, float(candidate.relevance))), match_tier=candidate.match_tier[:16],
        content_hash=candidate.content_hash[:64], prior_factcheck_id=prior_id,
    )


def _store(run: EvidenceRun, candidates: list[Candidate]) -> int:
    """Insert new evidence, refresh the claim's counters, announce it. Returns how many rows are new."""
    with transaction.atomic():
        # Lock the claim first: the counters below are then computed after any concurrent run's
        # insert has committed (each statement sees a fresh snapshot under READ COMMITTED).
        before = Claim.objects.select_for_update().filter(pk=run.claim_id).values_list("evidence_count", flat=True)
        previous = next(iter(before), None)
        if previous is None:
            return 0
        priors = [c.prior for c in candidates if c.prior]
        prior_ids = priors_upsert(rows=priors, source=run.provider) if priors else {}
        Evidence.objects.bulk_create([_evidence_row(run, c, prior_ids) for c in candidates], ignore_conflicts=True)
        if run.provider == "prior_factchecks":  # the claim's one matching pass: repeated claims become alerts
            alerts_raise(claim_id=run.claim_id, matches=[
                FoundMatch(kind=c.extra["kind"], id=c.extra["id"], score=c.relevance, tier=c.match_tier)
                for c in candidates if c.extra.get("id")
            ])
        claim_evidence = Evidence.objects.filter(claim_id=OuterRef("pk"))
        Claim.objects.filter(pk=run.claim_id).update(
            evidence_count=Coalesce(Subquery(
                claim_evidence.order_by().values("claim_id").annotate(n=Count("id")).values("n")[:1]
            ), 0),
            has_strong_match=Exists(claim_evidence.filter(match_tier=STRONG)),
        )
        claim = Claim.objects.only("evidence_count", "has_strong_match").get(pk=run.claim_id)
        created = max(0, claim.evidence_count - previous)
        if created:
            webhook_emit(event="evidence.attached", object_id=run.claim_id, payload={
                "claim_id": run.claim_id, "provider": run.provider, "run_id": run.pk, "found": len(candidates),
                "new": created, "evidence_count": claim.evidence_count,
                "has_strong_match": claim.has_strong_match,
            })
    return created



def _raise_if(refusal: DomainError | None) -> None:
    if refusal is not None:
        raise refusal


def evidence_add_url(*, claim: Claim, url: str, actor: Any, channel: str = Channel.UI) -> EvidenceRun:
    """A reviewer pastes a URL: a worker snapshots it (title, main text, hash, excerpt)."""
    _raise_if(rules.evidence_refusal(claim.status, actor=actor))
    url = (url or "").strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname or len(url) > 2000:
        raise InvalidInput("Give a full http(s) URL (at most 2000 characters).", code="invalid_url")
    now = timezone.now()
    with transaction.atomic():
        claim = Claim.objects.select_for_update().get(pk=claim.pk)
        _raise_if(rules.evidence_refusal(claim.status, actor=actor))
        run, _ = EvidenceRun.objects.get_or_create(claim=claim, provider="url_snapshot")
        if run.status == RunStatus.RUNNING and run.started_at and run.started_at > _stale_before():
            raise InvalidTransition("A URL is being fetched for this claim; try again in a moment.",
                                    code="run_in_progress")
        EvidenceRun.objects.filter(pk=run.pk).update(**_reset_fields(now), options={"url": url})
        Claim.objects.filter(pk=claim.pk).update(touched=True)
        audit_record(actor=actor, action="evidence.url_added", obj=run, claim_id=claim.pk,
                     after={"url": url}, channel=channel)
        enqueue(RUN_TASK, run.pk)
    run.refresh_from_db()
    return run


def evidence_set_stance(
    *, evidence: Evidence, stance: str, actor: Any, note: str = "", channel: str = Channel.UI
) -> Evidence:
    """A reviewer says whether a source supports or refutes the claim."""
    require_reviewer(actor, doing="work on evidence")
    if stance not in Stance.values:
        raise InvalidInput(f"Unknown stance {stance!r}: use one of {', '.join(Stance.values)}.", code="invalid_stance")
    with transaction.atomic():
        evidence = Evidence.objects.select_for_update().get(pk=evidence.pk)
        # A stance is evidence work on the claim's file: the same rule as gathering evidence.
        _raise_if(rules.evidence_refusal(Claim.objects.values_list("status", flat=True).get(pk=evidence.claim_id),
                                         actor=actor))
        before = {"stance": evidence.stance, "note": evidence.note}
        evidence.stance = stance
        evidence.note = note.strip()
        evidence.stance_by = actor if getattr(actor, "pk", None) else None
        evidence.stance_at = timezone.now()
        evidence.save(update_fields=["stance", "note", "stance_by", "stance_at"])
        # A stance is part of the claim's file: its version moves on, as in bulk (workflow.claims_bump).
        claims_bump([evidence.claim_id])
        audit_record(actor=actor, action="evidence.stance", obj=evidence, claim_id=evidence.claim_id,
                     before=before, after={"stance": stance, "note": evidence.note}, channel=channel)
    return evidence


def evidence_run_retry(*, claim: Claim, provider: str, actor: Any, channel: str = Channel.UI) -> EvidenceRun:
    """Run one provider again for a claim (the UI's "re-run" button)."""
    _raise_if(rules.evidence_refusal(claim.status, actor=actor))
    _check_providers([provider])
    now = timezone.now()
    with transaction.atomic():
        claim = Claim.objects.select_for_update().get(pk=claim.pk)
        _raise_if(rules.evidence_refusal(claim.status, actor=actor))
        run, _ = EvidenceRun.objects.get_or_create(claim=claim, provider=provider)
        if run.status == RunStatus.RUNNING and run.started_at and run.started_at > _stale_before():
            raise InvalidTransition(f"{provider} is running for this claim now.", code="run_in_progress")
        if provider == "url_snapshot" and not (run.options or {}).get("url"):
            raise InvalidInput("Add a URL first.", code="no_url")
        before = {"status": run.status, "error": run.error, "attempts": run.attempts}
        EvidenceRun.objects.filter(pk=run.pk).update(**_reset_fields(now))
        audit_record(actor=actor, action="evidence.run_retry", obj=run, claim_id=claim.pk,
                     before=before, after={"status": RunStatus.QUEUED}, channel=channel)
        enqueue(RUN_TASK, run.pk)
    run.refresh_from_db()
    return run


def evidence_sweep(*, now: Any = None) -> dict[str, int]:
    """Beat job: re-queue runs whose worker was lost, runs queued too long (lost message, broker
    outage) and, for claims still being worked on, runs older than FACTCHECK_EVIDENCE_REFRESH_SECONDS."""
    now = now or timezone.now()
    stale = now - timedelta(seconds=settings.FACTCHECK_EVIDENCE_STALE_SECONDS)
    waiting = now - timedelta(seconds=settings.FACTCHECK_EVIDENCE_QUEUED_SECONDS)
    old = now - timedelta(seconds=settings.FACTCHECK_EVIDENCE_REFRESH_SECONDS)
    lost = Q(status=RunStatus.RUNNING, started_at__lt=stale)
    forgotten = Q(status=RunStatus.QUEUED, queued_at__lt=waiting)
    outdated = Q(
        status__in=[RunStatus.DONE, RunStatus.FAILED], finished_at__lt=old,
        claim__status__in=[ClaimStatus.SELECTED, ClaimStatus.IN_PROGRESS],
    ) & ~Q(provider__in=ON_REQUEST_ONLY)
    if not settings.FACTCHECK_NETWORK_PROVIDERS:
        outdated &= ~Q(provider__in=[name for name, cls in all_providers().items() if cls.needs_network])
    counts = {}
    with transaction.atomic():
        for label, condition, changes in (
            ("lost", lost, {"status": RunStatus.QUEUED, "queued_at": now,
                            "error": "requeued: the worker running it was lost"}),
            ("forgotten", forgotten, {"queued_at": now}),
            ("refreshed", outdated, _reset_fields(now)),
        ):
            ids = list(EvidenceRun.objects.filter(condition).order_by("id").values_list("id", flat=True)[:SWEEP_BATCH])
            # The condition is repeated in the UPDATE so a run finished meanwhile is not re-queued.
            EvidenceRun.objects.filter(condition, pk__in=ids).update(**changes)
            enqueue_each(RUN_TASK, ids)
            counts[label] = len(ids)
        # Extracted articles whose candidates still wait to be matched (claims.services.candidates).
        articles = list(Article.objects.filter(candidates_matched=False, extraction_status=ExtractionStatus.DONE,
                                               extracted_at__lt=waiting).order_by("id")
                        .values_list("id", flat=True)[:SWEEP_BATCH])
        enqueue_each(CANDIDATES_TASK, articles)
        counts["candidates"] = len(articles)
    return counts
