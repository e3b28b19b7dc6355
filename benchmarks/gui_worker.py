"""In-process GUI measurements on one database, run in a fresh interpreter per database by cli.py.

`python -m benchmarks.gui_worker --db COPY --out RESULT.json [--sets 200 ...]` builds the real main window
(offscreen unless QT_QPA_PLATFORM says otherwise), drives it the way the GUI tests do — keys into the
real widgets, then processing events so the repaint work is included — and writes the raw samples as
JSON. `--stall` instead starts the window with its real timers and records how long the event loop was
blocked in the first seconds after the first paint (the deferred page warm-up runs then).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QApplication

from benchmarks import gui_ops
from gym_companion.ui.widgets.clock import Clocks


def top_exercises(db_path: Path, count: int) -> list[str]:
    """Names of the exercises with the most working sets (the heaviest histories to log against)."""
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        rows = con.execute(
            "SELECT e.name FROM set_entry s JOIN exercise e ON e.id = s.exercise_id "
            "WHERE s.set_type != 'warmup' GROUP BY e.id ORDER BY count(*) DESC LIMIT ?",
            (count,),
        ).fetchall()
    finally:
        con.close()
    return [r[0] for r in rows]


class TrainingClock:
    """Wall time for the app that moves as a lifter's does: about 2.5 minutes per set, one workout a day.

    The rest timer still counts on the real monotonic clock, so idle CPU is measured with real ticks.
    """

    def __init__(self) -> None:
        self.current = datetime.now(UTC)

    def now(self) -> datetime:
        """The simulated present."""
        return self.current

    def advance(self, seconds: float) -> None:
        """Move the present on by `seconds`."""
        self.current += timedelta(seconds=seconds)

    def clocks(self) -> Clocks:
        """The clocks to build the window with."""
        return Clocks(now=self.now, monotonic=time.monotonic, wall=self.wall)

    def wall(self) -> float:
        """The simulated present in POSIX seconds."""
        return self.current.timestamp()


def memory_mb() -> dict[str, float]:
    """Peak and current resident memory of this process, in MB."""
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kB on Linux
    current_kb = 0.0
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    current_kb = float(line.split()[1])
    except OSError:
        current_kb = float("nan")
    return {"rss_peak_mb": peak_kb / 1024, "rss_now_mb": current_kb / 1024}


def run_workload(args: argparse.Namespace) -> dict[str, Any]:
    """First page opens, logging sets, history switches, recovery refreshes, memory, idle CPU."""
    from gym_companion.app import create_main_window
    from gym_companion.ui import main_window

    # The deferred warm-up would otherwise run inside the first-open measurements; they are what it hides.
    main_window.MainWindow.WARM_UP_IDLE_MS = 3_600_000
    exercises = top_exercises(args.db, 8)
    clock = TrainingClock()
    window = create_main_window(args.db, clock.clocks())
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window.show()
    gui_ops.wait_for_first_paint(window)
    results: dict[str, Any] = {"exercises": exercises}
    results.update(gui_ops.open_pages_first_time(window))
    if args.sets > 0:
        results.update(gui_ops.log_sets(window, exercises, args.sets, clock.advance))
    if args.switches > 0:
        results["history_switch_s"] = gui_ops.switch_history_exercise(window, args.switches)
    if args.refreshes > 0:
        results["recovery_refresh_s"] = gui_ops.refresh_recovery(window, args.refreshes)
    results.update(memory_mb())
    results["cpu"] = gui_ops.CPU
    if args.idle_seconds > 0:
        results.update(gui_ops.idle_cpu(window, exercises[0], args.idle_seconds, args.settle_seconds))
    window.close()
    app.processEvents()
    return results


def run_stall(args: argparse.Namespace) -> dict[str, Any]:
    """Typing right after the first paint (key latencies), then the longest event-loop stalls once the
    typing stops and the deferred work runs; real timers throughout."""
    from gym_companion.app import create_main_window

    window = create_main_window(args.db)
    window.show()
    painted = gui_ops.wait_for_first_paint(window)
    latencies = gui_ops.type_after_start(window, args.stall_seconds)
    # Then hands off the keyboard: the warm-up runs in this pause; a key pressed now would wait this long.
    gaps = gui_ops.watch_event_loop(args.stall_seconds, painted)
    window.close()
    return {"key_latency_s": latencies, "stall_gaps": gaps}


def build_parser() -> argparse.ArgumentParser:
    """Options of the worker (cli.py passes them)."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.gui_worker")
    parser.add_argument("--db", type=Path, required=True, help="a private copy of a demo database")
    parser.add_argument("--out", type=Path, required=True, help="where to write the JSON results")
    parser.add_argument("--sets", type=int, default=200)
    parser.add_argument("--switches", type=int, default=30)
    parser.add_argument("--refreshes", type=int, default=30)
    parser.add_argument("--idle-seconds", type=float, default=0.0)
    parser.add_argument("--settle-seconds", type=float, default=3.0)
    parser.add_argument("--stall", action="store_true", help="measure start-up stalls instead")
    parser.add_argument("--stall-seconds", type=float, default=3.0)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the chosen measurement and write its JSON."""
    args = build_parser().parse_args(argv)
    QStandardPaths.setTestModeEnabled(True)  # Qt settings in a test location, never the lifter's
    started = time.perf_counter()
    results = run_stall(args) if args.stall else run_workload(args)
    results["worker_s"] = time.perf_counter() - started
    args.out.write_text(json.dumps(results), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
