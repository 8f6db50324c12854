"""Importing ClaimReview JSON-LD as found in real feeds (fixtures re-typed by hand, shortened)."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from claims.claimreview_import import normalise_rating, parse, parse_when
from claims.models import PriorFactCheck
from claims.services.priors import priors_import

pytestmark = pytest.mark.django_db

# Reversed scale (best 1, worst 5), CreativeWork item, string numbers, no @context.
REVERSED = {
    "@type": "ClaimReview",
    "claimReviewed": "Des motards ont prié pour la santé de Donald Trump",
    "url": "https://factuel.example.org/motards-trump",
    "datePublished": "2020-10-07 20:05",
    "author": {"@type": "Organization", "name": "Factuel"},
    "itemReviewed": {"@type": "CreativeWork", "author": {"@type": "Person", "name": "Sources multiples"}},
    "reviewRating": {"@type": "Rating", "ratingValue": "5", "bestRating": "1", "worstRating": "5",
                     "alternateName": "Faux"},
}
# 0-based scale with numbers, appearance as a list, a Claim item, inLanguage.
ZERO_BASED = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "claimReviewed": "Le coronavirus n’est qu’un « gros rhume monté en épingle »",
    "url": "https://decodeurs.example.org/coronavirus-rhume",
    "datePublished": "2020-03-10T12:31:20+01:00",
    "inLanguage": "fr",
    "author": {"@type": "Organization", "name": "Les Décodeurs", "url": "https://decodeurs.example.org/"},
    "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "Plusieurs sites"},
                     "appearance": [{"@type": "CreativeWork", "url": "https://blog.example.com/rhume"}]},
    "reviewRating": {"@type": "Rating", "ratingValue": 1, "bestRating": 2, "worstRating": 0,
                     "alternateName": "C’est plus compliqué"},
}
# appearance as one object, author without @type key but "type", fractional seconds.
OBJECT_APPEARANCE = {
    "@type": "ClaimReview",
    "url": "https://observatoire.example.org/fijais",
    "datePublished": "2022-12-09T09:29:19.82+01:00",
    "author": {"type": "Organization", "name": "Factuel - AFP"},
    "claimReviewed": "Le contrôle du FIJAIS n'est plus exigé pour l'agrément d'assistant maternel",
    "itemReviewed": {"@type": "Claim", "appearance": {"url": "https://twitter.com/someone/status/1", "headline": ""}},
    "reviewRating": {"@type": "Rating", "ratingValue": "1", "bestRating": "5", "worstRating": "1",
                     "alternateName": "Faux"},
}
# Degenerate scale (best == worst), author with only a url, "UTC" suffix in the date.
DEGENERATE = {
    "@type": "ClaimReview",
    "url": "https://politics.example.com/inherited-mess",
    "datePublished": "2017-03-01 20:30:17 UTC",
    "author": {"@type": "Organization", "url": "https://www.politics.example.com"},
    "claimReviewed": "Did Donald Trump inherit an economic mess? ",
    "reviewRating": {"@type": "Rating", "ratingValue": "-1", "bestRating": "-1", "worstRating": "-1",
                     "alternateName": "Not really, charts say"},
}
EMPTY_CLAIM = {"@type": "ClaimReview", "url": "https://decodeurs.example.org/pretre", "claimReviewed": "",
               "reviewRating": {"ratingValue": 0, "bestRating": 2, "worstRating": 0, "alternateName": "FAUX"}}
NO_URL = {"@type": "ClaimReview", "claimReviewed": "Une affirmation sans adresse"}


def test_it_normalises_reversed_zero_based_and_degenerate_scales():
    assert normalise_rating(REVERSED["reviewRating"]) == ("Faux", 1.0, 5.0, 1.0)
    assert normalise_rating(ZERO_BASED["reviewRating"]) == ("C’est plus compliqué", 3.0, 5.0, 1.0)
    assert normalise_rating(DEGENERATE["reviewRating"]) == ("Not really, charts say", None, None, None)
    assert normalise_rating({"ratingValue": "9", "bestRating": "5", "worstRating": "1"})[1] is None


@pytest.mark.parametrize(
    ("raw", "iso"),
    [("2020-10-07 20:05", "2020-10-07T20:05:00+00:00"),
     ("2017-03-01 20:30:17 UTC", "2017-03-01T20:30:17+00:00"),
     ("2019-01-23T14:22:00+0100", "2019-01-23T14:22:00+01:00"),
     ("2022-12-09T09:29:19.82+01:00", "2022-12-09T09:29:19.820000+01:00"),
     ("2019-02-21", "2019-02-21T00:00:00+00:00")],
)
def test_it_reads_the_date_formats_of_real_feeds(raw, iso):
    assert parse_when(raw).isoformat() == iso


def test_it_imports_a_list_and_reports_rejected_rows_with_reasons():
    report = priors_import(payload_or_text=json.dumps([REVERSED, ZERO_BASED, EMPTY_CLAIM, NO_URL, "oops"]))

    assert (report.created, report.updated) == (2, 0)
    assert report.rejected == [(2, "claimReviewed is empty"), (3, "missing or invalid url"), (4, "not a JSON object")]
    prior = PriorFactCheck.objects.get(url=ZERO_BASED["url"])
    assert (prior.publisher, prior.claimant, prior.language, prior.rating_value) == (
        "Les Décodeurs", "Plusieurs sites", "fr", 3.0)
    assert prior.raw["_appearances"] == ["https://blog.example.com/rhume"]
    assert PriorFactCheck.objects.get(url=REVERSED["url"]).rating_text == "Faux"


def test_it_is_idempotent_by_url_and_updates_changed_rows():
    payload = json.dumps([REVERSED, ZERO_BASED])
    priors_import(payload_or_text=payload)
    again = priors_import(payload_or_text=payload)
    assert (again.created, again.updated, again.rejected) == (0, 0, [])

    changed = {**REVERSED, "reviewRating": {**REVERSED["reviewRating"], "alternateName": "Trompeur"}}
    report = priors_import(payload_or_text=json.dumps([changed]))
    assert (report.created, report.updated) == (0, 1)
    assert PriorFactCheck.objects.count() == 2
    assert PriorFactCheck.objects.get(url=REVERSED["url"]).rating_text == "Trompeur"


def test_it_reads_a_datafeed_and_a_wrapped_review():
    feed = {"@context": "https://schema.org", "@type": "DataFeed", "dataFeedElement": [
        {"@type": "DataFeedItem", "item": [OBJECT_APPEARANCE]},
        {"@type": "DataFeedItem", "item": DEGENERATE},
    ]}
    wrapped = {"id": "Medias/Factuel/x", "title": "Non, ...", "claim-review": {**ZERO_BASED}}
    report = priors_import(payload_or_text=json.dumps(feed))
    assert (report.created, report.rejected) == (2, [])
    fijais = PriorFactCheck.objects.get(url=OBJECT_APPEARANCE["url"])
    assert fijais.raw["_appearances"] == ["https://twitter.com/someone/status/1"]
    assert fijais.publisher == "Factuel - AFP"
    assert PriorFactCheck.objects.get(url=DEGENERATE["url"]).publisher == "www.politics.example.com"
    assert priors_import(payload_or_text=wrapped).created == 1


def test_it_reads_claimreview_markup_embedded_in_html_pages():
    page = f"""<!doctype html><html><head>
      <script type="application/ld+json">{json.dumps({"@type": "WebPage", "name": "Accueil"})}</script>
      <script type="application/ld+json">{json.dumps({"@context": "https://schema.org", "@graph": [ZERO_BASED]})}</script>
    </head><body><p>Article</p></body></html>"""
    report = priors_import(payload_or_text=page)
    assert (report.created, report.rejected) == (1, [])


@pytest.mark.parametrize(
    ("payload", "reason"),
    [("", "empty input"), ("{not json", "not valid JSON"), ("<html><body>rien</body></html>", "no JSON-LD found"),
     (json.dumps({"@type": "NewsArticle", "headline": "x"}), "not a ClaimReview (NewsArticle)")],
)
def test_it_explains_what_it_cannot_read(payload, reason):
    report = priors_import(payload_or_text=payload)
    assert report.created == 0
    assert reason in report.rejected[0][1]


def test_it_reads_uploaded_files():
    upload = SimpleUploadedFile("feed.json", json.dumps([REVERSED]).encode(), content_type="application/json")
    assert priors_import(payload_or_text=upload).created == 1


def test_it_flags_duplicate_urls_in_one_file():
    parsed = parse([REVERSED, {**REVERSED, "claimReviewed": "autre"}])
    assert len(parsed.rows) == 1 and parsed.rejected == [(1, "duplicate url (same as row 0)")]


def test_the_command_imports_files_and_prints_a_summary(tmp_path, capsys):
    path = tmp_path / "feed.json"
    path.write_text(json.dumps([REVERSED, EMPTY_CLAIM]), encoding="utf-8")

    call_command("import_claimreview", str(path))
    call_command("import_claimreview", str(path))

    out = capsys.readouterr().out
    assert "1 created, 0 updated, 1 rejected" in out and "rejected row 1: claimReviewed is empty" in out
    assert out.strip().endswith("created=0 updated=0 rejected=1")
    assert PriorFactCheck.objects.count() == 1


# --- hostile input: wrong types, huge values, deep nesting (issue 14, defect 13) -------------------

def review(**fields):
    return {"@type": "ClaimReview", "url": "https://checker.example.org/fc/1", "claimReviewed": "Une affirmation",
            **fields}


@pytest.mark.parametrize(
    ("fields", "reason"),
    [({"claimReviewed": {"text": "injected"}}, "claimReviewed must be text, not an object"),
     ({"claimReviewed": ["a", "b"]}, "claimReviewed must be text, not a list"),
     ({"claimReviewed": 42}, "claimReviewed must be text, not a number"),
     ({"url": ["https://checker.example.org/fc/1"]}, "url must be text, not a list"),
     ({"claimReviewed": "x" * 200_000}, "a value longer than 100000 characters"),
     ({"claimReviewed": "x" * 2001}, "claimReviewed longer than 2000 characters"),
     ({"reviewBody": "y" * 200_000}, "a value longer than 100000 characters")],
)
def test_it_rejects_wrong_types_and_huge_values_per_row_with_a_reason(fields, reason):
    good = review(url="https://checker.example.org/fc/good")
    report = priors_import(payload_or_text=json.dumps([review(**fields), good]))
    assert report.rejected == [(0, reason)]
    assert report.created == 1  # the other rows still go in
    assert not PriorFactCheck.objects.filter(url="https://checker.example.org/fc/1").exists()


def test_it_never_stores_the_python_repr_of_a_name():
    row = review(author=[["nested"]], reviewRating={"alternateName": {"x": 1}}, inLanguage={"name": ["fr"]},
                 itemReviewed={"author": {"name": {"first": "A"}}})
    priors_import(payload_or_text=json.dumps(row))
    prior = PriorFactCheck.objects.get()
    stored = [prior.claim_reviewed, prior.publisher, prior.rating_text, prior.claimant, prior.language]
    assert not any(c in value for value in stored for c in "[]{}'")
    assert prior.publisher == "checker.example.org"  # fallback: the review's own host


def test_it_refuses_deeply_nested_payloads_as_a_whole():
    for depth in (100, 950, 5000):
        report = priors_import(payload_or_text="[" * depth + "]" * depth)
        assert report.rejected == [(0, "JSON nested more than 64 levels deep")], depth
    inside = review(itemReviewed=json.loads('{"a":' * 900 + "1" + "}" * 900))
    assert priors_import(payload_or_text=json.dumps(inside)).rejected == [(0, "JSON nested more than 64 levels deep")]
