"""Progression from RIR: hand-computed suggestions, the next-set hint, and properties over random sessions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gym_companion.domain.e1rm import E1rmFormula
from gym_companion.domain.model import Equipment, Exercise, FailureKind, Muscle, SetEntry, SetType, WeightUnit
from gym_companion.domain.progression import Suggestion, next_set_hint, suggest_next
from gym_companion.domain.units import LoadSteps, from_unit, lb_to_kg, loadable_increment, to_unit

T0 = datetime(2024, 5, 6, 18, 0, tzinfo=UTC)
SQUAT = Exercise("Back squat", (Muscle.QUADS,), equipment=Equipment.BARBELL, id=1)
DB_CURL = Exercise("Dumbbell curl", (Muscle.BICEPS,), equipment=Equipment.DUMBBELL, id=2)
CABLE_ROW = Exercise("Cable row", (Muscle.BACK,), equipment=Equipment.CABLE, id=3)
KG = WeightUnit.KG


def _s(
    kg: float,
    reps: int,
    rir: int | None = 2,
    failure: FailureKind = FailureKind.NONE,
    session: int = 1,
    set_type: SetType = SetType.WORKING,
    exercise_id: int = 1,
) -> SetEntry:
    return SetEntry(
        uuid=f"{session}-{kg}-{reps}-{rir}",
        session_id=session,
        exercise_id=exercise_id,
        exercise_order=0,
        set_order=0,
        set_type=set_type,
        weight_kg=kg,
        reps=reps,
        logged_at=T0 + timedelta(days=session),
        rir=0 if failure is not FailureKind.NONE else rir,
        failure=failure,
    )


def _next(
    sets: list[SetEntry],
    exercise: Exercise = SQUAT,
    rep_range: tuple[int, int] = (8, 12),
    target_rir: int = 2,
    unit: WeightUnit = KG,
    rir_bias: float = 0.0,
) -> Suggestion:
    suggestion = suggest_next(sets, exercise, rep_range[0], rep_range[1], target_rir, unit, rir_bias)
    assert suggestion is not None
    return suggestion


# --- suggest_next, by hand -------------------------------------------------------------------------


def test_on_target_inside_the_range_keeps_the_load_and_adds_a_rep() -> None:
    s = _next([_s(80, 10, 2)])
    assert (s.weight_kg, s.reps, s.target_rir) == (80, 11, 2)
    assert s.reason == "last time 80 kg × 10 @ RIR 2, on target → same load, 11 reps"
    assert s.text(KG) == "80 kg × 11 @ 2"


def test_double_progression_at_the_top_of_the_range_adds_the_smallest_step() -> None:
    s = _next([_s(80, 12, 2), _s(80, 12, 3), _s(80, 12, 2)])
    assert (s.weight_kg, s.reps) == (82.5, 8)
    assert s.reason == "last time 80 kg × 12/12/12 @ RIR 2/3/2 at the top of 8–12 → +2.5 kg, 8 reps"


def test_no_double_progression_when_one_set_fell_short() -> None:
    s = _next([_s(80, 12, 2), _s(80, 12, 2), _s(80, 11, 2)])
    assert (s.weight_kg, s.reps) == (80, 12)


def test_no_double_progression_when_the_top_was_reached_below_target_rir() -> None:
    s = _next([_s(80, 12, 1)])  # 3 % lighter: 77.6 rounds to 77.5
    assert (s.weight_kg, s.reps) == (77.5, 12)


def test_double_progression_takes_more_when_the_sets_were_easy() -> None:
    s = _next([_s(80, 12, 5)])  # 3 points × 3 % = +9 %: 87.2 rounds to 87.5
    assert (s.weight_kg, s.reps) == (87.5, 8)


def test_easier_than_target_adds_three_percent_per_point() -> None:
    s = _next([_s(80, 10, 4)])  # +6 %: 84.8 → 85
    assert (s.weight_kg, s.reps) == (85, 10)
    assert s.reason == "last time 80 kg × 10 @ RIR 4, 2 RIR points above the target 2 → +5 kg, 10 reps"


def test_harder_than_target_takes_three_percent_off_per_point() -> None:
    s = _next([_s(80, 10, failure=FailureKind.ABSOLUTE)])  # −6 %: 75.2 → 75
    assert (s.weight_kg, s.reps) == (75, 10)
    assert s.reason == "last time 80 kg × 10 to failure, 2 RIR points below the target 2 → −5 kg, 10 reps"


def test_the_change_is_capped_at_ten_percent() -> None:
    assert _next([_s(100, 10, 5)], target_rir=0).weight_kg == 110  # +15 % asked
    assert _next([_s(100, 10, 0)], target_rir=5).weight_kg == 90  # −15 % asked


def test_one_and_two_rep_sets_move_four_and_a_half_percent_per_point() -> None:
    s = _next([_s(100, 2, 0)], rep_range=(1, 2))  # −9 %: 91 → 90
    assert (s.weight_kg, s.reps) == (90, 2)
    assert _next([_s(100, 2, 3)], rep_range=(1, 2), target_rir=2).weight_kg == 105  # DP: max(+2.5, +4.5 %)


def test_pounds_round_to_five_pound_barbell_steps() -> None:
    s = _next([_s(lb_to_kg(185), 10, 4)], unit=WeightUnit.LB)  # +6 %: 196.1 lb → 195 lb
    assert to_unit(s.weight_kg, WeightUnit.LB) == pytest.approx(195)
    assert "+10 lb" in s.reason


def test_dumbbells_move_in_two_kilo_steps_even_past_ten_percent() -> None:
    assert _next([_s(20, 12, 2)], DB_CURL).weight_kg == 22
    assert _next([_s(10, 12, 2)], DB_CURL).weight_kg == 12  # one step is the least possible change


def test_cable_stack_moves_in_five_kilo_steps() -> None:
    s = _next([_s(40, 12, 2)], CABLE_ROW)
    assert (s.weight_kg, s.reps) == (45, 8)


def test_a_too_small_change_keeps_the_load_and_adds_a_rep() -> None:
    s = _next([_s(10, 10, 3)], DB_CURL)  # +3 % of 10 kg is 0.3 kg: not loadable
    assert (s.weight_kg, s.reps) == (10, 11)


def test_rir_bias_corrects_ratings_but_not_failure() -> None:
    biased = _next([_s(80, 10, 2)], rir_bias=1.0)  # really 3 in reserve: +3 %, 82.4 → 82.5
    assert biased.weight_kg == 82.5
    assert "corrected by +1 RIR" in biased.reason
    failure = _next([_s(80, 10, failure=FailureKind.ABSOLUTE)], rir_bias=1.0)
    assert failure.weight_kg == 75  # a failure set is exact: no correction


def test_straight_sets_drifting_around_the_target_average_out() -> None:
    s = _next([_s(80, 10, 3), _s(80, 10, 2), _s(80, 9, 1)])
    assert (s.weight_kg, s.reps) == (80, 11)


def test_below_the_range_comes_back_to_the_bottom_lighter() -> None:
    s = _next([_s(80, 6, 2)])  # 2 reps short of 8 at the target: −6 %
    assert (s.weight_kg, s.reps) == (75, 8)


def test_back_off_sets_do_not_drive_the_load() -> None:
    s = _next([_s(100, 8, 2), _s(90, 10, 3), _s(90, 10, 3)])
    assert (s.weight_kg, s.reps) == (100, 9)


def test_only_the_last_session_counts_and_warm_ups_and_drops_never() -> None:
    history = [
        _s(100, 10, 2, session=1),
        _s(40, 10, 5, session=2, set_type=SetType.WARMUP),
        _s(80, 10, 2, session=2),
        _s(60, 12, 0, session=2, set_type=SetType.DROP),
    ]
    assert (_next(history).weight_kg, _next(history).reps) == (80, 11)


def test_non_loadable_history_rounds_to_a_loadable_step() -> None:
    s = _next([_s(81, 10, 2)])
    assert (s.weight_kg, s.reps) == (80, 11)
    assert s.reason.endswith("on target → −1 kg, 11 reps")


@pytest.mark.parametrize(
    "history",
    [
        [],
        [_s(40, 10, 5, set_type=SetType.WARMUP)],
        [_s(80, 10, None)],
        [_s(80, 10, 2, session=1), _s(80, 10, None, session=2)],  # last time unrated: show last time instead
        [_s(0, 10, 2)],  # no load to progress
    ],
)
def test_no_suggestion_without_rated_history(history: list[SetEntry]) -> None:
    assert suggest_next(history, SQUAT, 8, 12, 2, KG) is None


def test_bad_ranges_are_rejected() -> None:
    with pytest.raises(ValueError, match="rep range"):
        suggest_next([_s(80, 10)], SQUAT, 12, 8, 2, KG)
    with pytest.raises(ValueError, match="rep range"):
        suggest_next([_s(80, 10)], SQUAT, 0, 8, 2, KG)
    with pytest.raises(ValueError, match="target RIR"):
        suggest_next([_s(80, 10)], SQUAT, 8, 12, -1, KG)


# --- next_set_hint ---------------------------------------------------------------------------------


def test_hint_after_an_easy_set_adds_weight() -> None:
    hint = next_set_hint([_s(60, 8, 4)], SQUAT, 2, KG)  # +6 %: 63.6 → 62.5
    assert hint is not None
    assert hint.text(KG) == "62.5 kg × 8 @ 2"
    assert hint.reason == "last set 60 kg × 8 @ RIR 4, 2 RIR points above the target 2 → +2.5 kg, 8 reps"


def test_hint_after_a_failure_set_takes_weight_off() -> None:
    hint = next_set_hint([_s(60, 8, 3), _s(60, 8, failure=FailureKind.TECHNICAL)], SQUAT, 2, KG)
    assert hint is not None
    assert (hint.weight_kg, hint.reps) == (57.5, 8)  # −6 %: 56.4 → 57.5, the nearest step


def test_hint_on_target_repeats_the_set() -> None:
    hint = next_set_hint([_s(60, 8, 2)], SQUAT, 2, KG)
    assert hint is not None
    assert (hint.weight_kg, hint.reps) == (60, 8)
    assert "on target → same load" in hint.reason


def test_hint_uses_reps_when_the_step_is_too_coarse() -> None:
    easy = next_set_hint([_s(10, 10, 3, exercise_id=2)], DB_CURL, 2, KG)
    hard = next_set_hint([_s(10, 10, 1, exercise_id=2)], DB_CURL, 2, KG)
    assert easy is not None and hard is not None
    assert (easy.weight_kg, easy.reps) == (10, 11)
    assert (hard.weight_kg, hard.reps) == (10, 9)


def test_hint_is_capped_and_uses_the_low_rep_rate() -> None:
    big = next_set_hint([_s(100, 5, 5)], SQUAT, 0, KG)  # +15 % asked
    heavy_single = next_set_hint([_s(200, 1, 2)], SQUAT, 0, KG)  # 2 points × 4.5 % = +9 %
    assert big is not None and heavy_single is not None
    assert big.weight_kg == 110
    assert heavy_single.weight_kg == 217.5


def test_hint_ignores_other_exercises_warm_ups_and_unrated_sets() -> None:
    sets = [
        _s(60, 8, 2),
        _s(30, 12, 5, exercise_id=2),
        _s(40, 5, 5, set_type=SetType.WARMUP),
        _s(70, 8, None),
    ]
    hint = next_set_hint(sets, SQUAT, 2, KG)
    assert hint is not None and hint.weight_kg == 60
    assert next_set_hint([_s(40, 5, 5, set_type=SetType.WARMUP)], SQUAT, 2, KG) is None
    assert next_set_hint([], SQUAT, 2, KG) is None


# --- properties ------------------------------------------------------------------------------------

EQUIPMENT = [Equipment.BARBELL, Equipment.DUMBBELL, Equipment.CABLE, Equipment.MACHINE, Equipment.OTHER]


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[list[SetEntry], Exercise, int, int, int, WeightUnit, float]:
    """A last session of 1–5 rated working sets (some at a lighter back-off load), and the settings."""
    unit = draw(st.sampled_from(list(WeightUnit)))
    exercise = Exercise("Lift", (Muscle.CHEST,), equipment=draw(st.sampled_from(EQUIPMENT)), id=1)
    top = from_unit(draw(st.floats(min_value=5, max_value=400, allow_nan=False)), unit)
    sets = []
    for _ in range(draw(st.integers(1, 5))):
        kg = top * draw(st.sampled_from([1.0, 1.0, 0.9]))
        reps = draw(st.integers(1, 20))
        if draw(st.booleans()) and draw(st.booleans()):
            sets.append(
                _s(kg, reps, failure=draw(st.sampled_from([FailureKind.TECHNICAL, FailureKind.ABSOLUTE])))
            )
        else:
            sets.append(_s(kg, reps, draw(st.integers(0, 5))))
    sets[0].weight_kg = top
    rep_min = draw(st.integers(1, 12))
    rep_max = draw(st.integers(rep_min, 20))
    target = draw(st.integers(0, 4))
    bias = draw(st.sampled_from([0.0, 0.5, 1.0, -1.0]))
    return sets, exercise, rep_min, rep_max, target, unit, bias


def _load(
    sets: list[SetEntry], scenario: tuple[list[SetEntry], Exercise, int, int, int, WeightUnit, float]
) -> float:
    _, exercise, rep_min, rep_max, target, unit, bias = scenario
    suggestion = suggest_next(sets, exercise, rep_min, rep_max, target, unit, bias)
    assert suggestion is not None
    return suggestion.weight_kg


@given(scenarios(), st.data())
def test_more_reps_at_the_same_rir_never_lowers_the_load(
    scenario: tuple[list[SetEntry], Exercise, int, int, int, WeightUnit, float], data: st.DataObject
) -> None:
    sets = scenario[0]
    i = data.draw(st.integers(0, len(sets) - 1))
    more = [*sets]
    more[i] = _s(sets[i].weight_kg, sets[i].reps + data.draw(st.integers(1, 5)), sets[i].rir, sets[i].failure)
    assert _load(more, scenario) >= _load(sets, scenario) - 1e-9


@given(scenarios(), st.data())
def test_more_reps_in_reserve_at_the_same_reps_never_lowers_the_load(
    scenario: tuple[list[SetEntry], Exercise, int, int, int, WeightUnit, float], data: st.DataObject
) -> None:
    sets = scenario[0]
    i = data.draw(st.integers(0, len(sets) - 1))
    old_rir = sets[i].rir or 0
    easier = [*sets]
    easier[i] = _s(sets[i].weight_kg, sets[i].reps, old_rir + data.draw(st.integers(1, 5)))
    assert _load(easier, scenario) >= _load(sets, scenario) - 1e-9


@given(scenarios())
def test_suggestions_are_loadable_and_within_ten_percent_or_one_step(
    scenario: tuple[list[SetEntry], Exercise, int, int, int, WeightUnit, float],
) -> None:
    sets, exercise, _, rep_max, _, unit, _ = scenario
    step = loadable_increment(exercise.equipment, unit)
    shown = to_unit(_load(sets, scenario), unit)
    assert shown / step == pytest.approx(round(shown / step), abs=1e-6)
    assert shown >= step
    last = to_unit(max(s.weight_kg for s in sets), unit)
    assert abs(shown - last) <= max(0.10 * last, step) + 1e-6
    suggestion = suggest_next(sets, exercise, scenario[2], rep_max, scenario[4], unit, scenario[6])
    assert suggestion is not None and scenario[2] <= suggestion.reps <= rep_max


@given(scenarios())
def test_hints_are_loadable_and_within_ten_percent_or_one_step(
    scenario: tuple[list[SetEntry], Exercise, int, int, int, WeightUnit, float],
) -> None:
    sets, exercise, _, _, target, unit, bias = scenario
    hint = next_set_hint(sets, exercise, target, unit, bias)
    assert hint is not None and hint.reps >= 1
    step = loadable_increment(exercise.equipment, unit)
    shown = to_unit(hint.weight_kg, unit)
    last = to_unit(sets[-1].weight_kg, unit)
    assert shown / step == pytest.approx(round(shown / step), abs=1e-6)
    assert abs(shown - last) <= max(0.10 * last, step) + 1e-6


# --- RIR bias and the hint: monotone too; the e1RM the suggestion rests on -----------------------


@given(scenarios(), st.floats(min_value=-3.0, max_value=3.0), st.floats(min_value=-3.0, max_value=3.0))
def test_a_larger_rir_bias_never_lowers_the_suggested_load(
    scenario: tuple[list[SetEntry], Exercise, int, int, int, WeightUnit, float], a: float, b: float
) -> None:
    sets, exercise, rep_min, rep_max, target, unit, _ = scenario
    low, high = sorted((a, b))
    less = suggest_next(sets, exercise, rep_min, rep_max, target, unit, low)
    more = suggest_next(sets, exercise, rep_min, rep_max, target, unit, high)
    assert less is not None and more is not None
    assert more.weight_kg >= less.weight_kg - 1e-9


@given(scenarios(), st.data())
def test_more_reserve_on_the_last_set_never_lowers_the_hint(
    scenario: tuple[list[SetEntry], Exercise, int, int, int, WeightUnit, float], data: st.DataObject
) -> None:
    sets, exercise, _, _, target, unit, bias = scenario
    last = sets[-1]
    easier = [*sets[:-1], _s(last.weight_kg, last.reps, (last.rir or 0) + data.draw(st.integers(1, 5)))]
    before = next_set_hint(sets, exercise, target, unit, bias)
    after = next_set_hint(easier, exercise, target, unit, bias)
    assert before is not None and after is not None
    assert after.weight_kg >= before.weight_kg - 1e-9


def test_the_suggestion_carries_the_bias_corrected_e1rm_of_the_sets_it_came_from() -> None:
    s = _next([_s(80, 10, 2), _s(80, 10, 1), _s(70, 12, 2)], rir_bias=1.0)
    # the two sets at 80 kg: 10 @ (2 + 1) → n = 13 → 65.3 %; 10 @ (1 + 1) → n = 12 → 68.0 %
    assert s.evidence_sets == 2
    assert s.e1rm_kg == pytest.approx((80 / 0.653 + 80 / 0.680) / 2)
    quiet = suggest_next([_s(80, 10, 2)], SQUAT, 8, 12, 2, KG, 1.0, note_bias=False)
    assert quiet is not None and "corrected" not in quiet.reason


# --- the lifter's load steps and e1RM formula -----------------------------------------------------------


def test_the_dumbbell_step_decides_the_next_load() -> None:
    """10 kg × 12 @ RIR 2 tops the 8–12 range: add one step. 2 kg dumbbells: 12 kg; 2.5 kg ones: 12.5 kg."""
    history = [_s(10, 12, 2, exercise_id=2)]
    default = suggest_next(history, DB_CURL, 8, 12, 2, KG)
    own = suggest_next(history, DB_CURL, 8, 12, 2, KG, steps=LoadSteps(dumbbell_kg=2.5))
    assert default is not None and own is not None
    assert (default.weight_kg, default.reps) == (12.0, 8)
    assert (own.weight_kg, own.reps) == (12.5, 8)


def test_the_formula_decides_the_e1rm_the_suggestion_reports() -> None:
    """10 kg × 12 @ RIR 2 is n = 14: RTS 10 / 0.626 = 15.97 kg, Epley 10 × (1 + 14/30) = 14.67 kg."""
    history = [_s(10, 12, 2, exercise_id=2)]
    rts = suggest_next(history, DB_CURL, 8, 12, 2, KG)
    epley = suggest_next(history, DB_CURL, 8, 12, 2, KG, formula=E1rmFormula.EPLEY)
    assert rts is not None and epley is not None
    assert rts.e1rm_kg == pytest.approx(10 / 0.626)
    assert epley.e1rm_kg == pytest.approx(10 * (1 + 14 / 30))
    assert epley.weight_kg == rts.weight_kg  # the load follows RIR, not the formula
