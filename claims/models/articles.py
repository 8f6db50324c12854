from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from claims.models.choices import ExtractionStatus


def content_hash(text: str) -> str:
    """The identity of an article's text: re-ingesting the same text is a no-op."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Article(models.Model):
    url = models.URLField(max_length=2000, unique=True, null=True, blank=True)
    title = models.CharField(max_length=500, blank=True)
    publisher = models.CharField(max_length=200, blank=True)
    author = models.CharField(max_length=200, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    language = models.CharField(max_length=16, blank=True, help_text=_("ISO 639-1 code, detected when empty"))
    text = models.TextField(help_text=_("Clean plain text; claim offsets refer to it"))
    html = models.TextField(blank=True)
    content_hash = models.CharField(max_length=64, unique=True)
    # The hash of an HTML page as it was submitted: its text is read later by the extraction worker,
    # so the same page submitted again is found by this, not by the text's content_hash.
    html_hash = models.CharField(max_length=64, blank=True, default="", db_index=True)
    extraction_status = models.CharField(
        max_length=16, choices=ExtractionStatus.choices, default=ExtractionStatus.QUEUED
    )
    extraction_error = models.TextField(blank=True)
    # The token of the job that claimed the article (claims.services.extraction_job): which rows a
    # worker's conditional UPDATE took. Empty when no job holds it.
    extraction_job = models.CharField(max_length=40, blank=True, default="")
    extraction_started_at = models.DateTimeField(null=True, blank=True)
    extracted_at = models.DateTimeField(null=True, blank=True)
    # Candidates the extractor ranked below the article's short list: a reviewer can pull one up
    # (claims.services.candidates). Rewritten by every extraction of the article.
    extraction_candidates = models.JSONField(default=list, blank=True)
    # False while the candidates above have not been matched against prior fact-checks: one that
    # repeats a fact-checked claim becomes a claim (claims.services.candidates.candidates_match).
    candidates_matched = models.BooleanField(default=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["extraction_status", "updated_at"], name="article_status_idx"),
            models.Index(fields=["-created_at"], name="article_created_idx"),
        ]

    def __str__(self) -> str:
        return self.title or self.text[:60]
