"""Webhook deliveries to a loopback receiver: signatures, retries with backoff, order per object,
every attempt logged, and the same through a real Celery worker."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time

import pytest

from claims.models import AuditEvent, Webhook, WebhookDelivery
from claims.services.webhooks import (
    webhook_delivery_send,
    webhook_emit,
    webhook_pending_ids,
    webhook_resend,
    webhook_test,
)
from tests.loopback import loopback_server

SECRET = "s3cret-for-tests"

# The receivers listen on 127.0.0.1: allowed as a private receiver (tests/security covers the refusals).
pytestmark = pytest.mark.usefixtures("loopback_webhooks")


def verify(request) -> dict:
    """What a receiver does: check the HMAC over "<t>.<body>" and refuse old timestamps."""
    fields = dict(part.split("=", 1) for part in request["headers"]["X-Factcheck-Signature"].split(","))
    expected = hmac.new(SECRET.encode(), f"{fields['t']}.".encode() + request["body"], hashlib.sha256).hexdigest()
    assert hmac.compare_digest(fields["v1"], expected), "bad signature"
    assert abs(time.time() - int(fields["t"])) < 300, "replayed or stale delivery"
    return json.loads(request["body"])


class Receiver:
    """Answers 500 to the first `fail_first` requests, then 200."""

    def __init__(self, fail_first: int = 0):
        self.fail_first = fail_first
        self.lock = threading.Lock()
        self.seen = 0

    def __call__(self, request):
        with self.lock:
            self.seen += 1
            failing = self.seen <= self.fail_first
        return (500, {}, b"try later") if failing else (200, {"Content-Type": "application/json"}, b"{}")


def hook_for(server, events=("claim.created", "verdict.published")) -> Webhook:
    return Webhook.objects.create(name="cms", url=server.url("/hook"), secret=SECRET, events=list(events))


@pytest.mark.django_db
def test_it_signs_a_delivery_and_logs_the_attempt(settings):
    with loopback_server({"/hook": Receiver()}) as server:
        hook_for(server)
        [delivery_id] = webhook_emit(event="claim.created", object_id=7, payload={"claim_id": 7, "text": "é"})
        outcome = webhook_delivery_send(delivery_id=delivery_id)
        assert outcome.result == "sent"
        [request] = server.requests
    body = verify(request)
    assert body == {"event": "claim.created", "data": {"claim_id": 7, "text": "é"}}
    assert request["headers"]["X-Factcheck-Event"] == "claim.created"
    assert request["headers"]["X-Factcheck-Delivery"] == str(delivery_id)
    delivery = WebhookDelivery.objects.get(pk=delivery_id)
    assert (delivery.status, delivery.attempts, delivery.response_code) == ("sent", 1, 200)
    assert delivery.latency_ms is not None and delivery.delivered_at is not None
    attempt = AuditEvent.objects.get(action="webhook.attempt", object_id=delivery_id)
    assert attempt.after["status_code"] == 200 and attempt.channel == "task"
    # Sending again is a no-op: the delivery is done.
    assert webhook_delivery_send(delivery_id=delivery_id).result == "skipped"


def waited(delivery_id: int) -> int:
    """The backoff has passed: the next attempt is due now (as when the scheduled retry arrives)."""
    from django.utils import timezone

    WebhookDelivery.objects.filter(pk=delivery_id, next_attempt_at__isnull=False).update(next_attempt_at=timezone.now())
    return delivery_id


@pytest.mark.django_db
def test_it_retries_with_backoff_and_gives_up_after_the_last_attempt(settings):
    settings.FACTCHECK_WEBHOOK_MAX_ATTEMPTS = 3
    settings.FACTCHECK_WEBHOOK_BACKOFF = 5
    with loopback_server({"/hook": Receiver(fail_first=10)}) as server:
        hook_for(server)
        [delivery_id] = webhook_emit(event="claim.created", object_id=1, payload={})
        outcomes = [webhook_delivery_send(delivery_id=waited(delivery_id)) for _ in range(4)]
    assert [o.result for o in outcomes] == ["retry", "retry", "failed", "skipped"]
    assert [o.retry_in for o in outcomes[:2]] == [5, 10]
    delivery = WebhookDelivery.objects.get(pk=delivery_id)
    assert (delivery.status, delivery.attempts, delivery.response_code) == ("failed", 3, 500)
    assert "HTTP 500" in delivery.error
    logged = AuditEvent.objects.filter(action="webhook.attempt", object_id=delivery_id).order_by("id")
    assert [e.after["attempt"] for e in logged] == [1, 2, 3]


@pytest.mark.django_db
def test_it_records_connection_errors_and_succeeds_on_a_later_attempt(settings):
    with loopback_server({"/hook": Receiver(fail_first=1)}) as server:
        hook = hook_for(server)
        [delivery_id] = webhook_emit(event="claim.created", object_id=1, payload={})
        assert webhook_delivery_send(delivery_id=delivery_id).result == "retry"
        assert webhook_delivery_send(delivery_id=waited(delivery_id)).result == "sent"
    Webhook.objects.filter(pk=hook.pk).update(url="http://127.0.0.1:9/closed")
    [second] = webhook_emit(event="claim.created", object_id=2, payload={})
    outcome = webhook_delivery_send(delivery_id=second)
    assert outcome.result == "retry"
    delivery = WebhookDelivery.objects.get(pk=second)
    assert delivery.response_code is None and "ConnectError" in delivery.error


@pytest.mark.django_db
def test_it_keeps_deliveries_for_one_object_in_order(settings):
    with loopback_server({"/hook": Receiver(fail_first=1)}) as server:
        hook_for(server)
        first, second = (webhook_emit(event="claim.created", object_id=5, payload={"n": n})[0] for n in (1, 2))
        [other] = webhook_emit(event="claim.created", object_id=6, payload={"n": 3})
        assert webhook_delivery_send(delivery_id=first).result == "retry"  # receiver failed
        # The later delivery for object 5 waits; object 6 is not held up.
        assert webhook_delivery_send(delivery_id=second).result == "waiting"
        assert webhook_delivery_send(delivery_id=other).result == "sent"
        assert webhook_delivery_send(delivery_id=waited(first)).result == "sent"
        assert webhook_delivery_send(delivery_id=second).result == "sent"
        delivered = [verify(r)["data"]["n"] for r in server.requests]
    assert delivered == [1, 3, 1, 2]


@pytest.mark.django_db
def test_it_sends_test_pings_and_resends_as_new_deliveries(settings):
    with loopback_server({"/hook": Receiver()}) as server:
        hook = hook_for(server)
        ping = webhook_test(webhook=hook)
        assert webhook_delivery_send(delivery_id=ping.pk).result == "sent"
        assert verify(server.requests[-1])["event"] == "ping"
        [copy] = webhook_resend(delivery_ids=[ping.pk])
        assert copy != ping.pk
        assert webhook_delivery_send(delivery_id=copy).result == "sent"
    assert WebhookDelivery.objects.get(pk=ping.pk).status == "sent"
    assert AuditEvent.objects.filter(action="webhook.resend", object_id=copy, after__resends=ping.pk).exists()


@pytest.mark.django_db
def test_it_waits_out_the_backoff_before_the_next_attempt(settings):
    """A retry is due after its backoff: an early task makes no attempt, the sweeper leaves it alone."""
    from datetime import timedelta

    from django.utils import timezone

    settings.FACTCHECK_WEBHOOK_BACKOFF = 600
    with loopback_server({"/hook": Receiver(fail_first=1)}) as server:
        hook_for(server)
        [delivery_id] = webhook_emit(event="claim.created", object_id=1, payload={})
        before = timezone.now()
        assert webhook_delivery_send(delivery_id=delivery_id).result == "retry"
        delivery = WebhookDelivery.objects.get(pk=delivery_id)
        assert before + timedelta(seconds=599) < delivery.next_attempt_at < timezone.now() + timedelta(seconds=601)
        # Created long ago, but its retry is not due: an early task and the sweeper both wait.
        WebhookDelivery.objects.filter(pk=delivery_id).update(created_at=before - timedelta(hours=1))
        assert webhook_delivery_send(delivery_id=delivery_id).result == "skipped"
        assert webhook_pending_ids(older_than_seconds=120) == []
        assert len(server.requests) == 1
        # The retry was due three minutes ago and nobody sent it (its task was lost): the sweeper does.
        WebhookDelivery.objects.filter(pk=delivery_id).update(next_attempt_at=timezone.now() - timedelta(minutes=3))
        assert webhook_pending_ids(older_than_seconds=120) == [delivery_id]
        assert webhook_delivery_send(delivery_id=delivery_id).result == "sent"
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.next_attempt_at) == ("sent", 2, None)
    assert len(server.requests) == 2


@pytest.mark.django_db
def test_it_lists_old_pending_deliveries_for_the_sweeper():
    hook = Webhook.objects.create(name="h", url="http://127.0.0.1:9/", events=["claim.created"])
    [delivery_id] = webhook_emit(event="claim.created", object_id=1, payload={})
    assert hook and webhook_pending_ids(older_than_seconds=3600) == []
    assert webhook_pending_ids(older_than_seconds=-1) == [delivery_id]


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_it_delivers_in_order_with_retries_through_a_real_worker(broker_url, postgres):
    from django.db import transaction

    from tests.workers import celery_worker, purge, wait_for

    purge(["default"])
    receiver = Receiver(fail_first=1)
    with loopback_server({"/hook": receiver}) as server:
        hook_for(server)
        with celery_worker(["default"], name="webhooks", extra_env={"FACTCHECK_WEBHOOK_BACKOFF": "0.3"}):
            with transaction.atomic():  # enqueued on commit, like every service does
                ids = [webhook_emit(event="claim.created", object_id=42, payload={"n": n})[0] for n in range(3)]
            wait_for(lambda: WebhookDelivery.objects.filter(pk__in=ids, status="sent").count() == 3,
                     timeout=60, what="three deliveries sent")
        successful = [verify(r)["data"]["n"] for r in server.requests]
    # The first request failed (500) and was retried; the others waited for it.
    assert successful == [0, 0, 1, 2]
    first = WebhookDelivery.objects.get(pk=ids[0])
    assert first.attempts == 2 and first.response_code == 200
    assert AuditEvent.objects.filter(action="webhook.attempt", object_id__in=ids).count() == 4


@pytest.mark.django_db
def test_it_sweeps_pending_deliveries_into_the_delivery_task(settings, eager_tasks):
    from claims.tasks import sweep_webhooks

    settings.FACTCHECK_WEBHOOK_SWEEP_SECONDS = -1  # everything pending counts as stuck
    with loopback_server({"/hook": Receiver()}) as server:
        hook_for(server)
        ids = [webhook_emit(event="claim.created", object_id=n, payload={"n": n})[0] for n in (1, 2)]
        assert sweep_webhooks() == 2
        assert sorted(verify(r)["data"]["n"] for r in server.requests) == [1, 2]
        assert sweep_webhooks() == 0
    assert set(WebhookDelivery.objects.filter(pk__in=ids).values_list("status", flat=True)) == {"sent"}
