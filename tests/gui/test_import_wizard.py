"""File → Import… walked by keyboard on a real database: preview, unit, mapping, import, summary; bad files
and a stop during the import leave the database as it was."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableView,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from gym_companion.services.transfer import ImportCancelled, ImportSummary
from gym_companion.ui.exchange.import_run import STOPPED_TEXT
from gym_companion.ui.exchange.import_state import PAGE_DONE, PAGE_FILE, PAGE_MAPPING, PAGE_RUN, PAGE_UNIT
from gym_companion.ui.exchange.import_wizard import ImportWizard
from gym_companion.ui.exchange.mapping_table import MUSCLES_COLUMN, NEW_CUSTOM
from gym_companion.ui.exercises.editor import EditorMode, ExerciseEditor

STRONG_V4_HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE"
)
# Two workouts in kg (every load a multiple of 2.5), a rest-timer row and a cardio row that are no sets,
# and one exercise the library does not know.
STRONG_V4_ROWS = (
    "2026-02-02 18:00:00,Push,1h 5m,Bench Press (Barbell),1,60,8,0,0,,,",
    "2026-02-02 18:00:00,Push,1h 5m,Bench Press (Barbell),2,62.5,6,0,0,,,",
    "2026-02-02 18:00:00,Push,1h 5m,Bench Press (Barbell),Rest Timer,0,0,0,90,,,",
    "2026-02-02 18:00:00,Push,1h 5m,Zercher Carry Hold,1,40,10,0,0,,,",
    "2026-02-04 18:00:00,Legs,55m,Squat (Barbell),1,100,5,0,0,,,",
    "2026-02-04 18:00:00,Legs,55m,Squat (Barbell),2,102.5,5,0,0,,,",
    "2026-02-04 18:00:00,Legs,55m,Running,1,0,0,3,900,,,",
)


def write_csv(path: Path, rows: tuple[str, ...] | list[str], header: str = STRONG_V4_HEADER) -> Path:
    path.write_text("\n".join((header, *rows)) + "\n", encoding="utf-8")
    return path


def open_wizard(qtbot: QtBot, window: QWidget, csv_path: Path) -> ImportWizard:
    """Ctrl+I opens the wizard; its file chooser hands back `csv_path` instead of showing a dialog."""
    actions = window.transfer_actions  # type: ignore[attr-defined]
    actions.open_chooser = lambda _parent, done: done(csv_path)
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    wizard = actions.wizard
    assert isinstance(wizard, ImportWizard)
    qtbot.waitExposed(wizard)
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard)  # mnemonics need the active window
    assert wizard.currentId() == PAGE_FILE
    return wizard


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key press where a user's key would go: an open pop-up list, else the focused widget."""
    focused = QApplication.activePopupWidget() or QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key, modifier)


def alt(qtbot: QtBot, key: Qt.Key, until: Callable[[], bool]) -> None:
    """Alt+letter presses the button with that mnemonic (Qt animates the click for a moment)."""
    press(qtbot, key, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(until, timeout=2000)


def choose_file(qtbot: QtBot, wizard: ImportWizard) -> None:
    """Alt+C ("&Choose…"); the injected chooser answers at once and the page previews the file."""
    with qtbot.waitSignal(wizard.file_page.preview_finished, timeout=10000):
        press(qtbot, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)


def label(widget: QWidget, name: str) -> QLabel:
    found = widget.findChild(QLabel, name)
    assert found is not None, name
    return found


def db_rows(db_path: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(db_path) as con:
        return con.execute(sql).fetchall()


def stored_sets(db_path: Path) -> list[tuple[str, float, int]]:
    return [
        (str(name), float(kg), int(reps))  # type: ignore[arg-type]
        for name, kg, reps in db_rows(
            db_path,
            "SELECT e.name, s.weight_kg, s.reps FROM set_entry s JOIN exercise e ON e.id = s.exercise_id "
            "ORDER BY s.logged_at, s.exercise_order, s.set_order",
        )
    ]


def test_strong_file_walks_through_by_keyboard_and_lands_in_history(
    qtbot: QtBot, window: QWidget, tmp_path: Path, db_path: Path
) -> None:
    csv_path = write_csv(tmp_path / "strong.csv", STRONG_V4_ROWS)
    wizard = open_wizard(qtbot, window, csv_path)
    choose_file(qtbot, wizard)

    # Page 1: detected format, totals, skipped rows and the first sessions.
    assert "Strong" in label(wizard, "importDetected").text()
    assert "2 sessions" in label(wizard, "importTotals").text()
    assert "5 sets" in label(wizard, "importTotals").text()
    skipped = label(wizard, "importSkipped")
    assert skipped.isVisible() and "rest" in skipped.text().lower()
    table = wizard.findChild(QTableWidget, "importPreviewTable")
    assert table.rowCount() == 2
    assert [table.item(0, c).text() for c in (1, 3)] == ["Push", "3"]
    assert "Zercher Carry Hold" in table.item(0, 2).text()
    assert table.item(1, 1).text() == "Legs"

    # Page 2: a unitless file asks for the unit, with the guess preselected and explained.
    press(qtbot, Qt.Key.Key_Return)
    assert wizard.currentId() == PAGE_UNIT
    kg = wizard.findChild(QRadioButton, "importUnitKg")
    assert kg.isChecked()
    assert label(wizard, "importUnitReason").text().strip()
    preview = label(wizard, "importUnitPreview").text()
    assert "60 kg" in preview
    lb = wizard.findChild(QRadioButton, "importUnitLb")
    alt(qtbot, Qt.Key.Key_P, lb.isChecked)  # pounds: the preview follows
    assert "60 lb" in label(wizard, "importUnitPreview").text()
    alt(qtbot, Qt.Key.Key_K, kg.isChecked)

    # Page 3: the unknown name comes first and would become a custom exercise.
    press(qtbot, Qt.Key.Key_Return)
    assert wizard.currentId() == PAGE_MAPPING
    view = wizard.findChild(QTableView, "importMapping")
    model = view.model()
    assert model.index(0, 0).data() == "Zercher Carry Hold"
    assert model.index(0, 1).data() == NEW_CUSTOM
    assert {model.index(r, 1).data() for r in range(1, model.rowCount())} == {"Bench Press", "Squat"}
    assert "1 of 3 names" in label(wizard, "importMappingCount").text()

    # Import (Enter on the commit page), off the UI thread, then the summary.
    with qtbot.waitSignal(wizard.import_finished, timeout=10000) as finished:
        press(qtbot, Qt.Key.Key_Return)
    summary = finished.args[0]
    assert isinstance(summary, ImportSummary)
    assert (summary.sessions_added, summary.sets_added) == (2, 5)
    assert wizard.currentId() == PAGE_DONE
    assert label(wizard, "importSummary").text() == summary.sentence()
    assert "Zercher Carry Hold" in label(wizard, "importCreated").text()
    assert "rest" in label(wizard, "importSkippedRows").text().lower()
    assert window.statusBar().currentMessage() == summary.sentence()  # type: ignore[attr-defined]

    press(qtbot, Qt.Key.Key_Return)  # Finish
    qtbot.waitUntil(lambda: not wizard.isVisible())

    assert stored_sets(db_path) == [
        ("Bench Press", 60.0, 8),
        ("Bench Press", 62.5, 6),
        ("Zercher Carry Hold", 40.0, 10),
        ("Squat", 100.0, 5),
        ("Squat", 102.5, 5),
    ]
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    exercises = window.findChild(QComboBox, "historyExercise")
    assert exercises is not None and exercises.isVisible()
    names = {exercises.itemText(i) for i in range(exercises.count())}
    assert {"Bench Press", "Squat", "Zercher Carry Hold"} <= names


def test_pounds_are_stored_as_kilograms(qtbot: QtBot, window: QWidget, tmp_path: Path, db_path: Path) -> None:
    csv_path = write_csv(tmp_path / "strong.csv", STRONG_V4_ROWS[:2])
    wizard = open_wizard(qtbot, window, csv_path)
    choose_file(qtbot, wizard)
    press(qtbot, Qt.Key.Key_Return)
    alt(qtbot, Qt.Key.Key_P, wizard.findChild(QRadioButton, "importUnitLb").isChecked)
    assert "60 lb" in label(wizard, "importUnitPreview").text()
    assert "27.22 kg" in label(wizard, "importUnitPreview").text()  # 60 × 0.45359237 = 27.2155…
    press(qtbot, Qt.Key.Key_Return)
    with qtbot.waitSignal(wizard.import_finished, timeout=10000):
        press(qtbot, Qt.Key.Key_Return)
    assert [kg for _name, kg, _reps in stored_sets(db_path)] == pytest.approx(
        [60 * 0.45359237, 62.5 * 0.45359237]
    )


def test_mapping_an_unknown_name_to_a_library_exercise_by_typing(
    qtbot: QtBot, window: QWidget, tmp_path: Path, db_path: Path
) -> None:
    csv_path = write_csv(tmp_path / "strong.csv", STRONG_V4_ROWS[3:4])  # only the unknown exercise
    wizard = open_wizard(qtbot, window, csv_path)
    choose_file(qtbot, wizard)
    press(qtbot, Qt.Key.Key_Return)  # unit page
    press(qtbot, Qt.Key.Key_Return)  # mapping page
    view = wizard.findChild(QTableView, "importMapping")
    assert view.hasFocus()
    for char in "front squat":  # typing on the row starts the search; the keys then go to its box
        qtbot.keyClicks(QApplication.focusWidget(), char)
    popup = QApplication.activePopupWidget()
    assert popup is not None and popup.isVisible()
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)  # pick the best match; the wizard stays on this page
    assert wizard.currentId() == PAGE_MAPPING
    assert view.model().index(0, 1).data() == "Front Squat"
    assert "All 1 name go to library exercises" in label(wizard, "importMappingCount").text()
    with qtbot.waitSignal(wizard.import_finished, timeout=10000) as finished:
        press(qtbot, Qt.Key.Key_Return)
    assert finished.args[0].exercises_created == ()
    assert stored_sets(db_path) == [("Front Squat", 40.0, 10)]


def test_setting_the_muscles_of_an_unknown_name_before_importing(
    qtbot: QtBot, window: QWidget, tmp_path: Path, db_path: Path
) -> None:
    csv_path = write_csv(tmp_path / "strong.csv", STRONG_V4_ROWS[3:4])  # only the unknown exercise
    wizard = open_wizard(qtbot, window, csv_path)
    choose_file(qtbot, wizard)
    press(qtbot, Qt.Key.Key_Return)  # unit page
    press(qtbot, Qt.Key.Key_Return)  # mapping page
    view = wizard.findChild(QTableView, "importMapping")
    model = view.model()
    assert model.index(0, MUSCLES_COLUMN).data() == "no muscles yet"  # nothing in the library is close
    assert "first guess" in model.index(0, MUSCLES_COLUMN).data(Qt.ItemDataRole.ToolTipRole)

    press(qtbot, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)  # Ctrl+M: the exercise editor
    qtbot.waitUntil(lambda: wizard.mapping_page.editor is not None and wizard.mapping_page.editor.isVisible())
    editor = wizard.mapping_page.editor
    assert isinstance(editor, ExerciseEditor) and editor.mode is EditorMode.DRAFT
    qtbot.waitUntil(editor.isActiveWindow)
    assert editor.name.text() == "Zercher Carry Hold" and editor.primary.hasFocus()
    for muscle in ("quads", "glutes"):  # type to jump, Space to tick
        qtbot.keyClicks(editor.primary, muscle)
        qtbot.keyClick(editor.primary, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)  # Secondar&y muscles
    qtbot.keyClicks(editor.secondary, "abs")
    qtbot.keyClick(editor.secondary, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Return)  # Save: kept for the import, nothing stored yet
    qtbot.waitUntil(lambda: not editor.isVisible())
    assert db_rows(db_path, "SELECT COUNT(*) FROM exercise WHERE name = 'Zercher Carry Hold'") == [(0,)]
    assert model.index(0, MUSCLES_COLUMN).data() == "Glutes, Quads · also Abs"
    assert model.index(0, 1).data() == NEW_CUSTOM

    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard)  # the keyboard is back in the wizard
    with qtbot.waitSignal(wizard.import_finished, timeout=10000) as finished:
        press(qtbot, Qt.Key.Key_Return)  # Import
    assert finished.args[0].exercises_created == ("Zercher Carry Hold",)
    assert db_rows(
        db_path,
        "SELECT m.muscle, m.role FROM exercise_muscle m JOIN exercise e ON e.id = m.exercise_id "
        "WHERE e.name = 'Zercher Carry Hold' ORDER BY m.role, m.muscle",
    ) == [("glutes", "primary"), ("quads", "primary"), ("abs", "secondary")]
    assert stored_sets(db_path) == [("Zercher Carry Hold", 40.0, 10)]


def test_a_bad_file_names_its_line_and_writes_nothing(
    qtbot: QtBot, window: QWidget, tmp_path: Path, db_path: Path
) -> None:
    rows = list(STRONG_V4_ROWS)
    rows[3] = "2026-02-02 18:00:00,Push,1h 5m,Zercher Carry Hold,1,forty,10,0,0,,,"  # physical line 5
    wizard = open_wizard(qtbot, window, write_csv(tmp_path / "bad.csv", rows))
    choose_file(qtbot, wizard)
    error = label(wizard, "importError")
    assert error.isVisible()
    assert "Line 5" in error.text()
    assert not wizard.findChild(QTableWidget, "importPreviewTable").isVisible()
    next_button = wizard.button(ImportWizard.WizardButton.NextButton)
    assert not next_button.isEnabled()
    assert wizard.findChild(QLineEdit, "importPath").hasFocus()
    with qtbot.waitSignal(wizard.file_page.preview_finished, timeout=10000):
        press(qtbot, Qt.Key.Key_Return)  # Enter reads the file again: still bad, still here
    assert wizard.currentId() == PAGE_FILE
    assert "Line 5" in error.text()
    assert db_rows(db_path, "SELECT COUNT(*) FROM set_entry") == [(0,)]
    assert db_rows(db_path, "SELECT COUNT(*) FROM workout_session") == [(0,)]

    # Fixing the file and pressing Enter again reads it afresh and clears the message.
    write_csv(tmp_path / "bad.csv", STRONG_V4_ROWS)
    with qtbot.waitSignal(wizard.file_page.preview_finished, timeout=10000):
        press(qtbot, Qt.Key.Key_Return)
    assert not error.isVisible()
    assert next_button.isEnabled()


def test_a_typed_path_previews_on_enter_and_a_second_enter_goes_on(
    qtbot: QtBot, window: QWidget, tmp_path: Path
) -> None:
    csv_path = write_csv(tmp_path / "typed.csv", STRONG_V4_ROWS)
    wizard = open_wizard(qtbot, window, tmp_path / "never-chosen.csv")
    path_box = wizard.findChild(QLineEdit, "importPath")
    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)  # "&File:" puts the cursor in the box
    assert path_box.hasFocus()
    qtbot.keyClicks(path_box, str(csv_path))
    with qtbot.waitSignal(wizard.file_page.preview_finished, timeout=10000):
        press(qtbot, Qt.Key.Key_Return)
    assert wizard.currentId() == PAGE_FILE  # the first Enter only reads the file
    assert "2 sessions" in label(wizard, "importTotals").text()
    press(qtbot, Qt.Key.Key_Return)
    assert wizard.currentId() == PAGE_UNIT


def test_forcing_another_format_explains_why_it_does_not_fit(
    qtbot: QtBot, window: QWidget, tmp_path: Path
) -> None:
    wizard = open_wizard(qtbot, window, write_csv(tmp_path / "strong.csv", STRONG_V4_ROWS))
    choose_file(qtbot, wizard)
    assert label(wizard, "importDetected").text() == "Detected: Strong (V4, comma)"
    formats = wizard.findChild(QComboBox, "importFormat")
    press(qtbot, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)  # "F&ormat:"
    assert formats.hasFocus()
    with qtbot.waitSignal(wizard.file_page.preview_finished, timeout=10000):
        qtbot.keyClick(formats, Qt.Key.Key_H)  # "Hevy"
    assert formats.currentData() == "hevy"
    error = label(wizard, "importError")
    assert error.isVisible() and error.text().startswith("Line 1:") and "Hevy" in error.text()
    assert not wizard.button(ImportWizard.WizardButton.NextButton).isEnabled()
    with qtbot.waitSignal(wizard.file_page.preview_finished, timeout=10000):
        qtbot.keyClick(formats, Qt.Key.Key_Up)  # "Strong" again (the item above)
    assert label(wizard, "importDetected").text() == "Reading as: Strong (V4, comma)"
    assert wizard.button(ImportWizard.WizardButton.NextButton).isEnabled()


def test_esc_during_the_import_stops_it_and_leaves_the_database_unchanged(
    qtbot: QtBot, window: QWidget, tmp_path: Path, db_path: Path
) -> None:
    # Enough rows for several progress reports; the worker pauses at the first until Esc was pressed.
    rows = [
        f"2026-01-{day:02d} 18:00:00,Day {day},1h,Bench Press (Barbell),{n},{60 + n * 2.5},5,0,0,,,"
        for day in range(1, 29)
        for n in range(1, 81)
    ]
    wizard = open_wizard(qtbot, window, write_csv(tmp_path / "big.csv", rows))
    reached, release = threading.Event(), threading.Event()
    wizard.progress_hook = pause_at_first_report(reached, release)
    choose_file(qtbot, wizard)
    press(qtbot, Qt.Key.Key_Return)  # unit page
    press(qtbot, Qt.Key.Key_Return)  # mapping page
    press(qtbot, Qt.Key.Key_Return)  # import
    assert wizard.currentId() == PAGE_RUN
    qtbot.waitUntil(reached.is_set, timeout=10000)
    with qtbot.waitSignal(wizard.import_finished, timeout=10000) as finished:
        qtbot.keyClick(wizard, Qt.Key.Key_Escape)
        release.set()
    assert isinstance(finished.args[0], ImportCancelled)
    assert wizard.isVisible()  # stays open to say what happened
    assert label(wizard, "importStatus").text() == STOPPED_TEXT
    assert wizard.findChild(QPushButton, "importRetry").isVisible()
    assert db_rows(db_path, "SELECT COUNT(*) FROM set_entry") == [(0,)]
    assert db_rows(db_path, "SELECT COUNT(*) FROM workout_session") == [(0,)]

    # Try again (Alt+T) runs the same import to the end.
    with qtbot.waitSignal(wizard.import_finished, timeout=20000) as finished:
        press(qtbot, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    assert isinstance(finished.args[0], ImportSummary)
    assert wizard.currentId() == PAGE_DONE
    assert db_rows(db_path, "SELECT COUNT(*) FROM set_entry") == [(len(rows),)]
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)  # nothing running: Esc closes
    qtbot.waitUntil(lambda: not wizard.isVisible())


def pause_at_first_report(reached: threading.Event, release: threading.Event) -> Callable[[int, int], None]:
    """A progress hook (worker thread) that signals the first report and waits there for the test."""

    def hook(_done: int, _total: int) -> None:
        if not reached.is_set():
            reached.set()
            release.wait(10)

    return hook
