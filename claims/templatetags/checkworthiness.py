"""{{ claim.checkworthiness_reasons|reasons|join:", " }}: the scorer's reasons in the reader's language
(they are stored as stable English message ids, see extraction/checkworthiness.py)."""

from __future__ import annotations

from django import template

from claims.extraction.checkworthiness import translate_reasons

register = template.Library()


@register.filter
def reasons(value: list[str] | None) -> list[str]:
    return translate_reasons([str(v) for v in value or []])
