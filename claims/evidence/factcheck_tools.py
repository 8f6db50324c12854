"""Google Fact Check Tools claims:search: other organisations' fact-checks of similar claims.

Each claimReview of the answer becomes an Evidence row and, through the service, a PriorFactCheck
(so the next claim about the same thing matches it locally, without the network).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

from claims.evidence.base import Candidate, Provider, ProviderError, build_query, claim_analysis, parse_date
from claims.search.scoring import score_pair
from claims.search.text import analyse


class FactCheckToolsProvider(Provider):
    name = "factcheck_tools"
    label = "Fact Check Tools"
    timeout = 10.0
    needs_network = True
    rate = 5.0
    max_results = 10

    def search(self, claim: Any, *, options: dict[str, Any] | None = None) -> list[Candidate]:
        key = settings.FACTCHECK_TOOLS_API_KEY
        if not key:
            raise ProviderError("FACTCHECK_TOOLS_API_KEY is not set.")
        query = build_query(claim, max_terms=5)
        if not query:
            return []
        params = {"query": query, "key": key, "pageSize": str(self.max_results)}
        if claim.language:
            params["languageCode"] = claim.language
        data = self.fetch_json(settings.FACTCHECK_TOOLS_ENDPOINT, params=params)
        if not isinstance(data, dict):
            raise ProviderError("Fact Check Tools: unexpected answer.")
        if "error" in data:
            error = data["error"] if isinstance(data["error"], dict) else {"message": str(data["error"])}
            raise ProviderError(f"Fact Check Tools: {error.get('message') or error.get('status') or 'error'}")
        analysis = claim_analysis(claim)
        candidates: list[Candidate] = []
        seen: set[str] = set()
        items = data.get("claims", [])  # the API leaves "claims" out when nothing matches
        if not isinstance(items, list):
            raise ProviderError("Fact Check Tools: unexpected answer (claims is not a list).")
        for item in items:
            if not isinstance(item, dict):
                continue
            text = str(item.get("text") or "").strip()
            scored = score_pair(analysis, analyse(text)) if text else None
            for review in item.get("claimReview") or []:
                if not isinstance(review, dict) or not review.get("url") or review["url"] in seen:
                    continue
                seen.add(review["url"])
                candidates.append(self._candidate(item, text, review, scored))
        return candidates

    def _candidate(self, item: dict[str, Any], text: str, review: dict[str, Any], scored: Any) -> Candidate:
        publisher = review.get("publisher") or {}
        publisher_name = str(publisher.get("name") or publisher.get("site") or "")[:200]
        rating = str(review.get("textualRating") or "")[:200]
        reviewed_at = parse_date(review.get("reviewDate"))
        claim_reviewed = text or str(review.get("title") or "")
        return Candidate(
            url=review["url"],
            title=str(review.get("title") or claim_reviewed)[:500],
            publisher=publisher_name,
            excerpt=f"{rating}: {claim_reviewed}" if rating else claim_reviewed,
            published_at=reviewed_at,
            relevance=scored.score if scored else 0.0,
            match_tier=scored.tier if scored else "",
            prior={
                "claim_reviewed": claim_reviewed,
                "rating_text": rating,
                "rating_value": None,
                "best_rating": None,
                "worst_rating": None,
                "url": review["url"],
                "publisher": publisher_name,
                "claimant": str(item.get("claimant") or "")[:300],
                "review_date": reviewed_at,
                "language": str(review.get("languageCode") or "")[:16],
                "raw": {"claim": {k: v for k, v in item.items() if k != "claimReview"}, "claimReview": review},
            },
        )
