"""Percentiles, medians, spreads and growth classes used by the benchmark table (hand-computed numbers)."""

from __future__ import annotations

import pytest

from benchmarks.stats import classify_growth, growth_slope, median, percentile, summarize


def test_percentiles_interpolate_between_ranks_like_numpy() -> None:
    values = [4.0, 1.0, 3.0, 2.0]  # unsorted on purpose
    assert percentile(values, 0) == 1.0
    assert percentile(values, 100) == 4.0
    assert percentile(values, 50) == pytest.approx(2.5)
    # rank (4 - 1) × 0.95 = 2.85 → 3 + 0.85 × (4 - 3)
    assert percentile(values, 95) == pytest.approx(3.85)
    assert percentile(values, 25) == pytest.approx(1.75)


def test_median_of_odd_count_is_the_middle_value() -> None:
    assert median([9.0, 1.0, 5.0]) == 5.0
    assert median([7.0]) == 7.0


def test_percentile_refuses_empty_samples_and_bad_ranks() -> None:
    with pytest.raises(ValueError, match="no values"):
        percentile([], 50)
    with pytest.raises(ValueError, match=r"within 0\.\.100"):
        percentile([1.0], 101)


def test_summary_reports_quartiles_p95_and_extremes() -> None:
    summary = summarize([10.0, 20.0, 30.0, 40.0, 50.0])
    assert summary.count == 5
    assert (summary.median, summary.p25, summary.p75) == (30.0, 20.0, 40.0)
    assert summary.p95 == pytest.approx(48.0)  # rank 3.8 → 40 + 0.8 × 10
    assert (summary.low, summary.high) == (10.0, 50.0)
    assert summary.spread == "20.0–40.0"


def test_growth_slope_is_the_power_of_the_size() -> None:
    sizes = [1_000.0, 2_000.0, 4_000.0]
    assert growth_slope(sizes, [3.0, 3.0, 3.0]) == pytest.approx(0.0)
    assert growth_slope(sizes, [1.0, 2.0, 4.0]) == pytest.approx(1.0)
    assert growth_slope(sizes, [1.0, 4.0, 16.0]) == pytest.approx(2.0)


def test_growth_classes_carry_the_slope() -> None:
    sets = [4_500.0, 22_000.0, 44_600.0, 89_000.0]
    assert classify_growth(sets, [0.010, 0.011, 0.0105, 0.012]) == "flat (0.05)"
    assert classify_growth([1_000.0, 4_000.0], [0.010, 0.020]) == "sub-linear (0.50)"  # 4× data, 2× time
    assert classify_growth(sets, [0.010, 0.045, 0.090, 0.180]) == "near-linear (0.97)"
    assert classify_growth([1_000.0, 2_000.0, 4_000.0], [1.0, 4.0, 16.0]) == "worse than linear (2.00)"


def test_growth_needs_two_distinct_sizes() -> None:
    with pytest.raises(ValueError, match="two positive"):
        growth_slope([1.0], [1.0])
    with pytest.raises(ValueError, match="equal"):
        growth_slope([5.0, 5.0], [1.0, 2.0])
    with pytest.raises(ValueError, match="length"):
        growth_slope([1.0, 2.0], [1.0])
