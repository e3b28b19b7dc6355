"""What a reader hands the import service: sessions with their sets as the file states them.

Weights stay in the file's unit (None when the file does not say), with the file's sign; the service
converts them, resolves exercise names and assigns identities. Only the native reader fills the fields
marked "native" — the other formats do not carry them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime

from gym_companion.domain.model import Exercise, FailureKind, SetType, WeightUnit

FORMAT_NATIVE = "native"
FORMAT_STRONG = "strong"
FORMAT_HEVY = "hevy"
FORMAT_FITNOTES = "fitnotes"
FORMATS_IN = ("auto", FORMAT_NATIVE, FORMAT_STRONG, FORMAT_HEVY, FORMAT_FITNOTES)
FORMATS_OUT = (FORMAT_NATIVE, FORMAT_STRONG, FORMAT_HEVY)

# Reasons rows are skipped (not fatal): the keys of every `skipped` mapping.
SKIP_REST_TIMER = "rest-timer rows"
SKIP_CARDIO = "cardio and timed rows"
SKIP_NO_REPS = "rows without reps"
SKIP_IMPLAUSIBLE = "rows with implausible reps or load"
SKIP_NEGATIVE = "negative loads on exercises that are not assisted"

PROGRESS_EVERY = 500  # rows between progress callbacks

Progress = Callable[[int], None]  # called with the physical line reached; may raise ImportCancelled


def reporting(rows: Iterable[tuple[int, list[str]]], progress: Progress) -> Iterator[tuple[int, list[str]]]:
    """The (line, fields) rows of a CsvTable, unchanged, with `progress(line)` every PROGRESS_EVERY rows:
    the one place every reader reports how far it got (and where cancelling takes effect)."""
    for count, row in enumerate(rows, 1):
        if count % PROGRESS_EVERY == 0:
            progress(row[0])
        yield row


@dataclass(slots=True)
class FileSet:
    """One set row as the file has it."""

    line: int
    exercise: str
    set_type: SetType
    weight: float
    unit: WeightUnit | None  # None: the file does not say (Strong V2/V4/V5)
    reps: int
    rir: int | None = None
    failure: FailureKind = FailureKind.NONE
    notes: str = ""
    superset_group: int | None = None
    category: str = ""  # FitNotes' muscle group, a hint for new custom exercises
    # the workout's note on this set's exercise (Hevy's exercise_notes, native exercise_notes): carried
    # by the exercise's first set in the workout, empty on its other sets
    exercise_notes: str = ""
    # native only
    exercise_order: int | None = None
    set_order: int | None = None
    rest_before_s: int | None = None
    logged_at: datetime | None = None
    uuid: str | None = None
    unit_shown: WeightUnit | None = None


@dataclass(slots=True)
class FileSession:
    """One workout as the file has it; `key` is its identity text (the native uuid for native files)."""

    key: str
    line: int
    started_at: datetime  # aware UTC
    ended_at: datetime | None
    name: str
    notes: str = ""
    sets: list[FileSet] = field(default_factory=list)
    end_known: bool = True  # False: the file gives no end or duration; the service spreads nothing


@dataclass(slots=True)
class ParsedFile:
    """Everything a reader found: sessions oldest first, skipped rows by reason, and how it was read."""

    format: str
    label: str
    sessions: list[FileSession]
    skipped: dict[str, int]
    rows: int
    unit_needed: bool = False
    signed_weights: bool = False  # True: weights already carry our sign (native); else assistance is positive
    # native only: custom exercises as the file describes them (muscles, equipment…), by name as written
    exercises: dict[str, Exercise] = field(default_factory=dict)


def count_skip(skipped: dict[str, int], reason: str) -> None:
    """Add one row to the count of a skip reason."""
    skipped[reason] = skipped.get(reason, 0) + 1
