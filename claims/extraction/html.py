"""Main text of an HTML page (trafilatura drops navigation, bylines and boilerplate)."""

from __future__ import annotations

import trafilatura
from trafilatura.metadata import extract_metadata


def html_to_text(html: str, *, url: str | None = None) -> tuple[str, str]:
    """(main text with blank lines between paragraphs, page title); text is "" when there is no body."""
    if not html.strip():
        return "", ""
    try:
        body = trafilatura.extract(
            html, url=url, output_format="txt", include_comments=False, include_tables=False,
            include_images=False, include_links=False, favor_precision=True,
        ) or ""
    except Exception:  # malformed markup trafilatura cannot parse: treated as "no body"
        body = ""
    lines = [line.strip() for line in body.splitlines() if line.strip()]
    title = ""
    try:
        meta = extract_metadata(html, default_url=url)
        title = (meta.title or "") if meta is not None else ""
    except Exception:
        title = ""
    return "\n\n".join(lines), title.strip()
