"""FitNotes: one day one session at local noon, row order, units per row or in the header."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from helpers.csv_files import FIXTURES, no_progress

from gym_companion.domain.model import SetType, WeightUnit
from gym_companion.exchange.csv_source import open_csv
from gym_companion.exchange.fitnotes import read_fitnotes
from gym_companion.exchange.records import SKIP_CARDIO, SKIP_NO_REPS

BERLIN = ZoneInfo("Europe/Berlin")


def test_current_export() -> None:
    parsed = read_fitnotes(open_csv(FIXTURES / "fitnotes.csv"), BERLIN, no_progress)
    assert parsed.label == "FitNotes"
    first, second = parsed.sessions
    assert first.started_at == datetime(2024, 5, 1, 10, 0, tzinfo=UTC)  # noon CEST
    assert first.name == "Back, Biceps, Forearms"  # the day's categories; the skipped run is not one
    assert [(s.exercise, s.weight, s.unit, s.reps) for s in first.sets] == [
        ("Barbell Row", 20.0, WeightUnit.KG, 15),
        ("Barbell Row", 45.0, WeightUnit.KG, 8),
        ("Cable Curl", 8.75, WeightUnit.KG, 12),
        ("Barbell Row", 47.5, WeightUnit.KG, 8),
        ("Zottman Wrist Thing", 10.0, WeightUnit.LB, 12),
    ]
    assert first.sets[0].notes == "warm up"
    assert first.sets[4].category == "Forearms"
    assert all(s.set_type is SetType.WORKING and s.rir is None for s in first.sets)
    assert second.name == "Chest"
    assert second.sets[0].notes == "=SUM(A1)"  # kept as written: only the native format neutralises
    assert parsed.skipped == {SKIP_CARDIO: 1}


def test_older_export_with_the_unit_in_the_header_and_no_comment() -> None:
    parsed = read_fitnotes(open_csv(FIXTURES / "fitnotes_old.csv"), BERLIN, no_progress)
    assert parsed.label == "FitNotes (older, no Comment)"
    assert [(s.exercise, s.weight, s.unit) for s in parsed.sessions[0].sets] == [
        ("Pull Up", 0.0, WeightUnit.LB),
        ("Seated Cable Row", 100.0, WeightUnit.LB),
    ]
    assert parsed.skipped == {SKIP_NO_REPS: 1}
