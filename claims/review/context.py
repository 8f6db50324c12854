"""Template context shared by every page: the navigation's count of new alerts."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject


def alerts_badge(request: HttpRequest) -> dict[str, Any]:
    """Lazy: the count query runs only on pages that show the navigation (one indexed COUNT)."""
    from claims.services.alerts import new_alert_count

    return {"new_alert_count": SimpleLazyObject(new_alert_count)}
