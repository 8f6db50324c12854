"""Articles: re-extract and export in bulk; the claims of an article inline."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import Count, QuerySet
from django.http import HttpRequest, HttpResponse

from claims.admin.base import BigTableAdmin, RoleActionsMixin, confirm_step, download, report, selected_ids
from claims.models import Article, Channel, Claim
from claims.services import bulk
from claims.services.articles import EDITABLE_ARTICLE_FIELDS, article_update
from claims.services.errors import DomainError


class ClaimInline(admin.TabularInline):
    model = Claim
    fk_name = "article"
    fields = ("text", "status", "checkworthiness", "kind", "assignee", "start", "end")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True
    ordering = ("start",)

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).select_related("assignee").defer(
            "quote", "checkworthiness_reasons", "entities", "quantities", "dates"
        )


def _status_summary(queryset: QuerySet, form: Any) -> list[str]:
    counts = queryset.order_by().values_list("extraction_status").annotate(n=Count("pk"))
    return [
        f"{n} {status}: " + ("left alone, extraction running" if status == "running" else "queued for extraction again")
        for status, n in sorted(counts)
    ]


@admin.register(Article)
class ArticleAdmin(RoleActionsMixin, BigTableAdmin):
    list_display = ("id", "__str__", "publisher", "language", "extraction_status", "published_at", "created_at")
    list_filter = ("extraction_status", "language", "created_at")
    search_fields = ("title", "url", "publisher", "=id")
    readonly_fields = ("content_hash", "extraction_status", "extraction_error", "extraction_job",
                       "extraction_started_at", "extracted_at", "submitted_by", "created_at", "updated_at")
    raw_id_fields = ("submitted_by",)
    inlines = (ClaimInline,)
    ordering = ("-id",)
    actions = ("reextract", "export_csv")

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        qs = super().get_queryset(request)
        # The changelist never shows the text; the change form needs it.
        return qs.defer("text", "html") if request.resolver_match and request.resolver_match.url_name.endswith(
            "changelist") else qs

    # Claim offsets point into the text: it never changes here. New articles come in through
    # article_ingest (API, review UI, `manage.py ingest`), which cleans, dedupes and queues extraction.
    readonly_fields = (*readonly_fields, "text", "html")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: Article, form: Any, change: bool) -> None:
        """Through the article service (editor only, audited per field), never a raw save."""
        changes = {f: form.cleaned_data[f] for f in form.changed_data if f in EDITABLE_ARTICLE_FIELDS}
        if changes:
            try:
                article_update(article=obj.pk, actor=request.user, changes=changes, channel=Channel.ADMIN)
            except DomainError as exc:
                self.message_user(request, exc.message, messages.ERROR)

    @admin.action(description="Re-extract claims…", permissions=["editor"])
    def reextract(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
        def apply(data: dict[str, Any]) -> None:
            result = bulk.articles_bulk_reextract(article_ids=selected_ids(queryset), actor=request.user)
            report(self, request, f"{result.changed} articles queued for extraction", result)

        return confirm_step(self, request, queryset, title="Re-extract articles", summary=_status_summary,
                            danger=True, apply=apply)

    @admin.action(description="Export as CSV", permissions=["export"])
    def export_csv(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse:
        return download(bulk.articles_export_csv(article_ids=selected_ids(queryset)), stem="articles",
                        extension="csv", content_type="text/csv; charset=utf-8")
