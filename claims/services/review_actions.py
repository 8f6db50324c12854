"""Reviewer actions that no other service owns: manual claims from a text selection, comments,
splitting and merging claims. Keyword-only, atomic, one audit event per change in the same
transaction; status changes still go through claims.services.workflow."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.db import transaction
from django.db.models import F

from claims.models import Article, Channel, Claim, Comment
from claims.services import rules
from claims.services.audit import audit_record
from claims.services.claims_manual import claim_create, claim_payload
from claims.services.errors import InvalidInput
from claims.services.roles import require_reviewer
from claims.services.webhooks import webhook_emit
from claims.services.workflow import (
    claim_mark_duplicate,
    claim_snapshot,
    claim_updated_emit,
    stale_version_error,
)

COMMENT_MAX = 5000


def claim_create_from_selection(
    *,
    article: Article,
    start: int,
    end: int,
    quote: str,
    actor: Any,
    text: str = "",
    channel: str = Channel.UI,
    extracted: Mapping[str, Any] | None = None,
) -> Claim:
    """A manual claim on article.text[start:end]; the quote the browser saw must match exactly.

    Checks what only a selection can get wrong, then creates the claim through the one manual-claim
    service (claims.services.claims_manual.claim_create) that the API uses too.
    """
    require_reviewer(actor)
    if not quote.strip() or end <= start:
        raise InvalidInput("Select some text of the article first.", code="empty_selection")
    if quote != quote.strip():
        raise InvalidInput("The selection must not begin or end with spaces.", code="untrimmed_selection")
    article = Article.objects.get(pk=article.pk)
    if article.text[start:end] != quote:
        raise InvalidInput("The selection does not match the article: it may have changed since you opened it.",
                           code="bad_offsets")
    return claim_create(text=text.strip() or quote, actor=actor, article=article, start=start, end=end,
                        channel=channel, extracted=extracted)


def comment_add(*, claim: Claim, actor: Any, body: str, channel: str = Channel.UI) -> Comment:
    require_reviewer(actor)
    body = body.strip()
    if not body:
        raise InvalidInput("A comment cannot be empty.", code="empty_comment")
    if len(body) > COMMENT_MAX:
        raise InvalidInput(f"A comment is limited to {COMMENT_MAX} characters.", code="comment_too_long")
    with transaction.atomic():
        comment = Comment.objects.create(claim=claim, author=actor, body=body)
        audit_record(actor=actor, action="comment.add", obj=comment, claim_id=claim.pk,
                     after={"body": body[:200]}, channel=channel)
    return comment


def _state(claim: Claim) -> dict[str, Any]:
    return claim_snapshot(status=claim.status, assignee_id=claim.assignee_id, version=claim.version,
                          duplicate_of_id=claim.duplicate_of_id)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def claim_split(
    *,
    claim: Claim | int,
    at: int,
    actor: Any,
    expected_version: int | None = None,
    channel: str = Channel.UI,
) -> tuple[Claim, Claim]:
    """Cut a claim's span in two at article offset `at`: it keeps the first part, a new claim the rest."""
    require_reviewer(actor)
    with transaction.atomic():
        pk = claim.pk if isinstance(claim, Claim) else claim
        claim = Claim.objects.select_for_update(of=("self",)).select_related("article").get(pk=pk)
        if expected_version is not None and claim.version != expected_version:
            raise stale_version_error(claim)
        refusal = rules.reshape_refusal(claim.status, actor=actor, doing="split")
        if refusal is not None:
            raise refusal
        if claim.article_id is None or claim.start is None or claim.end is None:
            raise InvalidInput("Only a claim with a place in an article can be split.", code="no_offsets")
        text = claim.article.text
        first = _trimmed(text, claim.start, at)
        second = _trimmed(text, at, claim.end)
        if not (claim.start < at < claim.end) or first[0] == first[1] or second[0] == second[1]:
            raise InvalidInput("Choose a split point inside the claim's text.", code="bad_split")
        before = {"start": claim.start, "end": claim.end, "text": claim.text, "version": claim.version}
        rest = Claim.objects.create(
            article=claim.article, start=second[0], end=second[1], quote=text[second[0]:second[1]],
            text=text[second[0]:second[1]], language=claim.language, checkworthiness=claim.checkworthiness,
            checkworthiness_reasons=claim.checkworthiness_reasons, kind=claim.kind, claimant=claim.claimant,
            created_by=actor, touched=True,
        )
        claim.start, claim.end = first
        claim.quote = claim.text = text[first[0]:first[1]]
        claim.version = F("version") + 1
        claim.touched = True
        claim.save(update_fields=["start", "end", "quote", "text", "version", "touched", "updated_at"])
        claim.refresh_from_db(fields=["version"])
        audit_record(actor=actor, action="claim.split", obj=claim, claim_id=claim.pk, before=before,
                     after={"start": claim.start, "end": claim.end, "new_claim": rest.pk, "version": claim.version},
                     channel=channel)
        audit_record(actor=actor, action="claim.create", obj=rest, claim_id=rest.pk,
                     after={"split_from": claim.pk, "start": rest.start, "end": rest.end}, channel=channel)
        claim_updated_emit(change="split", items=[(claim.pk, {**_state(claim), "new_claim": rest.pk})])
        webhook_emit(event="claim.created", object_id=rest.pk, payload=claim_payload(rest))
    return claim, rest


def claim_merge(
    *, claim: Claim | int, others: Sequence[Claim], actor: Any, channel: str = Channel.UI
) -> Claim:
    """Grow `claim` to cover the spans of `others` (same article); the others become its duplicates."""
    require_reviewer(actor)
    with transaction.atomic():
        pk = claim.pk if isinstance(claim, Claim) else claim
        ids = sorted({pk, *(o.pk for o in others)})
        # Lock every row in one statement, in id order, so two merges cannot deadlock.
        rows = {c.pk: c for c in Claim.objects.select_for_update().filter(pk__in=ids).order_by("pk")}
        if len(rows) != len(ids) or len(ids) < 2:
            raise InvalidInput("Choose at least one other claim of this article to merge.", code="nothing_to_merge")
        target = rows[pk]
        parts = [rows[i] for i in ids if i != pk]
        if any(c.article_id != target.article_id or c.start is None for c in rows.values()) or target.article_id is None:
            raise InvalidInput("Only claims placed in the same article can be merged.", code="different_articles")
        refusals = [rules.reshape_refusal(c.status, actor=actor, doing="merged") for c in rows.values()]
        refusal = next((r for r in refusals if r is not None), None)
        if refusal is not None:
            raise refusal
        text = Article.objects.values_list("text", flat=True).get(pk=target.article_id)
        before = {"start": target.start, "end": target.end, "text": target.text, "version": target.version}
        target.start = min(c.start for c in rows.values())  # type: ignore[type-var]
        target.end = max(c.end for c in rows.values())  # type: ignore[type-var]
        target.quote = target.text = text[target.start:target.end]
        target.version = F("version") + 1
        target.touched = True
        target.save(update_fields=["start", "end", "quote", "text", "version", "touched", "updated_at"])
        target.refresh_from_db(fields=["version"])
        audit_record(actor=actor, action="claim.merge", obj=target, claim_id=target.pk, before=before,
                     after={"start": target.start, "end": target.end, "merged": [c.pk for c in parts],
                            "version": target.version}, channel=channel)
        claim_updated_emit(change="merge", items=[(target.pk, {**_state(target), "merged": [c.pk for c in parts]})])
        # A merge touches a handful of claims a person picked: one workflow call each keeps the
        # duplicate rule (and its audit row) in the workflow service.
        for part in parts:
            claim_mark_duplicate(claim=part, original=target, actor=actor, channel=channel)
    return target
