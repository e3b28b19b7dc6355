"""Spoken rest cues: what to say, and when, as the rest countdown runs (pure; ui/session/speech.py speaks).

"Thirty seconds." at 30 s left, "Ten seconds." at 10 s if the lifter wants it, and at zero the next set:
"Rest over. Bench Press, 62 and a half kilos for 8." A cue is spoken when the countdown crosses its mark
while it runs, so cues follow the timer's own state (domain.rest_countdown): after +15 s a mark can come
again, a skip says nothing, and a crossing noticed late (the laptop slept, the timer was not ticking)
stays silent rather than say "thirty seconds" with five left. Numbers are written the way lifters say
them: halves and quarters in words, since voice engines read "62.5" as "sixty-two point five".
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass

from gym_companion.domain.model import WeightUnit
from gym_companion.domain.units import format_number, to_unit


class Cue(enum.StrEnum):
    """The moments of a rest that get a spoken cue."""

    THIRTY_SECONDS = "thirty_seconds"
    TEN_SECONDS = "ten_seconds"
    REST_OVER = "rest_over"


CUE_AT_S = {Cue.THIRTY_SECONDS: 30.0, Cue.TEN_SECONDS: 10.0, Cue.REST_OVER: 0.0}
MARK_TEXT = {Cue.THIRTY_SECONDS: "Thirty seconds.", Cue.TEN_SECONDS: "Ten seconds."}
# A mark is spoken only in a rest planned at least this much longer than it: "thirty seconds" right after
# a 35 s rest starts says nothing the lifter does not know.
MIN_LEAD_S = 10.0
# A crossing noticed more than this late stays silent (the timer ticks four times a second).
LATE_TOLERANCE_S = 2.0
_UNIT_WORDS = {WeightUnit.KG: ("kilo", "kilos"), WeightUnit.LB: ("pound", "pounds")}
_FRACTION_WORDS = {25: "and a quarter", 50: "and a half", 75: "and three quarters"}


class CueTracker:
    """Watches the remaining rest, tick by tick, and says which cue is due (at most one per tick)."""

    def __init__(self, ten_seconds: bool = True) -> None:
        self.ten_seconds = ten_seconds
        self._last: float | None = None

    def reset(self) -> None:
        """Forget the last tick (the rest was skipped or the timer stopped)."""
        self._last = None

    def update(self, remaining_s: float, duration_s: float) -> Cue | None:
        """The cue whose mark the countdown crossed since the last tick, if any.

        `remaining_s` is negative in overtime; `duration_s` is the rest as planned (after adjustments).
        Time going up (a new rest, +15 s) only moves the reference, so the marks below can come again.
        """
        previous, self._last = self._last, remaining_s
        if previous is None or remaining_s >= previous:
            return None
        for cue in (Cue.REST_OVER, Cue.TEN_SECONDS, Cue.THIRTY_SECONDS):  # the lowest mark crossed wins
            if cue is Cue.TEN_SECONDS and not self.ten_seconds:
                continue
            mark = CUE_AT_S[cue]
            crossed = previous > mark >= remaining_s > mark - LATE_TOLERANCE_S
            if crossed and (cue is Cue.REST_OVER or duration_s >= mark + MIN_LEAD_S):
                return cue
        return None


@dataclass(frozen=True, slots=True)
class NextSet:
    """The set to do when the rest is over; weight_kg None when nothing suggests one."""

    exercise_name: str
    weight_kg: float | None = None
    reps: int | None = None
    moves_bodyweight: bool = False  # the logged load is added to (or, negative, taken off) bodyweight


def mark_text(cue: Cue) -> str:
    """What to say at a mark: 'Thirty seconds.' (REST_OVER needs the next set: rest_over_text)."""
    return MARK_TEXT[cue]


def rest_over_text(next_set: NextSet | None, unit: WeightUnit) -> str:
    """'Rest over. Bench Press, 62 and a half kilos for 8.' — or less, as far as the next set is known."""
    if next_set is None:
        return "Rest over."
    if next_set.weight_kg is None:
        return f"Rest over. {next_set.exercise_name} next."
    load = spoken_load(next_set.weight_kg, unit, next_set.moves_bodyweight)
    if next_set.reps is None:
        return f"Rest over. {next_set.exercise_name}, {load}."
    reps = "1 rep" if next_set.reps == 1 else str(next_set.reps)
    return f"Rest over. {next_set.exercise_name}, {load} for {reps}."


def spoken_load(weight_kg: float, unit: WeightUnit, moves_bodyweight: bool = False) -> str:
    """A load as said aloud: '62 and a half kilos', '135 pounds'; for bodyweight exercises 'bodyweight',
    'bodyweight plus 10 kilos' or '20 kilos of assistance' (a negative load)."""
    value = round(to_unit(weight_kg, unit), 2)
    if not moves_bodyweight:
        return spoken_amount(value, unit)
    if abs(value) < 0.005:
        return "bodyweight"
    if value < 0:
        return f"{spoken_amount(-value, unit)} of assistance"
    return f"bodyweight plus {spoken_amount(value, unit)}"


def spoken_amount(value: float, unit: WeightUnit) -> str:
    """'62 and a half kilos', '1 kilo', '137.8 pounds' (digits the engine reads, fractions in words)."""
    singular, plural = _UNIT_WORDS[unit]
    return f"{spoken_number(value)} {singular if value == 1 else plural}"


def spoken_number(value: float) -> str:
    """A number as lifters say it: 62, '62 and a half', '2 and a quarter'; other decimals as digits."""
    if not math.isfinite(value):
        raise ValueError(f"cannot say {value}")
    hundredths = round(abs(value) * 100)
    whole, fraction = divmod(hundredths, 100)
    sign = "minus " if value < 0 and hundredths else ""
    if fraction == 0:
        return f"{sign}{whole}"
    if whole > 0 and fraction in _FRACTION_WORDS:
        return f"{sign}{whole} {_FRACTION_WORDS[fraction]}"
    return f"{sign}{format_number(abs(value))}"
