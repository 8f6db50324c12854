"""Watched sources: adding them, and scheduling their polls.

A poll is a row before it is a message: `sources_schedule_due` (the beat job) marks due sources
`queued` and enqueues one `claims.tasks.source_poll` per source after commit. If the broker is
down the rows stay queued and the next beat run sends them again; a poll whose worker died is
`running` past FACTCHECK_WATCH_STALE_SECONDS and is queued again the same way.
The poll itself is claims.services.source_poll.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from claims import task_names as names
from claims.models import AuditEvent, Channel, PollStatus, Source
from claims.services.audit import audit_bulk, audit_record
from claims.services.errors import InvalidInput
from claims.services.queue import enqueue_each
from claims.services.roles import is_editor

POLL_TASK = names.SOURCE_POLL
MAX_INTERVAL_MINUTES = 7 * 24 * 60
SCHEDULE_BATCH = 500


def file_source_path(url: str) -> Path:
    """The local file a `file:` source names, if it lies under FACTCHECK_WATCH_FILE_ROOTS (the demo's
    bundled feed by default); anything else is refused, so no one reads arbitrary files."""
    parts = urlsplit(url)
    if parts.netloc not in ("", "localhost"):
        raise InvalidInput("A file: URL cannot name another host.", code="invalid_url")
    path = Path(url2pathname(parts.path)).resolve()
    for root in settings.FACTCHECK_WATCH_FILE_ROOTS:
        if path.is_relative_to(Path(root).resolve()):
            return path
    raise InvalidInput(
        f"{path} is not under a folder allowed for file sources (FACTCHECK_WATCH_FILE_ROOTS).",
        code="file_not_allowed",
    )


def _check_url(url: str, *, allow_files: bool) -> str:
    url = (url or "").strip()
    parts = urlsplit(url)
    if parts.scheme == "file" and allow_files:
        file_source_path(url)
        return url
    if parts.scheme not in ("http", "https") or not parts.hostname or len(url) > 2000:
        raise InvalidInput(f"{url[:200]!r} is not an http(s) URL of a feed or sitemap.", code="invalid_url")
    from claims.netfetch import FetchError, check_url_allowed

    try:
        check_url_allowed(url)
    except FetchError as exc:
        if exc.code in ("private_address", "invalid_url"):
            raise InvalidInput(exc.message, code=exc.code) from exc
        # A host that does not resolve right now may later: the poll reports it in the health fields.
    return url


def _check_language(language: str) -> str:
    language = (language or "").strip().lower()
    if language and language not in settings.FACTCHECK_SPACY_MODELS:
        raise InvalidInput(
            f"Language {language!r} is not supported; use one of {', '.join(sorted(settings.FACTCHECK_SPACY_MODELS))}"
            " or leave it empty.", code="unsupported_language",
        )
    return language


def _check_interval(minutes: Any) -> int:
    try:
        value = int(minutes)
    except (TypeError, ValueError):
        raise InvalidInput("The polling interval must be a whole number of minutes.", code="invalid_interval") \
            from None
    if not 1 <= value <= MAX_INTERVAL_MINUTES:
        raise InvalidInput(f"The polling interval must be between 1 and {MAX_INTERVAL_MINUTES} minutes.",
                           code="invalid_interval")
    return value


def source_add(
    *,
    url: str,
    name: str = "",
    language: str = "",
    interval_minutes: int | None = None,
    actor: Any = None,
    channel: str = Channel.API,
    allow_files: bool = False,
) -> Source:
    """Watch a feed or sitemap; its first poll is due at once. Editors only (commands pass no actor).

    `allow_files` lets the command line and the demo add a `file:` source under
    FACTCHECK_WATCH_FILE_ROOTS; the API and the admin never do.
    """
    if actor is not None and not is_editor(actor):
        from claims.services.errors import NotAllowed

        raise NotAllowed("Only editors can add sources.", code="editor_required")
    url = _check_url(url, allow_files=allow_files)
    language = _check_language(language)
    interval = _check_interval(interval_minutes if interval_minutes is not None
                               else settings.FACTCHECK_WATCH_DEFAULT_INTERVAL)
    name = " ".join((name or "").split())[:200] or (urlsplit(url).hostname or Path(urlsplit(url).path).name)
    try:
        with transaction.atomic():
            source = Source.objects.create(url=url, name=name, language=language, interval_minutes=interval,
                                           next_poll_at=timezone.now(),
                                           created_by=actor if getattr(actor, "pk", None) else None)
            audit_record(actor=actor, action="source.add", obj=source, channel=channel,
                         after={"url": url, "name": name, "language": language, "interval_minutes": interval})
    except IntegrityError:
        raise InvalidInput("This feed is already watched.", code="duplicate_source",
                           details={"source": Source.objects.filter(url=url).values_list("pk", flat=True).first()}) \
            from None
    return source


def _queue(condition: Q, now: datetime, *, limit: int = SCHEDULE_BATCH) -> list[int]:
    ids = list(Source.objects.filter(condition).order_by("next_poll_at", "id").values_list("pk", flat=True)[:limit])
    if ids:
        # The condition is repeated so a source that changed meanwhile (taken, disabled) is left alone.
        Source.objects.filter(condition, pk__in=ids).update(poll_status=PollStatus.QUEUED, poll_queued_at=now)
        enqueue_each(POLL_TASK, ids)
    return ids


def sources_schedule_due(*, now: datetime | None = None) -> dict[str, int]:
    """Beat job: queue the polls that are due, and re-send those a broker outage or a dead worker
    left behind. Constant queries whatever the number of sources."""
    now = now or timezone.now()
    stale = now - timedelta(seconds=settings.FACTCHECK_WATCH_STALE_SECONDS)
    forgotten = now - timedelta(seconds=settings.FACTCHECK_WATCH_QUEUED_SECONDS)
    counts = {}
    with transaction.atomic():
        for label, condition in (
            ("due", Q(poll_status=PollStatus.IDLE, next_poll_at__lte=now)),
            ("forgotten", Q(poll_status=PollStatus.QUEUED, poll_queued_at__lt=forgotten)),
            ("lost", Q(poll_status=PollStatus.RUNNING, poll_started_at__lt=stale)),
        ):
            counts[label] = len(_queue(condition & Q(is_enabled=True), now))
    return counts


def sources_poll_now(*, source_ids: Iterable[int] | None = None, actor: Any = None,
                     channel: str = Channel.COMMAND) -> list[int]:
    """Queue a poll now for these sources (all enabled ones by default), due or not; a source being
    polled right now is left to that poll."""
    now = timezone.now()
    condition = Q(is_enabled=True) & ~Q(poll_status=PollStatus.RUNNING)
    if source_ids is not None:
        condition &= Q(pk__in=list(source_ids))
    with transaction.atomic():
        ids = _queue(condition, now, limit=100_000)
        if ids and getattr(actor, "pk", None):
            audit_bulk(AuditEvent(actor=actor, action="source.poll_now", object_type="source", object_id=pk,
                                  channel=channel) for pk in ids)
    return ids


EDITABLE = ("name", "language", "interval_minutes", "is_enabled")


def source_update(*, source: Source | int, changes: dict[str, Any], actor: Any,
                  channel: str = Channel.ADMIN) -> Source:
    """Rename, re-language, re-time, pause or resume a source (editors). A resumed or re-timed source
    is due at its next interval from now; the URL never changes (add a new source instead)."""
    if actor is not None and not is_editor(actor):
        from claims.services.errors import NotAllowed

        raise NotAllowed("Only editors can change sources.", code="editor_required")
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        raise InvalidInput(f"These fields cannot be changed: {', '.join(unknown)}.", code="not_editable")
    clean: dict[str, Any] = {}
    if "name" in changes:
        clean["name"] = " ".join(str(changes["name"] or "").split())[:200]
    if "language" in changes:
        clean["language"] = _check_language(changes["language"])
    if "interval_minutes" in changes:
        clean["interval_minutes"] = _check_interval(changes["interval_minutes"])
    if "is_enabled" in changes:
        clean["is_enabled"] = bool(changes["is_enabled"])
    with transaction.atomic():
        pk = source.pk if isinstance(source, Source) else source
        locked = Source.objects.select_for_update().get(pk=pk)
        before = {name: getattr(locked, name) for name in clean}
        changed = {name: value for name, value in clean.items() if before[name] != value}
        if not changed:
            return locked
        for name, value in changed.items():
            setattr(locked, name, value)
        if changed.get("is_enabled"):
            locked.consecutive_failures, locked.next_poll_at = 0, timezone.now()  # resumed: poll it soon
        locked.save()
        audit_record(actor=actor, action="source.update", obj=locked, channel=channel,
                     before={k: before[k] for k in changed}, after=changed)
    return locked
