"""python manage.py ingest PATH... [--format text|html|jsonl] [--language fr|en] [--wait]

Files, folders (walked recursively) or `-` for stdin. Every article goes through
claims.services.ingest.article_ingest, exactly like the API; extraction runs in-process in the
embedded default and on the `extract` queue when a broker is configured (--wait follows it).
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import Count
from tqdm import tqdm

from claims.models import Article, Channel, Claim, ExtractionStatus
from claims.services.errors import InvalidInput
from claims.services.ingest import article_ingest

EXTENSIONS = {".txt": "text", ".text": "text", ".md": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}


def split_title(content: str) -> tuple[str, str]:
    """"Title, blank line, body" files: the first line is the title when it is short and stands alone."""
    head, sep, rest = content.lstrip("\ufeff").partition("\n")
    if sep and rest.lstrip(" \t").startswith("\n") and 0 < len(head.strip()) <= 300 and rest.strip():
        return head.strip(), rest.strip("\n")
    return "", content


class Command(BaseCommand):
    help = "Ingest articles from files, folders or stdin and extract their claims."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", help="files, folders, or - for stdin")
        parser.add_argument("--format", choices=["text", "html", "jsonl"], default=None,
                            help="input format (default: from the file extension; stdin: text)")
        parser.add_argument("--language", default="", help="language of the articles (default: detected)")
        parser.add_argument("--wait", action="store_true",
                            help="with a broker, wait until the workers have extracted every article")
        parser.add_argument("--timeout", type=float, default=600.0, help="seconds --wait waits at most")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args: Any, **options: Any) -> None:
        fmt = options["format"]
        language = options["language"]
        items = list(self._items(options["paths"], fmt))
        outcomes: Counter[str] = Counter()
        failures: list[tuple[str, str]] = []
        ids: list[int] = []
        started = time.monotonic()
        bar = tqdm(total=len(items), unit="article", disable=options["no_progress"], file=sys.stderr)
        claims = 0
        for n, (name, kwargs) in enumerate(items, 1):
            if "error" in kwargs:
                outcomes["failed"] += 1
                failures.append((name, kwargs["error"]))
                bar.update(1)
                continue
            kwargs.setdefault("language", language)
            try:
                result = article_ingest(channel=Channel.COMMAND, **kwargs)
            except InvalidInput as exc:
                outcomes["failed"] += 1
                failures.append((name, exc.message))
            else:
                outcomes[result.outcome] += 1
                if result.queued:
                    ids.append(result.article.pk)
            bar.update(1)
            if n % 10 == 0 or n == len(items):
                claims = self._claims(ids)
                elapsed = max(time.monotonic() - started, 1e-6)
                bar.set_postfix_str(f"{n / elapsed:.1f} articles/s, {claims / elapsed:.1f} claims/s")
        bar.close()
        if options["wait"] and not settings.CELERY_TASK_ALWAYS_EAGER:
            self._wait(ids, options["timeout"], options["no_progress"])
        elapsed = max(time.monotonic() - started, 1e-6)
        self._summary(ids, outcomes, failures, elapsed)

    # --- input ----------------------------------------------------------------------------------
    def _items(self, paths: list[str], fmt: str | None) -> Iterator[tuple[str, dict[str, Any]]]:
        for name in paths:
            if name == "-":
                yield from self._parse("stdin", sys.stdin.buffer.read(), fmt or "text")
                continue
            path = Path(name)
            if path.is_dir():
                files = sorted(p for p in path.rglob("*") if p.is_file() and (fmt or p.suffix.lower() in EXTENSIONS))
                for file in files:
                    yield from self._parse(str(file), file.read_bytes(), fmt or EXTENSIONS[file.suffix.lower()])
            elif path.is_file():
                yield from self._parse(name, path.read_bytes(), fmt or EXTENSIONS.get(path.suffix.lower(), "text"))
            else:
                raise CommandError(f"{name}: no such file or folder")

    def _parse(self, name: str, data: bytes, fmt: str) -> Iterator[tuple[str, dict[str, Any]]]:
        if fmt == "html":
            yield name, {"html": data}
            return
        if fmt == "text":
            try:
                title, body = split_title(data.decode("utf-8"))
            except UnicodeDecodeError:
                yield name, {"text": data}  # the service explains what is wrong with it
                return
            yield name, {"text": body, "title": title}
            return
        for number, line in enumerate(data.splitlines(), 1):
            if not line.strip():
                continue
            where = f"{name}:{number}"
            try:
                row = json.loads(line)
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                yield where, {"error": f"not valid JSON ({exc})"}
                continue
            if not isinstance(row, dict):
                yield where, {"error": "each line must be a JSON object"}
                continue
            kwargs = {key: row[key] for key in ("text", "html", "url", "title", "published_at") if row.get(key)}
            if row.get("language"):
                kwargs["language"] = row["language"]
            yield where, kwargs

    # --- output ---------------------------------------------------------------------------------
    def _claims(self, ids: list[int]) -> int:
        if not ids:
            return 0
        return Claim.objects.filter(article_id__in=ids).count()

    def _wait(self, ids: list[int], timeout: float, quiet: bool) -> None:
        deadline = time.monotonic() + timeout
        bar = tqdm(total=len(ids), unit="article", desc="extracting", disable=quiet, file=sys.stderr)
        started = time.monotonic()
        finished = 0
        while time.monotonic() < deadline:
            finished = Article.objects.filter(
                pk__in=ids, extraction_status__in=[ExtractionStatus.DONE, ExtractionStatus.FAILED]
            ).count()
            bar.update(finished - bar.n)
            elapsed = max(time.monotonic() - started, 1e-6)
            bar.set_postfix_str(f"{finished / elapsed:.1f} articles/s, {self._claims(ids) / elapsed:.1f} claims/s")
            if finished >= len(ids):
                break
            time.sleep(0.5)
        bar.close()
        if finished < len(ids):
            self.stderr.write(f"{len(ids) - finished} articles still queued or running after {timeout:.0f}s "
                              "(is a worker consuming the `extract` queue?)")

    def _summary(self, ids: list[int], outcomes: Counter[str], failures: list[tuple[str, str]], elapsed: float) -> None:
        statuses = dict(
            Article.objects.filter(pk__in=ids).order_by().values_list("extraction_status").annotate(n=Count("pk"))
        ) if ids else {}
        errors = list(
            Article.objects.filter(pk__in=ids, extraction_status=ExtractionStatus.FAILED)
            .values_list("pk", "title", "extraction_error")[:20]
        ) if ids else []
        claims = self._claims(ids)
        rows = [
            ("ingested", outcomes["created"]),
            ("updated (re-extracted)", outcomes["updated"]),
            ("duplicates skipped", outcomes["duplicate"]),
            ("failed to ingest", outcomes["failed"]),
            ("extracted", statuses.get(ExtractionStatus.DONE, 0)),
            ("extraction failed", statuses.get(ExtractionStatus.FAILED, 0)),
            ("still queued/running", statuses.get(ExtractionStatus.QUEUED, 0) + statuses.get(ExtractionStatus.RUNNING, 0)),
            ("claims", claims),
            ("seconds", f"{elapsed:.1f}"),
            ("articles/s", f"{len(ids) / elapsed:.2f}"),
            ("claims/s", f"{claims / elapsed:.2f}"),
        ]
        width = max(len(label) for label, _ in rows)
        self.stdout.write("-" * (width + 12))
        for label, value in rows:
            self.stdout.write(f"{label:<{width}}  {value:>8}")
        self.stdout.write("-" * (width + 12))
        for name, reason in failures[:50]:
            self.stdout.write(f"failed: {name}: {reason}")
        for pk, title, error in errors:
            self.stdout.write(f"extraction failed: article #{pk} {title[:60]!r}: {error}")
