"""Start-up to first paint: the app vs the floor of our stack, in separate processes, alternating.

Each run spawns a fresh interpreter and takes the time from just before the spawn to the
`first-paint <monotonic>` line the process prints at its main window's first paint event (the app's probe
is gym_companion/ui/first_paint.py, switched on by GYM_COMPANION_FIRST_PAINT=exit; the baseline is
benchmarks/baseline_window.py). Both read the same database file. Qt settings and data folders point at
a temporary directory, so the lifter's own settings are never touched.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.databases import fresh_copy

REPO_ROOT = Path(__file__).resolve().parent.parent
BASELINE_SCRIPT = Path(__file__).resolve().parent / "baseline_window.py"
TIMEOUT_S = 60


@dataclass
class StartupSamples:
    """Seconds from spawn to first paint per run, and the CPU seconds each process had used by then."""

    ours: list[float] = field(default_factory=list)
    baseline: list[float] = field(default_factory=list)
    ours_cpu: list[float] = field(default_factory=list)
    baseline_cpu: list[float] = field(default_factory=list)


def child_environment(home: Path, qpa_platform: str) -> dict[str, str]:
    """The environment of a measured process: isolated settings, the chosen Qt platform, the probe on."""
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM=qpa_platform,
        GYM_COMPANION_FIRST_PAINT="exit",
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        QT_LOGGING_RULES="qt.qpa.*=false;qt.multimedia*=false",
    )
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    return env


def time_to_first_paint(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(seconds from spawning `command` to its first paint, CPU seconds it had used by then)."""
    started = time.monotonic()
    result = subprocess.run(
        command, env=env, cwd=REPO_ROOT, capture_output=True, text=True, timeout=TIMEOUT_S, check=False
    )
    for line in result.stdout.splitlines():
        if line.startswith("first-paint "):
            _, painted, cpu = line.split()
            return float(painted) - started, float(cpu)
    raise RuntimeError(
        f"{' '.join(command)} printed no first-paint line (exit {result.returncode}):\n"
        + result.stderr[-2000:]
    )


def measure_startup(db_path: Path, runs: int, qpa_platform: str, warmup_runs: int = 1) -> StartupSamples:
    """`runs` start-ups of each, alternating ours and baseline, after `warmup_runs` unrecorded pairs."""
    samples = StartupSamples()
    with tempfile.TemporaryDirectory(prefix="gym-bench-startup-") as folder:
        home = Path(folder)
        database = fresh_copy(db_path, home / "db")
        env = child_environment(home, qpa_platform)
        ours = [sys.executable, "-m", "gym_companion", "--db", str(database)]
        baseline = [sys.executable, str(BASELINE_SCRIPT), str(database)]
        for index in range(warmup_runs + runs):
            # Alternate which goes first, so neither always follows the other's cache effects.
            pair = (ours, baseline) if index % 2 == 0 else (baseline, ours)
            times = {id(command): time_to_first_paint(command, env) for command in pair}
            if index >= warmup_runs:
                samples.ours.append(times[id(ours)][0])
                samples.baseline.append(times[id(baseline)][0])
                samples.ours_cpu.append(times[id(ours)][1])
                samples.baseline_cpu.append(times[id(baseline)][1])
    return samples
