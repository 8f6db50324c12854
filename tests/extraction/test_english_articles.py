"""English news as written in UK and US articles: figures in millions ending a sentence ("£100m."), speakers
introduced with a colon, speakers described by their relation to someone, and the periods English dates name."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.extraction.test_attribution import english


def test_a_sum_in_millions_ending_a_sentence_ends_it() -> None:
    text = ("The levy would cost the brewers £40m. Pub closures have risen by 30% since 2020, the trade body "
            "said.")
    cand = english(text, "£40m")
    assert cand.text == "The levy would cost the brewers £40m."
    assert cand.quantities[0]["value"] == 40_000_000
    assert english(text, "30%").text == "Pub closures have risen by 30% since 2020."


def test_a_speaker_who_introduces_a_quotation_with_a_colon_leaves_the_text() -> None:
    cand = english('Chief Inspector Ravi Shah said: "Burglaries in the borough fell by 18% last year."', "18%")
    assert cand.text == "Burglaries in the borough fell by 18% last year."
    assert cand.claimant == "Ravi Shah"


def test_a_quotation_in_the_first_person_after_a_colon_is_written_as_its_speakers() -> None:
    text = 'Visiting a school in Hull, Tom Baxter said: "We will hire 6,500 teachers by 2027."'
    cand = english(text, "6,500")
    assert cand.text == "Tom Baxter: \u201cWe will hire 6,500 teachers by 2027.\u201d"
    assert cand.claimant == "Tom Baxter"


def test_a_clause_before_the_speaker_of_a_colon_quotation_stays() -> None:
    """(A guard: passes without the rule too.)"""
    text = 'Exports fell by 7% in May, and the trade minister said: "The figures are disappointing."'
    assert "Exports fell by 7% in May" in english(text, "7%").text


@pytest.mark.parametrize(("sentence", "claimant"), [
    ("Liam Doherty's wife said he had worked at the mine for 22 years.", "Liam Doherty's wife"),
    ("The victim's family said she had been missing for 3 days.", "The victim's family"),
    ("Doherty's brother said the company owed him £4,000.", "Doherty's brother"),
])
def test_someone_close_to_a_person_speaks_as_theirs_not_as_that_person(sentence: str, claimant: str) -> None:
    figure = next(w for w in sentence.split() if any(c.isdigit() for c in w))
    assert english(sentence, figure).claimant == claimant


def test_a_stretch_of_months_is_dated_by_its_two_ends() -> None:
    from claims.extraction import extract_texts

    [extraction] = extract_texts(["Burglaries in Hull fell by 9% between July and September, police said. Fuel "
                                  "bills will rise by 12% from November to February, the regulator said."],
                                 languages=["en"], published=[dt.date(2024, 3, 5)])
    cands = [*extraction.claims, *extraction.recoverable]
    fell = next(c for c in cands if "9%" in c.text).dates[0]
    assert (fell["value"], fell["values"]) == ("2023-07", ["2023-07", "2023-09"])
    rise = next(c for c in cands if "12%" in c.text).dates[0]
    assert rise["values"] == ["2024-11", "2025-02"]


@pytest.mark.parametrize(("text", "words", "claimant"), [
    # the one organisation named whose name's head is the noun
    ("The Royal Society of Chemists warned about the shortage on Friday. The society said 2,300 posts were empty.",
     "2,300", "The Royal Society of Chemists"),
    # "the force" is the police force the article named
    ("Thames Valley Police opened an inquiry on Monday. The neighbour was interviewed twice. The force said it "
     "had made 11 arrests.", "11 arrests", "Thames Valley Police"),
    # no organisation of that kind named before: the description as written, never nothing
    ("Fans gathered outside the stadium on Sunday. Ticket sales rose by 9% this season, according to the club.",
     "9%", "the club"),
])
def test_a_body_named_by_what_it_is_is_the_one_of_that_kind_named_before(text: str, words: str,
                                                                         claimant: str) -> None:
    assert english(text, words).claimant == claimant


def test_a_description_of_a_body_is_not_the_body_of_another_kind_named_just_before() -> None:
    text = ("The Northern League said it had fined six clubs. Oliver Grant scored 14 goals in 30 games, "
            "the club said.")
    assert english(text, "14 goals").claimant == "the club"


def test_it_that_speaks_after_an_organisation_is_that_organisation() -> None:
    text = ("Brackwell Motors said it would close two plants. Sales fell by 6% to £2.1bn in the spring, it said.")
    cand = english(text, "6%")
    assert cand.text == "Sales fell by 6% to £2.1bn in the spring."
    assert cand.claimant == "Brackwell Motors"


@pytest.mark.parametrize(("sentence", "claimant"), [
    # a plural's possessive before the body's noun is part of its name, not whose it is
    ("Milk prices fell by 8% last year, the Dairy Farmers' Association said.", "the Dairy Farmers' Association"),
    # a body named after the place it works in, which the tagger tags as the place
    ("Obesity rates rose by 8% in 2023, Diabetes Scotland said.", "Diabetes Scotland"),
])
def test_an_organisations_name_is_kept_whole(sentence: str, claimant: str) -> None:
    assert english(sentence, "8%").claimant == claimant


def test_a_person_described_by_their_age_is_the_one_named_with_it() -> None:
    text = ('Priya Nair, 34, won the seat by 4,100 votes. "We doubled our vote in 18 months," the 34-year-old said. '
            "The council confirmed the count on Friday.")
    cand = english(text, "18 months")
    assert cand.text.startswith("Priya Nair") and "34-year-old" not in cand.text
    assert cand.claimant == "Priya Nair"


def test_an_age_alone_speaks_as_written_when_no_one_was_named_with_it() -> None:
    text = ('Tom Okafor scored 12 goals this season. "We lost only 3 games at home," the 27-year-old said. '
            "The league confirmed the fixtures on Friday.")
    cand = english(text, "3 games")
    assert "27-year-old" not in cand.text
    assert cand.claimant == "the 27-year-old"
