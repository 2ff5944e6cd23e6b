"""Errors a use case raises; the web layer maps each to an HTTP status."""

from __future__ import annotations


class ServiceError(Exception):
    """Base of the errors a caller can act on."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class Invalid(ServiceError):
    """The input breaks a rule (too long, unknown parent...); `field` names it."""


class NotFound(ServiceError):
    """The site, article or comment does not exist (or is not visible to the caller)."""


class Forbidden(ServiceError):
    """The caller may not do this."""


class Conflict(ServiceError):
    """The thing already exists."""
