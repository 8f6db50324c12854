"""The plain text of an article: decoded, checked and cleaned, whether it came in a request or a fetch."""

from __future__ import annotations

import re

from django.conf import settings

from claims.services.errors import InvalidInput

MIN_BODY_LETTERS = 40
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def decode_text(data: str | bytes, what: str) -> str:
    if isinstance(data, str):
        return data
    if b"\x00" in data[:65536]:
        raise InvalidInput(f"The {what} looks like a binary file, not text.", code="binary_content")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidInput(
            f"The {what} is not valid UTF-8 (byte {exc.start}): convert it to UTF-8 first.", code="invalid_utf8"
        ) from exc


def clean_text(text: str, *, what: str = "text") -> str:
    """The text offsets will refer to: line endings unified, outer blank space trimmed, nothing else."""
    if "\x00" in text:
        raise InvalidInput(f"The {what} contains NUL bytes: it looks like a binary file.", code="binary_content")
    controls = len(_CONTROL.findall(text[:100_000]))
    if controls > max(5, len(text[:100_000]) // 100):
        raise InvalidInput(f"The {what} contains control characters: it looks like a binary file.",
                           code="binary_content")
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    limit = settings.FACTCHECK_MAX_ARTICLE_CHARS
    if not text:
        raise InvalidInput(f"The {what} is empty.", code="empty")
    if len(text) > limit:
        raise InvalidInput(
            f"The {what} has {len(text):,} characters; the limit is {limit:,} (FACTCHECK_MAX_ARTICLE_CHARS).",
            code="too_large",
        )
    if len(_LETTER.findall(text[:5000])) < 3:
        raise InvalidInput(f"The {what} has no words in it.", code="no_article_body")
    return text


_SCRIPT_OR_STYLE = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")


def check_html(html: str) -> str:
    """What a request checks of an HTML page before storing it: its size and that it shows some words.

    Cheap (two linear regex passes, no parser): finding the article body in the page is the
    extraction worker's job (text_from_html), so a request never waits for it."""
    html = html.replace("\x00", "")
    if len(html) > settings.FACTCHECK_MAX_ARTICLE_CHARS * 5:
        raise InvalidInput("The HTML page is too large to process.", code="too_large")
    visible = _TAG.sub(" ", _SCRIPT_OR_STYLE.sub(" ", html))
    if len(_LETTER.findall(visible)) < MIN_BODY_LETTERS:
        raise InvalidInput("No article body was found in the HTML (only navigation or boilerplate).",
                           code="no_article_body")
    return html


def text_from_html(html: str, url: str | None) -> tuple[str, str]:
    from claims.extraction.html import html_to_text

    if len(html) > settings.FACTCHECK_MAX_ARTICLE_CHARS * 5:
        raise InvalidInput("The HTML page is too large to process.", code="too_large")
    text, title = html_to_text(html, url=url)
    if len(_LETTER.findall(text)) < MIN_BODY_LETTERS:
        raise InvalidInput("No article body was found in the HTML (only navigation or boilerplate).",
                           code="no_article_body")
    return clean_text(text, what="article body"), title
