"""One error tree.  Every error is a ``ReconcileError`` and also a builtin, so callers
may catch either.  The API maps these to one JSON error shape in one place."""

from __future__ import annotations

from typing import Any


class ReconcileError(Exception):
    """Base of every error this package raises on purpose."""

    code = "reconcile_error"

    def __init__(self, message: str, **details: Any) -> None:
        super().__init__(message)
        self.message = message
        self.details = details

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "details": self.details}


class InvalidInput(ReconcileError, ValueError):
    """Input that is well-formed bytes but not a usable article or request."""

    code = "invalid_input"


class UnreadableArticle(ReconcileError, ValueError):
    """A file or record that cannot be turned into an Article (binary, empty, broken JSON...)."""

    code = "unreadable_article"


class UnitMismatch(ReconcileError, ValueError):
    """Quantities whose units cannot be compared (two currencies, percent and count...)."""

    code = "unit_mismatch"


class NotFound(ReconcileError, LookupError):
    """A requested article, claim or group does not exist."""

    code = "not_found"


class StoreError(ReconcileError, RuntimeError):
    """The store could not be read or written."""

    code = "store_error"


class ConfigError(ReconcileError, ValueError):
    """Bad settings or command-line usage."""

    code = "config_error"
