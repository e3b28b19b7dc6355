"""From raw samples to the rows of the benchmark table: which bar each number meets, and growth."""

from __future__ import annotations

from pathlib import Path

from benchmarks.databases import DemoDatabase
from benchmarks.report import FAIL, PASS
from benchmarks.rows import TransferResult, growth_table, longest_stall, main_rows, overall
from benchmarks.startup import StartupSamples
from benchmarks.suite import SizeResult


def size(years: float, sets: int, **gui: object) -> SizeResult:
    return SizeResult(
        DemoDatabase(Path(f"/tmp/{years}.sqlite3"), years, sets, sets // 20, None), gui=dict(gui)
    )


def by_name(rows: list, start: str):  # type: ignore[no-untyped-def]
    return next(row for row in rows if row.operation.startswith(start))


def test_startup_ratio_is_judged_against_one_and_a_quarter_baselines() -> None:
    result = size(10, 44_000)
    result.startup = StartupSamples([0.80, 0.70, 0.75], [0.62, 0.60, 0.58], [0.6] * 3, [0.5] * 3)
    row = by_name(main_rows(result, None), "Start-up")
    assert (row.ours, row.baseline, row.ratio) == ("750 ms", "600 ms", "1.25×")
    assert row.result == PASS
    cpu = by_name(main_rows(result, None), "  same runs, CPU")
    assert (cpu.ours, cpu.baseline, cpu.ratio, cpu.result) == ("600 ms", "500 ms", "1.20×", "—")
    result.startup = StartupSamples([0.90], [0.60], [0.7], [0.5])
    assert by_name(main_rows(result, None), "Start-up").result == FAIL


def test_logging_is_judged_on_its_95th_percentile_not_its_median() -> None:
    fast_median_slow_tail = [0.005] * 18 + [0.040, 0.050]
    rows = main_rows(size(10, 44_000, log_set_s=fast_median_slow_tail, rate_set_s=[0.004] * 20), None)
    logged = by_name(rows, "Log a set")
    assert logged.ours.startswith("p50 5.00 ms · p95 40.5 ms")
    assert logged.result == FAIL
    assert by_name(rows, "Rate it").result == PASS
    assert overall(rows) == "Failing: Log a set: Enter → committed + shown."


def test_idle_cpu_memory_and_report_only_rows() -> None:
    rows = main_rows(
        size(
            10,
            44_000,
            idle_cpu_s=0.05,
            idle_wall_s=10.0,
            idle_timer_text=["2:58", "2:48"],
            rss_peak_mb=180.0,
            rss_now_mb=170.0,
            open_history_s=0.3,
            open_recovery_s=0.05,
        ),
        None,
    )
    idle = by_name(rows, "Idle CPU")
    assert (idle.ours, idle.result) == ("0.50 % of a core", PASS)
    assert "2:58→2:48" in idle.spread
    assert by_name(rows, "Peak memory").result == PASS
    opened = by_name(rows, "Open History")
    assert (opened.ours, opened.result) == ("300 ms", "—")
    assert overall(rows) == "All bars pass."


def test_transfer_rows_compare_export_with_the_bare_dump() -> None:
    transfer = TransferResult(
        export_sets=100_000,
        export_ours=(2.5, 2.0),
        export_bare=(1.0, 1.0),
        import_rows=25_000,
        import_ours=(3.5,),
    )
    rows = main_rows(size(10, 44_000), transfer)
    export = by_name(rows, "CSV export")
    assert (export.ratio, export.result) == ("2.25×", FAIL)
    assert by_name(rows, "Import a 25,000-row").result == FAIL


def test_longest_stall_takes_the_median_run_of_each_runs_worst_gap() -> None:
    runs = [[[0.30, 45.0], [0.31, 420.0]], [[0.30, 380.0]], [[2.0, 60.0], [0.3, 400.0]]]
    value, at = longest_stall(runs)  # type: ignore[misc]
    assert value == 0.400
    assert at == 0.3
    assert longest_stall([]) is None
    assert longest_stall([[]]) == (0.0, 0.0)


def test_growth_table_classifies_each_metric_over_the_sizes_on_cpu_time() -> None:
    results = [
        size(1, 4_500, cpu={"history_switch_s": [0.010], "recovery_refresh_s": [0.020]}, rss_peak_mb=150.0),
        size(10, 45_000, cpu={"history_switch_s": [0.100], "recovery_refresh_s": [0.021]}, rss_peak_mb=170.0),
    ]
    results[0].gui["history_switch_s"] = [0.9]  # wall time: not what growth is judged on
    headers, rows = growth_table(results)
    assert headers == ["operation", "1 y (4,500 sets)", "10 y (45,000 sets)", "growth"]
    table = {row[0]: row[1:] for row in rows}
    assert table["Switch history exercise (CPU median)"] == ("10.0 ms", "100 ms", "near-linear (1.00)")
    assert table["Recompute recovery (CPU median)"] == ("20.0 ms", "21.0 ms", "flat (0.02)")
    assert table["Peak RSS"] == ("150 MB", "170 MB", "flat (0.05)")
    assert "Start-up, ours (CPU to first paint)" not in table  # not measured: no row


def test_typing_right_after_start_is_judged_on_the_slowest_key_against_our_own_target() -> None:
    result = size(10, 44_000, log_set_s=[0.010] * 20, cpu={"log_set_s": [0.008] * 19 + [0.012]})
    result.key_latencies = [0.010] * 30 + [0.140]
    result.stalls = [[[5.6, 650.0], [2.0, 40.0]]]
    rows = main_rows(result, None)
    typing = by_name(rows, "Typing from first paint")
    assert (typing.ours, typing.result) == ("p95 10.0 ms · max 140 ms", "slow")
    stall = by_name(rows, "Then hands off")
    assert stall.ours == "650 ms" and stall.spread.startswith("5.60 s after first paint")
    # rank 19 × 0.95 = 18.05: 8 ms + 0.05 × (12 − 8) ms
    assert by_name(rows, "Log a set").spread.endswith("CPU p50 8.00 ms · p95 8.20 ms")
    assert overall(rows) == "All bars pass."  # our own target is not one of PRODUCT.md's bars
