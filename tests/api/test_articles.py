"""articles/: 202 with a status URL, idempotent on content, status and claims on GET."""

from __future__ import annotations

import pytest

from claims.models import Article, AuditEvent
from tests.api.conftest import error_code
from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db

TEXT = (
    "Le gouvernement a annoncé mardi une hausse de 12 % du budget de la santé pour 2025. "
    "Selon le ministre, 4 000 postes d'infirmiers seront créés d'ici la fin de l'année."
)


def test_it_accepts_an_article_and_is_idempotent_on_its_text(alice, api_as):
    api = api_as(alice, "read", "write")
    response = api.post("/api/v1/articles/", {"text": TEXT, "title": "Budget", "language": "fr",
                                              "published_at": "2025-03-04T10:00:00+01:00"}, format="json")
    assert response.status_code == 202, response.json()
    body = response.json()
    article = Article.objects.get(pk=body["id"])
    assert article.text == TEXT and article.submitted_by == alice and article.title == "Budget"
    assert body["status_url"].endswith(f"/api/v1/articles/{article.pk}/") and response["Location"] == body["status_url"]
    assert body["extraction_status"] in ("queued", "running", "done")
    assert AuditEvent.objects.filter(object_type="article", object_id=article.pk, channel="api").exists()
    again = api.post("/api/v1/articles/", {"text": TEXT}, format="json")
    assert again.status_code == 200 and again.json()["id"] == article.pk
    assert Article.objects.count() == 1


def test_it_accepts_just_a_url(alice, api_as):
    response = api_as(alice, "read", "write").post("/api/v1/articles/", {"url": "https://news.example.org/a/1"},
                                                   format="json")
    assert response.status_code == 202, response.json()
    assert Article.objects.get(pk=response.json()["id"]).url == "https://news.example.org/a/1"


@pytest.mark.parametrize("body", [{}, {"text": "   "}, {"title": "Only a title"}, {"url": "ftp://x.example/a"},
                                  {"text": TEXT, "language": "de"}, {"text": TEXT, "published_at": "soon"}])
def test_it_refuses_articles_without_usable_content(alice, api_as, body):
    response = api_as(alice, "read", "write").post("/api/v1/articles/", body, format="json")
    assert response.status_code == 400, response.json()
    assert error_code(response)
    assert not Article.objects.exists()


def test_it_refuses_text_the_service_rejects_with_its_reason(alice, api_as):
    response = api_as(alice, "read", "write").post("/api/v1/articles/", {"text": "1234 5678 !!!"}, format="json")
    assert response.status_code == 400
    assert response.json()["code"] == "no_article_body"


def test_it_shows_the_extraction_status_and_claims_of_an_article(alice, api_as):
    article = ArticleFactory(extraction_status="done")
    claims = ClaimFactory.create_batch(2, article=article)
    body = api_as(alice, "read").get(f"/api/v1/articles/{article.pk}/").json()
    assert body["extraction_status"] == "done"
    assert sorted(c["id"] for c in body["claims"]) == sorted(c.pk for c in claims)
    assert all(c["quote"] == article.text[c["start"]:c["end"]] for c in body["claims"])


def test_it_shows_a_tool_without_a_role_only_the_articles_it_submitted(charlie, api_as):
    api = api_as(charlie, "read", "write")
    theirs = ArticleFactory(submitted_by=charlie)
    other = ArticleFactory()
    assert api.get(f"/api/v1/articles/{theirs.pk}/").status_code == 200
    assert api.get(f"/api/v1/articles/{other.pk}/").status_code == 404
    assert [row["id"] for row in api.get("/api/v1/articles/").json()["results"]] == [theirs.pk]


def test_an_html_page_is_stored_and_queued_without_reading_it_in_the_request(alice, api_as, monkeypatch):
    from claims.extraction import html as html_module
    from tests.ingest.conftest import PAGE

    def not_in_a_request(*args, **kwargs):
        raise AssertionError("the request parsed the HTML page")

    monkeypatch.setattr(html_module, "html_to_text", not_in_a_request)
    response = api_as(alice, "read", "write").post("/api/v1/articles/", {"html": PAGE, "language": "fr"},
                                                   format="json")
    assert response.status_code == 202, response.json()
    article = Article.objects.get(pk=response.json()["id"])
    assert (article.extraction_status, article.text, article.html) == ("queued", "", PAGE)
    assert response["Location"] == response.json()["status_url"]
