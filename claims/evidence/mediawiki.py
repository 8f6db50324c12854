"""MediaWiki (e.g. Wikipedia in the claim's language): list=search, then the pages' plain-text extracts."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote, urlsplit

from django.conf import settings

from claims.evidence.base import Candidate, Provider, ProviderError, best_excerpt, build_query, claim_analysis
from claims.search.scoring import score_pair
from claims.search.text import analyse


def endpoint_for(language: str) -> str:
    endpoints: dict[str, str] = settings.FACTCHECK_MEDIAWIKI_ENDPOINTS
    return endpoints.get(language) or endpoints.get(settings.LANGUAGE_CODE) or next(iter(endpoints.values()), "")


def page_url(endpoint: str, title: str) -> str:
    """https://fr.wikipedia.org/w/api.php + 'Tour Eiffel' -> https://fr.wikipedia.org/wiki/Tour_Eiffel."""
    parts = urlsplit(endpoint)
    return f"{parts.scheme}://{parts.netloc}/wiki/{quote(title.replace(' ', '_'))}"


class MediaWikiProvider(Provider):
    name = "mediawiki"
    label = "Wikipedia"
    timeout = 10.0
    needs_network = True
    rate = 5.0  # Wikimedia asks API clients to stay well under this without a bot agreement
    max_results = 5

    def search(self, claim: Any, *, options: dict[str, Any] | None = None) -> list[Candidate]:
        endpoint = endpoint_for(claim.language)
        if not endpoint:
            raise ProviderError("No MediaWiki endpoint is configured (FACTCHECK_MEDIAWIKI_ENDPOINTS).")
        query = build_query(claim, max_terms=4)
        if not query:
            return []
        hits = self._search(endpoint, query)
        if not hits and len(query.split()) > 2:
            # MediaWiki ANDs every word: retry with the first two (the names) before giving up.
            hits = self._search(endpoint, " ".join(query.split()[:2]))
        if not hits:
            return []
        pages = self._extracts(endpoint, [hit["pageid"] for hit in hits])
        analysis = claim_analysis(claim)
        candidates = []
        for rank, hit in enumerate(hits):
            page = pages.get(hit["pageid"], {})
            extract = page.get("extract") or _strip_tags(hit.get("snippet", ""))
            if not extract:
                continue
            title = page.get("title") or hit.get("title", "")
            scored = score_pair(analysis, analyse(extract[:5000]))
            # Search rank carries most of the signal; overlap with the claim refines it.
            relevance = round(0.5 * (1 - rank / (len(hits) + 1)) + 0.5 * scored.score, 4)
            candidates.append(
                Candidate(
                    url=page.get("fullurl") or page_url(endpoint, title),
                    title=title[:500],
                    publisher=urlsplit(endpoint).netloc,
                    excerpt=best_excerpt(extract, analysis),
                    relevance=relevance,
                    extra={"pageid": hit["pageid"]},
                )
            )
        return candidates

    def _search(self, endpoint: str, query: str) -> list[dict[str, Any]]:
        data = self.fetch_json(endpoint, params={
            "action": "query", "list": "search", "srsearch": query, "srlimit": str(self.max_results),
            "srprop": "snippet|timestamp", "format": "json", "formatversion": "2",
        })
        if not isinstance(data, dict):
            raise ProviderError("Wikipedia: unexpected answer.")
        if "error" in data:
            error = data["error"]
            raise ProviderError(f"Wikipedia: {error.get('info') or error.get('code') or 'error'}")
        query_part = data.get("query")
        hits = query_part.get("search") if isinstance(query_part, dict) else None
        if not isinstance(hits, list):
            # A real answer always has query.search as a list (empty when nothing matches): anything
            # else is a broken proxy, an error page or another API, and must not pass for "no results".
            raise ProviderError("Wikipedia: unexpected answer (no query.search list).")
        return [hit for hit in hits if isinstance(hit, dict) and isinstance(hit.get("pageid"), int)]

    def _extracts(self, endpoint: str, page_ids: list[int]) -> dict[int, dict[str, Any]]:
        data = self.fetch_json(endpoint, params={
            "action": "query", "prop": "extracts|info", "inprop": "url", "exintro": "1", "explaintext": "1",
            "exlimit": "max", "pageids": "|".join(str(pid) for pid in page_ids), "format": "json",
            "formatversion": "2",
        })
        pages = (data.get("query") or {}).get("pages") if isinstance(data, dict) else None
        # formatversion=2 answers a list; the older format a dict keyed by page id.
        if isinstance(pages, dict):
            pages = list(pages.values())
        return {page["pageid"]: page for page in pages or [] if isinstance(page, dict) and "pageid" in page}


def _strip_tags(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)
