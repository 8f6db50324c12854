"""sources/ (list with health; editors add) and alerts/ (the repeated-claim inbox, its transitions)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.request import Request
from rest_framework.response import Response

from claims.api.base import ApiView, errors
from claims.api.pagination import KeysetPagination
from claims.api.permissions import (
    Authenticated,
    EditorRole,
    ReadScope,
    ReviewerApi,
    ReviewerRole,
    SafeMethod,
    UnsafeMethod,
    WriteScope,
)
from claims.api.watch_serializers import (
    AlertFilterSerializer,
    AlertSerializer,
    AlertTransitionSerializer,
    SourceInputSerializer,
    SourceSerializer,
)
from claims.models import Alert, Channel, Source
from claims.services.alerts import alert_transition
from claims.services.sources import source_add

# Reviewers read the list; adding a source is an editor's decision and needs the write scope.
SourcesApi = Authenticated & ((SafeMethod & ReadScope & ReviewerRole) | (UnsafeMethod & WriteScope & EditorRole))


class SourceList(ApiView, generics.GenericAPIView):
    permission_classes = [SourcesApi]
    serializer_class = SourceSerializer
    pagination_class = KeysetPagination
    ordering_fields = {"id": "int"}
    default_ordering = "id"

    def get_queryset(self) -> QuerySet[Source]:
        return Source.objects.all()

    @extend_schema(responses={200: SourceSerializer(many=True), **errors()})
    def get(self, request: Request) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(SourceSerializer(page, many=True).data)

    @extend_schema(request=SourceInputSerializer, responses={201: SourceSerializer, **errors()})
    def post(self, request: Request) -> Response:
        form = SourceInputSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        source = source_add(**form.validated_data, actor=request.user, channel=Channel.API)
        return Response(SourceSerializer(source).data, status=status.HTTP_201_CREATED)


def alerts_queryset() -> QuerySet[Alert]:
    """Everything the alert serializer reads, in one query per page."""
    return Alert.objects.select_related("claim__article", "source", "prior_factcheck", "verdict__rating",
                                        "acted_by")


def filter_alerts(queryset: QuerySet[Alert], request: Request) -> QuerySet[Alert]:
    params = {key: request.query_params.get(key) for key in request.query_params}
    if "state" in request.query_params:
        params["state"] = [s for raw in request.query_params.getlist("state") for s in raw.split(",") if s]
    form = AlertFilterSerializer(data=params)
    form.is_valid(raise_exception=True)
    data = form.validated_data
    if data.get("state"):
        queryset = queryset.filter(state__in=sorted(data["state"]))
    if data.get("source"):
        queryset = queryset.filter(source_id=data["source"])
    if data.get("since"):
        queryset = queryset.filter(created_at__gte=data["since"])
    if data["tier"] != "all":
        queryset = queryset.filter(tier=data["tier"])
    return queryset


class AlertList(ApiView, generics.GenericAPIView):
    permission_classes = [ReviewerApi]
    serializer_class = AlertSerializer
    pagination_class = KeysetPagination
    ordering_fields = {"created_at": "datetime", "score": "float", "id": "int"}
    default_ordering = "-created_at"

    @extend_schema(parameters=[AlertFilterSerializer], responses={200: AlertSerializer(many=True), **errors()})
    def get(self, request: Request) -> Response:
        page = self.paginate_queryset(filter_alerts(alerts_queryset(), request))
        return self.get_paginated_response(AlertSerializer(page, many=True).data)


class AlertDetail(ApiView, generics.GenericAPIView):
    permission_classes = [ReviewerApi]
    serializer_class = AlertSerializer

    @extend_schema(responses={200: AlertSerializer, **errors()})
    def get(self, request: Request, pk: int) -> Response:
        return Response(AlertSerializer(get_object_or_404(alerts_queryset(), pk=pk)).data)


class AlertTransition(ApiView, generics.GenericAPIView):
    permission_classes = [ReviewerApi]
    serializer_class = AlertTransitionSerializer

    @extend_schema(request=AlertTransitionSerializer, responses={200: AlertSerializer, **errors(409)})
    def post(self, request: Request, pk: int) -> Response:
        alert = get_object_or_404(Alert.objects.only("id"), pk=pk)
        form = AlertTransitionSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        alert_transition(alert=alert.pk, to=form.validated_data["to"], reason=form.validated_data["reason"],
                         actor=request.user, channel=Channel.API)
        return Response(AlertSerializer(alerts_queryset().get(pk=pk)).data)
