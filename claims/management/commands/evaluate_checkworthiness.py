"""python manage.py evaluate_checkworthiness FILE.tsv [--model PATH | --rules] [--cv K]

CheckThat! format (Sentence_id<TAB>Text<TAB>class_label Yes/No). Prints precision, recall and F1
of the positive class; the last line is `f1=0.xxx` (DESIGN.md §8).

With --cv K the file is a training file: grouped K-fold cross-validation (whole debates held out,
see training.infer_groups) trains on K-1 folds exactly as train_checkworthiness does and scores
the held-out fold with the rules, the language-independent model and the full model; it prints
mean ± sd over the folds, and the last line is the F1 of the trained model. With --cv K --rules
only the rule weights are refitted on each K-1 folds (as train_checkworthiness fits them) and the
held-out fold scored with them: the same rules figure, without training the models or encoding
the sentence embeddings they read; the last line is the rules' F1."""

from __future__ import annotations

import statistics
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims.extraction.checkworthiness import configured_scorer, load_scorer, score_all, translate_reasons
from claims.extraction.training import (
    SHIFTED_POSITIVE_RATE,
    FoldResult,
    cross_validate,
    f1_at_share,
    prf,
    read_checkthat_tsv,
    sentence_signals,
)


class Command(BaseCommand):
    help = "Evaluate check-worthiness scoring on a CheckThat!-format TSV file (or cross-validate on it)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="TSV: Sentence_id, Text, class_label (Yes/No)")
        parser.add_argument("--model", default="", help="a model from train_checkworthiness (default: the configured "
                                                        "FACTCHECK_CHECKWORTHINESS_MODEL)")
        parser.add_argument("--rules", action="store_true", help="evaluate the rule-based scorer")
        parser.add_argument("--cv", type=int, default=0, metavar="K",
                            help="grouped K-fold cross-validation on FILE (trains K models)")
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
        if options["cv"]:
            return self.cross_validate(examples, options)
        try:
            scorer = None if options["rules"] else (load_scorer(options["model"]) if options["model"]
                                                     else configured_scorer())
        except (OSError, ValueError) as exc:
            raise CommandError(f"cannot load the model: {exc}") from exc
        started = time.monotonic()
        texts = [e.text for e in examples]
        scored = score_all(texts, sentence_signals(texts, options["language"]), scorer)
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
                self.stdout.write(f"{kind} {score:.2f} {example.text[:120]!r} {translate_reasons(reasons)}")
        self.stdout.write(f"f1={s.f1:.3f}")

    def cross_validate(self, examples: list[Any], options: dict[str, Any]) -> None:
        k = options["cv"]
        if k < 2:
            raise CommandError("--cv needs at least 2 folds")
        if len({e.label for e in examples}) < 2:
            raise CommandError("cross-validation needs check-worthy and other sentences")

        def progress(result: FoldResult) -> None:
            figures = "  ".join(f"{name} p={s.precision:.3f} r={s.recall:.3f} f1={s.f1:.3f}"
                                for name, s in result.scores.items())
            self.stdout.write(f"fold {result.fold} ({result.sentences} sentences): {figures}", ending="\n")
            self.stdout.flush()

        self.stdout.write(f"file: {options['file']} ({len(examples)} sentences), {k} folds of whole sources")
        try:
            results = cross_validate(examples, language=options["language"], k=k, progress=progress,
                                     models=not options["rules"])
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        summary = {}
        share = f"f1@{SHIFTED_POSITIVE_RATE:.0%}"
        for name in results[0].scores:
            row = {m: [getattr(r.scores[name], m) for r in results] for m in ("precision", "recall", "f1")}
            summary[name] = row
            row = {**row, share: [f1_at_share(r.scores[name]) for r in results]}
            self.stdout.write(
                f"{name:9s} " + "  ".join(f"{m} {statistics.mean(v):.3f} ± {statistics.pstdev(v):.3f}"
                                          for m, v in row.items()))
        self.stdout.write(f"({share}: F1 if {SHIFTED_POSITIVE_RATE:.0%} of a fold were check-worthy, each class "
                          "scored as it is: a source with more claims than train's share)")
        chosen = "rules" if options["rules"] else "trained"
        self.stdout.write(f"f1={statistics.mean(summary[chosen]['f1']):.3f}")
