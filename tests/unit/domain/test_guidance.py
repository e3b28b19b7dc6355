"""Guidance rules F2–F16: one group of tests per rule, with the boundaries a lifter would notice."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from gym_companion.domain.guidance import (
    FAILURE_SCIENCE_NOTE,
    Advice,
    AdviceLevel,
    GuidanceContext,
    advice_before_planned_failure,
    advice_on_exercise_added,
    advice_on_routine,
    advice_on_set_rated,
)
from gym_companion.domain.model import (
    Equipment,
    Exercise,
    FailureKind,
    FailureSafety,
    Goal,
    Mechanics,
    Muscle,
    SetEntry,
    SetType,
    TrainingEvent,
    TrainingStyle,
)
from gym_companion.domain.recovery import FatigueInput, fatigue_by_muscle, recovery_percent
from gym_companion.domain.routine_plan import PlanTarget
from gym_companion.domain.settings import Settings

NOW = datetime(2024, 5, 6, 18, 0, tzinfo=UTC)

CABLE_CURL = Exercise("Cable curl", (Muscle.BICEPS,), equipment=Equipment.CABLE, id=1)
BENCH = Exercise(
    "Bench press",
    (Muscle.CHEST,),
    (Muscle.TRICEPS, Muscle.FRONT_DELTS),
    Equipment.BARBELL,
    Mechanics.COMPOUND,
    FailureSafety.SPOTTER,
    id=2,
)
DEADLIFT = Exercise(
    "Deadlift",
    (Muscle.HAMSTRINGS, Muscle.GLUTES, Muscle.LOWER_BACK),
    equipment=Equipment.BARBELL,
    mechanics=Mechanics.COMPOUND,
    failure_safety=FailureSafety.TECHNICAL_ONLY,
    id=3,
)
SNATCH = Exercise(
    "Snatch",
    (Muscle.QUADS,),
    equipment=Equipment.BARBELL,
    mechanics=Mechanics.COMPOUND,
    failure_safety=FailureSafety.NEVER,
    id=4,
)
EXERCISES = {e.id: e for e in (CABLE_CURL, BENCH, DEADLIFT, SNATCH) if e.id is not None}
_counter = iter(range(1_000_000))


def _set(
    exercise: Exercise = CABLE_CURL,
    order: int = 0,
    set_type: SetType = SetType.WORKING,
    reps: int = 10,
    rir: int | None = 2,
    failure: FailureKind = FailureKind.NONE,
    minutes: float = 0,
) -> SetEntry:
    assert exercise.id is not None
    n = next(_counter)
    return SetEntry(
        uuid=f"set-{n}",
        session_id=1,
        exercise_id=exercise.id,
        exercise_order=order,
        set_order=n,
        set_type=set_type,
        weight_kg=30.0,
        reps=reps,
        logged_at=NOW + timedelta(minutes=minutes),
        rir=0 if failure is not FailureKind.NONE else rir,
        failure=failure,
    )


def _fail(
    exercise: Exercise = CABLE_CURL, order: int = 0, reps: int = 10, kind: FailureKind = FailureKind.ABSOLUTE
) -> SetEntry:
    return _set(exercise, order, reps=reps, failure=kind)


def _warmed_up(exercise: Exercise = CABLE_CURL, order: int = 0) -> list[SetEntry]:
    """A warm-up and two working sets of the exercise, as before a last set."""
    return [
        _set(exercise, order, SetType.WARMUP, rir=None),
        _set(exercise, order, rir=3),
        _set(exercise, order, rir=2),
    ]


def _ctx(**overrides: Any) -> GuidanceContext:
    """A context in which nothing calls for advice: a warmed-up cable curl at the end of a planned workout."""
    base: dict[str, Any] = {
        "now": NOW,
        "settings": Settings(),
        "exercise": CABLE_CURL,
        "exercise_index": 2,
        "exercise_count": 3,
        "planned_exercise_count": 3,
        "workout_sets": [*_warmed_up(BENCH, 0), *_warmed_up(DEADLIFT, 1), *_warmed_up(CABLE_CURL, 2)],
        "workout_exercises": EXERCISES,
    }
    base.update(overrides)
    return GuidanceContext(**base)


def _rules(advice: list[Advice]) -> list[str]:
    return [a.rule for a in advice]


def _only(advice: list[Advice], rule: str) -> Advice:
    matching = [a for a in advice if a.rule == rule]
    assert len(matching) == 1, f"expected one {rule} in {_rules(advice)}"
    return matching[0]


def _failures(n: int, muscles: tuple[Muscle, ...], hours_ago: float) -> list[FatigueInput]:
    at = NOW - timedelta(hours=hours_ago)
    return [FatigueInput(at, SetType.WORKING, 0, FailureKind.ABSOLUTE, muscles) for _ in range(n)]


# --- the no-false-alarm case and F15 ----------------------------------------------------------------


def test_absolute_failure_on_last_set_of_last_safe_exercise_raises_no_caution() -> None:
    ctx = _ctx()
    advice = advice_on_set_rated(ctx, _fail(CABLE_CURL, 2))
    assert all(a.level is AdviceLevel.INFO for a in advice), advice
    assert _rules(advice) == ["F5"]
    assert advice_on_exercise_added(ctx) == []
    assert advice_before_planned_failure(ctx) == []


def test_failure_features_off_silences_every_rule() -> None:
    settings = Settings(
        failure_features=False, goal=Goal.OTHER_SPORT_PRIORITY, training_style=TrainingStyle.FULL_BODY
    )
    ctx = _ctx(
        settings=settings,
        exercise=SNATCH,
        exercise_index=0,
        planned_exercise_count=8,
        workout_sets=[],
        events=[TrainingEvent("Race", NOW + timedelta(hours=10))],
        failure_sets_this_week=20,
        recent_history=_failures(10, (Muscle.QUADS,), 5),
        last_session_before=NOW - timedelta(weeks=30),
    )
    assert advice_on_exercise_added(ctx) == []
    assert advice_on_set_rated(ctx, _fail(SNATCH, 0, reps=2)) == []
    assert advice_before_planned_failure(ctx) == []


def test_sets_short_of_failure_get_no_advice_after_rating() -> None:
    ctx = _ctx(
        exercise=SNATCH, exercise_index=0, workout_sets=[], settings=Settings(goal=Goal.OTHER_SPORT_PRIORITY)
    )
    assert advice_on_set_rated(ctx, _set(SNATCH, 0, reps=3, rir=1)) == []


def test_a_warm_up_rated_zero_is_not_a_failure_set() -> None:
    ctx = _ctx(exercise=BENCH, exercise_index=0, workout_sets=[])
    assert advice_on_set_rated(ctx, _set(BENCH, 0, SetType.WARMUP, rir=0)) == []


def test_rir_zero_without_a_kind_counts_as_failure() -> None:
    ctx = _ctx(exercise=BENCH, exercise_index=2)
    assert "F6" in _rules(advice_on_set_rated(ctx, _set(BENCH, 2, rir=0)))


def test_advice_is_sorted_warnings_first_then_by_rule() -> None:
    ctx = _ctx(
        exercise=SNATCH, exercise_index=0, workout_sets=[], settings=Settings(goal=Goal.OTHER_SPORT_PRIORITY)
    )
    advice = advice_on_set_rated(ctx, _fail(SNATCH, 0, reps=3))
    levels = [a.level for a in advice]
    assert levels == sorted(levels, reverse=True)
    assert advice[0].rule == "F6" and advice[0].level is AdviceLevel.WARNING
    cautions = [int(a.rule[1:]) for a in advice if a.level is AdviceLevel.CAUTION]
    assert cautions == sorted(cautions)


def test_messages_are_short_calm_and_explained() -> None:
    ctx = _ctx(
        exercise=BENCH,
        exercise_index=0,
        planned_exercise_count=6,
        workout_sets=[],
        settings=Settings(goal=Goal.OTHER_SPORT_PRIORITY, training_style=TrainingStyle.FULL_BODY),
        events=[TrainingEvent("City 10K", NOW + timedelta(hours=30))],
        failure_sets_this_week=4,
        recent_history=_failures(8, (Muscle.CHEST,), 20),
        last_session_before=NOW - timedelta(weeks=9),
    )
    plateau = _ctx(exercise=BENCH, e1rm_history=_weekly([100.0] * 8))
    everything = [
        *advice_on_exercise_added(plateau),
        *advice_on_exercise_added(ctx),
        *advice_on_set_rated(ctx, _fail(BENCH, 0, reps=3)),
        *advice_before_planned_failure(ctx),
    ]
    assert {a.rule for a in everything} >= {
        "F2",
        "F4",
        "F5",
        "F6",
        "F7",
        "F9",
        "F10",
        "F11",
        "F12",
        "F13",
        "F14",
    }
    for a in everything:
        assert len(a.message) <= 120, a.message
        assert "!" not in a.message
        assert a.why and a.why != a.message


def test_context_needs_an_aware_now() -> None:
    with pytest.raises(ValueError, match="aware"):
        _ctx(now=NOW.replace(tzinfo=None))


# --- F2: failure reps ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reps", "level"),
    [(5, AdviceLevel.CAUTION), (6, None), (10, None), (15, None), (16, AdviceLevel.INFO)],
)
def test_f2_failure_far_outside_six_to_fifteen_reps(reps: int, level: AdviceLevel | None) -> None:
    advice = advice_on_set_rated(_ctx(), _fail(CABLE_CURL, 2, reps=reps))
    if level is None:
        assert "F2" not in _rules(advice)
    else:
        f2 = _only(advice, "F2")
        assert f2.level is level
        assert str(reps) in f2.message


# --- F4: placement ---------------------------------------------------------------------------------


def test_f4_failure_on_the_first_working_set_after_warm_ups() -> None:
    warm_up = _set(CABLE_CURL, 1, SetType.WARMUP, rir=None)
    ctx = _ctx(exercise_index=1, exercise_count=2, workout_sets=[*_warmed_up(BENCH, 0), warm_up])
    f4 = _only(advice_on_set_rated(ctx, _fail(CABLE_CURL, 1)), "F4")
    assert f4.level is AdviceLevel.CAUTION
    assert "first" in f4.message


def test_f4_a_one_set_finisher_late_in_the_workout_is_no_caution() -> None:
    """Third exercise of three, warmed up, its only working set to failure: the end of the workout."""
    warm_up = _set(CABLE_CURL, 2, SetType.WARMUP, rir=None)
    ctx = _ctx(workout_sets=[*_warmed_up(BENCH, 0), *_warmed_up(DEADLIFT, 1), warm_up])
    advice = advice_on_set_rated(ctx, _fail(CABLE_CURL, 2))
    assert all(a.level is AdviceLevel.INFO for a in advice), advice
    assert "one-set finisher" in _only(advice, "F4").message


def test_f4_not_on_a_later_set_of_a_late_exercise() -> None:
    assert "F4" not in _rules(advice_on_set_rated(_ctx(), _fail(CABLE_CURL, 2)))


@pytest.mark.parametrize(("index", "warned"), [(2, True), (3, False), (5, False)])
def test_f4_only_the_last_three_planned_exercises(index: int, warned: bool) -> None:
    sets = [*_warmed_up(BENCH, 0), *_warmed_up(CABLE_CURL, index)]
    ctx = _ctx(exercise_index=index, exercise_count=index + 1, planned_exercise_count=6, workout_sets=sets)
    rated = advice_on_set_rated(ctx, _fail(CABLE_CURL, index))
    planned = advice_before_planned_failure(ctx)
    assert ("F4" in _rules(rated)) is warned
    assert ("F4" in _rules(planned)) is warned
    if warned:
        assert "exercise 3 of 6" in _only(rated, "F4").message


def test_f4_without_a_plan_only_the_first_set_counts() -> None:
    sets = [*_warmed_up(BENCH, 0), *_warmed_up(CABLE_CURL, 1)]
    ctx = _ctx(exercise_index=1, exercise_count=2, planned_exercise_count=None, workout_sets=sets)
    assert "F4" not in _rules(advice_on_set_rated(ctx, _fail(CABLE_CURL, 1)))


def test_the_rated_set_may_already_be_in_the_workout_list() -> None:
    failure = _fail(CABLE_CURL, 2)
    ctx = _ctx()
    with_it = replace(ctx, workout_sets=[*ctx.workout_sets, failure])
    assert advice_on_set_rated(with_it, failure) == advice_on_set_rated(ctx, failure)
    first = _fail(CABLE_CURL, 0)
    only_it = _ctx(exercise_index=0, workout_sets=[first])
    assert "F7" in _rules(advice_on_set_rated(only_it, first))


# --- F5: after absolute failure --------------------------------------------------------------------


def test_f5_absolute_failure_ends_the_exercise() -> None:
    f5 = _only(advice_on_set_rated(_ctx(), _fail(CABLE_CURL, 2)), "F5")
    assert f5.level is AdviceLevel.INFO
    assert "Cable curl done" in f5.message
    assert "finish the workout" in f5.message


def test_f5_hints_the_workout_is_near_its_end_when_more_is_planned() -> None:
    ctx = _ctx(planned_exercise_count=4)
    assert "near its end" in _only(advice_on_set_rated(ctx, _fail(CABLE_CURL, 2)), "F5").message


def test_f5_not_after_technical_failure() -> None:
    advice = advice_on_set_rated(_ctx(), _fail(CABLE_CURL, 2, kind=FailureKind.TECHNICAL))
    assert advice == []


# --- F6: failure safety ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("exercise", "level", "words"),
    [
        (CABLE_CURL, None, ""),
        (BENCH, AdviceLevel.CAUTION, "spotter or safety pins"),
        (DEADLIFT, AdviceLevel.CAUTION, "technical failure"),
        (SNATCH, AdviceLevel.WARNING, "never to failure"),
    ],
)
def test_f6_before_the_exercise_by_safety_class(
    exercise: Exercise, level: AdviceLevel | None, words: str
) -> None:
    for advice in (
        advice_on_exercise_added(_ctx(exercise=exercise)),
        advice_before_planned_failure(_ctx(exercise=exercise)),
    ):
        if level is None:
            assert "F6" not in _rules(advice)
        else:
            f6 = _only(advice, "F6")
            assert f6.level is level
            assert words in f6.message
            assert exercise.name in f6.message


def test_f6_spotter_explains_why() -> None:
    f6 = _only(advice_on_exercise_added(_ctx(exercise=BENCH)), "F6")
    assert f6.message == "Bench press: go to failure only with a spotter or safety pins."
    assert "'spotter' exercise" in f6.why


@pytest.mark.parametrize(
    ("exercise", "kind", "level"),
    [
        (CABLE_CURL, FailureKind.ABSOLUTE, None),
        (BENCH, FailureKind.TECHNICAL, AdviceLevel.CAUTION),
        (DEADLIFT, FailureKind.TECHNICAL, None),
        (DEADLIFT, FailureKind.ABSOLUTE, AdviceLevel.CAUTION),
        (SNATCH, FailureKind.TECHNICAL, AdviceLevel.WARNING),
    ],
)
def test_f6_after_a_failure_set(exercise: Exercise, kind: FailureKind, level: AdviceLevel | None) -> None:
    ctx = _ctx(exercise=exercise)
    advice = advice_on_set_rated(ctx, _fail(exercise, 2, kind=kind))
    if level is None:
        assert "F6" not in _rules(advice)
    else:
        assert _only(advice, "F6").level is level


# --- F7: warm-up -----------------------------------------------------------------------------------


def test_f7_failure_with_nothing_before_it() -> None:
    ctx = _ctx(exercise_index=0, exercise_count=1, workout_sets=[])
    f7 = _only(advice_on_set_rated(ctx, _fail(CABLE_CURL, 0)), "F7")
    assert f7.level is AdviceLevel.CAUTION
    assert "F7" in _rules(advice_before_planned_failure(ctx))


def test_f7_not_after_a_warm_up_set() -> None:
    ctx = _ctx(
        exercise_index=0, exercise_count=1, workout_sets=[_set(CABLE_CURL, 0, SetType.WARMUP, rir=None)]
    )
    assert "F7" not in _rules(advice_on_set_rated(ctx, _fail(CABLE_CURL, 0)))


def test_f7_only_on_the_first_exercise() -> None:
    ctx = _ctx(exercise_index=1, exercise_count=2, workout_sets=[], planned_exercise_count=None)
    assert "F7" not in _rules(advice_on_set_rated(ctx, _fail(CABLE_CURL, 1)))


# --- F9: events ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("starts_in", "window_h", "inside"),
    [
        (timedelta(hours=72), 72, True),  # just inside: the window opens exactly now
        (timedelta(hours=72, minutes=1), 72, False),  # just outside: it opens in a minute
        (timedelta(minutes=1), 72, True),
        (timedelta(0), 72, False),  # the event has started: its window is over
        (-timedelta(hours=5), 72, False),
        (timedelta(hours=30), 24, False),  # an edited, shorter window
        (timedelta(hours=23), 24, True),
    ],
)
def test_f9_event_no_failure_window(starts_in: timedelta, window_h: int, inside: bool) -> None:
    events = [TrainingEvent("Half marathon", NOW + starts_in, window_h)]
    ctx = _ctx(events=events)
    for advice in (
        advice_on_exercise_added(ctx),
        advice_on_set_rated(ctx, _fail(CABLE_CURL, 2)),
        advice_before_planned_failure(ctx),
    ):
        assert ("F9" in _rules(advice)) is inside
        if inside:
            assert _only(advice, "F9").level is AdviceLevel.CAUTION


def test_f9_names_the_soonest_event() -> None:
    events = [
        TrainingEvent("Trip", NOW + timedelta(hours=60)),
        TrainingEvent("Match", NOW + timedelta(hours=30)),
    ]
    f9 = _only(advice_on_exercise_added(_ctx(events=events)), "F9")
    assert f9.message == "Match in 30 h: leave failure sets for after it."


# --- F10: recovery ---------------------------------------------------------------------------------


def test_f10_primary_muscle_not_recovered_before_the_exercise() -> None:
    history = _failures(6, (Muscle.BICEPS,), 26)
    percent = recovery_percent(fatigue_by_muscle(history, NOW)[Muscle.BICEPS], Muscle.BICEPS)
    assert 70 <= percent < 90
    f10 = _only(advice_on_exercise_added(_ctx(recent_history=history)), "F10")
    assert f10.level is AdviceLevel.CAUTION
    assert f10.message == f"Biceps {math.floor(percent)} % recovered: train, but skip failure today."
    assert f"Biceps last failed 26 h ago; recovery {math.floor(percent)} %." in f10.why


def test_f10_says_go_light_below_seventy_percent() -> None:
    history = _failures(8, (Muscle.BICEPS,), 10)
    f10 = _only(advice_on_exercise_added(_ctx(recent_history=history)), "F10")
    assert "go light" in f10.message


def test_f10_failed_again_before_recovered() -> None:
    history = _failures(6, (Muscle.BICEPS,), 26)
    f10 = _only(advice_on_set_rated(_ctx(recent_history=history), _fail(CABLE_CURL, 2)), "F10")
    assert "before the next failure set" in f10.message


def test_f10_trained_but_not_failed_shows_last_trained() -> None:
    history = [
        FatigueInput(NOW - timedelta(hours=20), SetType.WORKING, 1, FailureKind.NONE, (Muscle.BICEPS,))
    ] * 8
    f10 = _only(advice_on_exercise_added(_ctx(recent_history=history)), "F10")
    assert "last trained 20 h ago" in f10.why


def test_f10_recovered_muscles_and_secondary_roles_are_fine() -> None:
    recovered = _failures(6, (Muscle.BICEPS,), 96)
    assert "F10" not in _rules(advice_on_exercise_added(_ctx(recent_history=recovered)))
    tired_triceps = _failures(8, (Muscle.TRICEPS,), 10)  # bench press works triceps only as a helper
    assert "F10" not in _rules(advice_on_exercise_added(_ctx(exercise=BENCH, recent_history=tired_triceps)))


def test_f10_todays_sets_do_not_count_against_recovery() -> None:
    """Sets earlier in this workout are not 'failing again before recovery'; history is from before it."""
    sets = [*_warmed_up(CABLE_CURL, 2), _fail(CABLE_CURL, 2), _fail(CABLE_CURL, 2)]
    ctx = _ctx(workout_sets=[*_warmed_up(BENCH, 0), *sets])
    assert "F10" not in _rules(advice_on_set_rated(ctx, _fail(CABLE_CURL, 2)))


# --- F11: weekly cap by training style -------------------------------------------------------------


@pytest.mark.parametrize(
    ("style", "before", "warned"),
    [
        (TrainingStyle.SPLIT, 9, False),
        (TrainingStyle.SPLIT, 10, True),
        (TrainingStyle.FULL_BODY, 3, False),
        (TrainingStyle.FULL_BODY, 4, True),
        (TrainingStyle.OTHER, 5, False),
        (TrainingStyle.OTHER, 6, True),
    ],
)
def test_f11_cap_reached_before_the_exercise(style: TrainingStyle, before: int, warned: bool) -> None:
    ctx = _ctx(settings=Settings(training_style=style), failure_sets_this_week=before)
    assert ("F11" in _rules(advice_on_exercise_added(ctx))) is warned
    assert ("F11" in _rules(advice_before_planned_failure(ctx))) is warned


@pytest.mark.parametrize(
    ("style", "before", "warned"),
    [
        (TrainingStyle.SPLIT, 9, False),  # this set is the 10th: at the cap, not past it
        (TrainingStyle.SPLIT, 10, True),
        (TrainingStyle.FULL_BODY, 3, False),
        (TrainingStyle.FULL_BODY, 4, True),
    ],
)
def test_f11_failure_set_past_the_cap(style: TrainingStyle, before: int, warned: bool) -> None:
    ctx = _ctx(settings=Settings(training_style=style), failure_sets_this_week=before)
    advice = advice_on_set_rated(ctx, _fail(CABLE_CURL, 2))
    assert ("F11" in _rules(advice)) is warned
    if warned:
        f11 = _only(advice, "F11")
        assert f11.message.startswith(f"Failure set {before + 1} this week")
        assert style.value.replace("_", "-") in f11.why


def test_f11_the_users_own_cap_wins() -> None:
    ctx = _ctx(settings=Settings(weekly_failure_cap=2), failure_sets_this_week=2)
    f11 = _only(advice_on_exercise_added(ctx), "F11")
    assert "(2 of 2)" in f11.message
    assert "your own cap" in f11.why


# --- F12: plateau ----------------------------------------------------------------------------------


def _weekly(values: list[float]) -> list[tuple[datetime, float]]:
    """One session a week, the last one 2 days ago, oldest first."""
    last = NOW - timedelta(days=2)
    return [(last - timedelta(weeks=len(values) - 1 - i), v) for i, v in enumerate(values)]


def test_f12_flat_for_eight_weeks_suggests_a_failure_block() -> None:
    ctx = _ctx(e1rm_history=_weekly([100.0] * 8))
    f12 = _only(advice_on_exercise_added(ctx), "F12")
    assert f12.level is AdviceLevel.INFO
    assert f12.message == "Cable curl: no e1RM gain in 7 weeks. Try a 2-week failure block, 3 days a week."
    assert "100 kg" in f12.why


def test_f12_non_safe_lifts_get_the_block_on_safe_exercises() -> None:
    f12 = _only(advice_on_exercise_added(_ctx(exercise=BENCH, e1rm_history=_weekly([100.0] * 8))), "F12")
    assert f12.message.endswith("3 days a week, on safe lifts for these muscles.")


def test_f12_steady_progress_is_no_plateau() -> None:
    ctx = _ctx(e1rm_history=_weekly([100.0 + 1.5 * i for i in range(8)]))
    assert "F12" not in _rules(advice_on_exercise_added(ctx))


@pytest.mark.parametrize(
    ("best_age", "plateau"), [(timedelta(weeks=4), True), (timedelta(weeks=4) - timedelta(hours=1), False)]
)
def test_f12_boundary_at_four_weeks(best_age: timedelta, plateau: bool) -> None:
    history = [
        (NOW - timedelta(weeks=7), 95.0),
        (NOW - best_age, 102.0),
        (NOW - timedelta(weeks=3), 100.0),
        (NOW - timedelta(weeks=2), 100.5),
        (NOW - timedelta(weeks=1), 101.0),
    ]
    assert ("F12" in _rules(advice_on_exercise_added(_ctx(e1rm_history=history)))) is plateau


def test_f12_a_gain_under_one_percent_is_noise() -> None:
    flat_then_tiny = _weekly([100.0, 100.0, 100.0, 100.0, 100.0, 100.0, 100.5, 100.9])
    assert "F12" in _rules(advice_on_exercise_added(_ctx(e1rm_history=flat_then_tiny)))
    real_gain = _weekly([100.0, 100.0, 100.0, 100.0, 100.0, 100.0, 100.5, 101.5])
    assert "F12" not in _rules(advice_on_exercise_added(_ctx(e1rm_history=real_gain)))


def test_f12_needs_recent_sessions_and_older_ones() -> None:
    two_recent = [
        (NOW - timedelta(weeks=6), 100.0),
        (NOW - timedelta(weeks=2), 99.0),
        (NOW - timedelta(days=3), 99.0),
    ]
    assert "F12" not in _rules(advice_on_exercise_added(_ctx(e1rm_history=two_recent)))
    only_recent = _weekly([100.0] * 4)
    assert "F12" not in _rules(advice_on_exercise_added(_ctx(e1rm_history=only_recent)))


def test_f12_not_offered_when_another_sport_comes_first() -> None:
    ctx = _ctx(e1rm_history=_weekly([100.0] * 8), settings=Settings(goal=Goal.OTHER_SPORT_PRIORITY))
    assert "F12" not in _rules(advice_on_exercise_added(ctx))


# --- F13: other sport first ------------------------------------------------------------------------


@pytest.mark.parametrize("goal", list(Goal))
def test_f13_only_when_another_sport_has_priority(goal: Goal) -> None:
    ctx = _ctx(settings=Settings(goal=goal))
    expected = goal is Goal.OTHER_SPORT_PRIORITY
    for advice in (
        advice_on_exercise_added(ctx),
        advice_on_set_rated(ctx, _fail(CABLE_CURL, 2)),
        advice_before_planned_failure(ctx),
    ):
        assert ("F13" in _rules(advice)) is expected
        if expected:
            assert _only(advice, "F13").level is AdviceLevel.CAUTION


# --- F14: layoff -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gap", "weeks_setting", "layoff"),
    [
        (timedelta(weeks=8), 8, True),  # exactly at the threshold
        (timedelta(weeks=8) - timedelta(minutes=1), 8, False),
        (timedelta(weeks=20), 8, True),
        (timedelta(weeks=4), 4, True),  # an edited threshold
        (timedelta(weeks=4), 8, False),
    ],
)
def test_f14_layoff_threshold(gap: timedelta, weeks_setting: int, layoff: bool) -> None:
    ctx = _ctx(last_session_before=NOW - gap, settings=Settings(layoff_weeks=weeks_setting))
    advice = advice_on_exercise_added(ctx)
    assert ("F14" in _rules(advice)) is layoff
    if layoff:
        f14 = _only(advice, "F14")
        assert f14.level is AdviceLevel.INFO
        assert "baseline" in f14.message and "sooner" in f14.message


def test_f14_no_previous_session_is_no_layoff() -> None:
    assert "F14" not in _rules(advice_on_exercise_added(_ctx(last_session_before=None)))


def test_f14_first_failure_set_after_a_layoff_is_the_baseline() -> None:
    ctx = _ctx(last_session_before=NOW - timedelta(weeks=12))
    first = advice_on_set_rated(ctx, _fail(CABLE_CURL, 2, reps=9))
    f14 = _only(first, "F14")
    assert f14.message.startswith("Baseline for Cable curl: 30 kg × 9 to failure.")
    later = replace(ctx, workout_sets=[*ctx.workout_sets, _fail(CABLE_CURL, 2)])
    assert "F14" not in _rules(advice_on_set_rated(later, _fail(CABLE_CURL, 2)))


# --- F16: the science note -------------------------------------------------------------------------


def test_f16_note_says_what_the_reviews_found_and_no_more() -> None:
    assert "2024" in FAILURE_SCIENCE_NOTE and "Sports Medicine" in FAILURE_SCIENCE_NOTE
    assert "2021" in FAILURE_SCIENCE_NOTE and "no clear difference" in FAILURE_SCIENCE_NOTE
    assert "Strength gains do not need failure" in FAILURE_SCIENCE_NOTE
    assert len(FAILURE_SCIENCE_NOTE) < 600


# --- a plan being written (advice_on_routine) -----------------------------------------------------------


def _plan(failure: bool, reps: tuple[int, int] = (8, 12)) -> PlanTarget:
    return PlanTarget(3, reps[0], reps[1], 2, failure_last_set=failure)


def test_routine_with_failure_planned_early_gets_f4_for_that_exercise_only() -> None:
    plan = [(CABLE_CURL, _plan(index in (0, 4))) for index in range(5)]
    found = advice_on_routine(NOW, Settings(), plan)
    assert [(index, a.rule) for index, a in found] == [(0, "F4")]
    assert "exercise 1 of 5" in found[0][1].message


def test_routine_failure_on_a_spotter_lift_among_the_last_three_gets_f6_not_f4() -> None:
    found = advice_on_routine(NOW, Settings(), [(CABLE_CURL, _plan(False)), (BENCH, _plan(True))])
    assert [(index, a.rule, a.level) for index, a in found] == [(1, "F6", AdviceLevel.CAUTION)]


@pytest.mark.parametrize(
    ("reps", "level"),
    [((3, 5), AdviceLevel.CAUTION), ((4, 6), None), ((15, 20), None), ((16, 20), AdviceLevel.INFO)],
)
def test_routine_failure_far_outside_six_to_fifteen_reps_gets_f2(
    reps: tuple[int, int], level: AdviceLevel | None
) -> None:
    found = [
        a for _, a in advice_on_routine(NOW, Settings(), [(CABLE_CURL, _plan(True, reps))]) if a.rule == "F2"
    ]
    assert [a.level for a in found] == ([] if level is None else [level])


def test_routine_advice_is_silent_with_failure_features_off() -> None:
    plan = [
        (SNATCH, _plan(True)),
        (CABLE_CURL, _plan(False)),
        (CABLE_CURL, _plan(False)),
        (CABLE_CURL, _plan(False)),
    ]
    assert advice_on_routine(NOW, Settings(failure_features=False), plan) == []
    assert {a.rule for _, a in advice_on_routine(NOW, Settings(), plan)} == {"F4", "F6"}
