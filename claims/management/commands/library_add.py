"""python manage.py library_add PATH... : add trusted documents (text, Markdown or HTML) to the library."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims.evidence.url_snapshot import extract_page
from claims.models import Channel
from claims.services.errors import InvalidInput
from claims.services.library import library_document_add

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


class Command(BaseCommand):
    help = "Add documents to the library; each is split into passages that the library provider searches."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", help="files or folders (.txt, .md, .html)")
        parser.add_argument("--title", default="", help="title (default: the page title or the first line)")
        parser.add_argument("--language", default="", help="fr, en... (used for full-text search)")
        parser.add_argument("--publisher", default="")
        parser.add_argument("--url", default="", help="where the document is published")

    def handle(self, *args: Any, **options: Any) -> None:
        files: list[Path] = []
        for name in options["paths"]:
            path = Path(name)
            if path.is_dir():
                files.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() in {".txt", ".md", *HTML_SUFFIXES}))
            elif path.is_file():
                files.append(path)
            else:
                raise CommandError(f"{name}: no such file or folder")
        for path in files:
            raw = path.read_text(encoding="utf-8", errors="replace")
            title = options["title"]
            if path.suffix.lower() in HTML_SUFFIXES:
                page_title, raw = extract_page(raw, "text/html")
                title = title or page_title
            try:
                document, created = library_document_add(
                    title=title or path.stem.replace("_", " "), text=raw, source_url=options["url"],
                    publisher=options["publisher"], language=options["language"], channel=Channel.COMMAND,
                )
            except InvalidInput as exc:
                self.stderr.write(f"{path}: {exc.message}")
                continue
            state = "added" if created else "already in the library"
            self.stdout.write(f"{path}: {state} as document {document.pk} ({document.passages.count()} passages)")
