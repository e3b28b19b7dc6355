"""`python -m benchmarks`: build (or reuse) demo databases, measure the bars, print the tables.

Examples (from the repo root):
    python -m benchmarks                      # everything on 1, 5, 10 and 20 years (< 10 min)
    python -m benchmarks --quick              # small samples on 1 and 10 years (< 2 min)
    python -m benchmarks --only startup,gui --years 10
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from benchmarks.databases import SEED, cache_dir, demo_database
from benchmarks.report import format_table, machine_description
from benchmarks.rows import describe_gui_extras, growth_table, main_rows, overall
from benchmarks.suite import Plan, SizeResult, measure_size

NAMES = ("startup", "gui", "idle", "stall", "export", "import")
MAIN_YEARS = 10.0


def build_parser() -> argparse.ArgumentParser:
    """The command line of the benchmarks."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Measure Gym Companion against the bars in PRODUCT.md.",
        epilog="Names for --only: startup (first paint vs the bare stack), gui (logging, history, "
        "recovery, first page opens, memory), idle (CPU while the rest timer runs), stall (UI stalls "
        "right after start), export (CSV export vs a bare dump), import (a large Strong file).",
    )
    parser.add_argument("--years", default=None, help="comma-separated sizes of history (default 1,5,10,20)")
    parser.add_argument(
        "--quick", action="store_true", help="small samples, 1 and 10 years: well under 2 min"
    )
    parser.add_argument("--only", default=",".join(NAMES), help="comma-separated names (see below)")
    parser.add_argument("--runs", type=int, default=None, help="start-up runs on the main size (default 7)")
    parser.add_argument(
        "--platform",
        default=None,
        help="Qt platform plugin for the measured processes (default offscreen; e.g. xcb under Xvfb)",
    )
    parser.add_argument("--markdown", type=Path, default=None, help="also write the tables to this file")
    return parser


def parse_years(text: str | None, quick: bool) -> list[float]:
    """The sizes to measure, always including the main size (10 years), smallest first."""
    if text is None:
        years = [1.0, 10.0] if quick else [1.0, 5.0, 10.0, 20.0]
    else:
        years = sorted({float(part) for part in text.split(",") if part.strip()})
    if any(not 0 < y <= 40 for y in years):
        raise SystemExit("--years: each size must be between 0 and 40")
    return years


def main(argv: list[str] | None = None) -> int:
    """Run the chosen benchmarks and print the tables."""
    args = build_parser().parse_args(argv)
    only = {name.strip() for name in args.only.split(",") if name.strip()}
    unknown = only - set(NAMES)
    if unknown:
        raise SystemExit(
            f"--only: unknown name(s) {', '.join(sorted(unknown))}; choose from {', '.join(NAMES)}"
        )
    plan = Plan.quick() if args.quick else Plan()
    if args.runs is not None:
        plan = Plan(**{**plan.__dict__, "startup_runs_main": args.runs})
    years = parse_years(args.years, args.quick)
    main_years = MAIN_YEARS if MAIN_YEARS in years else years[len(years) // 2]
    qpa = args.platform or os.environ.get("GYM_BENCH_PLATFORM", "offscreen")
    started = time.perf_counter()
    print(machine_description(qpa), flush=True)
    print(f"Demo databases (seed {SEED}) cached in {cache_dir()}", flush=True)

    results: list[SizeResult] = []
    for size in years:
        db = demo_database(size)
        built = f"built in {db.built_in_s:.1f} s" if db.built_in_s is not None else "from cache"
        print(
            f"· {size:g} years: {db.sets:,} sets, {db.sessions:,} workouts ({built}); measuring…", flush=True
        )
        results.append(measure_size(db, plan, size == main_years, only, qpa))

    transfer = None
    if only & {"export", "import"}:
        from benchmarks.transfer_bench import measure_transfer

        print("· CSV export and import…", flush=True)
        transfer = measure_transfer(plan.transfer_runs, "export" in only, "import" in only)

    main_result = next(r for r in results if r.db.years == main_years)
    rows = main_rows(main_result, transfer)
    text = [
        "",
        f"Bars on {main_years:g} years of history ({main_result.db.sets:,} sets):",
        format_table(rows),
        "",
        overall(rows),
    ]
    if main_result.gui and main_result.gui.get("log_set_s"):
        text.append(describe_gui_extras(main_result.gui))
    if len(results) > 1:
        headers, growth = growth_table(results)
        text += [
            "",
            "Growth with history, on CPU time (in brackets: the power of the set count it grows with;"
            " flat < 0.15, sub-linear < 0.8, near-linear ≤ 1.2, else worse than linear):",
            format_table(growth, headers),
        ]
    text.append(f"\nTotal benchmark time: {time.perf_counter() - started:.0f} s.")
    output = "\n".join(text)
    print(output)
    if args.markdown is not None:
        args.markdown.write_text(machine_description(qpa) + "\n" + output + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
