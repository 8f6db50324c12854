"""Repeated-claim alerts: raised when a newly extracted claim matches a prior fact-check or one of
our published verdicts, and moved through their states here only (UI, API and admin call
`alert_transition`).

Alerts are raised by the `prior_factchecks` evidence run every new claim gets (the matching is
done there already, with claims.search.match_claim), in the transaction that stores its evidence:
the alert rows and their `alert.created` webhook rows commit together, and the unique constraint
per (claim, fact-check) keeps a retried or re-run evidence run from raising the same alert twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from claims.models import (
    Alert,
    AlertState,
    Channel,
    Claim,
    ClaimStatus,
    PriorFactCheck,
    SourceItem,
    Verdict,
)
from claims.search import POSSIBLE, STRONG
from claims.services.audit import audit_record
from claims.services.errors import InvalidInput, InvalidTransition
from claims.services.roles import require_reviewer
from claims.services.webhooks import webhook_emit_many

# The tiers kept: `strong` matches are the alerts; `possible` ones wait under a filter.
KEPT_TIERS = (STRONG, POSSIBLE)
# Where each state may go. `opened` is final: the claim is in the workflow from then on.
ALERT_TRANSITIONS: dict[str, frozenset[str]] = {
    AlertState.NEW: frozenset({AlertState.ACKNOWLEDGED, AlertState.DISMISSED, AlertState.OPENED}),
    AlertState.ACKNOWLEDGED: frozenset({AlertState.DISMISSED, AlertState.OPENED, AlertState.NEW}),
    AlertState.DISMISSED: frozenset({AlertState.NEW, AlertState.OPENED}),
    AlertState.OPENED: frozenset(),
}


@dataclass(frozen=True)
class FoundMatch:
    """One match of a claim, in the words of claims.search.Match."""

    kind: str  # prior_factcheck | verdict
    id: int
    score: float
    tier: str


def alerts_raise(*, claim_id: int, matches: Iterable[FoundMatch]) -> list[Alert]:
    """Create the alerts of a newly extracted claim (call inside the caller's transaction).

    Only claims the extractor made and no one has triaged yet raise alerts: a re-run months later
    on a claim in progress is evidence, not news. Returns the alerts created now.
    """
    kept = [m for m in matches if m.tier in KEPT_TIERS]
    if not kept:
        return []
    claim = (Claim.objects.filter(pk=claim_id, created_by__isnull=True, article__isnull=False,
                                  status=ClaimStatus.NEW)
             .select_related("article").first())
    if claim is None:
        return []
    source_id = (SourceItem.objects.filter(article_id=claim.article_id).order_by("id")
                 .values_list("source_id", flat=True).first())
    rows = [
        Alert(claim=claim, source_id=source_id, score=round(float(m.score), 4), tier=m.tier,
              prior_factcheck_id=m.id if m.kind == "prior_factcheck" else None,
              verdict_id=m.id if m.kind == "verdict" else None)
        for m in kept
    ]
    with transaction.atomic(savepoint=False):
        existing = set(Alert.objects.filter(claim=claim).values_list("prior_factcheck_id", "verdict_id"))
        fresh = [a for a in rows if (a.prior_factcheck_id, a.verdict_id) not in existing]
        # ignore_conflicts: a concurrent run that raised the same alert wins, this one adds nothing.
        Alert.objects.bulk_create(fresh, ignore_conflicts=True)
        # The caller holds the claim's row lock (evidence _store), so the rows not there before are ours.
        created = [
            a for a in Alert.objects.filter(claim=claim, tier=STRONG).select_related(
                "source", "prior_factcheck", "verdict__rating")
            if (a.prior_factcheck_id, a.verdict_id) not in existing
        ] if fresh else []
        webhook_emit_many(event="alert.created", items=[(claim.pk, alert_payload(a, claim)) for a in created])
    return created


def matched_factcheck(alert: Alert) -> dict[str, Any]:
    """The fact-check an alert points at, the same shape for imported ClaimReview and our verdicts."""
    if alert.prior_factcheck_id:
        prior: PriorFactCheck = alert.prior_factcheck  # type: ignore[assignment]
        return {"kind": "prior_factcheck", "id": prior.pk, "claim_reviewed": prior.claim_reviewed,
                "rating": prior.rating_text, "url": prior.url, "publisher": prior.publisher,
                "review_date": prior.review_date}
    verdict: Verdict = alert.verdict  # type: ignore[assignment]
    from django.conf import settings

    return {"kind": "verdict", "id": verdict.pk, "claim_reviewed": verdict.summary,
            "rating": verdict.rating.label if verdict.rating else "", "url": verdict.public_url,
            "publisher": settings.FACTCHECK_PUBLISHER_NAME, "review_date": verdict.published_at,
            "claim_id": verdict.claim_id}


def alert_payload(alert: Alert, claim: Claim | None = None) -> dict[str, Any]:
    claim = claim or alert.claim
    article = claim.article
    source = alert.source
    fact = matched_factcheck(alert)
    if fact["review_date"] is not None:  # the payload is stored as JSON
        fact["review_date"] = fact["review_date"].isoformat()
    return {
        "alert_id": alert.pk, "tier": alert.tier, "score": alert.score, "state": alert.state,
        "claim": {"id": claim.pk, "text": claim.text, "quote": claim.quote, "language": claim.language,
                  "article_id": claim.article_id, "article_url": article.url if article else None,
                  "article_title": article.title if article else ""},
        "fact_check": fact,
        "source": {"id": source.pk, "name": source.name, "url": source.url} if source else None,
    }


def alert_transition(*, alert: Alert | int, to: str, actor: Any, reason: str = "",
                     channel: str = Channel.UI) -> Alert:
    """Acknowledge, dismiss (with a reason), reopen, or open the claim for checking.

    Opening moves the claim from `new` to `selected` through the workflow service, in the same
    transaction, so the claim's own rules, audit and webhooks apply.
    """
    require_reviewer(actor, doing="triage alerts")
    if to not in AlertState.values:
        raise InvalidInput(f"Unknown alert state {to!r}: use one of {', '.join(AlertState.values)}.",
                           code="invalid_state")
    reason = (reason or "").strip()
    if to == AlertState.DISMISSED and not reason:
        raise InvalidInput("Say why the alert is dismissed.", code="reason_required")
    with transaction.atomic():
        pk = alert.pk if isinstance(alert, Alert) else alert
        locked = Alert.objects.select_for_update().filter(pk=pk).first()
        if locked is None:
            raise InvalidInput("This alert does not exist.", code="not_found")
        if to not in ALERT_TRANSITIONS[locked.state]:
            raise InvalidTransition(
                f"An alert that is {locked.get_state_display().lower()} cannot become {AlertState(to).label.lower()}.",
                code="alert_transition_not_allowed",
            )
        before = {"state": locked.state, "reason": locked.reason}
        if to == AlertState.OPENED:
            _open_claim(locked.claim_id, actor=actor, channel=channel)
        locked.state = to
        locked.reason = reason if to == AlertState.DISMISSED else ""
        locked.acted_by = actor if getattr(actor, "pk", None) else None
        locked.acted_at = timezone.now()
        locked.save(update_fields=["state", "reason", "acted_by", "acted_at"])
        audit_record(actor=actor, action=f"alert.{to}", obj=locked, claim_id=locked.claim_id, before=before,
                     after={"state": to, "reason": locked.reason}, channel=channel)
    return locked


def _open_claim(claim_id: int, *, actor: Any, channel: str) -> None:
    from claims.services.workflow import claim_transition

    status = Claim.objects.filter(pk=claim_id).values_list("status", flat=True).first()
    if status in (ClaimStatus.NEW, ClaimStatus.DISMISSED):
        claim_transition(claim=claim_id, to=ClaimStatus.SELECTED, actor=actor, channel=channel)
    # Already selected or further along: the alert just points at the work in progress.


def new_alert_count() -> int:
    """The navigation badge: one count on the (state, tier) index."""
    return Alert.objects.filter(state=AlertState.NEW, tier=STRONG).count()
