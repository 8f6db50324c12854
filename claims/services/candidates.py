"""Below-threshold candidates: kept on their article so a reviewer can pull one up.

The extractor keeps a short ranked list per article (claims.extraction.selection); every other
candidate is written to `Article.extraction_candidates` in the extraction's own transaction. Pulling
one up creates the claim through the manual-claim service (review_actions.claim_create_from_selection,
the path a text selection takes) with the candidate's fields, and takes it off the list.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from claims.models import Article, Channel, Claim
from claims.services.audit import audit_record
from claims.services.errors import InvalidInput
from claims.services.roles import require_reviewer

# Enough for any news article; a 1 MB text does not keep thousands of rows of JSON.
MAX_STORED = 60


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


def article_candidates(article: Article) -> list[dict[str, Any]]:
    """The candidates a reviewer can still pull up (those not already a claim), best first."""
    spans = set(article.claims.filter(start__isnull=False).values_list("start", "end"))
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
