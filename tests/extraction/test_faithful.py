"""The hard rule: a claim's text never drops a number, a name, a negation or a list item."""

from __future__ import annotations

import json
import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.extraction import extract_claims, extract_texts
from claims.extraction.faithful import missing

DEV_SET = Path(__file__).resolve().parents[2] / "claims" / "evaluation" / "dev-fr.jsonl"


def test_it_reports_a_dropped_number_name_negation_or_list_item() -> None:
    sentence = "La CGT, l'Unsa et Sud Rail n'ont pas signé l'accord sur 400.000 euros."
    assert missing(sentence, sentence, ["CGT", "Unsa", "Sud Rail"]) == []
    assert "400000" in missing(sentence, "La CGT, l'Unsa et Sud Rail n'ont pas signé l'accord.", [])
    assert "Sud Rail" in missing(sentence, "La CGT et l'Unsa n'ont pas signé l'accord sur 400.000 euros.",
                                 ["Sud Rail"])
    assert "pas" in missing(sentence, "La CGT, l'Unsa et Sud Rail ont signé l'accord sur 400.000 euros.", [])
    assert "trois" in missing("Il a offert trois camions.", "Il a offert des camions.", [])
    assert set(missing("Il n'a pas dit qu'il ne viendrait pas.", "Il n'a pas dit qu'il viendrait.", [])) == {"ne", "pas"}
    bracketed = "Le pays n'a pas envoyé de soutien militaire (armes, munitions ou soldats) à sa voisine."
    assert set(missing(bracketed, "Le pays n'a pas envoyé de soutien militaire à sa voisine.", [])) == {
        "armes", "munitions", "soldats"}
    assert missing("Le taux atteint 3,5 % (contre 3,1 %).", "Le taux atteint 3,5 % (contre 3,1 %).", []) == []
    assert missing("Il a fermé le site (photo, ndlr).", "Il a fermé le site.", []) == []


def _check(text: str, language: str = "fr") -> None:
    extraction = extract_claims(text, language=language)
    for cand in [*extraction.claims, *extraction.recoverable]:
        lost = missing(cand.checkable or cand.quote, cand.text, [e["text"] for e in cand.entities])
        assert not lost, (cand.checkable, cand.text, lost)


WORDS = st.sampled_from([
    "De son côté,", "Selon", "Paul Martin,", "la CGT,", "l'Unsa", "et", "Sud Rail", "n'ont", "pas", "ont",
    "signé", "400.000 euros", "(3 %)", "mardi", "12 et 13 octobre", "Il", "a", "déclaré", "Ce niveau", "est",
    "monté", "à", "5,34 mètres", ".", ",", "«", "»", "raconte Le Parisien.", "a-t-il précisé à l'AFP.", "VIDÉO -",
    "jamais", "aucun", "trois", "blessés", "Formule 1.Cette", "récompense", "\n\n",
])


@settings(max_examples=int(os.environ.get("FAITHFUL_EXAMPLES", "30")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow], derandomize=not os.environ.get("FAITHFUL_EXAMPLES"))
@given(st.lists(WORDS, min_size=4, max_size=40).map(" ".join))
def test_every_claim_text_keeps_the_facts_of_its_sentence(text: str) -> None:
    _check(text)


def test_every_candidate_of_the_committed_dev_set_is_faithful() -> None:
    rows = [json.loads(line) for line in DEV_SET.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 40
    for row, extraction in zip(rows, extract_texts([r["text"] for r in rows], languages=["fr"] * len(rows)),
                               strict=True):
        for cand in [*extraction.claims, *extraction.recoverable]:
            lost = missing(cand.checkable or cand.quote, cand.text, [e["text"] for e in cand.entities])
            assert not lost, (row["id"], cand.checkable, cand.text, lost)


def test_a_connective_the_parser_tagged_as_part_of_a_name_stays() -> None:
    # Found by the property test above: "De son côté" opening a span the tagger read as one name.
    _check("De son côté, De son côté, blessés De son côté,")


def test_a_sentence_pasted_twice_is_checked_once() -> None:
    # Found by the property test: a post's repeated paste is left out of the text, not a lost negation.
    _check("De son côté, De son côté, n'ont De son côté, n'ont")


def test_a_name_or_a_figure_in_styled_letters_is_kept_when_the_text_writes_it_plain() -> None:
    sentence = "𝗟𝗲 𝗰𝗹𝘂𝗯 𝗱𝗲 𝗠𝗮𝗿𝘀𝗲𝗶𝗹𝗹𝗲 𝗮 𝗽𝗮𝘆𝗲́ 𝟯𝟬 𝗺𝗶𝗹𝗹𝗶𝗼𝗻𝘀 𝗽𝗼𝘂𝗿 𝗰𝗲 𝗷𝗼𝘂𝗲𝘂𝗿."
    assert missing(sentence, "Le club de Marseille a payé 30 millions pour ce joueur.", ["𝗠𝗮𝗿𝘀𝗲𝗶𝗹𝗹𝗲"]) == []
    assert missing(sentence, "Le club a payé pour ce joueur.", ["𝗠𝗮𝗿𝘀𝗲𝗶𝗹𝗹𝗲"]) == ["30", "𝗠𝗮𝗿𝘀𝗲𝗶𝗹𝗹𝗲"]
