"""The claim workflow (DESIGN.md §5). Every status change of a claim or a verdict happens here.

Views, the API, the admin, tasks and commands call these functions; none of them sets a status
itself. Each function locks the claim row, asks the rulebook (claims.services.rules) whether the
change is allowed, writes the change and its audit event in one transaction, and emits its webhook
event through the same transaction (the outbox). The bulk services apply the same rules to many
rows and share the writers below (claims_bump, claim_updated_emit, verdict_contributors_add,
evidence_merge_into).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from claims.models import (
    AuditEvent,
    Channel,
    Claim,
    ClaimStatus,
    Comment,
    Evidence,
    Rating,
    Verdict,
    VerdictContributor,
    VerdictStatus,
)
from claims.services import rules
from claims.services.audit import apply_changes, audit_bulk, audit_record
from claims.services.errors import InvalidInput, InvalidTransition, StaleVersion
from claims.services.roles import require_reviewer
from claims.services.webhooks import webhook_emit, webhook_emit_many

# Kept importable from here: the editable fields are the rulebook's.
EDITABLE_CLAIM_FIELDS = rules.EDITABLE_CLAIM_FIELDS
EVIDENCE_COPY_FIELDS = (
    "provider", "url", "title", "publisher", "excerpt", "published_at", "relevance", "match_tier", "stance",
    "stance_by_id", "stance_at", "note", "content_hash", "prior_factcheck_id", "added_by_id",
)


def claim_snapshot(*, status: str, assignee_id: int | None, version: int, duplicate_of_id: int | None) -> dict[str, Any]:
    """The workflow state an audit event and a claim.updated event record (bulk changes too)."""
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
    # The time in the server's own time zone (TIME_ZONE) and ISO 8601, as the API writes every time.
    stamp = timezone.localtime(when).isoformat(timespec="seconds")
    return StaleVersion(
        f"This claim was changed by {who or 'someone else'} at {stamp} since you opened it.",
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


def claims_bump(claim_ids: Iterable[int], **fields: Any) -> None:
    """One UPDATE for many claims: a person changed them (or their verdict or evidence), so the
    version moves on (optimistic locking) and re-extraction keeps them."""
    ids = list(claim_ids)
    if ids:
        Claim.objects.filter(pk__in=ids).update(version=F("version") + 1, touched=True, updated_at=timezone.now(),
                                                **fields)


def claim_updated_emit(*, change: str, items: Iterable[tuple[int, dict[str, Any]]]) -> None:
    """The claim.updated webhook event of a change (`change`: status, assign, fields, duplicate,
    verdict, evidence), one per claim and subscribed endpoint, in one bulk insert."""
    webhook_emit_many(
        event="claim.updated",
        items=[(claim_id, {"claim_id": claim_id, "change": change, **data}) for claim_id, data in items],
    )


def verdict_contributors_add(pairs: Iterable[tuple[int, int | None]]) -> None:
    """Record who wrote part of which verdict ((verdict_id, user_id) pairs; None: no person)."""
    rows = [VerdictContributor(verdict_id=v, user_id=u) for v, u in pairs if u is not None]
    if rows:
        VerdictContributor.objects.bulk_create(rows, ignore_conflicts=True)


def _open_verdict(claim: Claim) -> Verdict | None:
    return claim.verdicts.select_for_update().open().first()


def _raise_if(refusal: Exception | None) -> None:
    if refusal is not None:
        raise refusal


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
    source = claim.status
    comment = comment.strip()
    refusal = rules.transition_refusal(source, to, actor=actor, comment=comment)
    if refusal is not None and refusal.code == "transition_not_allowed":
        refusal.details["allowed"] = rules.allowed_targets(claim, actor)
    _raise_if(refusal)

    before = _snapshot(claim)
    fields = ["status"]
    event: tuple[str, Verdict] | None = None
    if rules.starts_work(source, to, claim.assignee_id):
        claim.assignee = actor
        fields.append("assignee")
    if to == ClaimStatus.IN_REVIEW:
        verdict = _open_verdict(claim)
        _raise_if(rules.submission_refusal(verdict))
        assert verdict is not None
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

    if rules.reason_kept(source, to):
        claim.status_reason = comment
        fields.append("status_reason")
    if comment:
        Comment.objects.create(claim=claim, author=actor, body=comment)
    claim.status = to
    _save_claim(claim, fields)
    after = _snapshot(claim)
    audit_record(
        actor=actor, action="claim.transition", obj=claim, claim_id=claim.pk,
        before=before, after={**after, "comment": comment}, channel=channel,
    )
    if event is not None:
        name, verdict = event
        verdict.refresh_from_db()
        webhook_emit(event=name, object_id=claim.pk, payload=verdict_payload(verdict))
    else:
        claim_updated_emit(change="status", items=[(claim.pk, after)])
    return claim


def _publish_open_verdict(claim: Claim, actor: Any) -> Verdict:
    from claims.claimreview import claimreview_problems  # pure module, no cycle: it imports models only

    verdict = _open_verdict(claim)
    _raise_if(rules.approval_refusal(verdict, actor))
    assert verdict is not None
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
    """Reopen a published claim: a new draft copies the published verdict, which stays as history.
    Its text is the published verdict's writers' work too, so they are its contributors."""
    published = claim.verdicts.published().first()
    if published is None:
        raise InvalidTransition("This claim has no published verdict to correct.", code="nothing_to_correct")
    draft = Verdict.objects.create(
        claim=claim,
        rating=published.rating,
        summary=published.summary,
        explanation=published.explanation,
        sources=published.sources,
        author=actor,
        public_url=published.public_url,
        supersedes=published,
    )
    writers = {published.author_id, actor.pk, *published.contributions.values_list("user_id", flat=True)}
    verdict_contributors_add((draft.pk, user_id) for user_id in writers)
    return draft


def claim_allowed_transitions(claim: Claim, actor: Any) -> list[str]:
    """The statuses this actor may move the claim to now (what the UI offers as buttons)."""
    return rules.allowed_targets(claim, actor)


@_guarded("claim.assign")
def claim_assign(
    *, claim: Claim | int, assignee: Any, actor: Any, channel: str = Channel.UI, expected_version: int | None = None
) -> Claim:
    claim = _locked_claim(claim)
    _check_version(claim, expected_version)
    _raise_if(rules.assignment_refusal(actor=actor, assignee=assignee))
    if claim.assignee_id == getattr(assignee, "pk", None):
        return claim  # nothing changes: no version, no event
    before = _snapshot(claim)
    claim.assignee = assignee
    _save_claim(claim, ["assignee"])
    after = _snapshot(claim)
    audit_record(actor=actor, action="claim.assign", obj=claim, claim_id=claim.pk,
                 before=before, after=after, channel=channel)
    claim_updated_emit(change="assign", items=[(claim.pk, after)])
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
    """Edit the claim's own fields (never its quote or offsets, which are the article's).

    Only the fields whose value differs are written and audited (before and after each); a
    claim under review or published refuses (rules.edit_refusal)."""
    claim = _locked_claim(claim)
    _check_version(claim, expected_version)
    _raise_if(rules.edit_refusal(claim.status, actor=actor, fields=changes))
    if "text" in changes and not str(changes["text"]).strip():
        raise InvalidInput("The claim text cannot be empty.", code="empty_text")
    before, after = apply_changes(claim, changes)
    if not after:
        return claim
    _save_claim(claim, list(after))
    audit_record(actor=actor, action="claim.update", obj=claim, claim_id=claim.pk,
                 before={**before, "version": claim.version - 1}, after={**after, "version": claim.version},
                 channel=channel)
    claim_updated_emit(change="fields", items=[(claim.pk, {**_snapshot(claim), "fields": sorted(after)})])
    return claim


@_guarded("claim.duplicate")
def claim_mark_duplicate(
    *, claim: Claim | int, original: Claim, actor: Any, channel: str = Channel.UI,
    expected_version: int | None = None,
) -> Claim:
    """Mark a claim as a duplicate of `original` (following its own duplicate link); its evidence
    is copied onto the original, as the bulk action does."""
    claim = _locked_claim(claim)
    _check_version(claim, expected_version)
    root = rules.duplicate_root(Claim.objects.get(pk=original.pk))
    _raise_if(rules.duplicate_refusal(pk=claim.pk, status=claim.status, root=root, actor=actor))
    if rules.already_duplicate_of(status=claim.status, duplicate_of_id=claim.duplicate_of_id, root=root):
        return claim
    before = _snapshot(claim)
    claim.status = ClaimStatus.DUPLICATE
    claim.duplicate_of = root
    _save_claim(claim, ["status", "duplicate_of"])
    after = _snapshot(claim)
    audit_record(actor=actor, action="claim.duplicate", obj=claim, claim_id=claim.pk,
                 before=before, after=after, channel=channel)
    claim_updated_emit(change="duplicate", items=[(claim.pk, after)])
    evidence_merge_into(root=root, source_ids=[claim.pk], actor=actor, channel=channel)
    return claim


def evidence_merge_into(*, root: Claim, source_ids: list[int], actor: Any, channel: str) -> int:
    """Copy the duplicates' evidence onto the original, skipping (provider, url) pairs it already has."""
    if not source_ids:
        return 0
    have = set(Evidence.objects.filter(claim_id=root.pk).values_list("provider", "url"))
    copies: list[Evidence] = []
    for values in Evidence.objects.filter(claim_id__in=source_ids).order_by("-relevance", "pk").values(
        *EVIDENCE_COPY_FIELDS
    ):
        key = (values["provider"], values["url"])
        if key in have:
            continue
        have.add(key)
        copies.append(Evidence(claim_id=root.pk, **values))
    if not copies:
        return 0
    # ignore_conflicts: a worker attaching the same source meanwhile must not fail the whole merge.
    Evidence.objects.bulk_create(copies, ignore_conflicts=True)
    total = Evidence.objects.filter(claim_id=root.pk).count()
    claims_bump([root.pk], evidence_count=total)
    audit_bulk([
        AuditEvent(
            actor_id=getattr(actor, "pk", None), action="evidence.merge", object_type="claim", object_id=root.pk,
            claim_id=root.pk, before={"evidence_count": root.evidence_count},
            after={"evidence_count": total, "from_claims": source_ids}, channel=channel,
        )
    ])
    webhook_emit(event="evidence.attached", object_id=root.pk,
                 payload={"claim_id": root.pk, "added": len(copies), "from_claims": source_ids})
    return len(copies)


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
    """Create or edit the claim's working verdict (a draft). expected_version is the verdict's.
    Whoever saves it becomes one of its contributors, who may not approve it."""
    claim = _locked_claim(claim)
    require_reviewer(actor)
    verdict = _open_verdict(claim)
    if verdict is not None and expected_version is not None and verdict.version != expected_version:
        raise stale_version_error(claim)
    _raise_if(rules.verdict_edit_refusal(claim.status, verdict.status if verdict else None, actor=actor))
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
    verdict_contributors_add([(verdict.pk, getattr(actor, "pk", None))])
    after = {"rating": verdict.rating_id, "summary": verdict.summary}
    audit_record(actor=actor, action=action, obj=verdict, claim_id=claim.pk, before=before, after=after,
                 channel=channel)
    claim_updated_emit(change="verdict", items=[(claim.pk, {
        **_snapshot(claim), "verdict_id": verdict.pk, "rating": rating.slug if rating else None,
    })])
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
