"""claims/{id}/verdict/: the working verdict (or the published one) and saving a draft."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response

from claims.api.base import ApiView, errors
from claims.api.permissions import ReviewerApi
from claims.api.serializers import VerdictInputSerializer, VerdictSerializer
from claims.claimreview import claimreview_problems
from claims.models import Channel, Claim, Verdict, current_verdict
from claims.services.workflow import verdict_save


def verdict_response(verdict: Verdict, code: int = status.HTTP_200_OK) -> Response:
    problems = claimreview_problems(verdict, claim=verdict.claim) if verdict.is_open else []
    response = Response(VerdictSerializer(verdict, context={"problems": problems}).data, status=code)
    response["ETag"] = f'"verdict-{verdict.pk}-v{verdict.version}"'
    return response


class VerdictDetail(ApiView, generics.GenericAPIView):
    permission_classes = [ReviewerApi]
    serializer_class = VerdictSerializer

    def get_queryset(self) -> Any:
        return Verdict.objects.filter(claim_id=self.kwargs["pk"])

    @extend_schema(responses={200: VerdictSerializer, **errors()})
    def get(self, request: Request, pk: int) -> Response:
        claim = get_object_or_404(Claim.objects.all(), pk=pk)
        verdict = current_verdict(
            Verdict.objects.live().filter(claim=claim).select_related("rating", "author", "approver", "claim__article")
        )
        if verdict is None:
            raise NotFound("This claim has no verdict yet.", code="no_verdict")
        return verdict_response(verdict)

    @extend_schema(request=VerdictInputSerializer, responses={200: VerdictSerializer, 201: VerdictSerializer,
                                                              **errors(409, 412)})
    def put(self, request: Request, pk: int) -> Response:
        claim = get_object_or_404(Claim.objects.only("id"), pk=pk)
        form = VerdictInputSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        data = form.validated_data
        existed = Verdict.objects.open().filter(claim=claim).exists()
        verdict = verdict_save(
            claim=claim.pk, actor=request.user, rating=data["rating"], summary=data["summary"],
            explanation=data["explanation"], sources=data["sources"], channel=Channel.API,
            expected_version=data.get("version"),
        )
        verdict = Verdict.objects.select_related("rating", "author", "approver", "claim__article").get(pk=verdict.pk)
        return verdict_response(verdict, status.HTTP_200_OK if existed else status.HTTP_201_CREATED)
