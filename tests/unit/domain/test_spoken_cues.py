"""Spoken rest cues: which cue a running countdown reaches, and the words said (kg and lb)."""

from __future__ import annotations

import pytest

from gym_companion.domain.model import WeightUnit
from gym_companion.domain.rest_countdown import RestCountdown
from gym_companion.domain.spoken_cues import (
    Cue,
    CueTracker,
    NextSet,
    mark_text,
    rest_over_text,
    spoken_load,
    spoken_number,
)
from gym_companion.domain.units import lb_to_kg

TICK = 0.25  # the rest timer's tick


def run(tracker: CueTracker, countdown: RestCountdown, start: float, end: float) -> list[tuple[float, Cue]]:
    """Tick the countdown from `start` to `end` (monotonic seconds); the cues with the time left at each."""
    said = []
    now = start
    while now <= end + 1e-9:
        remaining = countdown.remaining(now)
        cue = tracker.update(remaining, countdown.duration_s)
        if cue is not None:
            said.append((round(remaining, 2), cue))
        now += TICK
    return said


def test_a_90_s_rest_says_thirty_ten_and_rest_over_once_each_on_the_second() -> None:
    countdown = RestCountdown()
    countdown.start(0.0, 90)
    said = run(CueTracker(), countdown, 0.0, 120.0)  # 30 s of overtime: nothing more
    assert said == [(30.0, Cue.THIRTY_SECONDS), (10.0, Cue.TEN_SECONDS), (0.0, Cue.REST_OVER)]


def test_ten_seconds_can_be_left_out() -> None:
    countdown = RestCountdown()
    countdown.start(0.0, 90)
    assert [cue for _, cue in run(CueTracker(ten_seconds=False), countdown, 0.0, 95.0)] == [
        Cue.THIRTY_SECONDS,
        Cue.REST_OVER,
    ]


@pytest.mark.parametrize(
    ("rest_s", "cues"),
    [
        (40, [Cue.THIRTY_SECONDS, Cue.TEN_SECONDS, Cue.REST_OVER]),  # 30 + 10 s lead: just enough
        (39, [Cue.TEN_SECONDS, Cue.REST_OVER]),  # "thirty seconds" 9 s into the rest says nothing new
        (20, [Cue.TEN_SECONDS, Cue.REST_OVER]),
        (15, [Cue.REST_OVER]),
    ],
)
def test_short_rests_skip_marks_too_close_to_their_start(rest_s: int, cues: list[Cue]) -> None:
    countdown = RestCountdown()
    countdown.start(0.0, rest_s)
    assert [cue for _, cue in run(CueTracker(), countdown, 0.0, rest_s + 5.0)] == cues


def test_taking_15_s_off_past_a_mark_stays_silent_and_adding_15_s_brings_it_back() -> None:
    countdown, tracker = RestCountdown(), CueTracker()
    countdown.start(0.0, 60)
    assert run(tracker, countdown, 0.0, 18.0) == []  # 42 s left
    countdown.adjust(18.0, -15)  # 27 s left: the 30 s mark went by without being reached
    assert run(tracker, countdown, 18.25, 19.0) == []
    countdown.adjust(19.0, 15)  # 41.25 s left: 30 s comes again, and is said this time
    assert run(tracker, countdown, 19.25, 32.5) == [(30.0, Cue.THIRTY_SECONDS)]


def test_a_crossing_noticed_late_is_not_said() -> None:
    tracker = CueTracker()
    assert tracker.update(45.0, 90) is None
    assert tracker.update(5.0, 90) is None  # the laptop slept through 30 and 10 s
    assert tracker.update(-3.0, 90) is None  # and woke 3 s into overtime: too late for "rest over"
    assert tracker.update(-3.25, 90) is None


def test_a_new_rest_after_a_reset_starts_afresh() -> None:
    tracker = CueTracker()
    tracker.update(31.0, 90)
    tracker.reset()  # skipped
    assert tracker.update(29.75, 60) is None  # the first tick only sets the reference
    assert tracker.update(29.5, 60) is None


def test_mark_words() -> None:
    assert mark_text(Cue.THIRTY_SECONDS) == "Thirty seconds."
    assert mark_text(Cue.TEN_SECONDS) == "Ten seconds."


def test_rest_over_names_the_next_set_in_kilos_and_pounds() -> None:
    bench = NextSet("Bench Press", 62.5, 8)
    assert rest_over_text(bench, WeightUnit.KG) == "Rest over. Bench Press, 62 and a half kilos for 8."
    assert rest_over_text(NextSet("Bench Press", lb_to_kg(135), 8), WeightUnit.LB) == (
        "Rest over. Bench Press, 135 pounds for 8."
    )
    assert rest_over_text(NextSet("Squat", lb_to_kg(227.5), 5), WeightUnit.LB) == (
        "Rest over. Squat, 227 and a half pounds for 5."
    )
    assert (
        rest_over_text(NextSet("Deadlift", 180, 1), WeightUnit.KG)
        == "Rest over. Deadlift, 180 kilos for 1 rep."
    )


def test_rest_over_says_what_is_known() -> None:
    assert rest_over_text(None, WeightUnit.KG) == "Rest over."
    assert rest_over_text(NextSet("Leg Press"), WeightUnit.KG) == "Rest over. Leg Press next."
    assert rest_over_text(NextSet("Leg Press", 140.0), WeightUnit.KG) == "Rest over. Leg Press, 140 kilos."


def test_bodyweight_loads_are_said_as_bodyweight_plus_or_assistance() -> None:
    assert spoken_load(0.0, WeightUnit.KG, moves_bodyweight=True) == "bodyweight"
    assert spoken_load(10.0, WeightUnit.KG, moves_bodyweight=True) == "bodyweight plus 10 kilos"
    assert spoken_load(-20.0, WeightUnit.KG, moves_bodyweight=True) == "20 kilos of assistance"
    assert spoken_load(lb_to_kg(-45), WeightUnit.LB, moves_bodyweight=True) == "45 pounds of assistance"
    assert rest_over_text(NextSet("Assisted Pull-Up", -20.0, 8, True), WeightUnit.KG) == (
        "Rest over. Assisted Pull-Up, 20 kilos of assistance for 8."
    )


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (62.5, "62 and a half"),
        (61.25, "61 and a quarter"),
        (63.75, "63 and three quarters"),
        (100.0, "100"),
        (137.79, "137.79"),  # no gym load, but the engine can read digits
        (0.5, "0.5"),
        (1.0, "1"),
        (-2.5, "minus 2 and a half"),
        (62.499999, "62 and a half"),  # float noise from kg/lb rounding
    ],
)
def test_numbers_are_said_as_lifters_say_them(value: float, words: str) -> None:
    assert spoken_number(value) == words


def test_one_kilo_is_singular() -> None:
    assert spoken_load(1.0, WeightUnit.KG) == "1 kilo"
    assert spoken_load(1.5, WeightUnit.KG) == "1 and a half kilos"
