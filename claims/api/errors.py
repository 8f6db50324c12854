"""One place that turns every API error into JSON: {"code": ..., "message": ..., "details": ...}.

Domain errors from claims.services carry their HTTP status and a stable code; DRF's own errors
(validation, authentication, permissions, throttling, parsing, media type) keep their status and
get a code too, so clients switch on `code`, never on the English message.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpRequest, JsonResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from claims.api.claim_rows import api_moment, claim_dict, claim_etag, claim_row
from claims.error_messages import MESSAGES, error_text
from claims.models import Claim
from claims.services.errors import DomainError, StaleVersion


class RequestTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = _("The request body is too large.")
    default_code = "request_too_large"


class PreconditionRequired(exceptions.APIException):
    status_code = status.HTTP_428_PRECONDITION_REQUIRED
    default_detail = _("Send the claim's ETag in an If-Match header to change it.")
    default_code = "precondition_required"


class ServiceUnavailable(exceptions.APIException):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = _("This feature is not available on this server.")
    default_code = "unavailable"


# Codes for DRF exceptions whose own code is too generic for clients to switch on.
DRF_CODES: dict[type[exceptions.APIException], str] = {
    exceptions.ValidationError: "invalid_input",
    exceptions.ParseError: "parse_error",
    exceptions.NotAuthenticated: "not_authenticated",
    exceptions.AuthenticationFailed: "authentication_failed",
    exceptions.PermissionDenied: "permission_denied",
    exceptions.NotFound: "not_found",
    exceptions.MethodNotAllowed: "method_not_allowed",
    exceptions.NotAcceptable: "not_acceptable",
    exceptions.UnsupportedMediaType: "unsupported_media_type",
    exceptions.Throttled: "throttled",
}


def error_body(code: str, message: str, details: Any = None) -> dict[str, Any]:
    return {"code": code, "message": message, "details": details if details is not None else {}}


def _stale_details(exc: StaleVersion) -> dict[str, Any]:
    details: dict[str, Any] = dict(exc.details)
    current = exc.current
    if isinstance(current, Claim):
        row = claim_row(current.pk)
        if row is not None:
            details["current"] = claim_dict(row)
            details["etag"] = claim_etag(current.pk, row["version"])
    details["changed_by"] = exc.changed_by
    details["changed_at"] = api_moment(exc.changed_at) if exc.changed_at else None
    return details


def _drf_code(exc: exceptions.APIException) -> str:
    code = exc.get_codes() if not isinstance(exc, exceptions.ValidationError) else None
    generic = {"invalid", "error", "not_authenticated", "authentication_failed", "permission_denied", None}
    if isinstance(code, str) and code not in generic:
        return code
    for cls in type(exc).__mro__:
        if cls in DRF_CODES:
            return DRF_CODES[cls]
    return getattr(exc, "default_code", "error")


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DomainError):
        details = _stale_details(exc) if isinstance(exc, StaleVersion) else exc.details
        message = error_text(exc.code, exc.message, details=exc.details, status=exc.http_status, own_in_english=True)
        return Response(error_body(exc.code, message, details), status=exc.http_status)
    if isinstance(exc, RequestDataTooBig):
        exc = RequestTooLarge()
    response = drf_exception_handler(exc, context)  # keeps WWW-Authenticate, Retry-After, Allow
    if response is None:
        return None  # an unexpected error: a real 500, logged by Django
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    assert isinstance(exc, exceptions.APIException)
    if isinstance(exc, exceptions.ValidationError):
        details = _translated(exc.detail)
        message = _first_message(details) or str(_("The request is invalid."))
    else:
        details = {}
        message = str(_translated(exc.detail))
    if isinstance(exc, exceptions.Throttled) and exc.wait is not None:
        details = {"retry_after_seconds": int(exc.wait) + 1}
    response.data = error_body(_drf_code(exc), message, details)
    return response


def _translated(detail: Any) -> Any:
    """The same error tree with the app's own messages in the request's language. DRF's messages
    were translated when raised; ours are found by their code (claims.error_messages)."""
    if isinstance(detail, dict):
        return {key: _translated(value) for key, value in detail.items()}
    if isinstance(detail, list):
        return [_translated(value) for value in detail]
    if isinstance(detail, exceptions.ErrorDetail) and detail.code in MESSAGES:
        return exceptions.ErrorDetail(error_text(detail.code, str(detail), own_in_english=True), code=detail.code)
    return detail


def _first_message(detail: Any, path: str = "") -> str:
    """The first validation message, prefixed with its field, as a readable sentence."""
    if isinstance(detail, dict):
        for key, value in detail.items():
            found = _first_message(value, f"{path}.{key}" if path else str(key))
            if found:
                return found
    elif isinstance(detail, list):
        for value in detail:
            found = _first_message(value, path)
            if found:
                return found
    elif detail:
        prefix = "" if path in ("", "non_field_errors") else f"{path}: "
        return f"{prefix}{detail}"
    return ""


@csrf_exempt  # a POST to an unknown path is a 404, not a CSRF failure page
def not_found(request: HttpRequest, *args: Any, **kwargs: Any) -> JsonResponse:
    """JSON 404 for any unknown path under /api/v1/ (Django's default page is HTML)."""
    return JsonResponse(error_body("not_found", str(_("No such endpoint."))), status=404)
