"""The extraction job the `extract` queue runs: claim queued articles, extract, persist the claims.

Whoever runs the job claims the article with a conditional UPDATE, so two workers never extract
the same article twice.
"""

from __future__ import annotations

import logging
import re
import uuid
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Case, Q, Value, When
from django.utils import timezone

from claims.models import Article, Channel, Claim, ExtractionStatus, content_hash
from claims.services.article_text import clean_text, decode_text, text_from_html
from claims.services.audit import audit_bulk, audit_event, audit_record
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


def _claim_jobs(article_id: int, batch: int) -> tuple[list[int], str]:
    """Claim this article, and up to batch-1 other queued ones, with one conditional UPDATE.

    Parsing several articles in one nlp.pipe stream is ~20% faster than one at a time; the other
    articles' own task messages then find them taken and do nothing. The UPDATE only takes rows
    still `queued`, so two workers never claim the same article; the token tells us which we got.
    The query that finds the other queued ones reads this article's status too: a message whose
    article is no longer queued (taken in another job's batch, or delivered twice) stops there.
    Returns the ids taken and, when it took none, this article's status ("" when it is gone).
    """
    ids = [article_id]
    if batch > 1:
        wanted = list(
            Article.objects.filter(Q(pk=article_id) | Q(extraction_status=ExtractionStatus.QUEUED))
            .order_by(Case(When(pk=article_id, then=Value(0)), default=Value(1)), "created_at", "pk")
            .values_list("pk", "extraction_status")[:batch]
        )
        if not wanted or wanted[0][0] != article_id:
            return [], ""
        if wanted[0][1] != ExtractionStatus.QUEUED:
            return [], wanted[0][1]
        ids = [pk for pk, _ in wanted]
    token = uuid.uuid4().hex
    now = timezone.now()
    with transaction.atomic():
        _relaxed_commit()  # a claim lost in a crash leaves the article queued: nothing to protect
        taken = Article.objects.filter(pk__in=ids, extraction_status=ExtractionStatus.QUEUED).update(
            extraction_status=ExtractionStatus.RUNNING, extraction_started_at=now, extraction_job=token,
            extraction_error="", updated_at=now,
        )
    if taken == len(ids):
        return ids, ""
    if taken:
        return list(Article.objects.filter(pk__in=ids, extraction_job=token).values_list("pk", flat=True)), ""
    return [], Article.objects.filter(pk=article_id).values_list("extraction_status", flat=True).first() or ""


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

    It may extract a few other queued articles in the same pass (see _claim_jobs) and writes them
    together (see _persist_all): one failure never touches the others.
    """
    from claims.extraction import extract_texts
    from claims.extraction.checkworthiness import configured_scorer

    batch = settings.FACTCHECK_EXTRACTION_BATCH if batch is None else batch
    ids, status = _claim_jobs(article_id, max(1, batch))
    if not ids:
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
            titles=[a.title for a in ready],
        )
    except Exception as exc:  # a bug or a broken model: say what to do rather than leave it running
        log.exception("extraction of articles %s failed", ids)
        message = (f"Extraction crashed ({type(exc).__name__}: {str(exc)[:300]}). "
                   "Check the worker log and the spaCy models, then re-queue the article.")
        for article in ready:
            results[article.pk] = _fail(article.pk, message)
    else:
        results.update(_persist_all(list(zip(ready, extractions, strict=True))))
    return results.get(article_id) or ExtractResult(article_id, "skipped (taken by another job)")


def _persist_all(batch: list[tuple[Article, Any]]) -> dict[int, ExtractResult]:
    """Write a batch's extractions in one transaction, whose statements do not grow with the batch
    but for one UPDATE per article.

    If that transaction fails, none of it was written: each article is then written in a
    transaction of its own, so one article's failure never costs the others theirs (the first
    error is raised once they are all written)."""
    try:
        return _persist(batch)
    except Exception:
        if len(batch) == 1:
            raise
        log.warning("writing the extractions of articles %s together failed: writing them one by one",
                    [article.pk for article, _ in batch], exc_info=True)
    results: dict[int, ExtractResult] = {}
    failure: Exception | None = None
    for one in batch:
        try:
            results.update(_persist([one]))
        except Exception as exc:
            log.exception("writing the extraction of article %s failed", one[0].pk)
            failure = failure or exc
    if failure is not None:
        raise failure
    return results


@dataclass
class _Write:
    """What persisting one article's extraction changes."""

    article: Article
    extraction: Any
    kept: list[Claim]
    moved: list[Claim]
    rows: list[Claim]
    rejected: int
    candidates: list[dict[str, Any]]
    created: list[Claim] = field(default_factory=list)


def _persist(batch: list[tuple[Article, Any]]) -> dict[int, ExtractResult]:
    """Write the claims of every article of `batch` still running with the text it was extracted from, in
    one transaction; an article re-ingested or re-claimed meanwhile is skipped (the newer job writes)."""
    results: dict[int, ExtractResult] = {}
    with transaction.atomic():
        _relaxed_commit()
        # Locked in id order, as every job locks them: two jobs never wait for each other in a cycle.
        running = dict(Article.objects.select_for_update()
                       .filter(pk__in=[article.pk for article, _ in batch], extraction_status=ExtractionStatus.RUNNING)
                       .order_by("pk").values_list("pk", "content_hash"))
        current = [(article, extraction) for article, extraction in batch
                   if running.get(article.pk) == article.content_hash]
        writing = {article.pk for article, _ in current}
        for article, _ in batch:
            if article.pk not in writing:
                results[article.pk] = ExtractResult(article.pk, "skipped (changed during extraction)")
        if not current:
            return results
        existing: dict[int, list[Claim]] = {}
        for claim in Claim.objects.filter(article_id__in=list(writing)):
            existing.setdefault(claim.article_id, []).append(claim)
        writes = [_plan(article, extraction, existing.get(article.pk, [])) for article, extraction in current]
        moved = [claim for w in writes for claim in w.moved]
        if moved:
            Claim.objects.bulk_update(moved, ["start", "end"])
        stale_ids = [c.pk for claims in existing.values() for c in claims if not c.touched]
        if stale_ids:
            Claim.objects.filter(pk__in=stale_ids, touched=False).delete()
        created = Claim.objects.bulk_create([row for w in writes for row in w.rows], batch_size=500)
        for w in writes:  # bulk_create returns the rows it was given, in order
            w.created, created = created[: len(w.rows)], created[len(w.rows) :]
        _finish(writes)
    for w in writes:
        results[w.article.pk] = ExtractResult(w.article.pk, ExtractionStatus.DONE, created=len(w.created),
                                              kept=len(w.kept), error=w.extraction.note)
    return results


def _plan(article: Article, extraction: Any, existing: list[Claim]) -> _Write:
    """The claims to keep, move and create for one article; checks every new row's offsets."""
    from claims.extraction import candidate_dict

    kept = [c for c in existing if c.touched]
    moved = [c for c in kept if _relocate(c, article.text)]
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
    return _Write(article, extraction, kept, moved, rows, rejected,
                  candidates_payload(extraction, taken=taken_spans))


def _finish(writes: list[_Write]) -> None:
    """Mark the articles done, with their audit rows, webhook events and follow-up work (claims written)."""
    now = timezone.now()
    need_matching = candidates_need_matching()
    to_match = []
    for w in writes:
        # One UPDATE per article: a bulk_update's CASE over the candidates' JSON costs three times the CPU.
        matching = bool(w.candidates) and need_matching
        Article.objects.filter(pk=w.article.pk).update(
            extraction_candidates=w.candidates, candidates_matched=not matching,
            extraction_status=ExtractionStatus.DONE, extracted_at=now, updated_at=now,
            extraction_error=w.extraction.note, extraction_job="", language=w.extraction.language or w.article.language,
        )
        if matching:
            to_match.append(w.article.pk)
    audit_bulk(
        audit_event(actor=None, action="article.extract", obj=w.article, channel=Channel.TASK,
                    after={"claims": len(w.created), "kept": len(w.kept), "relocated": len(w.moved),
                           "rejected": w.rejected, "language": w.extraction.language,
                           "skipped_blocks": len(w.extraction.skipped)})
        for w in writes
    )
    hooks = webhooks_active()  # one query for both events
    webhook_emit_many(event="claim.created", active=hooks, items=[
        (c.pk, {"claim_id": c.pk, "article_id": w.article.pk, "text": c.text,
                "checkworthiness": c.checkworthiness, "kind": c.kind}) for w in writes for c in w.created
    ])
    created_ids = [c.pk for w in writes for c in w.created]
    if settings.FACTCHECK_AUTO_EVIDENCE and created_ids:
        # The new claims' evidence runs are queued rows from this transaction on (a broker outage
        # delays them, the sweeper re-sends them); the `evidence` queue runs them once this commits.
        evidence_gather(claim_ids=created_ids)
    for pk in to_match:  # a row first (candidates_matched=False): the evidence sweeper re-sends it if need be
        enqueue(EVIDENCE_CANDIDATES, pk)
    webhook_emit_many(event="article.extracted", active=hooks, items=[(w.article.pk, {
        "article_id": w.article.pk, "claims": len(w.created) + len(w.kept), "language": w.extraction.language,
    }) for w in writes])
