"""Weekly hard-set landmarks per muscle (MEV / MAV / MRV) and where a week's volume falls among them.

Practitioner landmarks from TRAINING_RULES.md ("Weekly hard sets per muscle"). History charts draw them
behind the hard sets per muscle per week; the finish summary can say "chest: 14 sets, in the MAV range".
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass

from gym_companion.domain.model import Muscle
from gym_companion.domain.recovery import FatigueInput


@dataclass(frozen=True, slots=True)
class Landmarks:
    """Weekly hard sets: minimum effective (MEV), the most adaptive range (MAV), maximum recoverable (MRV)."""

    mev: int
    mav_low: int
    mav_high: int
    mrv: int


class VolumeZone(enum.StrEnum):
    """Where a week's hard sets fall; a boundary opens the zone above it, except MRV (still recoverable)."""

    BELOW_MEV = "below_mev"  # sets < MEV
    MEV_TO_MAV = "mev_to_mav"  # MEV <= sets < MAV low
    IN_MAV = "in_mav"  # MAV low <= sets <= MAV high
    ABOVE_MAV = "above_mav"  # MAV high < sets <= MRV
    ABOVE_MRV = "above_mrv"  # sets > MRV


# TRAINING_RULES.md, "Weekly hard sets per muscle (practitioner landmarks, MEV / MAV / MRV)".
# Side and rear delts share one entry; the spec gives none for forearms and lower back.
LANDMARKS: dict[Muscle, Landmarks] = {
    Muscle.CHEST: Landmarks(6, 12, 20, 22),
    Muscle.BACK: Landmarks(10, 14, 22, 25),
    Muscle.BICEPS: Landmarks(8, 14, 20, 26),
    Muscle.TRICEPS: Landmarks(6, 10, 14, 18),
    Muscle.SIDE_REAR_DELTS: Landmarks(8, 16, 22, 26),
    Muscle.FRONT_DELTS: Landmarks(0, 6, 8, 12),
    Muscle.TRAPS: Landmarks(0, 12, 20, 26),
    Muscle.ABS: Landmarks(0, 16, 20, 25),
    Muscle.GLUTES: Landmarks(0, 4, 12, 16),
    Muscle.QUADS: Landmarks(8, 12, 18, 20),
    Muscle.HAMSTRINGS: Landmarks(6, 10, 16, 20),
    Muscle.CALVES: Landmarks(8, 12, 16, 20),
}


def landmarks_for(muscle: Muscle) -> Landmarks | None:
    """The muscle's weekly landmarks, or None where the spec gives none (forearms, lower back)."""
    return LANDMARKS.get(muscle)


def volume_zone(hard_sets: float, landmarks: Landmarks) -> VolumeZone:
    """Classify a week's hard sets against a muscle's landmarks."""
    if hard_sets < landmarks.mev:
        return VolumeZone.BELOW_MEV
    if hard_sets < landmarks.mav_low:
        return VolumeZone.MEV_TO_MAV
    if hard_sets <= landmarks.mav_high:
        return VolumeZone.IN_MAV
    if hard_sets <= landmarks.mrv:
        return VolumeZone.ABOVE_MAV
    return VolumeZone.ABOVE_MRV


def hard_sets_by_muscle(sets: Iterable[FatigueInput]) -> dict[Muscle, float]:
    """Hard sets per muscle for all 14 muscles (secondary counts 0.5); the caller picks the week's sets."""
    totals = dict.fromkeys(Muscle, 0.0)
    for s in sets:
        for muscle, credit in s.hard_set_credit().items():
            totals[muscle] += credit
    return totals
