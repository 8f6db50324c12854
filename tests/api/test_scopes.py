"""Scopes and roles for every route: read for GET, write for changes, publish for publication;
workflow routes need the reviewer or editor role, newsroom-tool routes only the scope."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from claims.models import Evidence
from tests.api.conftest import error_code
from tests.factories import ClaimFactory, VerdictFactory

pytestmark = pytest.mark.django_db

# (method, path template, body, scope needed, role needed)
ROUTES = [
    ("get", "/api/v1/articles/", None, "read", False),
    ("post", "/api/v1/articles/", {"url": "https://news.example.org/x"}, "write", False),
    ("get", "/api/v1/articles/{article}/", None, "read", False),
    ("get", "/api/v1/claims/", None, "read", True),
    ("post", "/api/v1/claims/", {"text": "Une affirmation"}, "write", True),
    ("get", "/api/v1/claims/{claim}/", None, "read", True),
    ("patch", "/api/v1/claims/{claim}/", {"claimant": "X"}, "write", True),
    ("post", "/api/v1/claims/{claim}/transition/", {"to": "selected"}, "write", True),
    ("post", "/api/v1/claims/{published}/transition/", {"to": "in_progress", "comment": "fix"}, "publish", True),
    ("get", "/api/v1/claims/{claim}/evidence/", None, "read", True),
    ("post", "/api/v1/claims/{claim}/evidence/", {"url": "https://stats.example.org/r"}, "write", True),
    ("patch", "/api/v1/claims/{claim}/evidence/{evidence}/", {"stance": "supports"}, "write", True),
    ("get", "/api/v1/claims/{claim}/runs/", None, "read", True),
    ("post", "/api/v1/claims/{claim}/runs/library/retry", None, "write", True),
    ("get", "/api/v1/claims/{published}/verdict/", None, "read", True),
    ("put", "/api/v1/claims/{claim}/verdict/", {"rating": "true", "summary": "Un résumé"}, "write", True),
    ("get", "/api/v1/match/?text=Kazakhstan", None, "read", False),
    ("get", "/api/v1/claimreview/{published}", None, "read", False),
    ("get", "/api/v1/claimreview/feed", None, "read", False),
    ("get", "/api/v1/ratings/", None, "read", False),
    ("get", "/api/v1/users/", None, "read", True),
    ("get", "/api/v1/users/{user}/", None, "read", True),
    ("get", "/api/v1/stats/", None, "read", True),
]
IDS = [f"{method} {path}" for method, path, *_ in ROUTES]


@pytest.fixture
def objects(alice, erin):
    claim = ClaimFactory()
    published = ClaimFactory(status="published")
    VerdictFactory(claim=published, author=alice, approver=erin, status="published")
    evidence = Evidence.objects.create(claim=claim, provider="library", url="doc:1")
    return {"claim": claim.pk, "published": published.pk, "evidence": evidence.pk, "article": claim.article_id,
            "user": alice.pk}


def call(api, method, path, body, objects):
    url = path.format(**objects)
    return getattr(api, method)(url, body, format="json") if body is not None else getattr(api, method)(url)


@pytest.mark.parametrize(("method", "path", "body", "scope", "role"), ROUTES, ids=IDS)
def test_it_refuses_a_key_without_the_needed_scope(erin, api_as, objects, method, path, body, scope, role):
    others = [s for s in ("read", "write", "publish") if s != scope]
    response = call(api_as(erin, *others), method, path, body, objects)
    assert response.status_code == 403, response.content
    assert error_code(response) == "scope_required"
    assert scope in response.json()["message"]


@pytest.mark.parametrize(("method", "path", "body", "scope", "role"), [r for r in ROUTES if r[4]],
                         ids=[i for i, r in zip(IDS, ROUTES, strict=True) if r[4]])
def test_it_refuses_an_account_without_a_role_on_workflow_routes(charlie, api_as, objects, method, path, body,
                                                                 scope, role):
    response = call(api_as(charlie, "read", "write", "publish"), method, path, body, objects)
    assert response.status_code == 403, response.content
    assert error_code(response) == "role_required"


@pytest.mark.parametrize(("method", "path", "body", "scope", "role"), ROUTES, ids=IDS)
def test_it_refuses_anonymous_callers(objects, method, path, body, scope, role):
    response = call(APIClient(), method, path, body, objects)
    assert response.status_code == 401
    assert error_code(response) == "not_authenticated"


@pytest.mark.parametrize(("method", "path", "body", "scope", "role"), ROUTES, ids=IDS)
def test_it_lets_the_right_scope_and_role_through(erin, api_as, objects, method, path, body, scope, role):
    needed = ("write", "publish") if scope == "publish" else (scope,)  # publishing is a change too
    response = call(api_as(erin, *needed), method, path, body, objects)
    # Past authentication and permissions: the endpoint answers (its own 4xx for the workflow is fine).
    assert response.status_code not in (401, 403) or error_code(response) not in (
        "scope_required", "role_required", "not_authenticated"), response.content
    assert response.status_code < 500


def test_it_serves_the_schema_and_docs_without_a_cdn(client, alice, api_as):
    assert client.get("/api/v1/schema/").status_code == 401
    assert client.get("/api/v1/docs/").status_code == 401
    schema = api_as(alice, "read").get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert schema.status_code == 200
    paths = schema.json()["paths"]
    assert "/api/v1/claims/{id}/transition/" in paths or "/api/v1/claims/{pk}/transition/" in paths
    client.force_login(alice)
    docs = client.get("/api/v1/docs/")
    assert docs.status_code == 200
    html = docs.content.decode()
    assert "drf_spectacular_sidecar" in html
    for cdn in ("cdn.jsdelivr", "unpkg.com", "cdnjs"):
        assert cdn not in html
