"""The services behind the article page: manual claims, comments, split and merge."""

from __future__ import annotations

from typing import Any

import pytest

from claims.models import AuditEvent, Claim, Comment
from claims.services.errors import InvalidInput, InvalidTransition, NotAllowed, StaleVersion
from claims.services.review_actions import claim_create_from_selection, claim_merge, claim_split, comment_add
from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db
TEXT = "Le PIB a progressé de 2 % en 2023. Le chômage est tombé à 7 %. La dette atteint 110 % du PIB."


def test_it_creates_a_manual_claim_only_when_the_quote_matches_the_offsets(alice: Any) -> None:
    article = ArticleFactory(text=TEXT)
    claim = claim_create_from_selection(article=article, start=35, end=62, quote=TEXT[35:62], actor=alice)
    assert claim.offsets_error() is None and claim.touched and claim.checkworthiness == 1.0
    assert AuditEvent.objects.filter(claim=claim, action="claim.create").count() == 1
    with pytest.raises(InvalidInput):
        claim_create_from_selection(article=article, start=35, end=62, quote=TEXT[36:63], actor=alice)
    with pytest.raises(InvalidInput):
        claim_create_from_selection(article=article, start=34, end=62, quote=TEXT[34:62], actor=alice)
    assert Claim.objects.count() == 1


def test_it_refuses_manual_claims_and_comments_from_an_outsider(charlie: Any) -> None:
    article = ArticleFactory(text=TEXT)
    with pytest.raises(NotAllowed):
        claim_create_from_selection(article=article, start=0, end=6, quote="Le PIB", actor=charlie)
    with pytest.raises(NotAllowed):
        comment_add(claim=ClaimFactory(), actor=charlie, body="x")
    assert not Comment.objects.exists()


def test_it_records_a_comment_with_its_audit_event(alice: Any, claim: Any) -> None:
    comment = comment_add(claim=claim, actor=alice, body="  À rappeler  ")
    assert comment.body == "À rappeler"
    assert AuditEvent.objects.filter(claim=claim, action="comment.add", actor=alice).exists()
    with pytest.raises(InvalidInput):
        comment_add(claim=claim, actor=alice, body="x" * 5001)


def test_it_splits_keeping_offsets_exact_and_refuses_stale_or_locked_claims(alice: Any) -> None:
    article = ArticleFactory(text=TEXT)
    claim = ClaimFactory(article=article, start=0, end=62)
    with pytest.raises(StaleVersion):
        claim_split(claim=claim, at=34, actor=alice, expected_version=7)
    first, rest = claim_split(claim=claim, at=34, actor=alice, expected_version=1)
    assert first.offsets_error() is None and rest.offsets_error() is None
    assert (first.end, rest.start) == (34, 35)
    locked = ClaimFactory(article=article, start=63, end=len(TEXT), status="in_review")
    with pytest.raises(InvalidTransition):
        claim_split(claim=locked, at=70, actor=alice)


def test_it_merges_only_claims_of_the_same_article(alice: Any) -> None:
    article = ArticleFactory(text=TEXT)
    first = ClaimFactory(article=article, start=0, end=34)
    last = ClaimFactory(article=article, start=63, end=len(TEXT))
    elsewhere = ClaimFactory()
    with pytest.raises(InvalidInput):
        claim_merge(claim=first, others=[elsewhere], actor=alice)
    merged = claim_merge(claim=first, others=[last], actor=alice)
    assert (merged.start, merged.end, merged.quote) == (0, len(TEXT), TEXT)
    last.refresh_from_db()
    assert last.duplicate_of_id == first.pk
    assert AuditEvent.objects.filter(claim=first, action="claim.merge").exists()
