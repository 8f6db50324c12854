"""The rating scale (validated against the ClaimReview rules), verdicts and comments (read-only here:
they change through the workflow in the review interface)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from claims.admin.base import URL_FIELD_OVERRIDES, ReadOnlyMixin
from claims.claimreview import scale_problems
from claims.models import Comment, Rating, Verdict, VerdictContributor


class RatingForm(forms.ModelForm):
    class Meta:
        model = Rating
        fields = ("slug", "label_fr", "label_en", "value", "colour", "order", "is_active")

    def clean_colour(self) -> str:
        colour = self.cleaned_data["colour"]
        if not (len(colour) == 7 and colour.startswith("#") and all(c in "0123456789abcdefABCDEF" for c in colour[1:])):
            raise forms.ValidationError("Use a hex colour such as #1e7b3a.")
        return colour

    def clean(self) -> dict[str, Any]:
        """The numeric scale as it would be after this save must still satisfy ClaimReview."""
        data = super().clean()
        others = Rating.objects.filter(is_active=True, value__isnull=False)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        values = list(others.values_list("value", flat=True))
        if data.get("is_active") and data.get("value") is not None:
            values.append(data["value"])
            if data["value"] in values[:-1]:
                self.add_error("value", "Another active rating already has this value.")
        bounds = (min(values), max(values)) if values else None
        problems = scale_problems(bounds)
        if problems:
            raise forms.ValidationError(
                "The numeric scale would break the ClaimReview rules: " + "; ".join(problems) + "."
            )
        return data


@admin.register(Rating)
class RatingAdmin(admin.ModelAdmin):
    form = RatingForm
    list_display = ("slug", "label_fr", "label_en", "value", "colour", "order", "is_active")
    list_filter = ("is_active",)
    search_fields = ("slug", "label_fr", "label_en")
    ordering = ("order", "id")

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Verdicts point at ratings (PROTECT): retire a rating with is_active instead.
        return False


class ReadOnlyAdmin(ReadOnlyMixin, admin.ModelAdmin):
    show_full_result_count = False
    formfield_overrides = URL_FIELD_OVERRIDES


@admin.register(Verdict)
class VerdictAdmin(ReadOnlyAdmin):
    list_display = ("id", "claim_id", "status", "rating", "summary", "author", "approver", "published_at")
    list_filter = ("status", "rating", "published_at")
    search_fields = ("summary", "=claim__id", "public_url")
    list_select_related = ("rating", "author", "approver")
    raw_id_fields = ("claim", "supersedes")
    ordering = ("-id",)

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).defer("explanation", "sources")


@admin.register(VerdictContributor)
class VerdictContributorAdmin(ReadOnlyAdmin):
    """Who wrote part of which verdict: none of them may approve it (the workflow writes these rows)."""

    list_display = ("id", "verdict_id", "user", "created_at")
    search_fields = ("=verdict__id", "user__username")
    list_select_related = ("user",)
    raw_id_fields = ("verdict", "user")
    ordering = ("-id",)


@admin.register(Comment)
class CommentAdmin(ReadOnlyAdmin):
    list_display = ("id", "claim_id", "author", "short_body", "created_at")
    search_fields = ("body", "=claim__id")
    list_select_related = ("author",)
    raw_id_fields = ("claim",)
    ordering = ("-id",)

    @admin.display(description="comment")
    def short_body(self, obj: Comment) -> str:
        return obj.body[:90]
