from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models

from claims.models.choices import Channel
from claims.sealing import SealedCharField

API_SCOPES = ("read", "write", "publish")
WEBHOOK_EVENTS = (
    "article.extracted",
    "claim.created",
    "claim.updated",
    "evidence.attached",
    "verdict.submitted",
    "verdict.published",
    "verdict.corrected",
    "alert.created",
)


class AuditEvent(models.Model):
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    action = models.CharField(max_length=64)
    object_type = models.CharField(max_length=32)
    object_id = models.BigIntegerField()
    claim = models.ForeignKey(
        "claims.Claim", null=True, blank=True, on_delete=models.CASCADE, related_name="audit_events"
    )
    before = models.JSONField(default=dict, blank=True)
    after = models.JSONField(default=dict, blank=True)
    channel = models.CharField(max_length=16, choices=Channel.choices, default=Channel.UI)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["object_type", "object_id"], name="audit_object_idx"),
            models.Index(fields=["claim", "-created_at"], name="audit_claim_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.action} {self.object_type}#{self.object_id}"


def hash_api_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


class ApiClient(models.Model):
    name = models.CharField(max_length=100)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_clients",
        help_text="The account the key acts as (its role decides workflow permissions)",
    )
    prefix = models.CharField(max_length=12, unique=True)
    key_hash = models.CharField(max_length=64)
    scopes = models.JSONField(default=list)
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @staticmethod
    def generate_key() -> tuple[str, str]:
        """A new key and its public prefix; only the hash of the key is ever stored."""
        prefix = secrets.token_hex(4)
        return prefix, f"{prefix}.{secrets.token_urlsafe(32)}"

    def has_scope(self, scope: str) -> bool:
        return scope in self.scopes


def new_webhook_secret() -> str:
    """A signing secret: generated, never typed, so it is never blank or guessable."""
    return "whsec_" + secrets.token_urlsafe(32)


class Webhook(models.Model):
    name = models.CharField(max_length=100)
    url = models.URLField(max_length=2000)
    # Sealed at rest (claims.sealing); shown once when created or rotated, never displayed again.
    secret = SealedCharField(max_length=500, default=new_webhook_secret, editable=False)
    events = models.JSONField(default=list, help_text="Event names, e.g. verdict.published")
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [models.CheckConstraint(condition=~models.Q(secret=""), name="webhook_secret_not_blank")]

    def __str__(self) -> str:
        return self.name


class WebhookDelivery(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending"
        SENT = "sent"
        FAILED = "failed"

    webhook = models.ForeignKey(Webhook, on_delete=models.CASCADE, related_name="deliveries")
    event = models.CharField(max_length=64)
    object_id = models.BigIntegerField(null=True, blank=True)
    payload = models.JSONField(default=dict)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    response_code = models.PositiveIntegerField(null=True, blank=True)
    latency_ms = models.PositiveIntegerField(null=True, blank=True)
    error = models.TextField(blank=True)
    # The start of a non-2xx reply: for people who can edit webhooks only (it may hold anything).
    response_excerpt = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    # After a failed attempt: when the next one is due (the sweeper leaves it alone until then).
    next_attempt_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "webhook deliveries"
        indexes = [models.Index(fields=["status", "created_at"], name="webhook_delivery_status_idx")]

    def __str__(self) -> str:
        return f"{self.event} -> {self.webhook}"
