"""What a user may change about coding, given to ``extract``, ``extract_many``, ``ingest`` and workers."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# The module's public names.
__all__ = ["DEFAULT_OPTIONS", "Options"]


@dataclass(frozen=True)
class Options:
    """What a user may change about coding: ``dictionaries``, a PETRARCH-format directory
    (actors and agents; verbs with the events stage) loaded in place of the packaged ones;
    ``untargeted``, keep events of types between two parties (a meeting, an agreement, support …)
    when the text names no second party (left out by default: they say nothing of a pair);
    ``time_budget``, a multiple of each article's time budget (30 s plus a second per 4,000
    characters), 0 for none: an article over it is recorded as a ``timeout`` failure."""

    dictionaries: Path | None = None
    untargeted: bool = False
    time_budget: float = 1.0


DEFAULT_OPTIONS = Options()
