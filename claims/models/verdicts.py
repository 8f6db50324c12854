from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from claims.models.choices import VerdictStatus

CLAIMREVIEW_SUMMARY_MAX = 75


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
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

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


class Comment(models.Model):
    claim = models.ForeignKey("claims.Claim", on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.body[:60]
