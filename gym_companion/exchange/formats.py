"""Which format a file is (from its header) and the reader and writer for each format."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import tzinfo
from typing import Any, TextIO

from gym_companion.domain.model import Exercise, WeightUnit
from gym_companion.exchange.csv_source import CsvTable
from gym_companion.exchange.errors import ImportFileError
from gym_companion.exchange.fitnotes import looks_like_fitnotes, read_fitnotes
from gym_companion.exchange.hevy import FIELDS as HEVY_FIELDS
from gym_companion.exchange.hevy import looks_like_hevy, read_hevy, write_hevy
from gym_companion.exchange.native import FIELDS as NATIVE_FIELDS
from gym_companion.exchange.native import looks_native, read_native, write_native
from gym_companion.exchange.records import (
    FORMAT_FITNOTES,
    FORMAT_HEVY,
    FORMAT_NATIVE,
    FORMAT_STRONG,
    FORMATS_IN,
    ParsedFile,
    Progress,
)
from gym_companion.exchange.strong import FIELDS as STRONG_FIELDS
from gym_companion.exchange.strong import looks_like_strong, read_strong, write_strong
from gym_companion.exchange.times import LocalTimes

FORMAT_NAMES = {
    FORMAT_NATIVE: "Gym Companion",
    FORMAT_STRONG: "Strong",
    FORMAT_HEVY: "Hevy",
    FORMAT_FITNOTES: "FitNotes",
}
_DETECTORS = (
    (FORMAT_NATIVE, looks_native),
    (FORMAT_HEVY, looks_like_hevy),
    (FORMAT_STRONG, looks_like_strong),
    (FORMAT_FITNOTES, looks_like_fitnotes),
)


def detect_format(header: tuple[str, ...]) -> str | None:
    """The format a header belongs to, or None when it is none of ours."""
    return next((name for name, looks in _DETECTORS if looks(header)), None)


def parse_table(table: CsvTable, fmt: str, zone: tzinfo | None, progress: Progress) -> ParsedFile:
    """Detect the format (unless `fmt` forces one) and parse the table; ImportFileError when it cannot be."""
    if fmt not in FORMATS_IN:
        raise ImportFileError(f"“{fmt}” is not a format this app reads ({', '.join(FORMATS_IN)}).")
    detected = detect_format(table.header)
    if fmt == "auto":
        if detected is None:
            start = ",".join(table.header)[:80]
            raise ImportFileError(
                "the header matches none of the formats this app reads (Strong, Hevy, FitNotes or "
                f"Gym Companion's own). It reads: {start}",
                table.header_line,
            )
        fmt = detected
    if fmt == FORMAT_NATIVE:
        parsed = read_native(table, progress)
    elif fmt == FORMAT_STRONG:
        parsed = read_strong(table, zone, progress)
    elif fmt == FORMAT_HEVY:
        parsed = read_hevy(table, zone, progress)
    else:
        parsed = read_fitnotes(table, zone, progress)
    return parsed


def fields_for(fmt: str) -> tuple[str, ...]:
    """The stored fields a writer needs, in the order it reads them."""
    return {FORMAT_NATIVE: NATIVE_FIELDS, FORMAT_STRONG: STRONG_FIELDS, FORMAT_HEVY: HEVY_FIELDS}[fmt]


def newest_first(fmt: str) -> bool:
    """Whether a format lists the newest workout first (Hevy does)."""
    return fmt == FORMAT_HEVY


def write_rows(
    fmt: str,
    handle: TextIO,
    rows: Iterable[Sequence[Any]],
    unit: WeightUnit,
    zone: tzinfo | None,
    custom: Mapping[str, Exercise] | None = None,
) -> tuple[int, int]:
    """Write rows (with `fields_for(fmt)`) in a format; returns (sessions, sets). `custom` (custom
    exercises by name) lets the native format describe them; the other formats have no place for it."""
    times = LocalTimes(zone)
    if fmt == FORMAT_NATIVE:
        return write_native(handle, rows, times, custom)
    if fmt == FORMAT_STRONG:
        return write_strong(handle, rows, unit, times)
    if fmt == FORMAT_HEVY:
        return write_hevy(handle, rows, unit, times)
    raise ValueError(f"no writer for {fmt!r}")
