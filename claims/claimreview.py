"""schema.org ClaimReview JSON-LD: export of our verdicts and the rules that keep it valid.

Pure functions over model instances (no queries beyond the relations passed in): the API, the
admin export and the publish step all build markup here, and publishing refuses a verdict for
which claimreview_problems() returns anything.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlparse

from django.conf import settings

from claims.models import CLAIMREVIEW_SUMMARY_MAX, Claim, Rating, Verdict

# Words that state a rating: claimReviewed must describe the claim, not judge it.
RATING_WORDS = re.compile(
    r"\b(faux|fausse|vrai|vraie|trompeu(?:r|se)|false|true|misleading|fake|hoax|intox|infox)\b", re.IGNORECASE
)


def rating_bounds() -> tuple[int, int] | None:
    """(worst, best) of the numeric scale, or None when the scale has no numeric ratings."""
    values = [value for value in Rating.objects.filter(is_active=True).values_list("value", flat=True) if value]
    if not values:
        return None
    return min(values), max(values)


def scale_problems(bounds: tuple[int, int] | None) -> list[str]:
    if bounds is None:
        return []
    worst, best = bounds
    problems = []
    if worst < 1:
        problems.append("the worst numeric rating must be at least 1")
    if worst >= best:
        problems.append("the worst numeric rating must be lower than the best")
    return problems


def claimreview_problems(
    verdict: Verdict, *, claim: Claim | None = None, bounds: tuple[int, int] | None | bool = False
) -> list[str]:
    """Why this verdict cannot be published as ClaimReview; empty when it can."""
    claim = claim or verdict.claim
    problems: list[str] = []
    summary = verdict.summary.strip()
    if not summary:
        problems.append("the summary (claimReviewed) is empty")
    elif len(summary) >= CLAIMREVIEW_SUMMARY_MAX:
        problems.append(f"the summary must be under {CLAIMREVIEW_SUMMARY_MAX} characters ({len(summary)} now)")
    if summary and RATING_WORDS.search(summary):
        problems.append("the summary states the claim; it must not contain a rating word")
    if verdict.rating_id is None:
        problems.append("no rating chosen")
    else:
        if not verdict.rating.label_for(claim.language or "fr").strip():
            problems.append("the rating has no label in this language (reviewRating.alternateName)")
        if verdict.rating.value is not None:
            problems.extend(scale_problems(rating_bounds() if bounds is False else bounds))  # type: ignore[arg-type]
    if not settings.FACTCHECK_PUBLISHER_NAME.strip():
        problems.append("the newsroom name (FACTCHECK_PUBLISHER_NAME) is not configured")
    if verdict.public_url:
        expected = urlparse(settings.FACTCHECK_PUBLISHER_URL).hostname
        if urlparse(verdict.public_url).hostname != expected:
            problems.append(f"the public url must be on {expected}")
    return problems


def claimreview_for(
    verdict: Verdict, *, claim: Claim | None = None, bounds: tuple[int, int] | None | bool = False
) -> dict[str, Any]:
    """One ClaimReview object for a published verdict. Pass bounds when exporting many."""
    claim = claim or verdict.claim
    rating = verdict.rating
    language = claim.language or (claim.article.language if claim.article_id else "") or "fr"
    review_rating: dict[str, Any] = {"@type": "Rating", "alternateName": rating.label_for(language) if rating else ""}
    if rating is not None and rating.value is not None:
        scale = rating_bounds() if bounds is False else bounds
        if scale and not scale_problems(scale):  # type: ignore[arg-type]
            worst, best = scale  # type: ignore[misc]
            review_rating.update({"ratingValue": rating.value, "bestRating": best, "worstRating": worst})
    if verdict.explanation:
        review_rating["ratingExplanation"] = verdict.explanation
    item: dict[str, Any] = {"@type": "Claim"}
    if claim.claimant:
        item["author"] = {"@type": "Person" if " " in claim.claimant else "Organization", "name": claim.claimant}
    if claim.article_id is not None:
        article = claim.article
        if article.published_at:
            item["datePublished"] = article.published_at.date().isoformat()
        if article.url:
            item["appearance"] = [{"@type": "CreativeWork", "url": article.url}]
    published = verdict.published_at
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": verdict.summary.strip(),
        "reviewRating": review_rating,
        "itemReviewed": item,
        "author": {
            "@type": "Organization",
            "name": settings.FACTCHECK_PUBLISHER_NAME,
            "url": settings.FACTCHECK_PUBLISHER_URL,
        },
        "url": verdict.public_url,
        "datePublished": published.date().isoformat() if published else None,
        "inLanguage": language,
    }
