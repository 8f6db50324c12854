"""Two request-wide concerns: the API's language, and a database outage as a clear 503.

API language: an integration gets ONE language per request, the one its `Accept-Language` asks for
among the configured languages, English when it asks for none: never the reviewers' French
default, never a cookie or session language picked up from the browsable API.

Database outage: a clear 503 instead of a 500 page.

While PostgreSQL restarts, requests in flight fail with a message and a Retry-After; persistent
connections are health-checked (CONN_HEALTH_CHECKS), so the next request after the restart
reconnects without restarting the web server.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.db import DatabaseError, InterfaceError, OperationalError, close_old_connections
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation.trans_real import parse_accept_lang_header

log = logging.getLogger(__name__)

MESSAGE = _("The database is unavailable for a moment; nothing was saved. Please try again shortly.")
API_PREFIX = "/api/"
API_DEFAULT_LANGUAGE = "en"


def api_language(accept_language: str) -> str:
    """The first configured language the header asks for (by quality), else English."""
    for code, _quality in parse_accept_lang_header(accept_language or ""):
        if code == "*":
            break
        try:
            return translation.get_supported_language_variant(code)
        except LookupError:
            continue
    return API_DEFAULT_LANGUAGE


class ApiLanguageMiddleware:
    """After LocaleMiddleware: under /api/ the language is Accept-Language's alone (Content-Language
    and Vary: Accept-Language are set on the way out by LocaleMiddleware, from this choice)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        language = api_language(request.headers.get("Accept-Language", ""))
        translation.activate(language)
        request.LANGUAGE_CODE = language  # type: ignore[attr-defined]
        return self.get_response(request)


def _is_outage(exc: BaseException) -> bool:
    if isinstance(exc, OperationalError | InterfaceError):
        return True
    # psycopg reports a dropped connection as a plain DatabaseError in some paths
    return isinstance(exc, DatabaseError) and "connection" in str(exc).lower()


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not _is_outage(exception):
            return None
        log.warning("database unavailable during %s %s: %s", request.method, request.path, exception)
        close_old_connections()
        if request.path.startswith("/api/") or "application/json" in request.headers.get("Accept", ""):
            response: HttpResponse = JsonResponse(
                {"code": "database_unavailable", "message": str(MESSAGE), "details": {}}, status=503)
        else:
            response = HttpResponse(str(MESSAGE), status=503, content_type="text/plain; charset=utf-8")
        response["Retry-After"] = "5"
        return response
