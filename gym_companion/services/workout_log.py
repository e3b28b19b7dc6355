"""The workout in progress: start, add exercises, log, rate, edit, delete with undo, finish.

Every change is committed before the method returns, so whatever the UI shows is on disk. The list of
exercises in the workout (including ones with no sets yet) is kept in the app state table, so that a
restart after a crash resumes the same workout with the same order and the same current exercise.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime

from gym_companion.domain.e1rm import AS_RATED, E1rmBasis
from gym_companion.domain.effort import Rating
from gym_companion.domain.model import (
    Exercise,
    FailureKind,
    Routine,
    SetEntry,
    SetType,
    WeightUnit,
    WorkoutSession,
)
from gym_companion.domain.records import Standing
from gym_companion.domain.routine_plan import PlanTarget
from gym_companion.domain.settings import Settings
from gym_companion.domain.supersets import normalized
from gym_companion.domain.validation import check_load
from gym_companion.domain.workout_summary import WorkoutSummary, summarize_workout
from gym_companion.services.exercise_brief import ExerciseBrief, build_brief
from gym_companion.storage.repositories.exercise_notes import ExerciseNoteRepository
from gym_companion.storage.repositories.profile import ProfileRepository
from gym_companion.storage.repositories.workouts import WorkoutRepository

OPEN_WORKOUT_KEY = "open_workout"
MAX_WORKOUT_NAME = 80


@dataclass(slots=True)
class WorkoutSlot:
    """One exercise in the workout with its sets (in order), its note and, when from a routine, its plan."""

    exercise: Exercise
    order: int
    sets: list[SetEntry] = field(default_factory=list)
    planned_sets: int | None = None
    rep_min: int | None = None
    rep_max: int | None = None
    target_rir: int | None = None
    failure_last_set: bool = False
    rest_s: int | None = None
    note: str = ""
    group: int | None = None  # superset / circuit: slots sharing a number are done in rounds

    @property
    def working_sets(self) -> list[SetEntry]:
        """Sets that are not warm-ups."""
        return [s for s in self.sets if s.set_type is not SetType.WARMUP]

    @property
    def plan(self) -> PlanTarget | None:
        """The routine's plan for this exercise, or None when it was added by hand."""
        if self.planned_sets is None or self.rep_min is None or self.rep_max is None:
            return None
        return PlanTarget(
            sets=self.planned_sets,
            rep_min=self.rep_min,
            rep_max=self.rep_max,
            target_rir=self.target_rir if self.target_rir is not None else 2,
            failure_last_set=self.failure_last_set,
            rest_s=self.rest_s,
        )

    @property
    def planned_working_sets(self) -> int:
        """Working sets done that count towards the plan (drop sets belong to the set before them)."""
        return sum(1 for s in self.sets if s.set_type is SetType.WORKING)


class WorkoutLog:
    """Use cases of the workout in progress; the UI calls these and only displays the result."""

    def __init__(
        self,
        workouts: WorkoutRepository,
        profile: ProfileRepository,
        exercises: Callable[[], dict[int, Exercise]],
        now: Callable[[], datetime],
        new_uuid: Callable[[], str] = lambda: str(uuid.uuid4()),
        *,
        exercise_notes: ExerciseNoteRepository,
        rir_bias: Callable[[int], float] = lambda _exercise_id: 0.0,
        e1rm_basis: Callable[[int], E1rmBasis] = lambda _exercise_id: AS_RATED,
        standings: Callable[[Collection[int], datetime], Mapping[int, Standing]],
    ) -> None:
        self._workouts = workouts
        self._e1rm_basis = e1rm_basis  # how sets become e1RMs (as History reads them), for PRs
        # each exercise's bests before a moment (RecordBook.standings_before): what PRs are judged against
        self._standings = standings
        self._rir_bias = rir_bias  # the lifter's measured RIR bias per exercise (CalibrationService.bias_for)
        # "Last time" per exercise, read once per workout: the brief is rebuilt after every set and rating.
        self._last_time: dict[tuple[int, datetime, int], list[SetEntry]] = {}
        self._profile = profile
        self._notes = exercise_notes
        self._exercises = exercises
        self._now = now
        self._new_uuid = new_uuid
        self.session: WorkoutSession | None = None
        self.slots: list[WorkoutSlot] = []
        self.current_index: int | None = None
        self._undo: list[SetEntry] = []

    # --- lifecycle ------------------------------------------------------------------------------
    @property
    def active(self) -> bool:
        """Whether a workout is in progress."""
        return self.session is not None

    def unfinished(self) -> WorkoutSession | None:
        """An unfinished workout in the database (from a crash or a closed window), if any."""
        return self._workouts.open_session()

    def resume(self, session: WorkoutSession) -> None:
        """Continue an unfinished workout: its sets, its exercise order and the current exercise."""
        assert session.id is not None
        catalog = self._exercises()
        self.session = session
        self.slots = []
        state = self._profile.get_state(OPEN_WORKOUT_KEY) or {}
        if state.get("session_id") == session.id:
            for item in state.get("slots", []):
                exercise = catalog.get(int(item.get("exercise_id", -1)))
                if exercise is not None:
                    self._append_slot(exercise, item)
        grouped_in_state = {slot.order for slot in self.slots if slot.group is not None}
        for entry in self._workouts.sets_in_session(session.id):
            slot = self._slot_for_order(entry.exercise_order)
            if slot is None:
                exercise = catalog.get(entry.exercise_id)
                if exercise is None:
                    continue
                slot = WorkoutSlot(exercise=exercise, order=entry.exercise_order)
                self.slots.append(slot)
            slot.sets.append(entry)
            if slot.order not in grouped_in_state and entry.superset_group is not None:
                slot.group = entry.superset_group  # the sets keep the grouping when the state did not
        self.slots.sort(key=lambda s: s.order)
        self._apply_groups(normalized([slot.group for slot in self.slots]))
        notes = self._notes.for_session(session.id)
        for slot in self.slots:
            slot.note = notes.get(slot.order, "")
        current = state.get("current") if state.get("session_id") == session.id else None
        if isinstance(current, int) and 0 <= current < len(self.slots):
            self.current_index = current
        else:
            self.current_index = len(self.slots) - 1 if self.slots else None
        self._save_state()

    def start(self, name: str = "", routine: Routine | None = None) -> WorkoutSession:
        """Start a new workout, empty or with a routine's exercises in order."""
        if self.session is not None:
            raise RuntimeError("A workout is already in progress.")
        started = self._now()
        label = name or (routine.name if routine else "") or _default_name(started)
        session = WorkoutSession(
            uuid=self._new_uuid(),
            started_at=started,
            name=label,
            routine_id=routine.id if routine else None,
        )
        self.session = self._workouts.start_session(session)
        self.slots = []
        self.current_index = None
        self._undo.clear()
        if routine is not None:
            catalog = self._exercises()
            for planned in routine.exercises:
                exercise = catalog.get(planned.exercise_id)
                if exercise is None:
                    continue
                self._append_slot(
                    exercise,
                    {
                        "planned_sets": planned.sets,
                        "rep_min": planned.rep_min,
                        "rep_max": planned.rep_max,
                        "target_rir": planned.target_rir,
                        "failure_last_set": planned.failure_last_set,
                        "rest_s": planned.rest_s,
                        "group": planned.superset_group,
                    },
                )
            self._apply_groups(normalized([slot.group for slot in self.slots]))
            self.current_index = 0 if self.slots else None
        self._save_state()
        return self.session

    def summary(self) -> WorkoutSummary:
        """The numbers of the workout so far (or just finished): volume, hard sets, PRs, failures."""
        session = self._require_session()
        sets = self.all_sets()
        catalog = self._exercises()
        bases = {exercise_id: self._e1rm_basis(exercise_id) for exercise_id in {s.exercise_id for s in sets}}
        # Earlier workouts' bests, as History's PR list has them (two grouped queries, not every set).
        before = min([session.started_at, *(s.logged_at for s in sets)])
        bests = self._standings(bases.keys(), before) if bases else {}
        end = session.ended_at or self._now()
        return summarize_workout(sets, catalog, bests, session.started_at, end, bases)

    def finish(self, notes: str | None = None) -> tuple[WorkoutSession, WorkoutSummary]:
        """End the workout now; it moves to the history. Returns it with its summary."""
        session = self._require_session()
        last = max((s.logged_at for slot in self.slots for s in slot.sets), default=session.started_at)
        session.ended_at = max(self._now(), last)
        if notes is not None:
            session.notes = notes
        self._workouts.save_session(session)
        summary = self.summary()
        self._profile.set_state(OPEN_WORKOUT_KEY, None)
        self.session = None
        self.slots = []
        self.current_index = None
        self._undo.clear()
        return session, summary

    def discard(self) -> None:
        """Throw away the workout in progress (only allowed while it has no sets)."""
        session = self._require_session()
        if any(slot.sets for slot in self.slots):
            raise RuntimeError("This workout has sets; finish it instead (sets can be deleted one by one).")
        assert session.id is not None
        self._workouts.delete_session(session.id)
        self._profile.set_state(OPEN_WORKOUT_KEY, None)
        self.session = None
        self.slots = []
        self.current_index = None

    def set_notes(self, notes: str) -> None:
        """Change the workout's notes (saved at once)."""
        session = self._require_session()
        session.notes = notes.strip()
        self._workouts.save_session(session)

    def rename(self, name: str) -> None:
        """Change the workout's name (saved at once). Raises ValueError for a blank or very long name."""
        session = self._require_session()
        cleaned = name.strip()
        if not cleaned:
            raise ValueError("Give the workout a name.")
        if len(cleaned) > MAX_WORKOUT_NAME:
            raise ValueError(f"Keep the name under {MAX_WORKOUT_NAME} characters.")
        session.name = cleaned
        self._workouts.save_session(session)

    def set_exercise_note(self, index: int, text: str) -> WorkoutSlot:
        """Write the note of an exercise of the workout (blank text removes it); saved at once."""
        session = self._require_session()
        slot = self.slots[index]
        assert session.id is not None and slot.exercise.id is not None
        self._notes.set_note(session.id, slot.order, slot.exercise.id, text)
        slot.note = text.strip()
        return slot

    # --- exercises ------------------------------------------------------------------------------
    @property
    def current(self) -> WorkoutSlot | None:
        """The exercise being logged."""
        if self.current_index is None or not self.slots:
            return None
        return self.slots[self.current_index]

    def add_exercise(self, exercise: Exercise) -> WorkoutSlot:
        """Add an exercise to the workout (starting one if needed) and make it current.

        Adding the exercise that is already current does nothing; one already in the workout without
        sets becomes current instead of being added twice.
        """
        if self.session is None:
            self.start()
        for index, slot in enumerate(self.slots):
            if slot.exercise.id == exercise.id and not slot.sets:
                self.current_index = index
                self._save_state()
                return slot
        current = self.current
        if current is not None and current.exercise.id == exercise.id:
            return current
        slot = self._append_slot(exercise, {})
        self.current_index = len(self.slots) - 1
        self._save_state()
        return slot

    def select(self, index: int) -> WorkoutSlot:
        """Make another exercise of the workout current."""
        if not 0 <= index < len(self.slots):
            raise IndexError(index)
        self.current_index = index
        self._save_state()
        return self.slots[index]

    def remove_exercise(self, index: int) -> None:
        """Take an exercise without sets out of the workout."""
        slot = self.slots[index]
        if slot.sets:
            raise RuntimeError("Delete its sets first.")
        if slot.note and self.session is not None and self.session.id is not None:
            assert slot.exercise.id is not None
            self._notes.set_note(self.session.id, slot.order, slot.exercise.id, "")
        del self.slots[index]
        if slot.group is not None:  # a group left with one exercise is no group; renumber the others
            self._apply_groups(normalized([s.group for s in self.slots]))
        if not self.slots:
            self.current_index = None
        elif self.current_index is not None and self.current_index >= len(self.slots):
            self.current_index = len(self.slots) - 1
        self._save_state()

    # --- sets -----------------------------------------------------------------------------------
    def log_set(
        self,
        weight_kg: float,
        reps: int,
        set_type: SetType = SetType.WORKING,
        unit_shown: WeightUnit = WeightUnit.KG,
        rest_before_s: int | None = None,
        notes: str = "",
    ) -> SetEntry:
        """Log a set of the current exercise; committed before returning. Raises InvalidSetError."""
        session = self._require_session()
        slot = self.current
        if slot is None:
            raise RuntimeError("Add an exercise first.")
        check_load(weight_kg, slot.exercise.assisted)
        assert session.id is not None and slot.exercise.id is not None
        entry = SetEntry(
            uuid=self._new_uuid(),
            session_id=session.id,
            exercise_id=slot.exercise.id,
            exercise_order=slot.order,
            set_order=max((s.set_order for s in slot.sets), default=-1) + 1,
            set_type=set_type,
            weight_kg=weight_kg,
            reps=reps,
            logged_at=self._now(),
            rest_before_s=rest_before_s,
            unit_shown=unit_shown,
            notes=notes,
            superset_group=slot.group,
        )
        self._workouts.add_set(entry)
        slot.sets.append(entry)
        return entry

    def rate(self, entry: SetEntry, rating: Rating | None) -> SetEntry:
        """Record (or change, or clear with None) how close to failure a set was."""
        if rating is None:
            updated = replace(entry, rir=None, failure=FailureKind.NONE)
        else:
            updated = replace(entry, rir=rating.rir, failure=rating.failure)
        self._workouts.save_set(updated)
        self._replace_in_slots(updated)
        return updated

    def edit(self, entry: SetEntry, **changes: object) -> SetEntry:
        """Change weight, reps, set type or notes of a logged set (validated like a new one)."""
        updated = replace(entry, **changes)  # type: ignore[arg-type]
        exercise = self._exercises().get(updated.exercise_id)
        check_load(updated.weight_kg, exercise.assisted if exercise else False)
        if updated.set_type is SetType.WARMUP:
            updated.rir, updated.failure = None, FailureKind.NONE
        self._workouts.save_set(updated)
        self._replace_in_slots(updated)
        return updated

    def delete(self, entry: SetEntry) -> None:
        """Delete a set; `undo_delete` brings it back."""
        assert entry.id is not None
        removed = self._workouts.delete_set(entry.id)
        if removed is None:
            return
        for slot in self.slots:
            slot.sets = [s for s in slot.sets if s.id != entry.id]
        self._undo.append(removed)

    @property
    def can_undo(self) -> bool:
        """Whether a deleted set can be brought back."""
        return bool(self._undo)

    def undo_delete(self) -> SetEntry | None:
        """Restore the most recently deleted set in its place."""
        if not self._undo:
            return None
        entry = self._undo.pop()
        slot = self._slot_for_order(entry.exercise_order)
        if slot is not None and entry.superset_group != slot.group:  # regrouped since it was deleted
            entry = replace(entry, superset_group=slot.group)
        self._workouts.restore_set(entry)
        if slot is not None:
            slot.sets.append(entry)
            slot.sets.sort(key=lambda s: s.set_order)
        return entry

    def brief(self, slot: WorkoutSlot, settings: Settings, first_compound_today: bool) -> ExerciseBrief:
        """Last time's sets, today's suggestion and warm-ups for an exercise of this workout."""
        session = self._require_session()
        return build_brief(
            self._workouts,
            slot.exercise,
            session.id,
            session.started_at,
            settings,
            first_compound_today,
            slot.sets,
            slot.plan,
            self._rir_bias(slot.exercise.id) if slot.exercise.id is not None else 0.0,
            self._last_time_sets(session, slot.exercise),
        )

    def forget_history(self) -> None:
        """Read "last time" again (call after sets of earlier workouts changed, e.g. an import)."""
        self._last_time.clear()

    def exercises_changed(self) -> None:
        """Take the workout's exercises afresh from the catalog (a custom exercise was renamed or changed)."""
        catalog = self._exercises()
        for slot in self.slots:
            if slot.exercise.id is not None and slot.exercise.id in catalog:
                slot.exercise = catalog[slot.exercise.id]

    def _last_time_sets(self, session: WorkoutSession, exercise: Exercise) -> list[SetEntry]:
        """The sets of the last earlier workout with `exercise`, kept while this workout (and start) last."""
        assert session.id is not None and exercise.id is not None
        key = (session.id, session.started_at, exercise.id)
        sets = self._last_time.get(key)
        if sets is None:
            if any(k[:2] != key[:2] for k in self._last_time):
                self._last_time.clear()  # another workout, or its start was changed: start afresh
            sets = self._workouts.previous_sets(exercise.id, session.started_at, exclude_session=session.id)
            self._last_time[key] = sets
        return list(sets)

    def all_sets(self) -> list[SetEntry]:
        """Every set of the workout, in workout order."""
        return [s for slot in self.slots for s in slot.sets]

    def set_groups(self, groups: list[int | None]) -> None:
        """Group the workout's exercises (one group number or None per slot, as domain.supersets makes
        them); the sets already logged follow their exercise, committed before this returns."""
        self._require_session()
        if len(groups) != len(self.slots):
            raise ValueError("One group per exercise of the workout.")
        self._apply_groups(normalized(groups))
        self._save_state()

    # --- internals ------------------------------------------------------------------------------
    def _require_session(self) -> WorkoutSession:
        if self.session is None:
            raise RuntimeError("No workout in progress.")
        return self.session

    def _append_slot(self, exercise: Exercise, plan: dict[str, object]) -> WorkoutSlot:
        stored_order = _opt_int(plan.get("order"))
        order = (
            stored_order if stored_order is not None else max((s.order for s in self.slots), default=-1) + 1
        )
        slot = WorkoutSlot(
            exercise=exercise,
            order=order,
            planned_sets=_opt_int(plan.get("planned_sets")),
            rep_min=_opt_int(plan.get("rep_min")),
            rep_max=_opt_int(plan.get("rep_max")),
            target_rir=_opt_int(plan.get("target_rir")),
            failure_last_set=bool(plan.get("failure_last_set", False)),
            rest_s=_opt_int(plan.get("rest_s")),
            group=_opt_int(plan.get("group")),
        )
        self.slots.append(slot)
        return slot

    def _apply_groups(self, groups: list[int | None]) -> None:
        """Set the slots' groups and write them to their sets (and to the open-workout state)."""
        changed = False
        for slot, group in zip(self.slots, groups, strict=True):
            slot.group = group
            if any(s.superset_group != group for s in slot.sets):
                changed = True
                slot.sets = [replace(s, superset_group=group) for s in slot.sets]
        if changed and self.session is not None and self.session.id is not None:
            self._workouts.set_superset_groups(self.session.id, {s.order: s.group for s in self.slots})

    def _slot_for_order(self, order: int) -> WorkoutSlot | None:
        return next((s for s in self.slots if s.order == order), None)

    def _replace_in_slots(self, updated: SetEntry) -> None:
        for slot in self.slots:
            slot.sets = [updated if s.id == updated.id else s for s in slot.sets]

    def _save_state(self) -> None:
        if self.session is None:
            return
        self._profile.set_state(
            OPEN_WORKOUT_KEY,
            {
                "session_id": self.session.id,
                "current": self.current_index,
                "slots": [
                    {
                        "exercise_id": slot.exercise.id,
                        "order": slot.order,
                        "planned_sets": slot.planned_sets,
                        "rep_min": slot.rep_min,
                        "rep_max": slot.rep_max,
                        "target_rir": slot.target_rir,
                        "failure_last_set": slot.failure_last_set,
                        "rest_s": slot.rest_s,
                        "group": slot.group,
                    }
                    for slot in self.slots
                ],
            },
        )


def _opt_int(value: object) -> int | None:
    return int(value) if isinstance(value, int | float) else None


def _default_name(started: datetime) -> str:
    hour = started.astimezone().hour
    if hour < 11:
        return "Morning workout"
    if hour < 17:
        return "Afternoon workout"
    return "Evening workout"
