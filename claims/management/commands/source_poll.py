"""python manage.py source_poll [--all] [--wait]

Queue the polls that are due (with --all: every enabled source, due or not). In the embedded
default they run in-process; with a broker, --wait follows the workers until the polls are done
and the new articles are extracted, then prints each source's health.
"""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from claims.models import (
    Alert,
    Article,
    EvidenceRun,
    ExtractionStatus,
    PollStatus,
    RunStatus,
    Source,
    SourceItem,
)
from claims.search import STRONG
from claims.services.sources import sources_poll_now, sources_schedule_due


class Command(BaseCommand):
    help = "Poll the watched sources that are due (or all of them)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--all", action="store_true", help="poll every enabled source now, due or not")
        parser.add_argument("--wait", action="store_true",
                            help="with a broker, wait for the polls and the extraction of their articles")
        parser.add_argument("--timeout", type=float, default=600.0, help="seconds --wait waits at most")

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.monotonic()
        alerts_before = Alert.objects.filter(tier=STRONG).count()
        if options["all"]:
            ids = sources_poll_now()
        else:
            before = set(Source.objects.filter(poll_status=PollStatus.QUEUED).values_list("pk", flat=True))
            sources_schedule_due()
            ids = sorted(set(Source.objects.filter(poll_status=PollStatus.QUEUED).values_list("pk", flat=True))
                         - before) or sorted(before)
        self.stdout.write(f"{len(ids)} source(s) queued for polling.")
        if options["wait"] and not settings.CELERY_TASK_ALWAYS_EAGER and ids:
            self._wait(ids, options["timeout"])
        for source in Source.objects.filter(pk__in=ids).order_by("name", "id"):
            health = "ok" if source.consecutive_failures == 0 else (
                f"failing x{source.consecutive_failures}: {source.last_error}")
            self.stdout.write(f"  #{source.pk} {source.name}: {source.items_seen} items seen, "
                              f"last status {source.last_status or '-'}, {health}")
        self.stdout.write(f"{Alert.objects.filter(tier=STRONG).count() - alerts_before} new alert(s) "
                          f"in {time.monotonic() - started:.1f} s.")

    def _wait(self, ids: list[int], timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            busy = Source.objects.filter(pk__in=ids).exclude(poll_status=PollStatus.IDLE).exists()
            extracting = Article.objects.filter(
                source_items__source_id__in=ids,
                extraction_status__in=[ExtractionStatus.QUEUED, ExtractionStatus.RUNNING],
            ).exists()
            matching = EvidenceRun.objects.filter(
                claim__article__source_items__source_id__in=ids, provider="prior_factchecks",
                status__in=[RunStatus.QUEUED, RunStatus.RUNNING],
            ).exists()
            pending = SourceItem.objects.filter(source_id__in=ids, status=SourceItem.Status.PENDING).exists()
            if not (busy or extracting or matching or pending):
                return
            time.sleep(0.5)
        self.stderr.write(self.style.WARNING(f"Still working after {timeout:g} s; the workers carry on."))
