"""Feeds, sitemaps and article pages for the watch tests, in the formats real sites serve."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any
from xml.sax.saxutils import escape

from tests.loopback import Handler, Response

BASE_TIME = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)

PAGE = """<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>{title}</title></head><body>
<nav><a href="/">Accueil</a> | <a href="/monde">Monde</a></nav>
<article><h1>{title}</h1><p class="byline">Par la rédaction</p>
<p>{body}</p>
<p>Le ministère a précisé que {n} communes étaient concernées par ces mesures depuis le début du mois de novembre.</p>
</article><footer>Mentions légales - Contact</footer></body></html>"""


def item_body(n: int) -> str:
    return (f"Le conseil régional a voté mardi une enveloppe de {n + 10} millions d'euros pour la rénovation "
            f"de {n + 3} lycées, selon le président de la région, qui promet la fin des travaux en 2028.")


def page(n: int) -> Handler:
    html = PAGE.format(title=f"Article numéro {n}", body=item_body(n), n=n + 40)
    return lambda request: (200, {"Content-Type": "text/html; charset=utf-8"}, html.encode())


def rss(base: str, numbers: list[int], *, summaries: bool = True) -> bytes:
    items = "".join(
        f"<item><title>Article numéro {n}</title><link>{base}/articles/{n}</link>"
        f"<guid>{base}/articles/{n}</guid>"
        f"<pubDate>{format_datetime(BASE_TIME + timedelta(minutes=n), usegmt=True)}</pubDate>"
        + (f"<description>{escape('<p>' + item_body(n) + '</p>')}</description>" if summaries else "")
        + "</item>"
        for n in numbers
    )
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Test RSS</title>'
            f"<link>{base}/</link><description>d</description>{items}</channel></rss>").encode()


def atom(base: str, numbers: list[int]) -> bytes:
    entries = "".join(
        f"<entry><title>Article numéro {n}</title><link rel=\"alternate\" href=\"/articles/{n}\"/>"
        f"<id>urn:test:{n}</id><updated>{(BASE_TIME + timedelta(minutes=n)).isoformat()}</updated>"
        f"<summary>{escape(item_body(n))}</summary></entry>"
        for n in numbers
    )
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" '
            f'xml:base="{base}/"><title>Test Atom</title><id>urn:test</id>'
            f"<updated>{BASE_TIME.isoformat()}</updated>{entries}</feed>").encode()


def news_sitemap(base: str, numbers: list[int]) -> bytes:
    urls = "".join(
        f"<url><loc>{base}/articles/{n}</loc><news:news><news:publication><news:name>Test</news:name>"
        f"<news:language>fr</news:language></news:publication>"
        f"<news:publication_date>{(BASE_TIME + timedelta(minutes=n)).isoformat()}</news:publication_date>"
        f"<news:title>Article numéro {n}</news:title></news:news></url>"
        for n in numbers
    )
    return ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">' + urls + "</urlset>").encode()


def xml(body: bytes, content_type: str = "application/rss+xml") -> Handler:
    return lambda request: (200, {"Content-Type": content_type}, body)


class ConditionalFeed:
    """Serves a body with an ETag and Last-Modified, and 304 to a request that has either validator."""

    def __init__(self, body: bytes, content_type: str = "application/rss+xml"):
        self.body, self.content_type = body, content_type
        self.etag, self.modified = '"v1"', "Mon, 30 Nov 2026 08:00:00 GMT"
        self.statuses: list[int] = []

    def __call__(self, request: dict[str, Any]) -> Response:
        headers = {k.lower(): v for k, v in request["headers"].items()}
        if headers.get("if-none-match") == self.etag or headers.get("if-modified-since") == self.modified:
            self.statuses.append(304)
            return 304, {"ETag": self.etag}, b""
        self.statuses.append(200)
        return 200, {"Content-Type": self.content_type, "ETag": self.etag, "Last-Modified": self.modified}, self.body


class FailingThenOk:
    """Answers `fail_status` (with Retry-After) to the first `failures` requests, then the body."""

    def __init__(self, body: bytes, failures: int = 1, fail_status: int = 500, retry_after: str = "120"):
        self.body, self.failures, self.fail_status, self.retry_after = body, failures, fail_status, retry_after
        self.seen = 0
        self.lock = threading.Lock()

    def __call__(self, request: dict[str, Any]) -> Response:
        with self.lock:
            self.seen += 1
            failing = self.seen <= self.failures
        if failing:
            return self.fail_status, {"Content-Type": "text/plain", "Retry-After": self.retry_after}, b"overloaded"
        return 200, {"Content-Type": "application/rss+xml"}, self.body


def site(base_routes: dict[str, Handler], numbers: list[int]) -> dict[str, Handler]:
    """The article pages /articles/<n> plus the given feed routes."""
    return {**{f"/articles/{n}": page(n) for n in numbers}, **base_routes}
