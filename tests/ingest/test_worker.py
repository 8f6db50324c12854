"""The extraction task through a real Celery worker on the `extract` queue (Redis + the test DB)."""

from __future__ import annotations

from typing import Any

import pytest

from claims.models import Article, AuditEvent, Claim
from claims.services.ingest import article_ingest
from factcheck.celery import app
from tests.ingest.conftest import ARTICLE, CHANGED
from tests.workers import celery_worker, purge, wait_for

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def status(pk: int) -> str:
    return Article.objects.values_list("extraction_status", flat=True).get(pk=pk)


def test_it_extracts_through_a_real_worker_and_ignores_a_repeated_task(broker_url: str, settings: Any) -> None:
    settings.CELERY_TASK_ALWAYS_EAGER = False
    app.conf.task_always_eager = False
    purge(["extract"])
    with celery_worker(["extract"], name="extract"):
        article = article_ingest(text=ARTICLE, language="fr").article  # committed: enqueued to the broker
        wait_for(lambda: status(article.pk) in ("done", "failed"), timeout=120, what="extraction")
        article.refresh_from_db()
        assert article.extraction_status == "done", article.extraction_error
        claims = list(Claim.objects.filter(article=article).order_by("pk").values_list("pk", "start", "end", "quote"))
        assert claims and all(article.text[s:e] == q for _, s, e, q in claims)
        recoverable = [c["quote"] for c in article.extraction_candidates]
        assert any("40 tonnes" in q for q in [q for *_, q in claims] + recoverable)

        # The same message delivered twice more (a redelivery, a sweeper): nothing changes.
        task = app.tasks["claims.tasks.article_extract"]
        task.apply_async(kwargs={"article_id": article.pk})
        task.apply_async(kwargs={"article_id": article.pk})
        # One worker, one process: once a later article is done, the repeats have been handled.
        marker = article_ingest(text=CHANGED, language="fr").article
        wait_for(lambda: status(marker.pk) in ("done", "failed"), timeout=120, what="second extraction")
    after = list(Claim.objects.filter(article=article).order_by("pk").values_list("pk", "start", "end", "quote"))
    assert after == claims
    assert AuditEvent.objects.filter(action="article.extract", object_id=article.pk).count() == 1
