"""Exercises of one's own, by keyboard: made from the Session page's search with their muscles, changed and
deleted in Edit › Exercises…, with the Recovery page counting their sets for the muscles set."""

from __future__ import annotations

from helpers.clock import FakeClock
from helpers.session_driver import enter_set, rate
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QTableView, QWidget
from pytestqt.qtbot import QtBot

from gym_companion.domain.custom_exercise import CustomExerciseSpec
from gym_companion.domain.model import FailureSafety, Mechanics, Muscle
from gym_companion.ui.exercises.editor import EditorMode, ExerciseEditor
from gym_companion.ui.exercises.library import ExerciseLibrary
from gym_companion.ui.recovery.table_model import Column

CTRL, ALT, SHIFT = (
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.AltModifier,
    Qt.KeyboardModifier.ShiftModifier,
)
NAME = "Zercher Carry Hold Variation"  # nothing in the library is called anything like it


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def editor_in(qtbot: QtBot, parent: QWidget) -> ExerciseEditor:
    """The exercise editor `parent` opened, once it has the keyboard."""
    qtbot.waitUntil(lambda: any(e.isVisible() for e in parent.findChildren(ExerciseEditor)), timeout=2000)
    editor = next(e for e in parent.findChildren(ExerciseEditor) if e.isVisible())
    qtbot.waitUntil(editor.isActiveWindow, timeout=2000)
    return editor


def tick(qtbot: QtBot, muscle_list: QWidget, typed: str) -> None:
    """Type a muscle's name in a list to jump to it, then Space to tick (or untick) it."""
    qtbot.keyClicks(muscle_list, typed)
    qtbot.keyClick(muscle_list, Qt.Key.Key_Space)


def log(qtbot: QtBot, window: QWidget, clock: FakeClock, weight: str, reps: str, rating: str) -> None:
    enter_set(qtbot, window, weight, reps)
    rate(qtbot, window, rating)
    clock.advance(120)


def hard_sets(qtbot: QtBot, window: QWidget) -> dict[str, str]:
    """Ctrl+3, then the 'Hard sets this week' cell of every muscle that has any."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    model = window.findChild(QTableView, "recoveryTable").model()
    cells = {
        model.index(row, Column.MUSCLE).data(): model.index(row, Column.HARD_SETS).data()
        for row in range(model.rowCount())
    }
    # the count, without the landmark zone after it ("4 · MEV–MAV")
    return {muscle: text.split(" · ")[0] for muscle, text in cells.items() if text != "0"}


def open_library(qtbot: QtBot, window: QWidget) -> ExerciseLibrary:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL | SHIFT)
    library = window.exercise_library  # type: ignore[attr-defined]
    assert isinstance(library, ExerciseLibrary)
    qtbot.waitUntil(library.isActiveWindow)
    assert library.search.hasFocus()
    return library


def make_exercise(
    window: QWidget, spec: CustomExerciseSpec, sets: int, qtbot: QtBot, clock: FakeClock
) -> None:
    """Store a custom exercise and log `sets` working sets of it at RIR 2 in a finished workout."""
    context = window.context  # type: ignore[attr-defined]
    context.catalog.create(spec)
    search = window.findChild(QLineEdit, "exerciseSearch")
    search.setFocus()
    qtbot.keyClicks(search, spec.name)
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert window.findChild(QLabel, "currentExercise").text() == spec.name
    for _ in range(sets):
        log(qtbot, window, clock, "40", "10", "2")


def test_a_custom_exercise_made_with_its_muscles_by_keyboard_counts_for_them(
    qtbot: QtBot, window: QWidget, clock: FakeClock
) -> None:
    search = window.findChild(QLineEdit, "exerciseSearch")
    search.setFocus()
    qtbot.keyClicks(search, NAME)
    qtbot.keyClick(search, Qt.Key.Key_Return)  # no match: the inline form asks for one main muscle
    form = window.findChild(QWidget, "createExerciseForm")
    assert form.isVisible()
    qtbot.keyClick(focused(), Qt.Key.Key_M, ALT)  # "Muscles and more…": the full editor
    editor = editor_in(qtbot, window.session_page)  # type: ignore[attr-defined]
    assert editor.mode is EditorMode.NEW
    assert editor.name.text() == NAME
    assert editor.primary.hasFocus()  # the name is there: the cursor waits in the muscles
    assert editor.primary.muscles() == (Muscle.CHEST,)  # what the inline form had

    qtbot.keyClick(editor.primary, Qt.Key.Key_Space)  # untick Chest
    tick(qtbot, editor.primary, "quads")
    tick(qtbot, editor.primary, "glutes")
    qtbot.keyClick(focused(), Qt.Key.Key_Y, ALT)  # Secondar&y muscles
    assert editor.secondary.hasFocus()
    tick(qtbot, editor.secondary, "abs")
    qtbot.keyClick(focused(), Qt.Key.Key_C, ALT)  # &Compound (Qt animates the click for a moment)
    qtbot.waitUntil(editor.compound.isChecked)
    assert editor.rest.text() == "Rest 2:30 (compound default)"
    qtbot.keyClick(focused(), Qt.Key.Key_H, ALT)  # Stop at tec&hnical failure
    qtbot.waitUntil(editor.safety[FailureSafety.TECHNICAL_ONLY].isChecked)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # Enter saves
    qtbot.waitUntil(lambda: not editor.isVisible())

    context = window.context  # type: ignore[attr-defined]
    made = context.catalog.find(NAME)
    assert made is not None and made.is_custom
    assert (set(made.primary_muscles), made.secondary_muscles) == (
        {Muscle.QUADS, Muscle.GLUTES},
        (Muscle.ABS,),
    )
    assert (made.mechanics, made.failure_safety) == (Mechanics.COMPOUND, FailureSafety.TECHNICAL_ONLY)
    assert not form.isVisible()
    assert window.findChild(QLabel, "currentExercise").text() == NAME  # added to the workout at once

    for _ in range(3):
        log(qtbot, window, clock, "60", "8", "2")
    # 3 hard sets: 3 for each primary muscle, 1.5 for the secondary one, nothing for chest
    assert hard_sets(qtbot, window) == {"Quads": "3", "Glutes": "3", "Abs": "1.5"}


def test_a_name_the_library_has_is_refused_in_the_editor(qtbot: QtBot, window: QWidget) -> None:
    library = open_library(qtbot, window)
    qtbot.keyClick(library.search, Qt.Key.Key_N, CTRL)
    editor = editor_in(qtbot, library)
    assert editor.name.hasFocus()
    qtbot.keyClicks(editor.name, "squat (barbell)")
    qtbot.keyClick(editor.name, Qt.Key.Key_Tab)  # into the primary muscles
    qtbot.keyClick(focused(), Qt.Key.Key_Space)  # Chest
    qtbot.keyClick(focused(), Qt.Key.Key_S, CTRL)
    status = editor.findChild(QLabel, "exerciseEditorStatus")
    assert status.text() == "“squat (barbell)” is already in the library as “Squat”: choose another name."
    assert editor.isVisible() and editor.name.hasFocus()
    assert window.context.catalog.find("squat (barbell)").is_custom is False  # type: ignore[attr-defined]


def test_changing_muscles_in_the_exercise_list_moves_the_recovery_numbers(
    qtbot: QtBot, window: QWidget, clock: FakeClock
) -> None:
    make_exercise(
        window, CustomExerciseSpec("Viking Press", (Muscle.FRONT_DELTS,), (Muscle.TRICEPS,)), 4, qtbot, clock
    )
    assert hard_sets(qtbot, window) == {"Front delts": "4", "Triceps": "2"}  # the page is built and shown

    library = open_library(qtbot, window)
    qtbot.keyClicks(library.search, "viking")
    assert library.table.item(library.table.currentRow(), 0).text() == "Viking Press"
    assert library.table.item(library.table.currentRow(), 4).text() == "Yours"
    qtbot.keyClick(library.search, Qt.Key.Key_Return)  # open it
    editor = editor_in(qtbot, library)
    assert editor.mode is EditorMode.EDIT
    assert "Used by 4 sets in 1 workout" in editor.note.text()
    qtbot.keyClick(focused(), Qt.Key.Key_P, ALT)  # &Primary muscles
    tick(qtbot, editor.primary, "side")  # Side/rear delts joins Front delts
    qtbot.keyClick(focused(), Qt.Key.Key_Y, ALT)
    tick(qtbot, editor.secondary, "tri")  # Triceps off
    tick(qtbot, editor.secondary, "traps")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not editor.isVisible())
    assert library.status.text() == "Saved “Viking Press”."
    assert (
        library.table.item(library.table.currentRow(), 1).text()
        == "Front delts, Side/rear delts · also Traps"
    )

    # the same four sets now count for the new muscles, on the Recovery page already built
    assert hard_sets(qtbot, window) == {"Front delts": "4", "Side/rear delts": "4", "Traps": "2"}


def test_a_used_exercise_is_not_deleted_and_an_unused_one_comes_back_with_ctrl_z(
    qtbot: QtBot, window: QWidget, clock: FakeClock
) -> None:
    make_exercise(window, CustomExerciseSpec("Viking Press", (Muscle.FRONT_DELTS,)), 2, qtbot, clock)
    window.context.catalog.create(CustomExerciseSpec("Pin Press", (Muscle.CHEST,)))  # type: ignore[attr-defined]
    library = open_library(qtbot, window)
    qtbot.keyClick(library.search, Qt.Key.Key_M, ALT)  # Only &mine
    qtbot.waitUntil(library.only_mine.isChecked)
    assert [library.table.item(r, 0).text() for r in range(library.table.rowCount())] == [
        "Pin Press",
        "Viking Press",
    ]
    library.table.setFocus()
    qtbot.keyClick(library.table, Qt.Key.Key_Down)  # Viking Press
    qtbot.keyClick(library.table, Qt.Key.Key_Delete)
    assert library.status.text().startswith("“Viking Press” stays: used by 2 sets in 1 workout.")
    assert library.table.rowCount() == 2

    qtbot.keyClick(library.table, Qt.Key.Key_Up)  # Pin Press: nothing uses it
    qtbot.keyClick(library.table, Qt.Key.Key_Delete)
    assert library.status.text() == "Deleted “Pin Press”. Ctrl+Z brings it back."
    assert [library.table.item(r, 0).text() for r in range(library.table.rowCount())] == ["Viking Press"]
    assert window.context.catalog.find("Pin Press") is None  # type: ignore[attr-defined]
    qtbot.keyClick(library.table, Qt.Key.Key_Z, CTRL)
    back = window.context.catalog.find("Pin Press")  # type: ignore[attr-defined]
    assert back is not None and back.primary_muscles == (Muscle.CHEST,)
    assert library.status.text() == "“Pin Press” is back."

    # added to the workout in progress, even without a set yet, it stays too
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    search = window.findChild(QLineEdit, "exerciseSearch")
    search.setFocus()
    qtbot.keyClicks(search, "pin press")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert window.findChild(QLabel, "currentExercise").text() == "Pin Press"
    library = open_library(qtbot, window)
    qtbot.keyClicks(library.search, "pin press")
    library.table.setFocus()
    qtbot.keyClick(library.table, Qt.Key.Key_Delete)
    assert library.status.text() == "“Pin Press” is in the workout in progress: it stays."
    assert window.context.catalog.find("Pin Press") is not None  # type: ignore[attr-defined]


def test_a_library_exercise_opens_read_only_and_duplicates_as_ones_own(qtbot: QtBot, window: QWidget) -> None:
    library = open_library(qtbot, window)
    qtbot.keyClicks(library.search, "bench press")
    qtbot.keyClick(library.search, Qt.Key.Key_Return)
    editor = editor_in(qtbot, library)
    assert editor.mode is EditorMode.VIEW
    assert not editor.name.isEnabled() and not editor.primary.isEnabled()
    assert not editor.save_button.isVisible()
    assert editor.safety[FailureSafety.SPOTTER].isChecked()
    qtbot.keyClick(focused(), Qt.Key.Key_D, ALT)  # &Duplicate as custom
    qtbot.waitUntil(lambda: editor.mode is EditorMode.NEW)
    assert editor.name.hasFocus() and editor.name.selectedText() == "Bench Press (custom)"
    qtbot.keyClicks(editor.name, "Spoto Press")
    qtbot.keyClick(editor.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not editor.isVisible())
    copy = window.context.catalog.find("Spoto Press")  # type: ignore[attr-defined]
    assert copy is not None and copy.is_custom
    assert copy.primary_muscles == (Muscle.CHEST,) and copy.failure_safety is FailureSafety.SPOTTER
    bench = window.context.catalog.find("Bench Press")  # type: ignore[attr-defined]
    assert bench is not None and not bench.is_custom  # the library's stays as it was
