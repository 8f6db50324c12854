"""python manage.py import_claimreview FILE... : ClaimReview JSON-LD (object, list, DataFeed, HTML pages)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims.services.priors import priors_import


class Command(BaseCommand):
    help = "Import prior fact-checks from ClaimReview JSON-LD files (or '-' for stdin). Idempotent by url."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", help="JSON or HTML files, or - for stdin")
        parser.add_argument("--language", default="", help="language of rows that do not say (fr, en)")
        parser.add_argument("--source", default="import", help="recorded on each row (default: import)")
        parser.add_argument("--show-rejected", type=int, default=20, help="list at most this many rejected rows")

    def handle(self, *args: Any, **options: Any) -> None:
        totals = [0, 0, 0]
        for name in options["paths"]:
            if name == "-":
                payload = sys.stdin.read()
            else:
                path = Path(name)
                if not path.is_file():
                    raise CommandError(f"{name}: no such file")
                payload = path.read_bytes()
            report = priors_import(payload_or_text=payload, source=options["source"], language=options["language"])
            self.stdout.write(f"{name}: {report.summary()}")
            for index, reason in report.rejected[: options["show_rejected"]]:
                self.stdout.write(f"  rejected row {index}: {reason}")
            totals[0] += report.created
            totals[1] += report.updated
            totals[2] += len(report.rejected)
        self.stdout.write(f"created={totals[0]} updated={totals[1]} rejected={totals[2]}")
