"""Supersets and circuits: grouping, labels, the round rotation, the sets of a round, the summary lines."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from gym_companion.domain.model import FailureKind, SetEntry, SetType
from gym_companion.domain.supersets import (
    RoundStep,
    SupersetLine,
    describe_groups,
    group_labels,
    group_places,
    hardest_failure,
    join_previous,
    labels_by_order,
    leave_group,
    members,
    next_in_round,
    normalized,
    round_sets,
)

T0 = datetime(2026, 3, 2, 17, 0, tzinfo=UTC)


def _set(order: int, minute: int, set_type: SetType = SetType.WORKING, **fields: object) -> SetEntry:
    return SetEntry(
        uuid=f"{order}-{minute}",
        session_id=1,
        exercise_id=10 + order,
        exercise_order=order,
        set_order=minute,
        set_type=set_type,
        weight_kg=50.0,
        reps=8,
        logged_at=T0 + timedelta(minutes=minute),
        **fields,  # type: ignore[arg-type]
    )


# --- grouping -----------------------------------------------------------------------------------
def test_numbers_follow_first_appearance_and_a_lone_member_is_no_group() -> None:
    assert normalized([7, 7, None, 3, 3, 3]) == [1, 1, None, 2, 2, 2]
    assert normalized([5, None, 2, 2]) == [None, None, 1, 1]  # 5 alone: dissolved, 2 renumbered
    assert normalized([]) == []


def test_grouping_with_the_previous_exercise_builds_supersets_then_circuits() -> None:
    groups = join_previous([None, None, None, None], 1)
    assert groups == [1, 1, None, None]
    groups = join_previous(groups, 2)  # the third joins A: a circuit
    assert groups == [1, 1, 1, None]
    assert join_previous([None, None, 1, 1], 1) == [1, 1, 2, 2]  # a new group before an existing one


def test_joining_links_whole_groups() -> None:
    # A = 0,1 and B = 2,3: linking 2 to 1 makes one circuit of four
    assert join_previous([1, 1, 2, 2], 2) == [1, 1, 1, 1]
    # a grouped exercise pulls the ungrouped one before it into its group
    assert join_previous([None, None, 1, 1], 2) == [None, 1, 1, 1]
    assert join_previous([1, 1, 1], 1) == [1, 1, 1]  # already together: nothing changes


def test_the_first_exercise_cannot_join_a_previous_one() -> None:
    with pytest.raises(ValueError, match="one before it"):
        join_previous([None, None], 0)


def test_leaving_a_group_dissolves_a_pair_and_keeps_a_circuit() -> None:
    assert leave_group([1, 1, None], 1) == [None, None, None]
    assert leave_group([1, 1, 1], 0) == [None, 1, 1]
    assert members([None, 1, None, 1], 3) == [1, 3]
    assert members([None, 1, 1], 0) == [0]


def test_labels_letter_groups_in_order_and_number_members() -> None:
    assert group_labels([None, 2, 2, None, 1, 1, 1]) == ["", "A1", "A2", "", "B1", "B2", "B3"]
    assert group_labels([4, None]) == ["", ""]  # a lone number is not a group
    many = [g for g in range(1, 29) for _ in range(2)]
    assert group_labels(many)[-2:] == ["AB1", "AB2"]  # 28 groups: Z, then AA, AB


# --- rotation -----------------------------------------------------------------------------------
def test_rotation_runs_in_order_and_the_wrap_ends_the_round() -> None:
    groups, left = [1, 1, 1], [True, True, True]
    assert next_in_round(groups, 0, left) == RoundStep(1, False)
    assert next_in_round(groups, 1, left) == RoundStep(2, False)
    assert next_in_round(groups, 2, left) == RoundStep(0, True)  # A3 → A1: rest after the round


def test_an_exercise_whose_sets_are_done_drops_out() -> None:
    # A2 (index 1) is done: A1 → A3 → A1
    assert next_in_round([1, 1, 1], 0, [True, False, True]) == RoundStep(2, False)
    assert next_in_round([1, 1, 1], 2, [True, False, True]) == RoundStep(0, True)
    # only A1 is left: each of its sets is a round of its own
    assert next_in_round([1, 1], 0, [True, False]) == RoundStep(0, True)
    # everything done: no next exercise, and the rest follows
    assert next_in_round([1, 1], 1, [False, False]) == RoundStep(None, True)


def test_rotation_stays_inside_the_group_across_other_exercises() -> None:
    groups = [None, 1, None, 1]  # A1 at 1, A2 at 3, ungrouped exercises around them
    left = [True, True, True, True]
    assert next_in_round(groups, 1, left) == RoundStep(3, False)
    assert next_in_round(groups, 3, left) == RoundStep(1, True)


# --- the sets of a round --------------------------------------------------------------------------
def test_the_round_goes_back_while_members_come_earlier() -> None:
    positions = {0: 0, 1: 1}  # exercise_order → place in the group
    sets = [_set(0, 0), _set(1, 1), _set(0, 2), _set(1, 3)]
    assert [s.uuid for s in round_sets(sets, positions)] == ["0-2", "1-3"]
    # a lone A1 after A2 finished: its set is its round
    assert [s.uuid for s in round_sets([*sets, _set(0, 4)], positions)] == ["0-4"]


def test_a_drop_set_continues_its_set_and_warm_ups_are_not_in_rounds() -> None:
    positions = {0: 0, 1: 1}
    sets = [_set(0, 0, SetType.WARMUP), _set(0, 1), _set(0, 2, SetType.DROP), _set(1, 3)]
    assert [s.uuid for s in round_sets(sets, positions)] == ["0-1", "0-2", "1-3"]
    assert round_sets([_set(0, 0, SetType.WARMUP)], positions) == []


def test_the_hardest_failure_of_a_round_decides_the_extension() -> None:
    technical = _set(0, 0, failure=FailureKind.TECHNICAL, rir=0)
    absolute = _set(1, 1, failure=FailureKind.ABSOLUTE, rir=0)
    assert hardest_failure([technical, _set(1, 2)]) is FailureKind.TECHNICAL
    assert hardest_failure([technical, absolute]) is FailureKind.ABSOLUTE
    assert hardest_failure([_set(0, 3)]) is FailureKind.NONE


# --- stored sets: labels and the summary lines ----------------------------------------------------
def test_stored_sets_give_labels_and_rounds_per_group() -> None:
    sets = [
        _set(0, 0, superset_group=None),
        _set(1, 1, SetType.WARMUP, superset_group=4),
        _set(1, 2, superset_group=4),
        _set(2, 3, superset_group=4),
        _set(1, 4, superset_group=4),
        _set(2, 5, superset_group=4),
        _set(1, 6, superset_group=4),  # A1 did a third working set; A2 two
    ]
    assert labels_by_order(sets) == {1: "A1", 2: "A2"}
    names = {10: "Squat", 11: "Bench Press", 12: "Barbell Row"}
    lines = describe_groups(sets, names)
    # a round needs a set of each: two rounds, and A1's third set is said as such
    assert lines == [SupersetLine("A", ("Bench Press", "Barbell Row"), 2, (3, 2))]
    assert lines[0].text() == "A — Bench Press + Barbell Row, 2 rounds (3 + 2 sets)"
    even = describe_groups(sets[:-1], names)
    assert even[0].text() == "A — Bench Press + Barbell Row, 2 rounds"
    assert lines[0].kind == "superset"
    assert SupersetLine("B", ("a", "b", "c"), 1).text() == "B — a + b + c, 1 round"
    assert SupersetLine("B", ("a", "b", "c"), 1).kind == "circuit"


def test_sets_before_the_grouping_are_not_rounds() -> None:
    """QA: four bench sets, then grouped with a row and one row set, read "4 rounds"."""
    sets = [_set(0, minute, superset_group=1) for minute in range(4)] + [_set(1, 4, superset_group=1)]
    lines = describe_groups(sets, {10: "Bench Press", 11: "Barbell Row"})
    assert lines[0].rounds == 1
    assert lines[0].text() == "A — Bench Press + Barbell Row, 1 round (4 + 1 sets)"


def test_a_member_without_working_sets_means_no_round_yet() -> None:
    sets = [_set(0, 0, superset_group=1), _set(1, 1, SetType.WARMUP, superset_group=1)]
    assert (
        describe_groups(sets, {10: "Squat", 11: "Pull-Up"})[0].text()
        == "A — Squat + Pull-Up, 0 rounds (1 + 0 sets)"
    )


def test_imported_groups_numbered_from_zero_still_count() -> None:
    # Hevy numbers its supersets from 0: group 0 is a group, not "none"
    sets = [_set(0, 0, superset_group=0), _set(1, 1, superset_group=0), _set(2, 2)]
    assert labels_by_order(sets) == {0: "A1", 1: "A2"}


def test_places_know_their_label_and_their_group() -> None:
    places = group_places([None, 1, 1, 1, None, 2, 2])
    assert places[0] is None and places[4] is None
    assert [p.label for p in places if p] == ["A1", "A2", "A3", "B1", "B2"]
    assert places[2] is not None and places[2].members == (1, 2, 3) and places[2].kind == "Circuit"
    assert places[6] is not None and places[6].letter == "B" and places[6].kind == "Superset"
