"""Feeds and sitemaps in, items out: pure parsing, no ORM and no network.

RSS and Atom go through feedparser (it copes with the variations real feeds have: namespaces,
relative links, odd dates, HTML in summaries); sitemaps, news sitemaps and sitemap indexes
through the standard library's ElementTree behind defusedxml (no entity expansion, no external
entities). Nothing here uses regular expressions on markup.
"""

from __future__ import annotations

import calendar
import html
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import defusedxml.ElementTree as SafeET
import feedparser
from defusedxml import DefusedXmlException
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.html import strip_tags

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
# A summary is a fallback text, never a whole page: keep the first few thousand characters.
MAX_SUMMARY_CHARS = 20_000


class FeedError(Exception):
    """The document is neither a feed nor a sitemap; the message says why, for the source's health."""


@dataclass(frozen=True)
class FeedItem:
    url: str
    title: str = ""
    summary: str = ""
    published_at: datetime | None = None


@dataclass
class ParsedFeed:
    kind: str  # rss / atom / sitemap / sitemapindex
    title: str = ""
    items: list[FeedItem] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)  # a sitemap index: its child sitemaps, newest first


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _root_tag(body: bytes) -> str | None:
    """The root element's local name when the body is well-formed XML, else None."""
    try:
        root = SafeET.fromstring(body)
    except DefusedXmlException as exc:
        raise FeedError(f"The document uses XML entities or DTDs, which are refused ({type(exc).__name__}).") \
            from exc
    except Exception:
        return None  # not well-formed: feedparser gets a chance (it reads many broken feeds)
    return _local(root.tag)


def parse_feed(body: bytes, *, base_url: str, content_type: str = "") -> ParsedFeed:
    """Items of an RSS 2.0 / RSS 1.0 / Atom feed, a (news) sitemap or a sitemap index."""
    if not body.strip():
        raise FeedError("The server sent an empty document.")
    root = _root_tag(body)
    if root in ("urlset", "sitemapindex"):
        return _parse_sitemap(body, base_url=base_url)
    return _parse_feedparser(body, base_url=base_url, content_type=content_type)


# --- RSS / Atom ----------------------------------------------------------------------------------
def _entry_date(entry: Any) -> datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
    return None


def _plain(fragment: str) -> str:
    """Readable text of an HTML fragment (feed summaries are often HTML): tags out, entities decoded."""
    text = html.unescape(strip_tags(fragment or ""))
    paragraphs = [" ".join(part.split()) for part in text.split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p)[:MAX_SUMMARY_CHARS]


def _entry_link(entry: Any, base_url: str) -> str:
    link = entry.get("link") or ""
    if not link:
        for candidate in entry.get("links", []):
            if candidate.get("rel", "alternate") == "alternate" and candidate.get("href"):
                link = candidate["href"]
                break
    if not link and entry.get("guidislink") is not False:
        guid = entry.get("id") or ""
        if urlsplit(guid).scheme in ("http", "https"):
            link = guid
    return urljoin(base_url, link.strip()) if link else ""


def _entry_summary(entry: Any) -> str:
    contents = [c.get("value", "") for c in entry.get("content", []) if c.get("value")]
    # The longest of the full content and the summary: some feeds carry the whole article.
    candidates = [*contents, entry.get("summary", "")]
    return _plain(max(candidates, key=len)) if candidates else ""


def _problem(parsed: Any) -> str:
    """Where the XML breaks, when feedparser's XML parser says so."""
    exc = parsed.get("bozo_exception")
    if exc is not None and hasattr(exc, "getLineNumber"):
        return f": not well-formed XML at line {exc.getLineNumber()}, column {exc.getColumnNumber()} " \
               f"({exc.getMessage()})"
    return ""


def _parse_feedparser(body: bytes, *, base_url: str, content_type: str) -> ParsedFeed:
    # feedparser resolves links against an http(s) base only (it garbles file:///): the others
    # stay relative here and _entry_link joins them.
    headers = {"content-location": base_url} if base_url.startswith(("http://", "https://")) else {}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(body, response_headers=headers, sanitize_html=True, resolve_relative_uris=True)
    version = parsed.get("version") or ""
    entries = parsed.get("entries") or []
    if not version and not entries:
        raise FeedError(f"This is not an RSS or Atom feed, nor a sitemap{_problem(parsed)}.")
    kind = "atom" if version.startswith("atom") else "rss"
    items = []
    for entry in entries:
        url = _entry_link(entry, base_url)
        if urlsplit(url).scheme not in ("http", "https", "file"):
            continue  # an entry without a usable link cannot be ingested by URL
        items.append(FeedItem(
            url=url, title=" ".join(_plain(entry.get("title", "")).split())[:500],
            summary=_entry_summary(entry), published_at=_entry_date(entry),
        ))
    if not items and parsed.get("bozo"):
        raise FeedError(f"The feed could not be read{_problem(parsed)}.")
    title = " ".join(_plain(parsed.get("feed", {}).get("title", "")).split())[:200]
    return ParsedFeed(kind=kind, title=title, items=items)


# --- sitemaps ------------------------------------------------------------------------------------
def _sitemap_date(value: str | None) -> datetime | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        parsed = parse_datetime(value)
    except ValueError:
        parsed = None
    if parsed is None:
        try:
            day = parse_date(value[:10])
        except ValueError:
            day = None
        if day is None:
            return None
        parsed = datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _text(element: Any, path: str) -> str:
    found = element.find(path, {"s": SITEMAP_NS, "n": NEWS_NS})
    return (found.text or "").strip() if found is not None and found.text else ""


def _parse_sitemap(body: bytes, *, base_url: str) -> ParsedFeed:
    root = SafeET.fromstring(body)
    # Sitemaps in the wild sometimes omit the namespace: accept both spellings.
    ns = SITEMAP_NS if root.tag.startswith("{") else ""
    prefix = "s:" if ns else ""
    if _local(root.tag) == "sitemapindex":
        children = []
        for sitemap in root.findall(f"{prefix}sitemap", {"s": SITEMAP_NS}):
            loc = _text(sitemap, f"{prefix}loc")
            if loc:
                children.append((_sitemap_date(_text(sitemap, f"{prefix}lastmod")), urljoin(base_url, loc)))
        children.sort(key=lambda pair: pair[0] or datetime.min.replace(tzinfo=UTC), reverse=True)
        return ParsedFeed(kind="sitemapindex", sitemaps=[url for _, url in children])
    items = []
    for entry in root.findall(f"{prefix}url", {"s": SITEMAP_NS}):
        loc = _text(entry, f"{prefix}loc")
        if not loc or urlsplit(urljoin(base_url, loc)).scheme not in ("http", "https", "file"):
            continue
        published = _sitemap_date(_text(entry, "n:news/n:publication_date")) or _sitemap_date(
            _text(entry, f"{prefix}lastmod")
        )
        items.append(FeedItem(url=urljoin(base_url, loc), title=_text(entry, "n:news/n:title")[:500],
                              published_at=published))
    return ParsedFeed(kind="sitemap", items=items)
