"""The claim workflow (DESIGN.md §5), as a spec: every allowed and refused transition."""

from __future__ import annotations

import itertools

import pytest

from claims.models import TRANSITIONS, AuditEvent, Claim, ClaimStatus, Comment, Verdict, VerdictStatus
from claims.services.errors import InvalidInput, InvalidTransition, NotAllowed, StaleVersion
from claims.services.workflow import (
    claim_allowed_transitions,
    claim_assign,
    claim_mark_duplicate,
    claim_transition,
    claim_update,
    verdict_save,
)
from tests.factories import ClaimFactory, rating

pytestmark = pytest.mark.django_db


def submitted(claim: Claim, author) -> Claim:
    """Walk a claim to in_review with a verdict written by `author`."""
    claim = claim_transition(claim=claim, to="selected", actor=author)
    claim = claim_transition(claim=claim, to="in_progress", actor=author)
    verdict_save(claim=claim, actor=author, rating=rating("mostly-true"), summary="Le Kazakhstan a envoyé 40 tonnes")
    return claim_transition(claim=claim, to="in_review", actor=author)


ALL = [s.value for s in ClaimStatus if s != ClaimStatus.DUPLICATE]


REFUSED = [(s, t) for s, t in itertools.product(ALL, ALL) if t not in TRANSITIONS[s]]


@pytest.mark.parametrize(("source", "target"), REFUSED)
def test_it_refuses_every_transition_outside_the_graph(source, target, erin):
    claim = ClaimFactory(status=source)
    with pytest.raises(InvalidTransition):
        claim_transition(claim=claim, to=target, actor=erin, comment="because")
    claim.refresh_from_db()
    assert claim.status == source
    assert claim.version == 1


def test_it_runs_the_whole_happy_path_with_two_people(alice, erin):
    claim = submitted(ClaimFactory(), alice)
    assert claim.status == "in_review"
    assert claim.assignee == alice
    claim = claim_transition(claim=claim, to="published", actor=erin)
    verdict = Verdict.objects.get(claim=claim)
    assert claim.status == "published"
    assert verdict.status == VerdictStatus.PUBLISHED
    assert verdict.approver == erin
    assert verdict.published_at is not None
    assert verdict.public_url.endswith(f"/claims/{claim.pk}/")
    actions = list(AuditEvent.objects.filter(claim=claim).values_list("action", flat=True))
    assert actions.count("claim.transition") == 4


def test_it_refuses_verdict_approval_from_its_own_author(erin):
    claim = submitted(ClaimFactory(), erin)
    with pytest.raises(NotAllowed) as info:
        claim_transition(claim=claim, to="published", actor=erin)
    assert info.value.code == "own_verdict"
    claim.refresh_from_db()
    assert claim.status == "in_review"


def test_it_refuses_approval_from_a_reviewer(alice, bob):
    claim = submitted(ClaimFactory(), alice)
    with pytest.raises(NotAllowed):
        claim_transition(claim=claim, to="published", actor=bob)


def test_it_refuses_any_change_from_someone_without_a_role(charlie):
    with pytest.raises(NotAllowed):
        claim_transition(claim=ClaimFactory(), to="selected", actor=charlie)


def test_it_requires_a_comment_to_send_back(alice, erin):
    claim = submitted(ClaimFactory(), alice)
    with pytest.raises(InvalidInput):
        claim_transition(claim=claim, to="in_progress", actor=erin)
    claim = claim_transition(claim=claim, to="in_progress", actor=erin, comment="Source manquante")
    assert claim.status == "in_progress"
    assert claim.status_reason == "Source manquante"
    assert Comment.objects.filter(claim=claim, author=erin).count() == 1
    assert Verdict.objects.get(claim=claim).status == VerdictStatus.DRAFT


def test_it_requires_a_reason_to_dismiss(alice):
    claim = ClaimFactory()
    with pytest.raises(InvalidInput):
        claim_transition(claim=claim, to="dismissed", actor=alice)
    claim = claim_transition(claim=claim, to="dismissed", actor=alice, comment="Opinion")
    assert claim.status == "dismissed"
    assert claim_transition(claim=claim, to="new", actor=alice).status == "new"


def test_it_refuses_submission_without_a_complete_verdict(alice):
    claim = claim_transition(claim=ClaimFactory(status="selected"), to="in_progress", actor=alice)
    with pytest.raises(InvalidTransition) as info:
        claim_transition(claim=claim, to="in_review", actor=alice)
    assert info.value.code == "verdict_incomplete"


def test_it_refuses_to_publish_invalid_claimreview(alice, erin):
    claim = claim_transition(claim=ClaimFactory(status="selected"), to="in_progress", actor=alice)
    verdict_save(claim=claim, actor=alice, rating=rating("false"), summary="C'est faux : rien n'a été envoyé")
    claim = claim_transition(claim=claim, to="in_review", actor=alice)
    with pytest.raises(InvalidTransition) as info:
        claim_transition(claim=claim, to="published", actor=erin)
    assert info.value.code == "invalid_claimreview"
    assert "rating word" in info.value.message


def test_it_reopens_a_published_claim_as_a_correction_keeping_history(alice, erin, ed):
    claim = claim_transition(claim=submitted(ClaimFactory(), alice), to="published", actor=erin)
    first = Verdict.objects.get(claim=claim)
    with pytest.raises(NotAllowed):
        claim_transition(claim=claim, to="in_progress", actor=alice, comment="typo")
    claim = claim_transition(claim=claim, to="in_progress", actor=erin, comment="Nouveau chiffre du ministère")
    draft = Verdict.objects.get(claim=claim, status="draft")
    assert draft.supersedes == first
    first.refresh_from_db()
    assert first.status == VerdictStatus.PUBLISHED  # history stays visible until the correction is out
    verdict_save(claim=claim, actor=erin, rating=rating("half-true"), summary="Le Kazakhstan a envoyé 40 tonnes")
    claim = claim_transition(claim=claim, to="in_review", actor=erin)
    claim = claim_transition(claim=claim, to="published", actor=ed)
    first.refresh_from_db()
    assert first.status == VerdictStatus.RETRACTED
    assert Verdict.objects.get(claim=claim, status="published").rating.slug == "half-true"


def test_it_marks_duplicates_of_the_root_original(alice):
    original = ClaimFactory()
    middle = ClaimFactory()
    claim_mark_duplicate(claim=middle, original=original, actor=alice)
    claim = claim_mark_duplicate(claim=ClaimFactory(status="in_progress"), original=middle, actor=alice)
    assert claim.status == "duplicate"
    assert claim.duplicate_of == original
    with pytest.raises(InvalidInput):
        claim_mark_duplicate(claim=original, original=claim, actor=alice)


def test_it_refuses_a_stale_write_and_records_the_attempt(alice, bob):
    claim = ClaimFactory()
    opened_version = claim.version
    claim_update(claim=claim, actor=alice, changes={"text": "Version d'Alice"}, expected_version=opened_version)
    with pytest.raises(StaleVersion) as info:
        claim_update(claim=claim, actor=bob, changes={"text": "Version de Bob"}, expected_version=opened_version)
    assert info.value.changed_by == "alice"
    claim.refresh_from_db()
    assert claim.text == "Version d'Alice"
    assert claim.version == opened_version + 1
    actions = set(AuditEvent.objects.filter(claim=claim).values_list("action", flat=True))
    assert {"claim.update", "claim.update.refused"} <= actions


def test_it_lets_only_editors_assign_to_someone_else(alice, bob, erin):
    claim = ClaimFactory()
    with pytest.raises(NotAllowed):
        claim_assign(claim=claim, assignee=bob, actor=alice)
    assert claim_assign(claim=claim, assignee=alice, actor=alice).assignee == alice
    assert claim_assign(claim=claim, assignee=bob, actor=erin).assignee == bob


def test_it_offers_only_the_buttons_the_role_allows(alice, erin):
    claim = submitted(ClaimFactory(), alice)
    assert claim_allowed_transitions(claim, alice) == []
    assert set(claim_allowed_transitions(claim, erin)) == {"in_progress", "published"}


def test_it_refuses_editing_the_quote_or_offsets(alice):
    with pytest.raises(InvalidInput):
        claim_update(claim=ClaimFactory(), actor=alice, changes={"start": 3})


SIMPLE_EDGES = [
    ("new", "selected"), ("new", "dismissed"), ("dismissed", "new"), ("dismissed", "selected"),
    ("selected", "in_progress"), ("selected", "dismissed"), ("in_progress", "dismissed"), ("duplicate", "new"),
]


@pytest.mark.parametrize(("source", "target"), SIMPLE_EDGES)
def test_it_allows_each_edge_and_audits_it(source, target, alice):
    claim = ClaimFactory(status=source)
    claim = claim_transition(claim=claim, to=target, actor=alice, comment="raison", expected_version=1)
    assert claim.status == target
    assert claim.version == 2
    event = AuditEvent.objects.get(claim=claim, action="claim.transition")
    assert (event.before["status"], event.after["status"]) == (source, target)
    assert event.actor == alice


def test_every_edge_of_the_graph_is_covered_by_a_test():
    covered = set(SIMPLE_EDGES) | {("in_progress", "in_review"), ("in_review", "published"),
                                   ("in_review", "in_progress"), ("published", "in_progress")}
    graph = {(s, t) for s, targets in TRANSITIONS.items() for t in targets if t != "duplicate"}
    assert graph == covered
