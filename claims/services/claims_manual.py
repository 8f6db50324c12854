"""Claims entered by a person (API or UI) rather than found by the extractor."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction

from claims.models import Article, Channel, Claim, ClaimKind
from claims.services.audit import audit_record
from claims.services.errors import InvalidInput
from claims.services.roles import require_reviewer
from claims.services.webhooks import webhook_emit


def claim_payload(claim: Claim) -> dict[str, Any]:
    return {
        "claim_id": claim.pk,
        "article_id": claim.article_id,
        "text": claim.text,
        "language": claim.language,
        "status": claim.status,
        "checkworthiness": claim.checkworthiness,
    }


def claim_create(
    *,
    text: str,
    actor: Any,
    article: Article | None = None,
    start: int | None = None,
    end: int | None = None,
    language: str = "",
    claimant: str = "",
    kind: str = ClaimKind.OTHER,
    channel: str = Channel.UI,
    extracted: Mapping[str, Any] | None = None,
) -> Claim:
    """A manual claim, optionally anchored to a span of an article (its quote is that span).

    `extracted` carries the structured fields of an extractor candidate a reviewer pulls up
    (claims.services.candidates): claimant, outlet, kind, entities, quantities, dates, its score and
    reasons; without it the claim is check-worthy by the reviewer's judgement alone."""
    require_reviewer(actor, doing="add claims")
    text = text.strip()
    if not text:
        raise InvalidInput("The claim text cannot be empty.", code="empty_text")
    if (start is None) != (end is None):
        raise InvalidInput("Give both start and end, or neither.", code="invalid_offsets")
    if start is not None and article is None:
        raise InvalidInput("Offsets need an article.", code="invalid_offsets")
    if kind not in ClaimKind.values:
        raise InvalidInput(f"Unknown kind {kind!r}: use one of {', '.join(ClaimKind.values)}.", code="invalid_kind")
    quote = article.text[start:end] if article is not None and start is not None and end is not None else ""
    claim = Claim(
        article=article, text=text, quote=quote, start=start, end=end,
        language=language or (article.language if article is not None else ""), claimant=claimant.strip(),
        kind=kind,
        created_by=actor if getattr(actor, "pk", None) else None, touched=True,
        # A claim a person entered is check-worthy by that person's judgement.
        checkworthiness=1.0, checkworthiness_reasons=["entered by a reviewer"],
    )
    if extracted:
        for name in ("claimant", "outlet", "kind", "entities", "quantities", "dates", "needs_context"):
            if name in extracted:
                setattr(claim, name, extracted[name])
        claim.checkworthiness = float(extracted.get("checkworthiness", claim.checkworthiness))
        claim.checkworthiness_reasons = [*extracted.get("checkworthiness_reasons", []), "pulled up by a reviewer"]
    error = claim.offsets_error(article.text if article is not None else None)
    if error:
        raise InvalidInput(f"Invalid offsets: {error}.", code="invalid_offsets")
    with transaction.atomic():
        claim.save()
        audit_record(actor=actor, action="claim.create", obj=claim, claim_id=claim.pk,
                     after={"text": claim.text, "article": claim.article_id, "start": start, "end": end,
                            "claimant": claim.claimant, "kind": claim.kind},
                     channel=channel)
        webhook_emit(event="claim.created", object_id=claim.pk, payload=claim_payload(claim))
    return claim
