"""The OpenAPI contract as a generated client sees it (served at /api/v1/schema/).

drf-spectacular derives the schema from the views and serializers; the hook below adds what it
cannot know and what generators need: every operation's summary and description
(claims.api.schema_docs, never a docstring), the response headers the API sends (ETag, Location,
Link, Retry-After, WWW-Authenticate), the sparse claim of `fields=`, nullable objects that
OpenAPI 3.0 validators accept, integer path ids, readable enum member names for `ordering`, and
OpenAPI links (article -> claims -> claim -> verdict) that clients and stateful fuzzers follow.
The schema is written in English whatever the request's Accept-Language.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from django.utils import translation
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from claims.api.schema_docs import OPERATIONS


class SchemaView(SpectacularAPIView):
    """The schema in English: model help texts and choice labels are translatable strings."""

    @extend_schema(exclude=True)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def dispatch(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        with translation.override("en"):
            response = super().dispatch(request, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()  # while English is active: the renderer reads the lazy strings
        return response


def _header(description: str, schema: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"description": description, "schema": schema or {"type": "string"}}


ETAG = _header('The version of the claim or verdict, e.g. `"claim-12-v3"`: send it as If-Match to change it, '
               "or as If-None-Match to get a 304 when nothing changed.")
LOCATION = _header("The URL of the created (or existing) resource.", {"type": "string", "format": "uri"})
LINK = _header('`<URL of the next page>; rel="next"`, absent on the last page (the same URL as `next`).')
RETRY_AFTER = _header("Seconds to wait before trying again.", {"type": "integer"})
WWW_AUTHENTICATE = _header("`Api-Key`: the scheme this API expects.")

# (operationId, status) -> headers that answer carries.
HEADERS: dict[tuple[str, str], dict[str, dict[str, Any]]] = {
    ("claims_retrieve", "200"): {"ETag": ETAG},
    ("claims_retrieve", "304"): {"ETag": ETAG},
    ("claims_partial_update", "200"): {"ETag": ETAG},
    ("claims_create", "201"): {"ETag": ETAG, "Location": LOCATION},
    ("claims_transition_create", "200"): {"ETag": ETAG},
    ("claims_verdict_retrieve", "200"): {"ETag": ETAG},
    ("claims_verdict_update", "200"): {"ETag": ETAG},
    ("claims_verdict_update", "201"): {"ETag": ETAG},
    ("articles_create", "200"): {"Location": LOCATION},
    ("articles_create", "202"): {"Location": LOCATION},
    **{(op, "200"): {"Link": LINK} for op in ("claims_list", "articles_list", "sources_list", "alerts_list",
                                              "claimreview_feed_retrieve")},
}
HEADERS_BY_STATUS = {"429": {"Retry-After": RETRY_AFTER}, "503": {"Retry-After": RETRY_AFTER},
                     "401": {"WWW-Authenticate": WWW_AUTHENTICATE}}

# OpenAPI links: what a client (or a stateful fuzzer) can call next with the ids an answer holds.
CLAIM_LINKS = {
    "GetClaim": ("claims_retrieve", {"id": "$response.body#/id"}),
    "GetVerdict": ("claims_verdict_retrieve", {"id": "$response.body#/id"}),
    "SaveVerdict": ("claims_verdict_update", {"id": "$response.body#/id"}),
    "MoveClaim": ("claims_transition_create", {"id": "$response.body#/id"}),
    "ListEvidence": ("claims_evidence_list", {"id": "$response.body#/id"}),
    "ListRuns": ("claims_runs_list", {"id": "$response.body#/id"}),
    "GetClaimReview": ("claimreview_retrieve", {"claim_id": "$response.body#/id"}),
}
FIRST = "$response.body#/results/0/id"  # unresolvable on an empty page: clients skip the link then
LINKS: dict[tuple[str, str], dict[str, tuple[str, dict[str, str]]]] = {
    ("articles_list", "200"): {"GetFirstArticle": ("articles_retrieve", {"id": FIRST})},
    ("claims_list", "200"): {"GetFirstClaim": ("claims_retrieve", {"id": FIRST}),
                             "GetFirstClaimsVerdict": ("claims_verdict_retrieve", {"id": FIRST})},
    ("articles_create", "202"): {"GetArticle": ("articles_retrieve", {"id": "$response.body#/id"})},
    ("articles_create", "200"): {"GetArticle": ("articles_retrieve", {"id": "$response.body#/id"})},
    ("articles_retrieve", "200"): {"ListClaimsOfArticle": ("claims_list", {"article": "$response.body#/id"})},
    ("claims_create", "201"): CLAIM_LINKS,
    ("claims_retrieve", "200"): {k: v for k, v in CLAIM_LINKS.items() if k != "GetClaim"},
    ("claims_transition_create", "200"): CLAIM_LINKS,
    ("claims_verdict_update", "201"): {"GetVerdict": ("claims_verdict_retrieve", {"id": "$response.body#/claim"}),
                                       "GetClaim": ("claims_retrieve", {"id": "$response.body#/claim"})},
    ("claims_verdict_update", "200"): {"GetVerdict": ("claims_verdict_retrieve", {"id": "$response.body#/claim"})},
}

NULL_ONLY = {"type": "object", "nullable": True, "enum": [None]}  # OpenAPI 3.0's way to say "or null"


def _nullable_refs(node: Any) -> Any:
    """`allOf: [$ref], nullable: true` (what drf-spectacular writes for a nullable nested object) is
    not valid for null under OpenAPI 3.0 validators: the $ref'd schema is not nullable. Say
    `anyOf: [$ref, null]` instead, which validators and generators (`X | None`) read alike."""
    if isinstance(node, list):
        return [_nullable_refs(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _nullable_refs(value) for key, value in node.items()}
    if node.get("nullable") and len(node.get("allOf", [])) == 1 and "$ref" in node["allOf"][0]:
        rest = {k: v for k, v in node.items() if k not in ("allOf", "nullable")}
        return {**rest, "anyOf": [node["allOf"][0], NULL_ONLY]}
    return node


def _enum_varnames(values: list[Any]) -> list[str] | None:
    """Member names for generated enums whose values are no identifiers (`-checkworthiness`, ""):
    generators would call them VALUE_1. Orderings read CHECKWORTHINESS_DESC / _ASC; "" reads BLANK."""
    if not all(isinstance(v, str) for v in values) or all(re.fullmatch(r"[a-z][a-z0-9_]*", v) for v in values):
        return None
    ordering = any(v.startswith("-") for v in values)
    names = []
    for value in values:
        name = re.sub(r"[^0-9A-Za-z]+", "_", value.lstrip("-")).strip("_").upper() or "BLANK"
        names.append(f"{name}_{'DESC' if value.startswith('-') else 'ASC'}" if ordering else name)
    return names


def _readable_enums(node: Any) -> None:
    if isinstance(node, list):
        for item in node:
            _readable_enums(item)
    elif isinstance(node, dict):
        if isinstance(node.get("enum"), list) and "x-enum-varnames" not in node:
            names = _enum_varnames(node["enum"])
            if names:
                node["x-enum-varnames"] = names
        for value in node.values():
            _readable_enums(value)


def _sparse_claim(claim: dict[str, Any]) -> dict[str, Any]:
    sparse = copy.deepcopy(claim)
    sparse.pop("required", None)
    sparse["description"] = ("A claim narrowed by `fields=`: only the fields asked for are present, "
                             "each as in `Claim`.")
    return sparse


def _claim_or_sparse() -> dict[str, Any]:
    return {"anyOf": [{"$ref": "#/components/schemas/Claim"}, {"$ref": "#/components/schemas/SparseClaim"}]}


def postprocess(result: dict[str, Any], generator: Any, request: Any, public: bool) -> dict[str, Any]:
    """drf-spectacular's POSTPROCESSING_HOOKS entry (after its own enum hook)."""
    result = _nullable_refs(result)
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    if "Claim" in schemas:
        schemas["SparseClaim"] = _sparse_claim(schemas["Claim"])
    for path, item in result.get("paths", {}).items():
        for method, operation in item.items():
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
            _document(operation, path, method)
            _integer_ids(operation)
            op = operation["operationId"]
            responses = operation.setdefault("responses", {})
            if op == "claims_retrieve":
                responses["304"] = {"description": "Not modified: If-None-Match named the current ETag."}
                operation.setdefault("parameters", []).append({
                    "in": "header", "name": "If-None-Match", "required": False, "schema": {"type": "string"},
                    "description": "The ETag you hold: a 304 without a body when the claim has not changed."})
            if op in ("claims_retrieve", "claims_list"):
                _sparse_answers(op, responses["200"], schemas)
            responses.setdefault("503", {
                "description": "The database is unavailable for a moment; nothing was saved. Retry later.",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}})
            for status, response in responses.items():
                headers = {**HEADERS.get((op, status), {}), **HEADERS_BY_STATUS.get(status, {})}
                if headers:
                    response.setdefault("headers", {}).update(headers)
                links = LINKS.get((op, status))
                if links:
                    response["links"] = {name: {"operationId": target, "parameters": params}
                                         for name, (target, params) in links.items()}
    _readable_enums(result)
    return result


def _document(operation: dict[str, Any], path: str, method: str) -> None:
    op = operation["operationId"]
    if op not in OPERATIONS:
        raise KeyError(f"{method.upper()} {path} ({op}) has no summary in claims.api.schema_docs.OPERATIONS")
    operation["summary"], operation["description"] = OPERATIONS[op]


def _integer_ids(operation: dict[str, Any]) -> None:
    for parameter in operation.get("parameters", []):
        schema = parameter.get("schema", {})
        if parameter.get("in") == "path" and schema.get("type") == "string" and schema.get("pattern") == r"^\d+$":
            parameter["schema"] = {"type": "integer"}


def _sparse_answers(op: str, response: dict[str, Any], schemas: dict[str, Any]) -> None:
    content = response["content"]["application/json"]
    if op == "claims_retrieve":
        content["schema"] = _claim_or_sparse()
        return
    page = content["schema"]
    ref = page.get("$ref", "")
    target = schemas[ref.rsplit("/", 1)[-1]] if ref else page
    target["properties"]["results"]["items"] = _claim_or_sparse()
