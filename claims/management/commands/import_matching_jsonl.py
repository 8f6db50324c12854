"""python manage.py import_matching_jsonl FILE... : prior fact-checks from `matching-en` JSONL exports."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims.matching_jsonl import SNOPES_PREFIX
from claims.services.priors import priors_import_jsonl


class Command(BaseCommand):
    help = ("Import prior fact-checks from JSONL with vclaim_id, vclaim, title, subtitle, author, date "
            "(the CheckThat! / matching-en format). Idempotent by url.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+")
        parser.add_argument("--url-prefix", default=SNOPES_PREFIX, help=f"url = prefix + vclaim_id ({SNOPES_PREFIX})")
        parser.add_argument("--publisher", default="Snopes")
        parser.add_argument("--language", default="en", choices=["en", "fr", ""])
        parser.add_argument("--source", default="jsonl", help="recorded on each row")
        parser.add_argument("--no-embeddings", action="store_true",
                            help="skip English sentence embeddings (faster; add them later with reindex_priors)")

    def handle(self, *args: Any, **options: Any) -> None:
        for name in options["paths"]:
            path = Path(name)
            if not path.is_file():
                raise CommandError(f"{name}: no such file")
            started = time.perf_counter()
            with path.open("rb") as handle:
                report = priors_import_jsonl(
                    lines=handle, source=options["source"], url_prefix=options["url_prefix"],
                    publisher=options["publisher"], language=options["language"],
                    embeddings=not options["no_embeddings"])
            self.stdout.write(f"{name}: {report.summary()} in {time.perf_counter() - started:.1f} s")
            for number, reason in report.rejected[:20]:
                self.stdout.write(f"  rejected line {number}: {reason}")
