"""Supersets and circuits: exercises done in rounds, one set of each in turn, rest after the round.

A workout (or a routine) is a list of exercises; each has a group number or None. Exercises sharing a
number form one superset (two exercises) or circuit (three or more), lettered A, B, … in workout order,
their members numbered in order: A1, A2, A3. Logging moves round the group — A1 → A2 → A3 → A1 … — and
an exercise whose planned sets are done drops out of the rotation. Between members there is a short
change-over; the rest comes after the last exercise of a round.

Group numbers are kept normalised: 1, 2, 3 … by first appearance, and a group needs two members (a lone
exercise is simply not grouped). Pure functions only; the workout log and the routine book apply them.
"""

from __future__ import annotations

import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from gym_companion.domain.model import FailureKind, SetEntry, SetType

Groups = Sequence[int | None]
_LETTERS = string.ascii_uppercase


def normalized(groups: Groups) -> list[int | None]:
    """The same grouping numbered 1, 2, … by first appearance; groups of one member are dissolved."""
    sizes: dict[int, int] = {}
    for group in groups:
        if group is not None:
            sizes[group] = sizes.get(group, 0) + 1
    numbers: dict[int, int] = {}
    result: list[int | None] = []
    for group in groups:
        if group is None or sizes[group] < 2:
            result.append(None)
            continue
        result.append(numbers.setdefault(group, len(numbers) + 1))
    return result


def join_previous(groups: Groups, index: int) -> list[int | None]:
    """Link exercise `index` with the exercise before it: their groups become one (a new group of the two
    when neither is grouped). Raises ValueError for the first exercise."""
    if not 0 < index < len(groups):
        raise ValueError("Group an exercise with the one before it: pick the second exercise or a later one.")
    changed = list(groups)
    previous, own = changed[index - 1], changed[index]
    if previous is None and own is None:
        previous = max((g for g in changed if g is not None), default=0) + 1
    if previous is None:  # the one before joins this exercise's group
        changed[index - 1] = own
    else:  # this exercise, with any group it is in, joins the group before it
        changed = [
            previous if i == index or (own is not None and g == own) else g for i, g in enumerate(changed)
        ]
        changed[index - 1] = previous
    return normalized(changed)


def leave_group(groups: Groups, index: int) -> list[int | None]:
    """Take exercise `index` out of its group (a group left with one exercise is dissolved)."""
    changed = list(groups)
    changed[index] = None
    return normalized(changed)


def group_labels(groups: Groups) -> list[str]:
    """'A1', 'A2', '' … per exercise: letters by the order groups first appear, members in order."""
    letters: dict[int, str] = {}
    counts: dict[int, int] = {}
    labels: list[str] = []
    for group in normalized(groups):
        if group is None:
            labels.append("")
            continue
        letter = letters.setdefault(group, _letter(len(letters)))
        counts[group] = counts.get(group, 0) + 1
        labels.append(f"{letter}{counts[group]}")
    return labels


@dataclass(frozen=True, slots=True)
class GroupPlace:
    """Where one exercise sits in its group, for lists that show the group as one block."""

    label: str  # 'A2'
    letter: str  # 'A'
    members: tuple[int, ...]  # positions of the group's exercises, in order

    @property
    def kind(self) -> str:
        """'Superset' for two exercises, 'Circuit' for more."""
        return "Superset" if len(self.members) == 2 else "Circuit"


def group_places(groups: Groups) -> list[GroupPlace | None]:
    """Per exercise its place in its group (None when not grouped)."""
    labels = group_labels(groups)
    by_letter: dict[str, list[int]] = {}
    for index, label in enumerate(labels):
        if label:
            by_letter.setdefault(label.rstrip("0123456789"), []).append(index)
    places: list[GroupPlace | None] = []
    for label in labels:
        letter = label.rstrip("0123456789")
        places.append(GroupPlace(label, letter, tuple(by_letter[letter])) if label else None)
    return places


def members(groups: Groups, index: int) -> list[int]:
    """The positions of the exercises in the same group as `index` (just [index] when not grouped)."""
    group = groups[index]
    if group is None:
        return [index]
    return [i for i, g in enumerate(groups) if g == group]


@dataclass(frozen=True, slots=True)
class RoundStep:
    """Where logging goes after a set of a grouped exercise.

    `next_index` is the exercise to log next (None when every member's planned sets are done);
    `round_done` says the round is over, so the full rest follows instead of the change-over.
    """

    next_index: int | None
    round_done: bool


def next_in_round(groups: Groups, index: int, sets_left: Sequence[bool]) -> RoundStep:
    """After a set of exercise `index`: the next member of its group that still has sets to do.

    The rotation runs in workout order and wraps round (A1 → A2 → A3 → A1); `sets_left[i]` is False once
    exercise i has done its planned sets, and such an exercise is passed over. Wrapping round (or staying
    on the same exercise, the last one left) ends the round.
    """
    group_members = members(groups, index)
    after = [i for i in group_members if i > index]
    before = [i for i in group_members if i <= index]
    following = next((i for i in after + before if sets_left[i]), None)
    return RoundStep(following, following is None or following <= index)


def round_sets(sets: Sequence[SetEntry], positions: Mapping[int, int]) -> list[SetEntry]:
    """The sets of the round that ends with the last of `sets` (a group's sets in the order logged).

    `positions` maps an exercise's place in the workout (exercise_order) to its place in the group. A
    round runs through the group in order, so going back from the last set, the round goes on while each
    earlier set belongs to an earlier member — or to the same member, when the later set is a drop set
    that continued it. Warm-ups are not part of rounds.
    """
    work = [s for s in sets if s.set_type is not SetType.WARMUP and s.exercise_order in positions]
    if not work:
        return []
    chosen = [work[-1]]
    for earlier in reversed(work[:-1]):
        later = chosen[-1]
        before, after = positions[earlier.exercise_order], positions[later.exercise_order]
        if before < after or (before == after and later.set_type is SetType.DROP):
            chosen.append(earlier)
        else:
            break
    chosen.reverse()
    return chosen


def hardest_failure(sets: Sequence[SetEntry]) -> FailureKind:
    """The most costly failure among `sets` (absolute over technical over none), for the rest after a
    round: failure anywhere in the round earns the longer rest (F8)."""
    kinds = {s.failure for s in sets}
    for kind in (FailureKind.ABSOLUTE, FailureKind.TECHNICAL):
        if kind in kinds:
            return kind
    return FailureKind.NONE


@dataclass(frozen=True, slots=True)
class SupersetLine:
    """One group of a finished workout: its letter, its exercises in order, the rounds done (rounds in
    which every member did a working set: the fewest working sets of any member) and, per member, its
    working sets (empty: as many as the rounds)."""

    letter: str
    exercise_names: tuple[str, ...]
    rounds: int
    sets: tuple[int, ...] = ()

    @property
    def kind(self) -> str:
        """'superset' for two exercises, 'circuit' for more."""
        return "superset" if len(self.exercise_names) == 2 else "circuit"

    def text(self) -> str:
        """'A — Bench Press + Barbell Row, 3 rounds'; members with sets beyond the rounds say how many,
        in the same order: 'A — Bench Press + Barbell Row, 1 round (4 + 1 sets)'."""
        rounds = f"{self.rounds} round{'' if self.rounds == 1 else 's'}"
        if any(count != self.rounds for count in self.sets):
            rounds += f" ({' + '.join(str(count) for count in self.sets)} sets)"
        return f"{self.letter} — {' + '.join(self.exercise_names)}, {rounds}"


def labels_by_order(sets: Sequence[SetEntry]) -> dict[int, str]:
    """Stored sets' labels per exercise_order ('A1', …), from their superset_group; grouped ones only."""
    by_order: dict[int, int | None] = {}
    for entry in sets:
        if entry.superset_group is not None or entry.exercise_order not in by_order:
            by_order[entry.exercise_order] = entry.superset_group
    orders = sorted(by_order)
    labels = group_labels([by_order[o] for o in orders])
    return {order: label for order, label in zip(orders, labels, strict=True) if label}


def describe_groups(sets: Sequence[SetEntry], names: Mapping[int, str]) -> list[SupersetLine]:
    """The groups of a workout's sets (from their superset_group), for the summary and History.

    A round is one working set of every member, so the rounds are the fewest working sets of any member
    (warm-ups and drop sets are not rounds); sets beyond them are listed per member.
    """
    labels = labels_by_order(sets)
    lines: dict[str, tuple[list[str], list[int]]] = {}
    for order in sorted(labels):
        letter = labels[order].rstrip("0123456789")
        of_exercise = [s for s in sets if s.exercise_order == order]
        name = names.get(of_exercise[0].exercise_id, "Unknown exercise")
        working = sum(1 for s in of_exercise if s.set_type is SetType.WORKING)
        exercise_names, counts = lines.setdefault(letter, ([], []))
        exercise_names.append(name)
        counts.append(working)
    return [
        SupersetLine(letter, tuple(n), min(counts), tuple(counts)) for letter, (n, counts) in lines.items()
    ]


def _letter(number: int) -> str:
    """A, B, … Z, then AA, AB … (more than 26 groups in one workout is unlikely but not an error)."""
    if number < len(_LETTERS):
        return _LETTERS[number]
    return _letter(number // len(_LETTERS) - 1) + _LETTERS[number % len(_LETTERS)]
