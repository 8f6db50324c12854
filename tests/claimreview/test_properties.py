"""Property tests (hypothesis) for ClaimReview: import never crashes on any JSON, and export of a
verdict that passes the validator always satisfies the ClaimReview rules."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.claimreview import claimreview_for, claimreview_problems
from claims.claimreview_import import parse
from claims.models import Article, Claim, Rating, Verdict

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=5),
    max_leaves=25,
)
review_keys = st.sampled_from(["@type", "claimReviewed", "url", "reviewRating", "itemReviewed", "author",
                               "datePublished", "inLanguage", "ratingValue", "bestRating", "worstRating",
                               "alternateName", "appearance", "dataFeedElement", "item", "name"])
reviewish = st.recursive(
    st.none() | st.integers(-3, 10) | st.text(max_size=20) | st.sampled_from(["ClaimReview", "Claim", "CreativeWork",
                                                                               "Rating", "DataFeed", "https://x.org/a"]),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(review_keys, children, max_size=6),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(json_values, reviewish))
def test_import_parsing_never_raises_on_any_json(payload):
    parsed = parse(payload)
    for row in parsed.rows:
        assert isinstance(row, dict)
    parse(json.dumps(payload))  # and as text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_import_parsing_never_raises_on_any_text(text):
    parse(text)


summaries = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=0, max_size=100)


@pytest.mark.django_db
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(summary=summaries, slug=st.sampled_from(["false", "mostly-false", "half-true", "mostly-true", "true",
                                                "misleading", "unverifiable"]),
       claimant=st.text(max_size=40))
def test_export_of_a_valid_verdict_keeps_every_claimreview_rule(summary, slug, claimant):
    article = Article(pk=1, text="x", url="https://news.example.org/a", language="fr")
    claim = Claim(pk=1, article=article, text="x", claimant=claimant, language="fr")
    verdict = Verdict(claim=claim, rating=Rating.objects.get(slug=slug), summary=summary,
                      public_url="https://factcheck.example.org/claims/1/")
    problems = claimreview_problems(verdict, claim=claim)
    markup = claimreview_for(verdict, claim=claim)
    if problems:
        return
    reviewed = markup["claimReviewed"]
    assert 0 < len(reviewed) < 75
    rating = markup["reviewRating"]
    assert rating["alternateName"]
    if "ratingValue" in rating:
        assert 1 <= rating["worstRating"] < rating["bestRating"]
        assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    else:
        assert "bestRating" not in rating and "worstRating" not in rating
    assert markup["itemReviewed"]["@type"] == "Claim"
    assert markup["url"].startswith("https://factcheck.example.org/")
    json.dumps(markup)  # serialisable as it is
