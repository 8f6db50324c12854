"""enqueue_each and the fan_out task: many ids leave a request as a few messages, never lost or doubled."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import transaction

from claims.services import queue
from claims.tasks.fanout import fan_out


@pytest.fixture
def published(monkeypatch: Any) -> list[tuple[str, tuple[Any, ...]]]:
    sent: list[tuple[str, tuple[Any, ...]]] = []

    def record(task_name: str, *args: Any, **kwargs: Any) -> bool:
        sent.append((task_name, args))
        return True

    monkeypatch.setattr("claims.services.queue.enqueue_now", record)
    monkeypatch.setattr("claims.tasks.fanout.enqueue_now", record)
    return sent


@pytest.mark.django_db
def test_a_few_ids_are_one_task_each_as_enqueue(
    published: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    few = list(range(1, queue.FAN_OUT_ABOVE + 1))
    with django_capture_on_commit_callbacks(execute=True):
        queue.enqueue_each("claims.tasks.webhook_deliver", few)
    assert published == [("claims.tasks.webhook_deliver", (pk,)) for pk in few]


@pytest.mark.django_db
def test_many_ids_leave_in_chunks_after_commit(published: list[Any], django_capture_on_commit_callbacks: Any) -> None:
    ids = list(range(1, 2 * queue.FAN_OUT_CHUNK + 2))
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        queue.enqueue_each("claims.tasks.claim_gather_evidence", ids)
    assert published == []  # nothing before commit
    for callback in callbacks:
        callback()
    assert [name for name, _ in published] == ["claims.tasks.fan_out"] * 3
    chunks = [args[1] for _, args in published]
    assert [len(c) for c in chunks] == [queue.FAN_OUT_CHUNK, queue.FAN_OUT_CHUNK, 1]
    assert [pk for chunk in chunks for pk in chunk] == ids
    assert {args[0] for _, args in published} == {"claims.tasks.claim_gather_evidence"}


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_change_publishes_nothing(published: list[Any]) -> None:
    with pytest.raises(RuntimeError), transaction.atomic():
        queue.enqueue_each("claims.tasks.webhook_deliver", [1, 2, 3])
        raise RuntimeError("the change failed")
    assert published == []


def test_fan_out_publishes_one_task_per_id(published: list[Any]) -> None:
    assert fan_out("claims.tasks.article_extract", [3, "4"]) == 2
    assert published == [("claims.tasks.article_extract", (3,)), ("claims.tasks.article_extract", (4,))]


def test_fan_out_counts_what_the_broker_refused(monkeypatch: Any) -> None:
    answers = iter([True, False, True])
    monkeypatch.setattr("claims.tasks.fanout.enqueue_now", lambda *a, **k: next(answers))
    assert fan_out("claims.tasks.webhook_deliver", [1, 2, 3]) == 2


def test_fan_out_refuses_tasks_outside_its_list(published: list[Any]) -> None:
    with pytest.raises(ValueError, match="cannot be fanned out"):
        fan_out("claims.tasks.sweep_webhooks", [1])
    assert published == []
