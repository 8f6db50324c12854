"""The sweeper: re-enqueue extraction jobs a broker outage or a lost worker left behind."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone

from claims.models import Article, ExtractionStatus
from claims.services.queue import enqueue_now
from claims.task_names import ARTICLE_EXTRACT

EXTRACT_TASK = ARTICLE_EXTRACT


# --- sweeper -----------------------------------------------------------------------------------
def extraction_sweep(*, min_age_seconds: int = 60, limit: int = 1000) -> int:
    """Re-enqueue articles left queued (broker down at ingest) or running past the stale limit."""
    now = timezone.now()
    stale = now - dt.timedelta(seconds=settings.FACTCHECK_EXTRACTION_STALE_SECONDS)
    Article.objects.filter(extraction_status=ExtractionStatus.RUNNING, extraction_started_at__lt=stale).update(
        extraction_status=ExtractionStatus.QUEUED, extraction_job="",
        updated_at=now - dt.timedelta(seconds=min_age_seconds),
    )
    ids = list(
        Article.objects.filter(
            extraction_status=ExtractionStatus.QUEUED, updated_at__lte=now - dt.timedelta(seconds=min_age_seconds)
        ).order_by("updated_at").values_list("pk", flat=True)[:limit]
    )
    return sum(1 for pk in ids if enqueue_now(EXTRACT_TASK, article_id=pk))
