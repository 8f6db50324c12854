"""Structured fields: quantities (units, ranges, no clock times, labels or day lists) and dates
resolved against the publication date with the verb's tense."""

from __future__ import annotations

import datetime as dt
from typing import Any

from claims.extraction import extract_texts


def everything(text: str, published: dt.date | None = None) -> list[Any]:
    [extraction] = extract_texts([text], languages=["fr"], published=[published])
    return [*extraction.claims, *extraction.recoverable]


def quantities(text: str) -> list[tuple[Any, ...]]:
    return [(q["value"], q["unit"], q.get("low"), q.get("high")) for c in everything(text) for q in c.quantities]


def dates(text: str, published: dt.date) -> list[Any]:
    return [d.get("values") or d.get("value") for c in everything(text, published) for d in c.dates]


def test_it_never_reads_clock_times_as_quantities() -> None:
    text = ("Le bulletin a été émis dimanche à 10h30 et le train est parti à 19 heures. "
            "Les secours sont arrivés vers 03 heures du matin avec 12 ambulances.")
    assert quantities(text) == [(12.0, "ambulances", None, None)]


def test_it_keeps_durations_in_hours() -> None:
    assert (48.0, "heures", None, None) in quantities("Il est resté en garde à vue pendant 48 heures à Nice.")


def test_it_never_reads_channel_names_labels_or_vague_plurals_as_quantities() -> None:
    text = ("Le ministre a parlé sur France 2 lors de l'acte 18 des manifestations. "
            "Des centaines de km de bouchons ont été relevés en Île-de-France mardi.")
    assert quantities(text) == []


def test_it_reads_a_list_of_days_as_one_date_not_as_quantities() -> None:
    text = "Les syndicats ont appelé à la grève les 5, 6, 12 et 13 décembre dans toute la France."
    assert quantities(text) == []
    [claim] = [c for c in everything(text) if c.dates]
    assert claim.dates[0]["days"] == [5, 6, 12, 13]


def test_it_reads_ranges_and_keeps_units() -> None:
    found = quantities("Entre 120 à 130 vautours ont été observés et les rafales ont atteint 100 à 120 km/h. "
                       "Un appartement de 80m2 a été loué pour 20 millions d'euros dans le Marais.")
    assert (120.0, "vautours", 120.0, 130.0) in found
    assert (100.0, "km/h", 100.0, 120.0) in found
    assert (80.0, "m²", None, None) in found
    assert (20_000_000.0, "EUR", None, None) in found


def test_a_future_weekday_lies_ahead_and_a_past_day_month_behind() -> None:
    published = dt.date(2018, 2, 22)  # a Thursday
    assert "2018-02-26" in dates("La grève aura lieu lundi 26 février dans les transports parisiens.", published)
    assert "2018-02-26" in dates("Le conseil municipal votera lundi le budget de la ville de Lyon.", published)
    assert "2018-02-19" in dates("Le conseil municipal a voté lundi le budget de la ville de Lyon.", published)
    assert "2017-12-06" in dates("Le suspect avait été interpellé le 6 décembre à Marseille.", published)


def test_it_resolves_next_month_and_never_takes_le_mois_for_a_date() -> None:
    published = dt.date(2018, 2, 22)
    assert "2018-09" in dates("Le chantier de la gare de Lyon reprendra en septembre prochain.", published)
    assert dates("Le chômage a baissé de 3 % sur le mois selon l'Insee à Paris.", published) == []
