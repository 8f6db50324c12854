"""Reading the evaluation commands' JSONL files: one object per line, blank lines skipped, a line
that is not JSON (or a file that cannot be opened) a CommandError naming the file and the line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from django.core.management.base import CommandError


def read_jsonl(path: str) -> Iterator[tuple[int, Any]]:
    """(line number, decoded value) for each non-blank line of `path`."""
    try:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    yield number, json.loads(line)
                except json.JSONDecodeError as exc:
                    raise CommandError(f"{path}:{number}: not JSON ({exc.msg})") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise CommandError(f"{path}: {exc}") from exc
