"""CSV import and export as use cases: preview a file, import it in one transaction, export history.

The UI and the command line use only this module: it re-exports the error types, so neither needs to
import `exchange` (the readers and writers) or `storage`.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from pathlib import Path
from typing import ClassVar

from gym_companion.domain.custom_exercise import CustomExerciseSpec
from gym_companion.domain.model import SetEntry, WeightUnit
from gym_companion.exchange.csv_source import CsvTable, open_csv
from gym_companion.exchange.errors import ImportCancelled, ImportFileError, TransferError, UnitNeededError
from gym_companion.exchange.formats import (
    FORMAT_NAMES,
    fields_for,
    newest_first,
    parse_table,
    write_rows,
)
from gym_companion.exchange.records import FORMAT_NATIVE, FORMATS_IN, FORMATS_OUT, ParsedFile
from gym_companion.exchange.unit_guess import guess_unit
from gym_companion.services.catalog import ExerciseCatalog
from gym_companion.services.import_plan import ExerciseResolver, ImportPlan, build_plan
from gym_companion.storage.repositories.exercises import IMPORT_MAPPING_STATE_KEY
from gym_companion.storage.repositories.profile import ProfileRepository
from gym_companion.storage.repositories.transfer import ImportConflictError, TransferRepository

__all__ = [
    "CustomExerciseSpec",
    "ExportSummary",
    "ImportCancelled",
    "ImportFileError",
    "ImportPreview",
    "ImportSummary",
    "PreviewSession",
    "TransferError",
    "TransferService",
    "UnitNeededError",
]

MAPPING_STATE_KEY = IMPORT_MAPPING_STATE_KEY  # app_state: {name in a file: exercise id}
PREVIEW_SESSIONS = 5

Progress = Callable[[int, int], bool]


@dataclass(frozen=True)
class PreviewSession:
    """One workout as the preview lists it."""

    started: datetime
    name: str
    exercises: tuple[str, ...]
    sets: int


@dataclass(frozen=True)
class ImportPreview:
    """What importing a file would do, before anything is written."""

    format: str  # "native" | "strong" | "hevy" | "fitnotes"
    format_label: str  # e.g. "Strong (V4, comma)"
    unit_needed: bool  # True for unitless files (Strong V2/V4/V5)
    unit_guess: WeightUnit | None
    unit_guess_reason: str
    first_sessions: tuple[PreviewSession, ...]  # the oldest, up to 5
    sessions: int
    sets: int
    skipped: Mapping[str, int]  # reason -> rows
    exercise_names: tuple[str, ...]
    matched: Mapping[str, int]  # name in the file -> exercise id
    unknown: tuple[str, ...]  # names that would become custom exercises
    sessions_already_present: int = 0  # workouts of the file already in the database
    sample_loads: tuple[float, ...] = ()  # the first distinct loads as the file writes them (unitless files)
    # name in the file -> the custom exercise it would become, muscles guessed (for each of `unknown`)
    new_exercises: Mapping[str, CustomExerciseSpec] = field(default_factory=dict)


@dataclass(frozen=True)
class ImportSummary:
    """What an import wrote."""

    sessions_added: int
    sets_added: int
    sessions_already_present: int
    exercises_created: tuple[str, ...]
    skipped: Mapping[str, int]
    unit: WeightUnit | None
    format_label: str = ""
    exercises_guessed: tuple[str, ...] = ()  # of exercises_created: muscles only guessed, worth a check

    def sentence(self) -> str:
        """One line for the command line and the status bar."""
        text = f"Imported {_count(self.sessions_added, 'workout')} with {_count(self.sets_added, 'set')}"
        if self.format_label:
            text += f" from {self.format_label}"
        if self.unit is not None:
            text += f", loads read as {self.unit.value}"
        parts = [text]
        if self.sessions_already_present:
            parts.append(f"{_count(self.sessions_already_present, 'workout')} already here")
        if self.exercises_created:
            shown = ", ".join(self.exercises_created[:5])
            more = f" and {len(self.exercises_created) - 5} more" if len(self.exercises_created) > 5 else ""
            guessed = [name for name in self.exercises_created if name in self.exercises_guessed]
            if not guessed:
                parts.append(f"new custom exercises: {shown}{more}")
            elif len(guessed) == len(self.exercises_created):
                parts.append(f"new custom exercises (check their muscles): {shown}{more}")
            else:
                count = _count(len(guessed), "exercise")
                parts.append(
                    f"new custom exercises: {shown}{more} (muscles guessed for {count}: "
                    "check them in Edit › Exercises)"
                )
        if self.skipped:
            skipped = ", ".join(f"{reason} ({count:,})" for reason, count in sorted(self.skipped.items()))
            parts.append(f"skipped {skipped}")
        return "; ".join(parts) + "."


@dataclass(frozen=True)
class ExportSummary:
    """What an export wrote."""

    path: Path
    sessions: int
    sets: int
    format: str
    unit: WeightUnit

    def sentence(self) -> str:
        """One line for the command line and the status bar."""
        if self.format == FORMAT_NATIVE:
            how = "in Gym Companion's format (kg, with the unit you saw)"
        else:
            how = f"as a {FORMAT_NAMES[self.format]} CSV in {self.unit.value}"
        counts = f"{_count(self.sessions, 'workout')} with {_count(self.sets, 'set')}"
        return f"Exported {counts} to {self.path} {how}."


@dataclass
class _Reading:
    table: CsvTable
    parsed: ParsedFile
    plan: ImportPlan
    unit_guess: tuple[WeightUnit | None, str] = field(default=(None, ""))


class TransferService:
    """Import from native/Strong/Hevy/FitNotes CSV, export to native/Strong/Hevy CSV.

    `zone` is the time zone of the local times in other apps' files (None: this machine's zone, with
    daylight saving as it was on each date). Safe to call from a worker thread: each call uses its own
    database connection.
    """

    FORMATS_IN: ClassVar[tuple[str, ...]] = FORMATS_IN
    FORMATS_OUT: ClassVar[tuple[str, ...]] = FORMATS_OUT

    def __init__(
        self,
        repository: TransferRepository,
        catalog: ExerciseCatalog,
        profile: ProfileRepository,
        zone: tzinfo | None = None,
    ) -> None:
        self._repository = repository
        self._catalog = catalog
        self._profile = profile
        self._zone = zone

    # --- import ---------------------------------------------------------------------------------
    def preview(self, path: Path, fmt: str = "auto", unit: WeightUnit | None = None) -> ImportPreview:
        """What importing `path` would do; raises ImportFileError for a file that cannot be imported."""
        reading = self._read(path, fmt, unit, {}, None)
        plan, parsed = reading.plan, reading.parsed
        present = self._repository.session_uuids()
        already = sum(1 for session, _sets in plan.workouts if session.uuid in present)
        first = tuple(
            PreviewSession(
                started=session.started_at,
                name=session.name,
                exercises=tuple(dict.fromkeys(_names_in(plan, sets))),
                sets=len(sets),
            )
            for session, sets in plan.workouts[:PREVIEW_SESSIONS]
        )
        guess, reason = reading.unit_guess
        return ImportPreview(
            format=parsed.format,
            format_label=parsed.label,
            unit_needed=parsed.unit_needed,
            unit_guess=guess,
            unit_guess_reason=reason,
            first_sessions=first,
            sessions=len(plan.workouts),
            sets=plan.sets,
            skipped=dict(plan.skipped),
            exercise_names=plan.names,
            matched=dict(plan.matched),
            unknown=plan.unknown,
            sessions_already_present=already,
            sample_loads=_sample_loads(parsed) if parsed.unit_needed else (),
            new_exercises=_new_exercises(plan),
        )

    def import_file(
        self,
        path: Path,
        fmt: str = "auto",
        unit: WeightUnit | None = None,
        mapping: Mapping[str, int | None] | None = None,
        progress: Progress | None = None,
        new_exercises: Mapping[str, CustomExerciseSpec] | None = None,
    ) -> ImportSummary:
        """Import `path` in ONE transaction: all of it or, on any error or cancel, nothing.

        `mapping` (name in the file -> exercise id, or None for a new custom exercise) is merged over the
        remembered mapping and remembered for next time. `progress(done, total)` is called every few
        hundred rows while reading (done counts physical lines up to total) and again with done == total
        between write chunks; returning False cancels (ImportCancelled, nothing written).
        `new_exercises` (name in the file -> spec) creates those names' custom exercises as described
        (name, muscles, equipment…) instead of the guess; a spec that cannot be saved is an
        ImportFileError. Names that go to stored exercises ignore their spec.
        """
        chosen = dict(mapping or {})
        reading = self._read(path, fmt, unit, chosen, progress, new_exercises)
        parsed, plan = reading.parsed, reading.plan
        if parsed.unit_needed and unit is None:
            guess, reason = reading.unit_guess
            raise UnitNeededError(parsed.label, None if guess is None else guess.value, reason)
        total = reading.table.total_lines
        remembered = self.remembered_mapping()

        def check() -> None:
            if progress is not None and progress(total, total) is False:
                raise ImportCancelled()

        def state(created: Mapping[int, int]) -> dict[str, object]:
            if not chosen:
                return {}
            merged = dict(remembered)
            for name, exercise_id in chosen.items():
                target = (
                    exercise_id if exercise_id is not None else created.get(plan.placeholders.get(name, 0))
                )
                if target is not None:
                    merged[name] = target
            return {MAPPING_STATE_KEY: merged}

        self._refuse_stored_sets(plan)
        try:
            written = self._repository.import_history(
                plan.new_exercises, plan.workouts, state, check, plan.exercise_notes
            )
        except ImportConflictError as error:
            raise ImportFileError(
                f"the file clashes with what is stored ({error}); nothing was imported."
            ) from None
        if written.exercise_ids:
            self._catalog.reload()
        return ImportSummary(
            sessions_added=written.sessions_added,
            sets_added=written.sets_added,
            sessions_already_present=written.sessions_present,
            exercises_created=tuple(e.name for e in plan.new_exercises),
            exercises_guessed=plan.guessed,
            skipped=dict(plan.skipped),
            unit=None if parsed.format == FORMAT_NATIVE else unit if parsed.unit_needed else _file_unit(plan),
            format_label=parsed.label,
        )

    def _refuse_stored_sets(self, plan: ImportPlan) -> None:
        """A native set identity already stored in another workout means the file was edited by hand."""
        if not plan.set_lines:
            return
        present = self._repository.session_uuids()
        fresh = [s.uuid for session, sets in plan.workouts if session.uuid not in present for s in sets]
        clashes = self._repository.existing_set_uuids(fresh)
        if clashes:
            line = min(plan.set_lines[uuid] for uuid in clashes)
            uuid = next(u for u in clashes if plan.set_lines[u] == line)
            raise ImportFileError(f"the set {uuid} is already stored, in another workout.", line)

    def remembered_mapping(self) -> dict[str, int]:
        """Names in earlier imports the user mapped to exercises (name -> exercise id)."""
        stored = self._profile.get_state(MAPPING_STATE_KEY)
        if not isinstance(stored, dict):
            return {}
        known = self._catalog.by_id()
        return {
            str(name): value for name, value in stored.items() if isinstance(value, int) and value in known
        }

    def _read(
        self,
        path: Path,
        fmt: str,
        unit: WeightUnit | None,
        chosen: Mapping[str, int | None],
        progress: Progress | None,
        specs: Mapping[str, CustomExerciseSpec] | None = None,
    ) -> _Reading:
        table = open_csv(Path(path))
        total = table.total_lines

        def at_line(line: int) -> None:
            if (
                progress is not None
                and progress(min(max(line - table.header_line, 0), total), total) is False
            ):
                raise ImportCancelled()

        parsed = parse_table(table, fmt, self._zone, at_line)
        at_line(table.header_line + total)
        guess: tuple[WeightUnit | None, str] = (None, "")
        if parsed.unit_needed:
            guess = guess_unit(
                s.weight for session in parsed.sessions for s in session.sets if s.unit is None
            )
        exercises = self._catalog.by_id()
        resolver = ExerciseResolver(exercises, self._catalog.index, self.remembered_mapping(), chosen)
        taken = {exercise.name.casefold() for exercise in exercises.values()}
        plan = build_plan(parsed, unit or guess[0], resolver, self._catalog.index, taken, specs)
        return _Reading(table, parsed, plan, guess)

    # --- export ---------------------------------------------------------------------------------
    def export_file(
        self,
        path: Path,
        fmt: str = "native",
        unit: WeightUnit = WeightUnit.KG,
        start: datetime | None = None,
        end: datetime | None = None,
    ) -> ExportSummary:
        """Write the history (sessions started in start..end, both inclusive, unfinished ones too) to `path`
        atomically: a temporary file beside it, renamed over it once complete."""
        if fmt not in FORMATS_OUT:
            raise TransferError(f"“{fmt}” is not a format this app writes ({', '.join(FORMATS_OUT)}).")
        target = Path(path).expanduser()
        if target.is_dir():
            raise TransferError(f"{target} is a folder; choose a file name.")
        rows = self._repository.export_rows(fields_for(fmt), start, end, newest_first(fmt))
        custom = {e.name: e for e in self._repository.custom_exercises()} if fmt == FORMAT_NATIVE else None
        try:
            handle_fd, temp_name = tempfile.mkstemp(
                prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
            )
        except OSError as error:
            raise TransferError(f"Cannot write to {target.parent}: {error.strerror}.") from None
        try:
            with os.fdopen(handle_fd, "w", encoding="utf-8", newline="") as handle:
                sessions, sets = write_rows(fmt, handle, rows, unit, self._zone, custom)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp_name, target)
        except OSError as error:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)
            raise TransferError(f"Cannot write {target}: {error.strerror}.") from None
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)
            raise
        return ExportSummary(target, sessions, sets, fmt, WeightUnit.KG if fmt == FORMAT_NATIVE else unit)


def _names_in(plan: ImportPlan, sets: list[SetEntry]) -> list[str]:
    """Exercise names of a planned session's sets, in workout order, as the file spells them."""
    by_id = {exercise_id: name for name, exercise_id in plan.matched.items()}
    by_id.update({placeholder: name for name, placeholder in plan.placeholders.items()})
    ordered = sorted(sets, key=lambda s: (s.exercise_order, s.set_order))
    return [by_id.get(s.exercise_id, "?") for s in ordered]


def _new_exercises(plan: ImportPlan) -> dict[str, CustomExerciseSpec]:
    """Name in the file -> the custom exercise the plan would create for it (muscles guessed)."""
    by_placeholder = {exercise.id: exercise for exercise in plan.new_exercises}
    return {name: CustomExerciseSpec.of(by_placeholder[p]) for name, p in plan.placeholders.items()}


def _sample_loads(parsed: ParsedFile, count: int = 5) -> tuple[float, ...]:
    """The first `count` distinct non-zero loads without a unit, in file order, as written."""
    found: dict[float, None] = {}
    for session in parsed.sessions:
        for entry in session.sets:
            if entry.unit is None and entry.weight and abs(entry.weight) not in found:
                found[abs(entry.weight)] = None
                if len(found) == count:
                    return tuple(found)
    return tuple(found)


def _file_unit(plan: ImportPlan) -> WeightUnit | None:
    units = {s.unit_shown for _session, sets in plan.workouts for s in sets if s.weight_kg}
    return units.pop() if len(units) == 1 else None


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"
