from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from claims.models.choices import ClaimKind, ClaimStatus
from claims.querysets import ClaimQuerySet

# The workflow graph (DESIGN.md §5). Rules about a single row live here; the service
# claims.services.workflow is the only code that changes a status.
TRANSITIONS: dict[str, frozenset[str]] = {
    ClaimStatus.NEW: frozenset({ClaimStatus.DISMISSED, ClaimStatus.SELECTED}),
    ClaimStatus.DISMISSED: frozenset({ClaimStatus.NEW, ClaimStatus.SELECTED}),
    ClaimStatus.SELECTED: frozenset({ClaimStatus.IN_PROGRESS, ClaimStatus.DISMISSED}),
    ClaimStatus.IN_PROGRESS: frozenset({ClaimStatus.IN_REVIEW, ClaimStatus.DISMISSED}),
    ClaimStatus.IN_REVIEW: frozenset({ClaimStatus.PUBLISHED, ClaimStatus.IN_PROGRESS}),
    ClaimStatus.PUBLISHED: frozenset({ClaimStatus.IN_PROGRESS}),
    ClaimStatus.DUPLICATE: frozenset({ClaimStatus.NEW}),
}
# Any state but published can become a duplicate (the service also sets duplicate_of): a published
# claim keeps its verdict in the ClaimReview feed, so it leaves `published` only as a correction.
for _source in list(TRANSITIONS):
    if _source not in (ClaimStatus.DUPLICATE, ClaimStatus.PUBLISHED):
        TRANSITIONS[_source] = TRANSITIONS[_source] | {ClaimStatus.DUPLICATE}
# While its verdict is under review or published, a claim's own fields are what was reviewed: they
# change only after it is sent back or reopened as a correction (reviewed and approved again).
EDIT_LOCKED: frozenset[str] = frozenset({ClaimStatus.IN_REVIEW, ClaimStatus.PUBLISHED})


class Claim(models.Model):
    article = models.ForeignKey(
        "claims.Article", null=True, blank=True, on_delete=models.CASCADE, related_name="claims"
    )
    text = models.TextField(help_text=_("The claim to check, as a readable sentence"))
    quote = models.TextField(blank=True, help_text=_("Exact span of the article text"))
    start = models.PositiveIntegerField(null=True, blank=True)
    end = models.PositiveIntegerField(null=True, blank=True)
    language = models.CharField(max_length=16, blank=True)
    checkworthiness = models.FloatField(default=0.0)
    checkworthiness_reasons = models.JSONField(default=list, blank=True)
    kind = models.CharField(max_length=16, choices=ClaimKind.choices, default=ClaimKind.OTHER)
    claimant = models.CharField(max_length=300, blank=True)
    outlet = models.CharField(max_length=200, blank=True, help_text=_("The medium that reported the statement"))
    needs_context = models.BooleanField(
        default=False, help_text=_("The claim's subject could not be resolved: read it in its article")
    )
    entities = models.JSONField(default=list, blank=True)
    quantities = models.JSONField(default=list, blank=True)
    dates = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=16, choices=ClaimStatus.choices, default=ClaimStatus.NEW)
    status_reason = models.TextField(blank=True, help_text=_("Why it was dismissed or sent back"))
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="assigned_claims"
    )
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="duplicates"
    )
    # A person edited, triaged or otherwise touched the claim: re-extraction keeps it as it is.
    touched = models.BooleanField(default=False)
    has_strong_match = models.BooleanField(default=False)
    evidence_count = models.PositiveIntegerField(default=0)
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ClaimQuerySet.as_manager()

    class Meta:
        ordering = ["-checkworthiness", "-id"]
        indexes = [
            models.Index(fields=["status", "-checkworthiness", "-id"], name="claim_queue_idx"),
            models.Index(fields=["assignee", "status"], name="claim_assignee_idx"),
            models.Index(fields=["article", "start"], name="claim_article_idx"),
            models.Index(fields=["language", "status"], name="claim_language_idx"),
            models.Index(fields=["updated_at"], name="claim_updated_idx"),
            models.Index(fields=["-checkworthiness", "-id"], name="claim_score_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(checkworthiness__gte=0) & Q(checkworthiness__lte=1), name="claim_score_in_unit_range"
            ),
            models.CheckConstraint(
                condition=(Q(start__isnull=True) & Q(end__isnull=True))
                | (Q(start__isnull=False) & Q(end__isnull=False) & Q(start__lte=F("end"))),
                name="claim_offsets_ordered",
            ),
            models.CheckConstraint(
                condition=Q(start__isnull=True) | Q(article__isnull=False), name="claim_offsets_need_article"
            ),
        ]

    def __str__(self) -> str:
        return self.text[:80]

    def can_transition_to(self, status: str) -> bool:
        return status in TRANSITIONS.get(self.status, frozenset())

    def is_editable(self) -> bool:
        """May the claim's own fields (text, claimant, language...) change now? See EDIT_LOCKED."""
        return self.status not in EDIT_LOCKED

    def offsets_error(self, article_text: str | None = None) -> str | None:
        """Why the offsets break the invariant article.text[start:end] == quote, or None."""
        if self.start is None and self.end is None:
            return None
        if self.start is None or self.end is None:
            return "start and end must be set together"
        if self.article_id is None:
            return "offsets need an article"
        text = article_text if article_text is not None else self.article.text
        if not 0 <= self.start <= self.end <= len(text):
            return f"offsets {self.start}:{self.end} fall outside the article ({len(text)} characters)"
        if text[self.start : self.end] != self.quote:
            return "quote does not match the article text at its offsets"
        return None

    def clean(self) -> None:
        error = self.offsets_error()
        if error:
            raise ValidationError({"quote": error})
        if not 0.0 <= self.checkworthiness <= 1.0:
            raise ValidationError({"checkworthiness": "must be between 0 and 1"})
