"""Sources (editors add, edit, pause and poll them) and alerts (triaged with the same service as
the inbox and the API)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from claims.admin.base import BigTableAdmin, RoleActionsMixin
from claims.models import Alert, AlertState, Channel, Source, SourceItem
from claims.services.alerts import alert_transition
from claims.services.errors import DomainError
from claims.services.sources import EDITABLE, source_add, source_update, sources_poll_now


class SourceForm(forms.ModelForm):
    class Meta:
        model = Source
        fields = ["url", "name", "language", "interval_minutes", "is_enabled"]
        widgets = {"url": forms.URLInput(attrs={"size": 80})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["url"].disabled = True  # a different URL is a different source

    def validate_unique(self) -> None:
        """The service has checked the URL (and, on add, already stored the source): a second check
        here would find that very row and refuse it."""

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        request_user = getattr(self, "user", None)
        try:  # the service's rules, checked before the admin saves anything
            if self.instance.pk is None:
                self.source = source_add(url=data.get("url", ""), name=data.get("name", ""),
                                         language=data.get("language", ""),
                                         interval_minutes=data.get("interval_minutes"),
                                         actor=request_user, channel=Channel.ADMIN)
            else:
                self.source = source_update(source=self.instance.pk, actor=request_user, channel=Channel.ADMIN,
                                            changes={k: data[k] for k in EDITABLE if k in data})
        except DomainError as exc:
            raise forms.ValidationError(exc.message, code=exc.code) from exc
        return data


@admin.register(Source)
class SourceAdmin(RoleActionsMixin, admin.ModelAdmin):
    form = SourceForm
    list_display = ["name", "url", "kind", "is_enabled", "poll_status", "last_status", "consecutive_failures",
                    "last_success_at", "next_poll_at", "items_seen", "short_error"]
    list_filter = ["is_enabled", "kind", "poll_status"]
    search_fields = ["name", "url"]
    actions = ["poll_now"]
    readonly_fields = ["kind", "poll_status", "last_polled_at", "last_success_at", "last_status", "last_error",
                       "last_error_at", "consecutive_failures", "next_poll_at", "items_seen", "created_at"]

    @admin.display(description="Last error")
    def short_error(self, obj: Source) -> str:
        return obj.last_error[:80]

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        form = super().get_form(request, obj, change=change, **kwargs)
        form.user = request.user  # the service checks the role and records the actor
        return form

    def save_model(self, request: HttpRequest, obj: Source, form: Any, change: bool) -> None:
        obj.pk = form.source.pk  # saved by the service in the form's clean(); nothing to save twice
        obj.refresh_from_db()

    def has_add_permission(self, request: HttpRequest) -> bool:
        return self.has_editor_permission(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self.has_editor_permission(request)

    @admin.action(description="Poll now", permissions=["change"])
    def poll_now(self, request: HttpRequest, queryset: QuerySet) -> None:
        ids = sources_poll_now(source_ids=list(queryset.values_list("pk", flat=True)), actor=request.user,
                               channel=Channel.ADMIN)
        self.message_user(request, f"{len(ids)} sources queued for polling")


@admin.register(SourceItem)
class SourceItemAdmin(BigTableAdmin):
    list_display = ["title", "source", "status", "origin", "published_at", "article", "error"]
    list_filter = ["status", "origin", "source"]
    search_fields = ["title", "url"]
    list_select_related = ["source", "article"]
    raw_id_fields = ["article"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Alert)
class AlertAdmin(RoleActionsMixin, BigTableAdmin):
    list_display = ["id", "created_at", "tier", "score", "state", "source", "claim_text", "reason"]
    list_filter = ["state", "tier", "source"]
    list_select_related = ["claim", "source"]
    search_fields = ["claim__text"]
    raw_id_fields = ["claim", "prior_factcheck", "verdict"]
    actions = ["acknowledge", "dismiss_not_same", "open_claims"]

    @admin.display(description="Claim")
    def claim_text(self, obj: Alert) -> str:
        return obj.claim.text[:100]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # state changes go through the actions (the service), never the form

    def _apply(self, request: HttpRequest, queryset: QuerySet, to: str, reason: str, label: str) -> None:
        done, refused = 0, []
        for pk in queryset.values_list("pk", flat=True):
            try:
                alert_transition(alert=pk, to=to, reason=reason, actor=request.user, channel=Channel.ADMIN)
                done += 1
            except DomainError as exc:
                refused.append(f"#{pk}: {exc.message}")
        level = messages.SUCCESS if not refused else messages.WARNING
        self.message_user(request, f"{done} alerts {label}" + (f"; not changed: {'; '.join(refused[:5])}"
                                                                if refused else ""), level)

    @admin.action(description="Acknowledge", permissions=["workflow"])
    def acknowledge(self, request: HttpRequest, queryset: QuerySet) -> None:
        self._apply(request, queryset, AlertState.ACKNOWLEDGED, "", "acknowledged")

    @admin.action(description="Dismiss: not the same claim", permissions=["workflow"])
    def dismiss_not_same(self, request: HttpRequest, queryset: QuerySet) -> None:
        self._apply(request, queryset, AlertState.DISMISSED, "Not the same claim", "dismissed")

    @admin.action(description="Open the claims for checking", permissions=["workflow"])
    def open_claims(self, request: HttpRequest, queryset: QuerySet) -> None:
        self._apply(request, queryset, AlertState.OPENED, "", "opened")
