"""The broker is down while an editor runs bulk actions in the admin: the changes commit, their
evidence runs and webhook deliveries are rows, and the sweepers finish the work once it is back."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from claims.evidence import enabled_providers
from claims.models import EvidenceRun, WebhookDelivery
from claims.services import bulk
from claims.services.evidence import evidence_sweep
from factcheck.celery import app
from tests.api.test_webhooks import Receiver, hook_for, verify
from tests.factories import ArticleFactory, ClaimFactory
from tests.loopback import loopback_server
from tests.workers import broker_at, celery_worker, purge, wait_for, waiting_messages


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_bulk_actions_during_a_broker_outage_lose_nothing(
    postgres: None, broker_url: str, erin: Any, settings: Any, monkeypatch: Any
) -> None:
    settings.CELERY_TASK_ALWAYS_EAGER = False
    app.conf.task_always_eager = False
    monkeypatch.setattr("claims.services.queue.FAN_OUT_ABOVE", 1)  # a few rows take the path of thousands
    purge(["default", "evidence"])
    article = ArticleFactory()
    ids = [ClaimFactory(article=article, status="new").pk for _ in range(3)]

    with loopback_server({"/hook": Receiver()}) as server:
        hook_for(server, events=("claim.updated",))
        with broker_at("redis://127.0.0.1:1/0"):
            moved = bulk.claims_bulk_transition(claim_ids=ids, to="selected", actor=erin)
            rerun = bulk.claims_bulk_gather_evidence(claim_ids=ids, actor=erin)
        assert (moved.changed, rerun.changed) == (3, 3)
        assert waiting_messages("default") == waiting_messages("evidence") == 0  # nothing reached the broker
        runs = EvidenceRun.objects.filter(claim_id__in=ids)
        assert runs.count() == 3 * len(enabled_providers())
        assert set(runs.values_list("status", flat=True)) == {"queued"}
        assert WebhookDelivery.objects.filter(status="pending").count() == 3

        with celery_worker(["default", "evidence"], name="bulk-outage"):
            later = timezone.now() + timedelta(seconds=settings.FACTCHECK_EVIDENCE_QUEUED_SECONDS + 1)
            assert evidence_sweep(now=later)["forgotten"] == runs.count()
            settings.FACTCHECK_WEBHOOK_SWEEP_SECONDS = -1  # every pending delivery counts as stuck
            from claims.tasks import sweep_webhooks

            assert sweep_webhooks() == 3
            wait_for(lambda: runs.filter(status="done").count() == runs.count(), timeout=90,
                     what="every evidence run done")
            wait_for(lambda: WebhookDelivery.objects.filter(status="sent").count() == 3, timeout=60,
                     what="three deliveries sent")
        assert sorted(verify(r)["data"]["claim_id"] for r in server.requests) == ids
