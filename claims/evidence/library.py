"""The newsroom's trusted documents, searched passage by passage."""

from __future__ import annotations

from typing import Any

from claims.evidence.base import Candidate, Provider
from claims.search import search_passages


def passage_locator(*, source_url: str, document_id: int, passage_id: int) -> str:
    if source_url:
        return f"{source_url}#passage-{passage_id}"
    return f"library://document/{document_id}/passage/{passage_id}"


class LibraryProvider(Provider):
    name = "library"
    label = "Library"
    timeout = 10.0
    needs_network = False
    max_results = 5

    def search(self, claim: Any, *, options: dict[str, Any] | None = None) -> list[Candidate]:
        passages = search_passages(
            text=claim.text, language=claim.language, limit=self.max_results,
            entities=claim.entities or (), quantities=claim.quantities or (),
        )
        return [
            Candidate(
                url=passage_locator(source_url=p.url, document_id=p.document_id, passage_id=p.id),
                title=p.title[:500],
                publisher=p.publisher[:200],
                excerpt=p.text,
                published_at=p.published_at,
                relevance=p.score,
                extra={"document_id": p.document_id, "passage_id": p.id},
            )
            for p in passages
        ]
