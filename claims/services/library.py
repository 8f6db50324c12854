"""The newsroom's library of trusted documents, split into passages when they arrive."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import transaction

from claims.models import Channel, LibraryDocument, LibraryPassage, content_hash
from claims.services.audit import apply_changes, audit_record
from claims.services.errors import InvalidInput

PASSAGE_TARGET = 600  # characters: about one paragraph, what a reviewer reads as an excerpt
PASSAGE_MAX = 1200
_PARAGRAPH = re.compile(r"\n\s*\n")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def _sentence_spans(text: str, start: int, end: int) -> list[Span]:
    spans, cursor = [], start
    for match in _SENTENCE_END.finditer(text, start, end):
        spans.append(Span(cursor, match.start()))
        cursor = match.end()
    if cursor < end:
        spans.append(Span(cursor, end))
    return spans


def split_passages(text: str) -> list[Span]:
    """Paragraph-sized spans of `text` (offsets into it): short paragraphs are joined, long ones
    cut at sentence ends, and a single over-long sentence cut hard at PASSAGE_MAX."""
    pieces: list[Span] = []
    cursor = 0
    for match in [*_PARAGRAPH.finditer(text), None]:
        end = match.start() if match else len(text)
        chunk = text[cursor:end]
        stripped_start = cursor + (len(chunk) - len(chunk.lstrip()))
        stripped_end = cursor + len(chunk.rstrip())
        if stripped_end > stripped_start:
            if stripped_end - stripped_start <= PASSAGE_MAX:
                pieces.append(Span(stripped_start, stripped_end))
            else:
                for sentence in _sentence_spans(text, stripped_start, stripped_end):
                    for hard in range(sentence.start, sentence.end, PASSAGE_MAX):
                        pieces.append(Span(hard, min(sentence.end, hard + PASSAGE_MAX)))
        cursor = match.end() if match else len(text)
    merged: list[Span] = []
    for piece in pieces:
        if merged and (piece.end - merged[-1].start) <= PASSAGE_TARGET:
            merged[-1] = Span(merged[-1].start, piece.end)
        else:
            merged.append(piece)
    return merged


def library_document_add(
    *,
    title: str,
    text: str,
    actor: Any = None,
    source_url: str = "",
    publisher: str = "",
    language: str = "",
    published_at: datetime | None = None,
    channel: str = Channel.ADMIN,
) -> tuple[LibraryDocument, bool]:
    """Store a document and its passages; the same text twice is the same document (created=False)."""
    text = (text or "").replace("\r\n", "\n").strip()
    title = (title or "").strip()
    if not text:
        raise InvalidInput("The document has no text.", code="empty_text")
    if not title:
        title = text.split("\n", 1)[0][:200]
    digest = content_hash(text)
    with transaction.atomic():
        existing = LibraryDocument.objects.filter(content_hash=digest).first()
        if existing is not None:
            return existing, False
        document = LibraryDocument.objects.create(
            title=title[:500], text=text, source_url=source_url[:2000], publisher=publisher[:200],
            language=language[:16], published_at=published_at, content_hash=digest,
            uploaded_by=actor if getattr(actor, "pk", None) else None,
        )
        spans = split_passages(text)
        LibraryPassage.objects.bulk_create(
            [
                LibraryPassage(document=document, position=index, text=text[span.start : span.end],
                               start=span.start, end=span.end, language=document.language)
                for index, span in enumerate(spans)
            ],
            batch_size=1000,
        )
        audit_record(actor=actor, action="library.add", obj=document,
                     after={"title": document.title, "passages": len(spans)}, channel=channel)
    return document, True


LIBRARY_EDITABLE_FIELDS = ("title", "source_url", "publisher", "language", "published_at")


def library_document_update(*, document: LibraryDocument, actor: Any, changes: dict[str, Any],
                            channel: str = Channel.ADMIN) -> LibraryDocument:
    """Change a document's description (never its text: its passages are cut from it), audited."""
    unknown = set(changes) - set(LIBRARY_EDITABLE_FIELDS)
    if unknown:
        raise InvalidInput(f"These fields cannot be edited: {', '.join(sorted(unknown))}.", code="not_editable")
    with transaction.atomic():
        locked = LibraryDocument.objects.select_for_update().get(pk=document.pk)
        before, after = apply_changes(locked, changes)
        if after:
            locked.save(update_fields=list(after))
            if "language" in after:
                LibraryPassage.objects.filter(document=locked).update(language=locked.language)
            audit_record(actor=actor, action="library.update", obj=locked, before=before, after=after,
                         channel=channel)
    return locked
