"""Editing an article's description (title, source, date...) by hand: the admin's change form.

The text never changes here (claim offsets point into it); a new text comes through article_ingest.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from claims.models import Article, Channel
from claims.services.audit import apply_changes, audit_record
from claims.services.errors import InvalidInput, NotAllowed
from claims.services.roles import is_editor

EDITABLE_ARTICLE_FIELDS = ("url", "title", "publisher", "author", "published_at", "language")


def article_update(*, article: Article | int, actor: Any, changes: dict[str, Any],
                   channel: str = Channel.ADMIN) -> Article:
    """Change an article's description; one audit row with each changed field before and after."""
    if not is_editor(actor):
        raise NotAllowed("Only an editor can change articles.", code="editor_required")
    unknown = set(changes) - set(EDITABLE_ARTICLE_FIELDS)
    if unknown:
        raise InvalidInput(f"These fields cannot be edited: {', '.join(sorted(unknown))}.", code="not_editable")
    with transaction.atomic():
        pk = article.pk if isinstance(article, Article) else article
        locked = Article.objects.select_for_update().get(pk=pk)
        before, after = apply_changes(locked, changes)
        if after:
            locked.save(update_fields=[*after, "updated_at"])
            audit_record(actor=actor, action="article.update", obj=locked, before=before, after=after,
                         channel=channel)
    return locked
