from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from claims.models.choices import VerdictStatus

CLAIMREVIEW_SUMMARY_MAX = 75
# The working verdict of a claim: at most one at a time (constraint below). Published and retracted
# verdicts are history. Everything that asks "is there an open verdict?" reads this tuple.
OPEN_VERDICT_STATUSES = (VerdictStatus.DRAFT, VerdictStatus.SUBMITTED, VerdictStatus.APPROVED)


class VerdictQuerySet(models.QuerySet):
    def open(self) -> VerdictQuerySet:
        """The working verdict (draft, submitted or approved)."""
        return self.filter(status__in=OPEN_VERDICT_STATUSES)

    def published(self) -> VerdictQuerySet:
        """Published verdicts, the latest first (a correction is published after what it corrects)."""
        return self.filter(status=VerdictStatus.PUBLISHED).order_by("-published_at", "-id")

    def live(self) -> VerdictQuerySet:
        """Open or published: every verdict that is not retracted history."""
        return self.exclude(status=VerdictStatus.RETRACTED)


def current_verdict(verdicts: Iterable[Verdict]) -> Verdict | None:
    """The claim's current verdict among `verdicts` (one claim's, any order): the open one if there
    is one, else the latest published. Works on a prefetched list, so pages stay at fixed queries."""
    published: Verdict | None = None
    for verdict in verdicts:
        if verdict.is_open:
            return verdict
        if verdict.status == VerdictStatus.PUBLISHED and (
            published is None or (verdict.published_at, verdict.pk) > (published.published_at, published.pk)
        ):
            published = verdict
    return published


class Rating(models.Model):
    slug = models.SlugField(max_length=40, unique=True)
    label_fr = models.CharField(max_length=80)
    label_en = models.CharField(max_length=80)
    value = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text=_("Position on the numeric scale; empty for ratings off the scale")
    )
    colour = models.CharField(max_length=7, default="#777777")
    order = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return self.label_en if (get_language() or "fr").startswith("en") else self.label_fr

    def label_for(self, language: str) -> str:
        return self.label_en if language.startswith("en") else self.label_fr


class Verdict(models.Model):
    claim = models.ForeignKey("claims.Claim", on_delete=models.CASCADE, related_name="verdicts")
    rating = models.ForeignKey(Rating, null=True, blank=True, on_delete=models.PROTECT, related_name="verdicts")
    summary = models.CharField(
        max_length=200, blank=True, help_text=_("The claim as reviewed; under 75 characters for ClaimReview")
    )
    explanation = models.TextField(blank=True)
    sources = models.JSONField(default=list, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="authored_verdicts"
    )
    approver = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="approved_verdicts"
    )
    status = models.CharField(max_length=16, choices=VerdictStatus.choices, default=VerdictStatus.DRAFT)
    submitted_at = models.DateTimeField(null=True, blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    public_url = models.URLField(max_length=2000, blank=True)
    supersedes = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="corrections"
    )
    # Everyone who wrote any part of it (the author, whoever edited it, in bulk too, and for a
    # correction the writers of the verdict it copies): none of them may approve it.
    contributors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="claims.VerdictContributor", related_name="contributed_verdicts",
        blank=True,
    )
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = VerdictQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            # One working verdict per claim at a time; published and retracted ones are history.
            models.UniqueConstraint(
                fields=["claim"],
                condition=Q(status__in=["draft", "submitted", "approved"]),
                name="verdict_one_open_per_claim",
            ),
        ]
        indexes = [models.Index(fields=["status", "published_at"], name="verdict_status_idx")]

    def __str__(self) -> str:
        return f"{self.rating} — {self.summary[:60]}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_VERDICT_STATUSES


class VerdictContributor(models.Model):
    """One person who wrote part of a verdict (the two-person rule reads these rows)."""

    verdict = models.ForeignKey(Verdict, on_delete=models.CASCADE, related_name="contributions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["verdict", "user"], name="verdict_contributor_once")]

    def __str__(self) -> str:
        return f"{self.user_id} on verdict {self.verdict_id}"


class Comment(models.Model):
    claim = models.ForeignKey("claims.Claim", on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.body[:60]
