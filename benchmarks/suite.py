"""Running the measurements: one demo database size at a time, each GUI measurement in a fresh process."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.databases import DemoDatabase, fresh_copy
from benchmarks.startup import REPO_ROOT, StartupSamples, child_environment, measure_startup

WORKER_TIMEOUT_S = 600


@dataclass(frozen=True)
class Plan:
    """How much to measure (the full run, or --quick)."""

    startup_runs_main: int = 7
    startup_runs_other: int = 3
    sets: int = 200
    switches: int = 30
    refreshes: int = 30
    idle_seconds: float = 10.0
    stall_runs: int = 3
    transfer_runs: int = 3

    @classmethod
    def quick(cls) -> Plan:
        """Small samples: well under two minutes, for a quick look (the numbers are rougher)."""
        return cls(
            startup_runs_main=3,
            startup_runs_other=0,
            sets=40,
            switches=10,
            refreshes=10,
            idle_seconds=3.0,
            stall_runs=1,
            transfer_runs=1,
        )


@dataclass
class SizeResult:
    """Everything measured on one demo database."""

    db: DemoDatabase
    startup: StartupSamples | None = None
    gui: dict[str, Any] | None = None
    stalls: list[list[list[float]]] = field(default_factory=list)
    key_latencies: list[float] = field(default_factory=list)  # typing right after start, all runs


def run_worker(db: DemoDatabase, extra: list[str], qpa_platform: str) -> dict[str, Any]:
    """Run benchmarks.gui_worker on a private copy of `db` and return its JSON."""
    with tempfile.TemporaryDirectory(prefix="gym-bench-gui-") as folder:
        home = Path(folder)
        database = fresh_copy(db.path, home / "db")
        out = home / "result.json"
        env = child_environment(home, qpa_platform)
        env.pop("GYM_COMPANION_FIRST_PAINT", None)
        command = [sys.executable, "-m", "benchmarks.gui_worker", "--db", str(database), "--out", str(out)]
        result = subprocess.run(
            command + extra,
            env=env,
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            timeout=WORKER_TIMEOUT_S,
            check=False,
        )
        if result.returncode != 0 or not out.exists():
            raise RuntimeError(
                f"GUI worker failed on {db.path.name} (exit {result.returncode}):\n{result.stderr[-3000:]}"
            )
        data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
        return data


def measure_size(
    db: DemoDatabase, plan: Plan, is_main: bool, only: set[str], qpa_platform: str
) -> SizeResult:
    """The chosen measurements on one database; idle CPU and start-up stalls only on the main size."""
    result = SizeResult(db)
    runs = plan.startup_runs_main if is_main else plan.startup_runs_other
    if "startup" in only and runs > 0:
        result.startup = measure_startup(db.path, runs, qpa_platform)
    idle = plan.idle_seconds if is_main and "idle" in only else 0.0
    if "gui" in only or idle > 0:
        workload = "gui" in only
        result.gui = run_worker(
            db,
            [
                f"--sets={plan.sets if workload else 0}",
                f"--switches={plan.switches if workload else 0}",
                f"--refreshes={plan.refreshes if workload else 0}",
                f"--idle-seconds={idle}",
            ],
            qpa_platform,
        )
    if is_main and "stall" in only:
        for _ in range(plan.stall_runs):
            run = run_worker(db, ["--stall"], qpa_platform)
            result.stalls.append(run["stall_gaps"])
            result.key_latencies.extend(run["key_latency_s"])
    return result
