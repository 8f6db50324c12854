"""Who may do what: the roles of DESIGN.md §1, read from Django groups."""

from __future__ import annotations

from typing import Any

REVIEWER = "reviewer"
EDITOR = "editor"
# The accounts API keys act as when no person is named (api_keys.api_service_user): `api-<name>`
# with no usable password. They hold a role so their keys work, but they are not people.
SERVICE_ACCOUNT_PREFIX = "api-"


def _groups(user: Any) -> set[str]:
    if user is None or not getattr(user, "is_authenticated", False):
        return set()
    cached = getattr(user, "_factcheck_groups", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True))
        user._factcheck_groups = cached
    return cached


def is_editor(user: Any) -> bool:
    return bool(user is not None and (getattr(user, "is_superuser", False) or EDITOR in _groups(user)))


def is_reviewer(user: Any) -> bool:
    """Reviewers do the checking; editors can do everything a reviewer can."""
    return is_editor(user) or REVIEWER in _groups(user)


def require_reviewer(actor: Any, *, doing: str = "change claims") -> None:
    """Refuse anyone without the reviewer or editor role (the one check every service shares)."""
    from claims.services.errors import NotAllowed

    if not is_reviewer(actor):
        raise NotAllowed(f"Only reviewers and editors can {doing}.", code="role_required")


def team_members() -> Any:
    """The active people with a role: who can be assigned claims (the review UI, the API, the admin).
    Service accounts of API keys are not people: a key named after a person acts as that person."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX

    return (
        get_user_model().objects.filter(is_active=True, groups__name__in=[REVIEWER, EDITOR])
        .exclude(username__startswith=SERVICE_ACCOUNT_PREFIX, password__startswith=UNUSABLE_PASSWORD_PREFIX)
        .distinct().order_by("username")
    )
