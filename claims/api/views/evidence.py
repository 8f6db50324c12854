"""claims/{id}/evidence/ and claims/{id}/runs/: what the providers found, stances, retries."""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.request import Request
from rest_framework.response import Response

from claims.api.base import ApiView, errors
from claims.api.permissions import ReviewerApi
from claims.api.serializers import (
    AcceptedSerializer,
    EvidenceAddSerializer,
    EvidenceRunSerializer,
    EvidenceSerializer,
    EvidenceStanceSerializer,
)
from claims.models import Channel, Claim, Evidence, EvidenceRun
from claims.services.evidence import evidence_add_url, evidence_run_retry, evidence_set_stance


def runs_url(request: Request, claim_id: int) -> str:
    return request.build_absolute_uri(f"/api/v1/claims/{claim_id}/runs/")


class EvidenceList(ApiView, generics.GenericAPIView):
    permission_classes = [ReviewerApi]
    serializer_class = EvidenceSerializer

    def get_queryset(self) -> QuerySet[Evidence]:
        return Evidence.objects.filter(claim_id=self.kwargs["pk"]).order_by("-relevance", "id")

    @extend_schema(responses={200: EvidenceSerializer(many=True), **errors()})
    def get(self, request: Request, pk: int) -> Response:
        get_object_or_404(Claim.objects.only("id"), pk=pk)
        return Response(EvidenceSerializer(self.get_queryset(), many=True).data)

    @extend_schema(request=EvidenceAddSerializer, responses={202: AcceptedSerializer, **errors(409)},
                   description="Snapshot a URL as evidence; the fetch runs in the background.")
    def post(self, request: Request, pk: int) -> Response:
        claim = get_object_or_404(Claim.objects.all(), pk=pk)
        form = EvidenceAddSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        evidence_add_url(claim=claim, url=form.validated_data["url"], actor=request.user, channel=Channel.API)
        return Response({"status": "queued", "status_url": runs_url(request, claim.pk)},
                        status=status.HTTP_202_ACCEPTED)


class EvidenceDetail(ApiView, generics.GenericAPIView):
    permission_classes = [ReviewerApi]
    serializer_class = EvidenceSerializer

    @extend_schema(request=EvidenceStanceSerializer, responses={200: EvidenceSerializer, **errors(409)})
    def patch(self, request: Request, pk: int, evidence_id: int) -> Response:
        evidence = get_object_or_404(Evidence.objects.all(), pk=evidence_id, claim_id=pk)
        form = EvidenceStanceSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        evidence_set_stance(evidence=evidence, stance=form.validated_data["stance"],
                            note=form.validated_data["note"], actor=request.user, channel=Channel.API)
        evidence.refresh_from_db()
        return Response(EvidenceSerializer(evidence).data)


class RunList(ApiView, generics.GenericAPIView):
    permission_classes = [ReviewerApi]
    serializer_class = EvidenceRunSerializer

    def get_queryset(self) -> QuerySet[EvidenceRun]:
        return EvidenceRun.objects.filter(claim_id=self.kwargs["pk"])

    @extend_schema(responses={200: EvidenceRunSerializer(many=True), **errors()})
    def get(self, request: Request, pk: int) -> Response:
        get_object_or_404(Claim.objects.only("id"), pk=pk)
        return Response(EvidenceRunSerializer(self.get_queryset(), many=True).data)


class RunRetry(ApiView, generics.GenericAPIView):
    permission_classes = [ReviewerApi]
    serializer_class = AcceptedSerializer

    @extend_schema(request=None, responses={202: AcceptedSerializer, **errors(409)})
    def post(self, request: Request, pk: int, provider: str) -> Response:
        claim = get_object_or_404(Claim.objects.all(), pk=pk)
        evidence_run_retry(claim=claim, provider=provider, actor=request.user, channel=Channel.API)
        return Response({"status": "queued", "status_url": runs_url(request, claim.pk)},
                        status=status.HTTP_202_ACCEPTED)
