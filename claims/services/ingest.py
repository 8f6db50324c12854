"""Articles in, claims out: the ingestion service every entry point uses, the extraction job the
`extract` queue runs, and the sweeper that re-enqueues what a broker outage left behind.

The database is the outbox: an article is stored `queued` first, and whoever runs the job claims
it with a conditional UPDATE, so two workers never extract the same article twice.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import uuid
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from claims.models import Article, Channel, Claim, ExtractionStatus, content_hash
from claims.services.audit import audit_record
from claims.services.candidates import candidates_payload
from claims.services.errors import InvalidInput
from claims.services.evidence import evidence_gather
from claims.services.queue import enqueue, enqueue_now
from claims.services.webhooks import webhook_emit, webhook_emit_many

log = logging.getLogger(__name__)

EXTRACT_TASK = "claims.tasks.article_extract"
MIN_BODY_LETTERS = 40
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


# --- input checks ------------------------------------------------------------------------------
def _decode(data: str | bytes, what: str) -> str:
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


def _text_from_html(html: str, url: str | None) -> tuple[str, str]:
    from claims.extraction.html import html_to_text

    if len(html) > settings.FACTCHECK_MAX_ARTICLE_CHARS * 5:
        raise InvalidInput("The HTML page is too large to process.", code="too_large")
    text, title = html_to_text(html, url=url)
    if len(_LETTER.findall(text)) < MIN_BODY_LETTERS:
        raise InvalidInput("No article body was found in the HTML (only navigation or boilerplate).",
                           code="no_article_body")
    return clean_text(text, what="article body"), title


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
) -> Article:
    """Store an article and queue its extraction; the same text again is a no-op.

    The returned article carries `ingest_outcome`: "created", "duplicate" (same text or URL already
    there, nothing changed) or "updated" (same URL, new text: re-extracted, touched claims kept).
    A URL without text is stored `queued` and fetched by the extraction worker.
    """
    language = _check_language(language)
    url = _check_url(url) if url else None
    published = _published(published_at)
    raw_html = ""
    if text is not None and (not isinstance(text, str | bytes) or not text):
        raise InvalidInput("The text is empty.", code="empty")
    if text:
        body = clean_text(_decode(text, "text"))
    elif html:
        raw_html = _decode(html, "HTML").replace("\x00", "")
        body, found_title = _text_from_html(raw_html, url)
        title = title or found_title
    elif url:
        _refuse_private_target(url)
        body = ""
    else:
        raise InvalidInput("Give the article's text, its HTML or its URL.", code="no_content")
    title = " ".join(str(title or "").split())[:500]
    if body:
        digest = content_hash(body)
    else:
        assert url is not None  # for the type checker: no body means a URL to fetch
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
        existing.ingest_outcome = "duplicate"  # type: ignore[attr-defined]
        return existing


def _store(
    *, body: str, digest: str, url: str | None, title: str, language: str, published: dt.datetime | None,
    raw_html: str, submitted_by: Any, channel: str,
) -> Article:
    same_text = Article.objects.filter(content_hash=digest).first()
    if same_text is not None and not body and same_text.extraction_status == ExtractionStatus.FAILED \
            and not same_text.text:
        # The page could not be fetched last time: asking for the URL again retries it.
        same_text.extraction_status, same_text.extraction_error = ExtractionStatus.QUEUED, ""
        same_text.save(update_fields=["extraction_status", "extraction_error", "updated_at"])
        audit_record(actor=submitted_by if getattr(submitted_by, "pk", None) else None, action="article.retry",
                     obj=same_text, after={"extraction_status": "queued"}, channel=channel)
        enqueue(EXTRACT_TASK, article_id=same_text.pk)
        same_text.ingest_outcome = "updated"  # type: ignore[attr-defined]
        return same_text
    if same_text is not None:
        same_text.ingest_outcome = "duplicate"  # type: ignore[attr-defined]
        return same_text
    same_url = Article.objects.select_for_update().filter(url=url).first() if url else None
    if same_url is not None and not body:
        same_url.ingest_outcome = "duplicate"  # type: ignore[attr-defined]
        return same_url
    user = submitted_by if getattr(submitted_by, "pk", None) else None
    if same_url is not None:
        # The page changed: new text, re-extraction; claims people touched are kept (article_extract).
        before = {"content_hash": same_url.content_hash, "extraction_status": same_url.extraction_status}
        same_url.text, same_url.content_hash, same_url.html = body, digest, raw_html
        same_url.title = title or same_url.title
        same_url.language = language or ""
        same_url.published_at = published or same_url.published_at
        same_url.extraction_status = ExtractionStatus.QUEUED
        same_url.extraction_error = ""
        same_url.save()
        audit_record(actor=user, action="article.update", obj=same_url, before=before,
                     after={"content_hash": digest, "extraction_status": "queued"}, channel=channel)
        enqueue(EXTRACT_TASK, article_id=same_url.pk)
        same_url.ingest_outcome = "updated"  # type: ignore[attr-defined]
        return same_url
    article = Article.objects.create(
        url=url, title=title, language=language, text=body, html=raw_html, content_hash=digest,
        published_at=published, submitted_by=user, extraction_status=ExtractionStatus.QUEUED,
    )
    audit_record(actor=user, action="article.ingest", obj=article,
                 after={"title": title, "url": url, "language": language, "chars": len(body)}, channel=channel)
    enqueue(EXTRACT_TASK, article_id=article.pk)
    article.ingest_outcome = "created"  # type: ignore[attr-defined]
    return article


# --- extraction --------------------------------------------------------------------------------
@dataclass(frozen=True)
class ExtractResult:
    article_id: int
    status: str
    created: int = 0
    kept: int = 0
    error: str = ""


def _relaxed_commit() -> None:
    """Extraction results can always be produced again: if PostgreSQL crashes before this
    transaction's commit reaches the disk, the article is still queued or running and the sweeper
    re-queues it. Not waiting for the WAL flush saves a disk sync per article."""
    if connection.vendor == "postgresql" and connection.in_atomic_block:
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")


def _claim_jobs(article_id: int, batch: int) -> list[int]:
    """Claim this article, and up to batch-1 other queued ones, with one conditional UPDATE.

    Parsing several articles in one nlp.pipe stream is ~20% faster than one at a time; the other
    articles' own task messages then find them taken and do nothing. The UPDATE only takes rows
    still `queued`, so two workers never claim the same article; the token tells us which we got.
    """
    ids = [article_id]
    if batch > 1:
        ids += list(
            Article.objects.filter(extraction_status=ExtractionStatus.QUEUED)
            .exclude(pk=article_id).order_by("created_at", "pk").values_list("pk", flat=True)[: batch - 1]
        )
    token = f"running (job {uuid.uuid4().hex[:12]})"
    now = timezone.now()
    with transaction.atomic():
        _relaxed_commit()  # a claim lost in a crash leaves the article queued: nothing to protect
        taken = Article.objects.filter(pk__in=ids, extraction_status=ExtractionStatus.QUEUED).update(
            extraction_status=ExtractionStatus.RUNNING, extraction_started_at=now, extraction_error=token,
            updated_at=now,
        )
    if not taken:
        return []
    if taken == len(ids):
        return ids
    return list(Article.objects.filter(pk__in=ids, extraction_error=token).values_list("pk", flat=True))


def _fail(article_id: int, message: str) -> ExtractResult:
    with transaction.atomic():
        now = timezone.now()
        changed = Article.objects.filter(pk=article_id, extraction_status=ExtractionStatus.RUNNING).update(
            extraction_status=ExtractionStatus.FAILED, extraction_error=message, updated_at=now
        )
        article = Article.objects.filter(pk=article_id).first()
        if changed and article is not None:
            audit_record(actor=None, action="article.extract_failed", obj=article, after={"error": message},
                         channel=Channel.TASK)
    return ExtractResult(article_id, ExtractionStatus.FAILED if changed else "skipped", error=message)


def _fetch(article: Article) -> None:
    """Fetch a URL-only article, keep its main text; raises InvalidInput with a readable message."""
    from claims.netfetch import FetchError, fetch_url

    assert article.url
    try:
        page = fetch_url(article.url, max_bytes=settings.FACTCHECK_FETCH_MAX_BYTES,
                         timeout=settings.FACTCHECK_FETCH_TIMEOUT)
    except FetchError as exc:
        raise InvalidInput(f"Could not fetch {article.url}: {exc.message}", code=f"fetch_{exc.code}") from exc
    if page.content_type.startswith("text/plain"):
        body, title, raw = clean_text(_decode(page.body, "page")), "", ""
    else:
        raw = page.text()
        body, title = _text_from_html(raw, page.url)
    digest = content_hash(body)
    other = Article.objects.filter(content_hash=digest).exclude(pk=article.pk).values_list("pk", flat=True).first()
    if other is not None:
        raise InvalidInput(f"This page has the same text as article #{other}; nothing new to extract.",
                           code="duplicate_text")
    article.text, article.html, article.content_hash = body, raw, digest
    article.title = article.title or title[:500]
    Article.objects.filter(pk=article.pk, extraction_status=ExtractionStatus.RUNNING).update(
        text=body, html=raw, content_hash=digest, title=article.title, updated_at=timezone.now()
    )


def _relocate(claim: Claim, text: str) -> bool:
    """Keep a touched claim's offsets valid in a changed text: the nearest copy of its quote, or none."""
    if claim.start is None or claim.offsets_error(text) is None:
        return False
    positions = [m.start() for m in re.finditer(re.escape(claim.quote), text)] if claim.quote else []
    if positions:
        best = min(positions, key=lambda p: abs(p - (claim.start or 0)))
        claim.start, claim.end = best, best + len(claim.quote)
    else:
        claim.start = claim.end = None  # the sentence is gone from the article: the quote stays as history
    return True


def article_extract(*, article_id: int, batch: int | None = None) -> ExtractResult:
    """Run extraction for a queued article. Idempotent: a second call finds it no longer queued.

    It may extract a few other queued articles in the same pass (see _claim_jobs); each is written
    in its own transaction, so one failure never touches the others.
    """
    from claims.extraction import extract_texts
    from claims.extraction.checkworthiness import configured_scorer

    batch = settings.FACTCHECK_EXTRACTION_BATCH if batch is None else batch
    ids = _claim_jobs(article_id, max(1, batch))
    if not ids:
        status = Article.objects.filter(pk=article_id).values_list("extraction_status", flat=True).first()
        return ExtractResult(article_id, f"skipped ({status or 'gone'})")
    results: dict[int, ExtractResult] = {}
    ready: list[Article] = []
    for article in Article.objects.filter(pk__in=ids).order_by("pk"):
        try:
            if not article.text and article.url:
                _fetch(article)
            ready.append(article)
        except InvalidInput as exc:
            results[article.pk] = _fail(article.pk, exc.message)
    try:
        extractions = extract_texts(
            [a.text for a in ready], languages=[a.language for a in ready], scorer=configured_scorer(),
            min_score=settings.FACTCHECK_MIN_CHECKWORTHINESS,
            published=[timezone.localtime(a.published_at) if a.published_at else None for a in ready],
        )
    except Exception as exc:  # a bug or a broken model: say what to do rather than leave it running
        log.exception("extraction of articles %s failed", ids)
        message = (f"Extraction crashed ({type(exc).__name__}: {str(exc)[:300]}). "
                   "Check the worker log and the spaCy models, then re-queue the article.")
        for article in ready:
            results[article.pk] = _fail(article.pk, message)
    else:
        for article, extraction in zip(ready, extractions, strict=True):
            results[article.pk] = _persist(article, extraction)
    return results.get(article_id) or ExtractResult(article_id, "skipped (taken by another job)")


def _persist(article: Article, extraction: Any) -> ExtractResult:
    from claims.extraction import candidate_dict

    with transaction.atomic():
        _relaxed_commit()
        locked = (
            Article.objects.select_for_update()
            .filter(pk=article.pk, extraction_status=ExtractionStatus.RUNNING, content_hash=article.content_hash)
            .first()
        )
        if locked is None:  # re-ingested or re-claimed meanwhile: the newer job writes
            return ExtractResult(article.pk, "skipped (changed during extraction)")
        existing = list(Claim.objects.filter(article_id=article.pk))
        kept = [c for c in existing if c.touched]
        moved = [c for c in kept if _relocate(c, article.text)]
        if moved:
            Claim.objects.bulk_update(moved, ["start", "end"])
        stale_ids = [c.pk for c in existing if not c.touched]
        if stale_ids:
            Claim.objects.filter(pk__in=stale_ids, touched=False).delete()
        taken_spans = {(c.start, c.end) for c in kept if c.start is not None}
        rows = []
        rejected = 0
        for cand in extraction.claims:
            if (cand.start, cand.end) in taken_spans:
                continue
            claim = Claim(article_id=article.pk, **candidate_dict(cand))
            if claim.offsets_error(article.text):  # the invariant is checked before anything is written
                rejected += 1
                log.error("article %s: dropped a claim with bad offsets %s:%s", article.pk, cand.start, cand.end)
                continue
            rows.append(claim)
        created = Claim.objects.bulk_create(rows, batch_size=500)
        now = timezone.now()
        Article.objects.filter(pk=article.pk).update(
            extraction_candidates=candidates_payload(extraction, taken=taken_spans),
            extraction_status=ExtractionStatus.DONE, extracted_at=now, updated_at=now,
            extraction_error=extraction.note, language=extraction.language or article.language,
        )
        audit_record(
            actor=None, action="article.extract", obj=locked, channel=Channel.TASK,
            after={"claims": len(created), "kept": len(kept), "relocated": len(moved), "rejected": rejected,
                   "language": extraction.language, "skipped_blocks": len(extraction.skipped)},
        )
        webhook_emit_many(event="claim.created", items=[
            (c.pk, {"claim_id": c.pk, "article_id": article.pk, "text": c.text,
                    "checkworthiness": c.checkworthiness, "kind": c.kind}) for c in created
        ])
        if settings.FACTCHECK_AUTO_EVIDENCE and created:
            # The new claims' evidence runs are queued rows from this transaction on (a broker outage
            # delays them, the sweeper re-sends them); the `evidence` queue runs them once this commits.
            evidence_gather(claim_ids=[claim.pk for claim in created])
        webhook_emit(event="article.extracted", object_id=article.pk, payload={
            "article_id": article.pk, "claims": len(created) + len(kept), "language": extraction.language,
        })
    return ExtractResult(article.pk, ExtractionStatus.DONE, created=len(created), kept=len(kept),
                         error=extraction.note)


# --- sweeper -----------------------------------------------------------------------------------
def extraction_sweep(*, min_age_seconds: int = 60, limit: int = 1000) -> int:
    """Re-enqueue articles left queued (broker down at ingest) or running past the stale limit."""
    now = timezone.now()
    stale = now - dt.timedelta(seconds=settings.FACTCHECK_EXTRACTION_STALE_SECONDS)
    Article.objects.filter(extraction_status=ExtractionStatus.RUNNING, extraction_started_at__lt=stale).update(
        extraction_status=ExtractionStatus.QUEUED, updated_at=now - dt.timedelta(seconds=min_age_seconds)
    )
    ids = list(
        Article.objects.filter(
            extraction_status=ExtractionStatus.QUEUED, updated_at__lte=now - dt.timedelta(seconds=min_age_seconds)
        ).order_by("updated_at").values_list("pk", flat=True)[:limit]
    )
    return sum(1 for pk in ids if enqueue_now(EXTRACT_TASK, article_id=pk))
