"""Personal records on hand-made workouts: what counts, ties, baselines, rep PRs per load."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from gym_companion.domain.e1rm import set_e1rm
from gym_companion.domain.model import FailureKind, SetEntry, SetType
from gym_companion.domain.records import (
    Best,
    Lift,
    RecordKind,
    Standing,
    WorkoutBests,
    load_key,
    record_timeline,
    records_in,
    workout_bests,
)

DAY1 = datetime(2025, 3, 3, 18, 0, tzinfo=UTC)
W, WU, DROP = SetType.WORKING, SetType.WARMUP, SetType.DROP
NONE, ABS = FailureKind.NONE, FailureKind.ABSOLUTE


def day(n: int) -> datetime:
    return DAY1 + timedelta(days=n)


def entry(
    kg: float, reps: int, rir: int | None = 2, set_type: SetType = W, when: datetime = DAY1
) -> SetEntry:
    failure = ABS if rir == 0 else NONE
    return SetEntry(str(uuid.uuid4()), 1, 7, 0, 0, set_type, kg, reps, when, rir=rir, failure=failure)


def e1rm(s: SetEntry) -> float | None:
    return set_e1rm(s.set_type, s.weight_kg, s.reps, s.rir, s.failure)


def bests(when: datetime, *sets: SetEntry) -> WorkoutBests:
    found = workout_bests(7, [s for s in sets], e1rm)
    assert found is not None
    return WorkoutBests(7, when, found.heaviest, found.best_e1rm_kg, found.best_e1rm_lift, found.most_reps)


def test_workout_bests_take_the_heaviest_load_the_best_e1rm_and_most_reps_per_load() -> None:
    found = workout_bests(
        7,
        [
            entry(60, 8, None, WU),  # warm-ups never count
            entry(100, 5, 2),  # n = 7 -> 81.1 % -> 123.30 kg
            entry(100, 6, 0),  # failure, n = 6 -> 83.7 % -> 119.47 kg
            entry(102.5, 3, 3),  # n = 6 -> 122.46 kg
            entry(80, 10, 0, DROP),  # n = 10 -> 73.9 % -> 108.25 kg
        ],
        e1rm,
    )
    assert found is not None
    assert found.heaviest == Lift(102.5, 3)
    assert found.best_e1rm_kg == pytest.approx(100 / 0.811)
    assert found.best_e1rm_lift == Lift(100, 5, 2, NONE)
    assert dict(found.most_reps) == {100.0: 6, 102.5: 3, 80.0: 10}
    assert workout_bests(7, [entry(60, 8, None, WU)], e1rm) is None


def test_the_first_workout_is_a_baseline_and_later_ones_must_beat_it() -> None:
    first = bests(day(0), entry(100, 5, 2))
    second = bests(day(3), entry(105, 5, 2), entry(100, 7, 2))
    standing, records = record_timeline([first, second])
    # 105 > 100 (heaviest); 100 x 7 @ 2 (n = 9 -> 76.2 % -> 131.23 kg) beats 123.30 and 105 x 5 @ 2
    # (129.47 kg); 7 reps at 100 > 5 (rep PR); none at 105: the first time at a load has nothing to beat.
    assert [(r.kind, r.when) for r in records] == [
        (RecordKind.HEAVIEST, day(3)),
        (RecordKind.E1RM, day(3)),
        (RecordKind.REPS, day(3)),
    ]
    heaviest, best, reps = records
    assert (heaviest.value, heaviest.previous, heaviest.gain) == (105, 100, 5)
    assert best.lift == Lift(100, 7, 2, NONE)
    assert best.gain == pytest.approx(100 / 0.762 - 100 / 0.811)
    assert (reps.value, reps.previous, reps.lift) == (7, 5, Lift(100, 7))
    assert standing.heaviest is not None and standing.heaviest.when == day(3)
    assert set(standing.most_reps) == {100.0, 105.0}
    assert standing.most_reps[105.0].when == day(3)


def test_ties_are_no_record_and_keep_the_first_date() -> None:
    first = bests(day(0), entry(100, 5, 2))
    same = bests(day(7), entry(100, 5, 2))
    standing, records = record_timeline([first, same])
    assert records == []
    assert standing.heaviest is not None and standing.heaviest.when == day(0)
    assert standing.best_e1rm is not None and standing.best_e1rm.when == day(0)
    assert standing.most_reps[100.0].when == day(0)


def test_rep_prs_at_the_same_load_count_once_per_workout_with_its_best_set() -> None:
    first = bests(day(0), entry(80, 8, 2), entry(80, 7, 2))
    # Two sets at 80 kg beat 8 reps: the workout makes one rep PR, with its best (10 reps).
    second = bests(day(2), entry(80, 9, 2), entry(80, 10, 0))
    _standing, records = record_timeline([first, second])
    reps = [r for r in records if r.kind is RecordKind.REPS]
    assert [(r.value, r.previous, r.lift) for r in reps] == [(10, 8, Lift(80, 10))]


def test_rep_prs_list_heavier_loads_first_and_count_bodyweight_sets() -> None:
    first = bests(day(0), entry(0, 8, 2), entry(20, 5, 2))
    second = bests(day(1), entry(0, 12, 1), entry(20, 6, 2))
    _standing, records = record_timeline([first, second])
    assert [(r.kind, r.lift) for r in records] == [
        (RecordKind.E1RM, Lift(20, 6, 2, NONE)),  # 20 kg x 6 @ 2: n = 8 -> 25.45 kg beats 20 / 0.811
        (RecordKind.REPS, Lift(20, 6)),
        (RecordKind.REPS, Lift(0, 12)),  # most pull-ups at bodyweight
    ]


def test_bodyweight_only_work_never_makes_a_heaviest_weight_record() -> None:
    first = bests(day(0), entry(0, 8, 2))
    second = bests(day(1), entry(0, 9, 2))
    assert first.heaviest is None and first.best_e1rm_kg is None
    assert [r.kind for r in record_timeline([first, second])[1]] == [RecordKind.REPS]


def test_loads_equal_to_a_hundredth_of_a_kilo_are_one_load() -> None:
    pounds_225 = 225 * 0.45359237  # 102.0582... kg, logged again and again by a pound lifter
    assert load_key(pounds_225) == load_key(102.0582331) == 102.06
    first = bests(day(0), entry(pounds_225, 5))
    second = bests(day(3), entry(102.0582331, 6))
    assert [r.kind for r in record_timeline([first, second])[1]] == [RecordKind.E1RM, RecordKind.REPS]


def test_a_standing_of_plain_numbers_judges_heaviest_and_e1rm_only() -> None:
    today = bests(day(9), entry(110, 3, 1), entry(100, 12, 0))
    found = records_in(today, Standing(heaviest=Best(105.0, None), best_e1rm=Best(130.0, None)))
    # 110 > 105; best e1RM today 100 x 12 to failure = 100 / 0.68 = 147.06 > 130; no rep bests to beat
    assert [(r.kind, round(r.value, 2), r.previous) for r in found] == [
        (RecordKind.HEAVIEST, 110, 105.0),
        (RecordKind.E1RM, 147.06, 130.0),
    ]
    assert records_in(today, Standing()) == []  # nothing before: a baseline
    assert Standing().is_empty and not Standing().after(today).is_empty
