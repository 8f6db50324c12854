"""English companies that speak through their noun ("the company said") and a split quotation's second tail:
the organisation the statement or the sentence before named is the claimant, an "it" opening the claim stands
for it, and '"...," he added' after the second part of a quotation leaves the text."""

from __future__ import annotations

from tests.extraction.test_attribution import english


def test_the_second_tail_of_a_split_quotation_leaves_the_text() -> None:
    sentence = ("\"We will plant 2,000 trees,\" the mayor said, \"and the park will open in June and cost "
                "£4 million,\" she added on Friday.")
    cand = english(sentence, "2,000 trees")
    assert "added" not in cand.text
    assert cand.claimant == "the mayor"
