from __future__ import annotations

from pathlib import Path

import pytest

from claims.extraction.checkworthiness import Signals, TrainedScorer, lexical_signals, load_scorer, rule_score
from claims.extraction.training import Example, prf, read_checkthat_tsv, save, train

CHECKABLE = [
    "Unemployment fell to {n} percent last year.", "The city spent {n} million dollars on roads in 2019.",
    "We have cut taxes for {n} million families.", "Crime rose by {n} percent since 2010.",
    "The plant employs {n} people in Ohio.", "Exports to China grew {n} percent in March.",
]
NOT_CHECKABLE = [
    "Thank you very much, it is good to be here number {n}.", "I think we should talk about the future {n}.",
    "Let me tell you what I believe, friend {n}.", "Good evening to everyone watching tonight {n}.",
    "What would you do about that, senator {n}?", "I hope we can work together on this {n}.",
]


def examples() -> list[Example]:
    rows = []
    for n in range(12):
        rows += [Example(f"y{n}{i}", t.format(n=n + 3), True) for i, t in enumerate(CHECKABLE)]
        rows += [Example(f"n{n}{i}", t.format(n=n + 3), False) for i, t in enumerate(NOT_CHECKABLE)]
    return rows


def test_it_scores_quantities_up_and_questions_and_opinions_down() -> None:
    stat, reasons = rule_score(lexical_signals("Unemployment fell to 4 percent in 2019 in Ohio.", "en"))
    question, q_reasons = rule_score(lexical_signals("What would you do about unemployment, senator?", "en"))
    opinion, o_reasons = rule_score(lexical_signals("I think we should do much better on jobs.", "en"))
    assert stat > 0.5 > question and stat > opinion
    assert "contains a quantity" in reasons and "contains a percentage" in reasons
    assert "question" in q_reasons
    assert "opinion marker" in o_reasons and "first person" in o_reasons


def test_it_reads_french_markers() -> None:
    score, reasons = rule_score(lexical_signals("Selon l'Insee, le chômage a baissé de 2 % en 2023.", "fr",
                                                claimant=True))
    assert score > 0.6 and "attributed to a named source" in reasons
    _, reasons = rule_score(lexical_signals("Il faudrait peut-être que le gouvernement agisse.", "fr"))
    assert "opinion marker" in reasons
    _, reasons = rule_score(lexical_signals("Le gouvernement pourrait augmenter les impôts.", "fr"))
    assert "future/hypothetical" in reasons


def test_it_keeps_scores_in_the_unit_interval() -> None:
    everything = Signals(words=3, question=True, opinion=True, hypothetical=True, first_person=True,
                         has_verb=False)
    assert rule_score(everything)[0] == 0.0
    best = Signals(words=20, quantities=3, percent=True, money=True, dates=2, entities=3, claimant=True,
                   comparison=True, causal=True, past=True)
    assert rule_score(best)[0] == 1.0


def test_a_trained_model_round_trips_and_separates_the_classes(tmp_path: Path) -> None:
    payload = train(examples(), language="en")
    path = tmp_path / "cw.joblib"
    save(payload, path)
    scorer = load_scorer(str(path))
    texts = ["Inflation rose 7 percent in 2021.", "Thank you, it is good to be here tonight."]
    signals = [lexical_signals(t, "en") for t in texts]
    high, low = scorer.score(texts, signals)
    assert high > 0.5 > low
    assert 0.0 <= low <= high <= 1.0


def test_it_refuses_files_that_are_not_its_models() -> None:
    with pytest.raises(ValueError, match="not a check-worthiness model"):
        TrainedScorer({"format": "something else"}, "x.joblib")


def test_it_reads_checkthat_files_and_rejects_bad_labels(tmp_path: Path) -> None:
    good = tmp_path / "ok.tsv"
    good.write_text('Sentence_id\tText\tclass_label\n1\t"We spent 5 billion."\tYes\n2\tHello there.\tNo\n')
    assert [(e.id, e.label) for e in read_checkthat_tsv(good)] == [("1", True), ("2", False)]
    bad = tmp_path / "bad.tsv"
    bad.write_text("Sentence_id\tText\tclass_label\n1\tSome text\tMaybe\n")
    with pytest.raises(ValueError, match="Yes or No"):
        read_checkthat_tsv(bad)


def test_it_computes_f1_of_the_positive_class() -> None:
    scores = prf([True, True, False, False], [True, False, True, False])
    assert (scores.precision, scores.recall, scores.f1) == (0.5, 0.5, 0.5)
