"""Supersets and circuits in the workout in progress: grouping exercises, and where logging goes next.

The rotation rules are domain.supersets; the grouping is kept by the workout log (its slots, their sets'
superset_group and the open-workout state), so this only decides and asks the log to change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from gym_companion.domain.model import FailureKind, SetEntry, SetType
from gym_companion.domain.rest_countdown import rest_duration_for
from gym_companion.domain.settings import Settings
from gym_companion.domain.supersets import (
    group_labels,
    hardest_failure,
    join_previous,
    leave_group,
    members,
    next_in_round,
    round_sets,
)
from gym_companion.services.workout_log import WorkoutLog, WorkoutSlot


@dataclass(frozen=True, slots=True)
class RoundRest:
    """What follows a set of a grouped exercise: the next exercise, and the timer to run before it.

    `round_done` False: a change-over of `seconds` to the next member; True: the rest after the round,
    `seconds` being the longest rest of the round's exercises plus the extension after failure (F8) when
    any set of the round ended in failure.
    """

    next_index: int | None
    moved: bool
    round_done: bool
    seconds: int
    failure: FailureKind
    caption: str
    why: str


@dataclass(frozen=True, slots=True)
class RoundPreview:
    """What the next set of the current (grouped) exercise leads to, for the hint under the list."""

    letter: str
    size: int
    next_name: str | None  # None: every planned set of the group is done after it
    round_done: bool
    change_over_s: int

    def text(self) -> str:
        """'Superset A · after this set: Barbell Row (0:15 change-over)', '… rest, then Bench Press'."""
        kind = "Superset" if self.size == 2 else "Circuit"
        if self.next_name is None:
            return f"{kind} {self.letter} · after this set: rest — its planned sets are done"
        if self.round_done:
            return f"{kind} {self.letter} · after this set: rest, then {self.next_name}"
        change = f"{_clock(self.change_over_s)} change-over" if self.change_over_s else "no timer"
        return f"{kind} {self.letter} · after this set: {self.next_name} ({change})"


class SupersetRounds:
    """Groups exercises of the workout and moves logging round the group after each set."""

    def __init__(self, log: WorkoutLog, settings: Callable[[], Settings]) -> None:
        self._log = log
        self._settings = settings

    def labels(self) -> list[str]:
        """'A1', 'A2', '' … for the workout's exercises, in order."""
        return group_labels([slot.group for slot in self._log.slots])

    def group_with_previous(self, index: int | None = None) -> str:
        """Group the exercise at `index` (default: the current one) with the one before it; returns what
        happened in words. Raises ValueError with a message for the lifter when it cannot be done."""
        log = self._log
        index = self._index(index)
        groups = join_previous([slot.group for slot in log.slots], index)
        log.set_groups(groups)
        together = [log.slots[i].exercise.name for i in members(groups, index)]
        letter = self.labels()[index].rstrip("0123456789")
        kind = "Superset" if len(together) == 2 else "Circuit"
        return f"{kind} {letter}: {' → '.join(together)}. Ctrl+Shift+G takes an exercise out."

    def ungroup(self, index: int | None = None) -> str:
        """Take the exercise at `index` (default: the current one) out of its group; returns what
        happened. Raises ValueError when it is not grouped."""
        log = self._log
        index = self._index(index)
        slot = log.slots[index]
        if slot.group is None:
            raise ValueError(f"{slot.exercise.name} is not in a superset.")
        log.set_groups(leave_group([s.group for s in log.slots], index))
        return f"{slot.exercise.name} is on its own again."

    def preview(self) -> RoundPreview | None:
        """For the current exercise, when grouped: what follows its next working set."""
        log = self._log
        index = log.current_index
        if index is None or not 0 <= index < len(log.slots) or log.slots[index].group is None:
            return None
        sets_left = [_sets_left(slot, 1 if i == index else 0) for i, slot in enumerate(log.slots)]
        step = next_in_round([slot.group for slot in log.slots], index, sets_left)
        letter = self.labels()[index].rstrip("0123456789")
        size = len(members([slot.group for slot in log.slots], index))
        following = None if step.next_index is None else log.slots[step.next_index].exercise.name
        return RoundPreview(letter, size, following, step.round_done, self._settings().superset_transition_s)

    def after_set(self, entry: SetEntry) -> RoundRest | None:
        """After a working or drop set of a grouped exercise: make the next member current and say which
        timer follows. None for warm-ups and ungrouped exercises (the usual rest applies)."""
        log = self._log
        if entry.set_type is SetType.WARMUP:
            return None
        index = next((i for i, s in enumerate(log.slots) if s.order == entry.exercise_order), None)
        if index is None or log.slots[index].group is None:
            return None
        groups = [slot.group for slot in log.slots]
        step = next_in_round(groups, index, [_sets_left(slot) for slot in log.slots])
        moved = step.next_index is not None and step.next_index != log.current_index
        if step.next_index is not None and moved:
            log.select(step.next_index)
        settings = self._settings()
        if not step.round_done and step.next_index is not None:
            following = log.slots[step.next_index].exercise.name
            return RoundRest(
                step.next_index,
                moved,
                False,
                settings.superset_transition_s,
                FailureKind.NONE,
                f"Change-over → {following}",
                "The short change-over between the exercises of a superset (Preferences › Rest timer); "
                "the rest comes after the round.",
            )
        return self._round_rest(index, step.next_index, moved, settings)

    def _round_rest(self, index: int, next_index: int | None, moved: bool, settings: Settings) -> RoundRest:
        log = self._log
        group = [log.slots[i] for i in members([slot.group for slot in log.slots], index)]
        positions = {slot.order: position for position, slot in enumerate(group)}
        done = round_sets(
            sorted((s for slot in group for s in slot.sets), key=lambda s: s.logged_at), positions
        )
        in_round = [slot for slot in group if any(s.exercise_order == slot.order for s in done)] or group
        longest = max(in_round, key=lambda slot: _rest_of(slot, settings))
        base = _rest_of(longest, settings)
        failure = hardest_failure(done)
        seconds = rest_duration_for(
            base, failure, SetType.WORKING, settings.rest_after_technical_s, settings.rest_after_absolute_s
        )
        finished = next_index is None
        caption = "Rest — superset done" if finished else "Rest after the round"
        if failure is not FailureKind.NONE:
            caption += " (longer after failure)"
        why = f"The longest rest of the round's exercises: {longest.exercise.name}, {_clock(base)}"
        if failure is not FailureKind.NONE:
            why += f", plus {_clock(seconds - base)} after {failure.value} failure in the round (F8)"
        return RoundRest(next_index, moved, True, seconds, failure, caption, why + ".")

    def _index(self, index: int | None) -> int:
        if index is None:
            index = self._log.current_index
        if index is None or not 0 <= index < len(self._log.slots):
            raise ValueError("Add an exercise first (Ctrl+E).")
        return index


def _sets_left(slot: WorkoutSlot, coming: int = 0) -> bool:
    """Whether an exercise stays in the rotation (after `coming` more sets): without a plan always, with
    one until it is done."""
    plan = slot.plan
    return plan is None or slot.planned_working_sets + coming < plan.sets


def _rest_of(slot: WorkoutSlot, settings: Settings) -> int:
    """An exercise's rest: the routine's for it, else the lifter's default for its kind, else its own."""
    return slot.rest_s if slot.rest_s is not None else settings.default_rest_s(slot.exercise)


def _clock(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"
