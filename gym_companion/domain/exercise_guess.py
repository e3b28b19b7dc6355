"""A first guess at what an unknown exercise trains, from what its name plainly says.

Importers meet names the library does not know ("Back Deltoids", "Leg Press Keller"). The guess, in order:
muscle words in the name ("rear delt", "lower back", "triceps"), then a library exercise that matches the name
confidently (all of one's words are in the other's), then the file's muscle category. A loose fuzzy match
never decides: it would turn "Lower Back" into a squat.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from gym_companion.domain.exercise_search import ExerciseIndex, normalize_name
from gym_companion.domain.model import Exercise, Muscle

_DELTS = (Muscle.FRONT_DELTS, Muscle.SIDE_REAR_DELTS)

# Muscle phrases in normalize_name form (singular, lower case) -> the muscles they name. An empty tuple marks
# a phrase whose muscle word does not name the muscle trained ("chest supported row" trains the back), so
# its words are used up without a guess. Longer phrases are tried first. Left out on purpose: "back" ("back
# squat", "back extension"), "grip" ("close grip bench"), "lateral" alone ("lateral lunge"), "leg".
MUSCLE_PHRASES: dict[str, tuple[Muscle, ...]] = {
    "rear delt": (Muscle.SIDE_REAR_DELTS,),
    "rear deltoid": (Muscle.SIDE_REAR_DELTS,),
    "back delt": (Muscle.SIDE_REAR_DELTS,),
    "back deltoid": (Muscle.SIDE_REAR_DELTS,),
    "posterior delt": (Muscle.SIDE_REAR_DELTS,),
    "side delt": (Muscle.SIDE_REAR_DELTS,),
    "side deltoid": (Muscle.SIDE_REAR_DELTS,),
    "lateral delt": (Muscle.SIDE_REAR_DELTS,),
    "lateral deltoid": (Muscle.SIDE_REAR_DELTS,),
    "lateral raise": (Muscle.SIDE_REAR_DELTS,),
    "lat raise": (Muscle.SIDE_REAR_DELTS,),
    "front delt": (Muscle.FRONT_DELTS,),
    "front deltoid": (Muscle.FRONT_DELTS,),
    "anterior delt": (Muscle.FRONT_DELTS,),
    "delt": _DELTS,
    "deltoid": _DELTS,
    "shoulder": _DELTS,
    "lower back": (Muscle.LOWER_BACK,),
    "low back": (Muscle.LOWER_BACK,),
    "erector": (Muscle.LOWER_BACK,),
    "upper back": (Muscle.BACK,),
    "lat": (Muscle.BACK,),
    "latissimus": (Muscle.BACK,),
    "chest supported": (),
    "chest to bar": (),
    "chest": (Muscle.CHEST,),
    "pec": (Muscle.CHEST,),
    "trap": (Muscle.TRAPS,),
    "trapezius": (Muscle.TRAPS,),
    "bicep": (Muscle.BICEPS,),
    "leg curl": (Muscle.HAMSTRINGS,),
    "ham curl": (Muscle.HAMSTRINGS,),
    "nordic curl": (Muscle.HAMSTRINGS,),
    "wrist curl": (Muscle.FOREARMS,),
    "curl": (Muscle.BICEPS,),
    "tricep": (Muscle.TRICEPS,),
    "quad": (Muscle.QUADS,),
    "quadricep": (Muscle.QUADS,),
    "hamstring": (Muscle.HAMSTRINGS,),
    "glute": (Muscle.GLUTES,),
    "gluteus": (Muscle.GLUTES,),
    "calf": (Muscle.CALVES,),
    "ab": (Muscle.ABS,),
    "abdominal": (Muscle.ABS,),
    "core": (Muscle.ABS,),
    "oblique": (Muscle.ABS,),
    "forearm": (Muscle.FOREARMS,),
}
_PHRASES = sorted(
    ((tuple(phrase.split()), muscles) for phrase, muscles in MUSCLE_PHRASES.items()),
    key=lambda item: -len(item[0]),
)
_LONGEST = max(len(words) for words, _muscles in _PHRASES)
_CANDIDATES = 10  # library exercises checked for a confident match, best ranked first

# FitNotes categories -> muscles, for custom exercises the library cannot place.
CATEGORY_MUSCLES: dict[str, tuple[tuple[Muscle, ...], tuple[Muscle, ...]]] = {
    "chest": ((Muscle.CHEST,), ()),
    "back": ((Muscle.BACK,), ()),
    "shoulders": ((Muscle.FRONT_DELTS, Muscle.SIDE_REAR_DELTS), ()),
    "biceps": ((Muscle.BICEPS,), ()),
    "triceps": ((Muscle.TRICEPS,), ()),
    "legs": ((Muscle.QUADS,), (Muscle.HAMSTRINGS, Muscle.GLUTES)),
    "abs": ((Muscle.ABS,), ()),
    "forearm": ((Muscle.FOREARMS,), ()),
    "forearms": ((Muscle.FOREARMS,), ()),
    "glutes": ((Muscle.GLUTES,), ()),
    "calves": ((Muscle.CALVES,), ()),
    "traps": ((Muscle.TRAPS,), ()),
}


def muscles_named(name: str) -> tuple[Muscle, ...]:
    """The muscles `name` names in so many words, in order of appearance, longest phrase first at each
    word ("Back Deltoids" -> side/rear delts, "Chest Supported Row" -> none); () when it names none."""
    words = normalize_name(name).split()
    found: list[Muscle] = []
    position = 0
    while position < len(words):
        for length in range(min(_LONGEST, len(words) - position), 0, -1):
            piece = tuple(words[position : position + length])
            muscles = next((m for phrase, m in _PHRASES if phrase == piece), None)
            if muscles is not None:
                found.extend(muscles)
                position += length
                break
        else:
            position += 1
    return tuple(dict.fromkeys(found))


def confident_match(name: str, index: ExerciseIndex) -> Exercise | None:
    """The best-ranked library exercise whose name or an alias has all its words in `name` ("Leg Press
    Keller" -> Leg Press), or has every word of `name` among its own; None when only a loose match exists."""
    words = set(normalize_name(name).split())
    if not words:
        return None
    for candidate in index.search(name, _CANDIDATES):
        if any(_covers(words, set(normalize_name(form).split())) for form in _forms(candidate)):
            return candidate
    return None


def guessed_exercise(name: str, category: str, index: ExerciseIndex) -> Exercise:
    """What `name` probably is, as an exercise named `name`: the muscles it names (with a confident
    match's secondary muscles and equipment when that match trains them all), else the confident match
    (when it fits the file's muscle `category`, if any), else the category's muscles, else no muscles."""
    named = muscles_named(name)
    hint = CATEGORY_MUSCLES.get(category.strip().lower())
    closest = confident_match(name, index)
    if closest is not None:
        trains = set(closest.primary_muscles)
        fits = set(named) <= trains if named else hint is None or bool(trains & set(hint[0]))
        if fits:
            return replace(closest, name=name, aliases=(), fatigue_factor=1.0, is_custom=True, id=None)
    if named:
        return Exercise(name=name, primary_muscles=named, is_custom=True)
    primary, secondary = hint if hint is not None else ((), ())
    return Exercise(name=name, primary_muscles=primary, secondary_muscles=secondary, is_custom=True)


def _forms(exercise: Exercise) -> Iterable[str]:
    yield exercise.name
    yield from exercise.aliases


def _covers(query: set[str], form: set[str]) -> bool:
    """The form's words are all in the query ("plank" in "plank tabata"), or the query's, when it has two
    words or more, are all in the form ("seated tricep" in "seated tricep extension")."""
    if not form:
        return False
    return form <= query or (len(query) >= 2 and query <= form)
