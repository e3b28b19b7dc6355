"""The RIR prompt cut short by a crash is offered again only for the workout's last, fresh, unrated set."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from gym_companion.domain.model import FailureKind, SetEntry, SetType
from gym_companion.services.resume_rating import rating_to_offer

NOW = datetime(2026, 3, 2, 18, 0, tzinfo=UTC)


def entry(
    minutes_ago: float, order: int, set_type: SetType = SetType.WORKING, rir: int | None = None
) -> SetEntry:
    return SetEntry(
        uuid=f"s{order}",
        session_id=1,
        exercise_id=1,
        exercise_order=0,
        set_order=order,
        set_type=set_type,
        weight_kg=100.0,
        reps=5,
        logged_at=NOW - timedelta(minutes=minutes_ago),
        rir=rir,
    )


def test_the_last_unrated_working_set_of_the_last_minutes_is_offered() -> None:
    rated, unrated = entry(4, 0, rir=2), entry(1, 1)
    assert rating_to_offer([rated, unrated], NOW) is unrated


@pytest.mark.parametrize("minutes_ago", [0, 9.99, 10])
def test_up_to_ten_minutes_counts(minutes_ago: float) -> None:
    last = entry(minutes_ago, 0)
    assert rating_to_offer([last], NOW) is last


@pytest.mark.parametrize(
    "sets",
    [
        [],
        [entry(10.01, 0)],  # too long ago: the lifter has moved on
        [entry(-1, 0)],  # logged "after now": a clock that went back; do not guess
        [entry(1, 0, rir=0)],  # rated
        [replace(entry(1, 0), failure=FailureKind.TECHNICAL)],  # rated as failure (rir stays None here)
        [entry(1, 0, SetType.WARMUP)],  # warm-ups are never rated
        [entry(3, 0), entry(1, 1, SetType.WARMUP)],  # something was logged after the unrated set
        [entry(3, 0), entry(1, 1, rir=1)],
    ],
)
def test_nothing_is_offered_otherwise(sets: list[SetEntry]) -> None:
    assert rating_to_offer(sets, NOW) is None


def test_sets_logged_in_the_same_instant_are_ordered_as_in_the_workout() -> None:
    rated, unrated = entry(1, 0, rir=2), entry(1, 1)
    assert rating_to_offer([rated, unrated], NOW) is unrated
    assert rating_to_offer([unrated, rated], NOW) is None


def test_a_drop_set_is_offered_like_a_working_set() -> None:
    drop = entry(0.5, 1, SetType.DROP)
    assert rating_to_offer([entry(1, 0, rir=0), drop], NOW) is drop
