"""python manage.py evaluate_extraction FILE.jsonl [--split tune|heldout|all] [--show N]

FILE is a hand-annotated dev set (claims/evaluation/dev-fr.jsonl: one article a line with `text`,
`published_at`, `split` and the annotated `claims`). Every article goes through the real extraction
with the configured threshold and scorer; the stored claims are compared with the annotations
(claims.evaluation.scoring). Prints, per split and overall: precision@5 of check-worthy claims (top
five stored claims that match an annotated one), recall of the annotated claims in the stored set,
token-F1 of the matched texts, per-field precision (claimant, outlet, quantities, dates) and the
stored share of sentences. The last line holds `name=value` figures for the selected split."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims.evaluation.files import read_jsonl
from claims.evaluation.scoring import Tally, score_article, sentence_count
from claims.extraction import candidate_dict, extract_texts
from claims.extraction.checkworthiness import configured_scorer, load_scorer


def load_dev_set(path: str) -> list[dict[str, Any]]:
    rows = []
    for number, row in read_jsonl(path):
        if not isinstance(row, dict) or not isinstance(row.get("text"), str) or not isinstance(row.get("claims"), list):
            raise CommandError(f"{path}:{number}: each line needs `text` and a `claims` list")
        rows.append(row)
    if not rows:
        raise CommandError(f"{path} has no articles")
    return rows


class Command(BaseCommand):
    help = "Compare extracted claims with a hand-annotated dev set (precision@5, recall, text F1, fields)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="JSONL dev set (see claims/evaluation/README.md)")
        parser.add_argument("--split", default="all", help="tune, heldout or all (default: all)")
        parser.add_argument("--model", default="", help="check-worthiness model (default: configured, else rules)")
        parser.add_argument("--show", type=int, default=0, help="print the stored claims of this many articles")

    def handle(self, *args: Any, **options: Any) -> None:
        rows = load_dev_set(options["file"])
        scorer = load_scorer(options["model"]) if options["model"] else configured_scorer()
        published = [dt.date.fromisoformat(r["published_at"][:10]) if r.get("published_at") else None for r in rows]
        extractions = extract_texts([r["text"] for r in rows], languages=[r.get("language", "fr") for r in rows],
                                    scorer=scorer, min_score=settings.FACTCHECK_MIN_CHECKWORTHINESS,
                                    published=published, titles=[r.get("title") or "" for r in rows])
        tallies: dict[str, Tally] = {}
        overall = Tally()
        for index, (row, extraction) in enumerate(zip(rows, extractions, strict=True)):
            stored = [candidate_dict(c) for c in extraction.claims]
            tally = score_article(stored, row["claims"], sentences=sentence_count(row["text"]))
            tallies.setdefault(row.get("split", "all"), Tally()).add(tally)
            overall.add(tally)
            if index < options["show"]:
                self.stdout.write(f"## {row.get('id', index)} {row.get('title', '')}")
                for c in sorted(stored, key=lambda c: -c["checkworthiness"]):
                    self.stdout.write(f"  [{c['checkworthiness']:.2f}] {c['text']} | {c.get('claimant') or '-'}")
        for name in sorted(tallies):
            self.stdout.write(f"{name}: " + " ".join(f"{k}={v}" for k, v in tallies[name].figures().items()))
        chosen = overall if options["split"] == "all" else tallies.get(options["split"])
        if chosen is None:
            raise CommandError(f"no article has split {options['split']!r} (have: {', '.join(sorted(tallies))})")
        self.stdout.write(" ".join(f"{k}={v}" for k, v in chosen.figures().items()))
