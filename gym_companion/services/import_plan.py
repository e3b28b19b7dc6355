"""Turning what a reader found into workouts ready to store.

Names become exercises (the user's choice, then the remembered mapping, then the library's names and
aliases; anything else becomes a custom exercise), loads become kilograms with our sign for assisted
exercises, implausible rows are skipped and counted (or refused, for the lossless native format), and
every session and set gets an identity derived from the file's content, so importing the same file
again finds everything already present.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import timedelta

from gym_companion.domain.custom_exercise import CustomExerciseSpec, clean_name, spec_problems
from gym_companion.domain.exercise_guess import guessed_exercise
from gym_companion.domain.exercise_search import ExerciseIndex, normalize_name
from gym_companion.domain.model import Exercise, SetEntry, WeightUnit, WorkoutSession
from gym_companion.domain.units import format_weight, from_unit
from gym_companion.domain.validation import MAX_LOAD_KG, MAX_REPS, MIN_ASSISTED_LOAD_KG, MIN_LOAD_KG
from gym_companion.exchange.errors import ImportFileError
from gym_companion.exchange.records import (
    FORMAT_NATIVE,
    SKIP_IMPLAUSIBLE,
    SKIP_NEGATIVE,
    FileSession,
    FileSet,
    ParsedFile,
    count_skip,
)

# Fixed namespace for identities derived from file content (uuid5): never change it, or re-imports
# would no longer recognise sessions imported before.
IMPORT_NAMESPACE = uuid.UUID("15a723aa-5a1c-42c0-a088-9d3136561aad")
_NAMESPACE_BYTES = IMPORT_NAMESPACE.bytes
MAX_NAME_LENGTH = 80


class ExerciseResolver:
    """Which stored exercise a name in a file means: the user's choice, the remembered mapping, then an
    exact name/alias match (case, spacing and word order ignored). None means "make a custom one"."""

    def __init__(
        self,
        exercises: Mapping[int, Exercise],
        index: ExerciseIndex,
        remembered: Mapping[str, int],
        chosen: Mapping[str, int | None],
    ) -> None:
        self._exercises = exercises
        self._index = index
        self._remembered = {_key(name): i for name, i in remembered.items() if i in exercises}
        self._chosen: dict[str, int | None] = {}
        for name, exercise_id in chosen.items():
            if exercise_id is not None and exercise_id not in exercises:
                raise ImportFileError(
                    f"“{name}” is mapped to an exercise that does not exist (id {exercise_id})."
                )
            self._chosen[_key(name)] = exercise_id

    def resolve(self, name: str) -> Exercise | None:
        """The exercise `name` stands for, or None when it needs a custom exercise."""
        key = _key(name)
        if key in self._chosen:
            chosen = self._chosen[key]
            return None if chosen is None else self._exercises[chosen]
        if key in self._remembered:
            return self._exercises[self._remembered[key]]
        return self._index.exact(name)


@dataclass
class ImportPlan:
    """Workouts ready for the repository, with what was skipped and which exercises are new."""

    workouts: list[tuple[WorkoutSession, list[SetEntry]]]
    new_exercises: list[Exercise]  # custom exercises to create; ids are negative placeholders
    skipped: dict[str, int]
    names: tuple[str, ...]  # distinct exercise names in the file, in order of appearance
    matched: dict[str, int]  # name in the file -> stored exercise id
    unknown: tuple[str, ...]  # names that become custom exercises
    placeholders: dict[str, int] = field(default_factory=dict)  # name in the file -> placeholder id
    set_lines: dict[str, int] = field(default_factory=dict)  # native set uuid -> its line in the file
    # workout uuid -> {exercise_order: the workout's note on that exercise}
    exercise_notes: dict[str, dict[int, str]] = field(default_factory=dict)
    guessed: tuple[str, ...] = ()  # new custom exercises whose muscles are only a guess

    @property
    def sets(self) -> int:
        """How many sets the plan would add."""
        return sum(len(sets) for _session, sets in self.workouts)


def build_plan(
    parsed: ParsedFile,
    unit: WeightUnit | None,
    resolver: ExerciseResolver,
    index: ExerciseIndex,
    taken_names: set[str],
    specs: Mapping[str, CustomExerciseSpec] | None = None,
) -> ImportPlan:
    """Resolve, convert and check every set of `parsed`; ImportFileError (naming the line) for rows the
    format forbids. `unit` applies to rows without one (None only for a preview). `taken_names` holds the
    case-folded names of stored exercises, so new custom ones never clash. `specs` (name in the file ->
    what the lifter said about it) describes names that become custom exercises instead of the guess;
    specs for names that go to stored exercises are ignored."""
    strict = parsed.format == FORMAT_NATIVE
    described = {_key(name): spec for name, spec in (specs or {}).items()}
    keys: dict[str, str] = {}  # name as written -> matching key (normalising is slow; names repeat)
    first_spelling: dict[str, str] = {}
    negative: set[str] = set()
    categories: dict[str, str] = {}
    for session in parsed.sessions:
        for entry in session.sets:
            key = keys.get(entry.exercise)
            if key is None:
                if not entry.exercise:
                    raise ImportFileError("the exercise name is empty.", entry.line)
                key = keys[entry.exercise] = _key(entry.exercise)
            first_spelling.setdefault(key, entry.exercise)
            if entry.weight < 0:
                negative.add(key)
            if entry.category:
                categories.setdefault(key, entry.category)

    resolved: dict[str, Exercise] = {}
    matched: dict[str, int] = {}
    new: list[Exercise] = []
    guessed: list[str] = []
    placeholders: dict[str, int] = {}
    for key, name in first_spelling.items():
        found = resolver.resolve(name)
        if found is not None and found.id is not None:
            resolved[key] = found
            matched[name] = found.id
            continue
        placeholder = -(len(new) + 1)
        spec = described.get(key)
        in_file = parsed.exercises.get(name)
        if in_file is not None and (spec is None or spec == CustomExerciseSpec.of(in_file)):
            custom = _file_exercise(in_file, placeholder, taken_names)
        else:
            guess = custom_exercise(
                name,
                placeholder,
                categories.get(key, ""),
                index,
                key in negative or "assist" in key,
                taken_names if spec is None else set(taken_names),  # a guess to compare with claims no name
            )
            custom = guess if spec is None else described_exercise(name, spec, placeholder, taken_names)
            if spec is None or spec == CustomExerciseSpec.of(guess, name=spec.name):
                guessed.append(custom.name)  # nobody said what it trains: the summary asks to check
        new.append(custom)
        resolved[key] = custom
        placeholders[name] = placeholder

    skipped = dict(parsed.skipped)
    workouts = []
    notes: dict[str, dict[int, str]] = {}
    for session in parsed.sessions:
        kept: list[tuple[FileSet, Exercise, float]] = []
        unplaced: dict[int, str] = {}  # exercise id -> the note of a skipped set, for its next kept one
        for entry in session.sets:
            exercise = resolved[keys[entry.exercise]]
            if strict:
                kg = entry.weight
            else:
                kg = from_unit(entry.weight, entry.unit or unit or WeightUnit.KG)
                if exercise.assisted:
                    kg = -abs(kg)
            problem = _implausible(kg, entry.reps, exercise)
            if problem is not None:
                if strict:
                    raise ImportFileError(problem, entry.line)
                count_skip(skipped, SKIP_NEGATIVE if kg < 0 and not exercise.assisted else SKIP_IMPLAUSIBLE)
                if entry.exercise_notes and exercise.id is not None:
                    unplaced.setdefault(exercise.id, entry.exercise_notes)
                continue
            if unplaced and exercise.id in unplaced and not entry.exercise_notes:
                entry.exercise_notes = unplaced.pop(exercise.id)
            kept.append((entry, exercise, kg))
        if kept:
            workout = _native_workout(session, kept) if strict else _workout(session, kept, unit)
            workouts.append(workout)
            by_order = _exercise_notes(kept, workout[1])
            if by_order:
                notes[workout[0].uuid] = by_order
    unknown = tuple(first_spelling[key] for key in first_spelling if first_spelling[key] in placeholders)
    set_lines = {
        entry.uuid: entry.line
        for session in parsed.sessions
        for entry in session.sets
        if entry.uuid is not None
    }
    return ImportPlan(
        workouts=workouts,
        new_exercises=new,
        guessed=tuple(guessed),
        skipped=skipped,
        names=tuple(first_spelling.values()),
        matched=matched,
        unknown=unknown,
        placeholders=placeholders,
        set_lines=set_lines,
        exercise_notes=notes,
    )


def custom_exercise(
    name: str, placeholder: int, category: str, index: ExerciseIndex, assisted: bool, taken_names: set[str]
) -> Exercise:
    """A new custom exercise for an unknown name. Its muscles and equipment are a first guess: the muscles
    its name names ("Back Deltoids"), else the library exercise it confidently matches (when that fits the
    file's muscle category, if any), else the category; a confident match that trains all the named muscles
    lends them its secondary muscles and equipment. The import summary lists these exercises to check."""
    clean = " ".join(name.split())[:MAX_NAME_LENGTH]
    unique, number = clean, 2
    while unique.casefold() in taken_names:
        suffix = f" ({number})"
        unique = clean[: MAX_NAME_LENGTH - len(suffix)] + suffix
        number += 1
    taken_names.add(unique.casefold())
    guess = guessed_exercise(clean, category, index)
    return replace(guess, name=unique, assisted=assisted, is_custom=True, id=placeholder)


def described_exercise(
    name: str, spec: CustomExerciseSpec, placeholder: int, taken_names: set[str]
) -> Exercise:
    """The custom exercise the lifter described for `name` in the file; ImportFileError when the spec
    cannot be saved (no primary muscle, a name that is empty, too long or already taken)."""
    problems = spec_problems(spec)
    chosen = clean_name(spec.name)
    if not problems and chosen.casefold() in taken_names:
        problems["name"] = f"“{chosen}” is taken (by a stored or another new exercise)."
    if problems:
        raise ImportFileError(f"the new exercise for “{name}”: {' '.join(problems.values())}")
    taken_names.add(chosen.casefold())
    return spec.to_exercise(placeholder)


def _file_exercise(described: Exercise, placeholder: int, taken_names: set[str]) -> Exercise:
    """The custom exercise a native file describes, under its name (numbered if that is taken)."""
    clean = clean_name(described.name)[:MAX_NAME_LENGTH]
    unique, number = clean, 2
    while unique.casefold() in taken_names:
        suffix = f" ({number})"
        unique = clean[: MAX_NAME_LENGTH - len(suffix)] + suffix
        number += 1
    taken_names.add(unique.casefold())
    return replace(described, name=unique, id=placeholder, is_custom=True)


def _exercise_notes(kept: list[tuple[FileSet, Exercise, float]], sets: list[SetEntry]) -> dict[int, str]:
    """The workout's notes by exercise order: each set's `exercise_notes` (one per exercise block in the
    file) lands on its set's exercise; two blocks of one exercise (Hevy) keep both notes, a line each."""
    notes: dict[int, list[str]] = {}
    for (entry, _exercise, _kg), stored in zip(kept, sets, strict=True):
        if entry.exercise_notes:
            texts = notes.setdefault(stored.exercise_order, [])
            if entry.exercise_notes not in texts:
                texts.append(entry.exercise_notes)
    return {order: "\n".join(texts) for order, texts in notes.items()}


def session_identity(key: str) -> str:
    """The session uuid derived from a reader's identity text (format, start as written, name)."""
    return derived_uuid(key)


def derived_uuid(text: str) -> str:
    """uuid5(IMPORT_NAMESPACE, text) as a string, without building UUID objects (25k sets per import)."""
    digest = bytearray(
        hashlib.sha1(_NAMESPACE_BYTES + text.encode("utf-8"), usedforsecurity=False).digest()[:16]
    )
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # RFC 4122 variant
    h = digest.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _key(name: str) -> str:
    return normalize_name(name) or name.strip().casefold()


def _implausible(kg: float, reps: int, exercise: Exercise) -> str | None:
    if not 1 <= reps <= MAX_REPS:
        return f"{reps} reps is outside 1–{MAX_REPS}."
    if kg > MAX_LOAD_KG:
        return f"{format_weight(kg, WeightUnit.KG)} is more than any gym load."
    if kg < 0 and not exercise.assisted:
        return (
            f"a negative load ({format_weight(kg, WeightUnit.KG)}) on {exercise.name}, which is not assisted."
        )
    if kg < MIN_ASSISTED_LOAD_KG:
        return f"{format_weight(-kg, WeightUnit.KG)} of assistance is not plausible."
    if 0 < abs(kg) < MIN_LOAD_KG:
        return f"a load of {kg:g} kg, less than any gym can load."
    return None


def _workout(
    session: FileSession, kept: list[tuple[FileSet, Exercise, float]], unit: WeightUnit | None
) -> tuple[WorkoutSession, list[SetEntry]]:
    """A session from another app: orders by first appearance, times spread over the known duration."""
    session_uuid = session_identity(session.key)
    started = session.started_at
    span = (session.ended_at - started) if session.end_known and session.ended_at is not None else None
    count = len(kept)
    exercise_orders: dict[int, int] = {}
    set_counts: dict[int, int] = {}
    sets = []
    for position, (entry, exercise, kg) in enumerate(kept):
        assert exercise.id is not None
        order = exercise_orders.setdefault(exercise.id, len(exercise_orders))
        set_order = set_counts.get(exercise.id, 0)
        set_counts[exercise.id] = set_order + 1
        if span is not None and span > timedelta(0):
            logged = started + timedelta(seconds=int(span.total_seconds() * (position + 1) / count))
        else:
            logged = started + timedelta(seconds=position)  # only the start is known: keep the order
        sets.append(
            SetEntry(
                uuid=derived_uuid(f"{session.key}|{position}"),
                session_id=0,
                exercise_id=exercise.id,
                exercise_order=order,
                set_order=set_order,
                set_type=entry.set_type,
                weight_kg=kg,
                reps=entry.reps,
                logged_at=logged,
                rir=entry.rir,
                failure=entry.failure,
                unit_shown=entry.unit or unit or WeightUnit.KG,
                notes=entry.notes,
                superset_group=entry.superset_group,
            )
        )
    ended = session.ended_at if span is not None else sets[-1].logged_at
    workout = WorkoutSession(
        uuid=session_uuid, started_at=started, ended_at=ended, name=session.name, notes=session.notes
    )
    return workout, sets


def _native_workout(
    session: FileSession, kept: list[tuple[FileSet, Exercise, float]]
) -> tuple[WorkoutSession, list[SetEntry]]:
    """A session from our own format: every field as the file has it."""
    sets = []
    for entry, exercise, kg in kept:
        assert exercise.id is not None
        assert entry.uuid is not None and entry.logged_at is not None
        assert entry.exercise_order is not None and entry.set_order is not None
        sets.append(
            SetEntry(
                uuid=entry.uuid,
                session_id=0,
                exercise_id=exercise.id,
                exercise_order=entry.exercise_order,
                set_order=entry.set_order,
                set_type=entry.set_type,
                weight_kg=kg,
                reps=entry.reps,
                logged_at=entry.logged_at,
                rir=entry.rir,
                failure=entry.failure,
                rest_before_s=entry.rest_before_s,
                unit_shown=entry.unit_shown or WeightUnit.KG,
                notes=entry.notes,
                superset_group=entry.superset_group,
            )
        )
    workout = WorkoutSession(
        uuid=session.key,
        started_at=session.started_at,
        ended_at=session.ended_at,
        name=session.name,
        notes=session.notes,
    )
    return workout, sets
