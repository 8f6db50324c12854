"""What newsroom tools read most: "was this already checked?", ClaimReview markup, the rating scale."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from drf_spectacular.utils import OpenApiTypes, extend_schema
from rest_framework import generics
from rest_framework.exceptions import NotFound
from rest_framework.renderers import BrowsableAPIRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from claims.api.base import ApiView, errors
from claims.api.pagination import KeysetPagination
from claims.api.permissions import ClientApi
from claims.api.renderers import FastJSONRenderer
from claims.api.serializers import (
    FeedQuerySerializer,
    MatchQuerySerializer,
    MatchSerializer,
    RatingSerializer,
)
from claims.claimreview import claimreview_for, rating_bounds
from claims.models import PriorFactCheck, Rating, Verdict, VerdictStatus
from claims.search import match_text


class JsonLdRenderer(FastJSONRenderer):
    media_type = "application/ld+json"
    format = "jsonld"


def published_verdicts() -> Any:
    return Verdict.objects.filter(status=VerdictStatus.PUBLISHED).select_related("rating", "claim__article")


class MatchView(ApiView, generics.GenericAPIView):
    permission_classes = [ClientApi]
    serializer_class = MatchSerializer

    def get_queryset(self) -> Any:
        return PriorFactCheck.objects.none()  # matches come from claims.search, not one queryset

    @extend_schema(parameters=[MatchQuerySerializer], responses={200: MatchSerializer(many=True), **errors()})
    def get(self, request: Request) -> Response:
        form = MatchQuerySerializer(data=request.query_params)
        form.is_valid(raise_exception=True)
        params = form.validated_data
        matches = match_text(text=params["text"], language=params["language"], limit=params["limit"],
                             tiers=params.get("tier") or None)
        return Response(MatchSerializer(matches, many=True).data)


class ClaimReviewDetail(ApiView, generics.GenericAPIView):
    permission_classes = [ClientApi]
    renderer_classes = [FastJSONRenderer, JsonLdRenderer, BrowsableAPIRenderer]

    def get_queryset(self) -> Any:
        return published_verdicts()

    @extend_schema(responses={200: OpenApiTypes.OBJECT, **errors()})
    def get(self, request: Request, claim_id: int) -> Response:
        verdict = self.get_queryset().filter(claim_id=claim_id).order_by("-published_at", "-id").first()
        if verdict is None:
            raise NotFound("This claim has no published verdict.", code="not_published")
        return Response(claimreview_for(verdict, claim=verdict.claim))


class ClaimReviewFeed(ApiView, generics.GenericAPIView):
    """A schema.org DataFeed of published verdicts, oldest change first, for incremental sync."""

    permission_classes = [ClientApi]
    renderer_classes = [FastJSONRenderer, JsonLdRenderer, BrowsableAPIRenderer]
    pagination_class = KeysetPagination
    ordering_fields = {"updated_at": "datetime"}
    default_ordering = "updated_at"

    def get_queryset(self) -> Any:
        return published_verdicts()

    @extend_schema(parameters=[FeedQuerySerializer], responses={200: OpenApiTypes.OBJECT, **errors()})
    def get(self, request: Request) -> Response:
        form = FeedQuerySerializer(data=request.query_params.dict())
        form.is_valid(raise_exception=True)
        queryset = self.get_queryset()
        if form.validated_data.get("updated_since"):
            queryset = queryset.filter(updated_at__gte=form.validated_data["updated_since"])
        page = self.paginate_queryset(queryset)
        bounds = rating_bounds()  # once per page, not once per verdict
        paginator = self.paginator
        return Response({
            "@context": "https://schema.org",
            "@type": "DataFeed",
            "dateModified": timezone.now().isoformat(),
            "dataFeedElement": [claimreview_for(v, claim=v.claim, bounds=bounds) for v in page],
            "next": paginator.next_url if paginator else None,
        }, headers=paginator.link_header() if paginator else None)


class RatingList(ApiView, generics.GenericAPIView):
    permission_classes = [ClientApi]
    serializer_class = RatingSerializer

    def get_queryset(self) -> Any:
        return Rating.objects.filter(is_active=True)

    @extend_schema(responses={200: RatingSerializer(many=True), **errors()})
    def get(self, request: Request) -> Response:
        return Response(RatingSerializer(self.get_queryset(), many=True).data)


