"""Watching the news: feeds and sitemaps polled in the background (`Source`, one `SourceItem` per
entry seen) and repeated claims raised as alerts (`Alert`, DESIGN.md §4)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PollStatus(models.TextChoices):
    IDLE = "idle", _("Idle")
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Polling")


class Source(models.Model):
    """An RSS/Atom feed or a (news) sitemap. The poll columns are the outbox of the polling task:
    a poll is `queued` in the database before it is a message, and a worker takes it with a
    conditional UPDATE (queued -> running), so two workers never poll the same source."""

    url = models.CharField(max_length=2000, unique=True, help_text=_("Feed or sitemap URL"))
    name = models.CharField(max_length=200, blank=True)
    language = models.CharField(max_length=16, blank=True, help_text=_("fr or en; empty: detected per article"))
    interval_minutes = models.PositiveIntegerField(default=30, help_text=_("Minutes between two polls"))
    is_enabled = models.BooleanField(default=True)
    kind = models.CharField(max_length=16, blank=True, help_text=_("rss, atom or sitemap, as last seen"))
    # The poll job.
    poll_status = models.CharField(max_length=16, choices=PollStatus.choices, default=PollStatus.IDLE)
    poll_queued_at = models.DateTimeField(null=True, blank=True)
    poll_started_at = models.DateTimeField(null=True, blank=True)
    next_poll_at = models.DateTimeField(default=timezone.now)
    # Health.
    last_polled_at = models.DateTimeField(null=True, blank=True)
    last_success_at = models.DateTimeField(null=True, blank=True)
    last_status = models.PositiveIntegerField(null=True, blank=True, help_text=_("HTTP status of the last poll"))
    last_error = models.TextField(blank=True)
    last_error_at = models.DateTimeField(null=True, blank=True)
    consecutive_failures = models.PositiveIntegerField(default=0)
    items_seen = models.PositiveIntegerField(default=0)
    # Conditional GET validators of the last complete poll.
    etag = models.CharField(max_length=500, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "id"]
        indexes = [models.Index(fields=["poll_status", "next_poll_at"], name="source_due_idx")]

    def __str__(self) -> str:
        return self.name or self.url

    @property
    def healthy(self) -> bool:
        return self.consecutive_failures == 0


class SourceItem(models.Model):
    """One entry of a source, stored before its page is fetched: a poll that dies mid-way leaves
    the rest `pending` and the next poll resumes them; unique (source, url) keeps repeats out."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        DONE = "done", _("Ingested")
        FAILED = "failed", _("Failed")

    class Origin(models.TextChoices):
        PAGE = "page", _("Article page")
        SUMMARY = "summary", _("Feed summary (page not fetched)")
        EXISTING = "existing", _("Already in the workbench")

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="items")
    url = models.CharField(max_length=2000)
    title = models.CharField(max_length=500, blank=True)
    summary = models.TextField(blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    origin = models.CharField(max_length=16, choices=Origin.choices, blank=True)
    error = models.TextField(blank=True)
    article = models.ForeignKey(
        "claims.Article", null=True, blank=True, on_delete=models.SET_NULL, related_name="source_items"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    processed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["source", "url"], name="source_item_unique_url")]
        indexes = [models.Index(fields=["source", "status"], name="source_item_status_idx")]

    def __str__(self) -> str:
        return self.title or self.url


class AlertState(models.TextChoices):
    NEW = "new", _("New")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    DISMISSED = "dismissed", _("Dismissed")
    OPENED = "opened", _("Opened as a claim to check")


class Alert(models.Model):
    """A newly extracted claim that matches a prior fact-check or one of our published verdicts.

    `strong` matches are the alerts (counted, announced by `alert.created`); `possible` ones are
    kept in the same inbox under a filter. claims.services.alerts changes `state`, nothing else.
    """

    claim = models.ForeignKey("claims.Claim", on_delete=models.CASCADE, related_name="alerts")
    source = models.ForeignKey(Source, null=True, blank=True, on_delete=models.SET_NULL, related_name="alerts")
    prior_factcheck = models.ForeignKey(
        "claims.PriorFactCheck", null=True, blank=True, on_delete=models.CASCADE, related_name="alerts"
    )
    verdict = models.ForeignKey(
        "claims.Verdict", null=True, blank=True, on_delete=models.CASCADE, related_name="alerts"
    )
    score = models.FloatField(default=0.0)
    tier = models.CharField(max_length=16)
    state = models.CharField(max_length=16, choices=AlertState.choices, default=AlertState.NEW)
    reason = models.TextField(blank=True, help_text=_("Why it was dismissed"))
    acted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    acted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["claim", "prior_factcheck"], condition=Q(prior_factcheck__isnull=False),
                                    name="alert_unique_prior"),
            models.UniqueConstraint(fields=["claim", "verdict"], condition=Q(verdict__isnull=False),
                                    name="alert_unique_verdict"),
            models.CheckConstraint(
                condition=Q(prior_factcheck__isnull=False, verdict__isnull=True)
                | Q(prior_factcheck__isnull=True, verdict__isnull=False),
                name="alert_matches_one_factcheck",
            ),
        ]
        indexes = [
            # The navigation count (state=new, tier=strong) and the inbox, newest first.
            models.Index(fields=["state", "tier", "-created_at", "-id"], name="alert_inbox_idx"),
            models.Index(fields=["source", "-created_at"], name="alert_source_idx"),
            models.Index(fields=["-created_at", "-id"], name="alert_created_idx"),
        ]

    def __str__(self) -> str:
        return f"alert #{self.pk} on claim {self.claim_id} ({self.tier}, {self.state})"
