"""The bundled exercise library: resources/exercises.json checked entry by entry and turned into Exercises.

A bad entry is a packaging bug or a broken user edit; either way the message names the entry and the problem.
"""

from __future__ import annotations

import enum
import json
import math
from pathlib import Path
from typing import TypeVar

from gym_companion.domain.exercise_search import normalize_name
from gym_companion.domain.model import Equipment, Exercise, FailureSafety, Mechanics, Muscle
from gym_companion.resources import resource_path

LIBRARY_FILE = "exercises.json"
MAX_REST_S = 900
FATIGUE_FACTOR_RANGE = (0.5, 2.0)
_REQUIRED = ("name", "primary", "equipment", "mechanics", "failure_safety", "default_rest_s")
_OPTIONAL = ("aliases", "secondary", "fatigue_factor", "assisted")
_Choice = TypeVar("_Choice", bound=enum.StrEnum)


class LibraryError(ValueError):
    """An exercise library entry is malformed; the message names the entry and what is wrong with it."""


def library_path() -> Path:
    """Where the bundled exercises.json is, installed or in a source checkout."""
    return resource_path(LIBRARY_FILE)


def load_library_file(path: Path) -> list[Exercise]:
    """Read and validate a library JSON file (a list of entries); LibraryError names the file and entry."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise LibraryError(f"{path}: cannot read the exercise library: {error}") from error
    if not isinstance(data, list):
        raise LibraryError(f"{path}: the exercise library must be a JSON list of exercises")
    try:
        return parse_library(data)
    except LibraryError as error:
        raise LibraryError(f"{path}: {error}") from error


def load_bundled_library() -> list[Exercise]:
    """The exercises shipped with the app."""
    return load_library_file(library_path())


def parse_library(data: list[dict[str, object]]) -> list[Exercise]:
    """Turn library entries into Exercises, rejecting unknown values, missing muscles and clashing names.

    Two exercises may not share a name or alias after normalisation, nor the same words in another order,
    so every name in an import maps to exactly one exercise.
    """
    exercises: list[Exercise] = []
    owners: dict[str, str] = {}  # normalised name/alias -> label of the entry that has it
    key_owners: dict[tuple[str, ...], str] = {}
    for index, entry in enumerate(data):
        exercise = _parse_entry(index, entry)
        label = _label(index, exercise.name)
        own_texts = {normalize_name(written): written for written in (exercise.name, *exercise.aliases)}
        for text, written in own_texts.items():
            if not text:
                raise LibraryError(f"{label}: name or alias {written!r} has no letters or digits")
            if text in owners:
                raise LibraryError(f"{label}: {written!r} is already a name or alias of {owners[text]}")
            key = tuple(sorted(text.split()))
            if key in key_owners and key_owners[key] != label:
                raise LibraryError(
                    f"{label}: {written!r} has the same words as a name or alias of {key_owners[key]}"
                )
        for text in own_texts:
            owners[text] = label
            key_owners.setdefault(tuple(sorted(text.split())), label)
        exercises.append(exercise)
    return exercises


def _label(index: int, name: object) -> str:
    return f"entry {index + 1} ({name!r})" if isinstance(name, str) and name else f"entry {index + 1}"


def _parse_entry(index: int, entry: object) -> Exercise:
    if not isinstance(entry, dict):
        raise LibraryError(f"entry {index + 1}: expected an object, got {type(entry).__name__}")
    label = _label(index, entry.get("name"))
    unknown = sorted(str(key) for key in entry if key not in _REQUIRED + _OPTIONAL)
    if unknown:
        raise LibraryError(f"{label}: unknown field(s) {', '.join(unknown)}")
    missing = [key for key in _REQUIRED if key not in entry]
    if missing:
        raise LibraryError(f"{label}: missing field(s) {', '.join(missing)}")

    name = entry["name"]
    if not isinstance(name, str) or not name.strip():
        raise LibraryError(f"{label}: name must be a non-empty text")
    aliases = _texts(label, "aliases", entry.get("aliases", []))
    primary = _muscles(label, "primary", entry["primary"])
    if not primary:
        raise LibraryError(f"{label}: no primary muscle")
    secondary = _muscles(label, "secondary", entry.get("secondary", []))
    both = [muscle.value for muscle in primary if muscle in secondary]
    if both:
        raise LibraryError(f"{label}: muscle(s) {', '.join(both)} listed as both primary and secondary")

    rest = entry["default_rest_s"]
    if not isinstance(rest, int) or isinstance(rest, bool) or not 0 <= rest <= MAX_REST_S:
        raise LibraryError(f"{label}: default_rest_s must be whole seconds in 0..{MAX_REST_S}, got {rest!r}")
    factor = entry.get("fatigue_factor", 1.0)
    low, high = FATIGUE_FACTOR_RANGE
    if (
        not isinstance(factor, int | float)
        or isinstance(factor, bool)
        or not math.isfinite(factor)
        or not low <= factor <= high
    ):
        raise LibraryError(f"{label}: fatigue_factor must be a number in {low}..{high}, got {factor!r}")
    assisted = entry.get("assisted", False)
    if not isinstance(assisted, bool):
        raise LibraryError(f"{label}: assisted must be true or false, got {assisted!r}")

    return Exercise(
        name=name.strip(),
        primary_muscles=primary,
        secondary_muscles=secondary,
        equipment=_choice(label, "equipment", Equipment, entry["equipment"]),
        mechanics=_choice(label, "mechanics", Mechanics, entry["mechanics"]),
        failure_safety=_choice(label, "failure_safety", FailureSafety, entry["failure_safety"]),
        default_rest_s=rest,
        aliases=aliases,
        fatigue_factor=float(factor),
        assisted=assisted,
    )


def _texts(label: str, field: str, value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        raise LibraryError(f"{label}: {field} must be a list of non-empty texts")
    return tuple(item.strip() for item in value)


def _muscles(label: str, field: str, value: object) -> tuple[Muscle, ...]:
    if not isinstance(value, list):
        raise LibraryError(f"{label}: {field} must be a list of muscles")
    muscles: list[Muscle] = []
    for item in value:
        try:
            muscle = Muscle(item)
        except ValueError:
            known = ", ".join(m.value for m in Muscle)
            raise LibraryError(f"{label}: unknown muscle {item!r} in {field} (known: {known})") from None
        if muscle in muscles:
            raise LibraryError(f"{label}: muscle {muscle.value!r} listed twice in {field}")
        muscles.append(muscle)
    return tuple(muscles)


def _choice(label: str, field: str, kind: type[_Choice], value: object) -> _Choice:
    known = ", ".join(member.value for member in kind)
    if not isinstance(value, str):
        raise LibraryError(f"{label}: unknown {field} {value!r} (known: {known})")
    try:
        return kind(value)
    except ValueError:
        raise LibraryError(f"{label}: unknown {field} {value!r} (known: {known})") from None
