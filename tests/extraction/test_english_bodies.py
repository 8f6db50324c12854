"""English companies that speak through their noun ("the company said") and a split quotation's second tail:
the organisation the statement or the sentence before named is the claimant, an "it" opening the claim stands
for it, and '"...," he added' after the second part of a quotation leaves the text."""

from __future__ import annotations

from tests.extraction.test_attribution import english


def test_the_company_after_a_sentence_about_one_organisation_is_that_organisation() -> None:
    text = ("Nordwind Motors opened a battery plant in Ohio on Monday. It built 40,000 vans in 2023, "
            "the company said.")
    cand = english(text, "40,000 vans")
    assert cand.claimant == "Nordwind Motors"
    assert cand.text == "Nordwind Motors built 40,000 vans in 2023."


def test_an_it_whose_verb_says_what_a_thing_is_stays_unresolved() -> None:
    text = "Nordwind Motors unveiled an electric van on Monday. It is the lightest van sold in Europe, at 1,900 kg."
    assert not english(text, "1,900 kg").text.startswith("Nordwind")


def test_the_company_is_the_one_organisation_the_statement_names_outside_its_subject() -> None:
    cand = english("Profits at Halvorsen Foods rose 9% in the first quarter, the company said.", "9%")
    assert cand.claimant == "Halvorsen Foods"


def test_the_second_tail_of_a_split_quotation_leaves_the_text() -> None:
    sentence = ("\"We will plant 2,000 trees,\" the mayor said, \"and the park will open in June and cost "
                "£4 million,\" she added on Friday.")
    cand = english(sentence, "2,000 trees")
    assert "added" not in cand.text
    assert cand.claimant == "the mayor"


def test_a_speaker_owned_by_an_organisation_is_that_speaker_not_the_organisation() -> None:
    cand = english("Halvorsen Foods' founder said sales rose 9% in the first quarter.", "9%")
    assert cand.claimant == "Halvorsen Foods' founder"


def test_a_speaker_owned_by_a_person_is_that_speaker_not_the_person() -> None:
    text = ("Daniel Okafor, 41, denies three counts of arson. Okafor's lawyer said his client had paid "
            "£80,000 in damages.")
    assert english(text, "£80,000").claimant == "Okafor's lawyer"


def test_an_it_after_an_organisation_whose_name_holds_of_is_that_organisation() -> None:
    text = ("The British Association of Dairy Farmers warned that 300 farms could close. It said milk prices "
            "had fallen 15% since May.")
    assert english(text, "15%").text.startswith("The British Association of Dairy Farmers said")
