"""Claim bulk actions through the admin: who sees them, the confirmation step, the outcome message,
and the exports."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from claims.evidence import enabled_providers
from claims.models import AuditEvent, Claim, EvidenceRun, WebhookDelivery
from tests.admin.conftest import action_post
from tests.factories import ArticleFactory, ClaimFactory, VerdictFactory, claim_in

pytestmark = pytest.mark.django_db
CHANGELIST = "admin:claims_claim_changelist"


def messages_of(response: Any) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_it_shows_workflow_actions_only_to_people_with_the_permission_and_the_role(
    client: Any, staff_editor: Any, staff_reviewer: Any, staff_outsider: Any
) -> None:
    ClaimFactory()
    client.force_login(staff_editor)
    actions = client.get(reverse(CHANGELIST)).context["action_form"].fields["action"].choices
    names = {name for name, _ in actions}
    assert {"assign", "move_to_selected", "dismiss", "mark_duplicate", "export_csv"} <= names

    client.force_login(staff_reviewer)
    names = {name for name, _ in client.get(reverse(CHANGELIST)).context["action_form"].fields["action"].choices}
    assert "move_to_selected" in names and "assign" not in names  # assigning others is an editor's job

    client.force_login(staff_outsider)
    names = {name for name, _ in client.get(reverse(CHANGELIST)).context["action_form"].fields["action"].choices}
    assert "move_to_selected" not in names and "dismiss" not in names
    assert "export_csv" in names  # viewing is enough to export


def test_it_refuses_a_forged_action_post_from_someone_without_the_role(
    client: Any, staff_outsider: Any
) -> None:
    claim = ClaimFactory()
    client.force_login(staff_outsider)
    action_post(client, reverse(CHANGELIST), "move_to_selected", [claim.pk], apply="yes")
    claim.refresh_from_db()
    assert claim.status == "new"
    assert not AuditEvent.objects.exists()


def test_it_asks_for_confirmation_listing_what_will_change_before_moving(
    client: Any, admin_user: Any, hook: Any
) -> None:
    article = ArticleFactory()
    new = [ClaimFactory(article=article) for _ in range(3)]
    published = ClaimFactory(article=article, status="published")
    client.force_login(admin_user)
    url = reverse(CHANGELIST)
    page = action_post(client, url, "move_to_selected", [c.pk for c in [*new, published]])
    assert page.status_code == 200
    assert page.templates[0].name == "admin/claims/bulk_confirm.html"
    text = page.content.decode()
    assert "3 new → selected" in text
    assert "1 published stay: cannot go from published to selected" in text
    assert Claim.objects.filter(status="selected").count() == 0  # nothing changes before the confirmation

    done = action_post(client, url, "move_to_selected", [c.pk for c in [*new, published]], apply="yes")
    assert done.status_code == 302
    assert messages_of(done) == [
        "3 claims moved to selected; 1 not changed: 1 cannot go from published to selected"
    ]
    assert Claim.objects.filter(status="selected").count() == 3
    assert AuditEvent.objects.filter(action="claim.transition", channel="admin").count() == 3
    assert WebhookDelivery.objects.filter(event="claim.updated").count() == 3


def test_it_applies_an_action_to_the_whole_filtered_selection(client: Any, admin_user: Any) -> None:
    article = ArticleFactory()
    chosen = [ClaimFactory(article=article, kind="statistic") for _ in range(4)]
    other = ClaimFactory(article=article, kind="quote")
    client.force_login(admin_user)
    url = reverse(CHANGELIST) + "?kind__exact=statistic"
    response = action_post(client, url, "move_to_selected", [chosen[0].pk], select_across="1", apply="yes")
    assert response.status_code == 302
    assert Claim.objects.filter(status="selected").count() == 4
    other.refresh_from_db()
    assert other.status == "new"


def test_it_asks_for_a_dismissal_reason_and_keeps_the_page_until_given(client: Any, admin_user: Any) -> None:
    claim = ClaimFactory()
    client.force_login(admin_user)
    page = action_post(client, reverse(CHANGELIST), "dismiss", [claim.pk], apply="yes", reason="")
    assert page.status_code == 200 and "reason" in page.context["form"].errors
    claim.refresh_from_db()
    assert claim.status == "new"
    done = action_post(client, reverse(CHANGELIST), "dismiss", [claim.pk], apply="yes", reason="Satire")
    assert messages_of(done) == ["1 claims dismissed"]
    claim.refresh_from_db()
    assert (claim.status, claim.status_reason) == ("dismissed", "Satire")


def test_it_assigns_through_the_confirmation_form(client: Any, staff_editor: Any, alice: Any) -> None:
    rows = [ClaimFactory() for _ in range(2)]
    client.force_login(staff_editor)
    page = action_post(client, reverse(CHANGELIST), "assign", [c.pk for c in rows])
    assert "alice" in page.content.decode()
    done = action_post(client, reverse(CHANGELIST), "assign", [c.pk for c in rows], apply="yes",
                       assignee=str(alice.pk))
    assert messages_of(done) == ["2 claims assigned to alice"]
    assert set(Claim.objects.values_list("assignee", flat=True)) == {alice.pk}


def test_it_marks_duplicates_of_a_claim_given_by_id(client: Any, admin_user: Any) -> None:
    original, dup = ClaimFactory(), ClaimFactory()
    client.force_login(admin_user)
    bad = action_post(client, reverse(CHANGELIST), "mark_duplicate", [dup.pk], apply="yes", original="999999")
    assert "There is no claim with this id." in bad.content.decode()
    done = action_post(client, reverse(CHANGELIST), "mark_duplicate", [dup.pk], apply="yes",
                       original=str(original.pk))
    assert messages_of(done) == [f"1 claims marked as duplicates of #{original.pk}"]
    dup.refresh_from_db()
    assert (dup.status, dup.duplicate_of_id) == ("duplicate", original.pk)


def test_it_sets_the_draft_rating_from_the_admin(client: Any, admin_user: Any, alice: Any) -> None:
    from claims.models import Rating

    verdict = VerdictFactory(claim=claim_in("in_progress"), author=alice)
    client.force_login(admin_user)
    false = Rating.objects.get(slug="false")
    done = action_post(client, reverse(CHANGELIST), "set_rating", [verdict.claim_id], apply="yes",
                       rating=str(false.pk))
    assert messages_of(done)[0].startswith("1 claims had their draft rating set to")
    verdict.refresh_from_db()
    assert verdict.rating_id == false.pk


def test_it_exports_the_selection_as_csv_with_formulas_neutralised(client: Any, admin_user: Any) -> None:
    evil = ClaimFactory(claimant="=HYPERLINK(\"http://evil.example\",\"x\")")
    plain = ClaimFactory(claimant="Le ministère")
    client.force_login(admin_user)
    response = action_post(client, reverse(CHANGELIST), "export_csv", [evil.pk, plain.pk])
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(body)))
    assert [int(r["id"]) for r in rows] == sorted([evil.pk, plain.pk])
    by_id = {int(r["id"]): r for r in rows}
    assert by_id[evil.pk]["claimant"] == "'=HYPERLINK(\"http://evil.example\",\"x\")"
    assert by_id[plain.pk]["claimant"] == "Le ministère"
    assert by_id[plain.pk]["text"] == plain.text and by_id[plain.pk]["status"] == "new"


def test_it_exports_claimreview_for_published_verdicts_only(
    client: Any, admin_user: Any, alice: Any, erin: Any
) -> None:
    from claims.services import workflow

    verdict = VerdictFactory(claim=claim_in("in_review"), author=alice, status="submitted")
    workflow.claim_transition(claim=verdict.claim_id, to="published", actor=erin)
    unpublished = ClaimFactory()
    client.force_login(admin_user)
    response = action_post(client, reverse(CHANGELIST), "export_claimreview", [verdict.claim_id, unpublished.pk])
    items = json.loads(response.content)
    assert len(items) == 1
    assert items[0]["@type"] == "ClaimReview"
    assert items[0]["claimReviewed"] == verdict.summary
    assert items[0]["reviewRating"]["ratingValue"] == 4 and items[0]["reviewRating"]["bestRating"] == 5


def test_it_queues_evidence_again_after_confirmation(
    client: Any, admin_user: Any, django_capture_on_commit_callbacks: Any, monkeypatch: Any
) -> None:
    queued: list[str] = []
    monkeypatch.setattr("claims.services.queue.enqueue_now", lambda name, *a, **k: queued.append(name))
    claim = ClaimFactory()
    client.force_login(admin_user)
    page = action_post(client, reverse(CHANGELIST), "rerun_evidence", [claim.pk])
    assert page.status_code == 200 and queued == []
    with django_capture_on_commit_callbacks(execute=True):
        done = action_post(client, reverse(CHANGELIST), "rerun_evidence", [claim.pk], apply="yes")
    assert messages_of(done) == ["1 claims queued for evidence"]
    # One queued run per enabled provider, one task each (a bulk of many runs fans out: test_bulk_services).
    runs = EvidenceRun.objects.filter(claim=claim, status="queued").count()
    assert runs == len(enabled_providers()) >= 1
    assert queued == ["claims.tasks.evidence_run"] * runs
