"""python manage.py evaluate_checkworthiness FILE.tsv [--model PATH | --rules]

CheckThat! format (Sentence_id<TAB>Text<TAB>class_label Yes/No). Prints precision, recall and F1
of the positive class; the last line is `f1=0.xxx` (DESIGN.md §8)."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims.extraction.checkworthiness import configured_scorer, load_scorer
from claims.extraction.pipeline import sentence_scores
from claims.extraction.training import prf, read_checkthat_tsv


class Command(BaseCommand):
    help = "Evaluate check-worthiness scoring on a CheckThat!-format TSV file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="TSV: Sentence_id, Text, class_label (Yes/No)")
        parser.add_argument("--model", default="", help="a model from train_checkworthiness (default: the configured "
                                                        "FACTCHECK_CHECKWORTHINESS_MODEL, else the rules)")
        parser.add_argument("--rules", action="store_true", help="evaluate the rule-based scorer")
        parser.add_argument("--language", default="en", help="language of the sentences (default: en)")
        parser.add_argument("--threshold", type=float, default=0.5, help="score counted as check-worthy (0.5)")
        parser.add_argument("--limit", type=int, default=0, help="only the first N sentences")
        parser.add_argument("--errors", type=int, default=0, help="print this many misclassified sentences")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            examples = read_checkthat_tsv(options["file"])
        except (OSError, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        if options["limit"]:
            examples = examples[: options["limit"]]
        if not examples:
            raise CommandError("no sentences to evaluate")
        try:
            scorer = None if options["rules"] else (load_scorer(options["model"]) if options["model"]
                                                     else configured_scorer())
        except (OSError, ValueError) as exc:
            raise CommandError(f"cannot load the model: {exc}") from exc
        started = time.monotonic()
        scored = sentence_scores([e.text for e in examples], options["language"], scorer=scorer)
        elapsed = time.monotonic() - started
        predicted = [score >= options["threshold"] for score, _ in scored]
        gold = [e.label for e in examples]
        s = prf(predicted, gold)
        self.stdout.write(f"file: {options['file']}")
        self.stdout.write(f"scorer: {scorer.name if scorer else 'rules'} (threshold {options['threshold']})")
        self.stdout.write(f"sentences: {len(examples)} ({sum(gold)} check-worthy), {len(examples) / elapsed:.0f}/s")
        self.stdout.write(f"tp={s.tp} fp={s.fp} fn={s.fn} tn={s.tn}")
        self.stdout.write(f"precision: {s.precision:.3f}")
        self.stdout.write(f"recall:    {s.recall:.3f}")
        shown = 0
        for example, p, (score, reasons) in zip(examples, predicted, scored, strict=True):
            if shown >= options["errors"]:
                break
            if p != example.label:
                shown += 1
                kind = "FP" if p else "FN"
                self.stdout.write(f"{kind} {score:.2f} {example.text[:120]!r} {reasons}")
        self.stdout.write(f"f1={s.f1:.3f}")
