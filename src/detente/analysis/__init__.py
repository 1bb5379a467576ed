"""Analysis over the store: dyad series, their shifts and the events behind them (``series``),
and the self-contained HTML report (``report``). The modules inside are internal.
"""

from .report import render_report
from .series import Period, Shift, dyad_series, explain_shifts, find_shifts

__all__ = ["Period", "Shift", "dyad_series", "explain_shifts", "find_shifts", "render_report"]
