"""articles/: push an article (text, html or url) for extraction; follow its status."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.request import Request
from rest_framework.response import Response

from claims.api.base import ApiView, errors
from claims.api.pagination import KeysetPagination
from claims.api.permissions import ClientApi
from claims.api.serializers import ArticleDetailSerializer, ArticleInputSerializer, ArticleSerializer
from claims.models import Article, Channel, Claim
from claims.services.ingest import article_ingest
from claims.services.roles import is_reviewer


class ArticleScope:
    def get_queryset(self) -> QuerySet[Article]:
        """Reviewers see every article; a tool's account without a role sees what it submitted."""
        queryset = Article.objects.defer("text", "html")
        user = self.request.user  # type: ignore[attr-defined]
        return queryset if is_reviewer(user) else queryset.filter(submitted_by=user)


class ArticleList(ArticleScope, ApiView, generics.GenericAPIView):
    permission_classes = [ClientApi]
    serializer_class = ArticleSerializer
    pagination_class = KeysetPagination
    ordering_fields = {"id": "int"}
    default_ordering = "-id"

    @extend_schema(responses={200: ArticleSerializer(many=True), **errors()})
    def get(self, request: Request) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(ArticleSerializer(page, many=True, context={"request": request}).data)

    @extend_schema(
        request=ArticleInputSerializer,
        responses={202: ArticleSerializer, 200: ArticleSerializer, **errors(409)},
        description="202 with a status URL for a new article (or a changed page of yours); 200 with the existing "
                    "one for the same text. 409 when the URL or the text belongs to another account's article: "
                    "only that account or an editor may ingest it again, and the answer names no article.",
    )
    def post(self, request: Request) -> Response:
        form = ArticleInputSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        data = form.validated_data
        result = article_ingest(
            text=data.get("text") or None, html=data.get("html") or None, url=data.get("url") or None,
            title=data["title"], language=data["language"], published_at=data["published_at"],
            submitted_by=request.user, channel=Channel.API, html_in_worker=True,
        )
        body = ArticleSerializer(result.article, context={"request": request}).data
        # New and changed articles are queued for extraction (202); a known one is answered as it is.
        code = status.HTTP_202_ACCEPTED if result.queued else status.HTTP_200_OK
        response = Response(body, status=code)
        response["Location"] = body["status_url"]
        return response


class ArticleDetail(ArticleScope, ApiView, generics.GenericAPIView):
    permission_classes = [ClientApi]
    serializer_class = ArticleDetailSerializer

    @extend_schema(responses={200: ArticleDetailSerializer, **errors()})
    def get(self, request: Request, pk: int) -> Response:
        claims = Claim.objects.order_by("start", "id").only(
            "id", "article_id", "text", "quote", "start", "end", "checkworthiness", "kind", "status"
        )
        article = get_object_or_404(self.get_queryset().prefetch_related(Prefetch("claims", queryset=claims)), pk=pk)
        return Response(ArticleDetailSerializer(article, context={"request": request}).data)
