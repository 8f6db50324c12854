"""Small named permission classes, composed with & and | in the views.

Two questions per request: does the key's scope allow this kind of call (read / write /
publish), and does the account's role allow it. Session users (the browsable API) have no key,
so only their role counts; the services check the finer workflow rules again.
"""

from __future__ import annotations

from typing import Any

from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request

from claims.models import ApiClient, ClaimStatus
from claims.services.roles import is_editor, is_reviewer


def _key_allows(request: Request, scope: str) -> bool:
    client = request.auth
    if isinstance(client, ApiClient):
        return client.has_scope(scope)
    return True  # session authentication: no key, the role decides


class ReadScope(BasePermission):
    message = "This API key lacks the 'read' scope."
    code = "scope_required"

    def has_permission(self, request: Request, view: Any) -> bool:
        return _key_allows(request, "read")


class WriteScope(BasePermission):
    message = "This API key lacks the 'write' scope."
    code = "scope_required"

    def has_permission(self, request: Request, view: Any) -> bool:
        return _key_allows(request, "write")


class PublishScope(BasePermission):
    message = "This API key lacks the 'publish' scope."
    code = "scope_required"

    def has_permission(self, request: Request, view: Any) -> bool:
        return _key_allows(request, "publish")


class SafeMethod(BasePermission):
    def has_permission(self, request: Request, view: Any) -> bool:
        return request.method in SAFE_METHODS


class UnsafeMethod(BasePermission):
    def has_permission(self, request: Request, view: Any) -> bool:
        return request.method not in SAFE_METHODS


class Authenticated(BasePermission):
    def has_permission(self, request: Request, view: Any) -> bool:
        return bool(request.user and request.user.is_authenticated)


class ReviewerRole(BasePermission):
    message = "Only reviewers and editors can use this endpoint."
    code = "role_required"

    def has_permission(self, request: Request, view: Any) -> bool:
        return is_reviewer(request.user)


class EditorRole(BasePermission):
    message = "Only editors can do this."
    code = "editor_required"

    def has_permission(self, request: Request, view: Any) -> bool:
        return is_editor(request.user)


class TouchesPublication(BasePermission):
    """A transition into or out of `published` (publishing, opening a correction)."""

    def has_permission(self, request: Request, view: Any) -> bool:
        target = request.data.get("to") if isinstance(request.data, dict) else None
        return target == ClaimStatus.PUBLISHED or view.claim_is_published()


class NotTouchesPublication(BasePermission):
    def has_permission(self, request: Request, view: Any) -> bool:
        return not TouchesPublication().has_permission(request, view)


# The composed rules the views use. Scope per HTTP method: read for GET, write for changes.
ScopedByMethod = (SafeMethod & ReadScope) | (UnsafeMethod & WriteScope)
ReviewerApi = Authenticated & ReviewerRole & ScopedByMethod
ClientApi = Authenticated & ScopedByMethod
