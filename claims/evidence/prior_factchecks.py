"""Prior fact-checks: imported ClaimReview rows and the newsroom's own published verdicts."""

from __future__ import annotations

from typing import Any

from claims.evidence.base import Candidate, Provider
from claims.search import POSSIBLE, STRONG, match_claim


class PriorFactChecksProvider(Provider):
    name = "prior_factchecks"
    label = "Prior fact-checks"
    timeout = 10.0
    needs_network = False
    max_results = 10

    def search(self, claim: Any, *, options: dict[str, Any] | None = None) -> list[Candidate]:
        candidates = []
        # Evidence is what a reviewer weighs: likely duplicates and paraphrases, not merely related topics.
        for match in match_claim(claim=claim, limit=self.max_results, tiers=(STRONG, POSSIBLE)):
            is_prior = match.kind == "prior_factcheck"
            candidates.append(
                Candidate(
                    # Our own verdicts may not have a public url yet: a stable locator keeps them unique.
                    url=match.url or f"verdict:{match.id}",
                    title=match.claim_reviewed[:500],
                    publisher=match.publisher[:200],
                    excerpt=f"{match.rating}: {match.claim_reviewed}" if match.rating else match.claim_reviewed,
                    relevance=match.score,
                    match_tier=match.tier,
                    prior_factcheck_id=match.id if is_prior else None,
                    extra={"kind": match.kind, "id": match.id},
                )
            )
        return candidates
