"""Input serializers only validate; output serializers only render. Services do the rest."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from claims.models import (
    Article,
    Claim,
    ClaimKind,
    ClaimStatus,
    Evidence,
    EvidenceRun,
    Rating,
    Stance,
    Verdict,
    VerdictStatus,
)
from claims.querysets import check_moment
from claims.services.errors import InvalidInput
from claims.services.roles import EDITOR, REVIEWER
from claims.validators import validate_source_url

User = get_user_model()


# --- output -------------------------------------------------------------------------------------

class RatingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Rating
        fields = ["slug", "label_fr", "label_en", "value", "colour", "order", "is_active"]


class RatingRefSerializer(serializers.Serializer):
    """How every answer names a rating: its slug (stable, for code) and its label (for people)."""

    slug = serializers.CharField(allow_null=True, help_text=(
        "The rating's slug on this newsroom's scale (see ratings/); null for a rating written by another "
        "publisher (an imported ClaimReview), which only has a label."))
    label = serializers.CharField(help_text="The rating's name in the language of the request (English or French).")


def rating_ref(rating: Rating | None) -> dict[str, Any] | None:
    return {"slug": rating.slug, "label": rating.label} if rating is not None else None


USERNAME_HELP = "The username of the account."


class UserSerializer(serializers.ModelSerializer):
    username = serializers.CharField(read_only=True, help_text=USERNAME_HELP)
    name = serializers.SerializerMethodField()
    roles = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = ["id", "username", "name", "roles"]

    def get_name(self, user: Any) -> str:
        return user.get_full_name() or user.get_username()

    @extend_schema_field(serializers.ListField(child=serializers.ChoiceField(choices=[REVIEWER, EDITOR])))
    def get_roles(self, user: Any) -> list[str]:
        # groups are prefetched by the view: .all() reads the cache, no query per user
        return sorted(g.name for g in user.groups.all() if g.name in (REVIEWER, EDITOR))


class VerdictBriefSerializer(serializers.Serializer):
    """The claim's current verdict: the working one (draft, submitted, approved) if there is one,
    else the latest published one."""

    id = serializers.IntegerField()
    status = serializers.ChoiceField(choices=VerdictStatus.choices)
    rating = RatingRefSerializer(allow_null=True)
    summary = serializers.CharField(allow_blank=True)
    published_at = serializers.DateTimeField(allow_null=True)
    public_url = serializers.CharField(allow_blank=True, help_text="Empty until published")
    version = serializers.IntegerField()


class ClaimSerializer(serializers.Serializer):
    """Documents a claim as the API shows it; the answers are built by claims.api.claim_rows
    (one query per page), and the contract tests validate them against this shape."""

    id = serializers.IntegerField()
    article = serializers.IntegerField(allow_null=True, help_text="The article's id; null for a claim entered "
                                                                  "directly.")
    text = serializers.CharField(help_text="The claim to check, as a readable sentence.")
    quote = serializers.CharField(allow_blank=True, help_text="Exact span of the article text: "
                                                              "article.text[start:end] == quote.")
    start = serializers.IntegerField(allow_null=True, help_text="Offset of the quote in the article text.")
    end = serializers.IntegerField(allow_null=True, help_text="End offset (exclusive) of the quote.")
    language = serializers.CharField(allow_blank=True)
    checkworthiness = serializers.FloatField(help_text="0 (not worth checking) to 1.")
    checkworthiness_reasons = serializers.ListField(child=serializers.CharField(),
                                                    help_text="Why the claim got its score, for people.")
    kind = serializers.ChoiceField(choices=ClaimKind.choices)
    claimant = serializers.CharField(allow_blank=True, help_text="Who made the claim, when known.")
    outlet = serializers.CharField(allow_blank=True, help_text="The medium that reported the claim, when it is "
                                                              "not the claimant.")
    needs_context = serializers.BooleanField(help_text="The claim's subject could not be resolved: read its quote "
                                                       "in the article.")
    entities = serializers.ListField(child=serializers.DictField(), help_text="Named entities with their type "
                                                                            "and offsets.")
    quantities = serializers.ListField(child=serializers.DictField(), help_text=(
        "Numbers with their unit: text, start, end, value, unit; low and high for a range; approx and qualifier "
        "(approx, more_than, less_than, at_least, at_most); per (and per_unit) for the base of a proportion or a rate."))
    dates = serializers.ListField(child=serializers.DictField(), help_text="Dates and periods the claim names.")
    status = serializers.ChoiceField(choices=ClaimStatus.choices)
    status_reason = serializers.CharField(allow_blank=True, help_text="Why it was dismissed or sent back.")
    assignee = serializers.IntegerField(allow_null=True, help_text="The assigned reviewer's user id.")
    assignee_username = serializers.CharField(allow_null=True, help_text="The assigned reviewer's username.")
    duplicate_of = serializers.IntegerField(allow_null=True, help_text="The original claim's id, for a duplicate.")
    has_strong_match = serializers.BooleanField(help_text="A prior fact-check or published verdict strongly "
                                                          "matches it.")
    evidence_count = serializers.IntegerField()
    verdict = VerdictBriefSerializer(allow_null=True)
    version = serializers.IntegerField(help_text="Increases with every change; the ETag carries it.")
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


CLAIM_FIELDS = list(ClaimSerializer().fields)


class ClaimBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Claim
        fields = ["id", "text", "quote", "start", "end", "checkworthiness", "kind", "status"]


class ArticleSerializer(serializers.ModelSerializer):
    author = serializers.CharField(read_only=True, allow_blank=True, help_text="The byline, as published.")
    status_url = serializers.SerializerMethodField(help_text="Where to follow the extraction: this article's URL.")

    class Meta:
        model = Article
        fields = [
            "id", "url", "title", "publisher", "author", "published_at", "language", "extraction_status",
            "extraction_error", "extracted_at", "created_at", "status_url",
        ]

    def get_status_url(self, article: Article) -> str:
        request = self.context.get("request")
        path = f"/api/v1/articles/{article.pk}/"
        return request.build_absolute_uri(path) if request else path


class ArticleDetailSerializer(ArticleSerializer):
    """An article with the claims extracted from it (the list leaves them out)."""

    claims = ClaimBriefSerializer(many=True, read_only=True, help_text="The claims found, in text order.")

    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "claims"]


class EvidenceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Evidence
        fields = [
            "id", "provider", "url", "title", "publisher", "excerpt", "published_at", "retrieved_at",
            "relevance", "match_tier", "stance", "stance_by", "stance_at", "note",
        ]


class EvidenceRunSerializer(serializers.ModelSerializer):
    class Meta:
        model = EvidenceRun
        fields = [
            "id", "provider", "status", "attempts", "error", "queued_at", "started_at", "finished_at",
            "duration_ms", "found_count",
        ]


class VerdictSerializer(serializers.ModelSerializer):
    rating = serializers.SerializerMethodField()
    author = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True,
                                          help_text="Username of the reviewer who wrote the verdict.")
    approver = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True,
                                            help_text="Username of the editor who approved it; null until then.")
    public_url = serializers.CharField(read_only=True, help_text="Empty until published")
    claimreview_problems = serializers.SerializerMethodField()

    class Meta:
        model = Verdict
        fields = [
            "id", "claim", "status", "rating", "summary", "explanation", "sources", "author", "approver",
            "submitted_at", "approved_at", "published_at", "public_url", "supersedes", "version",
            "claimreview_problems", "created_at", "updated_at",
        ]

    @extend_schema_field(RatingRefSerializer(allow_null=True))
    def get_rating(self, verdict: Verdict) -> dict[str, Any] | None:
        return rating_ref(verdict.rating)

    def get_claimreview_problems(self, verdict: Verdict) -> list[str]:
        """Why publishing this verdict would be refused (empty when it can be published)."""
        return list(self.context.get("problems", []))


class MatchSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=["prior_factcheck", "verdict"])
    id = serializers.IntegerField()
    claim_reviewed = serializers.CharField()
    rating = serializers.SerializerMethodField()
    url = serializers.CharField(allow_blank=True)
    publisher = serializers.CharField(allow_blank=True)
    score = serializers.FloatField(help_text="0-1: the ranker's estimate that this is the same claim.")
    tier = serializers.ChoiceField(
        choices=["strong", "possible", "related"],
        help_text="strong: the same claim, figures and names agreeing (a likely duplicate); possible: worth a "
                  "look (a paraphrase, a translation, or a figure or name that disagrees); related: topically close.")
    language = serializers.CharField(allow_blank=True)
    claim_id = serializers.IntegerField(allow_null=True, help_text="For verdicts: the claim they rate.")
    title = serializers.CharField(allow_blank=True, help_text="The fact-check's headline, when known.")
    numbers_conflict = serializers.BooleanField(help_text="Its figures differ from the text's.")
    names_conflict = serializers.BooleanField(help_text="It names people or places the text does not, and vice versa.")
    names_missing = serializers.BooleanField(help_text="It names people or places the text does not mention.")

    @extend_schema_field(RatingRefSerializer(allow_null=True))
    def get_rating(self, match: Any) -> dict[str, Any] | None:
        # The label comes from claims.search; the slug once the match carries it (`rating_slug`).
        label = match.get("rating") if isinstance(match, dict) else getattr(match, "rating", None)
        slug = match.get("rating_slug") if isinstance(match, dict) else getattr(match, "rating_slug", None)
        return {"slug": slug, "label": label} if label or slug else None


class StatsSerializer(serializers.Serializer):
    claims_by_status = serializers.DictField(child=serializers.IntegerField())
    articles_by_extraction_status = serializers.DictField(child=serializers.IntegerField())
    verdicts_published = serializers.IntegerField()
    evidence = serializers.IntegerField()
    webhook_deliveries_pending = serializers.IntegerField()


class AcceptedSerializer(serializers.Serializer):
    status = serializers.CharField()
    status_url = serializers.CharField()


class ErrorSerializer(serializers.Serializer):
    code = serializers.CharField()
    message = serializers.CharField()
    details = serializers.JSONField()


# --- input --------------------------------------------------------------------------------------

class MomentField(serializers.DateTimeField):
    """A date-time the database can hold (it stores UTC): year 1 in Paris is a 400, not an OverflowError."""

    def to_internal_value(self, value: Any) -> Any:
        try:
            moment = super().to_internal_value(value)
        except OverflowError as exc:
            raise serializers.ValidationError("This date-time is out of range.", code="out_of_range") from exc
        try:
            return check_moment(moment, name=self.field_name or "date-time")
        except InvalidInput as exc:
            raise serializers.ValidationError(exc.message, code=exc.code) from exc


class ArticleInputSerializer(serializers.Serializer):
    text = serializers.CharField(required=False, allow_blank=True, trim_whitespace=False,
                                 max_length=settings.FACTCHECK_MAX_ARTICLE_CHARS)
    html = serializers.CharField(required=False, allow_blank=True, trim_whitespace=False,
                                 max_length=settings.FACTCHECK_MAX_ARTICLE_CHARS)
    url = serializers.URLField(required=False, allow_blank=True, max_length=2000)
    title = serializers.CharField(required=False, allow_blank=True, max_length=500, default="")
    language = serializers.ChoiceField(choices=settings.FACTCHECK_LANGUAGES, required=False, allow_blank=True,
                                       default="")
    published_at = MomentField(required=False, allow_null=True, default=None)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if not (attrs.get("text", "").strip() or attrs.get("html", "").strip() or attrs.get("url")):
            raise serializers.ValidationError("Send the article's text, its html or its url.", code="empty_article")
        return attrs


class ClaimCreateSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=5000)
    article = serializers.PrimaryKeyRelatedField(queryset=Article.objects.all(), required=False, allow_null=True)
    start = serializers.IntegerField(required=False, allow_null=True, min_value=0)
    end = serializers.IntegerField(required=False, allow_null=True, min_value=0)
    language = serializers.ChoiceField(choices=settings.FACTCHECK_LANGUAGES, required=False, allow_blank=True,
                                       default="")


class ClaimPatchSerializer(serializers.Serializer):
    text = serializers.CharField(required=False, max_length=5000)
    claimant = serializers.CharField(required=False, allow_blank=True, max_length=300)
    kind = serializers.ChoiceField(choices=ClaimKind.choices, required=False)
    language = serializers.ChoiceField(choices=settings.FACTCHECK_LANGUAGES, required=False, allow_blank=True)
    entities = serializers.ListField(child=serializers.JSONField(), required=False, max_length=200)
    quantities = serializers.ListField(child=serializers.JSONField(), required=False, max_length=200)
    dates = serializers.ListField(child=serializers.JSONField(), required=False, max_length=200)
    assignee = serializers.PrimaryKeyRelatedField(queryset=User.objects.filter(is_active=True), required=False,
                                                  allow_null=True)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if not attrs:
            raise serializers.ValidationError("Nothing to change.", code="empty_patch")
        return attrs


class TransitionSerializer(serializers.Serializer):
    to = serializers.ChoiceField(choices=ClaimStatus.choices)
    comment = serializers.CharField(required=False, allow_blank=True, default="", max_length=10000)
    duplicate_of = serializers.PrimaryKeyRelatedField(queryset=Claim.objects.all(), required=False)
    version = serializers.IntegerField(required=False, min_value=1,
                                       help_text="The claim version you saw; a stale one gets 412.")

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs["to"] == ClaimStatus.DUPLICATE and not attrs.get("duplicate_of"):
            raise serializers.ValidationError({"duplicate_of": ["Name the original claim."]}, code="needs_original")
        return attrs


class EvidenceAddSerializer(serializers.Serializer):
    url = serializers.URLField(max_length=2000)


class EvidenceStanceSerializer(serializers.Serializer):
    stance = serializers.ChoiceField(choices=Stance.choices)
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=10000)


class VerdictInputSerializer(serializers.Serializer):
    rating = serializers.SlugRelatedField(slug_field="slug", queryset=Rating.objects.filter(is_active=True),
                                          allow_null=True)
    summary = serializers.CharField(max_length=200, allow_blank=True)
    explanation = serializers.CharField(required=False, allow_blank=True, default="", max_length=50000)
    sources = serializers.ListField(child=serializers.CharField(max_length=2000, validators=[validate_source_url]),
                                    required=False, default=list, max_length=100)
    version = serializers.IntegerField(required=False, min_value=1,
                                       help_text="The verdict version you edited; a stale one gets 412.")


class MatchQuerySerializer(serializers.Serializer):
    text = serializers.CharField(
        max_length=5000,
        help_text="A claim, a tweet, a post or an article paragraph: links, handles, hashtags' #, emoji and "
                  "signature lines are ignored.")
    language = serializers.ChoiceField(choices=settings.FACTCHECK_LANGUAGES, required=False, allow_blank=True,
                                       default="", help_text="A hint; detected from the text when empty.")
    limit = serializers.IntegerField(required=False, min_value=1, max_value=50, default=10)
    tier = serializers.MultipleChoiceField(
        choices=["strong", "possible", "related"], required=False,
        help_text="Only these tiers (repeat the parameter or separate with commas), e.g. tier=strong for likely "
                  "duplicates only. All three by default, ranked best first.")

    def to_internal_value(self, data: Any) -> dict[str, Any]:
        # ?tier=strong,possible as well as ?tier=strong&tier=possible
        if hasattr(data, "getlist"):
            tiers = [t.strip() for value in data.getlist("tier") for t in value.split(",") if t.strip()]
            data = {key: data.get(key) for key in data}
            if tiers:
                data["tier"] = tiers
        return super().to_internal_value(data)


class ClaimFilterSerializer(serializers.Serializer):
    """The query parameters of GET /claims/, validated (bad values are a 400, never a 500)."""

    status = serializers.MultipleChoiceField(choices=ClaimStatus.choices, required=False)
    language = serializers.CharField(required=False, max_length=16)
    article = serializers.IntegerField(required=False, min_value=1)
    assignee = serializers.CharField(required=False, max_length=150,
                                     help_text="A user id, a username, `me` or `none`.")
    min_checkworthiness = serializers.FloatField(required=False, min_value=0, max_value=1)
    max_checkworthiness = serializers.FloatField(required=False, min_value=0, max_value=1)
    has_verdict = serializers.BooleanField(required=False, allow_null=True, default=None)
    rating = serializers.SlugField(required=False, help_text="Slug of the published verdict's rating.")
    updated_since = MomentField(required=False)
    q = serializers.CharField(required=False, max_length=500, help_text="Text search in the claim text.")
    fields = serializers.CharField(required=False, max_length=1000,
                                   help_text=f"Comma-separated subset of: {', '.join(CLAIM_FIELDS)}.")


class FeedQuerySerializer(serializers.Serializer):
    updated_since = MomentField(required=False)
