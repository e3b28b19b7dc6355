"""Command line: parse arguments and call the right entry point; no logic beyond that."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from gym_companion import __version__, cli_transfer


def build_parser() -> argparse.ArgumentParser:
    """The `gym-companion` argument parser (see CONTRACT.md)."""
    parser = argparse.ArgumentParser(
        prog="gym-companion",
        description="Log every set in seconds, rate reps in reserve, rest on time, see your progress.",
    )
    parser.add_argument("--version", action="version", version=f"gym-companion {__version__}")
    parser.add_argument("--db", type=Path, help="the database file to open (default: your user data folder)")
    parser.add_argument(
        "--demo", action="store_true", help="open a fresh temporary database with demo history"
    )
    # Hidden, for smoke tests of a build (packaging/README.md): close every window after MS milliseconds.
    parser.add_argument("--quit-after", type=int, metavar="MS", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    demo = sub.add_parser("demo", help="write realistic demo history into a database")
    demo.add_argument("--db", type=Path, required=True, dest="demo_db", help="database file to write")
    demo.add_argument("--years", type=float, default=3.0, help="years of history (default 3)")
    demo.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    cli_transfer.add_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    args = build_parser().parse_args(argv)
    if args.command == "demo":
        return _run_demo(args.demo_db, args.years, args.seed)
    if args.command == "import":
        return cli_transfer.run_import(args.file, args.transfer_db, args.format, args.unit)
    if args.command == "export":
        return cli_transfer.run_export(args.file, args.transfer_db, args.format, args.unit)
    from gym_companion.app import run_gui

    return run_gui(db_path=args.db, demo=args.demo, quit_after_ms=args.quit_after)


def _run_demo(db_path: Path, years: float, seed: int) -> int:
    import time

    from gym_companion.services.demo import write_demo_history
    from gym_companion.storage.errors import DatabaseError

    if not 0 < years <= 40:
        print("gym-companion: --years must be between 0 and 40", file=sys.stderr)
        return 2
    started = time.perf_counter()
    try:
        result = write_demo_history(db_path, years=years, seed=seed)
    except DatabaseError as exc:
        print(f"gym-companion: {exc}", file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - started
    print(
        f"Wrote {result.sessions} workouts, {result.sets} sets and {result.bodyweights} weigh-ins "
        f"({years:g} years, seed {seed}) to {db_path} in {elapsed:.1f} s."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
