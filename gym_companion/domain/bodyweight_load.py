"""How much of the lifter's bodyweight an exercise moves, and so the load an e1RM or a volume works from.

A pull-up at 80 kg bodyweight with a 10 kg belt moves 90 kg; an assisted pull-up with 20 kg of help (logged
as −20 kg) moves 60 kg. The logged weight of such exercises is the *added* load, so their e1RM and volume
only mean something once the bodyweight is added back:

    effective load = share × bodyweight + added load

The share is 1 where the whole body hangs from the hands or is held up by them (pull-ups, chin-ups, dips,
and every assisted machine or band, whose help is measured against the whole bodyweight). Push-ups rest
part of the weight on the feet: in the top position the hands carry about 64 % of body mass, about 70 %
with the feet on a box of about 30 cm (Ebben et al. 2011, J Strength Cond Res 25:2891). Everything else
(planks, crunches, leg raises, negatives, bench dips, inverted rows) gets no e1RM from bodyweight: the
moved share is unknown or the lift is not a strength measure, so it keeps its logged load as before.
"""

from __future__ import annotations

from gym_companion.domain.model import Exercise

FULL_BODY = 1.0
PUSH_UP_SHARE = 0.64  # Ebben et al. 2011: hands carry ~64 % of body mass in the push-up's top position
DECLINE_PUSH_UP_SHARE = 0.70  # the same study, feet raised ~30 cm

# Library exercises (by name) whose moved load includes bodyweight, with the share they move.
BODYWEIGHT_SHARE: dict[str, float] = {
    "Pull-Up": FULL_BODY,
    "Wide-Grip Pull-Up": FULL_BODY,
    "Neutral-Grip Pull-Up": FULL_BODY,
    "Chin-Up": FULL_BODY,
    "Dip": FULL_BODY,
    "Push-Up": PUSH_UP_SHARE,
    "Close-Grip Push-Up": PUSH_UP_SHARE,
    "Decline Push-Up": DECLINE_PUSH_UP_SHARE,
}


def bodyweight_share(exercise: Exercise) -> float:
    """The share of bodyweight the exercise moves (0 when its logged load is the whole load)."""
    if exercise.assisted:
        return FULL_BODY
    return BODYWEIGHT_SHARE.get(exercise.name, 0.0)


def moved_bodyweight_kg(exercise: Exercise, bodyweight_kg: float | None) -> float:
    """The part of the bodyweight (kg) this exercise moves on top of its logged load; 0 when unknown."""
    if bodyweight_kg is None or bodyweight_kg <= 0:
        return 0.0
    return bodyweight_share(exercise) * bodyweight_kg


def effective_load_kg(added_kg: float, moved_bodyweight: float) -> float:
    """The load actually moved: the bodyweight part plus the logged load (negative when assisted)."""
    return moved_bodyweight + added_kg
