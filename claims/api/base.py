"""What every API view shares: parsers with the size limit, per-key throttling, permission
errors that name the missing scope or role, JSON errors."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiResponse
from rest_framework.permissions import AND, NOT, OR
from rest_framework.renderers import BrowsableAPIRenderer
from rest_framework.request import Request

from claims.api.parsers import LimitedJSONParser, body_limit, too_large
from claims.api.permissions import ReviewerApi
from claims.api.renderers import FastJSONRenderer
from claims.api.serializers import ErrorSerializer
from claims.api.throttling import ApiKeyThrottle


def failing_leaf(permission: Any, request: Request, view: Any) -> Any:
    """The named permission class that refused, so the 403 says which scope or role is missing."""
    if isinstance(permission, AND):
        for op in (permission.op1, permission.op2):
            if not op.has_permission(request, view):
                return failing_leaf(op, request, view)
    if isinstance(permission, OR):
        candidates = [failing_leaf(op, request, view) for op in (permission.op1, permission.op2)]
        for leaf in candidates:
            if getattr(leaf, "message", None):
                return leaf
        return candidates[0]
    if isinstance(permission, NOT):
        return permission
    return permission


class ApiView:
    """Mixed into every API view (before the DRF class)."""

    parser_classes = [LimitedJSONParser]
    renderer_classes = [FastJSONRenderer, BrowsableAPIRenderer]
    throttle_classes = [ApiKeyThrottle]
    permission_classes = [ReviewerApi]

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        limit = body_limit()
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if limit is not None and length > limit:
            raise too_large(length)
        super().initial(request, *args, **kwargs)  # type: ignore[misc]

    def check_permissions(self, request: Request) -> None:
        for permission in self.get_permissions():  # type: ignore[attr-defined]
            if not permission.has_permission(request, self):
                leaf = failing_leaf(permission, request, self)
                self.permission_denied(  # type: ignore[attr-defined]
                    request, message=getattr(leaf, "message", None), code=getattr(leaf, "code", None)
                )


ERRORS = {
    code: OpenApiResponse(ErrorSerializer, description=text)
    for code, text in {
        400: "Invalid input", 401: "Missing or invalid API key", 403: "Scope or role missing",
        404: "Not found", 413: "Body too large", 415: "Unsupported media type", 429: "Throttled",
    }.items()
}


def errors(*codes: int) -> dict[int, OpenApiResponse]:
    extra = {
        409: OpenApiResponse(ErrorSerializer, description="Invalid transition"),
        412: OpenApiResponse(ErrorSerializer, description="Stale version (details.current has the current state)"),
        428: OpenApiResponse(ErrorSerializer, description="If-Match required"),
        503: OpenApiResponse(ErrorSerializer, description="Feature not available"),
    }
    return {**ERRORS, **{code: extra[code] for code in codes}}
