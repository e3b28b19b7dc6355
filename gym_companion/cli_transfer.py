"""The `import` and `export` commands: call the transfer service, print one line, return the exit code.

Every expected failure (bad file, missing unit, locked or damaged database, unwritable target) prints a
message and exits 1 without a traceback; nothing is written to the database in those cases.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gym_companion.domain.model import WeightUnit
from gym_companion.exchange.records import FORMATS_IN, FORMATS_OUT  # light: no readers loaded

PROG = "gym-companion"


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `import` and `export` to the command line's subcommands (see CONTRACT.md)."""
    importer = sub.add_parser("import", help="import workouts from a CSV file (Strong, Hevy, FitNotes, ours)")
    importer.add_argument("file", type=Path, help="the CSV file to import")
    importer.add_argument(
        "--db", type=Path, required=True, dest="transfer_db", metavar="PATH", help="database to import into"
    )
    importer.add_argument("--format", choices=FORMATS_IN, default="auto", help="default: auto")
    importer.add_argument(
        "--unit", choices=[u.value for u in WeightUnit], help="unit of the loads, for files that do not say"
    )
    exporter = sub.add_parser("export", help="export all history to a CSV file")
    exporter.add_argument("file", type=Path, help="the CSV file to write")
    exporter.add_argument(
        "--db", type=Path, required=True, dest="transfer_db", metavar="PATH", help="database to export"
    )
    exporter.add_argument("--format", choices=FORMATS_OUT, default="native", help="default: native")
    exporter.add_argument("--unit", choices=[u.value for u in WeightUnit], default="kg", help="default: kg")


def run_import(file: Path, db_path: Path, fmt: str, unit: str | None) -> int:
    """`gym-companion import FILE --db PATH [--format F] [--unit U]`."""
    from gym_companion.services.session_factory import open_context
    from gym_companion.services.transfer import TransferError, UnitNeededError
    from gym_companion.storage.errors import DatabaseError

    if not file.is_file():
        return _fail(f"there is no file at {file}." if not file.exists() else f"{file} is not a file.")
    try:
        context = open_context(db_path)
    except DatabaseError as error:
        return _fail(str(error))
    try:
        assert context.transfer is not None
        summary = context.transfer.import_file(file, fmt, WeightUnit(unit) if unit else None)
    except UnitNeededError as error:
        guess = f" Best guess: {error.reason}" if error.guess else ""
        return _fail(
            f"{file.name} does not say whether loads are kg or lb. Pass --unit kg or --unit lb.{guess}"
        )
    except TransferError as error:
        return _fail(f"{file.name}: {_first_lower(str(error))}" if _has_line(error) else str(error))
    except DatabaseError as error:
        return _fail(str(error))
    finally:
        context.close()
    print(summary.sentence())
    return 0


def run_export(file: Path, db_path: Path, fmt: str, unit: str) -> int:
    """`gym-companion export FILE --db PATH [--format F] [--unit U]` (all history)."""
    from gym_companion.services.session_factory import open_context
    from gym_companion.services.transfer import TransferError
    from gym_companion.storage.errors import DatabaseError

    if not db_path.is_file():
        return _fail(f"there is no database at {db_path}.")
    try:
        context = open_context(db_path)
    except DatabaseError as error:
        return _fail(str(error))
    try:
        assert context.transfer is not None
        summary = context.transfer.export_file(file, fmt, WeightUnit(unit))
    except TransferError as error:
        return _fail(str(error))
    finally:
        context.close()
    print(summary.sentence())
    return 0


def _has_line(error: Exception) -> bool:
    return getattr(error, "line", None) is not None


def _first_lower(text: str) -> str:
    return text[:1].lower() + text[1:]


def _fail(message: str) -> int:
    print(f"{PROG}: {message}", file=sys.stderr)
    return 1
