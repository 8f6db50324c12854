"""python manage.py evaluate_claims FILE.csv [--limit N]

CSV with columns `post` and `normalized claim` (CheckThat! claim normalisation). For each post,
the top-scored extracted claim is compared with the fact-checker's claim by token-level F1, next
to a lead-sentence baseline. The last line is `f1=0.xxx baseline=0.xxx`."""

from __future__ import annotations

import csv
import re
import sys
import time
from collections import Counter
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims.extraction import extract_texts
from claims.extraction.checkworthiness import configured_scorer, load_scorer

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_SENTENCE = re.compile(r"(?<=[.!?…])\s+|\n+")


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower().replace("\u2019", "'"))


def token_f1(predicted: str, gold: str) -> float:
    p, g = tokens(predicted), tokens(gold)
    if not p or not g:
        return float(p == g)
    common = sum((Counter(p) & Counter(g)).values())
    if not common:
        return 0.0
    precision, recall = common / len(p), common / len(g)
    return 2 * precision * recall / (precision + recall)


def lead_sentence(post: str) -> str:
    for sentence in _SENTENCE.split(post.strip()):
        if len(tokens(sentence)) >= 3:
            return sentence.strip()
    return post.strip()


class Command(BaseCommand):
    help = "Token-level F1 of the top extracted claim against fact-checkers' normalised claims."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="CSV with columns post, normalized claim")
        parser.add_argument("--limit", type=int, default=0, help="only the first N rows")
        parser.add_argument("--language", default="fr", help="language of the posts (default: fr; '' detects)")
        parser.add_argument("--model", default="", help="check-worthiness model (default: configured, else rules)")
        parser.add_argument("--show", type=int, default=0, help="print this many examples")

    def handle(self, *args: Any, **options: Any) -> None:
        csv.field_size_limit(sys.maxsize)
        try:
            with open(options["file"], encoding="utf-8", newline="") as handle:
                reader = csv.DictReader(handle)
                if not reader.fieldnames or not {"post", "normalized claim"} <= set(reader.fieldnames):
                    raise CommandError("the CSV needs the columns 'post' and 'normalized claim'")
                rows = [(r["post"] or "", r["normalized claim"] or "") for r in reader]
        except OSError as exc:
            raise CommandError(str(exc)) from exc
        if options["limit"]:
            rows = rows[: options["limit"]]
        if not rows:
            raise CommandError("no rows to evaluate")
        scorer = load_scorer(options["model"]) if options["model"] else configured_scorer()
        started = time.monotonic()
        extractions = extract_texts([post for post, _ in rows], languages=[options["language"]] * len(rows),
                                    scorer=scorer)
        elapsed = time.monotonic() - started
        ours, baseline, empty = [], [], 0
        for index, ((post, gold), extraction) in enumerate(zip(rows, extractions, strict=True)):
            lead = lead_sentence(post)
            if extraction.claims:
                top = max(extraction.claims, key=lambda c: (c.checkworthiness, -c.start)).text
            else:
                empty += 1
                top = lead  # nothing checkable found: fall back to what a person would read first
            ours.append(token_f1(top, gold))
            baseline.append(token_f1(lead, gold))
            if index < options["show"]:
                self.stdout.write(f"gold:     {gold}\nextracted: {top}\nlead:     {lead}\n")
        n = len(rows)
        f1, base = sum(ours) / n, sum(baseline) / n
        self.stdout.write(f"posts: {n} ({empty} without any extracted claim), {n / elapsed:.1f} posts/s")
        self.stdout.write(f"top extracted claim token F1: {f1:.3f}")
        self.stdout.write(f"lead-sentence baseline F1:    {base:.3f}")
        self.stdout.write(f"f1={f1:.3f} baseline={base:.3f}")
