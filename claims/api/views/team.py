"""users/ (who can be assigned) and stats/ (counts for dashboards)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Count, QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.request import Request
from rest_framework.response import Response

from claims.api.base import ApiView, errors
from claims.api.permissions import ReviewerApi
from claims.api.serializers import StatsSerializer, UserSerializer
from claims.models import Article, Claim, Evidence, Verdict, VerdictStatus, WebhookDelivery
from claims.services.roles import team_members

User = get_user_model()


def team() -> QuerySet:
    return team_members().prefetch_related("groups")


class UserList(ApiView, generics.GenericAPIView):
    permission_classes = [ReviewerApi]
    serializer_class = UserSerializer

    def get_queryset(self) -> QuerySet:
        return team()

    @extend_schema(responses={200: UserSerializer(many=True), **errors()})
    def get(self, request: Request) -> Response:
        return Response(UserSerializer(self.get_queryset(), many=True).data)


class UserDetail(ApiView, generics.GenericAPIView):
    permission_classes = [ReviewerApi]
    serializer_class = UserSerializer

    def get_queryset(self) -> QuerySet:
        return team()

    @extend_schema(responses={200: UserSerializer, **errors()})
    def get(self, request: Request, pk: int) -> Response:
        return Response(UserSerializer(get_object_or_404(self.get_queryset(), pk=pk)).data)


class StatsView(ApiView, generics.GenericAPIView):
    permission_classes = [ReviewerApi]
    serializer_class = StatsSerializer

    @extend_schema(responses={200: StatsSerializer, **errors()})
    def get(self, request: Request) -> Response:
        def counts(queryset: QuerySet, field: str) -> dict[str, int]:
            return {row[field]: row["n"] for row in queryset.order_by().values(field).annotate(n=Count("id"))}

        return Response({
            "claims_by_status": counts(Claim.objects.all(), "status"),
            "articles_by_extraction_status": counts(Article.objects.all(), "extraction_status"),
            "verdicts_published": Verdict.objects.filter(status=VerdictStatus.PUBLISHED).count(),
            "evidence": Evidence.objects.count(),
            "webhook_deliveries_pending": WebhookDelivery.objects.filter(status="pending").count(),
        })
