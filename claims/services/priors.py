"""Prior fact-checks: importing ClaimReview (files, admin upload, Fact Check Tools answers) and
JSONL exports, and keeping their analysed forms for matching in step with the rows.

Every import path ends in `priors_upsert`, which writes the rows and, in the same transaction,
their analysed forms (claims.search.forms: terms, names, figures, an English embedding) and BM25
postings (PriorTerm): matching reads them and never re-analyses a fact-check per query.
`priors_reindex` rebuilds them for rows written another way (an upgrade, a raw SQL load).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction

from claims.claimreview_import import parse
from claims.matching_jsonl import SNOPES_PREFIX, parse_jsonl
from claims.models import PriorFactCheck, PriorTerm
from claims.search import embed, recall
from claims.search.forms import embedding_text, form_to_json, prior_form, wants_embedding
from claims.search.terms import detect_language
from claims.services.bulk_insert import bulk_insert

FIELDS = ("claim_reviewed", "rating_text", "rating_value", "best_rating", "worst_rating", "publisher", "claimant",
          "review_date", "language", "raw", "source", "title", "summary")
INDEX_FIELDS = ("analysed", "term_count", "embedding")
BATCH = 1000


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    rejected: list[tuple[int, str]] = field(default_factory=list)

    def summary(self) -> str:
        return f"{self.created} created, {self.updated} updated, {len(self.rejected)} rejected"


def _json_safe(raw: Any) -> Any:
    # raw may carry datetimes (Fact Check Tools rows): store what JSON can hold.
    return json.loads(json.dumps(raw, cls=DjangoJSONEncoder))


def priors_upsert(*, rows: list[dict[str, Any]], source: str, embeddings: bool = True) -> dict[str, int]:
    """Insert or update PriorFactCheck rows by url (idempotent), analysed for matching; returns {url: id}.

    `embeddings=False` leaves English rows without their sentence embedding (a faster bulk load;
    `priors_reindex` adds them later): they are still found and ranked, without that one feature.
    """
    return _upsert(rows, source, embeddings=embeddings)[0]


def _title(row: dict[str, Any], raw: dict[str, Any], claim: str) -> str:
    # ClaimReview carries the fact-check's headline as `headline` or `name`; JSONL exports as `title`.
    title = row.get("title") or raw.get("headline") or raw.get("name") or ""
    title = str(title).strip() if isinstance(title, str) else ""
    return "" if title == claim else title[:500]


def _upsert(rows: list[dict[str, Any]], source: str, *, embeddings: bool = True) -> tuple[dict[str, int], int, int]:
    """A constant number of queries per batch of 1000 rows: read, insert, update, read ids, postings."""
    ids: dict[str, int] = {}
    created = updated = 0
    with transaction.atomic():
        for start in range(0, len(rows), BATCH):
            batch = rows[start : start + BATCH]
            existing = {p.url: p for p in PriorFactCheck.objects.filter(url__in=[r["url"] for r in batch])
                        .defer("embedding")}
            new, changed = [], []
            for row in batch:
                values = {name: row.get(name) for name in FIELDS if name != "source"}
                values["raw"] = _json_safe(values.get("raw") or {})
                values["claim_reviewed"] = values["claim_reviewed"] or ""
                for text_field in ("rating_text", "publisher", "claimant", "language"):
                    values[text_field] = values[text_field] or ""
                values["title"] = _title(row, values["raw"], values["claim_reviewed"])
                values["summary"] = str(row.get("summary") or "")
                prior = existing.get(row["url"])
                if prior is None:
                    new.append(PriorFactCheck(url=row["url"], source=source, **values))
                    continue
                if prior.analysed is None or any(getattr(prior, name) != value for name, value in values.items()):
                    for name, value in values.items():
                        setattr(prior, name, value)
                    changed.append(prior)
            analyse_priors([*new, *changed], embeddings=embeddings)
            PriorFactCheck.objects.bulk_create(new, batch_size=BATCH, ignore_conflicts=True)
            if changed:
                PriorFactCheck.objects.bulk_update(
                    changed, [f for f in FIELDS if f != "source"] + list(INDEX_FIELDS), batch_size=BATCH)
            batch_ids = dict(PriorFactCheck.objects.filter(url__in=[r["url"] for r in batch]).values_list("url", "id"))
            for prior in new:
                prior.pk = batch_ids.get(prior.url)
            write_postings([p for p in (*new, *changed) if p.pk is not None], replace=bool(changed))
            ids.update(batch_ids)
            created += len(new)
            updated += len(changed)
    recall.forget_stats()
    return ids, created, updated


def analyse_priors(priors: list[PriorFactCheck], *, embeddings: bool = True) -> None:
    """Set each prior's analysed form, term count and (English rows) embedding, in memory."""
    english = []
    for prior in priors:
        form = prior_form(claim=prior.claim_reviewed, title=prior.title, summary=prior.summary,
                          language=prior.language)
        prior.analysed = form_to_json(form)
        prior.term_count = len(form.claim) + len(form.title)
        prior.embedding = None
        if embeddings and wants_embedding(detect_language(prior.claim_reviewed, prior.language)):
            english.append(prior)
    if english:
        vectors = embed.encode([embedding_text(claim=p.claim_reviewed, title=p.title) for p in english])
        for prior, vector in zip(english, vectors, strict=True):
            prior.embedding = embed.to_bytes(vector)


def write_postings(priors: list[PriorFactCheck], *, replace: bool) -> None:
    """The BM25 postings of `priors` (their analysed forms set): one bulk delete, one bulk insert."""
    if replace:
        PriorTerm.objects.filter(prior_id__in=[p.pk for p in priors]).delete()
    postings = []
    for prior in priors:
        terms = (prior.analysed or {}).get("claim", []) + (prior.analysed or {}).get("title", [])
        length = min(len(terms), 32767)
        for term, count in Counter(terms).items():
            if len(term) <= 64:
                postings.append(PriorTerm(prior_id=prior.pk, term=term, tf=min(count, 32767), dl=length))
    bulk_insert(PriorTerm, postings)


def priors_reindex(*, ids: list[int] | None = None, missing_only: bool = False, embeddings: bool = True) -> int:
    """Recompute analysed forms and postings (all rows, `ids`, or rows never analysed); returns the count."""
    queryset = PriorFactCheck.objects.order_by("id").only(
        "id", "claim_reviewed", "title", "summary", "language", "url")
    if ids is not None:
        queryset = queryset.filter(pk__in=ids)
    if missing_only:
        queryset = queryset.filter(analysed__isnull=True)
    done = 0
    last = 0
    while True:
        with transaction.atomic():
            priors = list(queryset.filter(pk__gt=last)[:BATCH])
            if not priors:
                return done
            analyse_priors(priors, embeddings=embeddings)
            PriorFactCheck.objects.bulk_update(priors, list(INDEX_FIELDS), batch_size=BATCH)
            write_postings(priors, replace=True)
        done += len(priors)
        last = priors[-1].pk


def priors_import(*, payload_or_text: Any, source: str = "import", language: str = "") -> ImportReport:
    """Import ClaimReview JSON-LD (see claims.claimreview_import.parse for the accepted shapes).

    Re-importing the same file changes nothing: rows are keyed by their url. Rejected rows are
    reported with their index and reason, and do not stop the others.
    """
    parsed = parse(payload_or_text, default_language=language)
    report = ImportReport(rejected=parsed.rejected)
    _ids, report.created, report.updated = _upsert(parsed.rows, source)
    return report


def priors_import_jsonl(
    *, lines: Any, source: str = "jsonl", url_prefix: str = SNOPES_PREFIX, publisher: str = "Snopes",
    language: str = "en", embeddings: bool = True,
) -> ImportReport:
    """Import a `matching-en` JSONL export (see claims.matching_jsonl); idempotent by url."""
    parsed = parse_jsonl(lines, url_prefix=url_prefix, publisher=publisher, language=language)
    report = ImportReport(rejected=parsed.rejected)
    _ids, report.created, report.updated = _upsert(parsed.rows, source, embeddings=embeddings)
    return report
