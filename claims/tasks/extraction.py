"""Extraction tasks (the `extract` queue): ids in, one service call."""

from __future__ import annotations

from typing import Any

from celery import shared_task
from django.db import OperationalError

from claims import task_names as names
from claims.services.extraction_job import article_extract as article_extract_service
from claims.services.extraction_sweep import extraction_sweep

__all__ = ["article_extract", "sweep_extractions"]


@shared_task(
    name=names.ARTICLE_EXTRACT, acks_late=True, autoretry_for=(OperationalError,), max_retries=3,
    retry_backoff=True,
)
def article_extract(article_id: int) -> dict[str, Any]:
    """Idempotent: the service claims the article with a conditional UPDATE queued -> running."""
    result = article_extract_service(article_id=article_id)
    return {"article_id": result.article_id, "status": result.status, "created": result.created}


@shared_task(name=names.SWEEP_EXTRACTIONS)
def sweep_extractions() -> int:
    return extraction_sweep()
