"""Deterministic demo history: years of one realistic lifter's training, as plain domain objects.

The charts, the recovery dashboard, the RIR calibration and the benchmarks all need data that behaves like a
real log, so the lifter here has a hidden "true 1RM" per exercise that rises with diminishing returns, picks
loads by double progression, reports RIR about one rep too low (Halperin 2022), deloads every 6-10 weeks,
takes a 2-3 month layoff midway, and fails mostly on the last sets of the last, safe exercises (F4, F6).
Nothing here touches a database: storage writes what this returns. Same arguments, same history.
"""

from __future__ import annotations

import math
import random
import re
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from gym_companion.domain.e1rm import RTS_PERCENT, load_for, reps_at
from gym_companion.domain.model import (
    BodyweightEntry,
    Equipment,
    Exercise,
    FailureKind,
    FailureSafety,
    Mechanics,
    PlannedExercise,
    Routine,
    SetEntry,
    SetType,
    TrainingEvent,
    WeightUnit,
    WorkoutSession,
)


@dataclass(slots=True)
class DemoWorkout:
    """One generated workout: the session (id None) and its sets (session_id 0 until storage fills it)."""

    session: WorkoutSession
    sets: list[SetEntry]


@dataclass(slots=True)
class DemoHistory:
    """Everything a demo database needs: workouts, weigh-ins, the current routines and upcoming events."""

    workouts: list[DemoWorkout] = field(default_factory=list)
    bodyweights: list[BodyweightEntry] = field(default_factory=list)
    routines: list[Routine] = field(default_factory=list)
    events: list[TrainingEvent] = field(default_factory=list)


# --- The lifter's exercises -------------------------------------------------------------------------------
# Novice true 1RM (kg) and the equipment the number assumes, per kind of lift. Dumbbell numbers are per
# dumbbell; bodyweight numbers are the 1RM of the moved load as a multiple of bodyweight.
_HEAVY, _COMPOUND, _ISOLATION, _BODYWEIGHT = "heavy", "compound", "isolation", "bodyweight"
_B, _D, _M, _C = Equipment.BARBELL, Equipment.DUMBBELL, Equipment.MACHINE, Equipment.CABLE
_NOVICE_1RM: dict[str, dict[str, tuple[float, Equipment]]] = {
    _HEAVY: {
        "Squat": (70, _B), "Bench Press": (55, _B), "Deadlift": (90, _B), "Overhead Press": (35, _B),
        "Front Squat": (55, _B), "Incline Bench Press": (45, _B),
    },
    _COMPOUND: {
        "Barbell Row": (50, _B), "Romanian Deadlift": (65, _B), "Hip Thrust": (70, _B), "Shrug": (90, _B),
        "Incline Dumbbell Press": (20, _D), "Dumbbell Bench Press": (22, _D),
        "Bulgarian Split Squat": (14, _D), "Leg Press": (130, _M), "Machine Chest Press": (60, _M),
        "Lat Pulldown": (55, _C), "Seated Cable Row": (55, _C),
    },
    _ISOLATION: {
        "Lying Leg Curl": (35, _M), "Seated Leg Curl": (40, _M), "Leg Extension": (50, _M),
        "Standing Calf Raise": (80, _M), "Seated Calf Raise": (45, _M), "Dumbbell Lateral Raise": (9, _D),
        "Rear Delt Fly": (8, _D), "Dumbbell Curl": (12, _D), "Hammer Curl": (14, _D),
        "Barbell Curl": (30, _B), "Skull Crusher": (25, Equipment.EZ_BAR), "Triceps Pushdown": (30, _C),
        "Overhead Triceps Extension": (18, _D),
        "Cable Crunch": (40, _C), "Face Pull": (20, _C), "Cable Fly": (15, _C),
    },
    _BODYWEIGHT: {
        "Pull-Up": (1.04, _B), "Assisted Pull-Up": (1.04, _B), "Chin-Up": (1.08, _B), "Dip": (1.12, _B),
        "Push-Up": (0.95, _B), "Hanging Leg Raise": (0.5, _B),
    },
}  # fmt: skip
_PROFILES = {name: (kind, kg, eq) for kind, lifts in _NOVICE_1RM.items() for name, (kg, eq) in lifts.items()}
# Share of bodyweight moved. Push-Up and Hanging Leg Raise stay unloaded; Assisted Pull-Up is counter-loaded.
_BODYWEIGHT_SHARE = {"Push-Up": 0.65, "Hanging Leg Raise": 0.35}
_UNLOADED = ("Push-Up", "Hanging Leg Raise")
# Growth on top of the novice 1RM: (fast novice part, slow long-term part), as fractions of the novice 1RM.
_GAINS = {_HEAVY: (0.55, 0.75), _COMPOUND: (0.5, 0.7), _ISOLATION: (0.45, 0.6), _BODYWEIGHT: (0.2, 0.35)}
_NOVICE_YEARS, _LATE_YEARS = 0.6, 4.0  # time constants of the two growth parts
# Rough strength of the same movement per implement, to rescale a profile when the library disagrees.
_IMPLEMENT = {_D: 0.45, Equipment.KETTLEBELL: 0.45, _M: 1.1, _C: 0.9}
_INCREMENT = {_D: 2.0, Equipment.KETTLEBELL: 4.0, _M: 5.0, _C: 5.0}  # 2.5 kg for bars and plates
_LIGHTEST = {_B: 20.0, Equipment.EZ_BAR: 10.0, Equipment.TRAP_BAR: 25.0, Equipment.SMITH: 15.0}
_NO_EMPTY_BAR = ("Deadlift", "Romanian Deadlift", "Hip Thrust", "Shrug")  # warm-ups start with plates on
_SWAPS = (
    ("Lying Leg Curl", "Seated Leg Curl"), ("Dumbbell Curl", "Hammer Curl"), ("Face Pull", "Rear Delt Fly"),
    ("Triceps Pushdown", "Overhead Triceps Extension"), ("Standing Calf Raise", "Seated Calf Raise"),
)  # fmt: skip

# --- Programs ----------------------------------------------------------------------------------------------
_Log = Callable[[SetType, float, int, int | None], SetEntry]  # logs one set of the current exercise
_Planned = tuple[tuple[str, int, int, int], ...]  # (exercise, sets, rep min, rep max), in order
_Template = tuple[str, _Planned]  # a routine: its name and planned exercises
_PLANNED = re.compile(r"\s*(.+?) (\d)x(\d+)-(\d+)\s*$")


def _program(*routines: str) -> tuple[_Template, ...]:
    """Routines written as a lifter would: "Upper A: Bench Press 4x4-6, Barbell Row 4x6-8, ..."."""
    parsed = []
    for routine in routines:
        name, exercises = routine.split(":")
        planned = []
        for item in exercises.split(","):
            match = _PLANNED.match(item)
            if match is None:
                raise ValueError(f"bad planned exercise {item!r}")
            planned.append((match[1], int(match[2]), int(match[3]), int(match[4])))
        parsed.append((name, tuple(planned)))
    return tuple(parsed)


_FULL_BODY_NOVICE = _program(
    "Full body A: Squat 3x5-8, Bench Press 3x5-8, Assisted Pull-Up 3x6-10, Dumbbell Lateral Raise 3x12-15,"
    " Barbell Curl 3x8-12, Cable Crunch 3x10-15",
    "Full body B: Deadlift 3x5-6, Overhead Press 3x6-8, Lat Pulldown 3x8-12, Leg Press 3x10-12,"
    " Triceps Pushdown 3x10-15",
)
_FULL_BODY = _program(
    "Full body C: Squat 3x5-8, Bench Press 3x5-8, Chin-Up 3x6-10, Dumbbell Lateral Raise 3x12-15,"
    " Push-Up 3x10-25, Cable Crunch 3x10-15",
    "Full body D: Deadlift 3x4-6, Overhead Press 3x6-8, Seated Cable Row 3x8-12, Leg Press 3x10-15,"
    " Hammer Curl 3x10-12, Triceps Pushdown 3x10-15",
)
_UPPER_LOWER = _program(
    "Upper A: Bench Press 4x4-6, Barbell Row 4x6-8, Overhead Press 3x6-10, Lat Pulldown 3x8-12,"
    " Dumbbell Lateral Raise 3x12-20, Barbell Curl 3x8-12, Triceps Pushdown 3x10-15",
    "Lower A: Squat 4x4-6, Romanian Deadlift 3x6-10, Leg Press 3x10-15, Lying Leg Curl 3x10-15,"
    " Standing Calf Raise 4x10-20, Cable Crunch 3x10-20",
    "Upper B: Incline Bench Press 4x6-8, Pull-Up 4x5-10, Dumbbell Bench Press 3x8-12,"
    " Seated Cable Row 3x8-12, Face Pull 3x12-20, Hammer Curl 3x10-12, Overhead Triceps Extension 3x10-15",
    "Lower B: Deadlift 3x3-5, Bulgarian Split Squat 3x8-12, Seated Leg Curl 3x10-15, Leg Extension 3x12-15,"
    " Seated Calf Raise 4x12-20",
)
_PUSH_PULL_LEGS = _program(
    "Push: Bench Press 4x4-6, Overhead Press 3x6-10, Incline Dumbbell Press 3x8-12,"
    " Dumbbell Lateral Raise 4x12-20, Skull Crusher 3x8-12, Triceps Pushdown 3x10-15",
    "Pull: Barbell Row 4x5-8, Pull-Up 4x5-10, Seated Cable Row 3x8-12, Face Pull 3x15-20,"
    " Barbell Curl 3x8-12, Hammer Curl 3x10-12",
    "Legs: Squat 4x4-6, Romanian Deadlift 3x8-10, Leg Press 3x10-15, Lying Leg Curl 3x10-15,"
    " Standing Calf Raise 4x10-20, Hanging Leg Raise 3x10-15",
)
_UPPER_LOWER_HEAVY = _program(
    "Upper (heavy): Bench Press 5x3-5, Chin-Up 4x5-8, Overhead Press 3x5-8, Barbell Row 3x6-8, Dip 3x6-10,"
    " Dumbbell Curl 3x8-12",
    "Lower (heavy): Squat 5x3-5, Romanian Deadlift 3x6-8, Hip Thrust 3x8-12, Lying Leg Curl 3x10-12,"
    " Standing Calf Raise 4x10-15",
    "Upper (volume): Incline Bench Press 4x6-10, Lat Pulldown 4x8-12, Machine Chest Press 3x10-12,"
    " Seated Cable Row 3x10-12, Cable Fly 3x12-15, Rear Delt Fly 3x12-20, Overhead Triceps Extension 3x10-15",
    "Lower (volume): Deadlift 4x3-5, Front Squat 3x6-8, Leg Extension 3x12-15, Seated Leg Curl 3x10-15,"
    " Seated Calf Raise 4x12-20, Cable Crunch 3x12-20",
)
_PUSH_PULL_LEGS_B = _program(
    "Push B: Incline Bench Press 4x5-8, Dumbbell Bench Press 3x8-12, Dip 3x8-12, Cable Fly 3x12-15,"
    " Dumbbell Lateral Raise 4x12-20, Overhead Triceps Extension 3x10-15",
    "Pull B: Deadlift 3x3-5, Chin-Up 4x6-10, Lat Pulldown 3x10-12, Shrug 3x10-15, Rear Delt Fly 3x15-20,"
    " Dumbbell Curl 3x10-12",
    "Legs B: Front Squat 4x4-6, Hip Thrust 3x8-12, Bulgarian Split Squat 3x8-12, Seated Leg Curl 3x10-15,"
    " Seated Calf Raise 4x12-20, Hanging Leg Raise 3x10-15",
)
_PROGRAM_CYCLE = (_UPPER_LOWER, _PUSH_PULL_LEGS, _UPPER_LOWER_HEAVY, _PUSH_PULL_LEGS_B, _FULL_BODY)
_DAY_PATTERNS = {  # weekdays (Mon = 0) for n sessions a week
    2: ((0, 3), (1, 4), (2, 5)),
    3: ((0, 2, 4), (0, 2, 5), (1, 3, 5), (0, 3, 5)),
    4: ((0, 1, 3, 4), (0, 1, 3, 5), (0, 2, 4, 5), (1, 2, 4, 6)),
    5: ((0, 1, 2, 4, 5), (0, 1, 3, 4, 5), (0, 1, 2, 3, 5)),
}
_SESSION_NOTES = (
    "Bad sleep",
    "Great pump",
    "Gym was packed",
    "Short on time",
    "Felt strong",
    "Knee a bit sore",
)
_SET_NOTES = ("Felt heavy", "Easy today", "Grip gave out", "Paused reps", "Left shoulder tight", "Belt")


@dataclass(slots=True)
class _Lift:
    """One exercise as the lifter experiences it: hidden strength and the working weight in use."""

    exercise: Exercise
    kind: str
    start_kg: float  # novice true 1RM (of the moved load, bodyweight included, for bodyweight lifts)
    gains: tuple[float, float]
    bodyweight_share: float  # 0 for external loads
    increment: float
    lightest: float  # smallest weight_kg the lifter can set up
    heaviest: float
    plateau_weeks: frozenset[int]
    clock_weeks: float = 0.0  # weeks of effective training, which drive the strength curve
    weight: float | None = None  # the weight_kg the lifter is on (added load for bodyweight lifts)

    def strength(self) -> float:
        """The hidden true 1RM before day-to-day noise and detraining."""
        years = self.clock_weeks / 52.0
        fast, slow = self.gains
        return self.start_kg * (
            1.0
            + fast * (1.0 - math.exp(-years / _NOVICE_YEARS))
            + slow * (1.0 - math.exp(-years / _LATE_YEARS))
        )

    def round_weight(self, kg: float, direction: int = 0) -> float:
        """A loadable weight_kg: the nearest increment (or the next down/up), within the lifter's limits."""
        steps = kg / self.increment
        n = math.floor(steps) if direction < 0 else math.ceil(steps) if direction > 0 else round(steps)
        return min(self.heaviest, max(self.lightest, n * self.increment))


_P15 = RTS_PERCENT[-1] / 100.0
_PERCENT_PER_EXTRA_REP = 0.025  # beyond 15 reps (calves, push-ups) each further rep costs about 2.5 % of 1RM


def _reps_to_failure(one_rm: float, load: float) -> float:
    """Reps to failure at a load: the RTS chart (e1rm.reps_at) up to 15, extrapolated beyond."""
    pct = load / one_rm
    if pct < _P15:
        return min(40.0, 15.0 + (_P15 - pct) / _PERCENT_PER_EXTRA_REP)
    return reps_at(one_rm, load)


def _utc_offset(day: date) -> timedelta:
    """Central European time with EU summer time (last Sunday of March to last Sunday of October)."""

    def last_sunday(month: int) -> date:
        d = date(day.year, month, 31)
        return d - timedelta(days=(d.weekday() + 1) % 7)

    return timedelta(hours=2 if last_sunday(3) <= day < last_sunday(10) else 1)


def _local(day: date, minutes: float) -> datetime:
    """A UTC timestamp for a local wall-clock time given in minutes after midnight."""
    wall = datetime.combine(day, time(), tzinfo=UTC) + timedelta(minutes=minutes)
    return wall - _utc_offset(day)


class _Lifter:
    """Simulates the lifter day by day; every random draw comes from one seeded generator."""

    def __init__(self, exercises: Sequence[Exercise], years: float, seed: int, end: datetime) -> None:
        self.rng = random.Random(seed)
        self.end = end
        self.last_day = end.date() - timedelta(days=1)
        self.first_day = (end - timedelta(days=years * 365.25)).date()
        rng = self.rng
        self.bw_start = rng.uniform(76.0, 80.0)
        self.bw_gain = rng.uniform(6.0, 8.0)
        self.talent = rng.gauss(1.0, 0.08)
        span = (self.last_day - self.first_day).days
        self.layoff: tuple[date, date] | None = None
        length = rng.randint(63, 90)
        earliest, latest = max(365, round(span * 0.4)), min(round(span * 0.65), span - 112 - length)
        if years >= 1.5 and latest >= earliest:
            start = self.first_day + timedelta(days=rng.randint(earliest, latest))
            self.layoff = (start, start + timedelta(days=length))
        self.detraining = rng.uniform(0.08, 0.12) * min(1.0, length / 75)
        self.lifts: dict[str, _Lift] = {}
        for e in exercises:  # the library's own exercise wins over a custom one of the same name
            known = self.lifts.get(e.name)
            if e.name in _PROFILES and e.id is not None and (known is None or known.exercise.is_custom):
                self.lifts[e.name] = self._lift(e, span)
        if not self.lifts:
            raise ValueError("the exercise library has none of the demo exercises (with ids)")

    def _lift(self, exercise: Exercise, span_days: int) -> _Lift:
        kind, start, assumed = _PROFILES[exercise.name]
        rng = self.rng
        plateaus: set[int] = set()
        for _ in range(int(span_days / 365 * 0.4) if kind != _BODYWEIGHT else 0):
            first = rng.randint(52, max(52, span_days // 7))
            plateaus.update(range(first, first + rng.randint(5, 10)))
        fast, slow = _GAINS[kind]
        gains = (fast * self.talent, slow * self.talent)
        if kind == _BODYWEIGHT:
            share = _BODYWEIGHT_SHARE.get(exercise.name, 1.0)
            start_kg = start * self.bw_start * rng.gauss(1.0, 0.04)
            if exercise.name in _UNLOADED:
                limits = (0.0, 0.0, 1.0)
            elif exercise.name == "Assisted Pull-Up" or exercise.assisted:
                limits = (-60.0, 0.0, 5.0)
            else:
                limits = (0.0, 60.0, 2.5)
            return _Lift(
                exercise, kind, start_kg, gains, share, limits[2], limits[0], limits[1], frozenset(plateaus)
            )
        equipment = exercise.equipment
        scale = _IMPLEMENT.get(equipment, 1.0) / _IMPLEMENT.get(assumed, 1.0)
        increment = _INCREMENT.get(equipment, 2.5)
        lightest = _LIGHTEST.get(equipment, increment)
        start_kg = start * scale * rng.gauss(1.0, 0.06)
        return _Lift(exercise, kind, start_kg, gains, 0.0, increment, lightest, 500.0, frozenset(plateaus))

    # --- slow-moving state -------------------------------------------------------------------------------
    def in_layoff(self, day: date) -> bool:
        """True on the days of the long break."""
        return self.layoff is not None and self.layoff[0] <= day < self.layoff[1]

    def detrained(self, day: date) -> float:
        """Strength factor: about 10 % lost over the layoff, regained within a couple of months."""
        if self.layoff is None or day < self.layoff[0]:
            return 1.0
        if day < self.layoff[1]:
            return 1.0 - self.detraining * min(1.0, (day - self.layoff[0]).days / 60)
        return 1.0 - self.detraining * math.exp(-(day - self.layoff[1]).days / 21)

    def bodyweight(self, day: date) -> float:
        """Bodyweight trend: slow gain over the years, a little heavier in winter, a dip during the layoff."""
        years = (day - self.first_day).days / 365.25
        kg = self.bw_start + self.bw_gain * (1.0 - math.exp(-years / 3.0))
        kg += 0.8 * math.cos(2 * math.pi * (day.timetuple().tm_yday - 30) / 365.25)
        if self.layoff is not None and day >= self.layoff[0]:
            if day < self.layoff[1]:
                kg -= 1.5 * min(1.0, (day - self.layoff[0]).days / 30)
            else:
                kg -= 1.5 * math.exp(-(day - self.layoff[1]).days / 40)
        return kg

    def uuid(self) -> str:
        """A version-4 style UUID from the seeded generator."""
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    # --- the history -------------------------------------------------------------------------------------
    def history(self) -> DemoHistory:
        """Walk week by week to the last day; programs, deloads and the layoff change by the week."""
        rng = self.rng
        result = DemoHistory()
        monday = self.first_day - timedelta(days=self.first_day.weekday())
        last_monday = self.last_day - timedelta(days=self.last_day.weekday())
        program, weeks_left, cycle = _FULL_BODY_NOVICE, rng.randint(16, 26), 0
        rotation = 0
        since_deload, deload_gap = 0, rng.randint(6, 10)
        usual_pattern = {n: rng.choice(p) for n, p in _DAY_PATTERNS.items()}
        week, back_from_layoff = 0, False
        while monday <= last_monday:
            final_weeks = (last_monday - monday).days < 14  # keep the latest fortnight busy, no deload
            settled = (last_monday - monday).days < 42  # the current program has run for a while
            if self.in_layoff(monday):
                back_from_layoff = True
            elif back_from_layoff:  # ease back in with full body, then continue the cycle
                back_from_layoff, program, weeks_left, rotation = False, _FULL_BODY, rng.randint(6, 10), 0
                since_deload = 0
            elif weeks_left <= 0 and not settled:
                program, weeks_left, rotation = (
                    _PROGRAM_CYCLE[cycle % len(_PROGRAM_CYCLE)],
                    rng.randint(26, 52),
                    0,
                )
                cycle += 1
            weeks_left -= 1
            names = {name for _, planned in program for name, *_ in planned}
            for lift in self.lifts.values():
                if not self.in_layoff(monday) and week not in lift.plateau_weeks:
                    lift.clock_weeks += 1.0 if lift.exercise.name in names else 0.5
            since_deload += 1
            deload = since_deload > deload_gap and not final_weeks
            if deload:
                since_deload, deload_gap = 0, rng.randint(6, 10)
            days = self._training_days(monday, program, final_weeks, usual_pattern)
            for day in days:
                if day < self.first_day or day > self.last_day or self.in_layoff(day):
                    continue
                name, planned = program[rotation % len(program)]
                rotation += 1
                previous = result.workouts[-1].session.started_at.date() if result.workouts else day
                first_back = self.layoff is not None and previous < self.layoff[1] <= day
                result.workouts.append(self._workout(day, name, planned, deload, first_back))
            monday += timedelta(days=7)
            week += 1
        result.bodyweights = self._weigh_ins()
        result.routines = [self._routine(name, planned) for name, planned in program]
        result.events = self._events()
        return result

    def _training_days(
        self, monday: date, program: tuple[_Template, ...], final: bool, usual: dict[int, tuple[int, ...]]
    ) -> list[date]:
        rng = self.rng
        roll = rng.random()
        if program in (_FULL_BODY_NOVICE, _FULL_BODY):
            n = 3 if roll < 0.5 else 4
        else:
            n = 3 if roll < 0.15 else 4 if roll < 0.75 else 5
        holiday = rng.random()
        if not final and holiday < 0.02:
            return []
        if not final and holiday < 0.06:
            n = 2
        pattern = usual[n] if rng.random() < 0.7 else rng.choice(_DAY_PATTERNS[n])
        days = [monday + timedelta(days=d) for d in pattern]
        if monday <= self.last_day < monday + timedelta(days=7):  # the latest workout was yesterday
            days = [d for d in days if d < self.last_day] + [self.last_day]
        return days

    def _routine(self, name: str, planned: _Planned) -> Routine:
        exercises = [self.lifts[n].exercise for n, *_ in planned if n in self.lifts]
        last_two = len(exercises) - 2
        return Routine(
            name=name,
            exercises=[
                PlannedExercise(
                    exercise_id=_id(self.lifts[n].exercise),
                    position=i,
                    sets=sets,
                    rep_min=lo,
                    rep_max=hi,
                    target_rir=2,
                    failure_last_set=i >= last_two
                    and self.lifts[n].exercise.failure_safety is FailureSafety.SAFE,
                )
                for i, (n, sets, lo, hi) in enumerate(p for p in planned if p[0] in self.lifts)
            ],
        )

    def _weigh_ins(self) -> list[BodyweightEntry]:
        rng = self.rng
        entries = []
        day = self.first_day
        while day <= self.last_day:
            if rng.random() < (0.15 if self.in_layoff(day) else 0.36):
                kg = round(self.bodyweight(day) + rng.gauss(0.0, 0.45), 1)
                entries.append(BodyweightEntry(measured_at=_local(day, rng.uniform(390, 465)), weight_kg=kg))
            day += timedelta(days=1)
        return entries

    def _events(self) -> list[TrainingEvent]:
        rng = self.rng
        race_day = self.end.date() + timedelta(days=rng.randint(6, 12))
        events = [TrainingEvent(title="10K race", starts_at=_local(race_day, rng.choice((540, 570, 600))))]
        if rng.random() < 0.6:
            trip_day = self.end.date() + timedelta(days=rng.randint(20, 40))
            events.append(TrainingEvent("Hiking trip", _local(trip_day, 420), no_failure_window_h=48))
        return events

    # --- one workout -------------------------------------------------------------------------------------
    def _workout(
        self,
        day: date,
        name: str,
        planned: _Planned,
        deload: bool,
        first_back: bool,
    ) -> DemoWorkout:
        rng = self.rng
        plan = [p for p in planned if p[0] in self.lifts]
        if len(plan) > 4 and rng.random() < 0.2:  # out of time: skip the last exercise
            plan.pop()
        if rng.random() < 0.1:
            plan = self._swap_one(plan)
        if day.weekday() >= 5:
            minutes = rng.uniform(600, 750)
        elif rng.random() < 0.2:
            minutes = rng.uniform(375, 450)
        else:
            minutes = rng.uniform(1035, 1185)
        started = _local(day, minutes)
        session = WorkoutSession(uuid=self.uuid(), started_at=started, name=name)
        if first_back:
            session.notes = "First session back after the break"
        elif rng.random() < 0.06:
            session.notes = rng.choice(_SESSION_NOTES)
        readiness = rng.gauss(1.0, 0.03) * self.detrained(day)
        bodyweight = self.bodyweight(day)
        clock = started + timedelta(seconds=rng.uniform(180, 480))
        sets: list[SetEntry] = []
        for order, (ex_name, planned_sets, lo, hi) in enumerate(plan):
            lift = self.lifts[ex_name]
            n_sets = planned_sets
            if deload:  # lighter and a set fewer
                n_sets = max(3, planned_sets - 1)
            elif rng.random() < 0.1:
                n_sets = min(5, max(3, planned_sets + rng.choice((-1, 1))))
            fail_sets = set() if deload else self._failure_plan(lift, order, len(plan), n_sets)
            clock += timedelta(seconds=rng.uniform(60, 180))
            clock = self._perform(
                lift, order, n_sets, lo, hi, deload, readiness, bodyweight, fail_sets, clock, sets
            )
        session.ended_at = clock + timedelta(seconds=rng.uniform(120, 480))
        return DemoWorkout(session=session, sets=sets)

    def _swap_one(self, plan: list[tuple[str, int, int, int]]) -> list[tuple[str, int, int, int]]:
        names = [p[0] for p in plan]
        for a, b in self.rng.sample(_SWAPS, len(_SWAPS)):
            for old, new in ((a, b), (b, a)):
                if old in names and new not in names and new in self.lifts:
                    i = names.index(old)
                    return [*plan[:i], (new, *plan[i][1:]), *plan[i + 1 :]]
        return plan

    def _failure_plan(self, lift: _Lift, order: int, n_exercises: int, n_sets: int) -> set[int]:
        """Which set indexes go to failure (F4: the last sets of the last exercises; F6: safe ones)."""
        rng = self.rng
        safety = lift.exercise.failure_safety
        last = n_sets - 1
        from_end = n_exercises - 1 - order
        if safety is FailureSafety.NEVER:
            return set()
        if safety is not FailureSafety.SAFE:  # technical failure only now and then, on the last set
            chance = 0.06 if from_end < 2 else 0.035 if order == 0 else 0.0
            return {last} if rng.random() < chance else set()
        if from_end < 2:
            chosen = {last} if rng.random() < (0.6 if from_end == 0 else 0.45) else set()
            if chosen and from_end == 0 and rng.random() < 0.25:
                chosen.add(last - 1)
            return chosen
        return {last} if order > 0 and rng.random() < 0.04 else set()

    def _perform(
        self,
        lift: _Lift,
        order: int,
        n_sets: int,
        rep_min: int,
        rep_max: int,
        deload: bool,
        readiness: float,
        bodyweight: float,
        fail_sets: set[int],
        clock: datetime,
        sets: list[SetEntry],
    ) -> datetime:
        """Log warm-ups (first exercise) and working sets of one exercise; returns the time after the last."""
        rng = self.rng
        exercise_id = _id(lift.exercise)
        base = lift.bodyweight_share * bodyweight
        capacity = lift.strength() * readiness * rng.gauss(1.0, 0.02)
        target_rir = 3  # the lifter aims at "RIR 2" and, under-predicting, stops about 3 short in truth
        perceived = capacity * rng.gauss(1.0, 0.025)
        weight = self._choose_weight(lift, perceived, base, rep_min, rep_max, target_rir)
        if deload:  # the usual reps with a load that leaves about 5 in reserve: reported RIR 3-4
            easy = lift.round_weight(load_for(perceived, rep_min + 1, 5) - base, -1)
            weight, target_rir, rep_max = min(weight, easy), 4, rep_min + 2
        entries: list[SetEntry] = []

        def log(set_type: SetType, kg: float, reps: int, rest: int | None) -> SetEntry:
            nonlocal clock
            clock += timedelta(seconds=(rest or 0) + reps * rng.uniform(2.5, 4.0) + 8)
            entry = SetEntry(
                uuid=self.uuid(), session_id=0, exercise_id=exercise_id, exercise_order=order,
                set_order=len(entries), set_type=set_type, weight_kg=kg, reps=reps, logged_at=clock,
                rest_before_s=rest, unit_shown=WeightUnit.KG,
            )  # fmt: skip
            entries.append(entry)
            return entry

        if order == 0 and lift.kind in (_HEAVY, _COMPOUND) and lift.bodyweight_share == 0.0:
            for kg, reps in self._warm_up_ladder(lift, weight):
                log(SetType.WARMUP, kg, reps, None if not entries else rng.randint(45, 90))
        rest_range = {_HEAVY: (150, 240), _COMPOUND: (120, 180), _BODYWEIGHT: (90, 150)}.get(
            lift.kind, (60, 120)
        )
        fresh = _reps_to_failure(capacity, base + weight)
        fatigue = 0.0  # reps lost to the earlier sets: more after long and hard sets
        for index in range(n_sets):
            rest = None if not entries else rng.randint(*rest_range)
            to_failure = fresh - fatigue
            failure = index in fail_sets and to_failure >= 1.0
            if failure:
                technical = lift.exercise.failure_safety is not FailureSafety.SAFE or rng.random() < 0.3
                reps = max(1, math.floor(to_failure - (0.5 if technical else 0.0)))
                entry = log(SetType.WORKING, weight, reps, rest)
                entry.rir, entry.failure = 0, FailureKind.TECHNICAL if technical else FailureKind.ABSOLUTE
                if (
                    entry.failure is FailureKind.TECHNICAL
                    and lift.exercise.failure_safety is FailureSafety.SPOTTER
                ):
                    entry.notes = "Spotter on the last rep" if rng.random() < 0.5 else ""
                fatigue += fresh * 0.14 + abs(rng.gauss(0.0, 0.2))
                if not technical and lift.exercise.mechanics is Mechanics.ISOLATION and rng.random() < 0.3:
                    self._drop_set(lift, capacity * 0.9, base, weight, fatigue, log)
                continue
            stop = max(1, target_rir + rng.choice((-1, 0, 0, 1, 1)))
            cap = rep_max if lift.exercise.name not in _UNLOADED or deload else 30
            reps = min(cap, math.floor(to_failure) - stop)
            reps = max(
                1, reps, min(rep_min, math.floor(to_failure) - rng.choice((1, 2)))
            )  # push to reach the bottom of the range
            true_rir = max(0, math.floor(to_failure) - reps)
            entry = log(SetType.WORKING, weight, reps, rest)
            self._rate(entry, true_rir)
            fatigue += max(0.1, fresh * (0.05 + 0.07 * max(0.0, 1.0 - true_rir / 4)) + rng.gauss(0.0, 0.1))
        if not deload:
            lift.weight = weight
        sets.extend(entries)
        return clock

    def _choose_weight(self, lift: _Lift, perceived: float, base: float, lo: int, hi: int, rir: int) -> float:
        """Double progression: keep the weight until the top of the rep range is easy, then add one step."""
        aim = min(hi, lo + 1)
        fresh = lift.round_weight(load_for(perceived, aim, rir) - base, 0)
        if lift.weight is None:
            return lift.round_weight(load_for(perceived * 0.95, aim, rir) - base, -1)
        reps_left = _reps_to_failure(perceived, base + lift.weight) - rir
        if reps_left > hi + 0.5:
            return max(fresh, lift.round_weight(lift.weight + lift.increment))
        if reps_left < lo - 1:
            return min(fresh, lift.round_weight(lift.weight - lift.increment))
        return lift.weight

    def _warm_up_ladder(self, lift: _Lift, working: float) -> list[tuple[float, int]]:
        rng = self.rng
        ladder: list[tuple[float, int]] = []
        if lift.exercise.name not in _NO_EMPTY_BAR:
            ladder.append((lift.lightest, rng.randint(8, 12)))
        for share, reps in ((0.4, rng.randint(5, 8)), (0.6, rng.randint(3, 5)), (0.8, rng.randint(1, 3))):
            kg = lift.round_weight(working * share, -1)
            if kg < working and (not ladder or kg > ladder[-1][0]):
                ladder.append((kg, reps))
        return ladder

    def _drop_set(
        self, lift: _Lift, capacity: float, base: float, weight: float, fatigue: float, log: _Log
    ) -> None:
        rng = self.rng
        lighter = lift.round_weight(weight * 0.8, -1)
        if lighter >= weight:
            return
        to_failure = _reps_to_failure(capacity, base + lighter) - fatigue
        if to_failure < 2:
            return
        absolute = rng.random() < 0.7
        entry = log(
            SetType.DROP, lighter, max(1, math.floor(to_failure) - (0 if absolute else 1)), rng.randint(5, 15)
        )
        if absolute:
            entry.rir, entry.failure = 0, FailureKind.ABSOLUTE
        else:
            entry.rir = 1

    def _rate(self, entry: SetEntry, true_rir: int) -> None:
        """Reported RIR: a rep under the truth (Halperin 2022), noisier far from failure, 5 % unrated."""
        rng = self.rng
        if rng.random() < 0.05:
            return
        spread = 0.45 + 0.12 * true_rir + (0.3 if entry.reps > 12 else 0.0)
        entry.rir = min(5, max(1, round(true_rir - 1 + rng.gauss(0.0, spread))))
        if rng.random() < 0.008:
            entry.notes = rng.choice(_SET_NOTES)


def _id(exercise: Exercise) -> int:
    if exercise.id is None:  # filtered out when the lifter is built
        raise ValueError(f"exercise {exercise.name!r} has no id")
    return exercise.id


def generate_demo_history(
    exercises: Sequence[Exercise], *, years: float, seed: int, end: datetime
) -> DemoHistory:
    """Generate `years` of one lifter's training ending just before `end` (tz-aware), deterministic in `seed`.

    `exercises` is the stored library (ids set); exercises are found by exact name, missing ones are left out.
    """
    if end.tzinfo is None:
        raise ValueError("end must be timezone-aware")
    if years <= 0:
        raise ValueError("years must be positive")
    return _Lifter(exercises, years, seed, end.astimezone(UTC)).history()
