"""claims.services.bulk: the workflow's rules on many rows, in a constant number of queries."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.evidence import enabled_providers
from claims.models import AuditEvent, Claim, Comment, Evidence, EvidenceRun, Verdict, WebhookDelivery
from claims.services import bulk
from claims.services.errors import InvalidInput, NotAllowed
from claims.services.roles import is_editor
from tests.factories import ArticleFactory, ClaimFactory, VerdictFactory, claim_in, rating

pytestmark = pytest.mark.django_db


def claims(n: int, status: str = "new", **kwargs: Any) -> list[Claim]:
    article = ArticleFactory()
    return [ClaimFactory(article=article, status=status, **kwargs) for _ in range(n)]


def ids(rows: list[Claim]) -> list[int]:
    return [c.pk for c in rows]


def test_it_moves_only_the_claims_for_which_the_move_is_valid(erin: Any, hook: Any) -> None:
    movable = claims(3, "new")
    stuck = claims(2, "published")
    result = bulk.claims_bulk_transition(claim_ids=ids(movable + stuck), to="selected", actor=erin)
    assert result.changed == 3
    assert result.refused == {"cannot go from published to selected": 2}
    assert set(Claim.objects.filter(status="selected").values_list("pk", flat=True)) == set(ids(movable))
    assert set(Claim.objects.filter(pk__in=ids(movable)).values_list("version", flat=True)) == {2}
    assert set(Claim.objects.filter(pk__in=ids(stuck)).values_list("version", flat=True)) == {1}


def test_it_writes_one_audit_event_and_one_webhook_delivery_per_changed_claim(erin: Any, hook: Any) -> None:
    movable = claims(4, "new")
    stuck = claims(1, "in_review")
    bulk.claims_bulk_transition(claim_ids=ids(movable + stuck), to="selected", actor=erin)
    events = AuditEvent.objects.filter(action="claim.transition")
    assert sorted(events.values_list("object_id", flat=True)) == ids(movable)
    event = events.first()
    assert event.channel == "admin" and event.actor == erin
    assert event.before["status"] == "new" and event.after["status"] == "selected"
    assert event.after["version"] == event.before["version"] + 1
    deliveries = WebhookDelivery.objects.filter(event="claim.updated")
    assert sorted(deliveries.values_list("object_id", flat=True)) == ids(movable)
    assert deliveries.first().payload["data"]["status"] == "selected"


@pytest.mark.parametrize("copy_min_rows", [None, 1], ids=["insert-or-copy", "copy"])
def test_it_does_not_grow_queries_with_the_number_of_rows(
    erin: Any, hook: Any, copy_min_rows: int | None, monkeypatch: Any
) -> None:
    if copy_min_rows is not None:  # every audit and delivery row through COPY (PostgreSQL), as at 10,000 rows
        monkeypatch.setattr("claims.services.bulk_insert.COPY_MIN_ROWS", copy_min_rows)
    is_editor(erin)  # the actor's roles are read once and cached on the user: warm that cache first
    counts = []
    for n in (3, 30):
        rows = claims(n, "new")
        with CaptureQueriesContext(connection) as ctx:
            result = bulk.claims_bulk_transition(claim_ids=ids(rows), to="selected", actor=erin)
        assert result.changed == n
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1]
    counts = []
    for n in (3, 30):
        rows = claims(n, "new")
        with CaptureQueriesContext(connection) as ctx:
            bulk.claims_bulk_assign(claim_ids=ids(rows), assignee=erin, actor=erin)
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1]


def test_it_keeps_the_status_move_under_a_pinned_query_count(
    erin: Any, hook: Any, django_assert_max_num_queries: Any
) -> None:
    rows = claims(50, "new")
    is_editor(erin)  # roles are read once per actor and cached
    with django_assert_max_num_queries(10):
        bulk.claims_bulk_transition(claim_ids=ids(rows), to="dismissed", actor=erin, comment="off topic")


def test_it_refuses_a_dismissal_without_a_reason(erin: Any) -> None:
    rows = claims(2, "new")
    with pytest.raises(InvalidInput):
        bulk.claims_bulk_dismiss(claim_ids=ids(rows), reason="  ", actor=erin)
    result = bulk.claims_bulk_transition(claim_ids=ids(rows), to="dismissed", actor=erin)
    assert result.changed == 0 and result.refused == {"need a comment saying why": 2}


def test_it_dismisses_with_the_reason_kept_on_each_claim(erin: Any) -> None:
    rows = claims(2, "new") + claims(1, "published")
    result = bulk.claims_bulk_dismiss(claim_ids=ids(rows), reason="Opinion, not a fact", actor=erin)
    assert result.changed == 2
    assert set(Claim.objects.filter(status="dismissed").values_list("status_reason", flat=True)) == {
        "Opinion, not a fact"
    }
    assert Comment.objects.filter(body="Opinion, not a fact").count() == 2


def test_it_assigns_to_whoever_starts_an_unassigned_claim(alice: Any) -> None:
    rows = claims(2, "selected")
    bulk.claims_bulk_transition(claim_ids=ids(rows), to="in_progress", actor=alice)
    assert set(Claim.objects.filter(pk__in=ids(rows)).values_list("assignee", flat=True)) == {alice.pk}


def test_it_leaves_editor_only_moves_to_editors(alice: Any, erin: Any, ed: Any) -> None:
    verdict = VerdictFactory(claim=claim_in("in_review"), author=alice, status="submitted")
    result = bulk.claims_bulk_transition(claim_ids=[verdict.claim_id], to="published", actor=alice)
    assert result.changed == 0 and result.refused == {"need an editor to go from in review": 1}


def test_it_publishes_through_the_workflow_and_reports_per_row_refusals(
    alice: Any, erin: Any, hook: Any
) -> None:
    ok = VerdictFactory(claim=claim_in("in_review"), author=alice, status="submitted")
    own = VerdictFactory(claim=claim_in("in_review"), author=erin, status="submitted")
    result = bulk.claims_bulk_transition(claim_ids=[ok.claim_id, own.claim_id], to="published", actor=erin)
    assert result.changed == 1
    assert result.refused == {"Whoever wrote part of a verdict cannot approve it: ask another editor": 1}
    ok.refresh_from_db()
    own.refresh_from_db()
    assert ok.status == "published" and own.status == "submitted"
    assert list(WebhookDelivery.objects.filter(event="verdict.published").values_list("object_id", flat=True)) == [
        ok.claim_id
    ]


def test_it_refuses_people_without_a_role(charlie: Any) -> None:
    rows = claims(2)
    with pytest.raises(NotAllowed):
        bulk.claims_bulk_transition(claim_ids=ids(rows), to="selected", actor=charlie)
    with pytest.raises(NotAllowed):
        bulk.claims_bulk_assign(claim_ids=ids(rows), assignee=None, actor=charlie)
    assert not AuditEvent.objects.exists()


def test_it_lets_only_editors_assign_to_someone_else(alice: Any, bob: Any, erin: Any, charlie: Any) -> None:
    rows = claims(3)
    with pytest.raises(NotAllowed):
        bulk.claims_bulk_assign(claim_ids=ids(rows), assignee=bob, actor=alice)
    with pytest.raises(InvalidInput):
        bulk.claims_bulk_assign(claim_ids=ids(rows), assignee=charlie, actor=erin)
    Claim.objects.filter(pk=rows[0].pk).update(assignee=bob)
    result = bulk.claims_bulk_assign(claim_ids=ids(rows), assignee=bob, actor=erin)
    assert result.changed == 2 and result.refused == {"already assigned to them": 1}
    assert AuditEvent.objects.filter(action="claim.assign").count() == 2


def test_it_sets_and_clears_the_rating_of_draft_verdicts_only(alice: Any) -> None:
    draft = VerdictFactory(claim=claim_in("in_progress"), author=alice)
    submitted = VerdictFactory(claim=claim_in("in_review"), author=alice, status="submitted")
    bare = claim_in("selected")
    result = bulk.claims_bulk_set_rating(
        claim_ids=[draft.claim_id, submitted.claim_id, bare.pk], rating=rating("false"), actor=alice
    )
    assert result.changed == 1
    assert result.refused == {"have no draft verdict": 2}
    draft.refresh_from_db()
    submitted.refresh_from_db()
    assert draft.rating.slug == "false" and draft.version == 2
    assert submitted.rating.slug == "mostly-true"
    result = bulk.claims_bulk_set_rating(claim_ids=[draft.claim_id], rating=None, actor=alice)
    assert result.changed == 1
    assert Verdict.objects.get(pk=draft.pk).rating is None
    assert AuditEvent.objects.filter(action="verdict.update", object_id=draft.pk).count() == 2


def test_it_marks_duplicates_and_merges_their_evidence_without_duplicating_sources(
    alice: Any, hook: Any
) -> None:
    original, dup1, dup2 = claims(3, "in_progress")
    Evidence.objects.create(claim=original, provider="library", url="doc/1", title="already there")
    Evidence.objects.create(claim=dup1, provider="library", url="doc/1", title="same source")
    Evidence.objects.create(claim=dup1, provider="mediawiki", url="https://fr.wikipedia.org/wiki/A")
    Evidence.objects.create(claim=dup2, provider="mediawiki", url="https://fr.wikipedia.org/wiki/A")
    Evidence.objects.create(claim=dup2, provider="mediawiki", url="https://fr.wikipedia.org/wiki/B")
    result = bulk.claims_bulk_mark_duplicate(claim_ids=[original.pk, dup1.pk, dup2.pk], original=original, actor=alice)
    assert result.changed == 2 and result.refused == {"are the original itself": 1}
    assert sorted(Evidence.objects.filter(claim=original).values_list("url", flat=True)) == [
        "doc/1", "https://fr.wikipedia.org/wiki/A", "https://fr.wikipedia.org/wiki/B",
    ]
    original.refresh_from_db()
    assert original.evidence_count == 3
    assert set(Claim.objects.filter(pk__in=[dup1.pk, dup2.pk]).values_list("status", "duplicate_of")) == {
        ("duplicate", original.pk)
    }
    assert WebhookDelivery.objects.filter(event="evidence.attached", object_id=original.pk).count() == 1
    assert AuditEvent.objects.filter(action="claim.duplicate").count() == 2
    again = bulk.claims_bulk_mark_duplicate(claim_ids=[dup1.pk], original=original, actor=alice)
    assert again.changed == 0 and again.refused == {"already duplicates of it": 1}


def test_it_points_duplicates_at_the_root_of_a_duplicate_chain(alice: Any) -> None:
    root, middle, new = claims(3)
    Claim.objects.filter(pk=middle.pk).update(status="duplicate", duplicate_of=root)
    middle.refresh_from_db()
    bulk.claims_bulk_mark_duplicate(claim_ids=[new.pk], original=middle, actor=alice)
    assert Claim.objects.get(pk=new.pk).duplicate_of_id == root.pk


def test_it_queues_evidence_and_extraction_after_commit(
    alice: Any, erin: Any, django_capture_on_commit_callbacks: Any, monkeypatch: Any
) -> None:
    monkeypatch.setattr("claims.services.queue.FAN_OUT_ABOVE", 1)  # fan out from two ids, as for thousands
    queued: list[tuple[str, tuple[Any, ...]]] = []
    monkeypatch.setattr("claims.services.queue.enqueue_now", lambda name, *args, **kw: queued.append((name, args)))
    open_rows = claims(2, "new")
    closed = claims(1, "dismissed")
    with django_capture_on_commit_callbacks(execute=True):
        result = bulk.claims_bulk_gather_evidence(claim_ids=ids(open_rows + closed), actor=alice)
    assert result.changed == 2 and result.refused == {"are dismissed": 1}
    # The runs are rows before they are messages (the sweeper re-sends queued runs after an outage).
    runs = EvidenceRun.objects.filter(claim_id__in=ids(open_rows))
    assert set(runs.values_list("status", flat=True)) == {"queued"}
    assert sorted(runs.values_list("claim_id", "provider")) == sorted(
        (pk, name) for pk in ids(open_rows) for name in enabled_providers()
    )
    assert not EvidenceRun.objects.filter(claim_id__in=ids(closed)).exists()
    # Many ids leave as one fan-out message; a worker publishes one task per run (tests/services/test_fan_out.py).
    assert queued == [("claims.tasks.fan_out", ("claims.tasks.evidence_run", sorted(runs.values_list("pk", flat=True))))]
    queued.clear()
    article = ArticleFactory(extraction_status="failed", extraction_error="boom")
    running = ArticleFactory(extraction_status="running")
    with django_capture_on_commit_callbacks(execute=True):
        result = bulk.articles_bulk_reextract(article_ids=[article.pk, running.pk], actor=erin)
    assert result.changed == 1 and result.refused == {"are being extracted now": 1}
    article.refresh_from_db()
    assert (article.extraction_status, article.extraction_error) == ("queued", "")
    assert queued == [("claims.tasks.article_extract", (article.pk,))]
    with pytest.raises(NotAllowed):
        bulk.articles_bulk_reextract(article_ids=[article.pk], actor=alice)


def test_it_sets_the_stance_of_evidence_and_bumps_the_claims(alice: Any) -> None:
    claim = ClaimFactory()
    first = Evidence.objects.create(claim=claim, provider="library", url="doc/1")
    second = Evidence.objects.create(claim=claim, provider="library", url="doc/2", stance="refutes")
    result = bulk.evidence_bulk_set_stance(evidence_ids=[first.pk, second.pk], stance="refutes", actor=alice)
    assert result.changed == 1 and result.refused == {"already refutes": 1}
    first.refresh_from_db()
    assert (first.stance, first.stance_by) == ("refutes", alice)
    assert Claim.objects.get(pk=claim.pk).version == 2
    with pytest.raises(InvalidInput):
        bulk.evidence_bulk_set_stance(evidence_ids=[first.pk], stance="maybe", actor=alice)


def test_it_neutralises_formulas_in_csv_cells() -> None:
    assert bulk.csv_safe("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")"
    assert [bulk.csv_safe(v) for v in ("+1", "-2", "@SUM(A1)", "plain", 3, -4.5)] == [
        "'+1", "'-2", "'@SUM(A1)", "plain", 3, -4.5,
    ]


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_fans_the_evidence_tasks_out_after_commit(
    alice: Any, broker_url: str, postgres: None, monkeypatch: Any
) -> None:
    """The request publishes one fan-out message; a worker on `default` turns it into one task per run."""
    from factcheck.celery import app

    monkeypatch.setattr("claims.services.queue.FAN_OUT_ABOVE", 1)  # a few runs behave as thousands
    from tests.workers import celery_worker, purge, wait_for, waiting_messages

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = False
    purge(["default", "evidence"])

    try:
        rows = claims(3, "new")
        bulk.claims_bulk_gather_evidence(claim_ids=ids(rows), actor=alice)  # commits: enqueued on commit
        runs = EvidenceRun.objects.filter(claim_id__in=ids(rows), status="queued").count()
        assert runs == 3 * len(enabled_providers()) > 3
        assert waiting_messages("evidence") == 0 and waiting_messages("default") == 1
        with celery_worker(["default"], name="fan-out"):
            wait_for(lambda: waiting_messages("evidence") == runs, timeout=60, what="one evidence task per run")
        assert waiting_messages("default") == 0
    finally:
        purge(["default", "evidence"])
        app.conf.task_always_eager = previous


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_bulk_change_reaches_the_webhook_once_per_claim_through_a_real_worker(
    erin: Any, broker_url: str, postgres: None, monkeypatch: Any
) -> None:
    from factcheck.celery import app
    from tests.api.test_webhooks import Receiver, hook_for, verify
    from tests.loopback import loopback_server
    from tests.workers import celery_worker, purge, wait_for

    monkeypatch.setattr("claims.services.queue.FAN_OUT_ABOVE", 1)  # four deliveries fan out, as thousands do
    previous = app.conf.task_always_eager
    app.conf.task_always_eager = False
    purge(["default"])
    try:
        with loopback_server({"/hook": Receiver()}) as server:
            hook_for(server, events=("claim.updated",))
            rows = claims(4, "new")
            result = bulk.claims_bulk_transition(claim_ids=ids(rows), to="selected", actor=erin)
            assert result.changed == 4
            with celery_worker(["default"], name="bulk-webhooks"):
                wait_for(lambda: WebhookDelivery.objects.filter(status="sent").count() == 4, timeout=60,
                         what="four deliveries sent")
            bodies = [verify(request) for request in server.requests]
        assert sorted(body["data"]["claim_id"] for body in bodies) == ids(rows)
        assert {body["data"]["status"] for body in bodies} == {"selected"}
    finally:
        purge(["default"])
        app.conf.task_always_eager = previous
