"""Reviewer web interface: the actions (POST). Each validates a small form, calls one service and
redirects (303) back to the page; a refusal re-renders the page with a clear message and a 4xx
status (409 invalid transition, 403 not allowed, 412 changed since you opened it, 400 bad input)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from claims.models import Article, Channel, Claim, ClaimStatus, Evidence
from claims.review import forms as f
from claims.review import structured
from claims.review.views import (
    TRANSITION_LABELS,
    NotFound,
    article_context,
    claim_context,
    conflict_context,
    error_message,
    reviewer_required,
)
from claims.services import review_actions, rules
from claims.services.bulk import claims_bulk_assign, claims_bulk_transition
from claims.services.candidates import candidate_pull_up
from claims.services.errors import DomainError, StaleVersion
from claims.services.evidence import evidence_add_url, evidence_run_retry, evidence_set_stance
from claims.services.workflow import (
    claim_assign,
    claim_mark_duplicate,
    claim_transition,
    claim_update,
    verdict_save,
)

STATUS_BAD_INPUT = 400


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _claim_refused(request: HttpRequest, claim_id: int, message: str, status: int, **extra: Any) -> HttpResponse:
    if _wants_json(request):
        return JsonResponse({"error": message}, status=status)
    context = claim_context(request, claim_id, error=message, posted=request.POST, **extra)
    return render(request, "review/claim.html", context, status=status)


def _back_to_claim(request: HttpRequest, claim_id: int, anchor: str = "") -> HttpResponse:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return _see_other(target)
    return _see_other(reverse("review:claim", args=[claim_id]) + anchor)


def _see_other(url: str) -> HttpResponse:
    response = HttpResponse(status=303)
    response["Location"] = url
    return response


def _run(
    request: HttpRequest, claim_id: int, form: forms.Form, call: Callable[[dict[str, Any]], Any],
    done: str | Callable[[], str], anchor: str = "", form_name: str = "",
) -> HttpResponse:
    """Validate, call the service, and map its refusal to a re-rendered page."""
    if not form.is_valid():
        return _claim_refused(request, claim_id, f.first_error(form), STATUS_BAD_INPUT, form_name=form_name)
    try:
        call(form.cleaned_data)
    except StaleVersion as exc:
        return _claim_refused(request, claim_id, _("Not saved: this claim was changed since you opened it."),
                              exc.http_status, form_name=form_name, **conflict_context(exc))
    except DomainError as exc:
        return _claim_refused(request, claim_id, error_message(exc), exc.http_status, form_name=form_name)
    if callable(done):
        done = done()
    if _wants_json(request):
        return JsonResponse({"ok": True, "message": done})
    messages.success(request, done)
    return _back_to_claim(request, claim_id, anchor)


def _claim(claim_id: int) -> Claim:
    claim = Claim.objects.filter(pk=claim_id).first()
    if claim is None:
        raise NotFound(_("There is no claim with this number."))
    return claim


@require_POST
@reviewer_required
def claim_edit(request: HttpRequest, claim_id: int) -> HttpResponse:
    claim = _claim(claim_id)
    form = f.ClaimEditForm(request.POST)

    def call(data: dict[str, Any]) -> None:
        changes = {k: data[k] for k in ("text", "claimant", "kind", "language")}
        claim_update(claim=claim, actor=request.user, changes=changes, channel=Channel.UI,
                     expected_version=data["expected_version"])

    return _run(request, claim_id, form, call, _("Claim saved."), "#fields", form_name="edit")


@require_POST
@reviewer_required
def claim_item_view(request: HttpRequest, claim_id: int, kind: str) -> HttpResponse:
    """Add, change or remove one entity, quantity or date (claims.review.structured)."""
    if kind not in structured.KINDS:
        raise NotFound(_("There is no such field."))
    claim = _claim(claim_id)
    remove = "remove" in request.POST
    form_class = f.ItemForm if remove else f.ITEM_FORMS[kind]

    def call(data: dict[str, Any]) -> None:
        try:
            items = structured.item_apply(kind, getattr(claim, kind), data.get("index"), data, remove=remove)
        except IndexError:
            raise DomainError(_("This item is gone: reload the page."), code="stale_item") from None
        claim_update(claim=claim, actor=request.user, changes={kind: items}, channel=Channel.UI,
                     expected_version=data["expected_version"])

    done = _("Removed.") if remove else _("Saved.")
    return _run(request, claim_id, form_class(request.POST), call, done, f"#{kind}", form_name=f"item-{kind}")


@require_POST
@reviewer_required
def claim_transition_view(request: HttpRequest, claim_id: int) -> HttpResponse:
    claim = _claim(claim_id)

    def call(data: dict[str, Any]) -> None:
        claim_transition(claim=claim, to=data["to"], actor=request.user, comment=data["comment"],
                         channel=Channel.UI, expected_version=data["expected_version"])

    return _run(request, claim_id, f.TransitionForm(request.POST), call, _("Status changed."), form_name="workflow")


@require_POST
@reviewer_required
def claim_assign_view(request: HttpRequest, claim_id: int) -> HttpResponse:
    claim = _claim(claim_id)

    def call(data: dict[str, Any]) -> None:
        raw = data["assignee"]
        if raw == "me":
            assignee: Any = request.user
        elif raw:
            assignee = User.objects.filter(pk=int(raw) if raw.isdigit() else 0).first()
            if assignee is None:
                raise DomainError(_("No such person."), code="unknown_user")
        else:
            assignee = None
        claim_assign(claim=claim, assignee=assignee, actor=request.user, channel=Channel.UI,
                     expected_version=data["expected_version"])

    return _run(request, claim_id, f.AssignForm(request.POST), call, _("Assignment saved."))


@require_POST
@reviewer_required
def claim_duplicate_view(request: HttpRequest, claim_id: int) -> HttpResponse:
    claim = _claim(claim_id)

    def call(data: dict[str, Any]) -> None:
        original = Claim.objects.filter(pk=data["original"]).first()
        if original is None:
            raise DomainError(_("There is no claim number %(id)s.") % {"id": data["original"]}, code="unknown_claim")
        claim_mark_duplicate(claim=claim, original=original, actor=request.user, channel=Channel.UI,
                             expected_version=data["expected_version"])

    return _run(request, claim_id, f.DuplicateForm(request.POST), call, _("Marked as a duplicate."))


@require_POST
@reviewer_required
def verdict_save_view(request: HttpRequest, claim_id: int) -> HttpResponse:
    claim = _claim(claim_id)

    def call(data: dict[str, Any]) -> None:
        verdict_save(claim=claim, actor=request.user, rating=data["rating"], summary=data["summary"],
                     explanation=data["explanation"], sources=data["sources"], channel=Channel.UI,
                     expected_version=data["expected_version"])

    def done() -> str:
        # The page lands on the workflow card, where the next step is, and says which step it is.
        claim.refresh_from_db()
        steps = [to for to in rules.allowed_targets(claim, request.user) if to != ClaimStatus.DISMISSED]
        if not steps:
            return _("Verdict saved.")
        label = TRANSITION_LABELS.get((claim.status, steps[-1]), ClaimStatus(steps[-1]).label)
        return _("Verdict saved. Next step: “%(step)s”.") % {"step": label}

    return _run(request, claim_id, f.VerdictForm(request.POST), call, done, "#workflow", form_name="verdict")


@require_POST
@reviewer_required
def comment_add_view(request: HttpRequest, claim_id: int) -> HttpResponse:
    claim = _claim(claim_id)

    def call(data: dict[str, Any]) -> None:
        review_actions.comment_add(claim=claim, actor=request.user, body=data["body"], channel=Channel.UI)

    return _run(request, claim_id, f.CommentForm(request.POST), call, _("Comment added."), "#comments")


@require_POST
@reviewer_required
def evidence_stance_view(request: HttpRequest, evidence_id: int) -> HttpResponse:
    evidence = get_object_or_404(Evidence, pk=evidence_id)

    def call(data: dict[str, Any]) -> None:
        evidence_set_stance(evidence=evidence, stance=data["stance"], actor=request.user, note=data["note"],
                            channel=Channel.UI)

    return _run(request, evidence.claim_id, f.StanceForm(request.POST), call, _("Stance saved."),
                f"#evidence-{evidence.pk}")


@require_POST
@reviewer_required
def evidence_add_view(request: HttpRequest, claim_id: int) -> HttpResponse:
    claim = _claim(claim_id)

    def call(data: dict[str, Any]) -> None:
        evidence_add_url(claim=claim, url=data["url"], actor=request.user, channel=Channel.UI)

    return _run(request, claim_id, f.EvidenceUrlForm(request.POST), call,
                _("The page will be fetched; it appears in the evidence list when done."), "#evidence")


@require_POST
@reviewer_required
def evidence_retry_view(request: HttpRequest, claim_id: int, provider: str) -> HttpResponse:
    claim = _claim(claim_id)

    def call(data: dict[str, Any]) -> None:
        evidence_run_retry(claim=claim, provider=provider, actor=request.user, channel=Channel.UI)

    return _run(request, claim_id, forms.Form(request.POST), call, _("Provider run queued again."), "#runs")


# --- article page actions ---------------------------------------------------------------------


def _article_refused(request: HttpRequest, article_id: int, message: str, status: int) -> HttpResponse:
    if _wants_json(request):
        return JsonResponse({"error": message}, status=status)
    return render(request, "review/article.html", article_context(request, article_id, error=message), status=status)


@require_POST
@reviewer_required
def article_claim_create(request: HttpRequest, article_id: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=article_id)
    form = f.SelectionForm(request.POST, article_text=article.text)
    if not form.is_valid():
        return _article_refused(request, article_id, f.first_error(form), STATUS_BAD_INPUT)
    data = form.cleaned_data
    try:
        claim = review_actions.claim_create_from_selection(
            article=article, start=data["start"], end=data["end"], quote=data["quote"], text=data["text"],
            actor=request.user, channel=Channel.UI,
        )
    except DomainError as exc:
        return _article_refused(request, article_id, error_message(exc), exc.http_status)
    url = reverse("review:claim", args=[claim.pk])
    if _wants_json(request):
        return JsonResponse({"ok": True, "claim_id": claim.pk, "url": url}, status=201)
    messages.success(request, _("Claim created."))
    return _see_other(url)


class PullUpForm(forms.Form):
    start = forms.IntegerField(min_value=0)
    end = forms.IntegerField(min_value=0)


@require_POST
@reviewer_required
def article_candidate_pull_up(request: HttpRequest, article_id: int) -> HttpResponse:
    """A candidate the extractor ranked below the article's short list becomes a claim."""
    article = get_object_or_404(Article, pk=article_id)
    form = PullUpForm(request.POST)
    if not form.is_valid():
        return _article_refused(request, article_id, f.first_error(form), STATUS_BAD_INPUT)
    try:
        claim = candidate_pull_up(article=article, start=form.cleaned_data["start"], end=form.cleaned_data["end"],
                                  actor=request.user, channel=Channel.UI)
    except DomainError as exc:
        return _article_refused(request, article_id, error_message(exc), exc.http_status)
    messages.success(request, _("Candidate pulled up as a claim."))
    return _see_other(reverse("review:article", args=[article_id]) + f"#item-{claim.pk}")


@require_POST
@reviewer_required
def article_claim_split(request: HttpRequest, article_id: int, claim_id: int) -> HttpResponse:
    claim = get_object_or_404(Claim, pk=claim_id, article_id=article_id)
    form = f.SplitForm(request.POST)
    if not form.is_valid():
        return _article_refused(request, article_id, f.first_error(form), STATUS_BAD_INPUT)
    try:
        review_actions.claim_split(claim=claim, at=form.cleaned_data["at"], actor=request.user,
                                   expected_version=form.cleaned_data["expected_version"], channel=Channel.UI)
    except DomainError as exc:
        return _article_refused(request, article_id, error_message(exc), exc.http_status)
    messages.success(request, _("Claim split in two."))
    return _see_other(reverse("review:article", args=[article_id]))


@require_POST
@reviewer_required
def article_claim_merge(request: HttpRequest, article_id: int, claim_id: int) -> HttpResponse:
    claim = get_object_or_404(Claim, pk=claim_id, article_id=article_id)
    ids = list(Claim.objects.filter(article_id=article_id).exclude(pk=claim_id).values_list("pk", flat=True))
    form = f.MergeForm(request.POST, choices=ids)
    if not form.is_valid():
        return _article_refused(request, article_id, f.first_error(form), STATUS_BAD_INPUT)
    others = list(Claim.objects.filter(pk__in=form.cleaned_data["claims"]))
    try:
        review_actions.claim_merge(claim=claim, others=others, actor=request.user, channel=Channel.UI)
    except DomainError as exc:
        return _article_refused(request, article_id, error_message(exc), exc.http_status)
    messages.success(request, _("Claims merged."))
    return _see_other(reverse("review:article", args=[article_id]))


@require_POST
@reviewer_required
def article_claim_dismiss(request: HttpRequest, article_id: int, claim_id: int) -> HttpResponse:
    claim = get_object_or_404(Claim, pk=claim_id, article_id=article_id)
    reason = request.POST.get("comment", "")[:5000]
    try:
        claim_transition(claim=claim, to="dismissed", actor=request.user, comment=reason, channel=Channel.UI)
    except DomainError as exc:
        return _article_refused(request, article_id, error_message(exc), exc.http_status)
    messages.success(request, _("Claim dismissed."))
    return _see_other(reverse("review:article", args=[article_id]) + f"#claim-{claim_id}")


@require_POST
@reviewer_required
def claims_bulk(request: HttpRequest) -> HttpResponse:
    """The queue's selection (x): assign to me, or select for checking, in one bulk service call."""
    ids = [int(v) for v in request.POST.getlist("claims") if v.isdigit()][:500]
    action = request.POST.get("action", "")
    target = request.POST.get("next", "")
    if not target or not url_has_allowed_host_and_scheme(target, {request.get_host()}):
        target = reverse("review:queue")
    if not ids or action not in ("assign_me", "select"):
        messages.error(request, _("Select claims first (x), then choose an action."))
        return _see_other(target)
    try:
        if action == "assign_me":
            result = claims_bulk_assign(claim_ids=ids, assignee=request.user, actor=request.user, channel=Channel.UI)
        else:
            result = claims_bulk_transition(claim_ids=ids, to="selected", actor=request.user, channel=Channel.UI)
    except DomainError as exc:
        messages.error(request, error_message(exc))
        return _see_other(target)
    messages.success(request, _("%(n)s claims changed.") % {"n": result.changed})
    if result.refused:
        messages.warning(request, _("%(n)s left as they were.") % {"n": sum(result.refused.values())})
    return _see_other(target)
