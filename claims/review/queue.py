"""The queue's filters, sorting and pagination: parsed from the URL so a filter can be saved as a link.

Pagination never counts the filtered rows (a COUNT over 100k claims on every page view is the slow
part of a classic paginator): it fetches one row more than it shows to know whether a next page exists.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from urllib.parse import urlencode

from django.db.models import Count
from django.http import QueryDict
from django.utils.formats import get_format

from claims.models import Claim, ClaimStatus
from claims.querysets import OPEN_EXCLUDED, ClaimQuerySet

PER_PAGE = 50
MAX_PAGE = 2000
OPEN = "open"  # every status a reviewer still works on
SORTS: dict[str, tuple[str, ...]] = {
    "score": ("-checkworthiness", "-id"),
    "-score": ("checkworthiness", "id"),
    "age": ("created_at", "id"),
    "-age": ("-created_at", "-id"),
    "article": ("article__title", "article_id", "start", "id"),
    "language": ("language", "-checkworthiness", "-id"),
    "status": ("status", "-checkworthiness", "-id"),
    "assignee": ("assignee__username", "-checkworthiness", "-id"),
    "evidence": ("-evidence_count", "-checkworthiness", "-id"),
}
FILTER_KEYS = ("status", "language", "mine", "unassigned", "strong", "min", "article", "since", "until", "q", "sort")


def _int(value: str | None, default: int | None = None) -> int | None:
    try:
        return int(value) if value not in (None, "") else default
    except ValueError:
        return default


def _float(value: str | None) -> float | None:
    try:
        number = float(value) if value not in (None, "") else None
    except ValueError:
        return None
    return None if number is None else min(max(number, 0.0), 1.0)


def _date(value: str | None) -> date | None:
    """A date typed in the reader's format (31/01/2026 in French) or ISO (saved links)."""
    value = (value or "").strip()
    if not value:
        return None
    for fmt in ("%Y-%m-%d", *get_format("DATE_INPUT_FORMATS")):
        try:
            return datetime.strptime(value, fmt).date()  # noqa: DTZ007 - a calendar date, no time of day
        except ValueError:
            continue
    return None


def date_text(value: date | None) -> str:
    """A date in the first input format of the reader's language (what the filter field shows)."""
    return value.strftime(get_format("DATE_INPUT_FORMATS")[0]) if value else ""


@dataclass
class QueueFilters:
    status: str = OPEN
    language: str = ""
    mine: bool = False
    unassigned: bool = False
    strong: bool = False
    min_score: float | None = None
    article: int | None = None
    since: date | None = None
    until: date | None = None
    q: str = ""
    sort: str = "score"
    page: int = 1
    errors: list[str] = field(default_factory=list)

    @classmethod
    def from_query(cls, params: QueryDict) -> QueueFilters:
        status = params.get("status", OPEN)
        if status not in (OPEN, "all", *ClaimStatus.values):
            status = OPEN
        sort = params.get("sort", "score")
        return cls(
            status=status,
            language=params.get("language", "")[:16],
            mine=params.get("mine") == "1",
            unassigned=params.get("unassigned") == "1",
            strong=params.get("strong") == "1",
            min_score=_float(params.get("min")),
            article=_int(params.get("article")),
            since=_date(params.get("since")),
            until=_date(params.get("until")),
            q=params.get("q", "").strip()[:200],
            sort=sort if sort in SORTS else "score",
            page=min(max(_int(params.get("page"), 1) or 1, 1), MAX_PAGE),
        )

    def as_params(self, **override: Any) -> dict[str, str]:
        values: dict[str, Any] = {
            "status": "" if self.status == OPEN else self.status,
            "language": self.language,
            "mine": "1" if self.mine else "",
            "unassigned": "1" if self.unassigned else "",
            "strong": "1" if self.strong else "",
            "min": "" if self.min_score is None else f"{self.min_score:g}",
            "article": self.article or "",
            "since": self.since.isoformat() if self.since else "",
            "until": self.until.isoformat() if self.until else "",
            "q": self.q,
            "sort": "" if self.sort == "score" else self.sort,
        }
        values.update(override)
        return {k: str(v) for k, v in values.items() if v not in ("", None)}

    def url(self, **override: Any) -> str:
        params = self.as_params(**override)
        return "?" + urlencode(params) if params else "?"

    def apply(self, qs: ClaimQuerySet, user: Any, *, with_status: bool = True) -> ClaimQuerySet:
        """The filters, with the shared ClaimQuerySet methods (InvalidInput for values out of range)."""
        if with_status:
            if self.status == OPEN:
                qs = qs.open()
            elif self.status != "all":
                qs = qs.with_status(self.status)
        if self.language:
            qs = qs.in_language(self.language)
        if self.mine:
            qs = qs.assigned_to(user)
        if self.unassigned:
            qs = qs.unassigned()
        if self.strong:
            qs = qs.with_strong_match()
        if self.min_score is not None:
            qs = qs.min_checkworthiness(self.min_score)
        if self.article:
            qs = qs.in_article(self.article)
        qs = qs.created_between(self.since, self.until)
        if self.q:
            qs = qs.search(self.q)
        return qs


@dataclass
class QueuePage:
    rows: list[Claim]
    has_next: bool
    counts: dict[str, int]
    total_shown_status: int


def queue_page(filters: QueueFilters, user: Any) -> QueuePage:
    """One page of the queue; raises InvalidInput for a filter value out of range (a 400)."""
    base = Claim.objects.all()
    qs = filters.apply(base, user).select_related("article", "assignee").order_by(*SORTS[filters.sort])
    offset = (filters.page - 1) * PER_PAGE
    rows = list(qs[offset : offset + PER_PAGE + 1])
    counted = filters.apply(base, user, with_status=False).order_by().values("status").annotate(n=Count("id"))
    counts = {row["status"]: row["n"] for row in counted}
    return QueuePage(
        rows=rows[:PER_PAGE],
        has_next=len(rows) > PER_PAGE,
        counts=counts,
        total_shown_status=sum(n for s, n in counts.items() if s not in OPEN_EXCLUDED),
    )
