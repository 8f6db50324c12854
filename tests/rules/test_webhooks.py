"""Every change emits its webhook event, once, whatever the channel: the review UI, the API, the
admin (form, action, import) and the bulk services (issue 14, "every change emits its event")."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
import tablib
from django.test import Client
from django.urls import reverse

from claims.admin.resources import ClaimResource
from claims.models import WEBHOOK_EVENTS, Claim, Webhook, WebhookDelivery
from claims.services import bulk
from claims.services.workflow import verdict_save
from tests.admin.conftest import action_post
from tests.factories import ClaimFactory, rating
from tests.rules.conftest import claim_at

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def hook(db: None) -> Webhook:
    return Webhook.objects.create(name="cms", url="http://127.0.0.1:9/hook", events=list(WEBHOOK_EVENTS))


@contextmanager
def one_event(event: str, claim_id: int | None = None, *, per_claim: int = 1) -> Iterator[None]:
    """The block writes exactly one delivery (per claim named), of type `event`, and no other."""
    before = set(WebhookDelivery.objects.values_list("pk", flat=True))
    yield
    new = list(WebhookDelivery.objects.exclude(pk__in=before).values_list("event", "object_id"))
    assert [e for e, _ in new] == [event] * len(new), new
    if claim_id is not None:
        assert new == [(event, claim_id)] * per_claim, new


def session(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


# --- the review UI -------------------------------------------------------------------------------


def test_each_ui_change_emits_one_event(alice: Any, erin: Any, ed: Any) -> None:
    ui = session(alice)
    claim = ClaimFactory()
    other = ClaimFactory()

    def post(name: str, target: Claim, data: dict[str, Any], by: Client = ui) -> None:
        target.refresh_from_db()
        response = by.post(reverse(f"review:{name}", args=[target.pk]), {"expected_version": target.version, **data})
        assert response.status_code == 303, response.content.decode()[:500]

    with one_event("claim.updated", claim.pk):
        post("claim_transition", claim, {"to": "selected"})
    with one_event("claim.updated", claim.pk):
        post("claim_assign", claim, {"assignee": "me"})
    with one_event("claim.updated", claim.pk):
        post("claim_edit", claim, {"text": "Le Kazakhstan a envoyé 40 tonnes.", "claimant": "Le ministère",
                                   "kind": "statistic", "language": "fr", "entities": "[]", "quantities": "[]",
                                   "dates": "[]"})
    with one_event("claim.updated", claim.pk):
        post("claim_transition", claim, {"to": "in_progress"})
    with one_event("claim.updated", claim.pk):
        post("verdict_save", claim, {"rating": "mostly-true", "summary": "Le Kazakhstan a envoyé 40 tonnes"})
    with one_event("verdict.submitted", claim.pk):
        post("claim_transition", claim, {"to": "in_review"})
    with one_event("claim.updated", claim.pk):
        post("claim_transition", claim, {"to": "in_progress", "comment": "Une source de plus"}, by=session(erin))
    with one_event("verdict.submitted", claim.pk):
        post("claim_transition", claim, {"to": "in_review"})
    with one_event("verdict.published", claim.pk):
        post("claim_transition", claim, {"to": "published"}, by=session(ed))
    with one_event("claim.updated", other.pk):
        post("claim_duplicate", other, {"original": claim.pk})


# --- the API ---------------------------------------------------------------------------------------


def test_each_api_change_emits_one_event(alice: Any, erin: Any, api_as: Any) -> None:
    api = api_as(alice, "read", "write")
    editor = api_as(erin, "read", "write", "publish")
    claim = ClaimFactory()
    other = ClaimFactory()
    base = f"/api/v1/claims/{claim.pk}/"

    def ok(response: Any) -> None:
        assert response.status_code in (200, 201), response.content

    with one_event("claim.updated", claim.pk):
        ok(api.patch(base, {"claimant": "Le ministère"}, format="json", HTTP_IF_MATCH="*"))
    with one_event("claim.updated", claim.pk):
        ok(api.patch(base, {"assignee": alice.pk}, format="json", HTTP_IF_MATCH="*"))
    with one_event("claim.updated", claim.pk):
        ok(api.post(base + "transition/", {"to": "selected"}, format="json"))
    with one_event("claim.updated", claim.pk):
        ok(api.post(base + "transition/", {"to": "in_progress"}, format="json"))
    with one_event("claim.updated", claim.pk):
        ok(api.put(base + "verdict/", {"rating": "mostly-true", "summary": "Le Kazakhstan a envoyé 40 tonnes"},
                   format="json"))
    with one_event("verdict.submitted", claim.pk):
        ok(api.post(base + "transition/", {"to": "in_review"}, format="json"))
    with one_event("verdict.published", claim.pk):
        ok(editor.post(base + "transition/", {"to": "published"}, format="json"))
    with one_event("claim.updated", claim.pk):
        ok(editor.post(base + "transition/", {"to": "in_progress", "comment": "Chiffre corrigé"}, format="json"))
    with one_event("claim.updated", other.pk):
        ok(api.post(f"/api/v1/claims/{other.pk}/transition/", {"to": "duplicate", "duplicate_of": claim.pk},
                    format="json"))
    with one_event("claim.created"):
        ok(api.post("/api/v1/claims/", {"text": "Une affirmation entrée à la main"}, format="json"))


# --- the admin ---------------------------------------------------------------------------------------


def test_each_admin_change_emits_one_event(admin_user: Any) -> None:
    admin = session(admin_user)
    claim = ClaimFactory(claimant="Avant")
    change = reverse("admin:claims_claim_change", args=[claim.pk])
    with one_event("claim.updated", claim.pk):
        response = admin.post(change, {"text": claim.text, "claimant": "Après", "kind": claim.kind,
                                       "language": claim.language, **_inline_management()})
        assert response.status_code == 302, response.content.decode()[:2000]
    with one_event("claim.updated", claim.pk):
        action_post(admin, reverse("admin:claims_claim_changelist"), "move_to_selected", [claim.pk], apply="yes")
    with one_event("claim.created"):
        response = admin.post(reverse("admin:claims_claim_add"), {"text": "Une affirmation de l'admin",
                                                                  "kind": "other", "language": "fr",
                                                                  **_inline_management()})
        assert response.status_code == 302, response.content.decode()[:2000]
    rows = [{"id": claim.pk, "text": claim.text, "claimant": "Importé", "language": "fr", "kind": "statistic"}]
    with one_event("claim.updated", claim.pk):
        result = ClaimResource().import_data(tablib.Dataset().load(json.dumps(rows), format="json"),
                                             dry_run=False, rollback_on_validation_errors=True, user=admin_user)
        assert not result.has_errors() and not result.has_validation_errors()


def _inline_management() -> dict[str, str]:
    """The management forms of the claim page's read-only inlines (nothing to add or change)."""
    data = {}
    for prefix in ("verdicts", "evidence", "comments", "audit_events"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0", f"{prefix}-MIN_NUM_FORMS": "0",
                     f"{prefix}-MAX_NUM_FORMS": "1000"})
    return data


# --- the bulk services ------------------------------------------------------------------------------


BULK: dict[str, Callable[..., Any]] = {
    "assign": lambda ids, actor, **_: bulk.claims_bulk_assign(claim_ids=ids, assignee=actor, actor=actor),
    "status": lambda ids, actor, **_: bulk.claims_bulk_transition(claim_ids=ids, to="dismissed", actor=actor,
                                                                   comment="hors sujet"),
    "duplicate": lambda ids, actor, original: bulk.claims_bulk_mark_duplicate(claim_ids=ids, original=original,
                                                                               actor=actor),
}


@pytest.mark.parametrize("change", sorted(BULK))
def test_each_bulk_change_emits_one_event_per_claim(change: str, erin: Any) -> None:
    claims = [ClaimFactory() for _ in range(3)]
    original = ClaimFactory()
    before = set(WebhookDelivery.objects.values_list("pk", flat=True))
    BULK[change]([c.pk for c in claims], erin, original=original)
    new = list(WebhookDelivery.objects.exclude(pk__in=before).values_list("event", "object_id", "payload"))
    assert sorted((e, o) for e, o, _ in new) == [("claim.updated", c.pk) for c in claims]
    assert {p["data"]["change"] for _, _, p in new} == {change}


def test_a_bulk_rating_emits_one_event_per_claim(alice: Any, erin: Any) -> None:
    claims = [claim_at("in_progress", author=alice, editor=erin) for _ in range(2)]
    for claim in claims:
        verdict_save(claim=claim, actor=alice, rating=rating("false"), summary="Faux")
    with one_event("claim.updated"):
        result = bulk.claims_bulk_set_rating(claim_ids=[c.pk for c in claims], rating=rating("true"), actor=erin)
    assert result.changed == 2
