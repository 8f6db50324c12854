"""One poll of one source: take it, fetch the feed (conditional GET), store its new entries as
SourceItem rows, ingest each through article_ingest, record the source's health.

- Taken with a conditional UPDATE (queued -> running, or running past the stale limit), and
  finished only by the poll that took it (its start time is the token): two workers never poll
  the same source, and a poll that lost its source to the sweeper cannot overwrite the new one.
- Entries are rows before they are articles, and the feed's ETag / Last-Modified are saved in the
  same transaction as those rows: a poll that dies after that leaves `pending` items that the next
  poll ingests (a 304 included); one that dies before fetches the whole feed again. Articles are
  deduplicated by URL before fetching and by URL and text hash in article_ingest.
- Failures are health, not exceptions: the reason in `last_error`, `consecutive_failures`, and
  the next poll pushed back exponentially (never earlier than the server's Retry-After).
"""

from __future__ import annotations

import functools
import logging
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from claims.feeds import FeedError, FeedItem, ParsedFeed, parse_feed
from claims.models import Article, Channel, PollStatus, Source, SourceItem
from claims.netfetch import FetchError, FetchResult, fetch_url
from claims.services.audit import audit_record
from claims.services.errors import InvalidInput
from claims.services.ingest import article_ingest
from claims.services.queue import enqueue
from claims.services.sources import POLL_TASK, file_source_path

log = logging.getLogger(__name__)

FEED_TYPES = (
    "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml",
    "application/x-rss+xml", "application/x-atom+xml",
    # Misconfigured servers send feeds as these; the parser decides and says so when it is not one.
    "text/html", "text/plain", "application/octet-stream",
)
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
# Child sitemaps of a sitemap index read per poll (newest first).
MAX_CHILD_SITEMAPS = 3
ITEM_BATCH = 50


@dataclass(frozen=True)
class PollOutcome:
    result: str  # done / not_modified / failed / skipped
    new_items: int = 0
    ingested: int = 0
    failed_items: int = 0
    more: bool = False
    error: str = ""


# --- fetching --------------------------------------------------------------------------------------
def _http_date(moment: datetime) -> str:
    return format_datetime(moment.astimezone(UTC), usegmt=True)


def _fetch(url: str, *, allowed_types: tuple[str, ...], headers: dict[str, str] | None = None) -> FetchResult:
    """netfetch for http(s); a `file:` source under FACTCHECK_WATCH_FILE_ROOTS is read from disk
    with the same conditional semantics (its mtime is its Last-Modified)."""
    if not url.startswith("file:"):
        return fetch_url(url, allowed_types=allowed_types, headers=headers)
    try:
        path = file_source_path(url)
        modified = _http_date(datetime.fromtimestamp(int(path.stat().st_mtime), tz=UTC))
        if (headers or {}).get("If-Modified-Since") == modified:
            return FetchResult(url=url, status=304, content_type="", body=b"", encoding=None,
                               headers={"last-modified": modified})
        body = path.read_bytes()
    except InvalidInput as exc:
        raise FetchError(exc.message, code="invalid_url") from exc
    except OSError as exc:
        raise FetchError(f"Could not read {url}: {exc.strerror or exc}.", code="connect_error") from exc
    content_type = "text/html" if path.suffix in (".html", ".htm") else "application/xml"
    return FetchResult(url=url, status=200, content_type=content_type, body=body, encoding="utf-8",
                       headers={"last-modified": modified})


def _read_feed(source: Source) -> tuple[FetchResult, ParsedFeed | None]:
    headers = {}
    if source.etag:
        headers["If-None-Match"] = source.etag
    if source.last_modified:
        headers["If-Modified-Since"] = source.last_modified
    result = _fetch(source.url, allowed_types=FEED_TYPES, headers=headers)
    if result.status == 304:
        return result, None
    parsed = parse_feed(result.body, base_url=result.url, content_type=result.content_type)
    if parsed.kind == "sitemapindex":
        items: list[FeedItem] = []
        for child in parsed.sitemaps[:MAX_CHILD_SITEMAPS]:
            page = _fetch(child, allowed_types=FEED_TYPES)
            items += parse_feed(page.body, base_url=page.url, content_type=page.content_type).items
        parsed = ParsedFeed(kind="sitemap", title=parsed.title, items=items)
    return result, parsed


# --- taking and finishing -------------------------------------------------------------------------
@functools.cache
def _take_sql() -> tuple[str, list[str]]:
    """The take statement, built once per process (no ORM compile on the hot path), and the
    attribute names of the Source columns it returns, in order."""
    fields = Source._meta.concrete_fields
    table, items = Source._meta.db_table, SourceItem._meta.db_table
    item_source = SourceItem._meta.get_field("source").column
    item_status = SourceItem._meta.get_field("status").column
    sql = (
        f"UPDATE {table} SET poll_status = %s, poll_started_at = %s "
        f"WHERE id = %s AND is_enabled = %s AND (poll_status = %s OR (poll_status = %s AND poll_started_at < %s)) "
        f"RETURNING {', '.join(f.column for f in fields)}, "
        f"EXISTS (SELECT 1 FROM {items} WHERE {items}.{item_source} = {table}.id AND {items}.{item_status} = %s)"
    )
    return sql, [f.attname for f in fields]


def _take(source_id: int) -> tuple[Source, bool] | None:
    """queued -> running (or a running poll whose worker was lost), in one conditional UPDATE that
    also returns the row and whether the source has pending entries (left by a poll that died or
    ran out of time): an unchanged feed's whole poll must stay within a few milliseconds of worker
    CPU, and this saves two separate reads. The new poll_started_at is the poll's token.

    Only a poll holding the source creates pending entries (_store_items), so what the take saw
    stays true until this poll stores entries of its own."""
    now = timezone.now()
    stale = now - timedelta(seconds=settings.FACTCHECK_WATCH_STALE_SECONDS)
    sql, names = _take_sql()
    with connection.cursor() as cursor:
        cursor.execute(sql, [PollStatus.RUNNING, _moment(now), source_id, True, PollStatus.QUEUED,
                             PollStatus.RUNNING, _moment(stale), SourceItem.Status.PENDING])
        row = cursor.fetchone()
    if row is None:
        return None
    if connection.vendor == "postgresql":
        return Source.from_db(connection.alias, names, row[:-1]), bool(row[-1])
    # SQLite hands times back as text, which from_db would not convert: read the row through the ORM.
    return Source.objects.get(pk=source_id), bool(row[-1])


def _moment(value: datetime) -> Any:
    """A time as the ORM would send it (SQLite stores naive UTC text; PostgreSQL takes it as is)."""
    return connection.ops.adapt_datetimefield_value(value)


def _backoff(source: Source, failures: int, retry_after: float | None) -> timedelta:
    """Exponential from the source's interval (at most FACTCHECK_WATCH_MAX_BACKOFF_MINUTES); a
    server's Retry-After is a floor, so a 429/503 is never asked again too early."""
    minutes = min(max(1, source.interval_minutes) * 2 ** max(0, failures - 1),
                  settings.FACTCHECK_WATCH_MAX_BACKOFF_MINUTES)
    delay = timedelta(minutes=minutes)
    if retry_after is not None:
        delay = max(delay, timedelta(seconds=min(retry_after, 7 * 24 * 3600)))
    return delay


def _fail(source: Source, token: datetime, message: str, *, status: int | None,
          retry_after: float | None) -> PollOutcome:
    now = timezone.now()
    failures = source.consecutive_failures + 1
    Source.objects.filter(pk=source.pk, poll_status=PollStatus.RUNNING, poll_started_at=token).update(
        poll_status=PollStatus.IDLE, last_polled_at=now, last_status=status, last_error=message[:2000],
        last_error_at=now, consecutive_failures=failures,
        next_poll_at=now + _backoff(source, failures, retry_after), updated_at=now,
    )
    return PollOutcome("failed", error=message)


@functools.cache
def _finish_sql() -> str:
    """The common end of a poll (nothing left to ingest) as one precompiled UPDATE, guarded by the
    poll's token; `kind` is kept when the poll read no feed (a 304)."""
    table = Source._meta.db_table
    return (
        f"UPDATE {table} SET poll_status = %s, last_polled_at = %s, last_success_at = %s, last_status = %s, "
        f"consecutive_failures = 0, next_poll_at = %s, updated_at = %s, kind = COALESCE(NULLIF(%s, ''), kind) "
        f"WHERE id = %s AND poll_status = %s AND poll_started_at = %s"
    )


def _finish(source: Source, token: datetime, *, status: int, kind: str, more: bool) -> None:
    now = timezone.now()
    if not more:
        # One statement, no ORM compile, no transaction round trips: the common (304) path.
        with connection.cursor() as cursor:
            cursor.execute(_finish_sql(), [
                PollStatus.IDLE, _moment(now), _moment(now), status,
                _moment(now + timedelta(minutes=source.interval_minutes)), _moment(now), kind,
                source.pk, PollStatus.RUNNING, _moment(token),
            ])
        return
    changes: dict[str, Any] = {
        "poll_status": PollStatus.QUEUED, "poll_queued_at": now, "last_polled_at": now, "last_success_at": now,
        "last_status": status, "consecutive_failures": 0, "next_poll_at": now, "updated_at": now,
    }
    if kind:
        changes["kind"] = kind
    with transaction.atomic():
        mine = Source.objects.filter(pk=source.pk, poll_status=PollStatus.RUNNING, poll_started_at=token)
        if mine.update(**changes):  # the budget ran out with items left: carry on in a fresh task
            enqueue(POLL_TASK, source.pk)


# --- entries -----------------------------------------------------------------------------------------
def _store_items(source: Source, token: datetime, result: FetchResult, parsed: ParsedFeed) -> int:
    """New entries as pending rows, and the validators that let the next poll be a 304, together."""
    newest = sorted(parsed.items, key=lambda i: i.published_at or datetime.min.replace(tzinfo=UTC), reverse=True)
    unique: dict[str, FeedItem] = {}
    for item in newest[: settings.FACTCHECK_WATCH_MAX_ITEMS]:
        unique.setdefault(item.url[:2000], item)
    with transaction.atomic():
        known = set(SourceItem.objects.filter(source=source, url__in=list(unique)).values_list("url", flat=True))
        rows = [
            SourceItem(source=source, url=url, title=item.title[:500], summary=item.summary,
                       published_at=item.published_at)
            for url, item in unique.items() if url not in known
        ]
        SourceItem.objects.bulk_create(rows, ignore_conflicts=True)
        Source.objects.filter(pk=source.pk, poll_status=PollStatus.RUNNING, poll_started_at=token).update(
            etag=result.headers.get("etag", "")[:500], last_modified=result.headers.get("last-modified", "")[:100],
            items_seen=F("items_seen") + len(rows),
        )
    return len(rows)


def _ingest_page(item: SourceItem, language: str) -> Article:
    page = _fetch(item.url, allowed_types=PAGE_TYPES)
    article_url = item.url if item.url.startswith(("http://", "https://")) else None
    common = {"url": article_url, "title": item.title, "language": language, "published_at": item.published_at,
              "channel": Channel.TASK}
    if page.content_type == "text/plain":
        return article_ingest(text=page.text(), **common).article
    return article_ingest(html=page.text(), **common).article


def _ingest_item(item: SourceItem, source: Source) -> tuple[str, str, Article | None, str]:
    """(status, origin, article, note) for one entry; never raises for a bad page or summary."""
    try:
        return SourceItem.Status.DONE, SourceItem.Origin.PAGE, _ingest_page(item, source.language), ""
    except (FetchError, InvalidInput) as exc:
        reason = exc.message
    article_url = item.url if item.url.startswith(("http://", "https://")) else None
    if not item.summary.strip():
        return SourceItem.Status.FAILED, "", None, f"The page could not be used ({reason}) and the feed has no " \
                                                   "summary for this item."
    note = f"The page could not be used ({reason}): the feed's summary was ingested instead."
    text = f"{item.title}\n\n{item.summary}" if item.title and not item.summary.startswith(item.title) \
        else item.summary
    try:
        result = article_ingest(text=text, url=article_url, title=item.title, language=source.language,
                                published_at=item.published_at, channel=Channel.TASK)
    except InvalidInput as exc:
        return SourceItem.Status.FAILED, "", None, f"{note} It was refused too: {exc.message}"
    article = result.article
    if result.outcome == "created":
        audit_record(actor=None, action="article.from_feed_summary", obj=article, channel=Channel.TASK,
                     after={"source": source.pk, "item": item.pk, "reason": reason})
    return SourceItem.Status.DONE, SourceItem.Origin.SUMMARY, article, note


def _process_pending(source: Source, deadline: float) -> tuple[int, int, bool]:
    """Ingest the source's pending entries, oldest first, until done or out of time."""
    ingested = failed = 0
    while True:
        batch = list(SourceItem.objects.filter(source=source, status=SourceItem.Status.PENDING)
                     .order_by("id")[:ITEM_BATCH])
        if not batch:
            return ingested, failed, False
        known = dict(Article.objects.filter(url__in=[i.url for i in batch]).values_list("url", "pk"))
        for item in batch:
            if time.monotonic() > deadline:
                return ingested, failed, True
            if item.url in known:
                status, origin, article_id, note = (SourceItem.Status.DONE, SourceItem.Origin.EXISTING,
                                                    known[item.url], "")
            else:
                status, origin, article, note = _ingest_item(item, source)
                article_id = article.pk if article is not None else None
            SourceItem.objects.filter(pk=item.pk, status=SourceItem.Status.PENDING).update(
                status=status, origin=origin, article_id=article_id, error=note[:2000], processed_at=timezone.now()
            )
            if status == SourceItem.Status.DONE:
                ingested += 1
            else:
                failed += 1


# --- the poll ----------------------------------------------------------------------------------------
def source_poll_execute(*, source_id: int) -> PollOutcome:
    """Poll one source that was queued. Safe to call any number of times."""
    taken = _take(source_id)
    if taken is None:
        return PollOutcome("skipped")
    source, pending = taken
    token = source.poll_started_at
    assert token is not None
    deadline = time.monotonic() + settings.FACTCHECK_WATCH_POLL_BUDGET_SECONDS
    try:
        result, parsed = _read_feed(source)
    except FetchError as exc:
        return _fail(source, token, exc.message, status=exc.status, retry_after=exc.retry_after)
    except FeedError as exc:
        return _fail(source, token, str(exc), status=200, retry_after=None)
    new = _store_items(source, token, result, parsed) if parsed is not None else 0
    if new or pending:
        ingested, failed, more = _process_pending(source, deadline)
    else:  # nothing stored now and nothing left before (the take looked): no query for entries
        ingested, failed, more = 0, 0, False
    _finish(source, token, status=result.status, kind=parsed.kind if parsed else "", more=more)
    return PollOutcome("done" if parsed is not None else "not_modified", new_items=new, ingested=ingested,
                       failed_items=failed, more=more)
