"""`python manage.py demo`: the README's main command.

Migrates the database (SQLite by default), creates the demo accounts, loads the sample content
that ships with the project (articles, prior fact-checks, library documents, a local news feed
watched as a source), extracts claims and attaches evidence (in-process unless a broker is
configured), raises the alerts of the feed's repeated claims, then serves the workbench.
Safe to run again: nothing is duplicated and existing passwords are kept.
"""

from __future__ import annotations

import secrets
import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.db.models import Count

from claims.models import Alert, Article, Channel, Claim, Evidence, LibraryDocument, PriorFactCheck, Source
from claims.services.ingest import article_ingest
from claims.services.library import library_document_add
from claims.services.priors import priors_import
from claims.services.sources import source_add, sources_poll_now

FIXTURES = Path(__file__).resolve().parent.parent.parent / "fixtures"
DEMO_ACCOUNTS = [
    # username, group, superuser
    ("reviewer", "reviewer", False),
    ("reviewer2", "reviewer", False),
    ("editor", "editor", False),
    ("admin", "editor", True),
]


class Command(BaseCommand):
    help = "Set up and serve a working demo: database, demo accounts, sample articles, claims, evidence."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-serve", action="store_true", help="Set everything up, then exit.")
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", default="8000")
        parser.add_argument("--reset-passwords", action="store_true", help="Give the demo accounts new passwords.")

    def step(self, message: str) -> float:
        self.stdout.write(self.style.MIGRATE_HEADING(f"▸ {message}"))
        return time.monotonic()

    def done(self, started: float, detail: str = "") -> None:
        self.stdout.write(f"  done in {time.monotonic() - started:.1f} s{(': ' + detail) if detail else ''}")

    def handle(self, *args: Any, **options: Any) -> None:
        started = self.step("Preparing the database")
        call_command("migrate", interactive=False, verbosity=0)
        engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
        self.done(started, f"{engine} at {settings.DATABASES['default']['NAME']}")

        started = self.step("Demo accounts")
        passwords = self.accounts(reset=options["reset_passwords"])
        self.done(started)

        started = self.step("Prior fact-checks and the newsroom library")
        report = priors_import(payload_or_text=(FIXTURES / "claimreview-demo.json").read_text(), source="demo")
        for path in sorted((FIXTURES / "library").glob("*.txt")):
            title, _, body = path.read_text(encoding="utf-8").partition("\n\n")
            library_document_add(title=title.strip(), text=body.strip(), language=path.stem.split("-", 1)[0],
                                 publisher="Demo newsroom library")
        self.done(started, f"{PriorFactCheck.objects.count()} prior fact-checks ({report.created} new), "
                           f"{LibraryDocument.objects.count()} library documents")

        started = self.step("Sample articles: ingest, extract claims, attach evidence")
        paths = sorted((FIXTURES / "articles").glob("*.txt"))
        for index, path in enumerate(paths, 1):
            title, _, body = path.read_text(encoding="utf-8").partition("\n\n")
            prefix = path.stem.split("-", 1)[0]  # files are named fr-....txt / en-....txt
            language = prefix if prefix in settings.FACTCHECK_SPACY_MODELS else ""
            result = article_ingest(text=body.strip(), title=title.strip(), language=language,
                                    channel=Channel.COMMAND)
            article = result.article
            article.refresh_from_db(fields=["extraction_status"])
            self.stdout.write(f"  [{index}/{len(paths)}] {title.strip()[:60]} "
                              f"({result.outcome}, extraction {article.extraction_status})")
        self.done(started, self.summary())

        started = self.step("Watched source: the demo's local news feed (repeated claims raise alerts)")
        feed = (FIXTURES / "feeds" / "demo-news.xml").resolve().as_uri()
        source = Source.objects.filter(url=feed).first() or source_add(
            url=feed, name="Le Quotidien de démonstration", interval_minutes=60, channel=Channel.COMMAND,
            allow_files=True,
        )
        sources_poll_now(source_ids=[source.pk])
        source.refresh_from_db()
        self.done(started, f"{source.items_seen} items seen, "
                           f"{Alert.objects.filter(tier='strong').count()} alerts (/review/alerts/)")

        self.print_accounts(passwords)
        if options["no_serve"]:
            return
        address = f"{options['host']}:{options['port']}"
        self.stdout.write(self.style.SUCCESS(f"\nServing on http://{address}/  (Ctrl-C to stop)\n"))
        call_command("runserver", address, use_reloader=False)

    def summary(self) -> str:
        articles = Article.objects.aggregate(n=Count("id"))["n"]
        claims = Claim.objects.count()
        evidence = Evidence.objects.count()
        return f"{articles} articles, {claims} claims, {evidence} evidence items"

    def accounts(self, *, reset: bool) -> dict[str, str]:
        passwords: dict[str, str] = {}
        for username, group, superuser in DEMO_ACCOUNTS:
            user = User.objects.filter(username=username).first()
            if user is None:
                user = User(username=username, email=f"{username}@demo.invalid", is_staff=True,
                            is_superuser=superuser)
            elif not reset:
                continue
            password = secrets.token_urlsafe(9)
            user.set_password(password)
            user.is_staff = True
            user.save()
            user.groups.add(Group.objects.get(name=group))
            passwords[username] = password
        return passwords

    def print_accounts(self, passwords: dict[str, str]) -> None:
        if not passwords:
            self.stdout.write("\nDemo accounts already exist (reviewer, reviewer2, editor, admin); their passwords "
                              "were printed when they were created. New ones: manage.py demo --reset-passwords")
            return
        self.stdout.write(self.style.SUCCESS("\nDemo accounts (passwords are shown only this once):"))
        for username, password in passwords.items():
            self.stdout.write(f"  {username:<10} {password}")
