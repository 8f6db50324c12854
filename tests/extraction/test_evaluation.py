"""evaluate_extraction and check_faithfulness: the scoring rules and the commands' output."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from claims.evaluation.scoring import score_article, sentence_count, token_f1

GOLD = [
    {"anchor": "40 écoles", "text": "Le préfet a fermé 40 écoles mercredi.", "claimant": "Laurent Nuñez",
     "outlet": "AFP", "quantities": [{"value": 40, "unit": "écoles"}], "dates": ["2018-01-31"]},
    {"anchor": "1.500 personnes", "text": "1.500 personnes ont été évacuées.", "claimant": "", "outlet": "",
     "quantities": [{"value": 1500, "unit": "personnes"}], "dates": []},
]


def test_it_scores_matches_texts_and_fields_against_the_annotations() -> None:
    stored = [
        {"quote": "Le préfet Laurent Nuñez a fermé 40 écoles mercredi, a-t-il dit à l'AFP.", "start": 0,
         "text": "Le préfet a fermé 40 écoles mercredi.", "checkworthiness": 0.9, "claimant": "Laurent Nuñez",
         "outlet": "AFP", "quantities": [{"value": 40.0, "unit": "écoles"}, {"value": 8.0, "unit": "heures"}],
         "dates": [{"value": "2018-01-31"}]},
        {"quote": "Il faudra être prudent.", "start": 80, "text": "Il faudra être prudent.", "checkworthiness": 0.5,
         "claimant": "la situation", "quantities": [], "dates": []},
    ]
    figures = score_article(stored, GOLD, sentences=5).figures()
    assert figures["p_at_5"] == 0.5 and figures["recall"] == 0.5 and figures["text_f1"] == 1.0
    assert figures["quantities_precision"] == 0.5 and figures["dates_precision"] == 1.0
    assert figures["claimant_precision"] == 1.0 and figures["outlet_precision"] == 1.0
    assert figures["stored_share"] == 0.4
    assert figures["claimant_recall"] == 1.0
    # The same claim without its claimant: precision has nothing to count, recall sees the miss.
    unnamed = score_article([{**stored[0], "claimant": ""}], GOLD, sentences=5).figures()
    assert unnamed["claimant_precision"] == 0.0 and unnamed["claimant_recall"] == 0.0
    assert token_f1("Le préfet a fermé 40 écoles", "Le préfet a fermé 40 écoles mercredi") == pytest.approx(0.923, 0.01)
    assert sentence_count("Une phrase de test ici. Une autre phrase ici!\n\nTitre\n\nEt une troisième phrase là.") == 3


ARTICLE = ("Le préfet Laurent Nuñez a fermé 40 écoles mercredi dans le Val-de-Marne. "
           "Plus de 1.500 personnes ont été évacuées à Créteil, selon la préfecture. "
           "Il faudra rester prudent ce week-end. Les visiteurs sont invités à éviter les quais.")


def test_evaluate_extraction_prints_each_split_and_ends_with_figures(tmp_path: Path) -> None:
    rows = [{"id": "a", "split": "tune", "published_at": "2018-02-01", "text": ARTICLE, "claims": GOLD},
            {"id": "b", "split": "heldout", "published_at": "2018-02-01", "text": ARTICLE, "claims": GOLD[1:]}]
    path = tmp_path / "dev.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    out = StringIO()
    call_command("evaluate_extraction", str(path), stdout=out)
    lines = out.getvalue().strip().splitlines()
    assert lines[0].startswith("heldout: ") and lines[1].startswith("tune: ")
    figures = dict(pair.split("=") for pair in lines[-1].split())
    assert set(figures) >= {"p_at_5", "recall", "text_f1", "claimant_precision", "claimant_recall",
                            "quantities_precision", "dates_precision", "stored_share", "articles"}
    assert figures["articles"] == "2" and 0 < float(figures["recall"]) <= 1 and float(figures["p_at_5"]) > 0
    with pytest.raises(CommandError):
        call_command("evaluate_extraction", str(path), split="nope", stdout=StringIO())
    path.write_text("not json\n", encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("evaluate_extraction", str(path), stdout=StringIO())


def test_check_faithfulness_reports_a_clean_corpus(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_text(json.dumps({"id": "x", "text": ARTICLE, "language": "fr"}, ensure_ascii=False), encoding="utf-8")
    out = StringIO()
    call_command("check_faithfulness", str(path), stdout=out)
    last = out.getvalue().strip().splitlines()[-1]
    assert last.startswith("articles=1 candidates=") and last.endswith("violations=0")


@pytest.mark.parametrize("command", ["evaluate_extraction", "check_faithfulness"])
def test_both_evaluation_commands_name_the_line_that_is_not_json(tmp_path: Path, command: str) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_text(json.dumps({"text": ARTICLE, "claims": []}) + "\n\n{broken\n", encoding="utf-8")
    with pytest.raises(CommandError, match=r"corpus\.jsonl:3: not JSON"):
        call_command(command, str(path), stdout=StringIO())
    with pytest.raises(CommandError, match="missing.jsonl"):
        call_command(command, str(tmp_path / "missing.jsonl"), stdout=StringIO())
