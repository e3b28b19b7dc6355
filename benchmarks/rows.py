"""Turning raw samples into the table rows: the bars on the main size, and growth from 1 to 20 years."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from benchmarks.report import FAIL, REPORT_ONLY, Row, ms, ratio, verdict
from benchmarks.stats import classify_growth, median, percentile, summarize
from benchmarks.suite import SizeResult

STARTUP_BAR = 1.25
LOG_SET_P95_BAR_S = 0.015
SWITCH_MEDIAN_BAR_S = 0.050
RECOVERY_MEDIAN_BAR_S = 0.030
IDLE_CPU_BAR_PERCENT = 1.0
RSS_BAR_MB = 250.0
EXPORT_BAR = 2.0
IMPORT_BAR_S = 3.0
STALL_TARGET_S = 0.100  # our own target (PRODUCT.md sets none): a key press answered within 0.1 s


@dataclass(frozen=True)
class TransferResult:
    """CSV export of many sets vs a bare dump, and a Strong import; seconds per run."""

    export_sets: int = 0
    export_ours: tuple[float, ...] = ()
    export_bare: tuple[float, ...] = ()
    import_rows: int = 0
    import_ours: tuple[float, ...] = ()
    note: str = ""


def _spread(samples: Sequence[float]) -> str:
    s = summarize([v * 1000 for v in samples])
    return f"{s.spread} ms, n={s.count}"


def _cpu_note(cpu: Sequence[float] | None) -> str:
    """'; CPU p50 … p95 …' when the worker recorded the CPU time of the same steps."""
    if not cpu:
        return ""
    return f"; CPU p50 {ms(median(cpu))} · p95 {ms(percentile(cpu, 95))}"


def _p95_row(name: str, samples: Sequence[float], cpu: Sequence[float] | None = None) -> Row:
    p50, p95 = median(samples), percentile(samples, 95)
    return Row(
        name,
        ours=f"p50 {ms(p50)} · p95 {ms(p95)}",
        bar=f"p95 ≤ {ms(LOG_SET_P95_BAR_S)}",
        result=verdict(p95, LOG_SET_P95_BAR_S),
        spread=_spread(samples) + _cpu_note(cpu),
    )


def _median_row(
    name: str, samples: Sequence[float], bar_s: float | None, cpu: Sequence[float] | None = None
) -> Row:
    value = median(samples)
    return Row(
        name,
        ours=ms(value),
        bar=f"median ≤ {ms(bar_s)}" if bar_s is not None else REPORT_ONLY,
        result=verdict(value, bar_s) if bar_s is not None else REPORT_ONLY,
        spread=_spread(samples) + _cpu_note(cpu),
    )


def longest_stall(stalls: Sequence[Sequence[Sequence[float]]]) -> tuple[float, float] | None:
    """(median over runs of each run's longest stall in seconds, when it began after first paint in s)."""
    if not stalls:
        return None
    longest = [max(run, key=lambda gap: gap[1]) if run else [0.0, 0.0] for run in stalls]
    values = [gap[1] / 1000 for gap in longest]
    middle = sorted(longest, key=lambda gap: gap[1])[len(longest) // 2]
    return median(values), middle[0]


def main_rows(main: SizeResult, transfer: TransferResult | None) -> list[Row]:
    """The bars of PRODUCT.md on the main database (10 years), plus the report-only numbers."""
    rows: list[Row] = []
    years = f"{main.db.years:g} y"
    if main.startup is not None:
        ours, base = median(main.startup.ours), median(main.startup.baseline)
        rows.append(
            Row(
                f"Start-up to first paint ({years})",
                baseline=ms(base),
                ours=ms(ours),
                ratio=ratio(ours, base),
                bar=f"≤ {STARTUP_BAR:.2f}× baseline",
                result=verdict(ours / base, STARTUP_BAR),
                spread=f"ours {_spread(main.startup.ours)}; base {_spread(main.startup.baseline)}",
            )
        )
        ours_cpu, base_cpu = median(main.startup.ours_cpu), median(main.startup.baseline_cpu)
        rows.append(
            Row(
                "  same runs, CPU time to first paint",
                baseline=ms(base_cpu),
                ours=ms(ours_cpu),
                ratio=ratio(ours_cpu, base_cpu),
                spread="less swayed by other load on the machine",
            )
        )
    gui = main.gui or {}
    cpu = gui.get("cpu", {})
    if gui.get("log_set_s"):
        rows.append(_p95_row("Log a set: Enter → committed + shown", gui["log_set_s"], cpu.get("log_set_s")))
    if gui.get("rate_set_s"):
        rows.append(
            _p95_row("Rate it: key → committed + advice + timer", gui["rate_set_s"], cpu.get("rate_set_s"))
        )
    for key, label, bar in (
        ("history_switch_s", "Switch history chart exercise", SWITCH_MEDIAN_BAR_S),
        ("recovery_refresh_s", "Recompute recovery dashboard", RECOVERY_MEDIAN_BAR_S),
        ("add_exercise_s", "Add an exercise (brief + advice)", None),
    ):
        if gui.get(key):
            rows.append(_median_row(label, gui[key], bar, cpu.get(key)))
    if "open_history_s" in gui:
        rows.append(Row("Open History the first time", ours=ms(gui["open_history_s"])))
        rows.append(Row("Open Recovery the first time", ours=ms(gui["open_recovery_s"])))
    if gui.get("idle_wall_s"):
        percent = 100 * gui["idle_cpu_s"] / gui["idle_wall_s"]
        before, after = gui["idle_timer_text"]
        rows.append(
            Row(
                "Idle CPU, rest timer running",
                ours=f"{percent:.2f} % of a core",
                bar=f"≤ {IDLE_CPU_BAR_PERCENT:g} %",
                result=verdict(percent, IDLE_CPU_BAR_PERCENT),
                spread=(
                    f"{gui['idle_cpu_s'] * 1000:.0f} ms CPU in {gui['idle_wall_s']:.1f} s; "
                    f"timer {before}→{after}"
                ),
            )
        )
    if "rss_peak_mb" in gui:
        rows.append(
            Row(
                "Peak memory, all pages opened",
                ours=f"{gui['rss_peak_mb']:.0f} MB RSS",
                bar=f"≤ {RSS_BAR_MB:.0f} MB",
                result=verdict(gui["rss_peak_mb"], RSS_BAR_MB),
                spread=f"now {gui['rss_now_mb']:.0f} MB",
            )
        )
    if main.key_latencies:
        worst = max(main.key_latencies)
        rows.append(
            Row(
                "Typing from first paint: key latency",
                ours=f"p95 {ms(percentile(main.key_latencies, 95))} · max {ms(worst)}",
                bar=f"(ours: max ≤ {ms(STALL_TARGET_S)})",
                result="ok" if worst <= STALL_TARGET_S else "slow",
                spread=f"n={len(main.key_latencies)} keys over {len(main.stalls)} start(s)",
            )
        )
    stall = longest_stall(main.stalls)
    if stall is not None:
        value, at = stall
        rows.append(
            Row(
                "Then hands off: longest UI stall",
                ours=ms(value),
                spread=f"{at:.2f} s after first paint (the deferred warm-up); n={len(main.stalls)}",
            )
        )
    if transfer is not None:
        rows.extend(transfer_rows(transfer))
    return rows


def transfer_rows(transfer: TransferResult) -> list[Row]:
    """CSV export vs the bare dump, and the Strong import."""
    rows = []
    if transfer.export_ours:
        ours, bare = median(transfer.export_ours), median(transfer.export_bare)
        rows.append(
            Row(
                f"CSV export, {transfer.export_sets:,} sets",
                baseline=ms(bare),
                ours=ms(ours),
                ratio=ratio(ours, bare),
                bar=f"≤ {EXPORT_BAR:g}× bare dump",
                result=verdict(ours / bare, EXPORT_BAR),
                spread=f"ours {_spread(transfer.export_ours)}; bare {_spread(transfer.export_bare)}",
            )
        )
    if transfer.import_ours:
        value = median(transfer.import_ours)
        rows.append(
            Row(
                f"Import a {transfer.import_rows:,}-row Strong export",
                ours=ms(value),
                bar=f"≤ {IMPORT_BAR_S:g} s",
                result=verdict(value, IMPORT_BAR_S),
                spread=_spread(transfer.import_ours),
            )
        )
    if transfer.note:
        rows.append(Row(f"CSV export / import: {transfer.note}"))
    return rows


# (label, how to read one number in seconds or MB from a SizeResult, unit). Growth is judged on CPU time:
# on a shared machine it wanders far less than wall time (the bars above are wall time).
_Metric = tuple[str, Callable[[SizeResult], float | None], str]


def _cpu(key: str, p: float = 50) -> Callable[[SizeResult], float | None]:
    def read(result: SizeResult) -> float | None:
        samples = (result.gui or {}).get("cpu", {}).get(key)
        return percentile(samples, p) if samples else None

    return read


def _gui_value(key: str) -> Callable[[SizeResult], float | None]:
    return lambda r: r.gui[key] if r.gui and key in r.gui else None


GROWTH_METRICS: tuple[_Metric, ...] = (
    ("Start-up, ours (CPU to first paint)", lambda r: median(r.startup.ours_cpu) if r.startup else None, "s"),
    ("Start-up, baseline (CPU)", lambda r: median(r.startup.baseline_cpu) if r.startup else None, "s"),
    ("Log a set (CPU p95)", _cpu("log_set_s", 95), "s"),
    ("Rate a set (CPU p95)", _cpu("rate_set_s", 95), "s"),
    ("Switch history exercise (CPU median)", _cpu("history_switch_s"), "s"),
    ("Recompute recovery (CPU median)", _cpu("recovery_refresh_s"), "s"),
    ("Add an exercise (CPU median)", _cpu("add_exercise_s"), "s"),
    ("Open History first time (CPU)", _cpu("open_history_s"), "s"),
    ("Open Recovery first time (CPU)", _cpu("open_recovery_s"), "s"),
    ("Peak RSS", _gui_value("rss_peak_mb"), "MB"),
)


def growth_table(results: Sequence[SizeResult]) -> tuple[list[str], list[tuple[str, ...]]]:
    """Headers and rows: each metric at every size, and whether it grows flat, near-linearly or worse."""
    headers = ["operation", *(f"{r.db.years:g} y ({r.db.sets:,} sets)" for r in results), "growth"]
    rows: list[tuple[str, ...]] = []
    for label, read, unit in GROWTH_METRICS:
        values = [read(r) for r in results]
        if all(v is None for v in values):
            continue
        cells = [REPORT_ONLY if v is None else (ms(v) if unit == "s" else f"{v:.0f} MB") for v in values]
        known = [(r.db.sets, v) for r, v in zip(results, values, strict=True) if v is not None]
        growth = REPORT_ONLY
        if len(known) >= 2 and len({n for n, _ in known}) >= 2:
            growth = classify_growth([n for n, _ in known], [v for _, v in known])
        rows.append((label, *cells, growth))
    return headers, rows


def describe_gui_extras(gui: dict[str, Any]) -> str:
    """One line on what the GUI workload drove (exercises, sample sizes)."""
    names = ", ".join(gui.get("exercises", [])[:4])
    return (
        f"GUI workload: {len(gui.get('log_set_s', []))} sets in workouts of 4 exercises × 5 sets "
        f"({names}, …); {len(gui.get('history_switch_s', []))} history switches; "
        f"{len(gui.get('recovery_refresh_s', []))} recovery refreshes."
    )


def overall(rows: Sequence[Row]) -> str:
    """'all bars pass' or the list of failing operations."""
    failing = [row.operation for row in rows if row.result == FAIL]
    return "All bars pass." if not failing else "Failing: " + "; ".join(failing) + "."
