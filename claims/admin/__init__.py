"""The Django admin, split by area. Importing the modules registers their ModelAdmins."""

from claims.admin import articles, claims, evidence, operations, verdicts, watch  # noqa: F401
