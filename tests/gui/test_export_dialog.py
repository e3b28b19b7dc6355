"""File → Export… by keyboard on a real database: each format writes the stored sets, in the chosen unit,
and only the sessions of the chosen date range."""

from __future__ import annotations

import csv
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from helpers.clock import FakeClock
from helpers.session_driver import open_main_window
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDateEdit, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from gym_companion.domain.library import library_path, load_library_file
from gym_companion.domain.model import FailureKind, SetEntry, SetType, WorkoutSession
from gym_companion.storage.database import open_database
from gym_companion.storage.repositories.exercises import ExerciseRepository
from gym_companion.storage.repositories.workouts import WorkoutRepository
from gym_companion.ui.exchange.export_dialog import ExportDialog, default_file_name, open_export_dialog

NOW = datetime(2026, 3, 2, 17, 0, tzinfo=UTC)
KG_PER_LB = 0.45359237
# (session start, name, [(exercise, kg, reps, rir, failure)])
HISTORY = [
    (NOW - timedelta(days=400), "Old push", [("Bench Press", 80.0, 5, 2, FailureKind.NONE)]),
    (
        NOW - timedelta(days=40),
        "Push",
        [
            ("Bench Press", 100.0, 5, 2, FailureKind.NONE),
            ("Bench Press", 100.0, 6, 0, FailureKind.TECHNICAL),
            ("Squat", 140.0, 3, None, FailureKind.NONE),
        ],
    ),
    (NOW - timedelta(days=3), "Legs", [("Squat", 150.0, 2, 3, FailureKind.NONE)]),
]


def seed(db_path: Path) -> None:
    """The library and HISTORY, written through the repositories (independent of the import code)."""
    database = open_database(db_path, lambda: NOW)
    try:
        exercises = ExerciseRepository(database.engine)
        exercises.seed(load_library_file(library_path()))
        ids = {e.name: e.id for e in exercises.all()}
        workouts = []
        for start, name, lifts in HISTORY:
            session = WorkoutSession(str(uuid.uuid4()), start, start + timedelta(minutes=50), name=name)
            order: dict[str, int] = {}
            sets = [
                SetEntry(
                    uuid=str(uuid.uuid4()),
                    session_id=0,
                    exercise_id=ids[exercise] or 0,
                    exercise_order=order.setdefault(exercise, len(order)),
                    set_order=i,
                    set_type=SetType.WORKING,
                    weight_kg=kg,
                    reps=reps,
                    logged_at=start + timedelta(minutes=3 * (i + 1)),
                    rir=rir,
                    failure=failure,
                )
                for i, (exercise, kg, reps, rir, failure) in enumerate(lifts)
            ]
            workouts.append((session, sets))
        WorkoutRepository(database.engine).add_history(workouts)
    finally:
        database.close()


@pytest.fixture
def window(qtbot: QtBot, db_path: Path) -> Iterator[QWidget]:
    seed(db_path)
    win = open_main_window(qtbot, db_path, FakeClock(NOW))
    yield win
    win.close()


def open_dialog(qtbot: QtBot, window: QWidget, target: Path) -> ExportDialog:
    """Ctrl+Shift+E opens the dialog; Browse hands back `target` instead of showing a file dialog."""
    actions = window.transfer_actions  # type: ignore[attr-defined]
    actions.save_chooser = lambda _parent, _suggested, done: done(target)
    qtbot.keyClick(
        window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    dialog = window.findChild(ExportDialog, "exportDialog")
    assert isinstance(dialog, ExportDialog)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)  # mnemonics need the active window
    return dialog


def alt(qtbot: QtBot, dialog: QWidget, key: Qt.Key, until: Callable[[], bool] = lambda: True) -> None:
    """Alt+letter: a label's buddy takes the focus, a button is pressed (Qt animates that for a moment)."""
    qtbot.keyClick(QApplication.focusWidget() or dialog, key, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(until, timeout=2000)


def choose_format(qtbot: QtBot, dialog: ExportDialog, key: Qt.Key, fmt: str) -> None:
    alt(qtbot, dialog, key, lambda: dialog.format() == fmt)


def export_by_keyboard(qtbot: QtBot, dialog: ExportDialog, target: Path) -> str:
    """Browse (Alt+B) answers `target`, then Enter presses the default Export button; returns the result."""
    path = dialog.findChild(QLineEdit, "exportPath")
    alt(qtbot, dialog, Qt.Key.Key_B, lambda: path.text() == str(target))
    qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Return)
    return dialog.findChild(QLabel, "exportResult").text()


def stored(db_path: Path, since: datetime | None = None) -> list[tuple[str, float, int]]:
    """(exercise, kg, reps) of every stored set, for sessions started at or after `since`."""
    with sqlite3.connect(db_path) as con:
        rows = con.execute(
            "SELECT e.name, s.weight_kg, s.reps, w.started_at FROM set_entry s "
            "JOIN exercise e ON e.id = s.exercise_id JOIN workout_session w ON w.id = s.session_id"
        ).fetchall()
    cutoff = since.replace(tzinfo=None) if since is not None else None
    return sorted(
        (name, float(kg), int(reps))
        for name, kg, reps, started in rows
        if cutoff is None or datetime.fromisoformat(str(started)).replace(tzinfo=None) >= cutoff
    )


def read_csv(path: Path, delimiter: str = ",") -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=delimiter))


def rows_as_sets(
    rows: list[dict[str, str]], name: str, weight: str, reps: str
) -> list[tuple[str, float, int]]:
    """(exercise, load, reps) of every row of an exported file, sorted like `stored`."""
    return sorted((r[name], float(r[weight]), int(float(r[reps]))) for r in rows)


def test_native_export_holds_every_stored_set(
    qtbot: QtBot, window: QWidget, tmp_path: Path, db_path: Path
) -> None:
    target = tmp_path / "all.csv"
    dialog = open_dialog(qtbot, window, target)
    assert dialog.findChild(QComboBox, "exportRange").currentData() == "all"
    assert dialog.format() == "native"
    result = export_by_keyboard(qtbot, dialog, target)
    rows = read_csv(target)
    assert rows_as_sets(rows, "exercise", "weight_kg", "reps") == stored(db_path)
    assert len({r["session_uuid"] for r in rows}) == 3
    assert "3 workouts with 5 sets" in result
    assert window.statusBar().currentMessage() == result  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("key", "fmt", "columns"),
    [
        (Qt.Key.Key_S, "strong", ("Exercise Name", "Weight", "Reps")),
        (Qt.Key.Key_H, "hevy", ("exercise_title", "weight_kg", "reps")),
    ],
)
def test_strong_and_hevy_exports_in_kg(
    qtbot: QtBot,
    window: QWidget,
    tmp_path: Path,
    db_path: Path,
    key: Qt.Key,
    fmt: str,
    columns: tuple[str, str, str],
) -> None:
    target = tmp_path / f"{fmt}.csv"
    dialog = open_dialog(qtbot, window, target)
    choose_format(qtbot, dialog, key, fmt)  # Alt+S / Alt+H
    result = export_by_keyboard(qtbot, dialog, target)
    assert rows_as_sets(read_csv(target), *columns) == stored(db_path)
    assert "in kg" in result


def test_strong_export_in_pounds(qtbot: QtBot, window: QWidget, tmp_path: Path, db_path: Path) -> None:
    target = tmp_path / "pounds.csv"
    dialog = open_dialog(qtbot, window, target)
    choose_format(qtbot, dialog, Qt.Key.Key_S, "strong")
    unit = dialog.findChild(QComboBox, "exportUnit")
    alt(qtbot, dialog, Qt.Key.Key_U, unit.hasFocus)  # the unit's label hands the focus to its combo
    qtbot.keyClick(unit, Qt.Key.Key_Down)
    assert dialog.unit().value == "lb"
    export_by_keyboard(qtbot, dialog, target)
    exported = rows_as_sets(read_csv(target), "Exercise Name", "Weight", "Reps")
    expected = [(name, kg / KG_PER_LB, reps) for name, kg, reps in stored(db_path)]
    assert [(n, r) for n, _w, r in exported] == [(n, r) for n, _w, r in expected]
    assert [w for _n, w, _r in exported] == pytest.approx([w for _n, w, _r in expected], abs=0.005)


def test_last_three_months_leaves_out_older_sessions(
    qtbot: QtBot, window: QWidget, tmp_path: Path, db_path: Path
) -> None:
    target = tmp_path / "recent.csv"
    dialog = open_dialog(qtbot, window, target)
    range_combo = dialog.findChild(QComboBox, "exportRange")
    alt(qtbot, dialog, Qt.Key.Key_R, range_combo.hasFocus)
    qtbot.keyClick(range_combo, Qt.Key.Key_Down)
    assert range_combo.currentText() == "Last 3 months"
    result = export_by_keyboard(qtbot, dialog, target)
    rows = read_csv(target)
    assert rows_as_sets(rows, "exercise", "weight_kg", "reps") == stored(db_path, NOW - timedelta(days=91))
    assert {r["session_name"] for r in rows} == {"Push", "Legs"}
    assert "2 workouts" in result


def test_history_page_range_presets_custom_dates(qtbot: QtBot, window: QWidget, tmp_path: Path) -> None:
    """open_export_dialog(start, end) shows those days as custom dates and exports only that span."""
    start, end = NOW - timedelta(days=60), NOW - timedelta(days=10)
    target = tmp_path / "span.csv"
    dialog = open_export_dialog(
        window,
        window.context,  # type: ignore[attr-defined]
        start,
        end,
        lambda _parent, _suggested, done: done(target),
    )
    qtbot.waitExposed(dialog)
    assert dialog.findChild(QComboBox, "exportRange").currentData() == "custom"
    assert dialog.findChild(QDateEdit, "exportFrom").date() == qdate(start)
    assert dialog.findChild(QDateEdit, "exportTo").date() == qdate(end)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    export_by_keyboard(qtbot, dialog, target)
    assert {r["session_name"] for r in read_csv(target)} == {"Push"}
    # Asking again brings the same dialog forward, with the new range.
    again = open_export_dialog(window, window.context)  # type: ignore[attr-defined]
    assert again is dialog
    assert dialog.findChild(QComboBox, "exportRange").currentData() == "all"


def test_custom_dates_include_the_whole_last_day(qtbot: QtBot, window: QWidget, tmp_path: Path) -> None:
    """A session that started on the 'to' day, late in the evening, is part of the export."""
    legs = HISTORY[2][0]
    target = tmp_path / "day.csv"
    dialog = open_dialog(qtbot, window, target)
    dialog.preset_range(legs, legs)
    export_by_keyboard(qtbot, dialog, target)
    assert {r["session_name"] for r in read_csv(target)} == {"Legs"}


def test_default_file_name_follows_the_format(qtbot: QtBot, window: QWidget, tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, window, tmp_path / "unused.csv")
    path = dialog.findChild(QLineEdit, "exportPath")
    assert Path(path.text()).name == "gym-companion-2026-03-02.csv" == default_file_name(NOW.date(), "native")
    choose_format(qtbot, dialog, Qt.Key.Key_H, "hevy")
    assert Path(path.text()).name == "gym-companion-2026-03-02-hevy.csv"


def test_an_unwritable_target_is_reported_in_place(qtbot: QtBot, window: QWidget, tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "x.csv"
    dialog = open_dialog(qtbot, window, target)
    result = export_by_keyboard(qtbot, dialog, target)
    assert result.startswith("Nothing was exported.")
    assert str(target.parent) in result
    assert dialog.isVisible()
    assert not target.parent.exists()


def qdate(moment: datetime) -> QDate:
    day = moment.astimezone().date()
    return QDate(day.year, day.month, day.day)
