"""The article page: claims highlighted in place; new claims from a selection; split, merge, dismiss."""

from __future__ import annotations

import html as htmllib
import re
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims.models import AuditEvent, Claim
from tests.factories import ArticleFactory, ClaimFactory
from tests.review.conftest import csrf_token

pytestmark = pytest.mark.django_db

TEXT = "Le PIB a progressé de 2 % en 2023. Le chômage est tombé à 7 %. La dette atteint 110 % du PIB."


def rendered_article_text(page: str) -> str:
    block = re.search(r'<div class="articletext" id="article-text"[^>]*>(.*?)</div>', page, re.S)
    assert block
    return htmllib.unescape(re.sub(r"<[^>]+>", "", block.group(1)))


def test_it_highlights_each_claim_in_place_and_keeps_the_text_exact(as_user: Any, alice: Any) -> None:
    article = ArticleFactory(text=TEXT)
    first = ClaimFactory(article=article, start=0, end=34)
    second = ClaimFactory(article=article, start=35, end=62, status="selected")
    page = as_user(alice).get(reverse("review:article", args=[article.pk])).content.decode()
    assert rendered_article_text(page) == TEXT
    assert re.search(rf'<mark class="claimspan st-new" id="claim-{first.pk}"[^>]*title="Score 0.80 · New">'
                     r"Le PIB a progressé de 2 % en 2023.</mark>", page)
    assert f'class="claimspan st-selected" id="claim-{second.pk}"' in page
    assert f'id="item-{second.pk}"' in page


def test_it_escapes_script_in_article_and_claim_text(as_user: Any, alice: Any) -> None:
    text = "<script>alert(1)</script> a dit le ministre."
    article = ArticleFactory(text=text, title="<b>titre</b>")
    ClaimFactory(article=article, start=0, end=len(text), text="<script>alert(2)</script>")
    page = as_user(alice).get(reverse("review:article", args=[article.pk])).content.decode()
    assert "<script>alert" not in page and "<b>titre" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert rendered_article_text(page) == text


def test_it_creates_a_claim_from_a_selection_with_exact_offsets(as_user: Any, alice: Any) -> None:
    article = ArticleFactory(text=TEXT)
    client = as_user(alice, csrf=True)
    token = csrf_token(client.get(reverse("review:article", args=[article.pk])).content.decode())
    response = client.post(reverse("review:article_claim_create", args=[article.pk]), {
        "start": 35, "end": 62, "quote": "Le chômage est tombé à 7 %.", "csrfmiddlewaretoken": token,
    })
    claim = Claim.objects.get(article=article)
    assert response.status_code == 303
    assert response["Location"] == reverse("review:claim", args=[claim.pk])
    assert (claim.start, claim.end, claim.quote, claim.created_by) == (35, 62, "Le chômage est tombé à 7 %.", alice)
    assert TEXT[claim.start:claim.end] == claim.quote
    assert AuditEvent.objects.filter(claim=claim, action="claim.create", actor=alice).exists()


def test_it_refuses_a_selection_that_does_not_match_the_article(as_user: Any, alice: Any) -> None:
    article = ArticleFactory(text=TEXT)
    client = as_user(alice)
    url = reverse("review:article_claim_create", args=[article.pk])
    wrong = client.post(url, {"start": 35, "end": 62, "quote": "Le chômage est tombé à 9 %."})
    outside = client.post(url, {"start": 500, "end": 520, "quote": "x" * 20})
    missing = client.post(url, {"start": "", "end": 3, "quote": "Le "})
    assert (wrong.status_code, outside.status_code, missing.status_code) == (400, 400, 400)
    assert "does not match" in wrong.content.decode()
    assert not Claim.objects.filter(article=article).exists()


def test_it_refuses_the_selection_form_without_csrf_token(as_user: Any, alice: Any) -> None:
    article = ArticleFactory(text=TEXT)
    response = as_user(alice, csrf=True).post(
        reverse("review:article_claim_create", args=[article.pk]), {"start": 0, "end": 6, "quote": "Le PIB"}
    )
    assert response.status_code == 403
    assert not Claim.objects.exists()


def test_it_splits_a_claim_in_two(as_user: Any, alice: Any) -> None:
    article = ArticleFactory(text=TEXT)
    claim = ClaimFactory(article=article, start=0, end=62)
    response = as_user(alice).post(reverse("review:claim_split", args=[article.pk, claim.pk]),
                                   {"at": 34, "expected_version": claim.version})
    assert response.status_code == 303
    claim.refresh_from_db()
    rest = Claim.objects.exclude(pk=claim.pk).get(article=article)
    assert (claim.quote, rest.quote) == ("Le PIB a progressé de 2 % en 2023.", "Le chômage est tombé à 7 %.")
    assert claim.version == 2


def test_it_refuses_a_split_point_outside_the_claim(as_user: Any, alice: Any) -> None:
    article = ArticleFactory(text=TEXT)
    claim = ClaimFactory(article=article, start=0, end=34)
    response = as_user(alice).post(reverse("review:claim_split", args=[article.pk, claim.pk]), {"at": 50})
    assert response.status_code == 400
    assert Claim.objects.count() == 1


def test_it_merges_claims_into_one(as_user: Any, alice: Any) -> None:
    article = ArticleFactory(text=TEXT)
    first = ClaimFactory(article=article, start=0, end=34)
    second = ClaimFactory(article=article, start=35, end=62)
    response = as_user(alice).post(reverse("review:claim_merge", args=[article.pk, first.pk]),
                                   {"claims": [second.pk]})
    assert response.status_code == 303
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.quote == TEXT[0:62] and (first.start, first.end) == (0, 62)
    assert second.status == "duplicate" and second.duplicate_of_id == first.pk


def test_it_dismisses_a_claim_with_a_reason_and_refuses_one_without(as_user: Any, alice: Any) -> None:
    article = ArticleFactory(text=TEXT)
    claim = ClaimFactory(article=article, start=0, end=34)
    url = reverse("review:claim_dismiss", args=[article.pk, claim.pk])
    client = as_user(alice)
    assert client.post(url, {"comment": ""}).status_code == 400
    assert client.post(url, {"comment": "Opinion, pas un fait"}).status_code == 303
    claim.refresh_from_db()
    assert (claim.status, claim.status_reason) == ("dismissed", "Opinion, pas un fait")


def test_it_loads_the_article_page_in_a_fixed_number_of_queries(as_user: Any, alice: Any, bob: Any) -> None:
    text = " ".join(f"Phrase {i} avec 1{i} %." for i in range(40))
    article = ArticleFactory(text=text)
    client = as_user(alice)
    spans = [m.span() for m in re.finditer(r"Phrase \d+ avec \d+ %\.", text)]
    ClaimFactory(article=article, start=spans[0][0], end=spans[0][1], assignee=bob)
    url = reverse("review:article", args=[article.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for start, end in spans[1:]:
        ClaimFactory(article=article, start=start, end=end, assignee=bob)
    with CaptureQueriesContext(connection) as forty:
        page = client.get(url).content.decode()
    assert page.count('class="claimspan') == 40
    assert len(forty.captured_queries) == len(one.captured_queries) <= 6


def test_it_creates_a_claim_from_a_typed_sentence_for_keyboard_users(as_user: Any, alice: Any) -> None:
    article = ArticleFactory(text=TEXT + " Le PIB a progressé de 2 % en 2023.")
    client = as_user(alice)
    create = reverse("review:article_claim_create", args=[article.pk])
    response = client.post(create, {"quote": "  Le chômage est tombé à 7 %. "})
    assert response.status_code == 303
    claim = Claim.objects.get(article=article)
    assert (claim.start, claim.end) == (35, 62) and claim.offsets_error() is None
    twice = client.post(create, {"quote": "Le PIB a progressé de 2 % en 2023."})
    missing = client.post(create, {"quote": "Une phrase absente."})
    assert (twice.status_code, missing.status_code) == (400, 400)
    assert "appears 2 times" in twice.content.decode() and "not in the article" in missing.content.decode()
    assert Claim.objects.filter(article=article).count() == 1


def test_it_keeps_the_note_given_with_a_stance(as_user: Any, alice: Any, claim: Any) -> None:
    from claims.models import Evidence

    evidence = Evidence.objects.create(claim=claim, provider="library", url="https://example.org/n")
    as_user(alice).post(reverse("review:evidence_stance", args=[evidence.pk]),
                        {"stance": "mixed", "note": "Chiffre de 2022"})
    evidence.refresh_from_db()
    assert (evidence.stance, evidence.note) == ("mixed", "Chiffre de 2022")
