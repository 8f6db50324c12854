"""train_checkworthiness / evaluate_checkworthiness / evaluate_claims on small files written here."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from claims.extraction import extract_claims
from tests.extraction.test_checkworthiness import examples
from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db


def write_tsv(path: Path) -> None:
    lines = ["Sentence_id\tText\tclass_label"]
    lines += [f"{e.id}\t{e.text}\t{'Yes' if e.label else 'No'}" for e in examples()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def run(*args: Any) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_it_trains_from_a_file_evaluates_and_switches_scoring_over(tmp_path: Path, settings: Any) -> None:
    data, model = tmp_path / "train.tsv", tmp_path / "cw.joblib"
    write_tsv(data)
    output = run("train_checkworthiness", str(data), "--output", str(model), "--dev", str(data))
    assert "saved" in output and "dev rules: f1=" in output
    provenance = model.with_suffix(".md").read_text()
    for needed in ("CheckThat! lab data", "research use", "universal:", "en:", "Command:", "Trained:", str(data)):
        assert needed in provenance
    rules = run("evaluate_checkworthiness", str(data), "--rules")
    trained = run("evaluate_checkworthiness", str(data), "--model", str(model))
    assert rules.splitlines()[-1].startswith("f1=") and "scorer: rules" in rules
    assert float(trained.splitlines()[-1][3:]) >= 0.9
    settings.FACTCHECK_CHECKWORTHINESS_MODEL = str(model)
    from claims.extraction.checkworthiness import configured_scorer

    claims = extract_claims("Unemployment fell to 4 percent in Ohio last year, officials said.", language="en",
                            scorer=configured_scorer()).claims
    assert claims and "scored by the trained model" in claims[0].checkworthiness_reasons


def test_it_cross_validates_on_folds_of_whole_sources(tmp_path: Path) -> None:
    data = tmp_path / "train.tsv"
    write_tsv(data)  # ids are not numbers: folds of contiguous blocks
    output = run("evaluate_checkworthiness", str(data), "--cv", "2")
    lines = output.splitlines()
    assert "2 folds of whole sources" in lines[0]
    assert sum(line.startswith("fold ") for line in lines) == 2
    summary = {line.split()[0]: line for line in lines if line.split()[0] in ("rules", "universal", "trained")}
    assert set(summary) == {"rules", "universal", "trained"} and "±" in summary["trained"]
    assert all("f1@35% " in line for line in summary.values())  # F1 were a third of a source check-worthy
    assert lines[-1].startswith("f1=") and float(lines[-1][3:]) >= 0.9
    rules = run("evaluate_checkworthiness", str(data), "--cv", "2", "--rules").splitlines()
    assert rules[-1] == "f1=" + summary["rules"].split("f1 ")[1].split()[0]
    # --rules refits the rules alone: no model trained, none reported.
    assert not any(line.split()[0] in ("universal", "trained") for line in rules)
    assert all("universal" not in line for line in rules if line.startswith("fold "))


def test_cross_validation_refuses_what_it_cannot_fold(tmp_path: Path) -> None:
    data = tmp_path / "train.tsv"
    write_tsv(data)
    with pytest.raises(CommandError, match="at least 2 folds"):
        run("evaluate_checkworthiness", str(data), "--cv", "1")
    one_class = tmp_path / "yes.tsv"
    one_class.write_text("Sentence_id\tText\tclass_label\n1\tWe spent 5 billion.\tYes\n2\tIt rose 3%.\tYes\n")
    with pytest.raises(CommandError, match="check-worthy and other"):
        run("evaluate_checkworthiness", str(one_class), "--cv", "2")


def test_it_trains_from_reviewer_decisions(tmp_path: Path) -> None:
    for e in examples()[:48]:
        ClaimFactory(text=e.text, status="selected" if e.label else "dismissed", language="en")
    output = run("train_checkworthiness", "--output", str(tmp_path / "newsroom.joblib"), "--language", "en")
    assert "from reviewer decisions" in output and (tmp_path / "newsroom.joblib").exists()


def test_it_explains_why_it_cannot_train_on_one_class(tmp_path: Path) -> None:
    ClaimFactory(text="Une affirmation.", status="selected")
    with pytest.raises(CommandError, match="needs both kinds"):
        run("train_checkworthiness", "--output", str(tmp_path / "x.joblib"))


def test_evaluate_claims_compares_with_the_lead_sentence(tmp_path: Path) -> None:
    path = tmp_path / "claims.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["post", "normalized claim"])
        writer.writerow(["Bonjour à tous ! Le gouvernement a supprimé 4 000 lits d'hôpitaux en 2022, selon la "
                         "Fédération hospitalière.", "Le gouvernement a supprimé 4 000 lits d'hôpitaux en 2022"])
    output = run("evaluate_claims", str(path))
    last = output.splitlines()[-1]
    assert last.startswith("f1=") and " baseline=" in last
    f1, baseline = (float(part.split("=")[1]) for part in last.split())
    assert f1 > baseline


def test_evaluate_claims_splits_by_claim_like_build_matching_eval(tmp_path: Path) -> None:
    from claims.management.commands.evaluate_claims import heldout_claims

    path = tmp_path / "claims.csv"
    claims = [f"Le pays {i} a supprimé {i} 000 lits d'hôpitaux en 2022" for i in range(12)]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["post", "normalized claim"])
        for claim in claims:
            writer.writerow([f"{claim}, selon la Fédération hospitalière.", claim])
            writer.writerow([f"Incroyable ! {claim}.", claim])  # two posts of one claim: same side
    held = heldout_claims(claims, seed=13, share=0.3)
    assert held == heldout_claims(claims, seed=13, share=0.3) != heldout_claims(claims, seed=14, share=0.3)
    counts = {}
    for split in ("tune", "heldout"):
        output = run("evaluate_claims", str(path), "--split", split, "--seed", "13")
        counts[split] = int(output.split("posts: ")[1].split()[0])
    assert counts == {"tune": 2 * (len(claims) - len(held)), "heldout": 2 * len(held)}
    everything = run("evaluate_claims", str(path))
    assert f"heldout: posts={2 * len(held)} " in everything
