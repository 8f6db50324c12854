"""Sources and alerts: input serializers only validate, output serializers only render."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from claims.api.serializers import RatingRefSerializer, rating_ref
from claims.models import Alert, AlertState, Source
from claims.search import POSSIBLE, STRONG
from claims.services.alerts import matched_factcheck


class SourceSerializer(serializers.ModelSerializer):
    healthy = serializers.BooleanField(read_only=True, help_text="No failure since the last successful poll")

    class Meta:
        model = Source
        fields = [
            "id", "url", "name", "language", "interval_minutes", "is_enabled", "kind", "poll_status",
            "healthy", "last_polled_at", "last_success_at", "last_status", "last_error", "last_error_at",
            "consecutive_failures", "next_poll_at", "items_seen", "created_at",
        ]
        read_only_fields = fields


class SourceInputSerializer(serializers.Serializer):
    url = serializers.CharField(max_length=2000)
    name = serializers.CharField(max_length=200, required=False, default="", allow_blank=True)
    language = serializers.ChoiceField(choices=["", "fr", "en"], required=False, default="")
    interval_minutes = serializers.IntegerField(required=False, min_value=1, max_value=7 * 24 * 60, default=None,
                                                allow_null=True)


class FactCheckSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=["prior_factcheck", "verdict"],
                                   help_text="prior_factcheck (an imported ClaimReview) or verdict (ours)")
    id = serializers.IntegerField()
    claim_reviewed = serializers.CharField()
    rating = RatingRefSerializer(allow_null=True)
    url = serializers.CharField(allow_blank=True)
    publisher = serializers.CharField(allow_blank=True)
    review_date = serializers.DateTimeField(allow_null=True)
    claim_id = serializers.IntegerField(required=False, help_text="For verdicts: the claim they rate.")


class AlertClaimSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    text = serializers.CharField()
    quote = serializers.CharField()
    language = serializers.CharField()
    status = serializers.CharField()
    article_id = serializers.IntegerField(allow_null=True)
    article_url = serializers.CharField(allow_null=True)
    article_title = serializers.CharField()


class AlertSourceSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    url = serializers.CharField()


class AlertSerializer(serializers.ModelSerializer):
    claim = serializers.SerializerMethodField()
    fact_check = serializers.SerializerMethodField()
    source = serializers.SerializerMethodField()
    acted_by = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True,
                                            help_text="Username of the last person who acted on the alert.")

    class Meta:
        model = Alert
        fields = ["id", "tier", "score", "state", "reason", "claim", "fact_check", "source", "acted_by",
                  "acted_at", "created_at"]
        read_only_fields = fields

    @extend_schema_field(AlertClaimSerializer)
    def get_claim(self, alert: Alert) -> dict[str, Any]:
        claim = alert.claim
        article = claim.article
        return {"id": claim.pk, "text": claim.text, "quote": claim.quote, "language": claim.language,
                "status": claim.status, "article_id": claim.article_id,
                "article_url": article.url if article else None, "article_title": article.title if article else ""}

    @extend_schema_field(FactCheckSerializer)
    def get_fact_check(self, alert: Alert) -> dict[str, Any]:
        fact = matched_factcheck(alert)
        if alert.verdict_id:  # our scale: slug and label
            fact["rating"] = rating_ref(alert.verdict.rating)  # type: ignore[union-attr]
        else:  # another publisher's rating: a label only
            fact["rating"] = {"slug": None, "label": fact["rating"]} if fact["rating"] else None
        return FactCheckSerializer(fact).data

    @extend_schema_field(AlertSourceSerializer(allow_null=True))
    def get_source(self, alert: Alert) -> dict[str, Any] | None:
        source = alert.source
        return {"id": source.pk, "name": source.name, "url": source.url} if source else None


class AlertFilterSerializer(serializers.Serializer):
    state = serializers.MultipleChoiceField(choices=AlertState.values, required=False,
                                            help_text="One or more states, comma-separated")
    source = serializers.IntegerField(required=False, min_value=1, help_text="Source id")
    since = serializers.DateTimeField(required=False, help_text="Alerts created at or after this time")
    tier = serializers.ChoiceField(choices=[STRONG, POSSIBLE, "all"], required=False, default=STRONG,
                                   help_text="strong (the alerts, default), possible, or all")


class AlertTransitionSerializer(serializers.Serializer):
    to = serializers.ChoiceField(choices=AlertState.values)
    reason = serializers.CharField(required=False, default="", allow_blank=True, max_length=2000,
                                   help_text="Required to dismiss")
