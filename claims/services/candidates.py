"""Below-threshold candidates: kept on their article so a reviewer can pull one up.

The extractor keeps a short ranked list per article (claims.extraction.selection); every other
candidate is written to `Article.extraction_candidates` in the extraction's own transaction. Pulling
one up creates the claim through the manual-claim service (review_actions.claim_create_from_selection,
the path a text selection takes) with the candidate's fields, and takes it off the list.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from claims.models import Article, AuditEvent, Channel, Claim, ExtractionStatus
from claims.services.audit import audit_bulk, audit_record
from claims.services.errors import InvalidInput
from claims.services.roles import require_reviewer

# Enough for any news article; a 1 MB text does not keep thousands of rows of JSON.
MAX_STORED = 60
# Stored as a reason on a candidate promoted because it repeats a fact-checked claim.
REPEATED = gettext_noop("repeats a claim already fact-checked")


def candidates_payload(extraction: Any, *, taken: set[tuple[Any, Any]]) -> list[dict[str, Any]]:
    """The recoverable candidates of an extraction as stored on the article (by the extraction's own
    UPDATE of the article, claims.services.ingest), best first; spans a kept claim holds are left out."""
    from claims.extraction import candidate_dict

    out = []
    for cand in getattr(extraction, "recoverable", [])[:MAX_STORED]:
        if (cand.start, cand.end) in taken:
            continue
        out.append(candidate_dict(cand))
    return out


def article_candidates(article: Article, *, claims: Iterable[Claim] | None = None) -> list[dict[str, Any]]:
    """The candidates a reviewer can still pull up (those not already a claim), best first. Pass the
    article's claims when they are loaded already: no query then."""
    if claims is None:
        spans = set(article.claims.filter(start__isnull=False).values_list("start", "end"))
    else:
        spans = {(c.start, c.end) for c in claims if c.start is not None}
    return [c for c in article.extraction_candidates or [] if (c.get("start"), c.get("end")) not in spans]


def candidate_pull_up(*, article: Article, start: int, end: int, actor: Any, channel: str = Channel.UI) -> Claim:
    """Make a stored candidate a claim, with the extractor's text and fields."""
    from claims.services.review_actions import claim_create_from_selection

    require_reviewer(actor, doing="add claims")
    with transaction.atomic():
        locked = Article.objects.select_for_update().filter(pk=article.pk).first()
        if locked is None:
            raise InvalidInput("The article no longer exists.", code="unknown_article")
        stored = list(locked.extraction_candidates or [])
        found = next((c for c in stored if c.get("start") == start and c.get("end") == end), None)
        if found is None:
            raise InvalidInput("That candidate is no longer available: the article may have been extracted again.",
                               code="unknown_candidate")
        if Claim.objects.filter(article_id=locked.pk, start=start, end=end).exists():
            raise InvalidInput("That sentence is already a claim.", code="already_claimed")
        fields = {k: found[k] for k in ("claimant", "outlet", "kind", "entities", "quantities", "dates",
                                         "needs_context", "checkworthiness", "checkworthiness_reasons") if k in found}
        claim = claim_create_from_selection(article=locked, start=start, end=end, quote=found.get("quote", ""),
                                            text=found.get("text", ""), actor=actor, channel=channel,
                                            extracted=fields)
        locked.extraction_candidates = [c for c in stored if c is not found]
        locked.save(update_fields=["extraction_candidates", "updated_at"])
        audit_record(actor=actor, action="claim.pull_up", obj=claim, claim_id=claim.pk,
                     after={"article": locked.pk, "start": start, "end": end,
                            "checkworthiness": found.get("checkworthiness")}, channel=channel)
    return claim


def candidates_need_matching() -> bool:
    """Whether extraction leaves its candidates to be matched (automatic evidence with prior fact-checks on)."""
    from claims.evidence import enabled_providers

    return bool(settings.FACTCHECK_AUTO_EVIDENCE) and "prior_factchecks" in enabled_providers()


def candidates_match(*, article_id: int) -> list[Claim]:
    """Promote the candidates below the short list that repeat a claim already fact-checked.

    A claim someone has fact-checked before is worth checking again wherever it reappears, however
    the article ranks it: each candidate with a `strong` match (claims.search: the same claim,
    figures and names agreeing) becomes a claim as the extractor would have stored it, with its
    automatic evidence queued, so the prior-fact-check run raises its alert like any other. Runs
    in the `evidence` queue after extraction (the matching costs ~10-20 ms a candidate, too much
    for the extraction path); idempotent through `Article.candidates_matched`, re-sent by the
    evidence sweeper after a broker outage. Returns the claims created.
    """
    from claims.search import STRONG, match_text
    from claims.services.evidence import evidence_gather
    from claims.services.webhooks import webhook_emit_many

    article = Article.objects.filter(pk=article_id, candidates_matched=False,
                                     extraction_status=ExtractionStatus.DONE).first()
    if article is None:
        return []
    stored = list(article.extraction_candidates or [])
    repeated = [
        (candidate, matches[0])
        for candidate in stored
        if (matches := match_text(text=candidate.get("text") or candidate.get("quote", ""),
                                  language=article.language, limit=1, tiers=(STRONG,)))
    ]
    with transaction.atomic():
        locked = (Article.objects.select_for_update()
                  .filter(pk=article_id, candidates_matched=False, content_hash=article.content_hash).first())
        if locked is None:  # matched meanwhile, or extracted again: that run decides
            return []
        taken = set(Claim.objects.filter(article_id=article_id, start__isnull=False).values_list("start", "end"))
        promoted: list[tuple[Claim, Any]] = []
        for candidate, match in repeated:
            if (candidate["start"], candidate["end"]) in taken:
                continue
            fields = {**candidate, "checkworthiness_reasons": [*candidate.get("checkworthiness_reasons", []), REPEATED]}
            claim = Claim(article_id=article_id, **fields)
            if claim.offsets_error(locked.text) is None:
                promoted.append((claim, match))
        created = Claim.objects.bulk_create([claim for claim, _ in promoted])
        spans = {(c.start, c.end) for c in created}
        Article.objects.filter(pk=article_id).update(
            candidates_matched=True, updated_at=timezone.now(),
            extraction_candidates=[c for c in locked.extraction_candidates or []
                                   if (c.get("start"), c.get("end")) not in spans],
        )
        audit_bulk(
            AuditEvent(action="claim.promote_repeated", object_type="claim", object_id=claim.pk, claim_id=claim.pk,
                       channel=Channel.TASK, after={"article": article_id, "match": match.url, "score": match.score})
            for claim, match in promoted
        )
        webhook_emit_many(event="claim.created", items=[
            (c.pk, {"claim_id": c.pk, "article_id": article_id, "text": c.text,
                    "checkworthiness": c.checkworthiness, "kind": c.kind}) for c in created
        ])
        if created:
            evidence_gather(claim_ids=[c.pk for c in created])
    return created
