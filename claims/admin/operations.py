"""Audit history (read-only), API clients (keys shown once), webhooks and their deliveries."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlparse

from django import forms
from django.contrib import admin, messages
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest

from claims.admin.base import BigTableAdmin, ReadOnlyMixin
from claims.models import API_SCOPES, WEBHOOK_EVENTS, ApiClient, AuditEvent, Channel, Webhook, WebhookDelivery
from claims.services import webhooks as webhook_service
from claims.services.api_keys import api_client_create, api_client_revoke
from claims.services.audit import audit_record
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

    class Meta:
        model = ApiClient
        fields = ("name", "user", "scopes", "is_active")


@admin.register(ApiClient)
class ApiClientAdmin(admin.ModelAdmin):
    form = ApiClientForm
    list_display = ("name", "prefix", "user", "scopes", "is_active", "created_at", "last_used_at", "revoked_at")
    list_filter = ("is_active",)
    search_fields = ("name", "prefix", "user__username")
    autocomplete_fields = ("user",)
    readonly_fields = ("prefix", "created_at", "last_used_at", "revoked_at")
    list_select_related = ("user",)
    actions = ("revoke",)

    def get_readonly_fields(self, request: HttpRequest, obj: ApiClient | None = None) -> tuple[str, ...]:
        # A key belongs to one account for life; revoke it and create another to move it.
        return (*self.readonly_fields, "user", "is_active") if obj is not None else self.readonly_fields

    def save_model(self, request: HttpRequest, obj: ApiClient, form: forms.ModelForm, change: bool) -> None:
        """A new client gets a key from the service: only its hash is stored, the key is shown this once."""
        if change:
            with transaction.atomic():
                obj.save(update_fields=["name", "scopes"])
                audit_record(actor=request.user, action="api_client.update", obj=obj,
                             after={"name": obj.name, "scopes": obj.scopes}, channel=Channel.ADMIN)
            return
        data = form.cleaned_data
        try:
            client, key = api_client_create(name=data["name"], scopes=data["scopes"], user=data["user"],
                                            actor=request.user, channel=Channel.ADMIN)
        except DomainError as exc:  # the form validated the same things: only a race gets here
            self.message_user(request, exc.message, messages.ERROR)
            return
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
        fields = ("name", "url", "events", "secret", "is_active")

    def clean_url(self) -> str:
        url = self.cleaned_data["url"]
        if urlparse(url).scheme not in ("http", "https"):
            raise forms.ValidationError("A webhook URL must be http or https.")
        return url


class DeliveryInline(admin.TabularInline):
    model = WebhookDelivery
    fields = ("created_at", "event", "object_id", "status", "attempts", "response_code", "error")
    readonly_fields = fields
    extra = 0
    max_num = 0
    can_delete = False
    ordering = ("-id",)

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        # The latest few only: an endpoint can have a million deliveries.
        ids = super().get_queryset(request).order_by("-id").values("pk")[:20]
        return WebhookDelivery.objects.filter(pk__in=ids).defer("payload").order_by("-id")


@admin.register(Webhook)
class WebhookAdmin(admin.ModelAdmin):
    form = WebhookForm
    list_display = ("name", "url", "events", "is_active", "created_at")
    list_filter = ("is_active",)
    search_fields = ("name", "url")
    inlines = (DeliveryInline,)
    actions = ("send_test",)

    @admin.action(description="Send a test delivery", permissions=["change"])
    def send_test(self, request: HttpRequest, queryset: QuerySet) -> None:
        hooks = list(queryset)  # a handful of endpoints, not data rows
        for hook in hooks:
            webhook_service.webhook_test(webhook=hook, actor=request.user, channel=Channel.ADMIN)
        self.message_user(request, f"{len(hooks)} test deliveries queued")


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
