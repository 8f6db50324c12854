"""Route × role × state: every write route of the review UI, the API and the admin, tried by every
kind of caller on a claim in every state (issue 14, "Done when").

The expected answer comes from the spec below (DESIGN.md §5 and the README's "who may do what"),
written out here rather than asked of the rulebook, so the test can disagree with the code. An
allowed request must change what it is about; a refused one must leave it exactly as it was and
answer with a refusal (a login redirect, 400, 401, 403 or 409), never a 500.

Three kinds of routes: those about a claim (tried on a claim in each of the seven states), those
about an alert (tried on an alert in each of its four states), and those about an object with no
state that matters here (an article to add a claim to, a source, a webhook, an API key, ...).

The world (the personas, a claim per state and the objects the routes act on) is made once per
module inside a transaction; each test runs in a savepoint of it that is rolled back, as Django's
TestCase.setUpTestData does, so 500 route × caller cases cost their requests, not their set-up.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.contrib.admin.widgets import AdminSplitDateTime as SplitDateTimeWidget
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.db.models import Count
from django.test import Client
from django.test.utils import override_settings
from django.urls import reverse
from rest_framework.test import APIClient

from claims.evidence import enabled_providers
from claims.models import (
    Alert,
    ApiClient,
    Article,
    Claim,
    ClaimStatus,
    Comment,
    Evidence,
    EvidenceRun,
    LibraryDocument,
    PriorFactCheck,
    Rating,
    Source,
    Verdict,
    Webhook,
    WebhookDelivery,
)
from claims.services.api_keys import api_client_create
from claims.services.workflow import verdict_save
from tests.admin.conftest import action_post
from tests.conftest import make_user
from tests.factories import ARTICLE_TEXT, ArticleFactory, ClaimFactory, rating
from tests.rules.conftest import claim_at

STATES = [s.value for s in ClaimStatus]
LOCKED = {"in_review", "published"}  # a claim's own fields are what was reviewed
VERDICT_WRITABLE = {"selected", "in_progress"}
RESHAPEABLE = {"new", "selected", "in_progress", "dismissed"}  # split or merge
DISMISSABLE = {"new", "selected", "in_progress"}
# DESIGN.md §5, the workflow graph: (from, to) -> needs an editor. A dismissal, a send-back and a
# correction also need a reason; every route below gives one.
EDGES: dict[tuple[str, str], bool] = {
    ("new", "selected"): False, ("new", "dismissed"): False,
    ("dismissed", "new"): False, ("dismissed", "selected"): False,
    ("selected", "in_progress"): False, ("selected", "dismissed"): False,
    ("in_progress", "in_review"): False, ("in_progress", "dismissed"): False,
    ("in_review", "published"): True, ("in_review", "in_progress"): True,
    ("published", "in_progress"): True,
    ("duplicate", "new"): False,
}
# The natural next move from each state: (target, comment).
NEXT_MOVE: dict[str, tuple[str, str]] = {
    "new": ("selected", ""),
    "selected": ("in_progress", ""),
    "in_progress": ("dismissed", "Pas vérifiable"),
    "in_review": ("published", ""),
    "published": ("in_progress", "Une correction"),
    "dismissed": ("new", ""),
    "duplicate": ("new", ""),
}
# Alerts (README, "Watching the news"): a new alert is acknowledged, dismissed with a reason or opened;
# an acknowledged one can still go any of those ways or back to new; a dismissed one back to new or
# opened; `opened` is final (the claim is in the workflow from then on).
ALERT_STATES = ["new", "acknowledged", "dismissed", "opened"]
ALERT_MOVES: dict[str, set[str]] = {
    "new": {"acknowledged", "dismissed", "opened"},
    "acknowledged": {"dismissed", "opened", "new"},
    "dismissed": {"new", "opened"},
    "opened": set(),
}
ALERT_NEXT = {"new": "acknowledged", "acknowledged": "dismissed", "dismissed": "new", "opened": "new"}
RANK = {"anonymous": 0, "no role": 1, "reviewer": 2, "editor": 3, "superuser": 3}
REFUSALS = {302, 400, 401, 403, 409}
DONE = {200, 201, 202, 302, 303}


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

    @property
    def superuser(self) -> bool:
        return self.role == "superuser"

    def __str__(self) -> str:
        return f"{self.role} {'key ' + '+'.join(self.scopes) if self.key else 'session'}"


SESSIONS = [Caller(role) for role in RANK]
KEYS = [Caller(role, scopes, key=True) for role in ("no role", "reviewer", "editor", "superuser")
        for scopes in (("read",), ("read", "write"), ("read", "write", "publish"))]


# --- the spec: may this caller do this on an object in this state? ---------------------------------

Rule = Callable[[Caller, str], bool]


def may_edit(c: Caller, state: str) -> bool:
    return c.reviewer and state not in LOCKED


def may_move_to(to: str) -> Rule:
    """Along the graph; an editor's edges need an editor; publishing or leaving published needs the
    `publish` scope on a key (README: "leave published ... editor, with the publish scope for a key")."""

    def rule(c: Caller, state: str) -> bool:
        if (state, to) not in EDGES:
            return False
        touches_publication = to == "published" or state == "published"
        return (c.reviewer and (c.editor or not EDGES[state, to])
                and (not touches_publication or "publish" in c.scopes))

    return rule


def may_move(c: Caller, state: str) -> bool:
    return may_move_to(NEXT_MOVE[state][0])(c, state)


def may_assign_someone_else(c: Caller, state: str) -> bool:
    return c.editor


def may_take(c: Caller, state: str) -> bool:
    return c.reviewer  # take a claim for oneself: any state


def may_mark_duplicate(c: Caller, state: str) -> bool:
    return c.reviewer and state != "published"


def may_write_verdict(c: Caller, state: str) -> bool:
    return c.reviewer and state in VERDICT_WRITABLE


def may_comment(c: Caller, state: str) -> bool:
    return c.reviewer


def may_reshape(c: Caller, state: str) -> bool:
    return c.reviewer and state in RESHAPEABLE


def may_dismiss(c: Caller, state: str) -> bool:
    return c.reviewer and state in DISMISSABLE


def may_select(c: Caller, state: str) -> bool:
    return may_move_to("selected")(c, state)


def may_gather_evidence(c: Caller, state: str) -> bool:
    # README: re-run and "add evidence by web address" on a published claim are an editor's. Evidence
    # is for claims being checked (the admin's bulk re-run skips dismissed claims and duplicates):
    # a dismissed claim is restored first, a duplicate's evidence goes to its original.
    return c.reviewer and state not in ("dismissed", "duplicate") and (state != "published" or c.editor)


def may_set_stance(c: Caller, state: str) -> bool:
    # A stance is evidence work on the claim's file (it moves the claim's version, and the published
    # verdict card shows "the evidence weighed with its stances"): the same rule as gathering evidence.
    return may_gather_evidence(c, state)


def may_move_alert(to: str | None = None) -> Rule:
    return lambda c, state: c.reviewer and (to or ALERT_NEXT[state]) in ALERT_MOVES[state]


def with_write_scope(rule: Rule) -> Rule:
    return lambda c, state: "write" in c.scopes and rule(c, state)


def in_admin(rule: Rule) -> Rule:
    # Editors (and superusers) hold the change permissions; reviewers only look in the admin.
    return lambda c, state: c.editor and rule(c, state)


def nobody(c: Caller, state: str) -> bool:
    return False


def editors(c: Caller, state: str) -> bool:
    return c.editor


def reviewers(c: Caller, state: str) -> bool:
    return c.reviewer


def superusers(c: Caller, state: str) -> bool:
    return c.superuser


# --- the world: people, a claim per state, what "changed" means --------------------------------------


FIRST_SENTENCE = ARTICLE_TEXT[: ARTICLE_TEXT.index(".") + 1]
SECOND_SENTENCE = ARTICLE_TEXT[ARTICLE_TEXT.index(".") + 2:]
SPLIT_AT = ARTICLE_TEXT.index(" de nourriture")


@dataclass
class World:
    people: dict[str, User | None]
    claims: dict[str, int]  # state -> claim id
    siblings: dict[str, int]  # state -> another (new) claim of the same article, to merge with
    evidence: dict[str, int]  # state -> an unassessed evidence item of the claim
    alerts: dict[str, int]  # alert state -> alert id
    ids: dict[str, int] = field(default_factory=dict)  # the stateless routes' objects


def _reference_data() -> None:
    from importlib import import_module

    from django.apps import apps
    from django.contrib.auth.models import Group

    if Rating.objects.exists() and Group.objects.filter(name__in=["reviewer", "editor"]).count() == 2:
        return
    import_module("claims.migrations.0002_default_ratings_and_groups").seed(apps, None)
    from claims.group_permissions import sync_group_permissions

    sync_group_permissions(apps.get_app_config("claims"))


def build_world() -> World:
    _reference_data()
    alice = make_user("alice", "reviewer", is_staff=True)
    erin = make_user("erin", "editor", is_staff=True)
    people: dict[str, User | None] = {
        "anonymous": None, "no role": make_user("otto", is_staff=True), "reviewer": alice, "editor": erin,
        "superuser": User.objects.create_superuser("root", "root@example.org", "pw-root"),
        "bob": make_user("bob", "reviewer"),
    }
    # The reviewer persona wrote the verdicts; the editor persona published them.
    claims = {state: claim_at(state, author=alice, editor=erin) for state in STATES}
    for state in VERDICT_WRITABLE:  # a draft to submit, or to rate in bulk
        verdict_save(claim=claims[state], actor=alice, rating=rating("half-true"), summary="Un brouillon")
    siblings, evidence = {}, {}
    for state, claim in claims.items():
        start = claim.article.text.index(SECOND_SENTENCE)
        siblings[state] = ClaimFactory(article=claim.article, start=start, end=start + len(SECOND_SENTENCE)).pk
        evidence[state] = Evidence.objects.create(claim=claim, provider="library", url=f"library:{claim.pk}",
                                                  title="Rapport du ministère", relevance=0.5).pk
    alerts = {}
    for n, state in enumerate(ALERT_STATES):
        prior = PriorFactCheck.objects.create(claim_reviewed="Le Kazakhstan a envoyé 40 tonnes", rating_text="Vrai",
                                              url=f"https://checker.example.org/fc/{n}", language="fr")
        alerts[state] = Alert.objects.create(claim=ClaimFactory(), prior_factcheck=prior, score=0.9, tier="strong",
                                             state=state, reason="Pas la même" if state == "dismissed" else "").pk
    hook = Webhook.objects.create(name="cms", url="http://127.0.0.1:9/hook", events=["claim.updated"])
    bob_key, _ = api_client_create(name="bob's tool", scopes=["read"], user=people["bob"])
    candidate = ArticleFactory()
    start = candidate.text.index(SECOND_SENTENCE)
    Article.objects.filter(pk=candidate.pk).update(extraction_candidates=[{
        "start": start, "end": start + len(SECOND_SENTENCE), "quote": SECOND_SENTENCE, "text": SECOND_SENTENCE,
        "claimant": "", "kind": "event", "entities": [], "quantities": [], "dates": [], "checkworthiness": 0.4,
        "checkworthiness_reasons": [],
    }])
    ids = {
        "article": ArticleFactory().pk,  # no claims yet: a reviewer selects text in it
        "candidates": candidate.pk,
        "original": ClaimFactory().pk,
        "published_verdict": Verdict.objects.get(claim_id=claims["published"].pk, status="published").pk,
        "rating": Rating.objects.get(slug="false").pk,
        "webhook": hook.pk,
        "failed_delivery": WebhookDelivery.objects.create(webhook=hook, event="claim.updated", object_id=1,
                                                          payload={}, status="failed").pk,
        "bob_key": bob_key.pk,
        "source": Source.objects.create(url="https://news.example.org/rss", name="Le Quotidien").pk,
    }
    return World(people=people, claims={s: c.pk for s, c in claims.items()}, siblings=siblings, evidence=evidence,
                 alerts=alerts, ids=ids)


@pytest.fixture(scope="module")
def world(django_db_setup: None, django_db_blocker: Any) -> Iterator[World]:
    """Made once per module in a transaction that is rolled back at the end; each test's own
    transaction (pytest-django's `db`) is a savepoint inside it, rolled back after the test."""
    with django_db_blocker.unblock(), override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]
    ):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield build_world()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def ctx(world: World, db: None, postgres: None) -> dict[str, Any]:
    """The world as this test sees it: fresh rows (a service may have changed an instance it was given)."""
    return {
        "people": world.people, "bob": world.people["bob"], "world": world,
        "original": Claim.objects.get(pk=world.ids["original"]),
    }


def claim_fingerprints(pks: list[int]) -> dict[int, tuple[Any, ...]]:
    """What any write route may change about each claim, in a handful of queries for all of them."""
    out: dict[int, list[Any]] = {}
    articles: dict[int, int | None] = {}
    for row in Claim.objects.filter(pk__in=pks).values_list(
        "pk", "article_id", "status", "version", "text", "claimant", "assignee_id", "duplicate_of_id", "start", "end",
        "entities",
    ):
        articles[row[0]] = row[1]
        out[row[0]] = [*row[2:-1], json.dumps(row[-1])]

    def grouped(rows: Any) -> dict[int, list[Any]]:
        found: dict[int, list[Any]] = {pk: [] for pk in pks}
        for claim_id, *rest in rows:
            found[claim_id].append(tuple(str(v) for v in rest))
        return {pk: sorted(values) for pk, values in found.items()}

    parts = [
        grouped(Comment.objects.filter(claim_id__in=pks).values_list("claim_id", "pk")),
        grouped(Verdict.objects.filter(claim_id__in=pks).values_list("claim_id", "status", "version", "rating_id",
                                                                     "summary")),
        grouped(Evidence.objects.filter(claim_id__in=pks).values_list("claim_id", "pk", "stance", "note")),
        grouped(EvidenceRun.objects.filter(claim_id__in=pks).values_list("claim_id", "provider", "status",
                                                                         "queued_at", "options")),
    ]
    per_article = dict(Claim.objects.filter(article_id__in=[a for a in articles.values() if a])
                       .values("article_id").annotate(n=Count("pk")).values_list("article_id", "n"))
    return {pk: (*out[pk], *(part[pk] for part in parts), per_article.get(articles[pk], 0)) for pk in pks}


def alert_fingerprint(alert: Alert) -> tuple[Any, ...]:
    fresh = Alert.objects.select_related("claim").get(pk=alert.pk)
    return fresh.state, fresh.reason, fresh.acted_by_id, fresh.claim.status


def check(status: int, before: Any, after: Any, allowed: bool, where: str, refusals: set[int]) -> list[str]:
    if status >= 500:
        return [f"{where}: {status}"]
    if allowed and (after == before or status not in DONE):
        return [f"{where}: expected a change, got {status} and {'no change' if after == before else 'a change'}"]
    if not allowed and after != before:
        return [f"{where}: refused expected, but it changed ({status})"]
    # The admin answers a refused action with its changelist and a message, or a form with errors.
    if not allowed and status not in refusals and not where.startswith("admin"):
        return [f"{where}: refused expected, got {status}"]
    return []


# --- the routes --------------------------------------------------------------------------------------


Call = Callable[[Any, Any, dict[str, Any]], Any]


@dataclass(frozen=True)
class Route:
    call: Call  # (client, the object, ctx) -> response
    rule: Rule
    setup: Callable[[Any, dict[str, Any]], None] | None = None  # before the fingerprint is taken
    # A bulk form answers "3 changed, 1 left as it was" with the page it came from: a 303 can be a refusal.
    refusals: frozenset[int] = frozenset(REFUSALS)


def _version(claim: Claim) -> int:
    return Claim.objects.get(pk=claim.pk).version


def _form(claim: Claim, **data: Any) -> dict[str, Any]:
    return {"expected_version": _version(claim), **data}


def _evidence(claim: Claim, ctx: dict[str, Any]) -> int:
    return ctx["world"].evidence[claim.status]


def _provider() -> str:
    return enabled_providers()[0]


def _unassign(claim: Claim, ctx: dict[str, Any]) -> None:
    Claim.objects.filter(pk=claim.pk).update(assignee=None)


EDIT_FIELDS = {"text": "Le Kazakhstan a envoyé 41 tonnes.", "claimant": "Quelqu'un d'autre", "kind": "statistic",
               "language": "fr", "entities": "[]", "quantities": "[]", "dates": "[]"}


def ui_transition(to: str, comment: str = "") -> Call:
    return lambda c, claim, ctx: c.post(reverse("review:claim_transition", args=[claim.pk]),
                                        _form(claim, to=to, comment=comment))


def ui_move(client: Any, claim: Claim, ctx: dict[str, Any]) -> Any:
    return ui_transition(*NEXT_MOVE[claim.status])(client, claim, ctx)


def ui_bulk(action: str) -> Call:
    return lambda c, claim, ctx: c.post(reverse("review:claims_bulk"), {"claims": [claim.pk], "action": action})


def ui_on_article(name: str, **data: Any) -> Call:
    def call(c: Any, claim: Claim, ctx: dict[str, Any]) -> Any:
        body = {k: (v(claim, ctx) if callable(v) else v) for k, v in data.items()}
        return c.post(reverse(f"review:{name}", args=[claim.article_id, claim.pk]), body)

    return call


UI_ROUTES: dict[str, Route] = {
    "edit": Route(lambda c, claim, ctx: c.post(reverse("review:claim_edit", args=[claim.pk]),
                                               _form(claim, **EDIT_FIELDS)), may_edit),
    "entity": Route(lambda c, claim, ctx: c.post(reverse("review:claim_item", args=[claim.pk, "entities"]),
                                                 _form(claim, index="", name="Kazakhstan", label="LOC")), may_edit),
    "move": Route(ui_move, may_move),
    "submit": Route(ui_transition("in_review"), may_move_to("in_review")),
    "send back": Route(ui_transition("in_progress", "À revoir"), may_move_to("in_progress")),
    "assign": Route(lambda c, claim, ctx: c.post(reverse("review:claim_assign", args=[claim.pk]),
                                                 _form(claim, assignee=str(ctx["bob"].pk))), may_assign_someone_else),
    "duplicate": Route(lambda c, claim, ctx: c.post(reverse("review:claim_duplicate", args=[claim.pk]),
                                                    _form(claim, original=ctx["original"].pk)), may_mark_duplicate),
    "verdict": Route(lambda c, claim, ctx: c.post(reverse("review:verdict_save", args=[claim.pk]),
                                                  {"rating": "false", "summary": "Faux", "explanation": "",
                                                   "sources": ""}), may_write_verdict),
    "comment": Route(lambda c, claim, ctx: c.post(reverse("review:comment_add", args=[claim.pk]),
                                                  {"body": "Une note"}), may_comment),
    "bulk select": Route(ui_bulk("select"), may_select, refusals=frozenset(REFUSALS | {303})),
    "bulk take": Route(ui_bulk("assign_me"), may_take, setup=_unassign, refusals=frozenset(REFUSALS | {303})),
    "split": Route(ui_on_article("claim_split", at=SPLIT_AT, expected_version=lambda claim, ctx: _version(claim)),
                   may_reshape),
    "merge": Route(ui_on_article("claim_merge", claims=lambda claim, ctx: [ctx["world"].siblings[claim.status]]),
                   may_reshape),
    "dismiss on the article": Route(ui_on_article("claim_dismiss", comment="Pas vérifiable"), may_dismiss),
    "evidence add": Route(lambda c, claim, ctx: c.post(reverse("review:evidence_add", args=[claim.pk]),
                                                       {"url": "https://example.org/rapport"}), may_gather_evidence),
    "evidence retry": Route(lambda c, claim, ctx: c.post(reverse("review:evidence_retry",
                                                                 args=[claim.pk, _provider()])),
                            may_gather_evidence),
    "evidence stance": Route(lambda c, claim, ctx: c.post(reverse("review:evidence_stance",
                                                                  args=[_evidence(claim, ctx)]),
                                                          {"stance": "refutes", "note": "Chiffres démentis"}),
                             may_set_stance),
}


def api_transition(to: str, comment: str = "") -> Call:
    return lambda c, claim, ctx: c.post(f"/api/v1/claims/{claim.pk}/transition/", {"to": to, "comment": comment},
                                        format="json")


def api_move(client: Any, claim: Claim, ctx: dict[str, Any]) -> Any:
    return api_transition(*NEXT_MOVE[claim.status])(client, claim, ctx)


API_ROUTES: dict[str, Route] = {
    "patch": Route(lambda c, claim, ctx: c.patch(f"/api/v1/claims/{claim.pk}/", {"claimant": "Quelqu'un d'autre"},
                                                 format="json", HTTP_IF_MATCH="*"), with_write_scope(may_edit)),
    "assign": Route(lambda c, claim, ctx: c.patch(f"/api/v1/claims/{claim.pk}/", {"assignee": ctx["bob"].pk},
                                                  format="json", HTTP_IF_MATCH="*"),
                    with_write_scope(may_assign_someone_else)),
    "move": Route(api_move, with_write_scope(may_move)),
    "submit": Route(api_transition("in_review"), with_write_scope(may_move_to("in_review"))),
    "send back": Route(api_transition("in_progress", "À revoir"), with_write_scope(may_move_to("in_progress"))),
    "duplicate": Route(lambda c, claim, ctx: c.post(f"/api/v1/claims/{claim.pk}/transition/",
                                                    {"to": "duplicate", "duplicate_of": ctx["original"].pk},
                                                    format="json"), with_write_scope(may_mark_duplicate)),
    "verdict": Route(lambda c, claim, ctx: c.put(f"/api/v1/claims/{claim.pk}/verdict/",
                                                 {"rating": "false", "summary": "Faux"}, format="json"),
                     with_write_scope(may_write_verdict)),
    "evidence add": Route(lambda c, claim, ctx: c.post(f"/api/v1/claims/{claim.pk}/evidence/",
                                                       {"url": "https://example.org/rapport"}, format="json"),
                          with_write_scope(may_gather_evidence)),
    "evidence retry": Route(lambda c, claim, ctx: c.post(f"/api/v1/claims/{claim.pk}/runs/{_provider()}/retry/"),
                            with_write_scope(may_gather_evidence)),
    "evidence stance": Route(lambda c, claim, ctx: c.patch(
        f"/api/v1/claims/{claim.pk}/evidence/{_evidence(claim, ctx)}/", {"stance": "refutes"}, format="json"),
        with_write_scope(may_set_stance)),
}


def inline_management(*prefixes: str) -> dict[str, str]:
    data = {}
    for prefix in prefixes:
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0",
                     f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"})
    return data


CLAIM_INLINES = inline_management("verdicts", "evidence", "comments", "audit_events")


def admin_edit(client: Any, claim: Claim, ctx: dict[str, Any]) -> Any:
    return client.post(reverse("admin:claims_claim_change", args=[claim.pk]),
                       {"text": EDIT_FIELDS["text"], "claimant": "Quelqu'un d'autre", "kind": "statistic",
                        "language": "fr", **CLAIM_INLINES})


def admin_claims_action(action: str, **extra: Any) -> Call:
    def call(c: Any, claim: Claim, ctx: dict[str, Any]) -> Any:
        data = {k: (v(ctx) if callable(v) else v) for k, v in extra.items()}
        return action_post(c, reverse("admin:claims_claim_changelist"), action, [claim.pk], apply="yes", **data)

    return call


def admin_import(client: Any, claim: Claim, ctx: dict[str, Any]) -> Any:
    """django-import-export: the preview, then (when it offers one) the confirmation."""
    fresh = Claim.objects.get(pk=claim.pk)
    row = {"id": fresh.pk, "text": fresh.text, "claimant": "Quelqu'un d'autre", "language": fresh.language,
           "kind": fresh.kind, "checkworthiness": fresh.checkworthiness}
    preview = client.post(reverse("admin:claims_claim_import"), {
        "import_file": SimpleUploadedFile("claims.json", json.dumps([row]).encode()), "format": "2"})
    if preview.status_code != 200 or not preview.context or "confirm_form" not in preview.context:
        return preview
    form = preview.context["confirm_form"]
    return client.post(reverse("admin:claims_claim_process_import"),
                       {name: form.initial.get(name, "") for name in form.fields})


ADMIN_ROUTES: dict[str, Route] = {
    "edit": Route(admin_edit, in_admin(may_edit)),
    "import": Route(admin_import, in_admin(may_edit)),
    "assign": Route(admin_claims_action("assign", assignee=lambda ctx: ctx["bob"].pk),
                    in_admin(may_assign_someone_else)),
    **{f"move to {to}": Route(admin_claims_action(f"move_to_{to}", comment="Une raison"), in_admin(may_move_to(to)))
       for to in ("new", "selected", "in_progress", "in_review", "published")},
    "dismiss": Route(admin_claims_action("dismiss", reason="Pas vérifiable"), in_admin(may_dismiss)),
    "set rating": Route(admin_claims_action("set_rating", rating=lambda ctx: ctx["world"].ids["rating"]),
                        in_admin(may_write_verdict)),
    "duplicate": Route(admin_claims_action("mark_duplicate", original=lambda ctx: ctx["original"].pk),
                       in_admin(may_mark_duplicate)),
    "rerun evidence": Route(admin_claims_action("rerun_evidence"), in_admin(may_gather_evidence)),
    "evidence stance": Route(lambda c, claim, ctx: action_post(c, reverse("admin:claims_evidence_changelist"),
                                                               "set_stance", [_evidence(claim, ctx)], apply="yes",
                                                               stance="refutes"), in_admin(may_set_stance)),
}


# Alerts, in each of their states.

UI_ALERT_ROUTES: dict[str, Route] = {
    "alert move": Route(lambda c, alert, ctx: c.post(reverse("review:alert_transition", args=[alert.pk]),
                                                     {"to": ALERT_NEXT[alert.state], "reason": "Pas la même"}),
                        may_move_alert()),
    "alert open": Route(lambda c, alert, ctx: c.post(reverse("review:alert_transition", args=[alert.pk]),
                                                     {"to": "opened"}), may_move_alert("opened")),
}
API_ALERT_ROUTES: dict[str, Route] = {
    "alert move": Route(lambda c, alert, ctx: c.post(f"/api/v1/alerts/{alert.pk}/transition/",
                                                     {"to": ALERT_NEXT[alert.state], "reason": "Pas la même"},
                                                     format="json"), with_write_scope(may_move_alert())),
    "alert open": Route(lambda c, alert, ctx: c.post(f"/api/v1/alerts/{alert.pk}/transition/", {"to": "opened"},
                                                     format="json"), with_write_scope(may_move_alert("opened"))),
}


def admin_alert_action(action: str) -> Call:
    return lambda c, alert, ctx: action_post(c, reverse("admin:claims_alert_changelist"), action, [alert.pk])


ADMIN_ALERT_ROUTES: dict[str, Route] = {
    "alert acknowledge": Route(admin_alert_action("acknowledge"), in_admin(may_move_alert("acknowledged"))),
    "alert dismiss": Route(admin_alert_action("dismiss_not_same"), in_admin(may_move_alert("dismissed"))),
    "alert open": Route(admin_alert_action("open_claims"), in_admin(may_move_alert("opened"))),
}


# Routes whose answer does not depend on a state: who may create, configure, import. Each has its
# own fingerprint of what it changes. The rule is asked with the state "-".


@dataclass(frozen=True)
class Stateless:
    call: Callable[[Any, dict[str, Any]], Any]  # (client, ctx) -> response
    rule: Rule
    fingerprint: Callable[[dict[str, Any]], Any]
    refusals: frozenset[int] = frozenset(REFUSALS)


def _id(ctx: dict[str, Any], name: str) -> int:
    return ctx["world"].ids[name]


def _article_claims(name: str) -> Callable[[dict[str, Any]], Any]:
    return lambda ctx: Claim.objects.filter(article_id=_id(ctx, name)).count()


UI_STATELESS: dict[str, Stateless] = {
    "claim from a selection": Stateless(
        lambda c, ctx: c.post(reverse("review:article_claim_create", args=[_id(ctx, "article")]),
                              {"start": 0, "end": len(FIRST_SENTENCE), "quote": FIRST_SENTENCE, "text": ""}),
        reviewers, _article_claims("article")),
    "pull up a candidate": Stateless(
        lambda c, ctx: c.post(reverse("review:candidate_pull_up", args=[_id(ctx, "candidates")]), {
            "start": ARTICLE_TEXT.index(SECOND_SENTENCE),
            "end": ARTICLE_TEXT.index(SECOND_SENTENCE) + len(SECOND_SENTENCE)}),
        reviewers, _article_claims("candidates")),
}


def _writes(rule: Rule) -> Rule:
    return lambda c, state: "write" in c.scopes and rule(c, state)


API_STATELESS: dict[str, Stateless] = {
    "claim create": Stateless(
        lambda c, ctx: c.post("/api/v1/claims/", {"text": "Une affirmation entrée à la main"}, format="json"),
        _writes(reviewers), lambda ctx: Claim.objects.count()),
    # Articles come from newsroom tools too: any account with a write key may push one.
    "article push": Stateless(
        lambda c, ctx: c.post("/api/v1/articles/", {"text": "Le budget a doublé en 2024, selon le ministre."},
                              format="json"),
        _writes(lambda c, state: c.role != "anonymous"), lambda ctx: Article.objects.count()),
    "source add": Stateless(
        lambda c, ctx: c.post("/api/v1/sources/", {"url": "http://127.0.0.1:9/rss.xml", "name": "Local",
                                                   "language": "fr", "interval_minutes": 15}, format="json"),
        _writes(editors), lambda ctx: Source.objects.count()),
}


def admin_form_data(ctx: dict[str, Any], url: str, **changes: Any) -> dict[str, Any]:
    """What the admin's form at `url` posts back unchanged (as the superuser sees it), with `changes`."""
    root = Client()
    root.force_login(ctx["people"]["superuser"])
    page = root.get(url)
    assert page.status_code == 200, (url, page.status_code)
    data: dict[str, Any] = {}
    form = page.context["adminform"].form
    for name in form.fields:
        bound = form[name]
        value = bound.field.prepare_value(bound.value())  # a JSON field's text, a foreign key's id
        if value is None or value is False or value == "":
            continue
        if isinstance(bound.field.widget, SplitDateTimeWidget):
            data.update({f"{name}_0": value.date().isoformat(), f"{name}_1": value.time().isoformat()})
        else:
            data[name] = "on" if value is True else value
    for inline in page.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        data.update({management.add_prefix(name): management[name].value() for name in management.fields})
    return {**data, **changes}


def admin_action(model: str, action: str, name: str, **extra: Any) -> Callable[[Any, dict[str, Any]], Any]:
    return lambda c, ctx: action_post(c, reverse(f"admin:claims_{model}_changelist"), action, [_id(ctx, name)],
                                      **extra)


def _article(ctx: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(Article.objects.filter(pk=_id(ctx, "article")).values_list(
        "title", "publisher", "extraction_status").get())


def _key(ctx: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(ApiClient.objects.filter(pk=_id(ctx, "bob_key")).values_list("name", "scopes", "is_active").get())


def _new_key(owner: str) -> Callable[[Any, dict[str, Any]], Any]:
    def call(c: Any, ctx: dict[str, Any]) -> Any:
        user = ctx["me"] if owner == "me" else ctx["bob"]
        return c.post(reverse("admin:claims_apiclient_add"), {
            "name": "a new tool", "user": user.pk if user else "", "scopes": ["read", "write"], "is_active": "on"})

    return call


PRIORS_CSV = (
    "claim_reviewed,rating_text,rating_value,best_rating,worst_rating,url,publisher,language\n"
    "Le vaccin contient une puce,Faux,1,5,1,https://checker.example.org/fc/csv-1,Checker,fr\n"
)


def admin_priors_import(client: Any, ctx: dict[str, Any]) -> Any:
    preview = client.post(reverse("admin:claims_priorfactcheck_import"), {
        "import_file": SimpleUploadedFile("priors.csv", PRIORS_CSV.encode()), "format": "0"})
    if preview.status_code != 200 or not preview.context or "confirm_form" not in preview.context:
        return preview
    form = preview.context["confirm_form"]
    return client.post(reverse("admin:claims_priorfactcheck_process_import"),
                       {name: form.initial.get(name, "") for name in form.fields})


CLAIMREVIEW = [{
    "@context": "https://schema.org", "@type": "ClaimReview",
    "url": "https://checker.example.org/fc/upload-1", "claimReviewed": "La Lune est en fromage",
    "author": {"@type": "Organization", "name": "Checker"}, "datePublished": "2024-05-01",
    "reviewRating": {"@type": "Rating", "ratingValue": 1, "bestRating": 5, "worstRating": 1, "alternateName": "Faux"},
}]

ADMIN_STATELESS: dict[str, Stateless] = {
    "claim add": Stateless(
        lambda c, ctx: c.post(reverse("admin:claims_claim_add"), {
            "text": "Une affirmation entrée dans l'admin", "claimant": "", "kind": "statistic", "language": "fr",
            **CLAIM_INLINES}),
        editors, lambda ctx: Claim.objects.count()),
    "ClaimReview upload": Stateless(
        lambda c, ctx: c.post(reverse("admin:claims_priorfactcheck_import_claimreview"),
                              {"file": SimpleUploadedFile("cr.json", json.dumps(CLAIMREVIEW).encode())}),
        editors, lambda ctx: PriorFactCheck.objects.count()),
    "article re-extract": Stateless(admin_action("article", "reextract", "article", apply="yes"), editors, _article),
    "article change": Stateless(
        lambda c, ctx: c.post(reverse("admin:claims_article_change", args=[_id(ctx, "article")]), admin_form_data(
            ctx, reverse("admin:claims_article_change", args=[_id(ctx, "article")]), publisher="Le Quotidien")),
        editors, _article),
    # New articles come in through article_ingest only (API, review UI, manage.py ingest).
    "article add": Stateless(
        lambda c, ctx: c.post(reverse("admin:claims_article_add"), {"title": "Nouveau", "text": "Un texte."}),
        nobody, lambda ctx: Article.objects.count()),
    # Verdicts are the workflow's record: a published one changes only through a correction, reviewed
    # and approved by a second person (DESIGN.md §5), never in a form.
    "published verdict change": Stateless(
        lambda c, ctx: c.post(reverse("admin:claims_verdict_change", args=[_id(ctx, "published_verdict")]),
                              {"summary": "Autre chose", "status": "published"}),
        nobody, lambda ctx: tuple(Verdict.objects.filter(pk=_id(ctx, "published_verdict")).values_list(
            "summary", "status", "rating_id", "version").get())),
    "rating change": Stateless(
        lambda c, ctx: c.post(reverse("admin:claims_rating_change", args=[_id(ctx, "rating")]), admin_form_data(
            ctx, reverse("admin:claims_rating_change", args=[_id(ctx, "rating")]), label_en="Wrong")),
        editors, lambda ctx: Rating.objects.get(pk=_id(ctx, "rating")).label_en),
    # API keys act as their account: only that account or a superuser creates one or widens its
    # scopes; anyone who may change API clients may revoke one (README, admin).
    "API key for oneself": Stateless(_new_key("me"), editors, lambda ctx: ApiClient.objects.count()),
    "API key for someone else": Stateless(_new_key("bob"), superusers, lambda ctx: ApiClient.objects.count()),
    "API key scopes widened": Stateless(
        lambda c, ctx: c.post(reverse("admin:claims_apiclient_change", args=[_id(ctx, "bob_key")]),
                              {"name": "bob's tool", "scopes": ["read", "write"]}),
        superusers, _key),
    "API key revoke": Stateless(admin_action("apiclient", "revoke", "bob_key"), editors, _key),
    "webhook test": Stateless(admin_action("webhook", "send_test", "webhook"), editors,
                              lambda ctx: WebhookDelivery.objects.count()),
    "webhook secret rotation": Stateless(admin_action("webhook", "rotate_secret", "webhook"), editors,
                                         lambda ctx: Webhook.objects.get(pk=_id(ctx, "webhook")).secret),
    "delivery resend": Stateless(admin_action("webhookdelivery", "resend", "failed_delivery"), editors,
                                 lambda ctx: WebhookDelivery.objects.count()),
    "source poll now": Stateless(admin_action("source", "poll_now", "source"), editors,
                                 lambda ctx: Source.objects.get(pk=_id(ctx, "source")).poll_status),
    "source add": Stateless(
        lambda c, ctx: c.post(reverse("admin:claims_source_add"), {
            "url": "http://127.0.0.1:9/other.xml", "name": "Local", "language": "fr", "interval_minutes": "15",
            "is_enabled": "on"}),
        editors, lambda ctx: Source.objects.count()),
    "source change": Stateless(
        lambda c, ctx: c.post(reverse("admin:claims_source_change", args=[_id(ctx, "source")]), {
            "name": "Le Quotidien du soir", "language": "fr", "interval_minutes": "30", "is_enabled": "on"}),
        editors, lambda ctx: tuple(Source.objects.filter(pk=_id(ctx, "source")).values_list(
            "name", "interval_minutes").get())),
    "webhook add": Stateless(
        lambda c, ctx: c.post(reverse("admin:claims_webhook_add"), {
            "name": "chat", "url": "http://127.0.0.1:9/chat", "events": ["claim.created"], "is_active": "on",
            **inline_management("deliveries")}),
        editors, lambda ctx: Webhook.objects.count()),
    "webhook change": Stateless(
        lambda c, ctx: c.post(reverse("admin:claims_webhook_change", args=[_id(ctx, "webhook")]), {
            "name": "cms", "url": "http://127.0.0.1:9/elsewhere", "events": ["claim.updated"], "is_active": "on",
            **inline_management("deliveries")}),
        editors, lambda ctx: Webhook.objects.get(pk=_id(ctx, "webhook")).url),
    "prior fact-checks import": Stateless(admin_priors_import, editors, lambda ctx: PriorFactCheck.objects.count()),
    "library document add": Stateless(
        lambda c, ctx: c.post(reverse("admin:claims_librarydocument_add"), {
            "title": "Rapport", "text": "Le ministère a publié son rapport annuel.", "source_url": "",
            "publisher": "Ministère", "language": "fr", **inline_management("passages")}),
        editors, lambda ctx: LibraryDocument.objects.count()),
}


# --- the matrix ----------------------------------------------------------------------------------------


def session_client(user: Any, api: bool = False) -> Any:
    client = APIClient() if api else Client()
    if user is not None:
        client.force_login(user)
    return client


def client_for(caller: Caller, ctx: dict[str, Any], api_as: Any, api: bool) -> Any:
    user = ctx["people"][caller.role]
    ctx["me"] = user
    return api_as(user, *caller.scopes) if caller.key else session_client(user, api=api)


def run_on_claims(route: Route, caller: Caller, client: Any, ctx: dict[str, Any], where: str) -> list[str]:
    """The route on the claim in each state; every claim has its own article, evidence and sibling."""
    world = ctx["world"]
    claims = Claim.objects.select_related("article").in_bulk(list(world.claims.values()))
    for claim in claims.values():
        if route.setup is not None:
            route.setup(claim, ctx)
    before = claim_fingerprints(list(claims))
    statuses = {state: route.call(client, claims[pk], ctx).status_code for state, pk in world.claims.items()}
    after = claim_fingerprints(list(claims))
    problems: list[str] = []
    for state, pk in world.claims.items():
        problems += check(statuses[state], before[pk], after[pk], route.rule(caller, state), f"{where} on {state}",
                          set(route.refusals))
    return problems


def run_on_alerts(route: Route, caller: Caller, client: Any, ctx: dict[str, Any], where: str) -> list[str]:
    problems: list[str] = []
    for state, pk in ctx["world"].alerts.items():
        alert = Alert.objects.get(pk=pk)
        before = alert_fingerprint(alert)
        response = route.call(client, alert, ctx)
        problems += check(response.status_code, before, alert_fingerprint(alert), route.rule(caller, state),
                          f"{where} on a {state} alert", set(route.refusals))
    return problems


def run_stateless(route: Stateless, caller: Caller, client: Any, ctx: dict[str, Any], where: str) -> list[str]:
    before = route.fingerprint(ctx)
    response = route.call(client, ctx)
    return check(response.status_code, before, route.fingerprint(ctx), route.rule(caller, "-"), where,
                 set(route.refusals))


@pytest.mark.parametrize("route", sorted(UI_ROUTES))
@pytest.mark.parametrize("caller", SESSIONS, ids=str)
def test_review_ui_routes(route: str, caller: Caller, ctx: dict[str, Any], api_as: Any) -> None:
    client = client_for(caller, ctx, api_as, api=False)
    problems = run_on_claims(UI_ROUTES[route], caller, client, ctx, f"ui {route} by {caller}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("route", sorted(API_ROUTES))
@pytest.mark.parametrize("caller", SESSIONS + KEYS, ids=str)
def test_api_routes(route: str, caller: Caller, ctx: dict[str, Any], api_as: Any) -> None:
    client = client_for(caller, ctx, api_as, api=True)
    problems = run_on_claims(API_ROUTES[route], caller, client, ctx, f"api {route} by {caller}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("route", sorted(ADMIN_ROUTES))
@pytest.mark.parametrize("caller", SESSIONS, ids=str)
def test_admin_routes(route: str, caller: Caller, ctx: dict[str, Any], api_as: Any) -> None:
    client = client_for(caller, ctx, api_as, api=False)
    problems = run_on_claims(ADMIN_ROUTES[route], caller, client, ctx, f"admin {route} by {caller}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("surface, route", [
    *(("ui", name) for name in sorted(UI_ALERT_ROUTES)), *(("admin", name) for name in sorted(ADMIN_ALERT_ROUTES)),
])
@pytest.mark.parametrize("caller", SESSIONS, ids=str)
def test_alert_routes_in_the_ui_and_the_admin(surface: str, route: str, caller: Caller, ctx: dict[str, Any],
                                              api_as: Any) -> None:
    client = client_for(caller, ctx, api_as, api=False)
    table = UI_ALERT_ROUTES if surface == "ui" else ADMIN_ALERT_ROUTES
    problems = run_on_alerts(table[route], caller, client, ctx, f"{surface} {route} by {caller}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("route", sorted(API_ALERT_ROUTES))
@pytest.mark.parametrize("caller", SESSIONS + KEYS, ids=str)
def test_api_alert_routes(route: str, caller: Caller, ctx: dict[str, Any], api_as: Any) -> None:
    client = client_for(caller, ctx, api_as, api=True)
    problems = run_on_alerts(API_ALERT_ROUTES[route], caller, client, ctx, f"api {route} by {caller}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("surface, route", [
    *(("ui", name) for name in sorted(UI_STATELESS)), *(("admin", name) for name in sorted(ADMIN_STATELESS)),
])
@pytest.mark.parametrize("caller", SESSIONS, ids=str)
def test_stateless_ui_and_admin_routes(surface: str, route: str, caller: Caller, ctx: dict[str, Any],
                                       api_as: Any, settings: Any) -> None:
    # Feeds and receivers on loopback, as an intranet's would be allow-listed (nothing is fetched here).
    settings.FACTCHECK_FETCH_ALLOWLIST = settings.FACTCHECK_WEBHOOK_ALLOWLIST = ["127.0.0.1/32"]
    client = client_for(caller, ctx, api_as, api=False)
    table = UI_STATELESS if surface == "ui" else ADMIN_STATELESS
    problems = run_stateless(table[route], caller, client, ctx, f"{surface} {route} by {caller}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("route", sorted(API_STATELESS))
@pytest.mark.parametrize("caller", SESSIONS + KEYS, ids=str)
def test_stateless_api_routes(route: str, caller: Caller, ctx: dict[str, Any], api_as: Any, settings: Any) -> None:
    settings.FACTCHECK_FETCH_ALLOWLIST = ["127.0.0.1"]
    client = client_for(caller, ctx, api_as, api=True)
    problems = run_stateless(API_STATELESS[route], caller, client, ctx, f"api {route} by {caller}")
    assert not problems, "\n".join(problems)
