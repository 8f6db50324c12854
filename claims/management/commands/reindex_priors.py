"""python manage.py reindex_priors [--missing] : rebuild prior fact-checks' analysed forms and postings."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from claims.services.priors import priors_reindex


class Command(BaseCommand):
    help = ("Recompute the matcher's analysed forms, embeddings and BM25 postings of prior fact-checks "
            "(after an upgrade, or for rows loaded without them).")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--missing", action="store_true", help="only rows never analysed")
        parser.add_argument("--no-embeddings", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        count = priors_reindex(missing_only=options["missing"], embeddings=not options["no_embeddings"])
        self.stdout.write(f"reindexed={count} seconds={time.perf_counter() - started:.1f}")
