"""claims/: list with filters and keyset pagination, detail with ETag, PATCH with If-Match,
manual creation, and workflow transitions."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.timezone import get_current_timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from claims.api.base import ApiView, errors
from claims.api.claim_rows import FIELDS as CLAIM_FIELDS
from claims.api.claim_rows import claim_dict, claim_etag, claim_row, claim_rows, rating_label_column
from claims.api.errors import PreconditionRequired
from claims.api.pagination import KeysetPagination, Position
from claims.api.permissions import NotTouchesPublication, PublishScope, ReviewerApi
from claims.api.serializers import (
    ClaimCreateSerializer,
    ClaimFilterSerializer,
    ClaimPatchSerializer,
    ClaimSerializer,
    TransitionSerializer,
)
from claims.api.statements import cached_rows
from claims.models import Channel, Claim, ClaimStatus
from claims.querysets import check_id, check_moment
from claims.services.claims_manual import claim_create
from claims.services.workflow import (
    claim_assign,
    claim_mark_duplicate,
    claim_transition,
    claim_update,
)

User = get_user_model()
IF_MATCH = re.compile(r'^(?:W/)?"?(?:claim-(?P<pk>\d+)-v)?(?P<version>\d+)"?$')


def wanted_fields(request: Request) -> list[str] | None:
    raw = request.query_params.get("fields")
    if not raw:
        return None
    names = [name.strip() for name in raw.split(",") if name.strip()]
    unknown = sorted(set(names) - set(CLAIM_FIELDS))
    if unknown or not names:
        raise ValidationError(
            {"fields": [f"Unknown fields: {', '.join(unknown)}. Choose from: {', '.join(CLAIM_FIELDS)}."]},
            code="unknown_fields",
        )
    chosen = set(names)
    return [name for name in CLAIM_FIELDS if name in chosen]  # the documented order, each once


def claim_response(pk: int, fields: list[str] | None = None, code: int = status.HTTP_200_OK) -> Response:
    """A claim as the API shows it, with its ETag (one query)."""
    row = claim_row(pk, fields)
    if row is None:
        raise Http404
    response = Response(claim_dict(row, fields), status=code)
    response["ETag"] = claim_etag(pk, row["version"])
    return response


FILTER_PARAMS = tuple(ClaimFilterSerializer().fields)


@lru_cache(maxsize=512)
def _validated_filters(zone: str, given: tuple[tuple[str, tuple[str, ...]], ...]) -> dict[str, Any]:
    """The filter serializer's answer for these parameters (in this time zone, which reads naive
    times). Tools poll the same few queries over and over: validating them once per process saves
    DRF's per-instance field copies on every page. Refusals raise and are not cached."""
    params: dict[str, Any] = {name: values[-1] for name, values in given}
    if "status" in params:
        params["status"] = [s for raw in dict(given)["status"] for s in raw.split(",") if s]
    form = ClaimFilterSerializer(data=params)
    form.is_valid(raise_exception=True)
    return dict(form.validated_data)


def claim_filters(request: Request) -> dict[str, Any]:
    """The list's query parameters, validated, as plain values (what apply_claim_filters reads)."""
    query = request.query_params
    given = tuple((name, tuple(query.getlist(name))) for name in FILTER_PARAMS if name in query)
    data = _validated_filters(str(get_current_timezone()), given)
    values: dict[str, Any] = {}
    if data.get("status"):
        values["status"] = sorted(data["status"])
    if data.get("language"):
        values["language"] = data["language"]
    if data.get("article"):
        values["article"] = check_id(data["article"], name="article")
    if "assignee" in data:
        who = data["assignee"]
        if who == "none":
            values["unassigned"] = True
        elif who == "me":
            values["assignee_id"] = request.user.pk
        elif who.isdigit():
            values["assignee_id"] = check_id(int(who), name="assignee")
        else:
            values["assignee_username"] = who
    for bound in ("min_checkworthiness", "max_checkworthiness"):
        if bound in data:
            values[bound] = data[bound]
    if data.get("has_verdict") is not None:
        values["has_verdict"] = data["has_verdict"]
    if data.get("rating"):
        values["rating"] = data["rating"]
    if data.get("updated_since"):
        values["updated_since"] = check_moment(data["updated_since"], name="updated_since")
    if data.get("q", "").strip():
        values["q"] = data["q"].strip()
    return values


# claim_filters' keys and the shared ClaimQuerySet filter each one applies (in this order).
CLAIM_FILTERS: dict[str, Any] = {
    "status": lambda queryset, statuses: queryset.with_status(*statuses),
    "language": lambda queryset, language: queryset.in_language(language),
    "article": lambda queryset, article: queryset.in_article(article),
    "unassigned": lambda queryset, _yes: queryset.unassigned(),
    "assignee_id": lambda queryset, pk: queryset.filter(assignee_id=pk),
    "assignee_username": lambda queryset, username: queryset.filter(assignee__username=username),
    "min_checkworthiness": lambda queryset, score: queryset.min_checkworthiness(score),
    "max_checkworthiness": lambda queryset, score: queryset.max_checkworthiness(score),
    "has_verdict": lambda queryset, present: queryset.with_verdict(present),
    "rating": lambda queryset, slug: queryset.with_published_rating(slug),
    "updated_since": lambda queryset, moment: queryset.updated_since(moment),
    "q": lambda queryset, text: queryset.search(text),
}


def apply_claim_filters(queryset: QuerySet[Claim], values: dict[str, Any]) -> QuerySet[Claim]:
    """claim_filters' values applied with the shared ClaimQuerySet filters."""
    for key, apply in CLAIM_FILTERS.items():
        if key in values:
            queryset = apply(queryset, values[key])
    return queryset


def expected_version(request: Request, claim_pk: int) -> int | None:
    """The version named by If-Match; None for `*`. Missing or malformed headers are refused."""
    header = request.headers.get("If-Match", "").strip()
    if not header:
        raise PreconditionRequired()
    if header == "*":
        return None
    match = IF_MATCH.match(header)
    if match is None:
        raise ValidationError({"If-Match": ["Send the ETag of the claim, e.g. \"claim-12-v3\"."]},
                              code="invalid_if_match")
    if match["pk"] and int(match["pk"]) != claim_pk:
        raise ValidationError({"If-Match": ["This ETag belongs to another claim."]}, code="invalid_if_match")
    return int(match["version"])


class ClaimList(ApiView, generics.GenericAPIView):
    permission_classes = [ReviewerApi]
    serializer_class = ClaimSerializer
    pagination_class = KeysetPagination
    ordering_fields = {"checkworthiness": "float", "created_at": "datetime", "updated_at": "datetime", "id": "int"}
    default_ordering = "-checkworthiness"

    def get_queryset(self) -> QuerySet[Claim]:
        return Claim.objects.all()

    @extend_schema(parameters=[ClaimFilterSerializer], responses={200: ClaimSerializer(many=True), **errors()})
    def get(self, request: Request) -> Response:
        fields = wanted_fields(request)
        filters = claim_filters(request)
        paginator: KeysetPagination = self.paginator  # type: ignore[assignment]
        plan = paginator.plan(request, self)

        def page(values: tuple[dict[str, Any], Position | None]) -> QuerySet[Claim]:
            chosen, position = values
            queryset = claim_rows(apply_claim_filters(self.get_queryset(), chosen), fields, keep=(plan.field,))
            return paginator.page_query(queryset, plan, position)

        # The page's SQL is compiled once per shape (fields, filters, ordering, page size, cursor or not).
        key = ("claims", tuple(fields or ()), plan.ordering, plan.size, rating_label_column())
        rows = paginator.finish(cached_rows(page, (filters, plan.position), key=key), plan, request)
        zone = get_current_timezone()
        return self.get_paginated_response([claim_dict(row, fields, zone) for row in rows])

    @extend_schema(request=ClaimCreateSerializer, responses={201: ClaimSerializer, **errors()})
    def post(self, request: Request) -> Response:
        form = ClaimCreateSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        claim = claim_create(**form.validated_data, actor=request.user, channel=Channel.API)
        response = claim_response(claim.pk, code=status.HTTP_201_CREATED)
        response["Location"] = request.build_absolute_uri(f"/api/v1/claims/{claim.pk}/")
        return response


class ClaimDetail(ApiView, generics.GenericAPIView):
    permission_classes = [ReviewerApi]
    serializer_class = ClaimSerializer

    def get_queryset(self) -> QuerySet[Claim]:
        return Claim.objects.all()

    @extend_schema(
        parameters=[OpenApiParameter("fields", str, description="Comma-separated subset of the fields.")],
        responses={200: ClaimSerializer, **errors()},
    )
    def get(self, request: Request, pk: int) -> Response:
        fields = wanted_fields(request)
        row = claim_row(pk, fields)
        if row is None:
            raise Http404
        etag = claim_etag(pk, row["version"])
        if request.headers.get("If-None-Match") == etag:  # unchanged: nothing to render
            return Response(status=status.HTTP_304_NOT_MODIFIED, headers={"ETag": etag})
        response = Response(claim_dict(row, fields))
        response["ETag"] = etag
        return response

    @extend_schema(
        request=ClaimPatchSerializer,
        parameters=[OpenApiParameter("If-Match", str, OpenApiParameter.HEADER, required=True,
                                     description="The claim's ETag (or its version number).")],
        responses={200: ClaimSerializer, **errors(409, 412, 428)},
    )
    def patch(self, request: Request, pk: int) -> Response:
        claim = get_object_or_404(Claim.objects.only("id"), pk=pk)
        version = expected_version(request, claim.pk)
        form = ClaimPatchSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        changes = dict(form.validated_data)
        assign = "assignee" in changes
        assignee = changes.pop("assignee", None)
        if assign and changes:
            with transaction.atomic():  # an assignment and an edit succeed or fail together
                claim = claim_assign(claim=claim.pk, assignee=assignee, actor=request.user, channel=Channel.API,
                                     expected_version=version)
                claim_update(claim=claim.pk, actor=request.user, changes=changes, channel=Channel.API,
                             expected_version=claim.version if version is not None else None)
        elif assign:
            claim_assign(claim=claim.pk, assignee=assignee, actor=request.user, channel=Channel.API,
                         expected_version=version)
        else:
            claim_update(claim=claim.pk, actor=request.user, changes=changes, channel=Channel.API,
                         expected_version=version)
        return claim_response(pk)


class ClaimTransition(ApiView, generics.GenericAPIView):
    """Publishing (or reopening a published claim for correction) also needs the `publish` scope."""

    permission_classes = [ReviewerApi & (NotTouchesPublication | PublishScope)]
    serializer_class = TransitionSerializer

    def claim_is_published(self) -> bool:
        return Claim.objects.filter(pk=self.kwargs["pk"], status=ClaimStatus.PUBLISHED).exists()

    @extend_schema(request=TransitionSerializer, responses={200: ClaimSerializer, **errors(409, 412)})
    def post(self, request: Request, pk: int) -> Response:
        claim = get_object_or_404(Claim.objects.only("id"), pk=pk)
        form = TransitionSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        data = form.validated_data
        if data["to"] == ClaimStatus.DUPLICATE:
            claim_mark_duplicate(claim=claim.pk, original=data["duplicate_of"], actor=request.user,
                                 channel=Channel.API, expected_version=data.get("version"))
        else:
            claim_transition(claim=claim.pk, to=data["to"], actor=request.user, comment=data["comment"],
                             channel=Channel.API, expected_version=data.get("version"))
        return claim_response(pk)

