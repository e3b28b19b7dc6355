"""Small statistics for noisy timings: median, percentiles, spread, and how a cost grows with history."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

# Growth classes by the log-log slope of time over the number of sets (1 = proportional to the data).
FLAT_BELOW = 0.15
SUB_LINEAR_BELOW = 0.8
NEAR_LINEAR_UP_TO = 1.2


def percentile(values: Sequence[float], p: float) -> float:
    """The p-th percentile (0–100) with linear interpolation between the closest ranks (numpy's default)."""
    if not values:
        raise ValueError("no values")
    if not 0 <= p <= 100:
        raise ValueError(f"percentile must be within 0..100, got {p}")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * p / 100
    low = math.floor(rank)
    high = math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def median(values: Sequence[float]) -> float:
    """The 50th percentile."""
    return percentile(values, 50)


@dataclass(frozen=True)
class Summary:
    """A sample of timings reduced to what the table shows."""

    count: int
    median: float
    p25: float
    p75: float
    p95: float
    low: float
    high: float

    @property
    def spread(self) -> str:
        """The interquartile range as 'p25–p75' with the unit-free numbers the table prints."""
        return f"{_short(self.p25)}–{_short(self.p75)}"


def summarize(values: Sequence[float]) -> Summary:
    """Count, median, quartiles, 95th percentile, minimum and maximum."""
    return Summary(
        count=len(values),
        median=median(values),
        p25=percentile(values, 25),
        p75=percentile(values, 75),
        p95=percentile(values, 95),
        low=min(values),
        high=max(values),
    )


def growth_slope(sizes: Sequence[float], costs: Sequence[float]) -> float:
    """The least-squares slope of log(cost) over log(size): 0 flat, 1 proportional, 2 quadratic."""
    if len(sizes) != len(costs):
        raise ValueError("sizes and costs differ in length")
    points = [(math.log(s), math.log(c)) for s, c in zip(sizes, costs, strict=True) if s > 0 and c > 0]
    if len(points) < 2:
        raise ValueError("need at least two positive points")
    mean_x = sum(x for x, _ in points) / len(points)
    mean_y = sum(y for _, y in points) / len(points)
    spread_x = sum((x - mean_x) ** 2 for x, _ in points)
    if spread_x == 0:
        raise ValueError("all sizes are equal")
    return sum((x - mean_x) * (y - mean_y) for x, y in points) / spread_x


def classify_growth(sizes: Sequence[float], costs: Sequence[float]) -> str:
    """'flat', 'sub-linear', 'near-linear' or 'worse than linear', from the log-log slope of cost over size
    (written with the slope, e.g. 'sub-linear (0.31)')."""
    slope = growth_slope(sizes, costs)
    if slope < FLAT_BELOW:
        label = "flat"
    elif slope < SUB_LINEAR_BELOW:
        label = "sub-linear"
    elif slope <= NEAR_LINEAR_UP_TO:
        label = "near-linear"
    else:
        label = "worse than linear"
    return f"{label} ({0.0 if abs(slope) < 0.005 else slope:.2f})"  # no "-0.00"


def _short(value: float) -> str:
    if value >= 100:
        return f"{value:.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"
