"""Template filters that name stored codes in the reader's language (see claims.review.labels).

`{{ reason|reason_label }}`, `{{ claim.checkworthiness_reasons|reason_sides }}`, `{{ tier|tier_label }}`, `{{ run.provider|provider_label }}`,
`{{ entity.label|entity_type_label }}`, `{{ code|qualifier_label }}`, `{{ event|history_line:people }}`.
"""

from __future__ import annotations

from typing import Any

from django import template

from claims.review import labels

register = template.Library()

register.filter("reason_label", labels.reason_label)
register.filter("reason_sides", labels.reasons_for_and_against)
register.filter("tier_label", labels.tier_label)
register.filter("provider_label", labels.provider_label)
register.filter("entity_type_label", labels.entity_type_label)


@register.filter
def qualifier_label(code: Any) -> str:
    return str(labels.QUALIFIERS.get(str(code or ""), code))


@register.filter
def history_line(event: Any, people: Any = None) -> str:
    return labels.history_line(event.action, event.after, event.before, people=people or {})
