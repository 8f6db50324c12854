"""Whether a candidate's text is usable as written (claims.extraction.usability): what the model reads and
how extraction hands its probability to selection."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from claims.extraction import usability as us
from claims.extraction.checkworthiness import Signals


@dataclass
class Cand:
    text: str
    quote: str = ""
    claimant: str = ""
    needs_context: bool = False
    language: str = "fr"
    signals: Signals | None = field(default_factory=Signals)
    usable: float = 1.0

    def __post_init__(self) -> None:
        self.quote = self.quote or self.text


def test_it_reads_how_the_text_opens_by_its_function_word_or_as_a_name() -> None:
    assert us.usable_features(Cand("Il a été interpellé samedi."))["opens=il"] == 1.0
    # an elided opening is its elided word, whichever apostrophe: "C'est", "L’ancien"
    assert us.usable_features(Cand("C'est une scène improbable."))["opens=c'"] == 1.0
    assert us.usable_features(Cand("L’ancien ministre a démissionné."))["opens=l'"] == 1.0
    # a content word is only "a capitalised word": a feature per name would learn the labelled articles
    features = us.usable_features(Cand("Emmanuel Macron a signé le décret."))
    assert features["opens=capital"] == 1.0 and not any(k.startswith("opens=emmanuel") for k in features)


def test_it_reads_the_length_the_flag_the_rewrite_and_the_speaker() -> None:
    short = us.usable_features(Cand("Le PIB a baissé de 2 %."))
    assert short["text_words=0"] == 1.0 and short["needs_context"] == 0.0 and short["rewritten"] == 0.0
    long_text = " ".join(["mot"] * 70)
    assert us.usable_features(Cand(long_text))[f"text_words={us._LENGTH_BUCKETS}"] == 1.0
    rewritten = us.usable_features(Cand("La ministre a démissionné.", quote="Elle a démissionné, a dit X.",
                                        claimant="X", needs_context=True))
    assert rewritten["rewritten"] == rewritten["speaker"] == rewritten["needs_context"] == 1.0
    # the quote's line breaks are not a rewrite
    assert us.usable_features(Cand("Le PIB a baissé.", quote="Le PIB\na baissé."))["rewritten"] == 0.0
    # the rule signals are read too (a candidate without signals reads none set)
    assert "quantity_count" in us.usable_features(Cand("Le PIB a baissé.", signals=None))


def test_extraction_hands_each_candidate_the_models_probability() -> None:
    class Pronouns:  # rates a text that opens on a pronoun unusable
        def predict_proba(self, rows: list[dict[str, Any]]) -> np.ndarray:
            p = np.array([0.1 if row["features"].get("opens=il") else 0.9 for row in rows])
            return np.column_stack([1 - p, p])

    cands = [Cand("Il a été interpellé."), Cand("Le maire de Lyon a été interpellé.")]
    us.mark_usable(Pronouns(), cands)
    assert [c.usable for c in cands] == [0.1, 0.9]
    untouched = [Cand("Il a été interpellé.")]
    us.mark_usable(None, untouched)
    assert untouched[0].usable == 1.0
