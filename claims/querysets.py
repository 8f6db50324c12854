from __future__ import annotations

from typing import Any

from django.db import models


class ClaimQuerySet(models.QuerySet):
    def for_review(self) -> ClaimQuerySet:
        """Claims a reviewer may still work on, with what the queue shows in one query."""
        return self.exclude(status__in=["dismissed", "duplicate"]).select_related("article", "assignee")

    def assigned_to(self, user: Any) -> ClaimQuerySet:
        return self.filter(assignee=user)

    def unassigned(self) -> ClaimQuerySet:
        return self.filter(assignee__isnull=True)

    def with_status(self, *statuses: str) -> ClaimQuerySet:
        return self.filter(status__in=statuses)

    def awaiting_approval(self) -> ClaimQuerySet:
        return self.filter(status="in_review")

    def min_checkworthiness(self, score: float) -> ClaimQuerySet:
        return self.filter(checkworthiness__gte=score)

    def published(self) -> ClaimQuerySet:
        return self.filter(status="published")
