"""Claims in the admin: the changelist is the power tool for large changes (DESIGN.md §1).

Every action is a few lines that call one service in claims.services.bulk; the service applies
the workflow's rules and writes audit events and webhooks. Wide or destructive actions go through
the confirmation page of claims.admin.base.confirm_step first.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import Count, QuerySet
from django.http import HttpRequest, HttpResponse
from import_export.admin import ImportExportMixin

from claims.admin.base import BigTableAdmin, RoleActionsMixin, confirm_step, download, report, selected_ids
from claims.admin.resources import IMPORT_FORMATS, ClaimResource
from claims.models import (
    AuditEvent,
    Channel,
    Claim,
    ClaimKind,
    ClaimStatus,
    Comment,
    Evidence,
    Rating,
    Verdict,
)
from claims.services import bulk, rules, workflow
from claims.services.claims_manual import claim_create
from claims.services.errors import DomainError
from claims.services.roles import is_editor, is_reviewer, team_members

User = get_user_model()
HEAVY_CLAIM_FIELDS = ("quote", "checkworthiness_reasons", "entities", "quantities", "dates", "status_reason")


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class EvidenceInline(ReadOnlyInline):
    model = Evidence
    fields = ("provider", "title", "url", "stance", "relevance", "match_tier", "retrieved_at")
    readonly_fields = fields


class CommentInline(ReadOnlyInline):
    model = Comment
    fields = ("created_at", "author", "body")
    readonly_fields = fields


class VerdictInline(ReadOnlyInline):
    model = Verdict
    fk_name = "claim"
    fields = ("status", "rating", "summary", "author", "approver", "published_at")
    readonly_fields = fields


class AuditInline(ReadOnlyInline):
    """The claim's history, newest first: the latest 30 events (the audit admin has the rest)."""

    model = AuditEvent
    fk_name = "claim"
    fields = ("created_at", "action", "actor", "channel", "before", "after")
    readonly_fields = fields
    show_change_link = False
    verbose_name_plural = "history (latest 30)"

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @staticmethod
    def latest_for(claim: Claim | None) -> QuerySet:
        latest = AuditEvent.objects.filter(claim=claim).order_by("-created_at", "-id").values("pk")[:30]
        return AuditEvent.objects.filter(pk__in=latest).select_related("actor").order_by("-created_at", "-id")


class AssigneeFilter(admin.SimpleListFilter):
    """Reviewers only, without scanning the claims table for distinct assignees."""

    title = "assignee"
    parameter_name = "assignee"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        people = reviewers().values_list("pk", "username")
        return [("none", "— nobody —"), *((str(pk), name) for pk, name in people)]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() == "none":
            return queryset.filter(assignee__isnull=True)
        if self.value():
            return queryset.filter(assignee_id=self.value())
        return queryset


def reviewers() -> QuerySet:
    return team_members()


# --- the forms of the confirmation pages --------------------------------------------------------


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(
        queryset=User.objects.none(), required=False, empty_label="— nobody (unassign) —"
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = reviewers()  # type: ignore[attr-defined]


class CommentForm(forms.Form):
    comment = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text="Needed to dismiss, send back or correct; kept as a comment on each claim.",
    )


class DismissForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}), help_text="Why these claims are not worth checking."
    )


class RatingForm(forms.Form):
    rating = forms.ModelChoiceField(
        queryset=Rating.objects.filter(is_active=True), required=False, empty_label="— clear the rating —"
    )


class DuplicateForm(forms.Form):
    original = forms.IntegerField(label="Original claim id", min_value=1)

    def clean_original(self) -> Claim:
        claim = Claim.objects.filter(pk=self.cleaned_data["original"]).only("pk", "text", "duplicate_of").first()
        if claim is None:
            raise forms.ValidationError("There is no claim with this id.")
        return claim


# --- actions --------------------------------------------------------------------------------------


def _status_summary(to: str, actor: Any) -> Callable[[QuerySet, forms.Form | None], list[str]]:
    """Per current status: how many claims will move, and why the others will not."""

    def summary(queryset: QuerySet, form: forms.Form | None) -> list[str]:
        target = rules.status_words(to)
        lines = []
        counts = queryset.order_by().values_list("status").annotate(n=Count("pk"))
        for status, n in sorted(counts):
            label = rules.status_words(status)
            refusal = rules.transition_refusal(status, to, actor=actor, comment="")
            with_comment = rules.transition_refusal(status, to, actor=actor, comment="x")
            if refusal is None or with_comment is None:
                note = " if you write a comment" if refusal else ""
                checks = " (each checked against its verdict)" if (status, to) in rules.VERDICT_MOVES else ""
                lines.append(f"{n} {label} → {target}{note}{checks}")
            else:
                lines.append(f"{n} {label} stay: {refusal.reason}")
        return lines

    return summary


def _transition_action(to: str) -> Callable[..., HttpResponse | None]:
    label = rules.status_words(to)

    def action(modeladmin: ClaimAdmin, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
        def apply(data: dict[str, Any]) -> None:
            result = bulk.claims_bulk_transition(
                claim_ids=selected_ids(queryset), to=to, actor=request.user, comment=data.get("comment", "")
            )
            report(modeladmin, request, f"{result.changed} claims moved to {label}", result)

        return confirm_step(
            modeladmin, request, queryset, title=f"Move claims to {label}", form_class=CommentForm,
            summary=_status_summary(to, request.user), apply=apply,
        )

    action.__name__ = f"move_to_{to}"
    return admin.action(description=f"Move to {label}…", permissions=["workflow"])(action)


TRANSITION_TARGETS = (
    ClaimStatus.NEW, ClaimStatus.SELECTED, ClaimStatus.IN_PROGRESS, ClaimStatus.IN_REVIEW, ClaimStatus.PUBLISHED,
)


class ClaimForm(forms.ModelForm):
    class Meta:
        model = Claim
        fields = ("text", "claimant", "kind", "language", "article", "start", "end")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        article, start, end = data.get("article"), data.get("start"), data.get("end")
        if self.instance.pk is None and article is not None and start is not None and end is not None:
            # The quote is the article's text at the offsets, never typed in (Claim.clean checks the rest).
            self.instance.quote = article.text[start:end]
        return data

    def _update_errors(self, errors: ValidationError) -> None:
        # Claim.clean() reports offset problems on `quote`, which this form derives rather than shows.
        if hasattr(errors, "error_dict") and "quote" in errors.error_dict:
            errors.error_dict.setdefault(NON_FIELD_ERRORS, []).extend(errors.error_dict.pop("quote"))
        super()._update_errors(errors)


@admin.register(Claim)
class ClaimAdmin(RoleActionsMixin, ImportExportMixin, BigTableAdmin):
    form = ClaimForm
    resource_classes = [ClaimResource]
    formats = IMPORT_FORMATS
    list_display = (
        "id", "short_text", "status", "kind", "checkworthiness", "language", "assignee", "article_title",
        "evidence_count", "updated_at",
    )
    list_display_links = ("id", "short_text")
    list_filter = ("status", AssigneeFilter, "kind", "language", "has_strong_match", "created_at")
    search_fields = ("text", "claimant", "=id")
    list_select_related = ("assignee", "article")
    raw_id_fields = ("article", "duplicate_of")
    autocomplete_fields = ("assignee",)
    # Workflow fields change through bulk actions (services), never by typing into the form.
    readonly_fields = ("quote", "checkworthiness", "status", "status_reason", "assignee", "duplicate_of", "version",
                       "touched", "created_by", "created_at", "updated_at")
    inlines = (VerdictInline, EvidenceInline, CommentInline, AuditInline)
    ordering = ("-id",)
    actions = (
        "assign", *(_transition_action(to) for to in TRANSITION_TARGETS), "dismiss", "set_rating",
        "mark_duplicate", "rerun_evidence", "export_csv", "export_claimreview",
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        # Lists show a line of each claim: leave the heavy columns (and the article's text) in the table.
        return super().get_queryset(request).defer(*HEAVY_CLAIM_FIELDS, "article__text", "article__html")

    def get_formset_kwargs(self, request: HttpRequest, obj: Any, inline: Any, prefix: str) -> dict[str, Any]:
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if isinstance(inline, AuditInline):
            # A claim edited for years has thousands of events: the page shows the latest.
            kwargs["queryset"] = AuditInline.latest_for(obj if obj is not None and obj.pk else None)
        return kwargs

    def get_readonly_fields(self, request: HttpRequest, obj: Claim | None = None) -> tuple[str, ...]:
        # Offsets belong to the article: fixed once the claim exists. A claim under review or
        # published shows its fields read-only: the rulebook would refuse the edit.
        if obj is not None and rules.edit_refusal(obj.status, actor=request.user) is not None:
            return (*self.readonly_fields, *ClaimForm.Meta.fields)
        extra = ("article", "start", "end") if obj is not None else ()
        return (*self.readonly_fields, *extra)

    @admin.display(description="claim", ordering="text")
    def short_text(self, obj: Claim) -> str:
        return obj.text[:90] + ("…" if len(obj.text) > 90 else "")

    @admin.display(description="article", ordering="article__title")
    def article_title(self, obj: Claim) -> str:
        return obj.article.title[:50] if obj.article_id else "—"

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_change_permission(request, obj) and is_reviewer(request.user)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return super().has_add_permission(request) and is_reviewer(request.user)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Deleting a claim would take its audit history with it: dismiss or mark it duplicate instead.
        return False

    def has_import_permission(self, request: HttpRequest) -> bool:
        return self.has_add_permission(request) and is_editor(request.user)

    def get_import_data_kwargs(self, **kwargs: Any) -> dict[str, Any]:
        # All or nothing: a row failing validation rolls the whole file back, not just that row.
        return {**super().get_import_data_kwargs(**kwargs), "rollback_on_validation_errors": True}

    def save_model(self, request: HttpRequest, obj: Claim, form: forms.ModelForm, change: bool) -> None:
        """Edits go through workflow.claim_update, new claims through claim_create (both audit)."""
        if change:
            changes = {f: form.cleaned_data[f] for f in form.changed_data if f in workflow.EDITABLE_CLAIM_FIELDS}
            if changes:
                try:
                    workflow.claim_update(claim=obj.pk, actor=request.user, changes=changes, channel=Channel.ADMIN)
                except DomainError as exc:
                    self.message_user(request, exc.message, messages.ERROR)
            return
        data = form.cleaned_data
        claim = claim_create(text=data["text"], actor=request.user, article=data.get("article"),
                             start=data.get("start"), end=data.get("end"), language=data.get("language", ""),
                             claimant=data.get("claimant") or "", kind=data.get("kind") or ClaimKind.OTHER,
                             channel=Channel.ADMIN)
        obj.pk = claim.pk  # the admin redirects to the row the service created
        obj._state.adding = False

    # --- bulk actions: each calls one service ---

    @admin.action(description="Assign to a reviewer…", permissions=["editor"])
    def assign(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
        def apply(data: dict[str, Any]) -> None:
            result = bulk.claims_bulk_assign(claim_ids=selected_ids(queryset), assignee=data["assignee"],
                                             actor=request.user)
            report(self, request, f"{result.changed} claims assigned to {data['assignee'] or 'nobody'}", result)

        return confirm_step(self, request, queryset, title="Assign claims", form_class=AssignForm, apply=apply)

    @admin.action(description="Dismiss with a reason…", permissions=["workflow"])
    def dismiss(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
        def apply(data: dict[str, Any]) -> None:
            result = bulk.claims_bulk_dismiss(claim_ids=selected_ids(queryset), reason=data["reason"],
                                              actor=request.user)
            report(self, request, f"{result.changed} claims dismissed", result)

        return confirm_step(self, request, queryset, title="Dismiss claims", form_class=DismissForm, danger=True,
                            summary=_status_summary(ClaimStatus.DISMISSED, request.user), apply=apply)

    @admin.action(description="Set or clear the rating of draft verdicts…", permissions=["workflow"])
    def set_rating(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
        def apply(data: dict[str, Any]) -> None:
            result = bulk.claims_bulk_set_rating(claim_ids=selected_ids(queryset), rating=data["rating"],
                                                 actor=request.user)
            report(self, request, f"{result.changed} claims had their draft rating set to "
                                  f"{data['rating'] or 'none'}", result)

        return confirm_step(self, request, queryset, title="Set the draft verdicts' rating", form_class=RatingForm,
                            apply=apply)

    @admin.action(description="Mark as duplicates of a claim…", permissions=["workflow"])
    def mark_duplicate(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
        def apply(data: dict[str, Any]) -> None:
            result = bulk.claims_bulk_mark_duplicate(claim_ids=selected_ids(queryset), original=data["original"],
                                                     actor=request.user)
            report(self, request, f"{result.changed} claims marked as duplicates of #{data['original'].pk}", result)

        return confirm_step(self, request, queryset, title="Mark claims as duplicates", form_class=DuplicateForm,
                            danger=True, apply=apply)

    @admin.action(description="Re-run evidence providers…", permissions=["workflow"])
    def rerun_evidence(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
        def apply(data: dict[str, Any]) -> None:
            result = bulk.claims_bulk_gather_evidence(claim_ids=selected_ids(queryset), actor=request.user)
            report(self, request, f"{result.changed} claims queued for evidence", result)

        return confirm_step(self, request, queryset, title="Re-run evidence providers", apply=apply)

    @admin.action(description="Export as CSV", permissions=["export"])
    def export_csv(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse:
        return download(bulk.claims_export_csv(claim_ids=selected_ids(queryset)), stem="claims",
                        extension="csv", content_type="text/csv; charset=utf-8")

    @admin.action(description="Export as ClaimReview JSON-LD", permissions=["export"])
    def export_claimreview(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse:
        items = bulk.claims_export_claimreview(claim_ids=selected_ids(queryset))
        return download(json.dumps(items, ensure_ascii=False, indent=2), stem="claimreview", extension="jsonld",
                        content_type="application/ld+json; charset=utf-8")
