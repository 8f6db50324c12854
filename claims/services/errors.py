"""Domain errors. The API maps them to HTTP in one handler; the UI shows their message."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    code = "domain_error"
    http_status = 400

    def __init__(
        self, message: str, *, code: str | None = None, details: dict[str, Any] | None = None, short: str = "",
    ):
        super().__init__(message)
        self.message = message
        if code:
            self.code = code
        self.details = details or {}
        # A few words for counts of refusals in bulk ("3 need a comment saying why").
        self.short = short

    @property
    def reason(self) -> str:
        return self.short or self.message.rstrip(".")


class InvalidTransition(DomainError):
    code = "invalid_transition"
    http_status = 409


class NotAllowed(DomainError):
    code = "not_allowed"
    http_status = 403


class StaleVersion(DomainError):
    """The row changed since the caller read it: refuse rather than overwrite."""

    code = "stale_version"
    http_status = 412

    def __init__(self, message: str, *, current: Any, changed_by: str = "", changed_at: Any = None):
        super().__init__(message, details={"current_version": getattr(current, "version", None)})
        self.current = current
        self.changed_by = changed_by
        self.changed_at = changed_at


class Conflict(DomainError):
    """The request collides with something that exists and is not the caller's to change."""

    code = "conflict"
    http_status = 409


class InvalidInput(DomainError):
    code = "invalid_input"
    http_status = 400
