"""Calendar values of the dates find_dates gives (resolve_dates): an ISO day, month or year from the
publication date and the tense, the nearest fitting year of a year-less day-month, the days of a week
or a weekend, and a bare weekday anchored to a date the article gave before (anchor_weekdays)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from claims.extraction.dates import _SIDE_WORDS


def _nearest(candidates: list[Any], day0: Any, tense: str) -> Any:
    """Of the same calendar date in several years/weeks, the one the verb's tense points to."""
    if tense == "past":
        behind = [c for c in candidates if c <= day0]
        return max(behind) if behind else min(candidates)
    if tense == "future":
        ahead = [c for c in candidates if c >= day0]
        return min(ahead) if ahead else max(candidates)
    return min(candidates, key=lambda c: (abs((c - day0).days), c > day0))


def _week_span(day0: Any, period: str, offset: int, tense: str) -> tuple[Any, Any]:
    """First and last day of "la semaine dernière" (Monday to Sunday, a week from publication's) or of a
    weekend (Saturday and Sunday). "ce week-end" is the coming one, or the one just gone in a past
    sentence ("ce week-end, 45 accidents ont été recensés" in Monday's paper); "le week-end dernier"
    the last one over before publication, "le week-end prochain" the first one ahead of it."""
    if period == "week":
        monday = day0 - dt.timedelta(days=day0.weekday()) + dt.timedelta(weeks=offset)
        return monday, monday + dt.timedelta(days=6)
    # Saturday of the weekend publication falls in, else of the coming one.
    coming = day0 + dt.timedelta(days=5 - day0.weekday())
    inside = day0.weekday() >= 5
    if offset < 0 or offset == 0 and tense == "past" and not inside:
        saturday = coming - dt.timedelta(days=7)
    elif offset > 0 and inside:
        saturday = coming + dt.timedelta(days=7)
    else:
        saturday = coming
    return saturday, saturday + dt.timedelta(days=1)


def anchor_weekdays(claims: list[list[dict[str, Any]]], published: Any) -> None:
    """A bare weekday after a date of the same weekday within a week of publication is that date: the
    article dated the day once and names it by its weekday afterwards ("Yahya s'est coincé une main
    samedi 1er juillet. [...] Samedi 20h30, Fethia fait ses courses", a narrative present that the
    tense alone would put ahead). Not within one claim ("remontent au 2 juin [...] prévue mardi"
    names two days), nor against the weekday's tense (a future one, or a past one before a date
    ahead). `claims` holds the resolved dates of each claim
    of one article, with their offsets."""
    if published is None:
        return
    day0 = published.date() if isinstance(published, dt.datetime) else published
    dated: dict[int, tuple[str, int]] = {}
    told: Any = None  # the last day of the week before publication that the article told in the past
    items = sorted(((d, k) for k, dates in enumerate(claims) for d in dates), key=lambda p: p[0].get("start", 0))
    before: dict[str, Any] = {}
    for item, claim in items:
        value = item.get("value") or ""
        words = set(item.get("text", "").lower().split())
        if item.get("type") == "weekday" and item.get("follows") and before.get("type") == "weekday":
            _follow(item, before)
        elif item.get("type") == "date" and len(value) == 10 and not item.get("values"):
            day = dt.date.fromisoformat(value)
            if abs((day - day0).days) <= 7:
                dated[day.weekday()] = (value, claim)
        elif item.get("type") == "weekday" and item.get("weekday") in dated and dated[item["weekday"]][1] != claim \
                and not _SIDE_WORDS & words:
            value, _claim = dated[item["weekday"]]
            tense = item.get("tense")
            if tense == "future" or tense == "past" and value > day0.isoformat():
                continue
            if words & {"ce", "this"} and dt.date.fromisoformat(value).isocalendar()[:2] != day0.isocalendar()[:2]:
                continue  # "ce mardi" is this week's Tuesday, not the one dated last week
            item["value"] = value
        elif item.get("type") == "weekday" and item.get("tense") == "present" and told is not None \
                and value > day0.isoformat() and not (_SIDE_WORDS | {"ce", "this"}) & words:
            # "Samedi, il rentre chez lui quand [...]. Dimanche, il est entendu par les enquêteurs": a weekday in
            # the present a day or three after a day told in the past goes on with the story, it does not
            # look ahead.
            day = told + dt.timedelta(days=(item["weekday"] - told.weekday()) % 7)
            if 0 < (day - told).days <= 3 and day <= day0:
                item["value"] = day.isoformat()
        value = item.get("value") or ""
        if item.get("type") in ("date", "weekday") and len(value) == 10 and not item.get("values") \
                and item.get("tense") == "past":
            day = dt.date.fromisoformat(value)
            told = day if 0 <= (day0 - day).days <= 7 else told
        before = item


def _follow(item: dict[str, Any], first: dict[str, Any]) -> None:
    """"dans la nuit de dimanche à lundi": the second day of a span is the first day after the first one,
    whatever date an earlier "lundi 9 décembre" gave that weekday (the night is told as one)."""
    if len(first.get("value") or "") != 10:
        return
    start = dt.date.fromisoformat(first["value"])
    item["value"] = (start + dt.timedelta(days=(item["weekday"] - start.weekday()) % 7 or 7)).isoformat()


def _day_in_years(month: int, day: int, year: int) -> list[Any]:
    """The day-month in the years before, of and after `year` where it exists ("29 février" only in a
    leap year; "31 février" in none)."""
    out = []
    for y in (year - 1, year, year + 1):
        try:
            out.append(dt.date(y, month, day))
        except ValueError:
            continue
    return out


# A weekday that does not fit a year-less day-month this near publication is the article's slip
# ("jeudi 28 juin" in a paper of Thursday 29 June); further away, the weekday tells the year.
_SLIP_DAYS = 45
# Weekdays come back on the same day-month within eleven years at most.
_WEEKDAY_CYCLE = 11


def _weekday_year(item: dict[str, Any], chosen: Any, day0: Any) -> Any:
    """The day-month of the nearest year to publication where it falls on the weekday the article names
    ("vendredi 5 août" in a paper of March 2020: 5 August 2016 was a Friday, in 2019 and 2020 it was
    not), when the day the tense chose has another weekday and lies more than _SLIP_DAYS from
    publication. The tense keeps its side: a future day is sought no further than next year (a plan is
    not told years ahead). None when the weekday fits, none is named, or the day is near enough to be a
    slip."""
    weekday = item.get("weekday")
    if weekday is None or chosen.weekday() == weekday or abs((chosen - day0).days) <= _SLIP_DAYS:
        return None
    tense = item.get("tense")
    fitting = []
    for year in range(day0.year - _WEEKDAY_CYCLE, day0.year + 2):
        try:
            day = dt.date(year, item["month"], item["days"][0])
        except ValueError:
            continue
        if day.weekday() == weekday and not (tense == "past" and day > day0 or tense == "future" and day < day0):
            fitting.append(day)
    return min(fitting, key=lambda d: (abs((d - day0).days), d > day0)) if fitting else None


# A year-less day-month at most this many days after publication, in a past sentence, is the coming one.
_SOON_DAYS = 21


def _soon_after(options: list[Any], day0: Any, tense: str, text: str, completed: bool) -> Any:
    """A year-less day-month a few days after publication told in a past sentence is a plan or a deadline
    reported in the past ("le rapport était attendu avant le 23 mai", "les groupes devant rendre leurs
    propositions le 28 octobre"), not the same day a year back: an article names a day of last year with
    its year or "dernier". A completed act ("avait été interpellé le 6 mars") keeps its day behind. None
    when no such day applies."""
    if tense != "past" or completed or set(text.lower().split()) & {"dernier", "passé", "last"}:
        return None
    return next((o for o in sorted(options) if 0 < (o - day0).days <= _SOON_DAYS), None)


def unresolved_dates(dates: list[dict[str, Any]]) -> None:
    """Dates left as found (no publication date to resolve them against): without the working copy of the day a
    quotation was said (`counted_from`, which resolve_dates reads and drops) nor the mark of an arrangement."""
    for item in dates:
        item.pop("counted_from", None)
        item.pop("arranged", None)


def _arranged_tense(item: dict[str, Any], tense: str, day0: Any) -> str:
    """The tense that places a month or a day-month hanging on an English present progressive (tense.arranged_at:
    "The senator is seeking a second term in November"): an arrangement, ahead of publication ("future"), unless
    the month is publication's or the one just before, which the progressive may still tell as going on
    ("Inflation is running at 3.2% in February" in a March paper): then the tense as read."""
    if not item.pop("arranged", False) or tense != "present":
        return tense
    index = day0.year * 12 + day0.month - 1
    now = {index % 12 + 1, (index - 1) % 12 + 1}
    return tense if item.get("month") in now else "future"


def _month_stretch(year: int, months: list[int]) -> list[str]:
    """The two ends of a stretch of months ("between July and September", "from November to February"), the
    first in `year`: the second in the same year, or the next when it comes earlier in the calendar."""
    first, last = months[0], months[-1]
    return [f"{year:04d}-{first:02d}", f"{year + (last < first):04d}-{last:02d}"]


def resolve_dates(dates: list[dict[str, Any]], published: Any) -> None:
    """Add an ISO `value` (or `values` for "15 et 16 septembre") using the publication date and the
    tense of the verb each date depends on: "lundi" in a past sentence is the last Monday on or before
    publication, in a future one the next; a year-less "6 décembre" in a past sentence lies behind,
    "septembre prochain" ahead; "août 2019" is "2019-08", a year alone "2019"."""
    if published is None:
        return
    day0 = published.date() if isinstance(published, dt.datetime) else published
    previous: Any = None
    for item in dates:
        kind = item.get("type")
        tense = _arranged_tense(item, item.get("tense", "past"), day0)
        try:
            if kind == "weekday" and item.get("follows") and previous is not None:
                last = previous[1] + dt.timedelta(days=(item["weekday"] - previous[1].weekday()) % 7 or 7)
                this = bool(set(item.get("text", "").lower().split()) & {"ce", "this"})
                if tense == "past" and last > day0 and not this:  # the night of Tuesday to Wednesday is over: last week's
                    last -= dt.timedelta(days=7)
                    previous[0]["value"] = (previous[1] - dt.timedelta(days=7)).isoformat()
                item["value"] = last.isoformat()
            elif kind == "weekday":
                weekday = item["weekday"]
                options = [day0 + dt.timedelta(days=d) for d in range(-7, 8)
                           if (day0 + dt.timedelta(days=d)).weekday() == weekday]
                words = set(item.get("text", "").lower().split())
                if words & {"ce", "this"}:
                    tense = "present"
                # "samedi dernier" in Saturday's paper is the Saturday before, "lundi prochain" on a Monday the next.
                if words & {"dernier", "last"}:
                    options = [o for o in options if o < day0]
                elif words & {"prochain", "next"}:
                    options = [o for o in options if o > day0]
                item["value"] = _nearest(options, day0, tense).isoformat()
                previous = (item, dt.date.fromisoformat(item["value"]))
            elif kind == "relative" and item.get("counted_from"):
                said = dict(item.pop("counted_from"))
                resolve_dates([said], published)
                if len(said.get("value") or "") == 10:
                    day = dt.date.fromisoformat(said["value"]) + dt.timedelta(days=item["days_from_publication"])
                    item["value"] = day.isoformat()
            elif kind == "relative" and item.get("days_from_publication") is not None:
                item["value"] = (day0 + dt.timedelta(days=item["days_from_publication"])).isoformat()
            elif kind == "relative" and item.get("period") == "year":
                item["value"] = f"{day0.year + item['offset']:04d}"
            elif kind == "relative" and item.get("period") in ("week", "weekend"):
                first, last = _week_span(day0, item["period"], item["offset"], tense)
                item.update(value=first.isoformat(), values=[first.isoformat(), last.isoformat()])
            elif kind == "relative" and item.get("period") == "month":
                index = day0.year * 12 + day0.month - 1 + item["offset"]
                item["value"] = f"{index // 12:04d}-{index % 12 + 1:02d}"
            elif kind == "date" and item.get("month") and item.get("days"):
                if item.get("year"):
                    year = item["year"]
                else:
                    options = _day_in_years(item["month"], item["days"][0], day0.year)
                    # "lundi 9 décembre": of the years around publication, one where the 9th is a Monday.
                    # A year away, a weekday that does not fit is rather the article's slip.
                    named = [o for o in options if o.weekday() == item.get("weekday") and abs((o - day0).days) <= 183]
                    first = _nearest(named if len(named) == 1 else options, day0, tense)
                    if len(named) != 1:
                        first = _soon_after(options, day0, tense, item.get("text", ""), item.get("completed", False)) or first
                        first = _weekday_year(item, first, day0) or first
                    year = first.year
                if item.get("commemorated"):
                    continue
                year -= item.get("years_before", 0)
                values = [dt.date(year, item["month"], d).isoformat() for d in item["days"]]
                item["value"] = values[0]
                if len(values) > 1:
                    item["values"] = values
            elif kind == "date" and item.get("month"):
                year = item.get("year")
                if not year:
                    options = [dt.date(y, item["month"], 1) for y in (day0.year - 1, day0.year, day0.year + 1)]
                    month0 = day0.replace(day=1)
                    # "novembre dernier" in a November paper is last year's, "novembre prochain" next year's
                    words = set(item.get("text", "").lower().split())
                    if words & {"dernier", "passé", "last"}:
                        options = [o for o in options if o < month0]
                    elif words & {"prochain", "next"}:
                        options = [o for o in options if o > month0]
                    if item.get("months") and tense == "past":
                        # "a reculé de novembre à février" in a November paper: a stretch told as past began before
                        # the month of publication
                        month0 -= dt.timedelta(days=1)
                    elif item.get("months"):
                        # "le PIB devrait chuter au deuxième trimestre" in a May paper: a stretch ahead has not ended
                        # yet, it may have begun; one in the present is as near as its end ("les atteintes signalées
                        # d'avril à juin concernent ..." in a November paper: this year's)
                        length = (item["months"][1] - item["months"][0]) % 12
                        index = month0.year * 12 + month0.month - 1 - length
                        month0 = dt.date(index // 12, index % 12 + 1, 1)
                    year = _nearest(options, month0, tense).year
                item["value"] = f"{year:04d}-{item['month']:02d}"
                if len(item.get("months") or ()) > 1:
                    item["values"] = _month_stretch(year, item["months"])
            elif kind == "year" and item.get("year"):
                item["value"] = f"{item['year']:04d}"
                if len(item.get("years") or ()) > 1:  # "entre 2010 et 2012": its two ends
                    item["values"] = [f"{y:04d}" for y in item["years"]]
        except (ValueError, KeyError):  # "31 février": keep the mention, no value
            continue
