"""The rulebook's single decisions, asked by the single-claim and bulk paths alike, and the pieces
issue 14 moved behind services: contributors, stance versions, the admin's article and library
forms, task names, the extraction job token."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from claims.models import Article, AuditEvent, Claim, Evidence, LibraryDocument, Verdict
from claims.services import bulk, rules
from claims.services.errors import DomainError
from claims.services.evidence import evidence_set_stance
from claims.services.extraction_job import _claim_jobs
from claims.services.queue import UnknownTask, enqueue, enqueue_each, enqueue_now
from claims.services.workflow import claim_mark_duplicate, claim_transition, verdict_save
from claims.task_names import ALL_TASKS
from tests.factories import ArticleFactory, ClaimFactory, rating
from tests.rules.conftest import claim_at
from tests.workers import broker_at

pytestmark = pytest.mark.django_db


def session(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


# --- the two-person rule counts every writer -------------------------------------------------------


def test_an_editor_who_set_a_drafts_rating_in_bulk_cannot_approve_it(alice: Any, erin: Any, ed: Any) -> None:
    claim = claim_at("in_progress", author=alice, editor=erin)
    verdict_save(claim=claim, actor=alice, rating=rating("false"), summary="Le Kazakhstan a envoyé 40 tonnes")
    assert bulk.claims_bulk_set_rating(claim_ids=[claim.pk], rating=rating("true"), actor=erin).changed == 1
    claim_transition(claim=claim, to="in_review", actor=alice)
    with pytest.raises(DomainError) as caught:
        claim_transition(claim=claim, to="published", actor=erin)
    assert caught.value.code == "own_verdict"
    assert claim_transition(claim=claim, to="published", actor=ed).status == "published"


def test_the_writers_of_a_published_verdict_cannot_approve_its_correction(alice: Any, erin: Any, ed: Any) -> None:
    claim = claim_at("published", author=alice, editor=erin)
    claim = claim_transition(claim=claim, to="in_progress", actor=erin, comment="Le chiffre a changé")
    correction = Verdict.objects.open().get(claim=claim)
    assert set(correction.contributions.values_list("user_id", flat=True)) == {alice.pk, erin.pk}
    claim_transition(claim=claim, to="in_review", actor=alice)
    assert rules.approval_refusal(Verdict.objects.get(pk=correction.pk), erin).code == "own_verdict"
    assert claim_transition(claim=claim, to="published", actor=ed).status == "published"


def test_the_publish_button_says_who_may_approve(alice: Any, erin: Any, ed: Any) -> None:
    claim = claim_at("in_review", author=alice, editor=erin)
    verdict = Verdict.objects.open().get(claim=claim)
    verdict.contributions.create(user=erin)
    page = session(erin).get(reverse("review:claim", args=[claim.pk]), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "You wrote part of this verdict" in page and 'data-to="published"' not in page
    page = session(ed).get(reverse("review:claim", args=[claim.pk])).content.decode()
    assert 'data-to="published"' in page


# --- one decision, one answer, on every path ---------------------------------------------------------


def test_single_and_bulk_refuse_a_self_duplicate_with_the_same_rule(erin: Any) -> None:
    claim = ClaimFactory()
    with pytest.raises(DomainError) as caught:
        claim_mark_duplicate(claim=claim, original=claim, actor=erin)
    result = bulk.claims_bulk_mark_duplicate(claim_ids=[claim.pk], original=claim, actor=erin)
    assert caught.value.http_status == 400 and result.refused == {caught.value.reason: 1}


def test_single_and_bulk_follow_the_duplicate_chain_to_its_root(erin: Any) -> None:
    root = ClaimFactory()
    middle = ClaimFactory(status="duplicate", duplicate_of=root)
    one, two = ClaimFactory(), ClaimFactory()
    assert claim_mark_duplicate(claim=one, original=middle, actor=erin).duplicate_of_id == root.pk
    bulk.claims_bulk_mark_duplicate(claim_ids=[two.pk], original=middle, actor=erin)
    assert Claim.objects.get(pk=two.pk).duplicate_of_id == root.pk


def test_starting_work_assigns_the_actor_on_both_paths(alice: Any, bob: Any) -> None:
    one, two = ClaimFactory(status="selected"), ClaimFactory(status="selected")
    assert claim_transition(claim=one, to="in_progress", actor=alice).assignee_id == alice.pk
    bulk.claims_bulk_transition(claim_ids=[two.pk], to="in_progress", actor=bob)
    assert Claim.objects.get(pk=two.pk).assignee_id == bob.pk


def test_a_stance_moves_the_claims_version_on_both_paths(alice: Any) -> None:
    claim = ClaimFactory()
    first = Evidence.objects.create(claim=claim, provider="library", url="https://a.example.org/1", title="A")
    second = Evidence.objects.create(claim=claim, provider="library", url="https://a.example.org/2", title="B")
    evidence_set_stance(evidence=first, stance="supports", actor=alice)
    assert Claim.objects.get(pk=claim.pk).version == 2
    bulk.evidence_bulk_set_stance(evidence_ids=[second.pk], stance="refutes", actor=alice)
    assert Claim.objects.get(pk=claim.pk).version == 3


def test_marking_a_duplicate_copies_its_evidence_on_both_paths(erin: Any) -> None:
    original = ClaimFactory()
    single, in_bulk = ClaimFactory(), ClaimFactory()
    for n, claim in enumerate((single, in_bulk)):
        Evidence.objects.create(claim=claim, provider="library", url=f"https://a.example.org/{n}", title="A")
    claim_mark_duplicate(claim=single, original=original, actor=erin)
    bulk.claims_bulk_mark_duplicate(claim_ids=[in_bulk.pk], original=original, actor=erin)
    assert Evidence.objects.filter(claim=original).count() == 2
    assert Claim.objects.get(pk=original.pk).evidence_count == 2


# --- the admin goes through services -----------------------------------------------------------------


def test_the_admin_edits_an_article_through_the_service_with_a_per_field_audit(admin_user: Any) -> None:
    article = ArticleFactory(title="Avant", publisher="")
    response = session(admin_user).post(reverse("admin:claims_article_change", args=[article.pk]), {
        "url": "", "title": "Après", "publisher": "Le Quotidien", "author": "", "published_at_0": "",
        "published_at_1": "", "language": "fr", "claims-TOTAL_FORMS": "0", "claims-INITIAL_FORMS": "0",
        "claims-MIN_NUM_FORMS": "0", "claims-MAX_NUM_FORMS": "1000",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    event = AuditEvent.objects.get(action="article.update", object_id=article.pk)
    assert event.before == {"title": "Avant", "publisher": ""}
    assert event.after == {"title": "Après", "publisher": "Le Quotidien"}
    assert event.channel == "admin" and event.actor == admin_user


def test_a_library_document_added_in_the_admin_has_its_passages(admin_user: Any) -> None:
    text = "Premier paragraphe sur la couverture vaccinale.\n\n" + "Deuxième paragraphe, plus long. " * 40
    response = session(admin_user).post(reverse("admin:claims_librarydocument_add"), {
        "title": "Rapport", "text": text, "source_url": "", "publisher": "Santé publique", "language": "fr",
        "published_at_0": "", "published_at_1": "", "passages-TOTAL_FORMS": "0", "passages-INITIAL_FORMS": "0",
        "passages-MIN_NUM_FORMS": "0", "passages-MAX_NUM_FORMS": "0",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    document = LibraryDocument.objects.get()
    assert document.passages.count() >= 2 and document.content_hash
    assert AuditEvent.objects.filter(action="library.add", object_id=document.pk, channel="admin").exists()


# --- tasks by name ---------------------------------------------------------------------------------------


def test_an_unknown_task_name_is_a_bug_not_an_outage() -> None:
    for call in (lambda: enqueue_now("claims.tasks.no_such_task", 1), lambda: enqueue("claims.tasks.typo", 1),
                 lambda: enqueue_each("claims.tasks.typo", [1, 2])):
        with pytest.raises(UnknownTask):
            call()


def test_a_broker_outage_is_left_to_the_sweeper(broker_url: str) -> None:
    from factcheck.celery import app

    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    try:
        with broker_at("redis://127.0.0.1:1/0"):  # nothing listens on port 1
            assert enqueue_now("claims.tasks.article_extract", 1) is False
    finally:
        app.conf.task_always_eager = eager


def test_every_task_name_is_registered_and_every_registered_task_is_named() -> None:
    from factcheck.celery import app

    app.loader.import_default_modules()
    registered = {name for name in app.tasks if name.startswith("claims.tasks.")}
    assert registered == set(ALL_TASKS)
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert scheduled <= set(ALL_TASKS)


# --- the extraction job's token has its own column ------------------------------------------------------


def test_the_extraction_job_token_no_longer_hides_in_the_error_column() -> None:
    article = ArticleFactory(extraction_status="queued")
    assert _claim_jobs(article.pk, 1) == ([article.pk], "")
    article = Article.objects.get(pk=article.pk)
    assert article.extraction_status == "running" and len(article.extraction_job) == 32
    assert article.extraction_error == ""
