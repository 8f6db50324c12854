"""Reusable claim filters, side-effect free: the API's list, the reviewer queue and the admin all
build their queries from these methods, so a filter (and its full-text SQL) exists once.

Values that cannot be represented in the database (an id past 64 bits, a date whose day does not
fit in UTC) are refused here with InvalidInput, which every caller turns into a 400.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.apps import apps
from django.db import connection, models
from django.db.models import BooleanField, Exists, OuterRef
from django.db.models.expressions import RawSQL
from django.utils import timezone

from claims.services.errors import InvalidInput

# Ids are BigAutoField: positive 64-bit integers.
MAX_ID = 2**63 - 1
# Statuses nobody works on any more: a published claim is done (a correction reopens it), so the
# queue's default tab does not list it.
OPEN_EXCLUDED = ("dismissed", "duplicate", "published")


def check_id(value: int, *, name: str) -> int:
    if not 1 <= value <= MAX_ID:
        raise InvalidInput(f"{name} must be a whole number between 1 and {MAX_ID}.", code="out_of_range")
    return value


def check_moment(value: dt.datetime, *, name: str) -> dt.datetime:
    """An aware date-time the database can store (it stores UTC): year 1 in Paris is not one."""
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    try:
        value.astimezone(dt.UTC)
        value.astimezone(timezone.get_current_timezone())
    except (OverflowError, ValueError) as exc:
        raise InvalidInput(f"{name} is out of range: give a date between the years 2 and 9998.",
                           code="out_of_range") from exc
    return value


def day_start(day: dt.date, *, name: str) -> dt.datetime:
    """The first moment of `day` in the current time zone, refused when it does not fit."""
    try:
        moment = dt.datetime.combine(day, dt.time.min, tzinfo=timezone.get_current_timezone())
    except (OverflowError, ValueError) as exc:
        raise InvalidInput(f"{name} is out of range.", code="out_of_range") from exc
    return check_moment(moment, name=name)


def day_after(day: dt.date, *, name: str) -> dt.datetime:
    try:
        following = day + dt.timedelta(days=1)
    except OverflowError as exc:
        raise InvalidInput(f"{name} is out of range: give a date before the year 9999.",
                           code="out_of_range") from exc
    return day_start(following, name=name)


class ClaimQuerySet(models.QuerySet):
    def open(self) -> ClaimQuerySet:
        """Claims a reviewer may still work on."""
        return self.exclude(status__in=OPEN_EXCLUDED)

    def for_review(self) -> ClaimQuerySet:
        """Open claims, with what the queue shows in one query."""
        return self.open().select_related("article", "assignee")

    def assigned_to(self, user: Any) -> ClaimQuerySet:
        return self.filter(assignee=user)

    def unassigned(self) -> ClaimQuerySet:
        return self.filter(assignee__isnull=True)

    def with_status(self, *statuses: str) -> ClaimQuerySet:
        return self.filter(status__in=statuses)

    def awaiting_approval(self) -> ClaimQuerySet:
        return self.filter(status="in_review")

    def published(self) -> ClaimQuerySet:
        return self.filter(status="published")

    def in_language(self, language: str) -> ClaimQuerySet:
        return self.filter(language=language)

    def in_article(self, article_id: int) -> ClaimQuerySet:
        return self.filter(article_id=check_id(article_id, name="article"))

    def min_checkworthiness(self, score: float) -> ClaimQuerySet:
        return self.filter(checkworthiness__gte=score)

    def max_checkworthiness(self, score: float) -> ClaimQuerySet:
        return self.filter(checkworthiness__lte=score)

    def with_strong_match(self) -> ClaimQuerySet:
        return self.filter(has_strong_match=True)

    def created_between(self, since: dt.date | None = None, until: dt.date | None = None) -> ClaimQuerySet:
        """Created on `since` or later and on `until` or earlier (whole days, in the current time zone)."""
        qs = self
        if since is not None:
            qs = qs.filter(created_at__gte=day_start(since, name="since"))
        if until is not None:
            qs = qs.filter(created_at__lt=day_after(until, name="until"))
        return qs

    def updated_since(self, moment: dt.datetime) -> ClaimQuerySet:
        return self.filter(updated_at__gte=check_moment(moment, name="updated_since"))

    def with_verdict(self, present: bool = True) -> ClaimQuerySet:
        """Claims with (or without) a verdict that is not retracted history."""
        verdict = apps.get_model("claims", "Verdict")
        live = Exists(verdict.objects.live().filter(claim=OuterRef("pk")))
        return self.filter(live) if present else self.exclude(live)

    def with_published_rating(self, slug: str) -> ClaimQuerySet:
        verdict = apps.get_model("claims", "Verdict")
        return self.filter(Exists(verdict.objects.filter(claim=OuterRef("pk"), status="published",
                                                         rating__slug=slug)))

    def search(self, text: str) -> ClaimQuerySet:
        """Full-text search on the claim text: the GIN index of migration 0003 on PostgreSQL (the
        expression must match the index's exactly), a case-insensitive substring elsewhere."""
        text = text.strip()
        if not text:
            return self
        if connection.vendor == "postgresql":
            return self.filter(RawSQL(
                "to_tsvector('simple'::regconfig, claims_claim.text) @@ plainto_tsquery('simple'::regconfig, %s)",
                [text], output_field=BooleanField(),
            ))
        return self.filter(text__icontains=text)
