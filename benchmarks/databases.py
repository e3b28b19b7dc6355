"""Demo databases for the benchmarks, built with the app's own generator and cached between runs.

A cached file is reused when years, seed, schema revision, generator source and the day all match (the
history ends "now", so a file from another day would show the recovery page a quieter fortnight).
Benchmarks that write work on a copy (`fresh_copy`), never on the cached file.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import gym_companion.services.demo_history as demo_history
from gym_companion.storage.schema import HEAD_REVISION

SEED = 1


@dataclass(frozen=True)
class DemoDatabase:
    """A cached demo database and what is in it."""

    path: Path
    years: float
    sets: int
    sessions: int
    built_in_s: float | None  # None when it came from the cache


def cache_dir() -> Path:
    """$GYM_BENCH_CACHE, else a folder in the system's temp directory."""
    configured = os.environ.get("GYM_BENCH_CACHE")
    folder = Path(configured) if configured else Path(tempfile.gettempdir()) / "gym-companion-bench"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def cache_key(years: float, seed: int, today: str) -> str:
    """The file name for one demo history: years, seed, schema revision, generator version, day."""
    source = Path(demo_history.__file__).read_bytes()
    generator = hashlib.sha256(source).hexdigest()[:10]
    return f"demo-{years:g}y-seed{seed}-schema{HEAD_REVISION}-gen{generator}-{today}.sqlite3"


def demo_database(years: float, seed: int = SEED) -> DemoDatabase:
    """The demo database of `years` of history (built now unless cached today)."""
    from gym_companion.services.demo import write_demo_history

    today = datetime.now(UTC).strftime("%Y%m%d")
    target = cache_dir() / cache_key(years, seed, today)
    built_in: float | None = None
    if not target.exists():
        workdir = Path(tempfile.mkdtemp(prefix="build-", dir=cache_dir()))
        try:
            partial = workdir / "demo.sqlite3"
            started = time.perf_counter()
            write_demo_history(partial, years=years, seed=seed)
            built_in = time.perf_counter() - started
            os.replace(partial, target)  # atomic: a half-built file is never found in the cache
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
    sets, sessions = count_rows(target)
    return DemoDatabase(target, years, sets, sessions, built_in)


def count_rows(path: Path) -> tuple[int, int]:
    """(sets, sessions) in a database file, read-only."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        sets = con.execute("SELECT count(*) FROM set_entry").fetchone()[0]
        sessions = con.execute("SELECT count(*) FROM workout_session").fetchone()[0]
    finally:
        con.close()
    return int(sets), int(sessions)


def fresh_copy(source: Path, folder: Path) -> Path:
    """A private copy of a cached database in `folder` (the benchmark may write to it)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "gym.sqlite3"
    shutil.copyfile(source, target)
    return target
