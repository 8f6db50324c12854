"""The dashboard's figures: a handful of aggregate queries, drawn as server-side SVG."""

from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.db.models import Count
from django.db.models.functions import TruncDate, TruncWeek
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from claims.models import (
    Alert,
    AlertState,
    AuditEvent,
    Claim,
    ClaimStatus,
    EvidenceRun,
    RunStatus,
    Verdict,
    VerdictStatus,
)
from claims.review.charts import NARROW, Bar, Series, hbar_chart, share_bars, stacked_columns
from claims.review.labels import BUCKET_LABELS, provider_label

DAYS = 30
STATUS_COLOURS = {
    ClaimStatus.NEW: "#8fa3b8",
    ClaimStatus.SELECTED: "#2f6690",
    ClaimStatus.IN_PROGRESS: "#c99a06",
    ClaimStatus.IN_REVIEW: "#7a4eab",
    ClaimStatus.PUBLISHED: "#1e7b3a",
    ClaimStatus.DISMISSED: "#5c6670",
    ClaimStatus.DUPLICATE: "#b9a27a",
}
ALERT_WEEKS = 12
ALERT_COLOURS = {
    AlertState.NEW: "#f4c542",
    AlertState.ACKNOWLEDGED: "#2f6690",
    AlertState.OPENED: "#1e7b3a",
    AlertState.DISMISSED: "#8fa3b8",
}
# Time to publication in buckets people talk in (their names: labels.BUCKET_LABELS).
BUCKETS = [timedelta(hours=1), timedelta(days=1), timedelta(days=3), timedelta(days=7), None]


@dataclass(frozen=True)
class Chart:
    """One chart drawn for a desktop card and for a phone's (see claims.review.charts)."""

    wide: SafeString
    narrow: SafeString


def both(draw: Callable[..., SafeString], *args: Any, narrow: dict[str, Any] | None = None, **kwargs: Any) -> Chart:
    return Chart(draw(*args, **kwargs), draw(*args, **{**kwargs, "width": NARROW, "font_size": 13, **(narrow or {})}))


def _human(delta: timedelta) -> str:
    """A duration the way people say it, in the current language's number format."""
    minutes = delta.total_seconds() / 60
    if minutes < 90:
        return _("%(n)s min") % {"n": number_format(minutes, 0)}
    if minutes < 48 * 60:
        return _("%(n)s h") % {"n": number_format(minutes / 60, 1)}
    return _("%(n)s days") % {"n": number_format(minutes / 1440, 1)}


def dashboard() -> dict[str, Any]:
    now = timezone.now()
    since = now - timedelta(days=DAYS)
    today = timezone.localdate(now)

    # Claims extracted per day, coloured by where they stand now.
    per_day: dict[Any, dict[str, int]] = {}
    for row in (
        Claim.objects.filter(created_at__gte=since).annotate(day=TruncDate("created_at"))
        .values("day", "status").annotate(n=Count("id")).order_by()
    ):
        per_day.setdefault(row["day"], {})[row["status"]] = row["n"]
    statuses = list(ClaimStatus)
    days = [today - timedelta(days=i) for i in range(DAYS - 1, -1, -1)]
    columns = [(f"{d:%d/%m}", [per_day.get(d, {}).get(s, 0) for s in statuses]) for d in days]
    status_chart = both(
        stacked_columns, columns, [Series(str(s.label), STATUS_COLOURS[s]) for s in statuses],
        title=_("Claims by status over time"),
        desc=_("Claims extracted per day over the last %(days)s days, by their current status.") % {"days": DAYS},
    )

    rating_rows = (
        Verdict.objects.filter(status=VerdictStatus.PUBLISHED)
        .values("rating__label_fr", "rating__label_en", "rating__colour", "rating__order")
        .annotate(n=Count("id")).order_by("rating__order")
    )
    english = (get_language() or "fr").startswith("en")
    rating_chart = both(
        hbar_chart, [Bar(r["rating__label_en" if english else "rating__label_fr"] or "?", r["n"], r["rating__colour"] or "#777")
         for r in rating_rows],
        title=_("Published verdicts by rating"), desc=_("Number of published verdicts per rating."),
        narrow={"label_width": 130},
    )

    durations = [
        published - created
        for published, created in Verdict.objects.filter(
            status=VerdictStatus.PUBLISHED, published_at__gte=now - timedelta(days=365)
        ).values_list("published_at", "claim__created_at")
        if published and created
    ]
    median = statistics.median(durations) if durations else None
    counts = [0] * len(BUCKETS)
    for delta in durations:
        counts[next(i for i, limit in enumerate(BUCKETS) if limit is None or delta < limit)] += 1
    duration_chart = both(
        hbar_chart, [Bar(str(label), n) for label, n in zip(BUCKET_LABELS, counts, strict=True)],
        title=_("Time from extraction to publication"),
        desc=_("Published verdicts of the last year, by time from extraction to publication."), label_width=80,
    )

    work = (
        AuditEvent.objects.filter(created_at__gte=since, actor__isnull=False)
        .exclude(action__endswith=".refused")
        .values("actor__username").annotate(n=Count("id")).order_by("-n", "actor__username")[:15]
    )
    work_chart = both(
        hbar_chart, [Bar(r["actor__username"], r["n"], "#2f6690") for r in work],
        title=_("Work per reviewer"),
        desc=_("Actions recorded per person over the last %(days)s days.") % {"days": DAYS},
        narrow={"label_width": 130},
    )

    runs: dict[str, list[int]] = {}
    for row in EvidenceRun.objects.values("provider", "status").annotate(n=Count("id")).order_by("provider"):
        pair = runs.setdefault(row["provider"], [0, 0])
        if row["status"] == RunStatus.DONE:
            pair[0] += row["n"]
        elif row["status"] == RunStatus.FAILED:
            pair[1] += row["n"]
    provider_chart = both(
        share_bars, [(provider_label(name), ok, failed) for name, (ok, failed) in runs.items()],
        title=_("Evidence provider success rate"),
        desc=_("Finished provider runs per provider: succeeded and failed."),
        ok_label=_("Succeeded"), failed_label=_("Failed"), narrow={"label_width": 130},
    )
    alert_weeks, alert_sources = alert_charts(now)
    return {
        "alert_week_chart": alert_weeks,
        "alert_source_chart": alert_sources,
        "status_chart": status_chart,
        "rating_chart": rating_chart,
        "duration_chart": duration_chart,
        "work_chart": work_chart,
        "provider_chart": provider_chart,
        "median": _human(median) if median is not None else None,
        "published_count": len(durations),
        "days": DAYS,
    }


def alert_charts(now: Any) -> tuple[Any, Any]:
    """Repeated-claim alerts (strong matches) per week by state, and per source: two aggregates."""
    this_monday = timezone.localdate(now) - timedelta(days=timezone.localdate(now).weekday())
    weeks = [this_monday - timedelta(weeks=i) for i in range(ALERT_WEEKS - 1, -1, -1)]
    per_week: dict[Any, dict[str, int]] = {}
    strong = Alert.objects.filter(tier="strong")
    for row in (
        strong.filter(created_at__date__gte=weeks[0]).annotate(week=TruncWeek("created_at"))
        .values("week", "state").annotate(n=Count("id")).order_by()
    ):
        week = row["week"].date() if hasattr(row["week"], "date") else row["week"]
        per_week.setdefault(week, {})[row["state"]] = row["n"]
    states = list(AlertState)
    week_chart = both(
        stacked_columns, [(f"{w:%d/%m}", [per_week.get(w, {}).get(s, 0) for s in states]) for w in weeks],
        [Series(str(s.label), ALERT_COLOURS[s]) for s in states],
        title=_("Alerts per week"),
        desc=_("Repeated-claim alerts raised per week over the last %(weeks)s weeks, by their current state.")
        % {"weeks": ALERT_WEEKS},
    )
    by_source = (
        strong.filter(created_at__gte=now - timedelta(weeks=ALERT_WEEKS))
        .values("source__name").annotate(n=Count("id")).order_by("-n", "source__name")[:15]
    )
    source_chart = both(
        hbar_chart, [Bar(r["source__name"] or _("Submitted articles"), r["n"], "#c99a06") for r in by_source],
        title=_("Alerts per source"),
        desc=_("Repeated-claim alerts per watched source over the last %(weeks)s weeks.") % {"weeks": ALERT_WEEKS},
        narrow={"label_width": 130},
    )
    return week_chart, source_chart
