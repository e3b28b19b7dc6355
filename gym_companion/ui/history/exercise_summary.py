"""The one-line summary above the e1RM chart, for the date range on screen.

It counts what the chart shows: the best e1RM, rated sets, failure sets and the e1RM records (★) set
inside the range, led by the range's name ("Last 3 months: …", "All time: …") so that nobody reads a
3-month line as an all-time one. Records are all-time records that happened in the range.
"""

from __future__ import annotations

from datetime import UTC, datetime

from gym_companion.domain.model import WeightUnit
from gym_companion.domain.units import format_in_unit, to_unit
from gym_companion.services.history_series import E1rmSeries
from gym_companion.ui.history.chart_base import Window

SUMMARY_TIP = (
    "Counted over the dates shown (3 months, 1 year, All or your own, above). Best e1RM: the highest "
    "RIR-adjusted one-rep-max estimate of a set. Rated sets: working sets with RIR or failure. PRs (★ on "
    "the chart): sets whose e1RM beat every earlier one, all history counted."
)


def in_window(x: float, window: Window) -> bool:
    """Whether POSIX seconds `x` fall in the window, ends included (an open end takes all on that side)."""
    start, end = window
    return (start is None or x >= start) and (end is None or x <= end)


def summary_text(name: str, series: E1rmSeries, unit: WeightUnit, window: Window, range_name: str) -> str:
    """'Last 3 months: Best e1RM 148.1 kg (2 Mar 2026) · 120 rated sets, 8 to failure · 3 PRs ★'."""
    if not series.y:
        return f"No rated sets of {name} yet: rate working sets with RIR or failure to see e1RM."
    shown = [i for i, x in enumerate(series.x) if in_window(x, window)]
    if not shown:
        return f"{range_name}: no rated sets of {name} in these dates (pick a longer range or All)."
    best = max(shown, key=series.y.__getitem__)
    when = f"{datetime.fromtimestamp(series.x[best], UTC).astimezone():%-d %b %Y}"
    failures = sum(1 for i in shown if series.failure[i])
    records = sum(1 for i in series.record_index if in_window(series.x[i], window))
    best_e1rm = format_in_unit(round(to_unit(series.y[best], unit), 1), unit)
    return (
        f"{range_name}: Best e1RM {best_e1rm} {unit.value} ({when}) · {len(shown):,} rated sets, "
        f"{failures:,} to failure · {records:,} PR{'' if records == 1 else 's'} ★"
    )
