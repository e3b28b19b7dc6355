"""The routine editor driven by keyboard: build a routine, plan it, reorder, remove and undo, copy, delete."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.clock import FakeClock
from helpers.session_driver import open_main_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLineEdit, QListWidget, QSpinBox, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from gym_companion.domain.routine_plan import PlanTarget

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def window(qtbot: QtBot, db_path: Path) -> Iterator[QWidget]:
    win = open_main_window(qtbot, db_path, FakeClock(), activate=True)  # active, so focus checks are real
    yield win
    win.close()


def open_editor(qtbot: QtBot, window: QWidget) -> QWidget:
    page = window.session_page  # type: ignore[attr-defined]
    qtbot.keyClick(page, Qt.Key.Key_R, CTRL | Qt.KeyboardModifier.ShiftModifier)
    editor = window.findChild(QWidget, "routineEditor")
    assert editor is not None and editor.isVisible()
    qtbot.waitUntil(editor.isActiveWindow)
    assert editor.isWindow() and not editor.isModal()
    return editor


def find(editor: QWidget, cls: type, name: str):  # type: ignore[no-untyped-def]
    widget = editor.findChild(cls, name)
    assert widget is not None, name
    return widget


def add(qtbot: QtBot, editor: QWidget, text: str) -> None:
    search = find(editor, QLineEdit, "routineExerciseSearch")
    assert search.hasFocus()
    qtbot.keyClicks(search, text)
    qtbot.keyClick(search, Qt.Key.Key_Return)


def type_number(qtbot: QtBot, spin: QSpinBox, value: int) -> None:
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(spin, str(value))


def rows(editor: QWidget) -> list[str]:
    table = find(editor, QTableWidget, "planTable")
    return [table.item(r, 1).text() for r in range(table.rowCount())]


def stored(window: QWidget) -> list[tuple[str, list[tuple[str, PlanTarget]]]]:
    context = window.context  # type: ignore[attr-defined]
    names = {i: e.name for i, e in context.catalog.by_id().items()}
    return [
        (r.name, [(names[p.exercise_id], PlanTarget.of(p)) for p in r.exercises])
        for r in context.routines.all()
    ]


def build_leg_day(qtbot: QtBot, window: QWidget) -> QWidget:
    editor = open_editor(qtbot, window)
    name = find(editor, QLineEdit, "routineName")
    assert name.hasFocus()  # no routines yet: a new one, ready to name
    qtbot.keyClicks(name, "Leg day")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    for text in ("barbell back squat", "leg press", "lying leg curl", "standing calf raise"):
        add(qtbot, editor, text)
    return editor


def test_build_a_routine_by_keyboard_and_plan_each_exercise(qtbot: QtBot, window: QWidget) -> None:
    editor = build_leg_day(qtbot, window)
    assert rows(editor) == ["Squat", "Leg Press", "Lying Leg Curl", "Standing Calf Raise"]
    table = find(editor, QTableWidget, "planTable")
    table.setFocus()
    table.selectRow(0)
    type_number(qtbot, find(editor, QSpinBox, "planSets"), 4)
    type_number(qtbot, find(editor, QSpinBox, "planRepMin"), 5)
    type_number(qtbot, find(editor, QSpinBox, "planRepMax"), 8)
    type_number(qtbot, find(editor, QSpinBox, "planRest"), 240)
    table.setFocus()
    table.selectRow(3)
    type_number(qtbot, find(editor, QSpinBox, "planRepMin"), 12)
    type_number(qtbot, find(editor, QSpinBox, "planRepMax"), 15)
    type_number(qtbot, find(editor, QSpinBox, "planRir"), 1)
    failure = find(editor, QCheckBox, "planFailureLast")
    failure.setFocus()
    qtbot.keyClick(failure, Qt.Key.Key_Space)
    assert stored(window) == [
        (
            "Leg day",
            [
                ("Squat", PlanTarget(4, 5, 8, 2, False, 240)),
                ("Leg Press", PlanTarget(3, 8, 12, 2)),
                ("Lying Leg Curl", PlanTarget(3, 8, 12, 2)),
                ("Standing Calf Raise", PlanTarget(3, 12, 15, 1, True)),
            ],
        )
    ]
    assert table.item(0, 2).text() == "4 × 5–8 @ RIR 2"
    assert table.item(3, 2).text() == "3 × 12–15 @ RIR 1 · last set to failure"
    assert table.item(0, 3).text() == "4:00"


def test_reorder_remove_and_undo_with_keys(qtbot: QtBot, window: QWidget) -> None:
    editor = build_leg_day(qtbot, window)
    table = find(editor, QTableWidget, "planTable")
    table.setFocus()
    table.selectRow(3)
    qtbot.keyClick(table, Qt.Key.Key_Up, ALT)
    qtbot.keyClick(table, Qt.Key.Key_Up, ALT)
    assert rows(editor) == ["Squat", "Standing Calf Raise", "Leg Press", "Lying Leg Curl"]
    assert table.selected_row() == 1  # type: ignore[attr-defined]
    qtbot.keyClick(table, Qt.Key.Key_Down, ALT)
    assert [e for e, _ in stored(window)[0][1]] == [
        "Squat",
        "Leg Press",
        "Standing Calf Raise",
        "Lying Leg Curl",
    ]
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert rows(editor) == ["Squat", "Leg Press", "Lying Leg Curl"]
    assert [e for e, _ in stored(window)[0][1]] == ["Squat", "Leg Press", "Lying Leg Curl"]
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    assert [e for e, _ in stored(window)[0][1]] == [
        "Squat",
        "Leg Press",
        "Standing Calf Raise",
        "Lying Leg Curl",
    ]


def test_failure_planned_on_the_first_of_four_is_flagged_in_the_editor(qtbot: QtBot, window: QWidget) -> None:
    editor = build_leg_day(qtbot, window)
    advice = find(editor, QListWidget, "routineAdvice")
    assert advice.isHidden()
    table = find(editor, QTableWidget, "planTable")
    table.setFocus()
    table.selectRow(0)
    failure = find(editor, QCheckBox, "planFailureLast")
    failure.setFocus()
    qtbot.keyClick(failure, Qt.Key.Key_Space)
    items = [
        (advice.item(i).data(Qt.ItemDataRole.UserRole), advice.item(i).text()) for i in range(advice.count())
    ]
    assert not advice.isHidden()
    assert any(rule == "F4" and "1. Squat" in text and "exercise 1 of 4" in text for rule, text in items)
    assert any(rule == "F6" and "spotter" in text for rule, text in items)


def test_copy_rename_delete_and_undo_from_the_routine_list(qtbot: QtBot, window: QWidget) -> None:
    editor = build_leg_day(qtbot, window)
    routine_list = find(editor, QListWidget, "routineList")
    routine_list.setFocus()
    qtbot.keyClick(routine_list, Qt.Key.Key_D, CTRL)
    assert [name for name, _ in stored(window)] == ["Leg day", "Leg day (copy)"]
    qtbot.keyClick(routine_list, Qt.Key.Key_F2)
    name = find(editor, QLineEdit, "routineName")
    assert name.hasFocus()
    qtbot.keyClicks(name, "Leg day B")  # F2 selected the old name: typing replaces it
    assert [n for n, _ in stored(window)] == ["Leg day", "Leg day B"]
    assert routine_list.item(1).text().startswith("Leg day B")
    routine_list.setFocus()
    routine_list.setCurrentRow(0)
    qtbot.keyClick(routine_list, Qt.Key.Key_Delete)
    assert [n for n, _ in stored(window)] == ["Leg day B"]
    assert "Ctrl+Z" in find(editor, QWidget, "routineStatus").text()
    qtbot.keyClick(routine_list, Qt.Key.Key_Z, CTRL)
    assert [n for n, _ in stored(window)] == ["Leg day", "Leg day B"]
    assert len(stored(window)[0][1]) == 4


def test_an_incomplete_routine_says_what_is_missing_and_saves_nothing(qtbot: QtBot, window: QWidget) -> None:
    editor = open_editor(qtbot, window)
    qtbot.keyClicks(find(editor, QLineEdit, "routineName"), "Arms")
    assert "at least one exercise" in find(editor, QWidget, "routineStatus").text()
    assert stored(window) == []
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not editor.isVisible()
