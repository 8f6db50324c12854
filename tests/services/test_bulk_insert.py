"""claims.services.bulk_insert: COPY on PostgreSQL writes exactly what bulk_create would."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from claims.models import AuditEvent, Comment, Webhook, WebhookDelivery
from claims.services import bulk_insert as module
from claims.services.bulk_insert import bulk_insert
from tests.conftest import missing_service
from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db

# Text that COPY's text format must escape: tabs, newlines, backslashes, its NULL marker, quotes.
AWKWARD = ["tab\there", "line\nbreak\r\n", "back\\slash \\N \\.", 'quote " \' «é»', "", "emoji 🧪", "\\"]


@pytest.fixture(params=["copy", "insert"])
def path(request: Any, monkeypatch: Any) -> str:
    """Run each test through COPY (PostgreSQL) and through bulk_create."""
    if request.param == "copy" and connection.vendor != "postgresql":
        missing_service("COPY is PostgreSQL's: set DATABASE_URL")
    monkeypatch.setattr(module, "COPY_MIN_ROWS", 1 if request.param == "copy" else 10**9)
    return request.param


def events(alice: Any, claim_id: int) -> list[AuditEvent]:
    return [
        AuditEvent(
            actor=alice if n % 2 else None, action=f"test.{n}", object_type="claim", object_id=n,
            claim_id=claim_id if n % 3 else None,
            before={"text": text, "n": n, "nested": {"list": [1, None, text]}},
            after={} if n == 0 else {"ok": True, "ratio": 0.5},
            channel="admin",
        )
        for n, text in enumerate(AWKWARD)
    ]


def test_it_writes_every_value_as_given(path: str, alice: Any) -> None:
    claim = ClaimFactory()
    before = timezone.now()
    bulk_insert(AuditEvent, events(alice, claim.pk))
    rows = list(AuditEvent.objects.filter(action__startswith="test.").order_by("object_id"))
    assert [r.before["text"] for r in rows] == AWKWARD
    assert [r.before["nested"] for r in rows] == [{"list": [1, None, t]} for t in AWKWARD]
    assert [r.actor_id for r in rows] == [alice.pk if n % 2 else None for n in range(len(AWKWARD))]
    assert [r.claim_id for r in rows] == [claim.pk if n % 3 else None for n in range(len(AWKWARD))]
    assert rows[0].after == {} and rows[1].after == {"ok": True, "ratio": 0.5}
    # auto_now_add is applied as on save, aware and current
    assert all(before <= r.created_at <= timezone.now() + timedelta(seconds=1) for r in rows)


def test_it_applies_model_defaults(path: str) -> None:
    hook = Webhook.objects.create(name="h", url="http://127.0.0.1:9/", events=["claim.updated"])
    bulk_insert(WebhookDelivery, [WebhookDelivery(webhook=hook, event="claim.updated", object_id=n) for n in (1, 2)])
    assert list(WebhookDelivery.objects.values_list("status", "attempts", "payload", "error")) == [
        ("pending", 0, {}, ""), ("pending", 0, {}, "")
    ]


def test_it_gives_the_rows_their_ids_in_order(path: str) -> None:
    hook = Webhook.objects.create(name="h", url="http://127.0.0.1:9/", events=["claim.updated"])
    rows = bulk_insert(
        WebhookDelivery, [WebhookDelivery(webhook=hook, event="claim.updated", object_id=n) for n in range(5)],
        with_ids=True,
    )
    ids = [row.pk for row in rows]
    assert None not in ids and ids == sorted(ids)
    assert dict(WebhookDelivery.objects.values_list("pk", "object_id")) == dict(zip(ids, range(5), strict=True))
    assert not any(row._state.adding for row in rows)
    # The sequence moved past them: the next row does not collide.
    later = WebhookDelivery.objects.create(webhook=hook, event="claim.updated", object_id=99)
    assert later.pk > max(ids)


def test_it_is_one_statement_plus_one_for_ids(alice: Any, postgres: None) -> None:
    claim = ClaimFactory()
    rows = [Comment(claim=claim, author=alice, body=f"note {n}") for n in range(module.COPY_MIN_ROWS)]
    with CaptureQueriesContext(connection) as ctx:
        bulk_insert(Comment, rows)
    assert [q["sql"].split(" ")[0] for q in ctx.captured_queries] == ["COPY"]
    hook = Webhook.objects.create(name="h", url="http://127.0.0.1:9/", events=["claim.updated"])
    deliveries = [WebhookDelivery(webhook=hook, event="claim.updated", object_id=n) for n in range(module.COPY_MIN_ROWS)]
    with CaptureQueriesContext(connection) as ctx:
        bulk_insert(WebhookDelivery, deliveries, with_ids=True)
    assert [q["sql"].split(" ")[0] for q in ctx.captured_queries] == ["SELECT", "COPY"]
    assert Comment.objects.filter(claim=claim).count() == WebhookDelivery.objects.count() == module.COPY_MIN_ROWS


def test_it_raises_djangos_integrity_error_and_writes_nothing(path: str) -> None:
    good = AuditEvent(action="ok", object_type="claim", object_id=1)
    bad = AuditEvent(action=None, object_type="claim", object_id=2)  # action is NOT NULL
    with pytest.raises(IntegrityError), transaction.atomic():
        bulk_insert(AuditEvent, [good, bad])
    assert not AuditEvent.objects.filter(object_id__in=[1, 2]).exists()


def test_it_does_nothing_for_no_rows(django_assert_num_queries: Any) -> None:
    with django_assert_num_queries(0):
        assert bulk_insert(AuditEvent, iter(())) == []
