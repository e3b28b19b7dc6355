"""Per-session progress of one exercise: the top set (heaviest load, most reps at it) and the volume.

No Qt here: the History page draws plain lists (x in POSIX seconds, loads in kg) under the e1RM chart.
Built from the same read as the e1RM chart (the exercise's sets as columns): one query per exercise.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gym_companion.domain.records import load_key
from gym_companion.storage.repositories.history_queries import WorkSets


@dataclass(slots=True)
class SessionProgress:
    """One exercise, one entry per workout, oldest first.

    x: the workout's first non-warm-up set of the exercise (POSIX seconds). top_kg: its heaviest load
    (0 or less for bodyweight and assisted sets, where reps tell the progress); top_reps: the most reps
    done at that load. volume_kg: load x reps over its non-warm-up sets with a positive load (as the
    weekly tonnage and the finish summary count it). sets: its non-warm-up sets, rated or not.
    """

    exercise_id: int
    x: list[float] = field(default_factory=list)
    top_kg: list[float] = field(default_factory=list)
    top_reps: list[int] = field(default_factory=list)
    volume_kg: list[float] = field(default_factory=list)
    sets: list[int] = field(default_factory=list)

    def index_at(self, x: float) -> int | None:
        """The workout that starts exactly at `x` (None if none does)."""
        try:
            return self.x.index(x)
        except ValueError:
            return None


def build_session_progress(exercise_id: int, sets: WorkSets) -> SessionProgress:
    """Top set and volume per workout from the exercise's non-warm-up sets (oldest first).

    Loads are compared as domain.records does (load_key: equal to 0.01 kg is one load), so the top set
    here is the set the records judge as the session's heaviest.
    """
    progress = SessionProgress(exercise_id)
    index_of: dict[int, int] = {}  # workout -> its index in progress
    top_kg, top_reps, volume, count = progress.top_kg, progress.top_reps, progress.volume_kg, progress.sets
    for session, at, weight, reps in zip(
        sets.session_id, sets.logged_at_s, sets.weight_kg, sets.reps, strict=True
    ):
        load = load_key(weight)
        index = index_of.get(session)
        if index is None:
            index_of[session] = len(progress.x)
            progress.x.append(at)
            top_kg.append(load)
            top_reps.append(reps)
            volume.append(weight * reps if weight > 0 else 0.0)
            count.append(1)
            continue
        if load > top_kg[index] or (load == top_kg[index] and reps > top_reps[index]):
            top_kg[index], top_reps[index] = load, reps
        if weight > 0:
            volume[index] += weight * reps
        count[index] += 1
    return progress
