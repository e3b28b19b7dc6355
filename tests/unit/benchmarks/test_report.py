"""The benchmark table: number formats, verdicts against a bar, and the padded Markdown layout."""

from __future__ import annotations

import pytest

from benchmarks.report import FAIL, PASS, Row, format_table, ms, ratio, verdict


def test_durations_print_in_milliseconds_with_sensible_precision() -> None:
    assert ms(0.845) == "845 ms"
    assert ms(0.0123) == "12.3 ms"
    assert ms(0.00123) == "1.23 ms"
    assert ms(1.5) == "1500 ms"


def test_ratio_and_its_guard_against_a_zero_baseline() -> None:
    assert ratio(0.75, 0.6) == "1.25×"
    assert ratio(1.0, 0.0) == "—"


def test_a_value_exactly_on_the_bar_passes() -> None:
    assert verdict(0.015, 0.015) == PASS
    assert verdict(0.0151, 0.015) == FAIL
    assert verdict(1.2, 1.25) == PASS


def test_table_pads_every_column_to_its_widest_cell() -> None:
    rows = [Row("Log a set", ours="9 ms", bar="p95 ≤ 15 ms", result=PASS), Row("Open History the first time")]
    text = format_table(rows)
    lines = text.splitlines()
    assert lines[0].startswith("| operation                   | baseline | ours |")
    assert lines[1].startswith("|-----------------------------|")
    assert "| Log a set                   | —        | 9 ms | —     | p95 ≤ 15 ms | pass   |" in lines[2]
    assert len({len(line) for line in lines}) == 1  # every line as wide as the others


def test_table_with_custom_headers_rejects_ragged_rows() -> None:
    assert format_table([("a", "1")], ["x", "y"]).splitlines()[2] == "| a | 1 |"
    with pytest.raises(ValueError, match="2 cells"):
        format_table([("a", "1")], ["x", "y", "z"])
