"""The API's own OpenAPI schema, and a check of any test-client response against it (openapi-core).

tests/api/conftest.py runs the check on every response of the API test suite, so a view that
answers something its schema does not describe fails the test that called it.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from django.http import HttpResponse
from django.utils import translation
from openapi_core import OpenAPI
from openapi_core.datatypes import RequestParameters
from openapi_core.templating.paths.exceptions import OperationNotFound, PathNotFound
from werkzeug.datastructures import Headers, ImmutableMultiDict

NOT_DESCRIBED = ("/api/v1/schema/", "/api/v1/docs/")


@lru_cache(maxsize=1)
def api_schema() -> dict[str, Any]:
    """The schema /api/v1/schema/ serves, as plain JSON."""
    from drf_spectacular.generators import SchemaGenerator
    from drf_spectacular.renderers import OpenApiJsonRenderer

    with translation.override("en"):
        schema = SchemaGenerator().get_schema(request=None, public=True)
        return json.loads(OpenApiJsonRenderer().render(schema))


@lru_cache(maxsize=1)
def api_spec() -> OpenAPI:
    return OpenAPI.from_dict(api_schema())


class _Request:
    """What openapi-core needs of a request, read from the test client's WSGI request."""

    def __init__(self, request: Any) -> None:
        self.host_url = "http://testserver"
        self.path = request.path
        self.method = request.method.lower()
        self.body = b""
        self.content_type = request.META.get("CONTENT_TYPE", "application/json")
        headers = {k[5:].replace("_", "-").title(): v for k, v in request.META.items() if k.startswith("HTTP_")}
        self.parameters = RequestParameters(query=ImmutableMultiDict(list(request.GET.lists())),
                                            header=Headers(headers), cookie=ImmutableMultiDict())


class _Response:
    def __init__(self, response: HttpResponse) -> None:
        self.data = response.content if not getattr(response, "streaming", False) else b""
        self.status_code = response.status_code
        self.content_type = response.get("Content-Type", "application/json")
        self.headers = Headers(dict(response.items()))


def described(response: HttpResponse) -> bool:
    request = getattr(response, "wsgi_request", None)
    if request is None or not request.path.startswith("/api/v1/") or request.path.startswith(NOT_DESCRIBED):
        return False
    kind = response.get("Content-Type", "")
    return response.status_code == 304 or "json" in kind  # the browsable API's HTML pages are for people


def check_response(response: HttpResponse) -> None:
    """AssertionError when `response` is not what the schema says its operation answers."""
    if not described(response):
        return
    try:
        api_spec().validate_response(_Request(response.wsgi_request), _Response(response))
    except (PathNotFound, OperationNotFound):
        return  # an unknown path or method: the JSON 404/405 of claims.api.errors, not an operation
    except Exception as exc:
        where = f"{response.wsgi_request.method} {urlsplit(response.wsgi_request.get_full_path()).path}"
        details = getattr(exc, "schema_errors", None) or getattr(exc, "__cause__", None) or exc
        raise AssertionError(f"{where} answered {response.status_code} outside its schema: {exc}: {details}\n"
                             f"{response.content[:500]!r}") from exc
