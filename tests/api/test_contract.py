"""The API contract as a newsroom developer meets it: the schema validates, says what the API does,
and a client generated from it works against a live server. (Every response of the API test suite
is also checked against the schema: tests/api/conftest.py.)"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from openapi_schema_validator import OAS30Validator
from openapi_spec_validator import validate as validate_spec

from claims.services.api_keys import api_client_create
from tests.api.contract import api_schema, check_response
from tests.factories import ArticleFactory, ClaimFactory, VerdictFactory

pytestmark = pytest.mark.django_db
BIN = Path(sys.executable).parent


def served_schema(api: Any, language: str) -> dict[str, Any]:
    response = api.get("/api/v1/schema/?format=json", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return json.loads(response.content)


def test_the_schema_is_valid_openapi_and_english_whatever_the_language_asked(alice, api_as):
    api = api_as(alice, "read")
    french, english = served_schema(api, "fr"), served_schema(api, "en")
    validate_spec(french)
    assert french == english == api_schema()
    assert french["components"]["schemas"]["ClaimStatusEnum"]["description"].startswith("* `new` - New")


def test_every_operation_is_documented_for_integrators_not_for_maintainers():
    schema = api_schema()
    text = json.dumps(schema)
    assert "Mixed into" not in text and "150 characters or fewer" not in text  # docstrings, Django's username rules
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            assert operation["summary"] and "\n" not in operation["summary"], (method, path)
            assert len(operation["description"]) > len(operation["summary"]), (method, path)
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "path":
                    assert parameter["schema"]["type"] == "integer" or parameter["name"] == "provider", (path, parameter)
    security = schema["components"]["securitySchemes"]["ApiKeyAuth"]
    assert (security["type"], security["in"], security["name"]) == ("apiKey", "header", "Authorization")
    assert "Api-Key <key>" in security["description"]


def test_headers_links_and_enum_names_are_declared():
    paths = api_schema()["paths"]
    detail = paths["/api/v1/claims/{id}/"]["get"]["responses"]
    assert {"ETag"} <= set(detail["200"]["headers"]) and "304" in detail
    assert {"GetVerdict", "SaveVerdict"} <= set(detail["200"]["links"])
    assert "Link" in paths["/api/v1/claims/"]["get"]["responses"]["200"]["headers"]
    assert "Retry-After" in paths["/api/v1/claims/"]["get"]["responses"]["429"]["headers"]
    assert paths["/api/v1/articles/{id}/"]["get"]["responses"]["200"]["links"]["ListClaimsOfArticle"]
    ordering = next(p for p in paths["/api/v1/claims/"]["get"]["parameters"] if p["name"] == "ordering")["schema"]
    assert dict(zip(ordering["enum"], ordering["x-enum-varnames"], strict=True))["-checkworthiness"] == \
        "CHECKWORTHINESS_DESC"


def test_a_claim_without_a_verdict_and_a_sparse_claim_validate():
    schema = api_schema()
    components = {"components": schema["components"]}
    claim = OAS30Validator({"$ref": "#/components/schemas/Claim", **components})
    sparse = OAS30Validator({"$ref": "#/components/schemas/SparseClaim", **components})
    row = {"id": 1, "article": None, "text": "t", "quote": "", "start": None, "end": None, "language": "fr",
           "checkworthiness": 0.5, "checkworthiness_reasons": [], "kind": "other", "claimant": "", "outlet": "",
           "needs_context": False, "entities": [],
           "quantities": [], "dates": [], "status": "new", "status_reason": "", "assignee": None,
           "assignee_username": None, "duplicate_of": None, "has_strong_match": False, "evidence_count": 0,
           "verdict": None, "version": 1, "created_at": "2026-12-01T10:00:00+01:00",
           "updated_at": "2026-12-01T10:00:00+01:00"}
    assert list(claim.iter_errors(row)) == []
    assert list(sparse.iter_errors({"id": 1, "status": "new"})) == []
    assert list(claim.iter_errors({"id": 1, "status": "new"}))  # the full claim still requires its fields


def test_the_documented_claim_and_the_one_served_have_the_same_fields():
    from claims.api.claim_rows import FIELDS
    from claims.api.serializers import ClaimSerializer

    assert tuple(ClaimSerializer().fields) == FIELDS
    assert tuple(api_schema()["components"]["schemas"]["Claim"]["properties"]) == FIELDS


def test_the_response_check_catches_an_answer_outside_the_schema(alice, api_as, claim):
    response = api_as(alice, "read").get(f"/api/v1/claims/{claim.pk}/?fields=id,status")
    response.content = json.dumps({"id": "twelve", "status": "new"}).encode()
    with pytest.raises(AssertionError, match="outside its schema"):
        check_response(response)


@pytest.mark.django_db(transaction=True)
def test_a_generated_client_works_against_a_live_server(tmp_path, live_server, alice, erin):
    """openapi-python-client, offline, without warnings; then the workflow through its typed calls."""
    spec = tmp_path / "openapi.json"
    spec.write_text(json.dumps(api_schema()))
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}  # its ruff post-hooks
    done = subprocess.run([str(BIN / "openapi-python-client"), "generate", "--path", str(spec), "--output-path",
                           str(tmp_path / "fcclient"), "--meta", "none"], capture_output=True, text=True, env=env,
                          timeout=300)
    output = done.stdout + done.stderr
    assert done.returncode == 0 and "Warning" not in output and "Error" not in output, output
    sys.path.insert(0, str(tmp_path))
    try:
        generated_client_workflow(live_server.url, alice, erin)
    finally:
        sys.path.remove(str(tmp_path))
        for name in [m for m in sys.modules if m == "fcclient" or m.startswith("fcclient.")]:
            del sys.modules[name]


def generated_client_workflow(url: str, alice: Any, erin: Any) -> None:
    fc = importlib.import_module("fcclient")
    models = importlib.import_module("fcclient.models")
    from fcclient.api.articles import articles_retrieve
    from fcclient.api.claims import (
        claims_create,
        claims_list,
        claims_retrieve,
        claims_verdict_retrieve,
        claims_verdict_update,
    )
    from fcclient.api.match import match_list

    _, key = api_client_create(name="generated", scopes=["read", "write"], user=alice)
    bearer = fc.AuthenticatedClient(base_url=url, token=key)  # the generator's default prefix
    assert claims_list.sync_detailed(client=bearer).status_code == 401
    client = fc.AuthenticatedClient(base_url=url, token=key, prefix="Api-Key")  # as the README says

    article = ArticleFactory(submitted_by=alice)
    ClaimFactory(article=article, checkworthiness=0.9)
    working = ClaimFactory(status="in_progress", assignee=alice, checkworthiness=0.7)
    published = ClaimFactory(status="published", checkworthiness=0.8)
    VerdictFactory(claim=published, author=alice, approver=erin, status="published")

    created = claims_create.sync(client=client, body=models.ClaimCreate(text="La région a financé 400 logements."))
    assert isinstance(created, models.Claim) and created.verdict is None
    full = claims_list.sync(client=client, page_size=50, ordering=models.ClaimsListOrdering.CHECKWORTHINESS_DESC)
    new = claims_list.sync(client=client, status=[models.ClaimsListStatusItem.NEW])
    assert new.results and all(row.status == models.ClaimStatusEnum.NEW for row in new.results)
    assert {row.id for row in full.results} >= {created.id, published.id}
    with_verdict = next(row for row in full.results if row.id == published.id)
    assert isinstance(with_verdict.verdict, models.VerdictBrief) and with_verdict.verdict.rating.slug
    sparse = claims_list.sync(client=client, fields="id,status", page_size=2)  # no KeyError on missing fields
    assert sparse.results and all(isinstance(row, models.SparseClaim) for row in sparse.results)
    assert sparse.next_ is not None
    detail = claims_retrieve.sync_detailed(client=client, id=created.id)
    assert detail.status_code == 200 and detail.headers["ETag"] == f'"claim-{created.id}-v1"'
    saved = claims_verdict_update.sync(client=client, id=working.pk, body=models.VerdictInput(
        rating="false", summary="Faux : 40 logements seulement."))
    assert isinstance(saved, models.Verdict) and saved.rating.slug == "false" and saved.rating.label
    assert claims_verdict_retrieve.sync(client=client, id=working.pk).id == saved.id
    shown = articles_retrieve.sync(client=client, id=article.pk)
    assert isinstance(shown, models.ArticleDetail) and len(shown.claims) == 1
    matches = match_list.sync(client=client, text=published.text)
    assert isinstance(matches, list)
