"""A per-article time budget: the last resort against an input no stage was made for.

Every stage is meant to take time linear in the article (tested with doubling series); the
budget is what stops an article should one not, so that one input never holds a run. It is a
timer signal (``SIGALRM``), so it acts only in a process's main thread (the CLI, a worker
process); elsewhere (a web server's thread pool) articles run without one. A signal is handled
between Python steps: a stage inside spaCy's compiled code is stopped when it returns.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

# What the rest of the package uses; the module is internal to its stage.
__all__ = ["OverBudget", "budget_for", "time_budget"]

# The pipeline codes ~40,000 characters a second on one core here (docs/performance.md): an
# article gets 30 s plus a second per 4,000 characters, ten times what it should need, so that
# only a runaway stage is stopped, never a slow machine's ordinary article.
BASE_SECONDS = 30.0
CHARS_PER_SECOND = 4000


REPEAT_SECONDS = 0.5


class OverBudget(BaseException):
    """An article took longer than its time budget. A ``BaseException``, as ``KeyboardInterrupt``
    is: a library's ``except Exception`` around the line the timer lands on must not swallow it."""


def budget_for(text: str, scale: float = 1.0) -> float:
    """The seconds an article of this text may take (``scale`` 0 or less: no budget)."""
    return scale * (BASE_SECONDS + len(text) / CHARS_PER_SECOND) if scale > 0 else 0.0


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise ``OverBudget`` in the block when it runs over ``seconds`` (0: no limit)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(_signum: int, _frame: FrameType | None) -> None:
        raise OverBudget(f"over its time budget of {seconds:.0f} s")

    previous = signal.signal(signal.SIGALRM, expired)
    # Once past the budget, the timer goes on firing: a signal that lands in a finaliser (which
    # Python reports and ignores) is followed by another, until one stops the article.
    signal.setitimer(signal.ITIMER_REAL, seconds, REPEAT_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
