"""python manage.py train_checkworthiness [FILE.tsv] --output PATH

With a CheckThat!-format file, trains on it. Without one, trains on the newsroom's own reviewer
decisions: dismissed claims are "not worth checking", selected (and later) claims are. Set
FACTCHECK_CHECKWORTHINESS_MODEL=PATH to switch scoring over to the saved model."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims.extraction.training import Example, read_checkthat_tsv, save, train
from claims.models import Claim, ClaimStatus

POSITIVE = [ClaimStatus.SELECTED, ClaimStatus.IN_PROGRESS, ClaimStatus.IN_REVIEW, ClaimStatus.PUBLISHED]


class Command(BaseCommand):
    help = "Train a check-worthiness model (TF-IDF + rule signals, logistic regression) and save it."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", nargs="?", default="", help="CheckThat! TSV (default: reviewer decisions)")
        parser.add_argument("--output", required=True, help="where to save the model (joblib)")
        parser.add_argument("--language", default="", help="language of the sentences (default: en for a file, "
                                                           "all languages for reviewer decisions)")
        parser.add_argument("--seed", type=int, default=0)

    def handle(self, *args: Any, **options: Any) -> None:
        language = options["language"]
        if options["file"]:
            try:
                examples = read_checkthat_tsv(options["file"])
            except (OSError, ValueError) as exc:
                raise CommandError(str(exc)) from exc
            language = language or "en"
            source = options["file"]
        else:
            rows = Claim.objects.filter(status__in=[*POSITIVE, ClaimStatus.DISMISSED])
            if language:
                rows = rows.filter(language=language)
            examples = [Example(str(pk), text, status != ClaimStatus.DISMISSED)
                        for pk, text, status in rows.values_list("pk", "text", "status").iterator()]
            language = language or "fr"
            source = "reviewer decisions"
        positives = sum(e.label for e in examples)
        if positives == 0 or positives == len(examples):
            raise CommandError(
                f"{source}: {len(examples)} examples, {positives} check-worthy: training needs both kinds "
                "(dismiss and select some claims first)."
            )
        self.stdout.write(f"training on {len(examples)} examples from {source} ({positives} check-worthy)...")
        started = time.monotonic()
        payload = train(examples, language=language, seed=options["seed"])
        save(payload, options["output"])
        self.stdout.write(
            f"saved {options['output']} in {time.monotonic() - started:.0f}s "
            f"(threshold {payload['threshold']:.2f}, held-out f1 {payload.get('holdout_f1', 0):.3f}). "
            f"Use it with FACTCHECK_CHECKWORTHINESS_MODEL={options['output']}"
        )
