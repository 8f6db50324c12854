"""Turn a database outage into a clear 503 instead of a 500 page.

While PostgreSQL restarts, requests in flight fail with a message and a Retry-After; persistent
connections are health-checked (CONN_HEALTH_CHECKS), so the next request after the restart
reconnects without restarting the web server.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.db import DatabaseError, InterfaceError, OperationalError, close_old_connections
from django.http import HttpRequest, HttpResponse, JsonResponse

log = logging.getLogger(__name__)

MESSAGE = "The database is unavailable for a moment; nothing was saved. Please try again shortly."


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
            response: HttpResponse = JsonResponse({"code": "database_unavailable", "message": MESSAGE, "details": {}},
                                                     status=503)
        else:
            response = HttpResponse(MESSAGE, status=503, content_type="text/plain; charset=utf-8")
        response["Retry-After"] = "5"
        return response
