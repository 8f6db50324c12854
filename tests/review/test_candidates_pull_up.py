"""The article page lists the candidates below the short list; a reviewer pulls one up."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from claims.models import Claim
from tests.factories import ArticleFactory
from tests.review.conftest import csrf_token

pytestmark = pytest.mark.django_db

TEXT = "La Seine a atteint 5,84 mètres mardi. Il faudra rester prudent ce week-end. Le préfet a fermé 40 écoles."


def stored_candidate(start: int, end: int, text: str, **fields: Any) -> dict[str, Any]:
    return {"start": start, "end": end, "quote": TEXT[start:end], "text": text, "language": "fr",
            "kind": "statistic", "claimant": fields.get("claimant", ""), "outlet": "", "needs_context": False,
            "entities": [], "quantities": fields.get("quantities", []), "dates": [],
            "checkworthiness": 0.42, "checkworthiness_reasons": ["contains a quantity"]}


def test_it_lists_the_candidates_and_pulls_one_up(as_user: Any, alice: Any) -> None:
    start = TEXT.index("Le préfet")
    cand = stored_candidate(start, len(TEXT), "Le préfet a fermé 40 écoles.", claimant="préfecture",
                            quantities=[{"text": "40 écoles", "value": 40.0, "unit": "écoles"}])
    article = ArticleFactory(text=TEXT, extraction_candidates=[cand])
    client = as_user(alice, csrf=True)
    page = client.get(reverse("review:article", args=[article.pk])).content.decode()
    assert "1 more candidate below the short list" in page
    assert "Le préfet a fermé 40 écoles." in page and "Pull up" in page
    response = client.post(reverse("review:candidate_pull_up", args=[article.pk]),
                           {"start": start, "end": len(TEXT), "csrfmiddlewaretoken": csrf_token(page)})
    assert response.status_code == 303
    claim = Claim.objects.get(article=article)
    assert (claim.start, claim.end, claim.text, claim.claimant) == (start, len(TEXT), cand["text"], "préfecture")
    assert claim.quantities == cand["quantities"]
    assert response["Location"].endswith(f"#item-{claim.pk}")
    page = client.get(response["Location"]).content.decode()
    assert "Candidate pulled up as a claim." in page
    assert "more candidate" not in page


def test_it_refuses_a_candidate_that_is_gone_with_a_clear_400(as_user: Any, alice: Any) -> None:
    article = ArticleFactory(text=TEXT, extraction_candidates=[stored_candidate(0, 37, "La Seine a atteint 5,84 m.")])
    response = as_user(alice).post(reverse("review:candidate_pull_up", args=[article.pk]), {"start": 38, "end": 74})
    assert response.status_code == 400
    assert "no longer available" in response.content.decode()
    response = as_user(alice).post(reverse("review:candidate_pull_up", args=[article.pk]), {"start": "x"})
    assert response.status_code == 400
    assert not Claim.objects.filter(article=article).exists()


def test_an_outsider_cannot_pull_up(as_user: Any, charlie: Any) -> None:
    article = ArticleFactory(text=TEXT, extraction_candidates=[stored_candidate(0, 37, "La Seine a atteint 5,84 m.")])
    response = as_user(charlie).post(reverse("review:candidate_pull_up", args=[article.pk]), {"start": 0, "end": 37})
    assert response.status_code in (302, 403)
    assert not Claim.objects.filter(article=article).exists()
