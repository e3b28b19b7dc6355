"""The one question after every working set: how many reps were left, or what kind of failure (F1).

A Rating is what the lifter answers; it maps onto the stored pair (rir, failure kind).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from gym_companion.domain.model import FailureKind

RIR_CAP = 5  # "5+": anything farther from failure is recorded as 5
HARD_SET_MAX_RIR = 4  # a hard set ends at RIR <= 4 (TRAINING_RULES.md vocabulary)


class Rating(enum.Enum):
    """The answers offered by the RIR / failure prompt, in the order shown."""

    RIR_5 = "5"
    RIR_4 = "4"
    RIR_3 = "3"
    RIR_2 = "2"
    RIR_1 = "1"
    RIR_0 = "0"
    TECHNICAL = "T"
    ABSOLUTE = "F"

    @property
    def key(self) -> str:
        """The keyboard key that picks this answer."""
        return self.value

    @property
    def rir(self) -> int:
        """Reps in reserve as stored (0 for both failure kinds)."""
        if self in (Rating.TECHNICAL, Rating.ABSOLUTE):
            return 0
        return int(self.value)

    @property
    def failure(self) -> FailureKind:
        """The failure kind as stored."""
        if self is Rating.TECHNICAL:
            return FailureKind.TECHNICAL
        if self is Rating.ABSOLUTE:
            return FailureKind.ABSOLUTE
        return FailureKind.NONE

    @property
    def label(self) -> str:
        """Short button label."""
        return _LABELS[self]

    @property
    def explanation(self) -> str:
        """One plain line saying what the answer means."""
        return _EXPLANATIONS[self]


_LABELS = {
    Rating.RIR_5: "5+",
    Rating.RIR_4: "4",
    Rating.RIR_3: "3",
    Rating.RIR_2: "2",
    Rating.RIR_1: "1",
    Rating.RIR_0: "0",
    Rating.TECHNICAL: "T",
    Rating.ABSOLUTE: "F",
}
_EXPLANATIONS = {
    Rating.RIR_5: "Easy: five or more good reps left.",
    Rating.RIR_4: "Four more good reps were there.",
    Rating.RIR_3: "Three more: near failure, a solid working set.",
    Rating.RIR_2: "Two more: the sweet spot for most sets.",
    Rating.RIR_1: "One more rep, no more.",
    Rating.RIR_0: "Nothing left with good form, but form held to the end.",
    Rating.TECHNICAL: "Technical failure: the next rep would have broken form.",
    Rating.ABSOLUTE: "Absolute failure: the next rep could not move at all.",
}


def rating_for(rir: int | None, failure: FailureKind) -> Rating | None:
    """The rating that produced a stored (rir, failure) pair; None when unrated."""
    if failure is FailureKind.TECHNICAL:
        return Rating.TECHNICAL
    if failure is FailureKind.ABSOLUTE:
        return Rating.ABSOLUTE
    if rir is None:
        return None
    return Rating(str(min(max(rir, 0), RIR_CAP)))


def rating_from_key(key: str) -> Rating | None:
    """The rating for a pressed key ('0'-'5', 'T', 'F'; case-insensitive), or None."""
    key = key.strip().upper()
    for rating in Rating:
        if rating.key == key:
            return rating
    return None


def describe_effort(rir: int | None, failure: FailureKind) -> str:
    """Compact text for a set's effort: '@2', '@5+', 'T-fail', 'F-fail', or '' when unrated."""
    if failure is FailureKind.TECHNICAL:
        return "technical failure"
    if failure is FailureKind.ABSOLUTE:
        return "failure"
    if rir is None:
        return ""
    return f"RIR {'5+' if rir >= RIR_CAP else rir}"


@dataclass(frozen=True, slots=True)
class EffortPair:
    """A (rir, failure) pair ready to store."""

    rir: int | None
    failure: FailureKind
