"""Articles in: the ingestion service every entry point uses (API, review UI, commands).

The database is the outbox: an article is stored `queued` first and its extraction job
(claims.services.extraction_job) is enqueued after commit; the sweeper
(claims.services.extraction_sweep) re-enqueues what a broker outage left behind.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import urlsplit

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from claims.models import Article, Channel, ExtractionStatus, content_hash
from claims.services import rules
from claims.services.article_text import check_html, clean_text, decode_text, text_from_html
from claims.services.audit import audit_record
from claims.services.errors import InvalidInput
from claims.services.queue import enqueue
from claims.task_names import ARTICLE_EXTRACT

EXTRACT_TASK = ARTICLE_EXTRACT


# --- input checks ------------------------------------------------------------------------------
def _check_language(language: str) -> str:
    language = (language or "").strip().lower()
    supported = sorted(settings.FACTCHECK_SPACY_MODELS)
    if language and language not in supported:
        raise InvalidInput(
            f"Language {language!r} is not supported; use one of {', '.join(supported)} or leave it empty "
            "to detect it.", code="unsupported_language",
        )
    return language


def _check_url(url: str) -> str:
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname or len(url) > 2000:
        raise InvalidInput(f"{url[:200]!r} is not an http(s) URL.", code="invalid_url")
    return url


def _refuse_private_target(url: str) -> None:
    """Say no at once to a URL the worker would refuse to fetch (a redirect is checked when fetched)."""
    from claims.netfetch import FetchError, check_url_allowed

    try:
        check_url_allowed(url)
    except FetchError as exc:
        if exc.code in ("private_address", "invalid_url"):
            raise InvalidInput(exc.message, code=exc.code) from exc
        # A name that does not resolve now may resolve later: the worker tries and reports.


def _published(value: Any) -> dt.datetime | None:
    if value in (None, ""):
        return None
    if isinstance(value, str):
        parsed = parse_datetime(value)
        if parsed is None and (day := parse_date(value)) is not None:
            parsed = dt.datetime.combine(day, dt.time(12, 0))
        if parsed is None:
            raise InvalidInput(f"published_at {value!r} is not an ISO date or date-time.", code="invalid_date")
        value = parsed
    elif isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time(12, 0))
    if not isinstance(value, dt.datetime):
        raise InvalidInput("published_at must be a date or date-time.", code="invalid_date")
    return value if timezone.is_aware(value) else timezone.make_aware(value)


# --- ingestion ---------------------------------------------------------------------------------
Outcome = Literal["created", "updated", "duplicate"]


@dataclass(frozen=True)
class IngestResult:
    """What article_ingest did: "created", "updated" (same URL, new text or a failed fetch asked
    again: queued for extraction) or "duplicate" (same text or URL already there: nothing changed)."""

    article: Article
    outcome: Outcome

    @property
    def queued(self) -> bool:
        return self.outcome != "duplicate"


def article_ingest(
    *,
    text: str | bytes | None = None,
    html: str | bytes | None = None,
    url: str | None = None,
    title: str = "",
    language: str = "",
    published_at: Any = None,
    submitted_by: Any = None,
    channel: str = Channel.API,
    html_in_worker: bool = False,
) -> IngestResult:
    """Store an article and queue its extraction; the same text again is a no-op.

    A URL without text is stored `queued` and fetched by the extraction worker. An HTML page is read
    here, or with `html_in_worker` (the API: nothing heavy in a request) only checked here and read
    by the extraction worker. An article another
    account submitted is neither shown nor changed (rules.article_visible_to,
    rules.article_reingest_refusal): the caller gets a neutral 409.
    """
    language = _check_language(language)
    url = _check_url(url) if url else None
    published = _published(published_at)
    raw_html = ""
    if text is not None and (not isinstance(text, str | bytes) or not text):
        raise InvalidInput("The text is empty.", code="empty")
    if text:
        body = clean_text(decode_text(text, "text"))
    elif html and html_in_worker:
        # A request (the API) only checks the page; the extraction worker finds its body and title.
        raw_html = check_html(decode_text(html, "HTML"))
        body = ""
    elif html:
        # Already off the request path (a watched source's poll, a command): read it now, so the
        # caller learns at once that a page has no article body (a poll then uses the feed's summary).
        raw_html = decode_text(html, "HTML").replace("\x00", "")
        body, found_title = text_from_html(raw_html, url)
        title = title or found_title
    elif url:
        _refuse_private_target(url)
        body = ""
    else:
        raise InvalidInput("Give the article's text, its HTML or its URL.", code="no_content")
    title = " ".join(str(title or "").split())[:500]
    if body:
        digest = content_hash(body)
    elif raw_html:
        digest = content_hash("html:" + raw_html)  # placeholder until the worker has read the page
    else:
        assert url is not None  # for the type checker: no body nor page means a URL to fetch
        digest = content_hash("url:" + url)  # placeholder until the worker has fetched the page
    try:
        with transaction.atomic():
            return _store(body=body, digest=digest, url=url, title=title, language=language,
                          published=published, raw_html=raw_html, submitted_by=submitted_by, channel=channel)
    except IntegrityError:
        # Another request stored the same text or URL between our check and our insert.
        existing = Article.objects.filter(content_hash=digest).first() or (
            Article.objects.filter(url=url).first() if url else None
        )
        if existing is None:
            raise
        return _known(existing, submitted_by)


def _known(article: Article, actor: Any) -> IngestResult:
    """The answer for an article that is already there and stays as it is."""
    if not rules.article_visible_to(article, actor):
        raise rules.article_exists_refusal()
    return IngestResult(article, "duplicate")


def _requeue(article: Article, *, actor: Any, action: str, before: dict[str, Any], channel: str,
             fields: list[str]) -> IngestResult:
    article.extraction_status, article.extraction_error = ExtractionStatus.QUEUED, ""
    article.save(update_fields=[*fields, "extraction_status", "extraction_error", "updated_at"])
    audit_record(actor=actor, action=action, obj=article, before=before,
                 after={"content_hash": article.content_hash, "extraction_status": "queued"}, channel=channel)
    enqueue(EXTRACT_TASK, article_id=article.pk)
    return IngestResult(article, "updated")


def _store(
    *, body: str, digest: str, url: str | None, title: str, language: str, published: dt.datetime | None,
    raw_html: str, submitted_by: Any, channel: str,
) -> IngestResult:
    user = submitted_by if getattr(submitted_by, "pk", None) else None
    same_text = Article.objects.filter(content_hash=digest).first()
    if same_text is not None and not body and not raw_html and same_text.extraction_status == ExtractionStatus.FAILED \
            and not same_text.text:
        # The page could not be fetched last time: asking for the URL again retries it.
        refusal = rules.article_reingest_refusal(same_text, user)
        if refusal is not None:
            raise refusal
        return _requeue(same_text, actor=user, action="article.retry", channel=channel, fields=[],
                        before={"extraction_status": same_text.extraction_status})
    if same_text is not None:
        return _known(same_text, user)
    same_page = Article.objects.filter(html_hash=digest).first() if raw_html and not body else None
    if same_page is not None:  # the same HTML page, read by the worker since
        return _known(same_page, user)
    same_url = Article.objects.select_for_update().filter(url=url).first() if url else None
    if same_url is not None and not body and not raw_html:
        return _known(same_url, user)
    if same_url is not None:
        # The page changed: new text, re-extraction; claims people touched are kept (article_extract).
        refusal = rules.article_reingest_refusal(same_url, user)
        if refusal is not None:
            raise refusal
        before = {"content_hash": same_url.content_hash, "extraction_status": same_url.extraction_status}
        same_url.text, same_url.content_hash, same_url.html = body, digest, raw_html
        same_url.html_hash = digest if raw_html and not body else ""
        same_url.title = title or same_url.title
        same_url.language = language or ""
        same_url.published_at = published or same_url.published_at
        return _requeue(same_url, actor=user, action="article.update", before=before, channel=channel,
                        fields=["text", "content_hash", "html", "html_hash", "title", "language", "published_at"])
    article = Article.objects.create(
        url=url, title=title, language=language, text=body, html=raw_html, content_hash=digest,
        html_hash=digest if raw_html and not body else "",
        published_at=published, submitted_by=user, extraction_status=ExtractionStatus.QUEUED,
    )
    audit_record(actor=user, action="article.ingest", obj=article,
                 after={"title": title, "url": url, "language": language, "chars": len(body)}, channel=channel)
    enqueue(EXTRACT_TASK, article_id=article.pk)
    return IngestResult(article, "created")
