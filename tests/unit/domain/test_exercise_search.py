"""Finding an exercise by typing: names and aliases, any case or word order, abbreviations, typos."""

from __future__ import annotations

import statistics
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gym_companion.domain.exercise_search import ExerciseIndex, normalize_name
from gym_companion.domain.library import load_bundled_library
from gym_companion.domain.model import Exercise, Muscle


@pytest.fixture(scope="module")
def index() -> ExerciseIndex:
    return ExerciseIndex(load_bundled_library())


def exercise(name: str, *aliases: str, id: int | None = None) -> Exercise:
    return Exercise(name=name, primary_muscles=(Muscle.CHEST,), aliases=aliases, id=id)


def top(index: ExerciseIndex, query: str) -> str:
    results = index.search(query)
    assert results, query
    return results[0].name


# --- normalize_name ---


@pytest.mark.parametrize(
    ("written", "normalized"),
    [
        ("Pull-Up", "pull up"),
        ("pull up", "pull up"),
        ("  Pull   Up ", "pull up"),
        ("Pull Ups", "pull up"),
        ("PULLUP", "pull up"),
        ("Squat (Barbell)", "squat barbell"),
        ("Triceps Pushdown (Cable - Straight Bar)", "tricep push down cable straight bar"),
        ("Bench Press, Flat", "bench press flat"),
        ("DB Curls", "dumbbell curl"),
        ("OHP", "overhead press"),
        ("rdl", "romanian deadlift"),
        ("Knee Raise (Captain's Chair)", "knee raise captain chair"),
        ("Cable Flyes", "cable fly"),
        ("Clean & Jerk", "clean and jerk"),
        ("Développé couché", "developpe couche"),
        ("()-,", ""),
    ],
)
def test_normalize_name(written: str, normalized: str) -> None:
    assert normalize_name(written) == normalized


@given(st.text())
def test_normalize_name_is_idempotent(text: str) -> None:
    once = normalize_name(text)
    assert normalize_name(once) == once


@given(st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126)))
def test_normalize_name_ignores_case_and_spacing(text: str) -> None:
    assert normalize_name(text.upper()) == normalize_name(text.lower())
    assert normalize_name(f"  {text}  ") == normalize_name(text)


# --- exact ---


def test_exact_matches_name_and_aliases_in_any_case_and_word_order(index: ExerciseIndex) -> None:
    squat = index.exact("Squat")
    assert squat is not None
    for written in ("squat", "SQUAT (BARBELL)", "Barbell Squat", "barbell back squat", "Back Squat Barbell"):
        assert index.exact(written) is squat, written


def test_exact_knows_abbreviations(index: ExerciseIndex) -> None:
    curl = index.exact("curl db")
    assert curl is not None
    assert curl.name == "Dumbbell Curl"


@pytest.mark.parametrize("written", ["", "   ", "--", "Underwater Basket Weaving", "bench"])
def test_exact_does_not_guess(written: str) -> None:
    local = ExerciseIndex([exercise("Bench Press"), exercise("Bench Dip")])
    assert local.exact(written) is None


def test_exact_returns_the_indexed_object_with_its_id() -> None:
    custom = exercise("Zercher Carry", id=42)
    local = ExerciseIndex([exercise("Bench Press", id=1), custom])
    found = local.exact("zercher-carry")
    assert found is custom
    assert found.id == 42


def test_same_words_in_another_order_for_two_exercises_is_not_an_exact_match() -> None:
    local = ExerciseIndex([exercise("Low to High Fly"), exercise("High to Low Fly")])
    assert local.exact("low to high fly") is not None
    assert local.exact("fly high low to") is None


def test_a_name_beats_another_exercises_alias() -> None:
    row = exercise("Cable Row")
    seated = exercise("Seated Cable Row", "Row Cable")
    local = ExerciseIndex([seated, row])
    assert local.exact("Cable Row") is row
    assert local.exact("row cable") is seated  # its own alias, written exactly


# --- search ---


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("bench press", "Bench Press"),
        ("Bench Press", "Bench Press"),
        ("BENCH PRESS", "Bench Press"),
        ("press bench", "Bench Press"),
        ("barbell back squat", "Squat"),
        ("Squat (Barbell)", "Squat"),
        ("dumbbell curl", "Dumbbell Curl"),
        ("curl db", "Dumbbell Curl"),
        ("db curl", "Dumbbell Curl"),
        ("Bicep Curl (Dumbbell)", "Dumbbell Curl"),
        ("Lat Pulldown (Cable)", "Lat Pulldown"),
        ("ohp", "Overhead Press"),
        ("rdl", "Romanian Deadlift"),
        ("bb row", "Barbell Row"),
        ("pull up", "Pull-Up"),
        ("chin-ups", "Chin-Up"),
        ("bech press", "Bench Press"),
        ("sqaut", "Squat"),
        ("dumbel curl", "Dumbbell Curl"),
        ("pulld", "Lat Pulldown"),
        ("latpulldown", "Lat Pulldown"),
        ("dead", "Deadlift"),
        ("sq", "Squat"),
        ("incline", "Incline Bench Press"),
        ("leg ext", "Leg Extension"),
        ("face", "Face Pull"),
        ("Butterfly (Pec Deck)", "Pec Deck"),
    ],
)
def test_search_puts_the_expected_exercise_first(index: ExerciseIndex, query: str, expected: str) -> None:
    assert top(index, query) == expected


def test_search_lists_related_exercises_after_the_exact_one(index: ExerciseIndex) -> None:
    names = [found.name for found in index.search("bench press", limit=5)]
    assert names[0] == "Bench Press"
    assert {"Incline Bench Press", "Dumbbell Bench Press"} <= set(names)


def test_exact_beats_prefix_beats_typo() -> None:
    local = ExerciseIndex(
        [exercise("Bench Dip"), exercise("Benchmark Press"), exercise("Bench Press"), exercise("Leg Press")]
    )
    assert [found.name for found in local.search("bench press")] == [
        "Bench Press",  # exact
        "Benchmark Press",  # every word a prefix
        "Bench Dip",  # most words
        "Leg Press",
    ]
    assert local.search("bech press")[0].name == "Bench Press"


def test_search_finds_aliases() -> None:
    local = ExerciseIndex([exercise("Lat Pulldown"), exercise("Pec Deck", "Butterfly")])
    assert [found.name for found in local.search("butter")] == ["Pec Deck"]


def test_search_respects_the_limit_and_returns_each_exercise_once(index: ExerciseIndex) -> None:
    results = index.search("curl", limit=5)
    assert len(results) == 5
    assert len({found.name for found in results}) == 5
    assert index.search("curl", limit=0) == []


@pytest.mark.parametrize("query", ["", "   ", "()", "-"])
def test_an_empty_query_finds_nothing(index: ExerciseIndex, query: str) -> None:
    assert index.search(query) == []


def test_nonsense_finds_nothing(index: ExerciseIndex) -> None:
    assert index.search("xyzzyq") == []


def test_search_is_fast_enough_for_a_type_ahead_box(index: ExerciseIndex) -> None:
    queries = [
        "b",
        "be",
        "ben",
        "bench",
        "bench p",
        "bech press",
        "curl db",
        "barbell back squat",
        "rear delt",
    ]
    timings = []
    for _ in range(20):
        for query in queries:
            fresh = time.perf_counter()
            index.search(query)
            timings.append(time.perf_counter() - fresh)
    # Target is 2 ms per keystroke on a laptop; the bound leaves room for a loaded CI machine.
    assert statistics.median(timings) < 0.005
