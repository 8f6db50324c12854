"""Webhook events: a delivery row per subscribed endpoint, written in the caller's transaction
(the database is the outbox), sent by a task on the `default` queue after commit.

Endpoints obey the outbound rules of URL fetching (claims.netfetch, claims.addresses): public
addresses only, unless FACTCHECK_WEBHOOK_ALLOWLIST names a private receiver; checked when a webhook
is saved and again, resolved and pinned, at every delivery. Signing secrets are generated, shown
once (creation, rotation) and sealed at rest (claims.sealing).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from claims.models import WEBHOOK_EVENTS, AuditEvent, Channel, Webhook, WebhookDelivery
from claims.models.operations import new_webhook_secret
from claims.netfetch import FetchError, resolve_target, send_request
from claims.services.audit import audit_bulk, audit_record
from claims.services.bulk_insert import bulk_insert
from claims.services.errors import InvalidInput
from claims.services.queue import enqueue, enqueue_each

# --- endpoints ----------------------------------------------------------------------------------


def webhook_target_check(url: str) -> str:
    """The URL, if a delivery may go there: http(s), and every address its host resolves to is
    public or allow-listed in FACTCHECK_WEBHOOK_ALLOWLIST. Raises InvalidInput with the reason."""
    url = (url or "").strip()
    if len(url) > 2000:
        raise InvalidInput("A webhook URL has at most 2000 characters.", code="invalid_url")
    try:
        resolve_target(url, allowlist=settings.FACTCHECK_WEBHOOK_ALLOWLIST)
    except FetchError as exc:
        raise InvalidInput(exc.message, code=exc.code) from exc
    return url


def _clean_events(events: Iterable[str]) -> list[str]:
    chosen = list(dict.fromkeys(events))
    unknown = sorted(set(chosen) - set(WEBHOOK_EVENTS))
    if unknown or not chosen:
        raise InvalidInput(f"Events must be among {', '.join(WEBHOOK_EVENTS)} (got {', '.join(unknown) or 'none'}).",
                           code="invalid_events")
    return chosen


def _public_fields(hook: Webhook) -> dict[str, Any]:
    return {"name": hook.name, "url": hook.url, "events": hook.events, "is_active": hook.is_active}


def webhook_create(
    *, name: str, url: str, events: Iterable[str], is_active: bool = True, actor: Any = None,
    channel: str = Channel.ADMIN,
) -> tuple[Webhook, str]:
    """A new endpoint and its signing secret; the secret is returned this once (audit rows never hold it)."""
    name = (name or "").strip()
    if not name:
        raise InvalidInput("A webhook needs a name.", code="empty_name")
    url, events = webhook_target_check(url), _clean_events(events)
    secret = new_webhook_secret()
    with transaction.atomic():
        hook = Webhook.objects.create(name=name, url=url, events=events, is_active=is_active, secret=secret)
        audit_record(actor=actor, action="webhook.create", obj=hook, after=_public_fields(hook), channel=channel)
    return hook, secret


def webhook_update(
    *, webhook: Webhook, name: str, url: str, events: Iterable[str], is_active: bool, actor: Any = None,
    channel: str = Channel.ADMIN,
) -> Webhook:
    name = (name or "").strip()
    if not name:
        raise InvalidInput("A webhook needs a name.", code="empty_name")
    url, events = webhook_target_check(url), _clean_events(events)
    with transaction.atomic():
        before = _public_fields(Webhook.objects.select_for_update().get(pk=webhook.pk))
        Webhook.objects.filter(pk=webhook.pk).update(name=name, url=url, events=events, is_active=is_active)
        webhook.name, webhook.url, webhook.events, webhook.is_active = name, url, events, is_active
        audit_record(actor=actor, action="webhook.update", obj=webhook, before=before,
                     after=_public_fields(webhook), channel=channel)
    return webhook


def webhook_rotate_secret(*, webhook: Webhook, actor: Any = None, channel: str = Channel.ADMIN) -> str:
    """A new signing secret, returned this once; deliveries sign with it from now on."""
    secret = new_webhook_secret()
    with transaction.atomic():
        Webhook.objects.filter(pk=webhook.pk).update(secret=secret)  # sealed by the field
        webhook.secret = secret
        audit_record(actor=actor, action="webhook.rotate_secret", obj=webhook, channel=channel)
    return secret



def webhook_emit(*, event: str, object_id: int | None, payload: dict[str, Any]) -> list[int]:
    return webhook_emit_many(event=event, items=[(object_id, payload)])


def webhooks_active() -> list[Webhook]:
    """The active webhooks, for a caller that emits several events at once (webhook_emit_many's `active`)."""
    # The secret is not needed to queue: deferred, it is not unsealed on every change.
    return list(Webhook.objects.filter(is_active=True).defer("secret"))


def webhook_emit_many(
    *, event: str, items: Iterable[tuple[int | None, dict[str, Any]]], active: list[Webhook] | None = None,
) -> list[int]:
    """One delivery per (subscribed webhook, object); queries do not grow with the number of objects.
    `active` (webhooks_active()) spares the query to a caller emitting several events in one transaction."""
    if event not in WEBHOOK_EVENTS:
        raise ValueError(f"unknown webhook event {event!r}")
    hooks = [hook for hook in (webhooks_active() if active is None else active) if event in hook.events]
    if not hooks:
        return []
    rows = [
        WebhookDelivery(webhook=hook, event=event, object_id=object_id, payload={"event": event, "data": payload})
        for object_id, payload in items
        for hook in hooks
    ]
    created = bulk_insert(WebhookDelivery, rows, with_ids=True)  # one statement, whatever the count
    ids = [row.pk for row in created if row.pk is not None]
    if not ids:  # backends that do not return ids from bulk inserts: the sweeper sends them
        return []
    enqueue_each("claims.tasks.webhook_deliver", ids)
    return ids


# --- delivery -----------------------------------------------------------------------------------

# A retry task may run this much before its due time (clocks of different hosts) and still attempt.
EARLY_TOLERANCE = timedelta(seconds=2)

@dataclass(frozen=True)
class DeliveryOutcome:
    result: str  # sent | retry | failed | waiting | skipped
    retry_in: float = 0.0
    status_code: int | None = None


def webhook_max_attempts() -> int:
    return settings.FACTCHECK_WEBHOOK_MAX_ATTEMPTS


def webhook_backoff(attempt: int) -> float:
    """Seconds before attempt `attempt + 1`: exponential from FACTCHECK_WEBHOOK_BACKOFF, capped at an hour."""
    base = settings.FACTCHECK_WEBHOOK_BACKOFF
    return float(min(base * 2 ** max(attempt - 1, 0), 3600.0))


def webhook_signature(*, secret: str, timestamp: int, body: bytes) -> str:
    """`t=<ts>,v1=<hex>`: HMAC-SHA256 over "<ts>.<body>", so receivers can refuse replays."""
    message = str(timestamp).encode() + b"." + body
    digest = hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def webhook_body(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, separators=(",", ":"), sort_keys=True, cls=DjangoJSONEncoder).encode("utf-8")


def _same_object(delivery: WebhookDelivery) -> Q:
    """Deliveries about the same object: article events carry an article id, the others a claim id."""
    family = Q(event__startswith="article.") if delivery.event.startswith("article.") else ~Q(
        event__startswith="article."
    )
    return Q(webhook_id=delivery.webhook_id, object_id=delivery.object_id) & family


def _enqueue_next_for_object(delivery: WebhookDelivery) -> None:
    if delivery.object_id is None:
        return
    following = (
        WebhookDelivery.objects.filter(_same_object(delivery), status=WebhookDelivery.Status.PENDING)
        .order_by("id").values_list("id", flat=True).first()
    )
    if following is not None:
        enqueue("claims.tasks.webhook_deliver", following)


def webhook_delivery_send(*, delivery_id: int) -> DeliveryOutcome:
    """Make one attempt at a pending delivery, in order per (webhook, object), and log it."""
    delivery = WebhookDelivery.objects.select_related("webhook").filter(pk=delivery_id).first()
    if delivery is None or delivery.status != WebhookDelivery.Status.PENDING:
        return DeliveryOutcome("skipped")
    if delivery.next_attempt_at and delivery.next_attempt_at > timezone.now() + EARLY_TOLERANCE:
        return DeliveryOutcome("skipped")  # still backing off: the scheduled retry (or the sweeper) sends it
    if delivery.object_id is not None and WebhookDelivery.objects.filter(
        _same_object(delivery), status=WebhookDelivery.Status.PENDING, id__lt=delivery.pk
    ).exists():
        return DeliveryOutcome("waiting")  # the earlier delivery enqueues this one when it is done
    # Claim the attempt: if two workers got the same task, only one makes this attempt.
    attempt = delivery.attempts + 1
    taken = WebhookDelivery.objects.filter(
        pk=delivery.pk, status=WebhookDelivery.Status.PENDING, attempts=delivery.attempts
    ).update(attempts=attempt)
    if taken != 1:
        return DeliveryOutcome("skipped")

    hook = delivery.webhook
    body = webhook_body(delivery.payload)
    timestamp = int(time.time())
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "factcheck-webhooks/1",
        "X-Factcheck-Event": delivery.event,
        "X-Factcheck-Delivery": str(delivery.pk),
        "X-Factcheck-Signature": webhook_signature(secret=hook.secret, timestamp=timestamp, body=body),
    }
    timeout = settings.FACTCHECK_WEBHOOK_TIMEOUT
    status_code: int | None = None
    error = excerpt = ""
    refused = False
    started = time.monotonic()
    if not hook.secret:
        refused, error = True, "The signing secret cannot be read (SECRET_KEY changed?): rotate it in the admin."
    else:
        try:
            # The same outbound rules as URL fetching, checked again now: DNS may have changed since
            # the webhook was saved, and the connection goes to the address that was checked.
            sent = send_request("POST", hook.url, content=body, headers=headers, timeout=timeout,
                                allowlist=settings.FACTCHECK_WEBHOOK_ALLOWLIST)
            status_code = sent.status
            if not 200 <= status_code < 300:
                # The reply body goes to its own column, shown only to people who can edit webhooks;
                # the error (and the audit row, which reviewers can read) says only the status.
                error, excerpt = f"HTTP {status_code}", sent.body_excerpt
        except FetchError as exc:
            refused = exc.code in ("private_address", "invalid_url")  # configuration: retrying cannot help
            error = exc.message[:500]
    latency_ms = int((time.monotonic() - started) * 1000)

    if not error:
        result, status, retry_in = "sent", WebhookDelivery.Status.SENT, 0.0
    elif refused or attempt >= webhook_max_attempts() or not hook.is_active:
        result, status, retry_in = "failed", WebhookDelivery.Status.FAILED, 0.0
    else:
        result, status, retry_in = "retry", WebhookDelivery.Status.PENDING, webhook_backoff(attempt)
    with transaction.atomic():
        now = timezone.now()
        WebhookDelivery.objects.filter(pk=delivery.pk).update(
            status=status, response_code=status_code, latency_ms=latency_ms, error=error, response_excerpt=excerpt,
            delivered_at=now if result == "sent" else None,
            next_attempt_at=now + timedelta(seconds=retry_in) if result == "retry" else None,
        )
        audit_record(
            actor=None, action="webhook.attempt", obj=delivery, channel=Channel.TASK,
            after={"attempt": attempt, "status_code": status_code, "latency_ms": latency_ms, "error": error,
                   "result": result},
        )
    if result != "retry":
        _enqueue_next_for_object(delivery)
    return DeliveryOutcome(result, retry_in, status_code)


def webhook_test(*, webhook: Webhook, actor: Any = None, channel: str = Channel.ADMIN) -> WebhookDelivery:
    """Queue a `ping` delivery to check an endpoint and its signature verification."""
    with transaction.atomic():
        delivery = WebhookDelivery.objects.create(
            webhook=webhook, event="ping", object_id=None,
            payload={"event": "ping", "data": {"webhook": webhook.pk, "name": webhook.name}},
        )
        audit_record(actor=actor, action="webhook.test", obj=delivery, channel=channel)
        enqueue("claims.tasks.webhook_deliver", delivery.pk)
    return delivery


def webhook_resend(*, delivery_ids: Iterable[int], actor: Any = None, channel: str = Channel.ADMIN) -> list[int]:
    """Send deliveries again as new rows (the old rows keep their attempt history)."""
    with transaction.atomic():
        originals = list(WebhookDelivery.objects.filter(pk__in=list(delivery_ids)).order_by("id"))
        copies = bulk_insert(
            WebhookDelivery,
            [WebhookDelivery(webhook_id=d.webhook_id, event=d.event, object_id=d.object_id, payload=d.payload)
             for d in originals],
            with_ids=True,
        )
        ids = [row.pk for row in copies if row.pk is not None]
        audit_bulk(
            AuditEvent(actor=actor if getattr(actor, "pk", None) else None, action="webhook.resend",
                       object_type="webhookdelivery", object_id=new_id, after={"resends": old.pk},
                       channel=channel)
            for old, new_id in zip(originals, ids, strict=False)
        )
        enqueue_each("claims.tasks.webhook_deliver", ids)
    return ids


def webhook_pending_ids(*, older_than_seconds: float, limit: int = 1000) -> list[int]:
    """Pending deliveries the sweeper should enqueue again (lost tasks, broker outages): those whose
    attempt was due more than `older_than_seconds` ago, the first one at creation, a retry after its
    backoff. A delivery waiting out its backoff is left alone."""
    cutoff = timezone.now() - timedelta(seconds=older_than_seconds)
    return list(
        WebhookDelivery.objects.filter(status=WebhookDelivery.Status.PENDING)
        .filter(Q(next_attempt_at__isnull=True, created_at__lt=cutoff) | Q(next_attempt_at__lt=cutoff))
        .order_by("id").values_list("id", flat=True)[:limit]
    )
