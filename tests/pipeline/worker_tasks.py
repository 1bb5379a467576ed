"""What a worker runs in the tests of worker failures: importable by a spawned process."""

from __future__ import annotations

import os
from typing import Any

from detente.pipeline.workers import code_in_worker

# An article whose text holds this dies with its worker (as a segfault or the OOM killer would).
KILL = "KILL-THE-WORKER"


def dying_worker(articles: list[Any], options: Any) -> Any:
    if any(KILL in a.text for a in articles):
        os._exit(1)
    return code_in_worker(articles, options)
