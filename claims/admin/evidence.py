"""Evidence, evidence runs, prior fact-checks and the newsroom library."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from import_export.admin import ImportExportMixin

from claims.admin.base import (
    BigTableAdmin,
    ReadOnlyMixin,
    RoleActionsMixin,
    confirm_step,
    report,
    selected_ids,
)
from claims.admin.resources import IMPORT_FORMATS, PriorFactCheckResource
from claims.claimreview_import import nesting_problem
from claims.models import (
    Channel,
    Evidence,
    EvidenceRun,
    LibraryDocument,
    LibraryPassage,
    PriorFactCheck,
    PriorTerm,
    Stance,
)
from claims.services import bulk
from claims.services.errors import DomainError
from claims.services.library import LIBRARY_EDITABLE_FIELDS, library_document_add, library_document_update
from claims.services.priors import priors_import, priors_reindex
from claims.services.roles import is_editor

MAX_UPLOAD_BYTES = 20 * 1024 * 1024


class StanceForm(forms.Form):
    stance = forms.ChoiceField(choices=Stance.choices)


@admin.register(Evidence)
class EvidenceAdmin(RoleActionsMixin, BigTableAdmin):
    list_display = ("id", "claim_id", "provider", "title", "publisher", "stance", "relevance", "match_tier",
                    "retrieved_at")
    list_filter = ("provider", "stance", "match_tier", "retrieved_at")
    search_fields = ("title", "url", "publisher", "=claim__id")
    raw_id_fields = ("claim", "prior_factcheck", "stance_by", "added_by")
    readonly_fields = ("retrieved_at", "content_hash", "stance_by", "stance_at")
    ordering = ("-id",)
    actions = ("set_stance",)

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).defer("excerpt", "note")

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Stances change through the bulk action (audited); rows are otherwise the providers'.
        return False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.action(description="Set the stance…", permissions=["workflow"])
    def set_stance(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
        def apply(data: dict[str, Any]) -> None:
            result = bulk.evidence_bulk_set_stance(evidence_ids=selected_ids(queryset), stance=data["stance"],
                                                   actor=request.user)
            report(self, request, f"{result.changed} evidence items set to {data['stance']}", result)

        return confirm_step(self, request, queryset, title="Set the stance of evidence", form_class=StanceForm,
                            apply=apply)


@admin.register(EvidenceRun)
class EvidenceRunAdmin(BigTableAdmin):
    list_display = ("id", "claim_id", "provider", "status", "attempts", "found_count", "duration_ms", "queued_at",
                    "finished_at")
    list_filter = ("status", "provider")
    search_fields = ("=claim__id", "error")
    raw_id_fields = ("claim",)
    ordering = ("-id",)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # runs are the workers' record

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


class ClaimReviewUploadForm(forms.Form):
    file = forms.FileField(help_text="ClaimReview JSON-LD: one object, a list, a DataFeed, or JSON lines.")

    def clean_file(self) -> str:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(f"The file is larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB.")
        try:
            text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise forms.ValidationError("The file is not UTF-8 text.") from exc
        if problem := nesting_problem(text):  # hostile as a whole: say so here, import nothing
            raise forms.ValidationError(f"The file cannot be read: {problem}.")
        return text


@admin.register(PriorTerm)
class PriorTermAdmin(ReadOnlyMixin, BigTableAdmin):
    """The matcher's BM25 postings, read-only: which terms a fact-check is found by (claims.services.priors)."""

    list_display = ("term", "prior", "tf", "dl")
    search_fields = ("=term",)
    raw_id_fields = ("prior",)
    ordering = ("term", "prior")


@admin.register(PriorFactCheck)
class PriorFactCheckAdmin(RoleActionsMixin, ImportExportMixin, BigTableAdmin):
    resource_classes = [PriorFactCheckResource]
    formats = IMPORT_FORMATS
    change_list_template = "admin/claims/priorfactcheck/change_list.html"
    list_display = ("id", "short_claim", "rating_text", "rating_value", "publisher", "language", "review_date",
                    "source")
    list_filter = ("language", "source", "review_date")
    search_fields = ("claim_reviewed", "url", "publisher", "claimant")
    readonly_fields = ("raw", "imported_at")
    ordering = ("-id",)

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).defer("raw")

    @admin.display(description="claim reviewed", ordering="claim_reviewed")
    def short_claim(self, obj: PriorFactCheck) -> str:
        return obj.claim_reviewed[:90]

    def has_import_permission(self, request: HttpRequest) -> bool:
        return self.has_add_permission(request) and is_editor(request.user)

    def save_model(self, request: HttpRequest, obj: PriorFactCheck, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        priors_reindex(ids=[obj.pk])  # an edited claim is matched by its new wording

    def get_import_data_kwargs(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_import_data_kwargs(**kwargs), "rollback_on_validation_errors": True}

    def get_urls(self) -> list[URLPattern]:
        return [
            path("import-claimreview/", self.admin_site.admin_view(self.import_claimreview),
                 name="claims_priorfactcheck_import_claimreview"),
            *super().get_urls(),
        ]

    def import_claimreview(self, request: HttpRequest) -> HttpResponse:
        """Upload ClaimReview markup; the priors service parses, validates and stores it."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        form = ClaimReviewUploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            try:
                report = priors_import(payload_or_text=form.cleaned_data["file"], source="import")
            except (DomainError, ValueError) as exc:
                form.add_error("file", getattr(exc, "message", str(exc)))
            else:
                level = messages.WARNING if report.rejected else messages.SUCCESS
                rejected = "".join(f"; row {index}: {reason}" for index, reason in report.rejected[:10])
                self.message_user(request, f"ClaimReview import: {report.summary()}{rejected}", level)
                return HttpResponseRedirect(reverse("admin:claims_priorfactcheck_changelist"))
        context = {**self.admin_site.each_context(request), "opts": self.opts, "form": form,
                   "title": "Import ClaimReview markup"}
        return TemplateResponse(request, "admin/claims/priorfactcheck/import_claimreview.html", context)


class PassageInline(admin.TabularInline):
    model = LibraryPassage
    fields = ("position", "text", "start", "end")
    readonly_fields = fields
    extra = 0
    can_delete = False
    max_num = 0


@admin.register(LibraryDocument)
class LibraryDocumentAdmin(admin.ModelAdmin):
    """Adding a document goes through library_document_add (passages cut, duplicates recognised,
    audited); afterwards only its description changes, through library_document_update."""

    list_display = ("id", "title", "publisher", "language", "published_at", "created_at")
    list_filter = ("language", "publisher")
    search_fields = ("title", "publisher", "source_url")
    fields = ("title", "text", "source_url", "publisher", "language", "published_at", "content_hash",
              "uploaded_by", "created_at")
    readonly_fields = ("content_hash", "uploaded_by", "created_at")
    inlines = (PassageInline,)
    show_full_result_count = False

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).defer("text")

    def get_readonly_fields(self, request: HttpRequest, obj: LibraryDocument | None = None) -> tuple[str, ...]:
        return (*self.readonly_fields, "text") if obj is not None else self.readonly_fields

    def save_model(self, request: HttpRequest, obj: LibraryDocument, form: Any, change: bool) -> None:
        data = form.cleaned_data
        try:
            if change:
                changes = {f: data[f] for f in form.changed_data if f in LIBRARY_EDITABLE_FIELDS}
                if changes:
                    library_document_update(document=obj, actor=request.user, changes=changes,
                                            channel=Channel.ADMIN)
                return
            document, created = library_document_add(
                title=data.get("title", ""), text=data.get("text", ""), actor=request.user,
                source_url=data.get("source_url", ""), publisher=data.get("publisher", ""),
                language=data.get("language", ""), published_at=data.get("published_at"), channel=Channel.ADMIN,
            )
        except DomainError as exc:
            self.message_user(request, exc.message, messages.ERROR)
            return
        if not created:
            self.message_user(request, "The library already has this text: here is that document.",
                              messages.WARNING)
        obj.pk = document.pk  # the admin redirects to the row the service stored
        obj._state.adding = False


@admin.register(LibraryPassage)
class LibraryPassageAdmin(BigTableAdmin):
    list_display = ("id", "document", "position", "language", "start", "end")
    list_filter = ("language",)
    search_fields = ("text", "document__title")
    list_select_related = ("document",)
    raw_id_fields = ("document",)

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).defer("document__text")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # passages are cut from their document by the library service
