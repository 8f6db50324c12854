"""python manage.py check_faithfulness FILE.jsonl [--limit N]

Runs extraction over a JSONL corpus (rows with `text`, optional `id`, `language`, `published_at`,
e.g. ../shared/data/news-fr/orangesum-1000.jsonl) and checks every candidate, stored or recoverable,
(and headline) against the hard rule of claims.extraction.faithful: its text keeps every number, named entity,
negation and list item of the sentence's checkable part. Prints each violation, then a last line
`articles=N candidates=N violations=N`. Exits with status 1 when there is any violation."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims.evaluation.files import read_jsonl
from claims.extraction import extract_texts
from claims.extraction.faithful import missing


class Command(BaseCommand):
    help = "Check that claim texts keep every number, name, negation and list item of their sentence."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="JSONL with a `text` per row")
        parser.add_argument("--limit", type=int, default=0, help="only the first N rows")
        parser.add_argument("--language", default="", help="language when rows have none (default: detect)")

    def handle(self, *args: Any, **options: Any) -> None:
        rows = []
        for _number, row in read_jsonl(options["file"]):
            if isinstance(row, dict) and isinstance(row.get("text"), str):
                rows.append(row)
            if options["limit"] and len(rows) >= options["limit"]:
                break
        if not rows:
            raise CommandError("no rows with a `text`")
        extractions = extract_texts([r["text"] for r in rows],
                                    languages=[r.get("language") or options["language"] for r in rows],
                                    titles=[r.get("title") or "" for r in rows])
        candidates = violations = 0
        for row, extraction in zip(rows, extractions, strict=True):
            for cand in [*extraction.claims, *extraction.recoverable, *extraction.headlines]:
                candidates += 1
                lost = missing(cand.checkable or cand.quote, cand.text, [e["text"] for e in cand.entities])
                if lost:
                    violations += 1
                    self.stdout.write(f"{row.get('id', '?')} @{cand.start}: lost {', '.join(lost)}\n"
                                      f"  checkable: {cand.checkable}\n  text:      {cand.text}")
        self.stdout.write(f"articles={len(rows)} candidates={candidates} violations={violations}")
        if violations:
            raise SystemExit(1)
