"""Opening databases safely: create, migrate with a backup, refuse corrupt/newer/foreign/locked files."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy.exc import IntegrityError

from gym_companion.storage import migrate
from gym_companion.storage.backup import DAILY_BACKUPS_KEPT, backup_dir_for, daily_backup
from gym_companion.storage.database import make_engine, open_database
from gym_companion.storage.errors import (
    DatabaseCorruptError,
    DatabaseLockedError,
    DatabaseTooNewError,
)
from gym_companion.storage.schema import HEAD_REVISION
from gym_companion.storage.tables import SQLModel

NOW = datetime(2026, 3, 2, 17, 0, tzinfo=UTC)


def test_new_database_is_created_at_head_with_durable_pragmas(db_path: Path) -> None:
    db = open_database(db_path)
    try:
        assert db.created
        with db.engine.connect() as con:
            assert con.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert con.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert con.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert con.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == HEAD_REVISION
    finally:
        db.close()


def test_migrations_produce_exactly_the_table_definitions(db_path: Path) -> None:
    db = open_database(db_path)
    try:
        with db.engine.connect() as con:
            context = MigrationContext.configure(con, opts={"compare_type": True})
            assert compare_metadata(context, SQLModel.metadata) == []
    finally:
        db.close()


def test_head_revision_constant_matches_the_scripts() -> None:
    assert migrate.script_head() == HEAD_REVISION


def _first_schema_database(path: Path) -> None:
    engine = make_engine(path)
    migrate.upgrade(engine, "0001")
    with engine.begin() as con:
        con.exec_driver_sql(
            "INSERT INTO exercise (id, name, aliases, equipment, mechanics, failure_safety, default_rest_s,"
            " fatigue_factor, assisted, is_custom) VALUES (1, 'Bench Press', '[]', 'barbell', 'compound',"
            " 'spotter', 180, 1.2, 0, 0)"
        )
        con.exec_driver_sql(
            "INSERT INTO workout_session (id, uuid, started_at, name, notes) "
            "VALUES (1, 'u-1', '2025-01-01 17:00:00.000000', 'Push', '')"
        )
        con.exec_driver_sql(
            "INSERT INTO set_entry (uuid, session_id, exercise_id, exercise_order, set_order, set_type,"
            " weight_kg, reps, rir, failure, logged_at, unit_shown, notes) VALUES ('s-1', 1, 1, 0, 0,"
            " 'working', 100.0, 5, 0, 'technical', '2025-01-01 17:10:00.000000', 'kg', 'felt heavy')"
        )
    engine.dispose()


def test_migration_from_the_first_schema_keeps_every_row_and_backs_up_first(db_path: Path) -> None:
    _first_schema_database(db_path)
    db = open_database(db_path, now=lambda: NOW)
    try:
        assert db.migrated_from == "0001"
        with db.engine.connect() as con:
            row = con.exec_driver_sql(
                "SELECT weight_kg, reps, rir, failure, notes, superset_group FROM set_entry"
            ).one()
            assert tuple(row) == (100.0, 5, 0, "technical", "felt heavy", None)
            assert con.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == HEAD_REVISION
    finally:
        db.close()
    backups = list(backup_dir_for(db_path).glob("*premigration*from-0001*"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as con:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert con.execute("SELECT count(*) FROM set_entry").fetchone() == (1,)


def test_corrupt_file_is_refused_and_left_untouched(db_path: Path) -> None:
    garbage = b"this is not a database\x00" * 100
    db_path.write_bytes(garbage)
    with pytest.raises(DatabaseCorruptError, match="not a Gym Companion database"):
        open_database(db_path)
    assert db_path.read_bytes() == garbage
    # and the lock was released: a later attempt gets the same clear message, not "locked"
    with pytest.raises(DatabaseCorruptError):
        open_database(db_path)


def test_damaged_sqlite_file_is_refused_untouched(db_path: Path) -> None:
    db = open_database(db_path)
    db.close()
    data = bytearray(db_path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # smash the schema page after the header
    db_path.write_bytes(bytes(data))
    with pytest.raises(DatabaseCorruptError):
        open_database(db_path)
    assert db_path.read_bytes() == bytes(data)


def test_newer_schema_is_refused_untouched(db_path: Path) -> None:
    db = open_database(db_path)
    with db.engine.begin() as con:
        con.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    db.close()
    before = db_path.read_bytes()
    with pytest.raises(DatabaseTooNewError, match="newer version"):
        open_database(db_path)
    assert db_path.read_bytes() == before


def test_foreign_sqlite_database_is_refused(db_path: Path) -> None:
    with sqlite3.connect(db_path) as con:
        con.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    before = db_path.read_bytes()
    with pytest.raises(DatabaseCorruptError, match="another program"):
        open_database(db_path)
    assert db_path.read_bytes() == before


def test_second_instance_is_refused_until_the_first_closes(db_path: Path) -> None:
    first = open_database(db_path)
    try:
        with pytest.raises(DatabaseLockedError, match="already open"):
            open_database(db_path)
    finally:
        first.close()
    second = open_database(db_path)
    assert second.is_open
    second.close()


def test_daily_backup_once_a_day_keeping_the_last_seven(db_path: Path) -> None:
    db = open_database(db_path)
    try:
        made = [daily_backup(db_path, datetime(2026, 3, day, 9, tzinfo=UTC)) for day in range(1, 11)]
        assert all(m is not None for m in made)
        assert (
            daily_backup(db_path, datetime(2026, 3, 10, 21, tzinfo=UTC)) is None
        )  # same day: no second copy
    finally:
        db.close()
    kept = sorted(p.name for p in backup_dir_for(db_path).glob("*daily*"))
    assert len(kept) == DAILY_BACKUPS_KEPT
    assert kept[0].endswith("2026-03-04.sqlite3") and kept[-1].endswith("2026-03-10.sqlite3")
    with sqlite3.connect(backup_dir_for(db_path) / kept[-1]) as con:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD_REVISION,)


def test_migration_0003_keeps_routines_and_adds_rest_and_exercise_notes(db_path: Path) -> None:
    engine = make_engine(db_path)
    migrate.upgrade(engine, "0002")
    with engine.begin() as con:
        con.exec_driver_sql(
            "INSERT INTO exercise (id, name, aliases, equipment, mechanics, failure_safety, default_rest_s,"
            " fatigue_factor, assisted, is_custom) VALUES (1, 'Squat', '[]', 'barbell', 'compound',"
            " 'spotter', 180, 1.2, 0, 0)"
        )
        con.exec_driver_sql("INSERT INTO routine (id, name, notes, position) VALUES (1, 'Legs', '', 0)")
        con.exec_driver_sql(
            "INSERT INTO routine_exercise (routine_id, exercise_id, position, sets, rep_min, rep_max,"
            " target_rir, failure_last_set) VALUES (1, 1, 0, 4, 5, 8, 2, 1)"
        )
    engine.dispose()
    db = open_database(db_path, now=lambda: NOW)
    try:
        assert db.migrated_from == "0002"
        with db.engine.begin() as con:
            row = con.exec_driver_sql(
                "SELECT sets, rep_min, rep_max, target_rir, failure_last_set, rest_s FROM routine_exercise"
            ).one()
            assert tuple(row) == (4, 5, 8, 2, 1, None)
            con.exec_driver_sql(
                "INSERT INTO workout_session (id, uuid, started_at, name, notes) "
                "VALUES (1, 'u-1', '2026-03-01 17:00:00.000000', 'Legs', '')"
            )
            con.exec_driver_sql(
                "INSERT INTO session_exercise_note (session_id, exercise_order, exercise_id, notes)"
                " VALUES (1, 0, 1, 'depth good')"
            )
        with pytest.raises(IntegrityError, match="ck_routine_exercise_rest"), db.engine.begin() as con:
            con.exec_driver_sql("UPDATE routine_exercise SET rest_s = 901")
    finally:
        db.close()


def test_migration_0004_keeps_routines_ungrouped_and_stores_their_supersets(db_path: Path) -> None:
    engine = make_engine(db_path)
    migrate.upgrade(engine, "0003")
    with engine.begin() as con:
        con.exec_driver_sql(
            "INSERT INTO exercise (id, name, aliases, equipment, mechanics, failure_safety, default_rest_s,"
            " fatigue_factor, assisted, is_custom) VALUES (1, 'Bench Press', '[]', 'barbell', 'compound',"
            " 'spotter', 180, 1.2, 0, 0), (2, 'Barbell Row', '[]', 'barbell', 'compound', 'safe', 150,"
            " 1.0, 0, 0)"
        )
        con.exec_driver_sql("INSERT INTO routine (id, name, notes, position) VALUES (1, 'Upper', '', 0)")
        con.exec_driver_sql(
            "INSERT INTO routine_exercise (routine_id, exercise_id, position, sets, rep_min, rep_max,"
            " target_rir, failure_last_set, rest_s) VALUES (1, 1, 0, 3, 6, 8, 2, 0, 150),"
            " (1, 2, 1, 3, 8, 10, 2, 0, NULL)"
        )
    engine.dispose()
    db = open_database(db_path, now=lambda: NOW)
    try:
        assert db.migrated_from == "0003"
        with db.engine.begin() as con:
            rows = con.exec_driver_sql(
                "SELECT exercise_id, sets, rest_s, superset_group FROM routine_exercise ORDER BY position"
            ).all()
            assert [tuple(r) for r in rows] == [(1, 3, 150, None), (2, 3, None, None)]
            con.exec_driver_sql("UPDATE routine_exercise SET superset_group = 1")
            groups = con.exec_driver_sql("SELECT superset_group FROM routine_exercise").scalars().all()
            assert groups == [1, 1]
    finally:
        db.close()
    backups = list(backup_dir_for(db_path).glob("*premigration*from-0003*"))
    assert len(backups) == 1  # a copy of the 0003 file was kept before the change
