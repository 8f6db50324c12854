"""Audit history (read-only), API clients (keys shown once), webhooks and their deliveries."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest

from claims.admin.base import BigTableAdmin, ReadOnlyMixin
from claims.models import API_SCOPES, WEBHOOK_EVENTS, ApiClient, AuditEvent, Channel, Webhook, WebhookDelivery
from claims.services import webhooks as webhook_service
from claims.services.api_keys import (
    api_client_create,
    api_client_may_act_as,
    api_client_revoke,
    api_client_update,
)
from claims.services.errors import DomainError


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyMixin, BigTableAdmin):
    list_display = ("created_at", "action", "object_type", "object_id", "claim_id", "actor", "channel")
    list_filter = ("channel", "object_type", "action", "created_at")
    search_fields = ("=object_id", "=claim__id", "action", "actor__username")
    list_select_related = ("actor",)
    raw_id_fields = ("claim", "actor")
    date_hierarchy = "created_at"
    ordering = ("-created_at", "-id")

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        qs = super().get_queryset(request)
        changelist = request.resolver_match is not None and request.resolver_match.url_name.endswith("changelist")
        return qs.defer("before", "after") if changelist else qs


class ApiClientForm(forms.ModelForm):
    scopes = forms.MultipleChoiceField(
        choices=[(s, s) for s in API_SCOPES], widget=forms.CheckboxSelectMultiple, required=True
    )
    actor: Any = None  # the person saving, set by ApiClientAdmin.get_form

    class Meta:
        model = ApiClient
        fields = ("name", "user", "scopes", "is_active")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        # The same rule the service applies, said on the form instead of after the save.
        owner = self.instance.user if self.instance.pk else data.get("user")
        changing_scopes = "scopes" in self.fields and set(data.get("scopes") or []) != set(self.instance.scopes or [])
        widening = not self.instance.pk or changing_scopes
        if owner is not None and widening and not api_client_may_act_as(actor=self.actor, user=owner):
            raise forms.ValidationError(
                "Only %(user)s or a superuser can create keys acting as %(user)s or change their scopes.",
                params={"user": owner.get_username()}, code="not_key_owner",
            )
        return data


@admin.register(ApiClient)
class ApiClientAdmin(admin.ModelAdmin):
    """Keys come from claims.services.api_keys (created, changed, revoked and audited there)."""

    form = ApiClientForm
    list_display = ("name", "prefix", "user", "scopes", "is_active", "created_at", "last_used_at", "revoked_at")
    list_filter = ("is_active",)
    search_fields = ("name", "prefix", "user__username")
    autocomplete_fields = ("user",)
    readonly_fields = ("prefix", "created_at", "last_used_at", "revoked_at")
    list_select_related = ("user",)
    actions = ("revoke",)

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        form = super().get_form(request, obj, change=change, **kwargs)
        return type(form.__name__, (form,), {"actor": request.user})

    def get_autocomplete_fields(self, request: HttpRequest) -> tuple[str, ...]:
        # Only a superuser chooses whom a key acts as; anyone else creates keys for themselves.
        return self.autocomplete_fields if request.user.is_superuser else ()

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "user" and not request.user.is_superuser:
            kwargs["queryset"] = get_user_model().objects.filter(pk=request.user.pk)
            kwargs["initial"] = request.user.pk
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_readonly_fields(self, request: HttpRequest, obj: ApiClient | None = None) -> tuple[str, ...]:
        if obj is None:
            return self.readonly_fields
        # A key belongs to one account for life; revoke it and create another to move it.
        fixed = (*self.readonly_fields, "user", "is_active")
        return fixed if api_client_may_act_as(actor=request.user, user=obj.user) else (*fixed, "scopes")

    def save_model(self, request: HttpRequest, obj: ApiClient, form: forms.ModelForm, change: bool) -> None:
        """A new client gets a key from the service: only its hash is stored, the key is shown this once."""
        data = form.cleaned_data
        try:
            if change:
                api_client_update(client=obj, name=data["name"], scopes=data.get("scopes", obj.scopes),
                                  actor=request.user, channel=Channel.ADMIN)
                return
            client, key = api_client_create(name=data["name"], scopes=data["scopes"], user=data["user"],
                                            actor=request.user, channel=Channel.ADMIN)
        except DomainError as exc:  # the form checked the same rules: only a race gets here
            raise PermissionDenied(exc.message) from exc
        obj.pk, obj.prefix, obj.key_hash = client.pk, client.prefix, client.key_hash
        obj._state.adding = False
        self.message_user(
            request,
            f"API key for {client.name}: {key} — copy it now, it is not stored and will not be shown again.",
            messages.WARNING,
        )

    @admin.action(description="Revoke the keys", permissions=["change"])
    def revoke(self, request: HttpRequest, queryset: QuerySet) -> None:
        clients = list(queryset.filter(is_active=True))  # a handful of integrations, not data rows
        for client in clients:
            api_client_revoke(client=client, actor=request.user, channel=Channel.ADMIN)
        self.message_user(request, f"{len(clients)} API keys revoked")


class WebhookForm(forms.ModelForm):
    url = forms.URLField(max_length=2000, assume_scheme="https")
    events = forms.MultipleChoiceField(
        choices=[(e, e) for e in WEBHOOK_EVENTS], widget=forms.CheckboxSelectMultiple, required=True
    )

    class Meta:
        model = Webhook
        fields = ("name", "url", "events", "is_active")  # the secret is generated, never typed

    def clean_url(self) -> str:
        try:
            return webhook_service.webhook_target_check(self.cleaned_data["url"])
        except DomainError as exc:
            raise forms.ValidationError(exc.message, code=exc.code) from exc


def _sees_replies(request: HttpRequest) -> bool:
    """Reply bodies may hold anything a receiver says: only people who can edit webhooks see them."""
    return request.user.has_perm("claims.change_webhook")


class DeliveryInline(admin.TabularInline):
    model = WebhookDelivery
    fields = ("created_at", "event", "object_id", "status", "attempts", "response_code", "error")
    extra = 0
    max_num = 0
    can_delete = False
    ordering = ("-id",)

    def get_fields(self, request: HttpRequest, obj: Any = None) -> tuple[str, ...]:
        return (*self.fields, "response_excerpt") if _sees_replies(request) else self.fields

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> tuple[str, ...]:
        return self.get_fields(request, obj)

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        # The latest few only: an endpoint can have a million deliveries.
        ids = super().get_queryset(request).order_by("-id").values("pk")[:20]
        return WebhookDelivery.objects.filter(pk__in=ids).defer("payload").order_by("-id")


@admin.register(Webhook)
class WebhookAdmin(admin.ModelAdmin):
    """Endpoints come from claims.services.webhooks: URL checked, secret generated and shown once."""

    form = WebhookForm
    list_display = ("name", "url", "events", "is_active", "created_at")
    list_filter = ("is_active",)
    search_fields = ("name", "url")
    readonly_fields = ("signing_secret", "created_at")
    inlines = (DeliveryInline,)
    actions = ("send_test", "rotate_secret")

    @admin.display(description="signing secret")
    def signing_secret(self, obj: Webhook) -> str:
        if obj.pk is None:
            return "Generated when you save, and shown once then."
        return "Set. It was shown once when it was created; rotate it to get a new one (shown once too)."

    def save_model(self, request: HttpRequest, obj: Webhook, form: forms.ModelForm, change: bool) -> None:
        data = form.cleaned_data
        try:
            if change:
                webhook_service.webhook_update(webhook=obj, name=data["name"], url=data["url"], events=data["events"],
                                               is_active=data["is_active"], actor=request.user, channel=Channel.ADMIN)
                return
            hook, secret = webhook_service.webhook_create(
                name=data["name"], url=data["url"], events=data["events"], is_active=data["is_active"],
                actor=request.user, channel=Channel.ADMIN,
            )
        except DomainError as exc:  # the form checked the same things: only a DNS change gets here
            raise PermissionDenied(exc.message) from exc
        obj.pk, obj.secret, obj.created_at = hook.pk, secret, hook.created_at
        obj._state.adding = False
        self._show_secret(request, hook, secret)

    def _show_secret(self, request: HttpRequest, hook: Webhook, secret: str) -> None:
        self.message_user(
            request,
            f"Signing secret for {hook.name}: {secret} — copy it into the receiver now, it will not be shown again.",
            messages.WARNING,
        )

    @admin.action(description="Send a test delivery", permissions=["change"])
    def send_test(self, request: HttpRequest, queryset: QuerySet) -> None:
        hooks = list(queryset)  # a handful of endpoints, not data rows
        for hook in hooks:
            webhook_service.webhook_test(webhook=hook, actor=request.user, channel=Channel.ADMIN)
        self.message_user(request, f"{len(hooks)} test deliveries queued")

    @admin.action(description="Rotate the signing secret (the new one is shown once)", permissions=["change"])
    def rotate_secret(self, request: HttpRequest, queryset: QuerySet) -> None:
        for hook in list(queryset):
            secret = webhook_service.webhook_rotate_secret(webhook=hook, actor=request.user, channel=Channel.ADMIN)
            self._show_secret(request, hook, secret)


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(BigTableAdmin):
    list_display = ("id", "webhook", "event", "object_id", "status", "attempts", "response_code", "latency_ms",
                    "created_at", "next_attempt_at", "delivered_at")
    list_filter = ("status", "event", "webhook")
    search_fields = ("=object_id", "=id")
    list_select_related = ("webhook",)
    raw_id_fields = ("webhook",)
    ordering = ("-id",)
    actions = ("resend",)

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        qs = super().get_queryset(request)
        changelist = request.resolver_match is not None and request.resolver_match.url_name.endswith("changelist")
        return qs.defer("payload") if changelist else qs

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> tuple[str, ...]:
        return ("response_excerpt",) if _sees_replies(request) else ()

    def has_resend_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("claims.change_webhook")

    @admin.action(description="Re-send the failed deliveries", permissions=["resend"])
    def resend(self, request: HttpRequest, queryset: QuerySet) -> None:
        failed = queryset.filter(status=WebhookDelivery.Status.FAILED).values_list("pk", flat=True)
        try:
            ids = webhook_service.webhook_resend(delivery_ids=list(failed), actor=request.user, channel=Channel.ADMIN)
        except DomainError as exc:
            self.message_user(request, exc.message, messages.ERROR)
            return
        skipped = queryset.count() - len(ids)
        tail = f"; {skipped} not failed, left alone" if skipped else ""
        self.message_user(request, f"{len(ids)} deliveries queued again{tail}")
