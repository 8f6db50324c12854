"""python manage.py source_add URL [--name N] [--language fr|en] [--every MINUTES]

Watch an RSS/Atom feed or a (news) sitemap. Its first poll is due at once (`source_poll`, or the
beat job within a minute). A `file:` URL under FACTCHECK_WATCH_FILE_ROOTS is accepted here too.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims.models import Channel
from claims.services.errors import DomainError
from claims.services.sources import source_add


class Command(BaseCommand):
    help = "Watch a feed or sitemap: new items are ingested, and repeated claims raise alerts."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("url")
        parser.add_argument("--name", default="")
        parser.add_argument("--language", default="", help="fr or en (default: detected per article)")
        parser.add_argument("--every", type=int, default=None, metavar="MINUTES",
                            help="minutes between polls (default FACTCHECK_WATCH_DEFAULT_INTERVAL)")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            source = source_add(url=options["url"], name=options["name"], language=options["language"],
                                interval_minutes=options["every"], channel=Channel.COMMAND, allow_files=True)
        except DomainError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(self.style.SUCCESS(
            f"Watching #{source.pk} {source.name} ({source.url}), every {source.interval_minutes} min."
        ))
