"""Keyset ("cursor") pagination that stays stable while rows are inserted.

The cursor holds the sort value and id of the last row served; the next page is the rows
strictly after that (value, id) pair. Rows inserted meanwhile never shift a page (no duplicates,
no skipped rows), unlike offset pagination or DRF's cursor with its offset for tied values.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param


@dataclass(frozen=True)
class Position:
    ordering: str
    value: Any
    pk: int


@dataclass(frozen=True)
class PagePlan:
    ordering: str
    size: int
    position: Position | None

    @property
    def field(self) -> str:
        return self.ordering.lstrip("-")

    @property
    def descending(self) -> bool:
        return self.ordering.startswith("-")


def encode_cursor(position: Position) -> str:
    value = position.value.isoformat() if isinstance(position.value, datetime) else position.value
    raw = json.dumps({"o": position.ordering, "v": value, "id": position.pk}, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, kinds: dict[str, str]) -> Position:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        data = json.loads(raw)
        ordering, value, pk = data["o"], data["v"], int(data["id"])
        kind = kinds[ordering.lstrip("-")]
        if kind == "datetime":
            value = datetime.fromisoformat(value)
        elif kind == "float":
            value = float(value)
        elif kind == "int":
            value = int(value)
    except (ValueError, KeyError, TypeError, binascii.Error, json.JSONDecodeError, AttributeError):
        raise ValidationError({"cursor": ["Invalid cursor."]}, code="invalid_cursor") from None
    return Position(ordering, value, pk)


class KeysetPagination(BasePagination):
    """Views set `ordering_fields` ({name: "float"|"datetime"|"int"}) and `default_ordering`."""

    page_size = 50
    max_page_size = 200
    cursor_query_param = "cursor"
    page_size_query_param = "page_size"
    ordering_query_param = "ordering"

    def __init__(self) -> None:
        self.next_url: str | None = None

    def orderings(self, view: Any) -> list[str]:
        return [prefix + name for name in view.ordering_fields for prefix in ("", "-")]

    def get_ordering(self, request: Request, view: Any) -> str:
        ordering = request.query_params.get(self.ordering_query_param) or view.default_ordering
        if ordering not in self.orderings(view):
            raise ValidationError(
                {"ordering": [f"Choose one of: {', '.join(self.orderings(view))}."]}, code="invalid_ordering"
            )
        return ordering

    def get_page_size(self, request: Request) -> int:
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        try:
            size = int(raw)
        except ValueError:
            raise ValidationError({"page_size": [_("A whole number is required.")]}) from None
        if not 1 <= size <= self.max_page_size:
            raise ValidationError({"page_size": [_("Between 1 and %(max)s.") % {"max": self.max_page_size}]})
        return size

    def plan(self, request: Request, view: Any) -> PagePlan:
        """What the request asks for (ordering, page size, the cursor's position), validated."""
        ordering = self.get_ordering(request, view)
        size = self.get_page_size(request)
        position = None
        cursor = request.query_params.get(self.cursor_query_param)
        if cursor:
            position = decode_cursor(cursor, view.ordering_fields)
            if position.ordering != ordering:
                raise ValidationError({"cursor": [_("This cursor belongs to another ordering.")]})
        return PagePlan(ordering, size, position)

    @staticmethod
    def page_query(queryset: QuerySet, plan: PagePlan, position: Position | None) -> QuerySet:
        """The rows of the page after `position` (the plan's, or stand-ins for it), one more than
        the page size to tell whether there is a next page."""
        field, descending = plan.field, plan.descending
        if position is not None:
            op = "lt" if descending else "gt"
            if field == "id":
                queryset = queryset.filter(**{f"id__{op}": position.pk})
            else:
                # The redundant bound (value <= v for a descending order) lets PostgreSQL start the index
                # scan at the cursor instead of filtering every row before it: deep pages stay fast.
                bound = "lte" if descending else "gte"
                queryset = queryset.filter(
                    Q(**{f"{field}__{bound}": position.value}),
                    Q(**{f"{field}__{op}": position.value}) | Q(**{field: position.value, f"id__{op}": position.pk}),
                )
        order = [plan.ordering] if field == "id" else [plan.ordering, "-id" if descending else "id"]
        return queryset.order_by(*order)[: plan.size + 1]

    def finish(self, rows: list[Any], plan: PagePlan, request: Request) -> list[Any]:
        """The page's rows, and the link to the next page when there is one."""
        self.request = request
        self.next_url = None
        if len(rows) > plan.size:
            rows = rows[: plan.size]
            last = rows[-1]
            if isinstance(last, dict):  # values() rows (the claims list)
                value, pk = last[plan.field], last["id"]
            else:
                value, pk = getattr(last, plan.field), last.pk
            token = encode_cursor(Position(plan.ordering, value, pk))
            url = request.build_absolute_uri()
            self.next_url = replace_query_param(url, self.cursor_query_param, token)
        return rows

    def paginate_queryset(self, queryset: QuerySet, request: Request, view: Any = None) -> list[Any]:
        plan = self.plan(request, view)
        return self.finish(list(self.page_query(queryset, plan, plan.position)), plan, request)

    def get_paginated_response(self, data: Any) -> Response:
        return Response({"next": self.next_url, "results": data}, headers=self.link_header())

    def link_header(self) -> dict[str, str]:
        """The next page as an RFC 8288 Link header too, for clients that page by headers."""
        return {"Link": f'<{self.next_url}>; rel="next"'} if self.next_url else {}

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        return {
            "type": "object",
            "required": ["next", "results"],
            "properties": {"next": {"type": "string", "format": "uri", "nullable": True}, "results": schema},
        }

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        return [
            {"name": self.cursor_query_param, "in": "query", "required": False,
             "description": "Opaque cursor from the `next` link of the previous page.", "schema": {"type": "string"}},
            {"name": self.page_size_query_param, "in": "query", "required": False,
             "description": f"Rows per page (1-{self.max_page_size}, default {self.page_size}).",
             "schema": {"type": "integer", "minimum": 1, "maximum": self.max_page_size}},
            {"name": self.ordering_query_param, "in": "query", "required": False,
             "description": "Sort order.", "schema": {"type": "string", "enum": self.orderings(view)}},
        ]

