"""Shared admin pieces: a paginator that does not count big tables, role-aware permissions, and the
intermediate page (form + what will change) that wide or destructive bulk actions go through."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.paginator import Paginator
from django.db import connections, models
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import cached_property

from claims.services.bulk import BulkResult
from claims.services.errors import DomainError
from claims.services.roles import is_editor, is_reviewer

PREVIEW_ROWS = 50
# Below this many rows an exact COUNT(*) is cheap enough to keep.
ESTIMATE_ABOVE = 50_000


class EstimatedCountPaginator(Paginator):
    """An unfiltered changelist of a big PostgreSQL table uses the planner's row estimate, not COUNT(*)."""

    @cached_property
    def count(self) -> int:  # type: ignore[override]
        qs = self.object_list
        if isinstance(qs, QuerySet) and not qs.query.where:
            connection = connections[qs.db]
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute(
                        "SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass", [qs.model._meta.db_table]
                    )
                    row = cursor.fetchone()
                if row and row[0] > ESTIMATE_ABOVE:
                    return int(row[0])
        return super().count


# Typed URLs without a scheme are https (the Django 6 default), for every URL field of the admin.
URL_FIELD_OVERRIDES = {models.URLField: {"assume_scheme": "https"}}


class BigTableAdmin(admin.ModelAdmin):
    """For tables that grow without bound: no full count, cheap pagination."""

    formfield_overrides = URL_FIELD_OVERRIDES
    show_full_result_count = False
    paginator = EstimatedCountPaginator
    list_per_page = 100


class RoleActionsMixin:
    """Action permissions that combine the Django model permission with the workflow role."""

    def has_workflow_permission(self, request: HttpRequest) -> bool:
        opts = self.opts  # type: ignore[attr-defined]
        return request.user.has_perm(f"{opts.app_label}.change_{opts.model_name}") and is_reviewer(request.user)

    def has_editor_permission(self, request: HttpRequest) -> bool:
        opts = self.opts  # type: ignore[attr-defined]
        return request.user.has_perm(f"{opts.app_label}.change_{opts.model_name}") and is_editor(request.user)

    def has_export_permission(self, request: HttpRequest) -> bool:
        return self.has_view_permission(request)  # type: ignore[attr-defined]


def report(modeladmin: admin.ModelAdmin, request: HttpRequest, message: str, result: BulkResult) -> None:
    """The one-line outcome of a bulk action: how many changed, and why the others did not."""
    level = messages.SUCCESS if result.changed or not result.refused else messages.WARNING
    modeladmin.message_user(request, message + result.refusals(), level)


def confirm_step(
    modeladmin: admin.ModelAdmin,
    request: HttpRequest,
    queryset: QuerySet,
    *,
    title: str,
    form_class: type[forms.Form] | None = None,
    form_kwargs: dict[str, Any] | None = None,
    summary: Callable[[QuerySet, forms.Form | None], list[str]] | None = None,
    apply: Callable[[dict[str, Any]], None],
    danger: bool = False,
) -> HttpResponse | None:
    """Show what will change (and a form) first; run `apply` only on the confirming POST.

    Returns None after applying (the admin redirects back to the changelist) or the page to show.
    Domain errors (wrong role, bad input) come back as an error message, never a 500.
    """
    form_kwargs = form_kwargs or {}
    form: forms.Form | None = None
    if "apply" in request.POST:
        form = form_class(request.POST, **form_kwargs) if form_class else None
        if form is None or form.is_valid():
            try:
                apply(form.cleaned_data if form is not None else {})
            except DomainError as exc:
                modeladmin.message_user(request, exc.message, messages.ERROR)
            return None
    elif form_class is not None:
        form = form_class(**form_kwargs)
    total = queryset.count()
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": title,
        "opts": modeladmin.opts,
        "form": form,
        "total": total,
        "preview": list(queryset[:PREVIEW_ROWS]),
        "more": max(0, total - PREVIEW_ROWS),
        "summary": summary(queryset, form) if summary else [],
        "action": request.POST.get("action", ""),
        "selected": request.POST.getlist(helpers.ACTION_CHECKBOX_NAME),
        "select_across": request.POST.get("select_across", "0"),
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "danger": danger,
    }
    return TemplateResponse(request, "admin/claims/bulk_confirm.html", context)


def selected_ids(queryset: QuerySet) -> list[int]:
    return list(queryset.order_by().values_list("pk", flat=True))


class ReadOnlyMixin:
    """Rows that are a record (audit history, verdict history): nobody adds, edits or deletes them
    in the admin, not even a superuser; they change only through the services."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


def download(content: Any, *, stem: str, extension: str, content_type: str) -> HttpResponse:
    """An export as a dated attachment; an iterator of chunks is streamed, a string sent at once."""
    response: HttpResponse = (
        HttpResponse(content, content_type=content_type) if isinstance(content, str | bytes)
        else StreamingHttpResponse(content, content_type=content_type)  # type: ignore[assignment]
    )
    response["Content-Disposition"] = f'attachment; filename="{stem}-{timezone.now():%Y%m%d-%H%M}.{extension}"'
    return response
