from __future__ import annotations

from django.conf import settings
from django.db import models

from claims.models.choices import RunStatus, Stance


class Evidence(models.Model):
    claim = models.ForeignKey("claims.Claim", on_delete=models.CASCADE, related_name="evidence")
    provider = models.CharField(max_length=64)
    url = models.CharField(max_length=2000, help_text="Source URL, or a provider-specific locator")
    title = models.CharField(max_length=500, blank=True)
    publisher = models.CharField(max_length=200, blank=True)
    excerpt = models.TextField(blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    retrieved_at = models.DateTimeField(auto_now_add=True)
    relevance = models.FloatField(default=0.0)
    match_tier = models.CharField(max_length=16, blank=True, help_text="strong / possible, for prior fact-checks")
    stance = models.CharField(max_length=16, choices=Stance.choices, default=Stance.UNASSESSED)
    stance_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    stance_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField(blank=True)
    content_hash = models.CharField(max_length=64, blank=True)
    prior_factcheck = models.ForeignKey(
        "claims.PriorFactCheck", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-relevance", "id"]
        verbose_name_plural = "evidence"
        constraints = [
            models.UniqueConstraint(fields=["claim", "provider", "url"], name="evidence_unique_per_claim"),
        ]

    def __str__(self) -> str:
        return f"{self.provider}: {self.title or self.url}"


class EvidenceRun(models.Model):
    """One provider asked about one claim: the attempt series the UI shows and can re-run."""

    claim = models.ForeignKey("claims.Claim", on_delete=models.CASCADE, related_name="evidence_runs")
    provider = models.CharField(max_length=64)
    status = models.CharField(max_length=16, choices=RunStatus.choices, default=RunStatus.QUEUED)
    attempts = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    queued_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    duration_ms = models.PositiveIntegerField(null=True, blank=True)
    found_count = models.PositiveIntegerField(default=0)
    options = models.JSONField(default=dict, blank=True, help_text="Provider input, e.g. the URL to snapshot")

    class Meta:
        ordering = ["provider"]
        constraints = [
            models.UniqueConstraint(fields=["claim", "provider"], name="evidence_run_unique"),
        ]
        indexes = [models.Index(fields=["status", "queued_at"], name="evidence_run_status_idx")]

    def __str__(self) -> str:
        return f"{self.provider} for claim {self.claim_id}: {self.status}"


class PriorFactCheck(models.Model):
    """A published fact-check (ours or another organisation's), imported from ClaimReview."""

    claim_reviewed = models.TextField()
    rating_text = models.CharField(max_length=200, blank=True)
    rating_value = models.FloatField(null=True, blank=True)
    best_rating = models.FloatField(null=True, blank=True)
    worst_rating = models.FloatField(null=True, blank=True)
    url = models.URLField(max_length=2000, unique=True)
    publisher = models.CharField(max_length=200, blank=True)
    claimant = models.CharField(max_length=300, blank=True)
    review_date = models.DateTimeField(null=True, blank=True)
    language = models.CharField(max_length=16, blank=True)
    source = models.CharField(max_length=32, default="import")
    raw = models.JSONField(default=dict, blank=True)
    imported_at = models.DateTimeField(auto_now_add=True)
    # The fact-check article's headline and standfirst: searched with claim_reviewed.
    title = models.CharField(max_length=500, blank=True)
    summary = models.TextField(blank=True)
    # Analysed forms for matching (claims.search.forms), written by claims.services.priors with the
    # row: terms, names, figures, and an English sentence embedding (float16). Empty = not indexed.
    analysed = models.JSONField(null=True, blank=True, editable=False)
    term_count = models.PositiveIntegerField(default=0, editable=False)
    embedding = models.BinaryField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-review_date", "-id"]
        indexes = [models.Index(fields=["language"], name="prior_language_idx")]

    def __str__(self) -> str:
        return self.claim_reviewed[:80]


class PriorTerm(models.Model):
    """Postings of the matcher's BM25: one row per (prior fact-check, term), in both databases.

    PostgreSQL and SQLite run the same SQL over these rows (claims.search.recall), so the embedded
    default ranks exactly like production. Written only by claims.services.priors.
    """

    prior = models.ForeignKey(PriorFactCheck, on_delete=models.CASCADE, related_name="+", db_index=False)
    term = models.CharField(max_length=64)
    tf = models.PositiveSmallIntegerField()
    dl = models.PositiveSmallIntegerField(help_text="Terms in the fact-check (BM25 length normalisation)")

    class Meta:
        indexes = [
            # Index-only scans on PostgreSQL: a term's postings are read without touching the heap.
            models.Index(fields=["term"], include=["prior", "tf", "dl"], name="prior_term_idx"),
            models.Index(fields=["prior"], name="prior_term_prior_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.term} x{self.tf}"


class LibraryDocument(models.Model):
    title = models.CharField(max_length=500)
    source_url = models.CharField(max_length=2000, blank=True)
    publisher = models.CharField(max_length=200, blank=True)
    language = models.CharField(max_length=16, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    text = models.TextField()
    content_hash = models.CharField(max_length=64, unique=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class LibraryPassage(models.Model):
    document = models.ForeignKey(LibraryDocument, on_delete=models.CASCADE, related_name="passages")
    position = models.PositiveIntegerField()
    text = models.TextField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    language = models.CharField(max_length=16, blank=True)

    class Meta:
        ordering = ["document", "position"]
        constraints = [
            models.UniqueConstraint(fields=["document", "position"], name="library_passage_position_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.document.title} §{self.position}"
