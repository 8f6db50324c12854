"""The extraction job the `extract` queue runs: claim queued articles, extract, persist the claims.

Whoever runs the job claims the article with a conditional UPDATE, so two workers never extract
the same article twice.
"""

from __future__ import annotations

import logging
import re
import uuid
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from claims.models import Article, Channel, Claim, ExtractionStatus, content_hash
from claims.services.article_text import clean_text, decode_text, text_from_html
from claims.services.audit import audit_record
from claims.services.candidates import candidates_need_matching, candidates_payload
from claims.services.errors import InvalidInput
from claims.services.evidence import evidence_gather
from claims.services.queue import enqueue
from claims.services.webhooks import webhook_emit_many, webhooks_active
from claims.task_names import EVIDENCE_CANDIDATES

log = logging.getLogger(__name__)


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
    token = uuid.uuid4().hex
    now = timezone.now()
    with transaction.atomic():
        _relaxed_commit()  # a claim lost in a crash leaves the article queued: nothing to protect
        taken = Article.objects.filter(pk__in=ids, extraction_status=ExtractionStatus.QUEUED).update(
            extraction_status=ExtractionStatus.RUNNING, extraction_started_at=now, extraction_job=token,
            extraction_error="", updated_at=now,
        )
    if not taken:
        return []
    if taken == len(ids):
        return ids
    return list(Article.objects.filter(pk__in=ids, extraction_job=token).values_list("pk", flat=True))


def _fail(article_id: int, message: str) -> ExtractResult:
    with transaction.atomic():
        now = timezone.now()
        changed = Article.objects.filter(pk=article_id, extraction_status=ExtractionStatus.RUNNING).update(
            extraction_status=ExtractionStatus.FAILED, extraction_error=message, extraction_job="", updated_at=now
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
        _keep_text(article, clean_text(decode_text(page.body, "page")), title="", raw="")
    else:
        raw = page.text()
        body, title = text_from_html(raw, page.url)
        _keep_text(article, body, title=title, raw=raw)


def _read_html(article: Article) -> None:
    """An article submitted as an HTML page: find its body and title here, not in the request."""
    body, title = text_from_html(article.html, article.url)
    _keep_text(article, body, title=title, raw=article.html)


def _keep_text(article: Article, body: str, *, title: str, raw: str) -> None:
    digest = content_hash(body)
    other = Article.objects.filter(content_hash=digest).exclude(pk=article.pk).values_list("pk", flat=True).first()
    if other is not None:
        # No id: the article may be another account's (rules.article_visible_to).
        raise InvalidInput("This page has the same text as an article already stored; nothing new to extract.",
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
            if not article.text and article.html:
                _read_html(article)
            elif not article.text and article.url:
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
        candidates = candidates_payload(extraction, taken=taken_spans)
        to_match = bool(candidates) and candidates_need_matching()
        Article.objects.filter(pk=article.pk).update(
            extraction_candidates=candidates, candidates_matched=not to_match,
            extraction_status=ExtractionStatus.DONE, extracted_at=now, updated_at=now,
            extraction_error=extraction.note, extraction_job="", language=extraction.language or article.language,
        )
        audit_record(
            actor=None, action="article.extract", obj=locked, channel=Channel.TASK,
            after={"claims": len(created), "kept": len(kept), "relocated": len(moved), "rejected": rejected,
                   "language": extraction.language, "skipped_blocks": len(extraction.skipped)},
        )
        hooks = webhooks_active()  # one query for both events
        webhook_emit_many(event="claim.created", active=hooks, items=[
            (c.pk, {"claim_id": c.pk, "article_id": article.pk, "text": c.text,
                    "checkworthiness": c.checkworthiness, "kind": c.kind}) for c in created
        ])
        if settings.FACTCHECK_AUTO_EVIDENCE and created:
            # The new claims' evidence runs are queued rows from this transaction on (a broker outage
            # delays them, the sweeper re-sends them); the `evidence` queue runs them once this commits.
            evidence_gather(claim_ids=[claim.pk for claim in created])
        if to_match:  # a row first (candidates_matched=False): the evidence sweeper re-sends it if need be
            enqueue(EVIDENCE_CANDIDATES, article.pk)
        webhook_emit_many(event="article.extracted", active=hooks, items=[(article.pk, {
            "article_id": article.pk, "claims": len(created) + len(kept), "language": extraction.language,
        })])
    return ExtractResult(article.pk, ExtractionStatus.DONE, created=len(created), kept=len(kept),
                         error=extraction.note)
