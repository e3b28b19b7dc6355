"""The bodyweight trend: a smoothed average that looks through day-to-day swings of water and food.

The Hacker's Diet (John Walker, 1991) smooths daily weigh-ins by moving 10 % of the way from the trend to
each new reading. Weigh-ins here come at any interval, so the step grows with the days elapsed: after d
days the trend moves 1 − 0.9^d of the way. A reading after a week without weighing counts about half; after
a long gap the trend starts again close to the new reading instead of dragging the old weight along.
Readings less than a day apart each move the trend as much as one day would.
"""

from __future__ import annotations

from collections.abc import Sequence

DAILY_SMOOTHING = 0.1  # The Hacker's Diet: 10 % of the way to each day's reading
_DAY_S = 86_400.0


def bodyweight_trend(times_s: Sequence[float], weights_kg: Sequence[float]) -> list[float]:
    """The trend at each weigh-in (oldest first; times in POSIX seconds, weights in kg)."""
    if len(times_s) != len(weights_kg):
        raise ValueError("every weigh-in needs a time and a weight")
    trend: list[float] = []
    for i, weight in enumerate(weights_kg):
        if i == 0:
            trend.append(weight)
            continue
        days = max(1.0, (times_s[i] - times_s[i - 1]) / _DAY_S)
        step = 1.0 - (1.0 - DAILY_SMOOTHING) ** days
        trend.append(trend[-1] + step * (weight - trend[-1]))
    return trend
