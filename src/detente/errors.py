"""One exception tree for Détente; messages say what went wrong and how to fix it."""

from __future__ import annotations

# The module's public names.
__all__ = ["DetenteError", "InputError", "ModelNotInstalled", "StoreError"]


class DetenteError(Exception):
    """Base of every error Détente raises on purpose."""


class InputError(DetenteError):
    """An input (file, line, record) cannot become an article.

    ``reason`` is a short stable code stored in the failures table
    (``empty``, ``binary``, ``too-large``, ``invalid-json``, ``no-article``, ...).
    """

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


class ModelNotInstalled(DetenteError):
    """No English spaCy pipeline is installed."""


class StoreError(DetenteError):
    """The store cannot be opened or written."""
