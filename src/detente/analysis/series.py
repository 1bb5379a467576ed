"""Dyad series: how relations between two countries move over time, and where they shift.

Events are counted once per story (the same wire story in ten outlets is one event, with how
many articles and outlets carried it), per day, week or month, by quad class and PLOVER type,
with the mean Goldstein value, a cooperation–conflict index, the articles' tone and the number of
stories. A shift is a period whose index departs from the trailing window before it by a robust
z-score (median and MAD) of at least ``SHIFT_Z``; each is explained by the events that moved it
most, with their sentences and the quotes around them. All the counting is DuckDB SQL, in the store
(``Store.dyad_periods``, ``dyad_top_events``).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import Any

from ..store.database import Period, Store

# What the rest of the package uses; the module is internal to its stage.
__all__ = [
    "Period",
    "Shift",
    "dyad_series",
    "explain_shifts",
    "find_shifts",
    "sparkline",
]

# Periods in the trailing window a period is compared with, and how far out a shift must be.
# 3.5 is Iglewicz and Hoaglin's cut-off for the modified z-score; 8 periods is two months of weeks.
SHIFT_WINDOW = 8
SHIFT_Z = 3.5
# MAD is scaled by this to estimate a standard deviation (normal data).
MAD_SCALE = 1.4826
# A window whose MAD is zero (flat) is given this spread, so one unusual period can still show.
MIN_SPREAD = 0.5
EXPLAINING_EVENTS = 5


@dataclass
class Shift:
    period: Period
    z: float
    baseline: float
    events: list[dict[str, Any]]


def dyad_series(
    store: Store,
    a: str,
    b: str,
    freq: str = "week",
    start: str | None = None,
    end: str | None = None,
    ordered: bool = False,
) -> list[Period]:
    """The pair's periods (only those with events), oldest first."""
    return store.dyad_periods(a, b, freq, start, end, ordered)


def find_shifts(periods: list[Period]) -> list[tuple[Period, float, float]]:
    """(period, robust z-score, trailing median) of each period far from its trailing window."""
    shifts = []
    for i in range(SHIFT_WINDOW, len(periods)):
        window = [p.index for p in periods[i - SHIFT_WINDOW : i]]
        median = statistics.median(window)
        mad = statistics.median(abs(x - median) for x in window) * MAD_SCALE
        z = (periods[i].index - median) / max(mad, MIN_SPREAD / SHIFT_WINDOW, 1e-9)
        if abs(z) >= SHIFT_Z:
            shifts.append((periods[i], z, median))
    return shifts


def explain_shifts(
    store: Store,
    a: str,
    b: str,
    freq: str = "week",
    start: str | None = None,
    end: str | None = None,
    ordered: bool = False,
) -> tuple[list[Period], list[Shift]]:
    periods = dyad_series(store, a, b, freq, start, end, ordered)
    shifts = []
    for period, z, baseline in find_shifts(periods):
        shifts.append(
            Shift(period, z, baseline, store.dyad_top_events(a, b, freq, period.start, ordered, EXPLAINING_EVENTS))
        )
    return periods, shifts


def sparkline(values: list[float]) -> str:
    bars = "▁▂▃▄▅▆▇█"
    if not values:
        return ""
    low, high = min(values), max(values)
    span = (high - low) or 1.0
    return "".join(bars[int((v - low) / span * (len(bars) - 1))] for v in values)
