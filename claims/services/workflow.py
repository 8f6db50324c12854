"""The claim workflow (DESIGN.md §5). Every status change of a claim or a verdict happens here.

Views, the API, the admin, tasks and commands call these functions; none of them sets a status
itself. Each function locks the claim row, checks the rule, writes the change and its audit event
in one transaction, and queues webhooks through the same transaction (the outbox).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from claims.models import (
    Channel,
    Claim,
    ClaimStatus,
    Comment,
    Rating,
    Verdict,
    VerdictStatus,
)
from claims.services.audit import audit_record
from claims.services.errors import InvalidInput, InvalidTransition, NotAllowed, StaleVersion
from claims.services.roles import is_editor, is_reviewer, require_reviewer
from claims.services.webhooks import webhook_emit

EDITABLE_CLAIM_FIELDS = ("text", "claimant", "kind", "entities", "quantities", "dates", "language")


@dataclass(frozen=True)
class Rule:
    needs_editor: bool = False
    needs_comment: bool = False


# Extra rules per (from, to). Every transition needs at least the reviewer role.
RULES: dict[tuple[str, str], Rule] = {
    (ClaimStatus.IN_REVIEW, ClaimStatus.PUBLISHED): Rule(needs_editor=True),
    (ClaimStatus.IN_REVIEW, ClaimStatus.IN_PROGRESS): Rule(needs_editor=True, needs_comment=True),
    (ClaimStatus.PUBLISHED, ClaimStatus.IN_PROGRESS): Rule(needs_editor=True, needs_comment=True),
    (ClaimStatus.NEW, ClaimStatus.DISMISSED): Rule(needs_comment=True),
    (ClaimStatus.SELECTED, ClaimStatus.DISMISSED): Rule(needs_comment=True),
    (ClaimStatus.IN_PROGRESS, ClaimStatus.DISMISSED): Rule(needs_comment=True),
}


def claim_snapshot(*, status: str, assignee_id: int | None, version: int, duplicate_of_id: int | None) -> dict[str, Any]:
    """The workflow state an audit event records before and after a change (bulk changes too)."""
    return {"status": status, "assignee": assignee_id, "version": version, "duplicate_of": duplicate_of_id}


def _snapshot(claim: Claim) -> dict[str, Any]:
    return claim_snapshot(status=claim.status, assignee_id=claim.assignee_id, version=claim.version,
                          duplicate_of_id=claim.duplicate_of_id)


def _locked_claim(claim_or_id: Claim | int) -> Claim:
    pk = claim_or_id.pk if isinstance(claim_or_id, Claim) else claim_or_id
    return Claim.objects.select_for_update().get(pk=pk)


def _check_version(claim: Claim, expected_version: int | None) -> None:
    if expected_version is not None and claim.version != expected_version:
        raise stale_version_error(claim)


def stale_version_error(claim: Claim) -> StaleVersion:
    """The error for a write based on an old version: who changed the claim last, and when."""
    last = claim.audit_events.select_related("actor").order_by("-created_at", "-id").first()
    who = last.actor.get_username() if last and last.actor else ""
    when = last.created_at if last else claim.updated_at
    return StaleVersion(
        f"This claim was changed by {who or 'someone else'} at {when:%Y-%m-%d %H:%M} since you opened it.",
        current=claim,
        changed_by=who,
        changed_at=when,
    )


def _refused(*, claim_id: int, actor: Any, action: str, channel: str, reason: str) -> None:
    """Record a refused attempt outside the rolled-back transaction, so the history shows it."""
    with transaction.atomic():
        claim = Claim.objects.filter(pk=claim_id).first()
        if claim is not None:
            audit_record(
                actor=actor, action=f"{action}.refused", obj=claim, claim_id=claim.pk,
                after={"reason": reason}, channel=channel,
            )


def _guarded(action: str) -> Callable[[Callable[..., Claim]], Callable[..., Claim]]:
    def decorate(fn: Callable[..., Claim]) -> Callable[..., Claim]:
        def wrapper(*, claim: Claim | int, actor: Any, channel: str = Channel.UI, **kwargs: Any) -> Any:
            try:
                with transaction.atomic():
                    return fn(claim=claim, actor=actor, channel=channel, **kwargs)
            except StaleVersion as exc:
                claim_id = claim.pk if isinstance(claim, Claim) else claim
                _refused(claim_id=claim_id, actor=actor, action=action, channel=channel, reason=exc.message)
                raise

        wrapper.__name__ = fn.__name__
        wrapper.__doc__ = fn.__doc__
        return wrapper

    return decorate


def _save_claim(claim: Claim, fields: list[str]) -> None:
    claim.version = F("version") + 1
    claim.touched = True
    claim.save(update_fields=[*fields, "version", "touched", "updated_at"])
    claim.refresh_from_db(fields=["version"])



def _open_verdict(claim: Claim) -> Verdict | None:
    return (
        claim.verdicts.select_for_update()
        .filter(status__in=[VerdictStatus.DRAFT, VerdictStatus.SUBMITTED, VerdictStatus.APPROVED])
        .first()
    )


def _published_verdict(claim: Claim) -> Verdict | None:
    return claim.verdicts.filter(status=VerdictStatus.PUBLISHED).order_by("-published_at", "-id").first()


@_guarded("claim.transition")
def claim_transition(
    *,
    claim: Claim | int,
    to: str,
    actor: Any,
    comment: str = "",
    channel: str = Channel.UI,
    expected_version: int | None = None,
) -> Claim:
    """Move a claim along the workflow, or raise InvalidTransition / NotAllowed / StaleVersion."""
    claim = _locked_claim(claim)
    _check_version(claim, expected_version)
    require_reviewer(actor)
    source = claim.status
    if to == ClaimStatus.DUPLICATE:
        raise InvalidTransition("Use 'mark as duplicate' and choose the original claim.", code="needs_original")
    if to not in ClaimStatus.values:
        raise InvalidTransition(f"Unknown status {to!r}.", code="unknown_status")
    if not claim.can_transition_to(to):
        raise InvalidTransition(
            f"A claim cannot go from {ClaimStatus(source).label} to {ClaimStatus(to).label}.",
            code="transition_not_allowed",
            details={"from": source, "to": to, "allowed": sorted(claim_allowed_transitions(claim, actor))},
        )
    rule = RULES.get((source, to), Rule())
    if rule.needs_editor and not is_editor(actor):
        raise NotAllowed("Only an editor can do this.", code="editor_required")
    comment = comment.strip()
    if rule.needs_comment and not comment:
        raise InvalidInput("Say why in a comment.", code="comment_required")

    before = _snapshot(claim)
    fields = ["status"]
    event: tuple[str, Verdict] | None = None
    if to == ClaimStatus.IN_PROGRESS and source == ClaimStatus.SELECTED and claim.assignee_id is None:
        claim.assignee = actor
        fields.append("assignee")
    if to == ClaimStatus.IN_REVIEW:
        verdict = _open_verdict(claim)
        if verdict is None or verdict.rating_id is None or not verdict.summary.strip():
            raise InvalidTransition(
                "Write a verdict with a rating and a summary before submitting.", code="verdict_incomplete"
            )
        verdict.status = VerdictStatus.SUBMITTED
        verdict.submitted_at = timezone.now()
        verdict.version = F("version") + 1
        verdict.save(update_fields=["status", "submitted_at", "version", "updated_at"])
        event = ("verdict.submitted", verdict)
    elif to == ClaimStatus.PUBLISHED:
        published = _publish_open_verdict(claim, actor)
        event = ("verdict.corrected" if published.supersedes_id else "verdict.published", published)
    elif source == ClaimStatus.IN_REVIEW and to == ClaimStatus.IN_PROGRESS:
        verdict = _open_verdict(claim)
        if verdict is not None:
            verdict.status = VerdictStatus.DRAFT
            verdict.version = F("version") + 1
            verdict.save(update_fields=["status", "version", "updated_at"])
    elif source == ClaimStatus.PUBLISHED and to == ClaimStatus.IN_PROGRESS:
        _open_correction(claim, actor)

    if to == ClaimStatus.DISMISSED or (source == ClaimStatus.IN_REVIEW and to == ClaimStatus.IN_PROGRESS):
        claim.status_reason = comment
        fields.append("status_reason")
    if comment:
        Comment.objects.create(claim=claim, author=actor, body=comment)
    claim.status = to
    _save_claim(claim, fields)
    audit_record(
        actor=actor, action="claim.transition", obj=claim, claim_id=claim.pk,
        before=before, after={**_snapshot(claim), "comment": comment}, channel=channel,
    )
    if event is not None:
        name, verdict = event
        verdict.refresh_from_db()
        webhook_emit(event=name, object_id=claim.pk, payload=verdict_payload(verdict))
    return claim


def _publish_open_verdict(claim: Claim, actor: Any) -> Verdict:
    from claims.claimreview import claimreview_problems  # pure module, no cycle: it imports models only

    verdict = _open_verdict(claim)
    if verdict is None or verdict.status != VerdictStatus.SUBMITTED:
        raise InvalidTransition("There is no submitted verdict to approve.", code="no_submitted_verdict")
    if verdict.author_id == getattr(actor, "pk", None):
        raise NotAllowed("The author of a verdict cannot approve it: ask another editor.", code="own_verdict")
    now = timezone.now()
    verdict.approver = actor
    verdict.approved_at = now
    verdict.published_at = now
    verdict.public_url = verdict.public_url or f"{settings.FACTCHECK_PUBLISHER_URL.rstrip('/')}/claims/{claim.pk}/"
    problems = claimreview_problems(verdict, claim=claim)
    if problems:
        raise InvalidTransition(
            "This verdict would publish invalid ClaimReview markup: " + "; ".join(problems),
            code="invalid_claimreview",
            details={"problems": problems},
        )
    verdict.status = VerdictStatus.PUBLISHED
    verdict.version = F("version") + 1
    verdict.save(
        update_fields=["approver", "approved_at", "published_at", "public_url", "status", "version", "updated_at"]
    )
    if verdict.supersedes_id:
        Verdict.objects.filter(pk=verdict.supersedes_id).update(status=VerdictStatus.RETRACTED)
    return verdict


def _open_correction(claim: Claim, actor: Any) -> Verdict:
    """Reopen a published claim: a new draft copies the published verdict, which stays as history."""
    published = _published_verdict(claim)
    if published is None:
        raise InvalidTransition("This claim has no published verdict to correct.", code="nothing_to_correct")
    return Verdict.objects.create(
        claim=claim,
        rating=published.rating,
        summary=published.summary,
        explanation=published.explanation,
        sources=published.sources,
        author=actor,
        public_url=published.public_url,
        supersedes=published,
    )


def claim_allowed_transitions(claim: Claim, actor: Any) -> list[str]:
    """The statuses this actor may move the claim to now (what the UI offers as buttons)."""
    if not is_reviewer(actor):
        return []
    allowed = []
    for to in sorted(claim_targets(claim)):
        rule = RULES.get((claim.status, to), Rule())
        if rule.needs_editor and not is_editor(actor):
            continue
        allowed.append(to)
    return allowed


def claim_targets(claim: Claim) -> set[str]:
    from claims.models import TRANSITIONS

    return {str(s) for s in TRANSITIONS.get(claim.status, frozenset())} - {ClaimStatus.DUPLICATE}


@_guarded("claim.assign")
def claim_assign(
    *, claim: Claim | int, assignee: Any, actor: Any, channel: str = Channel.UI, expected_version: int | None = None
) -> Claim:
    claim = _locked_claim(claim)
    _check_version(claim, expected_version)
    require_reviewer(actor)
    if assignee is not None and not is_reviewer(assignee):
        raise InvalidInput(f"{assignee.get_username()} is not a reviewer.", code="assignee_not_reviewer")
    if assignee is not None and assignee.pk != getattr(actor, "pk", None) and not is_editor(actor):
        raise NotAllowed("Only an editor can assign claims to someone else.", code="editor_required")
    before = _snapshot(claim)
    claim.assignee = assignee
    _save_claim(claim, ["assignee"])
    audit_record(actor=actor, action="claim.assign", obj=claim, claim_id=claim.pk,
                 before=before, after=_snapshot(claim), channel=channel)
    return claim


@_guarded("claim.update")
def claim_update(
    *,
    claim: Claim | int,
    actor: Any,
    changes: dict[str, Any],
    channel: str = Channel.UI,
    expected_version: int | None = None,
) -> Claim:
    """Edit the claim's own fields (never its quote or offsets, which are the article's)."""
    claim = _locked_claim(claim)
    _check_version(claim, expected_version)
    require_reviewer(actor)
    unknown = set(changes) - set(EDITABLE_CLAIM_FIELDS)
    if unknown:
        raise InvalidInput(f"These fields cannot be edited: {', '.join(sorted(unknown))}.", code="not_editable")
    if "text" in changes and not str(changes["text"]).strip():
        raise InvalidInput("The claim text cannot be empty.", code="empty_text")
    before = {field: getattr(claim, field) for field in changes}
    for field, value in changes.items():
        setattr(claim, field, value)
    _save_claim(claim, list(changes))
    audit_record(actor=actor, action="claim.update", obj=claim, claim_id=claim.pk,
                 before={**before, "version": claim.version - 1}, after={**changes, "version": claim.version},
                 channel=channel)
    return claim


@_guarded("claim.duplicate")
def claim_mark_duplicate(
    *, claim: Claim | int, original: Claim, actor: Any, channel: str = Channel.UI,
    expected_version: int | None = None,
) -> Claim:
    """Any state -> duplicate: points at the original (following its own duplicate link)."""
    claim = _locked_claim(claim)
    _check_version(claim, expected_version)
    require_reviewer(actor)
    root = Claim.objects.select_related("duplicate_of").get(pk=original.pk)
    seen = {claim.pk}
    while root.duplicate_of_id is not None:
        if root.pk in seen:
            break
        seen.add(root.pk)
        root = root.duplicate_of
    if root.pk == claim.pk:
        raise InvalidInput("A claim cannot be a duplicate of itself.", code="self_duplicate")
    if claim.status == ClaimStatus.DUPLICATE and claim.duplicate_of_id == root.pk:
        return claim
    before = _snapshot(claim)
    claim.status = ClaimStatus.DUPLICATE
    claim.duplicate_of = root
    _save_claim(claim, ["status", "duplicate_of"])
    audit_record(actor=actor, action="claim.duplicate", obj=claim, claim_id=claim.pk,
                 before=before, after=_snapshot(claim), channel=channel)
    return claim


@_guarded("verdict.save")
def verdict_save(
    *,
    claim: Claim | int,
    actor: Any,
    rating: Rating | None,
    summary: str,
    explanation: str = "",
    sources: list[str] | None = None,
    channel: str = Channel.UI,
    expected_version: int | None = None,
) -> Verdict:
    """Create or edit the claim's working verdict (a draft). expected_version is the verdict's."""
    claim = _locked_claim(claim)
    require_reviewer(actor)
    if claim.status not in (ClaimStatus.SELECTED, ClaimStatus.IN_PROGRESS):
        raise InvalidTransition(
            "A verdict can be written only while the claim is selected or in progress.", code="verdict_locked"
        )
    verdict = _open_verdict(claim)
    if verdict is not None and expected_version is not None and verdict.version != expected_version:
        raise stale_version_error(claim)
    if verdict is not None and verdict.status != VerdictStatus.DRAFT:
        raise InvalidTransition("This verdict is waiting for review and cannot be edited.", code="verdict_locked")
    before = {} if verdict is None else {"rating": verdict.rating_id, "summary": verdict.summary}
    if verdict is None:
        verdict = Verdict(claim=claim, author=actor)
    verdict.rating = rating
    verdict.summary = summary.strip()
    verdict.explanation = explanation
    verdict.sources = list(sources or [])
    if verdict.pk is None:
        verdict.save()
        action = "verdict.create"
    else:
        verdict.version = F("version") + 1
        verdict.save()
        verdict.refresh_from_db(fields=["version"])
        action = "verdict.update"
    audit_record(actor=actor, action=action, obj=verdict, claim_id=claim.pk, before=before,
                 after={"rating": verdict.rating_id, "summary": verdict.summary}, channel=channel)
    return verdict


def verdict_payload(verdict: Verdict) -> dict[str, Any]:
    return {
        "claim_id": verdict.claim_id,
        "verdict_id": verdict.pk,
        "status": verdict.status,
        "rating": verdict.rating.slug if verdict.rating_id else None,
        "summary": verdict.summary,
        "public_url": verdict.public_url,
        "published_at": verdict.published_at.isoformat() if verdict.published_at else None,
        "corrects": verdict.supersedes_id,
    }
