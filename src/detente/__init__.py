"""Détente: news about international relations turned into event data analysts can trust.

The public API::

    import detente

    record = detente.extract("Headline\\n\\nBody text ...", published="2023-02-27")
    for outcome in detente.extract_many(raw_articles):  # Record, or Failure with its reason
        ...
    with detente.open_store("detente.duckdb") as store:
        summary = detente.ingest(store, ["examples/"], workers=2)
        for record in store.records():
            ...

Everything a user needs is named here (``__all__``); the stage packages (``read``, ``knowledge``,
``actors``, ``quotes``, ``events``, ``facts``, ``pipeline``, ``store``, ``analysis``, ``cli``,
``evaluation``) export their own entry points and keep their modules internal. Importing the
package loads no model and prints nothing.
"""

from __future__ import annotations

from .errors import DetenteError, InputError, ModelNotInstalled, StoreError
from .options import DEFAULT_OPTIONS, Options
from .pipeline import Summary, extract, extract_many, ingest
from .read import RawArticle, read_paths
from .record import (
    Actor,
    Amount,
    Article,
    Credit,
    DateRef,
    Event,
    EventActor,
    Failure,
    Mention,
    Plover,
    Quote,
    Record,
    Removal,
    SentenceTone,
    Span,
    Speaker,
    ThemeTrigger,
    Tone,
)
from .store import Store, open_store

__all__ = [
    "DEFAULT_OPTIONS",
    "Actor",
    "Amount",
    "Article",
    "Credit",
    "DateRef",
    "DetenteError",
    "Event",
    "EventActor",
    "Failure",
    "InputError",
    "Mention",
    "ModelNotInstalled",
    "Options",
    "Plover",
    "Quote",
    "RawArticle",
    "Record",
    "Removal",
    "SentenceTone",
    "Span",
    "Speaker",
    "Store",
    "StoreError",
    "Summary",
    "ThemeTrigger",
    "Tone",
    "extract",
    "extract_many",
    "ingest",
    "open_store",
    "read_paths",
]
__version__ = "0.1.0"
