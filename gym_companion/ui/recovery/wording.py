"""The words and numbers the recovery page shows, and the tooltips that explain them (plain Python)."""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from gym_companion.domain.landmarks import VolumeZone
from gym_companion.domain.model import TrainingStyle
from gym_companion.domain.recovery import (
    CAPACITY_SETS,
    NO_FAILURE_PERCENT,
    READY_PERCENT,
    ReadinessBand,
    tau_hours,
)
from gym_companion.services.recovery_board import MuscleRow

BAND_LABELS = {
    ReadinessBand.READY: "Ready",
    ReadinessBand.NO_FAILURE: "Train, no failure",
    ReadinessBand.REST: "Rest or go light",
}
BAND_MEANINGS = {
    ReadinessBand.READY: f"at {READY_PERCENT:.0f} % or more: train as planned, failure sets allowed",
    ReadinessBand.NO_FAILURE: (
        f"between {NO_FAILURE_PERCENT:.0f} and {READY_PERCENT:.0f} %: train, but stop short of failure "
        "(rule F10)"
    ),
    ReadinessBand.REST: f"below {NO_FAILURE_PERCENT:.0f} %: rest it, or train it light and far from failure",
}
STYLE_LABELS = {
    TrainingStyle.SPLIT: "split",
    TrainingStyle.FULL_BODY: "full body",
    TrainingStyle.OTHER: "other",
}
ZONE_WORDS = {
    VolumeZone.BELOW_MEV: "below MEV: likely too little to grow",
    VolumeZone.MEV_TO_MAV: "between MEV and MAV",
    VolumeZone.IN_MAV: "in the MAV range",
    VolumeZone.ABOVE_MAV: "above MAV, still below MRV",
    VolumeZone.ABOVE_MRV: "above MRV: more than most lifters recover from",
}
ZONE_TAGS = {
    VolumeZone.BELOW_MEV: "< MEV",
    VolumeZone.MEV_TO_MAV: "MEV–MAV",
    VolumeZone.IN_MAV: "in MAV",
    VolumeZone.ABOVE_MAV: "> MAV",
    VolumeZone.ABOVE_MRV: "> MRV",
}
NO_HISTORY = "—"


def percent_text(percent: float) -> str:
    """A recovery percentage rounded without crossing a band line: 89.7 % shows as 89, never as 90."""
    shown = round(percent)
    for line in (READY_PERCENT, NO_FAILURE_PERCENT):
        if percent < line <= shown:
            shown = math.ceil(line) - 1
    return f"{shown:.0f} %"


def count_text(value: float) -> str:
    """A set count as lifters say it: 9, 4.5 (secondary muscles count half)."""
    return f"{value:.0f}" if value == int(value) else f"{value:.1f}"


def duration_text(hours: float) -> str:
    """How long until something happens: 'now', '< 1 h', '14 h', '2 d 3 h' (hours rounded up)."""
    if hours <= 0:
        return "now"
    if math.isinf(hours):
        return "—"
    if hours < 1:
        return "< 1 h"
    whole = math.ceil(hours - 1e-9)
    if whole < 48:
        return f"{whole} h"
    days, rest = divmod(whole, 24)
    return f"{days} d {rest} h" if rest else f"{days} d"


def ago_text(moment: datetime | None, now: datetime) -> str:
    """How long ago: 'just now', '35 min ago', '26 h ago', '3 d ago'; a dash when never."""
    if moment is None:
        return NO_HISTORY
    seconds = (now - moment).total_seconds()
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{seconds // 60:.0f} min ago"
    hours = seconds / 3600
    if hours < 48:
        return f"{hours:.0f} h ago"
    return f"{hours / 24:.0f} d ago"


def clock_text(moment: datetime, now: datetime) -> str:
    """A moment in local time, short when it is within the coming week: 'Sat 14:00' or 'Sat 21 Jun 14:00'."""
    local = moment.astimezone()
    if abs(moment - now) < timedelta(days=6):
        return local.strftime("%a %H:%M")
    return local.strftime("%a %d %b %H:%M")


def hard_sets_text(hard_sets: float, zone: VolumeZone | None) -> str:
    """This week's hard sets and where they fall, compactly: '9 · MEV–MAV' (landmarks in the tooltip)."""
    count = count_text(hard_sets)
    return count if zone is None or hard_sets == 0 else f"{count} · {ZONE_TAGS[zone]}"


def hard_sets_tooltip(row: MuscleRow) -> str:
    """Where this week's hard sets fall among the practitioner landmarks."""
    muscle = row.recovery.muscle.label
    count = count_text(row.recovery.hard_sets_this_week)
    head = f"{muscle}: {count} hard sets since Monday (RIR 4 or closer; a secondary muscle counts half)."
    if row.landmarks is None or row.zone is None:
        return f"{head}\nThe training rules give no weekly landmarks for {muscle.lower()}."
    m = row.landmarks
    return (
        f"{head}\nThat is {ZONE_WORDS[row.zone]}.\nWeekly landmarks: MEV {m.mev} (minimum effective), "
        f"MAV {m.mav_low}–{m.mav_high} (most adaptive), MRV {m.mrv} (maximum recoverable)."
    )


def recovery_tooltip(row: MuscleRow, fatigue: float, now: datetime, recovery_speed: float) -> str:
    """The inputs behind a muscle's percentage, e.g. '… → fatigue 4.8 of capacity K = 11 → 57 %'."""
    r = row.recovery
    muscle = r.muscle
    inputs = (
        f"{count_text(r.hard_sets_this_week)} hard sets since Monday, "
        f"last trained {_ago_phrase(r.last_trained, now)}, last failure {_ago_phrase(r.last_failure, now)}"
    )
    tau = tau_hours(muscle, recovery_speed)
    return (
        f"{muscle.label}: {inputs}\n"
        f"→ fatigue {fatigue:.1f} set-equivalents of capacity K = {CAPACITY_SETS[muscle]:.0f} "
        f"→ {percent_text(r.percent)}\n"
        f"Each set adds fatigue by effort (failure counts up to twice a set at RIR 2, rule F8) and it fades "
        f"with a time constant of {tau:.0f} h. {BAND_LABELS[r.band]}: {BAND_MEANINGS[r.band]}."
    )


def ready_in_tooltip(row: MuscleRow, now: datetime) -> str:
    """When the muscle reaches 90 % if it is not trained again."""
    r = row.recovery
    if r.hours_to_ready <= 0:
        return f"{r.muscle.label} is at {percent_text(r.percent)}: ready now."
    when = clock_text(now + timedelta(hours=r.hours_to_ready), now)
    return (
        f"{r.muscle.label} reaches {READY_PERCENT:.0f} % in about {duration_text(r.hours_to_ready)} "
        f"({when}), if you do not train it before then."
    )


def failure_sets_tooltip(row: MuscleRow) -> str:
    """What the per-muscle failure count means."""
    muscle = row.recovery.muscle.label
    count = count_text(row.failure_sets_this_week)
    return (
        f"{muscle}: {count} sets to failure since Monday (either kind; a secondary muscle counts half).\n"
        "Failing a muscle again before it has recovered risks overtraining (rule F10)."
    )


def ago_tooltip(what: str, row: MuscleRow, moment: datetime | None, now: datetime) -> str:
    """Tooltip for 'last trained' / 'last failure'."""
    muscle = row.recovery.muscle.label
    if moment is None:
        return f"{muscle}: no {what} in the last two weeks (older sets no longer affect recovery)."
    return f"{muscle}: {what} {ago_text(moment, now)}, {clock_text(moment, now)}."


def _ago_phrase(moment: datetime | None, now: datetime) -> str:
    return "not in the last two weeks" if moment is None else ago_text(moment, now)
