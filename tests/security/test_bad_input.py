"""Hostile and broken input through the API: each gets a clear 4xx with a stable code and a
message, never a 500, and never leaves a half-written row behind. The table in the README's
reliability section is this file."""

from __future__ import annotations

import json

import pytest
from rest_framework.test import APIClient

from claims.models import Article, AuditEvent, Claim
from claims.services.api_keys import api_client_create

ARTICLE = "/api/v1/articles/"


@pytest.fixture
def client(erin) -> APIClient:
    key = api_client_create(name="bad-input", scopes=["read", "write"], user=erin)[1]
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Api-Key {key}")
    return api


def post_raw(client: APIClient, body: bytes, content_type: str = "application/json"):
    return client.generic("POST", ARTICLE, body, content_type=content_type)


def assert_refused(response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, (response.status_code, response.content[:500])
    body = response.json()
    assert body["message"], body
    if code is not None:
        assert body["code"] == code, body
    assert not Article.objects.exists()
    assert not Claim.objects.exists()
    return body


CASES = [
    ("empty body", b"", "application/json", 400),
    ("empty JSON object", b"{}", "application/json", 400),
    ("empty text", json.dumps({"text": ""}).encode(), "application/json", 400),
    ("whitespace only", json.dumps({"text": " \n\t "}).encode(), "application/json", 400),
    ("malformed JSON", b'{"text": "abc', "application/json", 400),
    ("invalid UTF-8", b'{"text": "caf\xe9 cr\xe8me"}', "application/json", 400),
    ("NUL bytes", json.dumps({"text": "Le maire a dit\u0000 1200 emplois"}).encode(), "application/json", 400),
    ("JSON array", b"[1, 2, 3]", "application/json", 400),
    ("deeply nested JSON", b'{"text": ' + b"[" * 50_000 + b"]" * 50_000 + b"}", "application/json", 400),
    ("wrong type", json.dumps({"text": 12345}).encode(), "application/json", 400),
    ("unsupported language", json.dumps({"text": "Der Bürgermeister hat 1200 Stellen gestrichen.",
                                         "language": "de"}).encode(), "application/json", 400),
    ("HTML without a body", json.dumps({"html": "<html><nav>Accueil</nav><footer>©</footer></html>"}).encode(),
     "application/json", 400),
    ("HTML bomb", json.dumps({"html": "<div>" * 200_000 + "x"}).encode(), "application/json", 400),
    ("form-encoded", b"text=bonjour", "application/x-www-form-urlencoded", 415),
    ("XML", b"<article>bonjour</article>", "application/xml", 415),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("what", "body", "content_type", "status"), CASES, ids=[c[0] for c in CASES])
def test_bad_article_bodies_get_a_clear_4xx(client, what, body, content_type, status):
    assert_refused(post_raw(client, body, content_type), status)


@pytest.mark.django_db
def test_a_20_mb_body_gets_413(client):
    body = json.dumps({"text": "Le maire a annoncé 1200 emplois. " * 640_000}).encode()
    assert len(body) > 20_000_000
    assert_refused(post_raw(client, body), 413)


@pytest.mark.django_db
def test_binary_bytes_are_refused(client):
    body = json.dumps({"text": "\x01\x02\x03\x04\x05\x06\x07\x08" * 200}).encode()
    assert_refused(post_raw(client, body), 400, "binary_content")


@pytest.mark.django_db
@pytest.mark.parametrize("url", [
    "http://127.0.0.1/article",
    "http://169.254.169.254/latest/meta-data/",
    "http://10.0.0.8/intranet",
    "http://192.168.1.1/",
    "http://[::1]:8000/",
    "http://localhost:8000/admin/",
    "file:///etc/passwd",
    "gopher://example.org/",
])
def test_private_and_non_http_urls_are_refused_at_submission(client, url, settings):
    settings.FACTCHECK_FETCH_ALLOWLIST = []
    response = client.post(ARTICLE, {"url": url}, format="json")
    body = assert_refused(response, 400)
    assert body["code"] in ("private_address", "invalid_url", "invalid_input"), body


@pytest.mark.django_db
def test_a_refused_request_writes_no_audit_row(client):
    before = AuditEvent.objects.count()
    post_raw(client, b'{"text": "caf\xe9"}')
    assert AuditEvent.objects.count() == before


@pytest.mark.django_db
def test_a_claimreview_with_10000_appearances_imports_without_trouble():
    from claims.models import PriorFactCheck
    from claims.services.priors import priors_import

    review = {
        "@context": "https://schema.org", "@type": "ClaimReview", "url": "https://checker.example.org/huge",
        "claimReviewed": "Une affirmation partagée des milliers de fois", "inLanguage": "fr",
        "itemReviewed": {"@type": "Claim", "appearance": [
            {"@type": "CreativeWork", "url": f"https://social.example.org/post/{i}"} for i in range(10_000)
        ]},
        "reviewRating": {"@type": "Rating", "alternateName": "Faux"},
    }
    report = priors_import(payload_or_text=json.dumps(review))
    assert (report.created, report.rejected) == (1, [])
    prior = PriorFactCheck.objects.get()
    assert prior.claim_reviewed == "Une affirmation partagée des milliers de fois"
    # Re-importing the same document is a no-op, not a second row.
    assert priors_import(payload_or_text=json.dumps(review)).created == 0
    assert PriorFactCheck.objects.count() == 1
