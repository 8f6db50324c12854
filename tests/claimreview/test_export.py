from __future__ import annotations

import datetime as dt

import pytest

from claims.claimreview import claimreview_for, claimreview_problems
from claims.models import Article, Claim, Rating, Verdict

pytestmark = pytest.mark.django_db


def make(summary="Le Kazakhstan a envoyé 40 tonnes d'aide", slug="mostly-true", url="https://factcheck.example.org/c/1"):
    article = Article(pk=3, text="x", url="https://news.example.org/kz", language="fr",
                      published_at=dt.datetime(2022, 9, 14, tzinfo=dt.UTC))
    claim = Claim(pk=7, article=article, text="x", claimant="Kassym-Jomart Tokaïev", language="fr")
    verdict = Verdict(claim=claim, rating=Rating.objects.get(slug=slug), summary=summary, public_url=url,
                      explanation="Le ministère l'a confirmé.",
                      published_at=dt.datetime(2022, 9, 20, tzinfo=dt.UTC))
    return verdict, claim


def test_it_exports_a_numeric_rating_with_its_scale():
    verdict, claim = make()
    markup = claimreview_for(verdict, claim=claim)
    assert markup["@type"] == "ClaimReview"
    assert markup["reviewRating"] == {"@type": "Rating", "alternateName": "Plutôt vrai", "ratingValue": 4,
                                      "bestRating": 5, "worstRating": 1,
                                      "ratingExplanation": "Le ministère l'a confirmé."}
    assert markup["itemReviewed"] == {
        "@type": "Claim", "author": {"@type": "Person", "name": "Kassym-Jomart Tokaïev"},
        "datePublished": "2022-09-14", "appearance": [{"@type": "CreativeWork", "url": "https://news.example.org/kz"}],
    }
    assert (markup["datePublished"], markup["inLanguage"]) == ("2022-09-20", "fr")
    assert claimreview_problems(verdict, claim=claim) == []


def test_it_leaves_the_numbers_out_for_a_rating_off_the_scale():
    verdict, claim = make(slug="misleading")
    rating = claimreview_for(verdict, claim=claim)["reviewRating"]
    assert rating["alternateName"] == "Trompeur"
    assert not {"ratingValue", "bestRating", "worstRating"} & set(rating)


@pytest.mark.parametrize(("summary", "url", "problem"), [
    ("", "https://factcheck.example.org/c/1", "empty"),
    ("x" * 75, "https://factcheck.example.org/c/1", "under 75"),
    ("Faux : le Kazakhstan n'a rien envoyé", "https://factcheck.example.org/c/1", "rating word"),
    ("Le Kazakhstan a envoyé 40 tonnes", "https://elsewhere.example.com/c/1", "public url"),
])
def test_it_names_what_makes_markup_invalid(summary, url, problem):
    verdict, claim = make(summary=summary, url=url)
    problems = claimreview_problems(verdict, claim=claim)
    assert any(problem in p for p in problems), problems


def test_a_scale_that_starts_at_zero_is_refused():
    verdict, claim = make()
    assert "at least 1" in " ".join(claimreview_problems(verdict, claim=claim, bounds=(0, 4)))
