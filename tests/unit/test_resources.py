"""Bundled files are found from a checkout, from an installed wheel and from the PyInstaller bundle."""

from __future__ import annotations

import wave
from pathlib import Path

import pytest

from gym_companion.domain.library import library_path, load_library_file
from gym_companion.resources import resource_path


def make_layout(root: Path, *files: str) -> Path:
    """A fake install under `root`: the package folder `root/pkg`, and the given files (relative to root)."""
    package = root / "pkg"
    package.mkdir()
    for relative in files:
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(relative)
    return package


def test_a_checkout_finds_the_source_trees_resources_folder(tmp_path: Path) -> None:
    package = make_layout(tmp_path, "resources/sounds/rest_over.wav")
    found = resource_path("sounds/rest_over.wav", package)
    assert found == tmp_path / "resources" / "sounds" / "rest_over.wav"


def test_an_installed_copy_wins_over_a_source_tree_beside_it(tmp_path: Path) -> None:
    # A wheel (or the bundle built from it) installed next to an old checkout must use its own files.
    package = make_layout(tmp_path, "pkg/_resources/exercises.json", "resources/exercises.json")
    found = resource_path("exercises.json", package)
    assert found.read_text() == "pkg/_resources/exercises.json"


def test_a_missing_resource_names_every_place_it_looked(tmp_path: Path) -> None:
    package = make_layout(tmp_path)
    with pytest.raises(FileNotFoundError) as error:
        resource_path("icons/nope.svg", package)
    message = str(error.value)
    assert "'icons/nope.svg'" in message
    assert str(package / "_resources" / "icons" / "nope.svg") in message
    assert str(tmp_path / "resources" / "icons" / "nope.svg") in message


def test_the_files_the_app_needs_are_found_and_usable() -> None:
    exercises = load_library_file(library_path())
    assert len(exercises) >= 150  # the whole exercise library, not an empty stand-in
    with wave.open(str(resource_path("sounds/rest_over.wav"))) as sound:
        assert sound.getnframes() / sound.getframerate() > 0.3  # an audible alarm
    icon = resource_path("icons/gym-companion.svg").read_text(encoding="utf-8")
    assert icon.lstrip().startswith("<?xml") and 'viewBox="0 0 256 256"' in icon
