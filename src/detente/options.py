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
    when the text names no second party (left out by default: they say nothing of a pair)."""

    dictionaries: Path | None = None
    untargeted: bool = False


DEFAULT_OPTIONS = Options()
