"""Admin personas: staff accounts with model permissions, and the roles that decide the workflow."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import Permission, User

from claims.models import Webhook
from tests.conftest import make_user

CLAIM_PERMS = ("view_claim", "change_claim", "add_claim")


def staff(username: str, *groups: str, perms: tuple[str, ...] = CLAIM_PERMS) -> User:
    user = make_user(username, *groups, is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(content_type__app_label="claims", codename__in=perms))
    return user


@pytest.fixture
def staff_editor(db: None) -> User:
    """Erin-like editor with admin access to claims."""
    return staff("sue", "editor")


@pytest.fixture
def staff_reviewer(db: None) -> User:
    return staff("rita", "reviewer")


@pytest.fixture
def staff_outsider(db: None) -> User:
    """Staff with the model permissions but no workflow role: sees claims, cannot change them."""
    return staff("otto")


@pytest.fixture
def hook(db: None) -> Webhook:
    # Port 9 (discard) on loopback: nothing is sent in these tests, the rows are the outbox.
    return Webhook.objects.create(
        name="cms", url="http://127.0.0.1:9/hook",
        events=["claim.updated", "claim.created", "evidence.attached", "verdict.published", "verdict.submitted"],
    )


def action_post(client: Any, url: str, action: str, ids: list[int], **extra: Any) -> Any:
    data = {"action": action, "_selected_action": [str(i) for i in ids], **extra}
    return client.post(url, data)


@pytest.fixture(autouse=True)
def fast_passwords(settings: Any) -> None:
    # Personas are created per test; the default hasher costs a third of a second each.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
