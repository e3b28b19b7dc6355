"""The bundled exercise library: complete, safe-to-fail classes right, and every real import name maps."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from gym_companion.domain.exercise_search import ExerciseIndex
from gym_companion.domain.library import (
    LibraryError,
    library_path,
    load_bundled_library,
    load_library_file,
    parse_library,
)
from gym_companion.domain.model import Equipment, Exercise, FailureSafety, Mechanics, Muscle
from gym_companion.resources import resource_path

INTEROP = Path(__file__).parents[3].parent / "shared" / "interop"

CANONICAL_NAMES = (
    "Bench Press", "Squat", "Deadlift", "Overhead Press", "Barbell Row", "Pull-Up", "Chin-Up",
    "Romanian Deadlift", "Incline Dumbbell Press", "Dumbbell Bench Press", "Lat Pulldown", "Seated Cable Row",
    "Leg Press", "Lying Leg Curl", "Seated Leg Curl", "Leg Extension", "Dumbbell Lateral Raise",
    "Barbell Curl", "Dumbbell Curl", "Hammer Curl", "Triceps Pushdown", "Skull Crusher",
    "Overhead Triceps Extension",
    "Standing Calf Raise", "Seated Calf Raise", "Cable Crunch", "Face Pull", "Dip", "Hip Thrust",
    "Bulgarian Split Squat", "Machine Chest Press", "Cable Fly", "Front Squat", "Incline Bench Press",
    "Rear Delt Fly", "Shrug", "Hanging Leg Raise", "Push-Up", "Plank", "Assisted Pull-Up",
)  # fmt: skip

HEAVY_BARBELL_LIFTS = {
    "Squat",
    "Front Squat",
    "Bench Press",
    "Deadlift",
    "Sumo Deadlift",
    "Romanian Deadlift",
}

# Names in the real exports that are not strength exercises, or are one lifter's private labels (a gym, a
# colour, a friend, a timed protocol): importing them makes custom exercises, as FORMATS.md says.
NOT_LIBRARY_NAMES = {
    "Running", "Treadmill", "climbing (F)", "climbing(B)", "climbing(S)",  # cardio and sport
    "Back Deltoids", "Lower Back", "Glute", "Double raise", "Seated Triceps",  # a muscle, not an exercise
    "Hanging Leg Raise L", "Plank Mix", "Plank Tabata", "Tabata Plank Dynamic ", "KB Warm Up",
    "KB One Arm Long Cycle 30''", "KB One Arm Long Cycle 50''", "KB Snatch 30''", "Kettlebell Snatch 50''",
    "Kettlebell One Arm Swing 50''", "Kettlebell One Arm Static Hold 20’’/20’’/20’’",
    "V-bar gym group", "vbar ashlyns", "light v bar", "james grip lat pulldown", "romani seated row",
    "Leg Press Keller", "Leg Press Technogym (Gelb)",
}  # fmt: skip


@pytest.fixture(scope="module")
def library() -> list[Exercise]:
    return load_bundled_library()


@pytest.fixture(scope="module")
def by_name(library: list[Exercise]) -> dict[str, Exercise]:
    return {exercise.name: exercise for exercise in library}


@pytest.fixture(scope="module")
def index(library: list[Exercise]) -> ExerciseIndex:
    return ExerciseIndex(library)


def good_entry(**changes: object) -> dict[str, object]:
    entry: dict[str, object] = {
        "name": "Test Press",
        "aliases": ["Press (Test)"],
        "primary": ["chest"],
        "secondary": ["triceps"],
        "equipment": "barbell",
        "mechanics": "compound",
        "failure_safety": "spotter",
        "default_rest_s": 120,
        "fatigue_factor": 1.0,
        "assisted": False,
    }
    entry.update(changes)
    return entry


# --- the bundled file ---


def test_bundled_library_is_found_and_large(library: list[Exercise]) -> None:
    assert library_path().name == "exercises.json"
    assert library_path().is_file()
    assert len(library) >= 150


def test_every_exercise_has_muscles_and_a_failure_safety_class(library: list[Exercise]) -> None:
    for exercise in library:
        assert exercise.primary_muscles, exercise.name
        assert all(
            isinstance(muscle, Muscle) for muscle in exercise.primary_muscles + exercise.secondary_muscles
        )
        assert isinstance(exercise.failure_safety, FailureSafety), exercise.name
        assert isinstance(exercise.equipment, Equipment)
        assert isinstance(exercise.mechanics, Mechanics)
        assert not exercise.is_custom
        assert exercise.id is None


def test_canonical_names_used_by_the_demo_exist(by_name: dict[str, Exercise]) -> None:
    missing = [name for name in CANONICAL_NAMES if name not in by_name]
    assert missing == []


@pytest.mark.parametrize(
    ("name", "safety"),
    [
        ("Squat", FailureSafety.SPOTTER),
        ("Front Squat", FailureSafety.SPOTTER),
        ("Bench Press", FailureSafety.SPOTTER),
        ("Incline Bench Press", FailureSafety.SPOTTER),
        ("Overhead Press", FailureSafety.SPOTTER),
        ("Skull Crusher", FailureSafety.SPOTTER),
        ("Barbell Lunge", FailureSafety.SPOTTER),
        ("Deadlift", FailureSafety.TECHNICAL_ONLY),
        ("Romanian Deadlift", FailureSafety.TECHNICAL_ONLY),
        ("Barbell Row", FailureSafety.TECHNICAL_ONLY),
        ("Hip Thrust", FailureSafety.TECHNICAL_ONLY),
        ("Barbell Curl", FailureSafety.SAFE),
        ("Dumbbell Curl", FailureSafety.SAFE),
        ("Leg Extension", FailureSafety.SAFE),
        ("Cable Fly", FailureSafety.SAFE),
        ("Lat Pulldown", FailureSafety.SAFE),
        ("Pull-Up", FailureSafety.SAFE),
        ("Power Clean", FailureSafety.NEVER),
        ("Snatch", FailureSafety.NEVER),
        ("Clean and Jerk", FailureSafety.NEVER),
    ],
)
def test_failure_safety_follows_rule_f6(
    by_name: dict[str, Exercise], name: str, safety: FailureSafety
) -> None:
    assert by_name[name].failure_safety is safety


def test_fatigue_factor_is_raised_only_for_heavy_barbell_lifts(library: list[Exercise]) -> None:
    raised = {exercise.name for exercise in library if exercise.fatigue_factor != 1.0}
    assert raised == HEAVY_BARBELL_LIFTS
    assert all(e.fatigue_factor == 1.2 for e in library if e.name in HEAVY_BARBELL_LIFTS)


def test_only_assisted_variants_take_negative_load(library: list[Exercise]) -> None:
    assisted = {exercise.name for exercise in library if exercise.assisted}
    assert {"Assisted Pull-Up", "Assisted Chin-Up", "Assisted Dip"} <= assisted
    assert all("Assisted" in name for name in assisted)


def test_rest_times_fit_the_kind_of_lift(library: list[Exercise], by_name: dict[str, Exercise]) -> None:
    for name in ("Squat", "Bench Press", "Deadlift"):
        assert by_name[name].default_rest_s == 180
    for exercise in library:
        if exercise.mechanics is Mechanics.ISOLATION:
            assert 60 <= exercise.default_rest_s <= 90, exercise.name
        else:
            assert 60 <= exercise.default_rest_s <= 180, exercise.name


def test_every_name_and_alias_finds_its_own_exercise(library: list[Exercise], index: ExerciseIndex) -> None:
    for exercise in library:
        for written in (exercise.name, *exercise.aliases):
            assert index.exact(written) is exercise, written


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Bench Press (Barbell)", "Bench Press"),
        ("Squat (Barbell)", "Squat"),
        ("Bicep Curl (Dumbbell)", "Dumbbell Curl"),
        ("Bicep Curl (Barbell)", "Barbell Curl"),
        ("Deadlift (Barbell)", "Deadlift"),
        ("Overhead Press (Barbell)", "Overhead Press"),
        ("Lat Pulldown (Cable)", "Lat Pulldown"),
        ("Pull Up", "Pull-Up"),
        ("Chin Up", "Chin-Up"),
        ("Triceps Pushdown (Cable - Straight Bar)", "Triceps Pushdown"),
        ("Lateral Raise (Dumbbell)", "Dumbbell Lateral Raise"),
        ("Incline Bench Press (Dumbbell)", "Incline Dumbbell Press"),
        ("Romanian Deadlift (Barbell)", "Romanian Deadlift"),
        ("Leg Extension (Machine)", "Leg Extension"),
        ("Seated Leg Curl (Machine)", "Seated Leg Curl"),
        ("Calf Press on Leg Press", "Calf Press"),
        ("Pull Up (Assisted)", "Assisted Pull-Up"),
        ("Flat Barbell Bench Press", "Bench Press"),
        ("Barbell Squat", "Squat"),
        ("Flat Dumbbell Bench Press", "Dumbbell Bench Press"),
        ("Seated Dumbbell Press", "Dumbbell Shoulder Press"),
        ("Seated Machine Fly", "Pec Deck"),
        ("barbell back squat", "Squat"),
        ("dumbbell curl", "Dumbbell Curl"),
    ],
)
def test_strong_hevy_and_fitnotes_names_resolve(index: ExerciseIndex, written: str, name: str) -> None:
    found = index.exact(written)
    assert found is not None, written
    assert found.name == name


def _interop_exercise_names() -> set[str]:
    names: set[str] = set()
    for path in sorted(INTEROP.glob("*.csv")):
        text = path.read_text(encoding="utf-8-sig")
        header = text.split("\n", 1)[0]
        delimiter = ";" if header.count(";") > header.count(",") else ","
        for row in csv.DictReader(text.splitlines(), delimiter=delimiter):
            for column in ("Exercise Name", "exercise_title", "Exercise"):
                if row.get(column):
                    names.add(row[column])
    return names


def test_every_strength_exercise_in_real_exports_resolves(index: ExerciseIndex) -> None:
    if not INTEROP.is_dir():
        pytest.skip(f"no interop exports at {INTEROP}")
    names = _interop_exercise_names()
    assert len(names) > 200  # the seven exports were read
    unresolved = sorted(name for name in names - NOT_LIBRARY_NAMES if index.exact(name) is None)
    assert unresolved == []


# --- parsing and validation ---


def test_parse_builds_exercises_from_entries() -> None:
    [exercise] = parse_library([good_entry()])
    assert exercise == Exercise(
        name="Test Press",
        primary_muscles=(Muscle.CHEST,),
        secondary_muscles=(Muscle.TRICEPS,),
        equipment=Equipment.BARBELL,
        mechanics=Mechanics.COMPOUND,
        failure_safety=FailureSafety.SPOTTER,
        default_rest_s=120,
        aliases=("Press (Test)",),
    )


def test_optional_fields_take_defaults() -> None:
    entry = good_entry()
    for key in ("aliases", "secondary", "fatigue_factor", "assisted"):
        del entry[key]
    [exercise] = parse_library([entry])
    assert (exercise.aliases, exercise.secondary_muscles, exercise.fatigue_factor, exercise.assisted) == (
        (),
        (),
        1.0,
        False,
    )


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"primary": ["pecs"]}, "unknown muscle 'pecs'"),
        ({"secondary": ["chest", "neck"]}, "unknown muscle 'neck'"),
        ({"primary": []}, "no primary muscle"),
        ({"primary": "chest"}, "primary must be a list"),
        ({"primary": ["chest", "chest"]}, "listed twice"),
        ({"secondary": ["chest"]}, "both primary and secondary"),
        ({"equipment": "trampoline"}, "unknown equipment 'trampoline'"),
        ({"mechanics": "mixed"}, "unknown mechanics 'mixed'"),
        ({"failure_safety": "maybe"}, "unknown failure_safety 'maybe'"),
        ({"failure_safety": None}, "unknown failure_safety None"),
        ({"default_rest_s": 901}, "default_rest_s must be whole seconds in 0..900"),
        ({"default_rest_s": -1}, "default_rest_s"),
        ({"default_rest_s": 90.5}, "default_rest_s"),
        ({"default_rest_s": True}, "default_rest_s"),
        ({"fatigue_factor": 5}, "fatigue_factor"),
        ({"fatigue_factor": "1.2"}, "fatigue_factor"),
        ({"assisted": "yes"}, "assisted must be true or false"),
        ({"aliases": "Press"}, "aliases must be a list"),
        ({"aliases": [""]}, "aliases must be a list of non-empty texts"),
        ({"name": ""}, "name must be a non-empty text"),
        ({"colour": "red"}, "unknown field(s) colour"),
        ({"aliases": ["--"]}, "has no letters or digits"),
    ],
)
def test_bad_entries_are_rejected_naming_the_entry(changes: dict[str, object], problem: str) -> None:
    entries = [
        good_entry(name="Fine Curl", aliases=[], primary=["biceps"], secondary=[]),
        good_entry(**changes),
    ]
    with pytest.raises(LibraryError) as raised:
        parse_library(entries)
    message = str(raised.value)
    assert message.startswith("entry 2")
    assert problem in message


def test_a_missing_field_is_named() -> None:
    entry = good_entry()
    del entry["failure_safety"]
    with pytest.raises(LibraryError, match=r"entry 1 \('Test Press'\): missing field\(s\) failure_safety"):
        parse_library([entry])


def test_an_entry_that_is_not_an_object_is_rejected() -> None:
    with pytest.raises(LibraryError, match="entry 1: expected an object"):
        parse_library(["Bench Press"])  # type: ignore[list-item]


@pytest.mark.parametrize(
    ("second", "clash"),
    [
        (good_entry(name="test press", aliases=[]), "'test press' is already a name or alias of entry 1"),
        (
            good_entry(name="Other", aliases=["Test-Press"]),
            "'Test-Press' is already a name or alias of entry 1",
        ),
        (good_entry(name="Other", aliases=["PRESS  (test)"]), "already a name or alias of entry 1"),
        (good_entry(name="Other", aliases=["Test Press (Test)"]), "'Test Press (Test)' has the same words"),
    ],
)
def test_names_and_aliases_may_not_clash_after_normalisation(second: dict[str, object], clash: str) -> None:
    first = good_entry(aliases=["Press (Test)", "Press Test Test"])
    with pytest.raises(LibraryError, match="entry 2") as raised:
        parse_library([first, second])
    assert clash in str(raised.value)


def test_an_exercise_may_repeat_its_own_name_as_an_alias() -> None:
    [exercise] = parse_library([good_entry(aliases=["Test-Press", "test press"])])
    assert exercise.aliases == ("Test-Press", "test press")


def test_load_library_file_reads_json(tmp_path: Path) -> None:
    path = tmp_path / "lib.json"
    path.write_text(json.dumps([good_entry()]), encoding="utf-8")
    assert [exercise.name for exercise in load_library_file(path)] == ["Test Press"]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("[{", "cannot read the exercise library"),
        ('{"name": "Bench Press"}', "must be a JSON list"),
        (json.dumps([good_entry(primary=["pecs"])]), "entry 1 ('Test Press'): unknown muscle 'pecs'"),
    ],
)
def test_load_library_file_names_the_file_and_problem(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "lib.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LibraryError) as raised:
        load_library_file(path)
    assert str(path) in str(raised.value)
    assert problem in str(raised.value)


def test_a_missing_resource_says_where_it_looked() -> None:
    with pytest.raises(FileNotFoundError, match=r"no-such-file\.json"):
        resource_path("no-such-file.json")
