"""Route × role × state: every write route of the review UI, the API and the admin, tried by every
kind of caller on a claim in every state (issue 14, "Done when").

The expected answer comes from the spec below (DESIGN.md §5 and the README's "who may do what"),
written out here rather than asked of the rulebook, so the test can disagree with the code. An
allowed request must change the claim; a refused one must leave it exactly as it was and answer
with a refusal (a login redirect, 400, 401, 403 or 409), never a 500.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from claims.models import Claim, ClaimStatus
from tests.admin.conftest import action_post
from tests.conftest import make_user
from tests.factories import ClaimFactory
from tests.rules.conftest import claim_at

pytestmark = pytest.mark.django_db

STATES = [s.value for s in ClaimStatus]
LOCKED = {"in_review", "published"}  # a claim's own fields are what was reviewed
VERDICT_WRITABLE = {"selected", "in_progress"}
# The natural next move from each state: (target, comment, needs an editor).
NEXT_MOVE: dict[str, tuple[str, str, bool]] = {
    "new": ("selected", "", False),
    "selected": ("in_progress", "", False),
    "in_progress": ("dismissed", "Pas vérifiable", False),
    "in_review": ("published", "", True),
    "published": ("in_progress", "Une correction", True),
    "dismissed": ("new", "", False),
    "duplicate": ("new", "", False),
}
RANK = {"anonymous": 0, "no role": 1, "reviewer": 2, "editor": 3, "superuser": 3}
REFUSALS = {302, 400, 401, 403, 409}


@dataclass(frozen=True)
class Caller:
    role: str
    scopes: tuple[str, ...] = ("read", "write", "publish")  # a session has no key: its role decides
    key: bool = False

    @property
    def reviewer(self) -> bool:
        return RANK[self.role] >= 2

    @property
    def editor(self) -> bool:
        return RANK[self.role] >= 3

    def __str__(self) -> str:
        return f"{self.role} {'key ' + '+'.join(self.scopes) if self.key else 'session'}"


SESSIONS = [Caller(role) for role in RANK]
KEYS = [Caller(role, scopes, key=True) for role in ("no role", "reviewer", "editor", "superuser")
        for scopes in (("read",), ("read", "write"), ("read", "write", "publish"))]


# --- the spec: may this caller do this on a claim in this state? ------------------------------------


def may_edit(c: Caller, state: str) -> bool:
    return c.reviewer and state not in LOCKED


def may_move(c: Caller, state: str) -> bool:
    to, _comment, needs_editor = NEXT_MOVE[state]
    touches_publication = to == "published" or state == "published"
    return c.reviewer and (c.editor or not needs_editor) and (not touches_publication or "publish" in c.scopes)


def may_assign_someone_else(c: Caller, state: str) -> bool:
    return c.editor


def may_mark_duplicate(c: Caller, state: str) -> bool:
    return c.reviewer and state != "published"


def may_write_verdict(c: Caller, state: str) -> bool:
    return c.reviewer and state in VERDICT_WRITABLE


def may_comment(c: Caller, state: str) -> bool:
    return c.reviewer


def with_write_scope(rule: Callable[[Caller, str], bool]) -> Callable[[Caller, str], bool]:
    return lambda c, state: "write" in c.scopes and rule(c, state)


def in_admin(rule: Callable[[Caller, str], bool]) -> Callable[[Caller, str], bool]:
    # Editors (and superusers) hold the change permissions; reviewers only look in the admin.
    return lambda c, state: c.editor and rule(c, state)


def admin_select(c: Caller, state: str) -> bool:
    return c.editor and state in ("new", "dismissed")


# --- the world: people, a claim per state, what "changed" means --------------------------------------


@pytest.fixture
def people(db: None) -> dict[str, User | None]:
    alice = make_user("alice", "reviewer", is_staff=True)
    erin = make_user("erin", "editor", is_staff=True)
    return {
        "anonymous": None, "no role": make_user("otto", is_staff=True), "reviewer": alice, "editor": erin,
        "superuser": User.objects.create_superuser("root", "root@example.org", "pw-root"),
        "bob": make_user("bob", "reviewer"),
    }


def claims_in_every_state(people: dict[str, Any]) -> dict[str, Claim]:
    # The reviewer persona wrote the verdicts; the editor persona published them.
    return {state: claim_at(state, author=people["reviewer"], editor=people["editor"]) for state in STATES}


def fingerprint(claim: Claim) -> tuple[Any, ...]:
    fresh = Claim.objects.get(pk=claim.pk)
    return (
        fresh.status, fresh.version, fresh.text, fresh.claimant, fresh.assignee_id, fresh.duplicate_of_id,
        fresh.comments.count(), sorted(fresh.verdicts.values_list("status", "version")),
    )


def check(response: Any, claim: Claim, before: tuple[Any, ...], allowed: bool, where: str) -> list[str]:
    after = fingerprint(claim)
    status = response.status_code
    if status >= 500:
        return [f"{where}: {status}"]
    if allowed and (after == before or status not in (200, 201, 302, 303)):
        return [f"{where}: expected a change, got {status} and {'no change' if after == before else 'a change'}"]
    if not allowed and after != before:
        return [f"{where}: refused expected, but the claim changed ({status})"]
    if not allowed and status not in REFUSALS and not where.startswith("admin"):
        return [f"{where}: refused expected, got {status}"]
    return []


# --- the routes --------------------------------------------------------------------------------------

Call = Callable[[Any, Claim, dict[str, Any]], Any]


def _form(claim: Claim, **data: Any) -> dict[str, Any]:
    return {"expected_version": Claim.objects.get(pk=claim.pk).version, **data}


EDIT_FIELDS = {"text": "Le Kazakhstan a envoyé 41 tonnes.", "claimant": "Quelqu'un d'autre", "kind": "statistic",
               "language": "fr", "entities": "[]", "quantities": "[]", "dates": "[]"}


def ui_move(client: Any, claim: Claim, ctx: dict[str, Any]) -> Any:
    to, comment, _ = NEXT_MOVE[claim.status]
    return client.post(reverse("review:claim_transition", args=[claim.pk]), _form(claim, to=to, comment=comment))


UI_ROUTES: dict[str, tuple[Call, Callable[[Caller, str], bool]]] = {
    "edit": (lambda c, claim, ctx: c.post(reverse("review:claim_edit", args=[claim.pk]), _form(claim, **EDIT_FIELDS)),
             may_edit),
    "move": (ui_move, may_move),
    "assign": (lambda c, claim, ctx: c.post(reverse("review:claim_assign", args=[claim.pk]),
                                            _form(claim, assignee=str(ctx["bob"].pk))), may_assign_someone_else),
    "duplicate": (lambda c, claim, ctx: c.post(reverse("review:claim_duplicate", args=[claim.pk]),
                                               _form(claim, original=ctx["original"].pk)), may_mark_duplicate),
    "verdict": (lambda c, claim, ctx: c.post(reverse("review:verdict_save", args=[claim.pk]),
                                             {"rating": "false", "summary": "Faux", "explanation": "", "sources": ""}),
                may_write_verdict),
    "comment": (lambda c, claim, ctx: c.post(reverse("review:comment_add", args=[claim.pk]), {"body": "Une note"}),
                may_comment),
}


def api_move(client: Any, claim: Claim, ctx: dict[str, Any]) -> Any:
    to, comment, _ = NEXT_MOVE[claim.status]
    return client.post(f"/api/v1/claims/{claim.pk}/transition/", {"to": to, "comment": comment}, format="json")


API_ROUTES: dict[str, tuple[Call, Callable[[Caller, str], bool]]] = {
    "patch": (lambda c, claim, ctx: c.patch(f"/api/v1/claims/{claim.pk}/", {"claimant": "Quelqu'un d'autre"},
                                            format="json", HTTP_IF_MATCH="*"), with_write_scope(may_edit)),
    "assign": (lambda c, claim, ctx: c.patch(f"/api/v1/claims/{claim.pk}/", {"assignee": ctx["bob"].pk},
                                             format="json", HTTP_IF_MATCH="*"),
               with_write_scope(may_assign_someone_else)),
    "move": (api_move, with_write_scope(may_move)),
    "duplicate": (lambda c, claim, ctx: c.post(f"/api/v1/claims/{claim.pk}/transition/",
                                               {"to": "duplicate", "duplicate_of": ctx["original"].pk},
                                               format="json"), with_write_scope(may_mark_duplicate)),
    "verdict": (lambda c, claim, ctx: c.put(f"/api/v1/claims/{claim.pk}/verdict/",
                                            {"rating": "false", "summary": "Faux"}, format="json"),
                with_write_scope(may_write_verdict)),
}


def admin_edit(client: Any, claim: Claim, ctx: dict[str, Any]) -> Any:
    inlines = {}
    for prefix in ("verdicts", "evidence", "comments", "audit_events"):
        inlines.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0",
                        f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"})
    return client.post(reverse("admin:claims_claim_change", args=[claim.pk]),
                       {"text": EDIT_FIELDS["text"], "claimant": "Quelqu'un d'autre", "kind": "statistic",
                        "language": "fr", **inlines})


ADMIN_ROUTES: dict[str, tuple[Call, Callable[[Caller, str], bool]]] = {
    "edit": (admin_edit, in_admin(may_edit)),
    "select": (lambda c, claim, ctx: action_post(c, reverse("admin:claims_claim_changelist"), "move_to_selected",
                                                 [claim.pk], apply="yes"), admin_select),
    "duplicate": (lambda c, claim, ctx: action_post(c, reverse("admin:claims_claim_changelist"), "mark_duplicate",
                                                    [claim.pk], apply="yes", original=ctx["original"].pk),
                  in_admin(may_mark_duplicate)),
}


# --- the matrix ----------------------------------------------------------------------------------------


def session_client(user: Any, api: bool = False) -> Any:
    client = APIClient() if api else Client()
    if user is not None:
        client.force_login(user)
    return client


def run(call: Call, rule: Callable[[Caller, str], bool], caller: Caller, client: Any, people: dict[str, Any],
        where: str) -> list[str]:
    problems: list[str] = []
    for state, claim in claims_in_every_state(people).items():
        ctx = {"bob": people["bob"], "original": ClaimFactory()}
        before = fingerprint(claim)
        response = call(client, claim, ctx)
        problems += check(response, claim, before, rule(caller, state), f"{where} on {state}")
    return problems


@pytest.mark.parametrize("route", sorted(UI_ROUTES))
@pytest.mark.parametrize("caller", SESSIONS, ids=str)
def test_review_ui_routes(route: str, caller: Caller, people: dict[str, Any]) -> None:
    call, rule = UI_ROUTES[route]
    problems = run(call, rule, caller, session_client(people[caller.role]), people, f"ui {route} by {caller}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("route", sorted(API_ROUTES))
@pytest.mark.parametrize("caller", SESSIONS + KEYS, ids=str)
def test_api_routes(route: str, caller: Caller, people: dict[str, Any], api_as: Any) -> None:
    call, rule = API_ROUTES[route]
    user = people[caller.role]
    client = api_as(user, *caller.scopes) if caller.key else session_client(user, api=True)
    problems = run(call, rule, caller, client, people, f"api {route} by {caller}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("route", sorted(ADMIN_ROUTES))
@pytest.mark.parametrize("caller", SESSIONS, ids=str)
def test_admin_routes(route: str, caller: Caller, people: dict[str, Any]) -> None:
    call, rule = ADMIN_ROUTES[route]
    problems = run(call, rule, caller, session_client(people[caller.role]), people, f"admin {route} by {caller}")
    assert not problems, "\n".join(problems)


# Routes whose answer does not depend on a claim's state: who may create.


@pytest.mark.parametrize("caller", SESSIONS + KEYS, ids=str)
def test_api_creation_routes(caller: Caller, people: dict[str, Any], api_as: Any) -> None:
    user = people[caller.role]
    client = api_as(user, *caller.scopes) if caller.key else session_client(user, api=True)
    writes = "write" in caller.scopes and caller.role != "anonymous"
    claim = client.post("/api/v1/claims/", {"text": "Une affirmation entrée à la main"}, format="json")
    assert claim.status_code == (201 if writes and caller.reviewer else claim.status_code)
    assert (claim.status_code == 201) == (writes and caller.reviewer), claim.status_code
    article = client.post("/api/v1/articles/", {"text": f"Le budget a doublé en 2024, selon {caller}."},
                          format="json")
    # Articles come from newsroom tools too: any account with a write key may push one.
    assert (article.status_code == 202) == writes, article.status_code
    assert article.status_code in (202, 401, 403)
