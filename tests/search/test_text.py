"""The text analysis every backend shares: figures, names, conflicts."""

from __future__ import annotations

import pytest

from claims.search.text import (
    analyse,
    entities_conflict,
    numbers_conflict,
    parse_number,
    trigram_similarity,
    trigrams,
)


@pytest.mark.parametrize(
    ("raw", "value"),
    [("40", 40), ("3,5", 3.5), ("3.5", 3.5), ("1 000", 1000), ("1\u202f000", 1000), ("1,000", 1000),
     ("2.000.000", 2_000_000), ("12,75", 12.75)],
)
def test_it_reads_numbers_as_newsrooms_write_them(raw, value):
    assert parse_number(raw) == value


def test_it_reads_units_multipliers_and_number_words():
    analysis = analyse("Trois ambulances, 40 tonnes d'aide et 2,5 milliards d'euros pour 12 % des habitants.")
    found = {(q.value, q.unit) for q in analysis.quantities}
    assert found == {(3, ""), (40, "tonne"), (2.5e9, "euro"), (12, "percent")}


def test_it_sees_40_tonnes_and_400_tonnes_as_different_figures():
    forty, four_hundred = analyse("Ils ont livré 40 tonnes de blé"), analyse("Ils ont livré 400 tonnes de blé")
    assert numbers_conflict(forty, four_hundred)
    assert not numbers_conflict(forty, analyse("40 t de blé ont été livrées"))
    assert not numbers_conflict(forty, analyse("They delivered 40 tons of wheat"))


def test_it_compares_years_only_with_years():
    assert not numbers_conflict(analyse("40 tonnes en 2022"), analyse("40 tonnes"))
    assert numbers_conflict(analyse("Le chômage a baissé en 2022"), analyse("Le chômage a baissé en 2023"))


def test_it_flags_claims_that_name_different_actors():
    prior = analyse("Le Kazakhstan a envoyé 40 tonnes d'aide à l'Ukraine")
    assert entities_conflict(prior, analyse("L'Ouzbékistan a envoyé 40 tonnes d'aide à l'Ukraine"))
    assert not entities_conflict(prior, analyse("L'Ukraine a reçu 40 tonnes d'aide du Kazakhstan"))
    # A more detailed version of the same claim names more things: not a conflict.
    assert not entities_conflict(prior, analyse("Selon Astana, le Kazakhstan a envoyé 40 tonnes à l'Ukraine"))


def test_it_computes_trigrams_like_pg_trgm():
    # pg_trgm: similarity('word', 'two words') = 0.36363637
    assert round(trigram_similarity(trigrams("word"), trigrams("two words")), 4) == 0.3636
