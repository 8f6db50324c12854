"""A URL a reviewer pasted: fetched by a worker (same safety rules as article URLs), title and main
text extracted, the text hashed, and the excerpt taken around the passage closest to the claim."""

from __future__ import annotations

import hashlib
from typing import Any
from urllib.parse import urlsplit

import trafilatura
from lxml import html as lxml_html

from claims.evidence.base import Candidate, Provider, ProviderError, best_excerpt, claim_analysis
from claims.search.scoring import score_pair
from claims.search.text import analyse


def extract_page(body: str, content_type: str) -> tuple[str, str]:
    """(title, main text) of a fetched page."""
    if content_type == "text/plain":
        lines = [line.strip() for line in body.splitlines() if line.strip()]
        return (lines[0][:500] if lines else ""), "\n".join(lines)
    text = trafilatura.extract(body, include_comments=False, include_tables=False, favor_recall=True) or ""
    title = ""
    metadata = trafilatura.extract_metadata(body)
    if metadata is not None and metadata.title:
        title = metadata.title
    if not title or not text:
        try:
            tree = lxml_html.fromstring(body)
        except (ValueError, lxml_html.etree.ParserError):
            tree = None
        if tree is not None:
            title = title or " ".join((tree.findtext(".//title") or "").split())
            if not text:
                for bad in tree.xpath("//script|//style|//nav|//header|//footer"):
                    bad.drop_tree()
                text = " ".join(tree.text_content().split())
    return " ".join(title.split())[:500], text


class UrlSnapshotProvider(Provider):
    name = "url_snapshot"
    label = "URL snapshot"
    timeout = 15.0
    needs_network = True
    rate = 0.0

    def search(self, claim: Any, *, options: dict[str, Any] | None = None) -> list[Candidate]:
        url = str((options or {}).get("url") or "")
        if not url:
            raise ProviderError("No URL to snapshot.")
        result = self.fetch_page(url)
        title, text = extract_page(result.text(), result.content_type)
        if not text.strip():
            raise ProviderError(f"{url}: no readable text on the page.")
        analysis = claim_analysis(claim)
        excerpt = best_excerpt(text, analysis, size=700)
        return [
            Candidate(
                url=url,
                title=title or url[:500],
                publisher=(urlsplit(result.url).hostname or "")[:200],
                excerpt=excerpt,
                relevance=score_pair(analysis, analyse(excerpt)).score,
                content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
                extra={"final_url": result.url, "chars": len(text)},
            )
        ]
