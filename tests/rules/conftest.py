"""Helpers for the rulebook tests: claims walked to a state the way people get them there."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache

from claims.models import Claim
from claims.services.workflow import claim_transition, verdict_save
from tests.api.conftest import api_as  # noqa: F401 - the API personas' keys, shared
from tests.factories import ClaimFactory, rating


@pytest.fixture(autouse=True)
def _fresh_throttle_buckets() -> None:
    cache.clear()


WORK_PATH = ("selected", "in_progress", "in_review", "published")


def walk(claim: Claim, status: str, *, author: Any, editor: Any) -> Claim:
    """Bring `claim` (new) to `status` through the services: a verdict by `author`, published by `editor`."""
    if status == "new":
        return claim
    if status == "dismissed":
        return claim_transition(claim=claim, to="dismissed", actor=author, comment="not checkable")
    for step in WORK_PATH:
        if step == "in_review":
            verdict_save(claim=claim, actor=author, rating=rating("mostly-true"),
                         summary="Le Kazakhstan a envoyé 40 tonnes")
        claim = claim_transition(claim=claim, to=step, actor=editor if step == "published" else author)
        if step == status:
            return claim
    raise ValueError(status)


def claim_at(status: str, *, author: Any, editor: Any, **kwargs: Any) -> Claim:
    if status == "duplicate":
        original = ClaimFactory()
        claim = ClaimFactory(status="duplicate", duplicate_of=original, **kwargs)
        return claim
    return walk(ClaimFactory(**kwargs), status, author=author, editor=editor)
