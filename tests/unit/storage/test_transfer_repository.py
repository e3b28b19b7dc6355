"""Bulk export rows and the one-transaction import write, straight against SQLite."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from gym_companion.domain.model import Exercise, Muscle, SetEntry, SetType, WorkoutSession
from gym_companion.storage.database import Database, open_database
from gym_companion.storage.repositories.exercises import ExerciseRepository
from gym_companion.storage.repositories.transfer import ImportConflictError, TransferRepository

START = datetime(2026, 3, 2, 17, 0, tzinfo=UTC)


@pytest.fixture
def database(db_path: Path) -> Iterator[Database]:
    opened = open_database(db_path)
    ExerciseRepository(opened.engine).seed([Exercise(name="Squat", primary_muscles=(Muscle.QUADS,))])
    yield opened
    opened.close()


def workout(uuid: str, day: int, exercise_id: int, sets: int = 2) -> tuple[WorkoutSession, list[SetEntry]]:
    started = START + timedelta(days=day)
    session = WorkoutSession(uuid=uuid, started_at=started, ended_at=started + timedelta(hours=1), name=uuid)
    entries = [
        SetEntry(
            uuid=f"{uuid}-{n}", session_id=0, exercise_id=exercise_id, exercise_order=0, set_order=n,
            set_type=SetType.WORKING, weight_kg=100.0 + n, reps=5, logged_at=started + timedelta(minutes=n),
        )
        for n in range(sets)
    ]  # fmt: skip
    return session, entries


def test_import_creates_placeholder_exercises_and_skips_known_sessions(database: Database) -> None:
    repo = TransferRepository(database.engine)
    custom = Exercise(name="Odd Lift", primary_muscles=(Muscle.BACK,), is_custom=True, id=-1)
    first = repo.import_history([], [workout("a", 0, 1)], lambda _created: {}, lambda: None)
    assert (first.sessions_added, first.sets_added, first.sessions_present) == (1, 2, 0)
    second = repo.import_history(
        [custom],
        [workout("a", 0, 1), workout("b", 1, -1, sets=3)],
        lambda created: {"m": created[-1]},
        lambda: None,
    )
    assert (second.sessions_added, second.sets_added, second.sessions_present) == (1, 3, 1)
    odd_id = second.exercise_ids[-1]
    rows = list(repo.export_rows(("session_uuid", "exercise_name", "set_order", "weight_kg", "logged_at")))
    assert rows == [
        ("a", "Squat", 0, 100.0, "2026-03-02 17:00:00.000000"),
        ("a", "Squat", 1, 101.0, "2026-03-02 17:01:00.000000"),
        ("b", "Odd Lift", 0, 100.0, "2026-03-03 17:00:00.000000"),
        ("b", "Odd Lift", 1, 101.0, "2026-03-03 17:01:00.000000"),
        ("b", "Odd Lift", 2, 102.0, "2026-03-03 17:02:00.000000"),
    ]
    newest = [r[0] for r in repo.export_rows(("session_uuid",), newest_first=True)]
    assert newest == ["b", "b", "b", "a", "a"]
    assert [r[0] for r in repo.export_rows(("session_uuid",), start=START + timedelta(hours=12))] == ["b"] * 3
    assert odd_id > 1
    with database.engine.connect() as con:
        assert con.exec_driver_sql("SELECT value FROM app_state WHERE key = 'm'").scalar() == str(odd_id)


def test_a_failing_check_rolls_everything_back(database: Database) -> None:
    repo = TransferRepository(database.engine)
    custom = Exercise(name="Odd Lift", primary_muscles=(Muscle.BACK,), is_custom=True, id=-1)

    def stop() -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        repo.import_history([custom], [workout("a", 0, -1)], lambda _c: {"m": 1}, stop)
    assert list(repo.export_rows(("session_uuid",))) == []
    assert [e.name for e in ExerciseRepository(database.engine).all()] == ["Squat"]
    assert repo.session_uuids() == set()


def test_a_clashing_set_identity_is_a_conflict_and_writes_nothing(database: Database) -> None:
    repo = TransferRepository(database.engine)
    repo.import_history([], [workout("a", 0, 1)], lambda _c: {}, lambda: None)
    session, sets = workout("b", 1, 1)
    sets[0].uuid = "a-0"  # already stored in workout a
    with pytest.raises(ImportConflictError, match="UNIQUE"):
        repo.import_history([], [(session, sets)], lambda _c: {}, lambda: None)
    assert repo.session_uuids() == {"a"}
    assert repo.existing_set_uuids(["a-0", "a-1", "zzz"]) == {"a-0", "a-1"}


def test_unknown_fields_are_refused(database: Database) -> None:
    with pytest.raises(ValueError, match="unknown export field"):
        list(TransferRepository(database.engine).export_rows(("password",)))


def test_exercise_notes_land_on_the_exercise_at_their_order_and_export_with_its_sets(
    database: Database,
) -> None:
    repo = TransferRepository(database.engine)
    custom = Exercise(name="Odd Lift", primary_muscles=(Muscle.BACK,), is_custom=True, id=-1)
    session, sets = workout("a", 0, 1)
    odd_session, odd_sets = workout("b", 1, -1, sets=1)
    notes = {
        "a": {0: "knees out", 5: "an exercise without sets here: dropped"},
        "b": {0: "new cue"},
    }
    repo.import_history(
        [custom], [(session, sets), (odd_session, odd_sets)], lambda _c: {}, lambda: None, notes
    )
    exported = list(repo.export_rows(("session_uuid", "exercise_name", "set_order", "exercise_note")))
    assert exported == [
        ("a", "Squat", 0, "knees out"),  # the note comes with each set of its exercise
        ("a", "Squat", 1, "knees out"),
        ("b", "Odd Lift", 0, "new cue"),
    ]
    assert [e.name for e in repo.custom_exercises()] == ["Odd Lift"]
    # Again: the workouts are present, so their notes are not written twice.
    again = repo.import_history([], [workout("a", 0, 1)], lambda _c: {}, lambda: None, notes)
    assert again.sessions_present == 1
    with database.engine.connect() as con:
        assert con.exec_driver_sql("SELECT count(*) FROM session_exercise_note").scalar() == 2
