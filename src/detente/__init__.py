"""Détente: news about international relations turned into event data analysts can trust.

The public API::

    import detente
    record = detente.extract("Headline\\n\\nBody text ...")
    with detente.open_store("detente.duckdb") as store:
        store.ingest(["examples/"])

Importing the package loads no model and prints nothing.
"""

from __future__ import annotations

from .errors import DetenteError, InputError, ModelNotInstalled, StoreError
from .pipeline.extract import extract
from .record import (
    Actor,
    Amount,
    Article,
    Credit,
    DateRef,
    Event,
    Failure,
    Mention,
    Quote,
    Record,
    Removal,
    Tone,
)
from .store.database import Store, open_store

__all__ = [
    "Actor",
    "Amount",
    "Article",
    "Credit",
    "DateRef",
    "DetenteError",
    "Event",
    "Failure",
    "InputError",
    "Mention",
    "ModelNotInstalled",
    "Quote",
    "Record",
    "Removal",
    "Store",
    "StoreError",
    "Tone",
    "extract",
    "open_store",
]
__version__ = "0.1.0"
