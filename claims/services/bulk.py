"""Bulk changes for the admin: the workflow's rules applied to many rows with a constant number of queries.

Each function checks the actor once, locks the selected rows in one query, decides per row with
the rulebook the single-claim services use (claims.services.rules), then writes with batched
UPDATEs and the workflow's shared writers: one bulk insert of audit events and one of webhook
deliveries (workflow.claim_updated_emit). Moves that touch a verdict (submit, publish, send back,
correct) have per-row side effects, so those rows go through workflow.claim_transition one by one.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Count, F
from django.utils import timezone

from claims.claimreview import claimreview_for, rating_bounds
from claims.models import (
    Article,
    AuditEvent,
    Channel,
    Claim,
    ClaimStatus,
    Comment,
    Evidence,
    ExtractionStatus,
    Rating,
    Stance,
    Verdict,
    VerdictStatus,
)
from claims.services import rules, workflow
from claims.services.audit import audit_bulk
from claims.services.bulk_insert import bulk_insert
from claims.services.errors import DomainError, InvalidInput, NotAllowed
from claims.services.evidence import evidence_gather
from claims.services.queue import enqueue_each
from claims.services.roles import is_editor, require_reviewer
from claims.services.rules import VERDICT_MOVES, status_words
from claims.task_names import ARTICLE_EXTRACT

__all__ = ["VERDICT_MOVES", "BulkResult", "status_words"]  # the admin's confirmation pages read these too
# Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection").
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class BulkResult:
    changed: int = 0
    refused: dict[str, int] = field(default_factory=dict)
    changed_ids: list[int] = field(default_factory=list)

    def refusals(self) -> str:
        """'; 3 not changed: 2 already selected, 1 ...' or '' — the tail of the admin message."""
        total = sum(self.refused.values())
        if not total:
            return ""
        parts = ", ".join(f"{count} {reason}" for reason, count in sorted(self.refused.items(), key=lambda i: -i[1]))
        return f"; {total} not changed: {parts}"


@dataclass(frozen=True)
class _Row:
    pk: int
    status: str
    assignee_id: int | None
    version: int
    duplicate_of_id: int | None

    def snapshot(self, **changes: Any) -> dict[str, Any]:
        """workflow's audit snapshot of this row, with `changes` applied, so history reads alike."""
        return {**workflow.claim_snapshot(status=self.status, assignee_id=self.assignee_id, version=self.version,
                                          duplicate_of_id=self.duplicate_of_id), **changes}


def _locked_rows(claim_ids: Iterable[int]) -> list[_Row]:
    """Lock the selection in one query, in id order so two bulk runs cannot deadlock."""
    fields = ("pk", "status", "assignee_id", "version", "duplicate_of_id")
    rows = Claim.objects.select_for_update().filter(pk__in=list(claim_ids)).order_by("pk").values_list(*fields)
    return [_Row(*row) for row in rows]


def _actor_id(actor: Any) -> int | None:
    return getattr(actor, "pk", None)


def _claim_event(*, actor: Any, action: str, row: _Row, after: dict[str, Any], channel: str) -> AuditEvent:
    return AuditEvent(
        actor_id=_actor_id(actor), action=action, object_type="claim", object_id=row.pk, claim_id=row.pk,
        before=row.snapshot(), after={**after, "bulk": True}, channel=channel,
    )


def _record(*, actor: Any, action: str, change: str, rows: list[_Row], after: dict[int, dict[str, Any]],
            channel: str) -> None:
    """The audit rows and claim.updated events of a bulk change (`after` per claim id)."""
    audit_bulk(_claim_event(actor=actor, action=action, row=row, after=after[row.pk], channel=channel) for row in rows)
    workflow.claim_updated_emit(change=change, items=[(row.pk, after[row.pk]) for row in rows])


@transaction.atomic
def claims_bulk_assign(
    *, claim_ids: Iterable[int], assignee: Any, actor: Any, channel: str = Channel.ADMIN
) -> BulkResult:
    """Assign (or, with assignee=None, unassign) many claims, with the rules of workflow.claim_assign."""
    refusal = rules.assignment_refusal(actor=actor, assignee=assignee)
    if refusal is not None:
        raise refusal
    assignee_id = getattr(assignee, "pk", None)
    refused: Counter[str] = Counter()
    changed: list[_Row] = []
    for row in _locked_rows(claim_ids):
        if row.assignee_id == assignee_id:
            refused["already assigned to them" if assignee_id else "already unassigned"] += 1
        else:
            changed.append(row)
    ids = [row.pk for row in changed]
    workflow.claims_bump(ids, assignee_id=assignee_id)
    _record(actor=actor, action="claim.assign", change="assign", rows=changed, channel=channel,
            after={row.pk: row.snapshot(assignee=assignee_id, version=row.version + 1) for row in changed})
    return BulkResult(changed=len(ids), refused=dict(refused), changed_ids=ids)


@transaction.atomic
def claims_bulk_transition(
    *, claim_ids: Iterable[int], to: str, actor: Any, comment: str = "", channel: str = Channel.ADMIN
) -> BulkResult:
    """Move every claim of the selection for which the move is valid; count the others by reason."""
    require_reviewer(actor)
    refusal = rules.target_refusal(to)
    if refusal is not None:
        raise refusal
    comment = comment.strip()
    decided: dict[str, DomainError | None] = {}  # the rules depend on the source status only: decide once per status
    refused: Counter[str] = Counter()
    plain: list[_Row] = []
    per_row: list[int] = []
    for row in _locked_rows(claim_ids):
        if row.status not in decided:
            decided[row.status] = rules.transition_refusal(row.status, to, actor=actor, comment=comment)
        reason = decided[row.status]
        if reason is not None:
            refused[reason.reason] += 1
        elif (row.status, to) in VERDICT_MOVES:
            per_row.append(row.pk)
        else:
            plain.append(row)

    # Plain moves: one UPDATE per group (at most two), whatever the number of rows.
    takes = {row.pk for row in plain if rules.starts_work(row.status, to, row.assignee_id)}
    kept = {row.pk for row in plain if rules.reason_kept(row.status, to)}
    for group_takes in (False, True):
        for group_kept in (False, True):
            ids = [row.pk for row in plain if (row.pk in takes) == group_takes and (row.pk in kept) == group_kept]
            extra: dict[str, Any] = {"assignee_id": _actor_id(actor)} if group_takes else {}
            if group_kept:
                extra["status_reason"] = comment
            if ids:
                workflow.claims_bump(ids, status=to, **extra)
    if comment:
        bulk_insert(Comment, [Comment(claim_id=row.pk, author_id=_actor_id(actor), body=comment) for row in plain])

    after = {
        row.pk: row.snapshot(status=to, version=row.version + 1,
                             assignee=_actor_id(actor) if row.pk in takes else row.assignee_id)
        for row in plain
    }
    audit_bulk(
        _claim_event(actor=actor, action="claim.transition", row=row, channel=channel,
                     after={**after[row.pk], "comment": comment})
        for row in plain
    )
    workflow.claim_updated_emit(change="status", items=[(row.pk, after[row.pk]) for row in plain])

    changed = [row.pk for row in plain]
    # Verdict moves: the workflow service, one savepoint per claim, so one refusal spoils nothing else.
    for pk in per_row:
        try:
            workflow.claim_transition(claim=pk, to=to, actor=actor, comment=comment, channel=channel)
        except DomainError as exc:
            refused[exc.reason] += 1
        else:
            changed.append(pk)
    return BulkResult(changed=len(changed), refused=dict(refused), changed_ids=changed)


def claims_bulk_dismiss(
    *, claim_ids: Iterable[int], reason: str, actor: Any, channel: str = Channel.ADMIN
) -> BulkResult:
    if not reason.strip():
        raise InvalidInput("Say why these claims are dismissed.", code="comment_required")
    return claims_bulk_transition(
        claim_ids=claim_ids, to=ClaimStatus.DISMISSED, actor=actor, comment=reason, channel=channel
    )


@transaction.atomic
def claims_bulk_set_rating(
    *, claim_ids: Iterable[int], rating: Rating | None, actor: Any, channel: str = Channel.ADMIN
) -> BulkResult:
    """Set (or clear, with None) the rating of the draft verdicts of the selection. Whoever sets it
    becomes a contributor of each verdict changed (and so may not approve it)."""
    require_reviewer(actor)
    if rating is not None and not rating.is_active:
        raise InvalidInput(f"The rating {rating.slug!r} is retired.", code="inactive_rating")
    rows = {row.pk: row for row in _locked_rows(claim_ids)}
    drafts = list(
        Verdict.objects.select_for_update()
        .filter(claim_id__in=list(rows), status=VerdictStatus.DRAFT)
        .values_list("pk", "claim_id", "rating_id", "version")
    )
    rating_id = getattr(rating, "pk", None)
    refused: Counter[str] = Counter()
    refused["have no draft verdict"] += len(rows) - len(drafts)
    changed: list[tuple[int, int, int | None, int]] = []
    for draft in drafts:
        refusal = rules.verdict_edit_refusal(rows[draft[1]].status, VerdictStatus.DRAFT, actor=actor)
        if refusal is not None:
            refused[refusal.reason] += 1
        elif draft[2] == rating_id:
            refused["already have that rating" if rating_id else "already have no rating"] += 1
        else:
            changed.append(draft)
    if changed:
        Verdict.objects.filter(pk__in=[d[0] for d in changed]).update(
            rating_id=rating_id, version=F("version") + 1, updated_at=timezone.now()
        )
    workflow.verdict_contributors_add((d[0], _actor_id(actor)) for d in changed)
    claim_ids_changed = [d[1] for d in changed]
    workflow.claims_bump(claim_ids_changed)
    audit_bulk(
        AuditEvent(
            actor_id=_actor_id(actor), action="verdict.update", object_type="verdict", object_id=pk,
            claim_id=claim_id, before={"rating": old, "version": version},
            after={"rating": rating_id, "version": version + 1, "bulk": True}, channel=channel,
        )
        for pk, claim_id, old, version in changed
    )
    slug = rating.slug if rating is not None else None
    workflow.claim_updated_emit(change="verdict", items=[
        (claim_id, {**rows[claim_id].snapshot(version=rows[claim_id].version + 1), "verdict_id": pk, "rating": slug})
        for pk, claim_id, _old, _version in changed
    ])
    refused = Counter({reason: n for reason, n in refused.items() if n})
    return BulkResult(changed=len(changed), refused=dict(refused), changed_ids=claim_ids_changed)


@transaction.atomic
def claims_bulk_mark_duplicate(
    *, claim_ids: Iterable[int], original: Claim, actor: Any, channel: str = Channel.ADMIN
) -> BulkResult:
    """Mark the selection as duplicates of `original` and copy their evidence onto it, once per source."""
    require_reviewer(actor)
    root = rules.duplicate_root(Claim.objects.get(pk=original.pk))
    refused: Counter[str] = Counter()
    changed: list[_Row] = []
    for row in _locked_rows(claim_ids):
        refusal = rules.duplicate_refusal(pk=row.pk, status=row.status, root=root, actor=actor)
        if refusal is not None:
            refused[refusal.reason] += 1
        elif rules.already_duplicate_of(status=row.status, duplicate_of_id=row.duplicate_of_id, root=root):
            refused["already duplicates of it"] += 1
        else:
            changed.append(row)
    ids = [row.pk for row in changed]
    workflow.claims_bump(ids, status=ClaimStatus.DUPLICATE, duplicate_of_id=root.pk)
    _record(actor=actor, action="claim.duplicate", change="duplicate", rows=changed, channel=channel,
            after={row.pk: row.snapshot(status=ClaimStatus.DUPLICATE, duplicate_of=root.pk, version=row.version + 1)
                   for row in changed})
    workflow.evidence_merge_into(root=root, source_ids=ids, actor=actor, channel=channel)
    return BulkResult(changed=len(ids), refused=dict(refused), changed_ids=ids)


@transaction.atomic
def claims_bulk_gather_evidence(
    *, claim_ids: Iterable[int], actor: Any, channel: str = Channel.ADMIN
) -> BulkResult:
    """Ask the evidence providers again for each open claim: queued runs now, worker tasks after commit."""
    require_reviewer(actor)
    refused: Counter[str] = Counter()
    wanted: list[_Row] = []
    for row in _locked_rows(claim_ids):
        refusal = rules.evidence_refusal(row.status, actor=actor)
        if refusal is not None:
            refused[refusal.reason] += 1
        else:
            wanted.append(row)
    audit_bulk(
        _claim_event(actor=actor, action="evidence.rerun", row=row, after={}, channel=channel) for row in wanted
    )
    ids = [row.pk for row in wanted]
    evidence_gather(claim_ids=ids)  # queued runs are rows now, tasks after commit
    return BulkResult(changed=len(ids), refused=dict(refused), changed_ids=ids)


@transaction.atomic
def articles_bulk_reextract(
    *, article_ids: Iterable[int], actor: Any, channel: str = Channel.ADMIN
) -> BulkResult:
    """Queue extraction again; an extraction that is running now is left to finish."""
    if not is_editor(actor):
        raise NotAllowed("Only an editor can re-extract articles.", code="editor_required")
    rows = list(
        Article.objects.select_for_update().filter(pk__in=list(article_ids)).order_by("pk")
        .values_list("pk", "extraction_status")
    )
    refused: Counter[str] = Counter()
    ids: list[int] = []
    for pk, status in rows:
        if status == ExtractionStatus.RUNNING:
            refused["are being extracted now"] += 1
        else:
            ids.append(pk)
    Article.objects.filter(pk__in=ids).update(
        extraction_status=ExtractionStatus.QUEUED, extraction_error="", extraction_started_at=None,
        updated_at=timezone.now(),
    )
    statuses = dict(rows)
    audit_bulk(
        AuditEvent(
            actor_id=_actor_id(actor), action="article.reextract", object_type="article", object_id=pk,
            before={"extraction_status": statuses[pk]},
            after={"extraction_status": ExtractionStatus.QUEUED, "bulk": True}, channel=channel,
        )
        for pk in ids
    )
    enqueue_each(ARTICLE_EXTRACT, ids)
    return BulkResult(changed=len(ids), refused=dict(refused), changed_ids=ids)


@transaction.atomic
def evidence_bulk_set_stance(
    *, evidence_ids: Iterable[int], stance: str, actor: Any, channel: str = Channel.ADMIN
) -> BulkResult:
    require_reviewer(actor)
    if stance not in Stance.values:
        raise InvalidInput(f"Unknown stance {stance!r}.", code="unknown_stance")
    rows = list(
        Evidence.objects.select_for_update(of=("self",)).filter(pk__in=list(evidence_ids)).order_by("pk")
        .values_list("pk", "claim_id", "stance", "claim__status")
    )
    refused: Counter[str] = Counter()
    changed = []
    for row in rows:
        refusal = rules.evidence_refusal(row[3], actor=actor)
        if refusal is not None:
            refused[refusal.reason] += 1
        elif row[2] == stance:
            refused[f"already {status_words(stance)}"] += 1
        else:
            changed.append(row[:3])
    now = timezone.now()
    Evidence.objects.filter(pk__in=[row[0] for row in changed]).update(
        stance=stance, stance_by_id=_actor_id(actor), stance_at=now
    )
    workflow.claims_bump(sorted({row[1] for row in changed}))
    audit_bulk(
        AuditEvent(
            actor_id=_actor_id(actor), action="evidence.stance", object_type="evidence", object_id=pk,
            claim_id=claim_id, before={"stance": old}, after={"stance": stance, "bulk": True}, channel=channel,
        )
        for pk, claim_id, old in changed
    )
    ids = [row[0] for row in changed]
    return BulkResult(changed=len(ids), refused=dict(refused), changed_ids=ids)


# --- exports: reads only ---------------------------------------------------------------------------


def csv_safe(value: Any) -> Any:
    """Neutralise spreadsheet formulas: a text cell starting with = + - @ is prefixed with a quote."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


CLAIM_CSV_COLUMNS = (
    "id", "status", "text", "quote", "claimant", "language", "kind", "checkworthiness", "assignee",
    "article_id", "article_url", "duplicate_of_id", "evidence_count", "version", "created_at", "updated_at",
)


def _csv_lines(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for row in rows:
        writer.writerow([csv_safe(value) for value in row])
        if buffer.tell() > 64 * 1024:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def claims_export_csv(*, claim_ids: Iterable[int]) -> Iterator[str]:
    """CSV text in chunks: one query (a server-side cursor on PostgreSQL), whatever the selection size."""
    rows = (
        Claim.objects.filter(pk__in=list(claim_ids)).order_by("pk")
        .values_list(
            "pk", "status", "text", "quote", "claimant", "language", "kind", "checkworthiness",
            "assignee__username", "article_id", "article__url", "duplicate_of_id", "evidence_count", "version",
            "created_at", "updated_at",
        )
        .iterator(chunk_size=2000)
    )
    return _csv_lines(CLAIM_CSV_COLUMNS, ((*row[:-2], row[-2].isoformat(), row[-1].isoformat()) for row in rows))


ARTICLE_CSV_COLUMNS = (
    "id", "url", "title", "publisher", "author", "language", "published_at", "extraction_status",
    "claims", "created_at",
)


def articles_export_csv(*, article_ids: Iterable[int]) -> Iterator[str]:
    rows = (
        Article.objects.filter(pk__in=list(article_ids)).order_by("pk")
        .annotate(n_claims=Count("claims"))
        .values_list("pk", "url", "title", "publisher", "author", "language", "published_at",
                     "extraction_status", "n_claims", "created_at")
    )
    return _csv_lines(
        ARTICLE_CSV_COLUMNS,
        ((*row[:6], row[6].isoformat() if row[6] else "", *row[7:9], row[9].isoformat()) for row in rows),
    )


def claims_export_claimreview(*, claim_ids: Iterable[int]) -> list[dict[str, Any]]:
    """ClaimReview JSON-LD of the latest published verdict of each selected claim (others have none)."""
    verdicts = (
        Verdict.objects.filter(claim_id__in=list(claim_ids), status=VerdictStatus.PUBLISHED)
        .select_related("claim__article", "rating")
        .order_by("claim_id", "-published_at", "-pk")
    )
    bounds = rating_bounds()
    latest: dict[int, Verdict] = {}
    for verdict in verdicts:
        latest.setdefault(verdict.claim_id, verdict)
    return [claimreview_for(v, claim=v.claim, bounds=bounds) for v in latest.values()]
