"""Supersets by keyboard: group with Ctrl+G, log round the group with a change-over between exercises and
the rest after each round, keep the grouping on disk, in Hevy and native files, in History and after a
restart; routines carry supersets into the workout, and the routine editor groups with the same keys."""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.clock import FakeClock
from helpers.session_driver import add_exercise, child, enter_set, open_main_window, rate
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QTableView, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from gym_companion.domain.model import PlannedExercise, Routine
from gym_companion.services.session_factory import open_context

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(qtbot: QtBot, db_path: Path, clock: FakeClock) -> Iterator[QWidget]:
    win = open_main_window(qtbot, db_path, clock, activate=True)  # active, so focus checks are real
    yield win
    win.close()


def log(qtbot: QtBot, window: QWidget, weight: str, reps: str, rating: str) -> None:
    weight_input = child(window, QLineEdit, "weightInput")
    assert weight_input.hasFocus()  # after a set the keyboard is ready for the next one
    enter_set(qtbot, window, weight, reps, focus=False)
    prompt = child(window, QWidget, "rirPrompt")
    assert prompt.isVisible()  # the RIR prompt works per set, as without supersets
    rate(qtbot, window, rating)


def current(window: QWidget) -> str:
    return child(window, QLabel, "currentExercise").text()


def rows(window: QWidget) -> list[str]:
    workout = child(window, QListWidget, "workoutExercises")
    return [workout.item(i).text() for i in range(workout.count())]


def timer(window: QWidget) -> tuple[str, str]:
    panel = window.session_page.rest_panel  # type: ignore[attr-defined]
    panel.tick()
    return panel.caption.text(), child(window, QLabel, "restRemainingLabel").text()


def stored_sets(db_path: Path) -> list[tuple[str, int | None]]:
    with sqlite3.connect(db_path) as con:
        found = con.execute(
            "SELECT exercise.name, set_entry.superset_group FROM set_entry JOIN exercise"
            " ON exercise.id = set_entry.exercise_id ORDER BY set_entry.logged_at"
        ).fetchall()
    con.close()
    return [(name, group) for name, group in found]


def test_a_superset_workout_by_keyboard(
    qtbot: QtBot, window: QWidget, db_path: Path, clock: FakeClock
) -> None:
    page = window.session_page  # type: ignore[attr-defined]
    add_exercise(qtbot, window, "bench press")
    add_exercise(qtbot, window, "barbell row")
    assert child(window, QLabel, "supersetHint").text() == "Ctrl+G: a superset with the exercise above"
    qtbot.keyClick(page, Qt.Key.Key_G, CTRL)  # the row joins the bench press
    assert rows(window) == ["A1  Bench Press   0 sets", "A2  Barbell Row   0 sets"]
    hint = child(window, QLabel, "supersetHint").text()
    assert hint == "Superset A · after this set: rest, then Bench Press"
    qtbot.keyClick(page, Qt.Key.Key_Up, CTRL)
    assert current(window) == "Bench Press"
    assert child(window, QLabel, "supersetHint").text() == (
        "Superset A · after this set: Barbell Row (0:15 change-over)"
    )

    order, timers = [], []
    for bench, row in (("80", "70"), ("80", "70")):
        for weight in (bench, row):
            order.append(current(window))
            log(qtbot, window, weight, "8", "2")
            timers.append(timer(window))
            clock.advance(15)
            assert timer(window)[1] in ("0:00", "2:45")  # the clock runs: change-over over, or rest going
            clock.advance(45)
    assert order == ["Bench Press", "Barbell Row", "Bench Press", "Barbell Row"]
    # the change-over between the two, the rest (bench's 3:00, the longer of the two) after each round
    assert timers == [
        ("Change-over → Barbell Row", "0:15"),
        ("Rest after the round", "3:00"),
        ("Change-over → Barbell Row", "0:15"),
        ("Rest after the round", "3:00"),
    ]
    assert current(window) == "Bench Press"
    assert rows(window) == ["A1  Bench Press   2 sets", "A2  Barbell Row   2 sets"]
    assert stored_sets(db_path) == [("Bench Press", 1), ("Barbell Row", 1)] * 2

    qtbot.keyClick(page, Qt.Key.Key_F, CTRL | SHIFT)
    body = child(window, QLabel, "summaryBody").text()
    assert "<b>Supersets</b>: A — Bench Press + Barbell Row, 2 rounds" in body

    # History's drill-down shows the grouping
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    window.history_page.refresh_if_stale()  # type: ignore[attr-defined]
    detail = child(window, QTableView, "sessionDetail").model()
    names = [detail.index(r, 0).data() for r in range(detail.rowCount())]
    assert names == ["A1 · Bench Press"] * 2 + ["A2 · Barbell Row"] * 2
    assert (
        detail.index(0, 0)
        .data(Qt.ItemDataRole.ToolTipRole)
        .startswith("Superset A: Bench Press + Barbell Row, one set of each in turn")
    )


def test_the_grouping_survives_hevy_and_native_files(
    qtbot: QtBot, window: QWidget, db_path: Path, tmp_path: Path
) -> None:
    page = window.session_page  # type: ignore[attr-defined]
    for name in ("squat", "bench press", "barbell row"):
        add_exercise(qtbot, window, name)
    qtbot.keyClick(page, Qt.Key.Key_G, CTRL)  # bench + row; the squat stays on its own
    qtbot.keyClick(page, Qt.Key.Key_Up, CTRL)
    qtbot.keyClick(page, Qt.Key.Key_Up, CTRL)
    log(qtbot, window, "100", "5", "2")
    qtbot.keyClick(page, Qt.Key.Key_Down, CTRL)
    for weight in ("80", "70", "80", "70"):
        log(qtbot, window, weight, "8", "2")
    qtbot.keyClick(page, Qt.Key.Key_F, CTRL | SHIFT)
    transfer = window.context.transfer  # type: ignore[attr-defined]

    hevy = tmp_path / "hevy.csv"
    transfer.export_file(hevy, "hevy")
    with hevy.open(encoding="utf-8", newline="") as handle:
        exported = [(r["exercise_title"], r["superset_id"]) for r in csv.DictReader(handle)]
    assert exported == [("Squat", "")] + [("Bench Press", "1")] * 2 + [("Barbell Row", "1")] * 2
    native = tmp_path / "native.csv"
    transfer.export_file(native, "native")

    for file, fmt in ((hevy, "hevy"), (native, "native")):
        other = tmp_path / f"from-{fmt}.sqlite3"
        context = open_context(other)
        try:
            context.transfer.import_file(file, fmt)  # type: ignore[union-attr]
        finally:
            context.close()
        grouped = sorted(set(stored_sets(other)))
        assert grouped == [("Barbell Row", 1), ("Bench Press", 1), ("Squat", None)], fmt


def routine_with_superset(window: QWidget) -> Routine:
    context = window.context  # type: ignore[attr-defined]

    def planned(name: str, position: int, sets: int, group: int | None, rest: int | None) -> PlannedExercise:
        exercise = context.catalog.find(name)
        assert exercise is not None, name
        return PlannedExercise(exercise.id, position, sets=sets, rest_s=rest, superset_group=group)

    routine = context.routines.save(
        Routine(
            name="Arms",
            exercises=[
                planned("Dumbbell Curl", 0, 2, 5, 75),
                planned("Triceps Pushdown", 1, 2, 5, 90),
                planned("Dumbbell Lateral Raise", 2, 2, None, None),
            ],
        )
    )
    window.session_page._refresh_all()  # type: ignore[attr-defined]  # as after the editor saves
    return routine


def test_a_routine_superset_starts_grouped_and_resumes_in_its_rotation(
    qtbot: QtBot, db_path: Path, clock: FakeClock
) -> None:
    first = open_main_window(qtbot, db_path, clock, activate=True)
    routine_with_superset(first)
    qtbot.keyClick(first.session_page, Qt.Key.Key_R, CTRL)  # type: ignore[attr-defined]
    choices = child(first, QListWidget, "routineChoices")
    qtbot.keyClick(choices, Qt.Key.Key_Down)
    assert choices.currentItem().toolTip().splitlines() == [
        "A1 Dumbbell Curl: 2 × 8–12 @ RIR 2",
        "A2 Triceps Pushdown: 2 × 8–12 @ RIR 2",
        "Dumbbell Lateral Raise: 2 × 8–12 @ RIR 2",
    ]
    qtbot.keyClick(choices, Qt.Key.Key_Return)
    assert rows(first) == [
        "A1  Dumbbell Curl   0/2 sets",
        "A2  Triceps Pushdown   0/2 sets",
        "Dumbbell Lateral Raise   0/2 sets",
    ]
    assert current(first) == "Dumbbell Curl"
    log(qtbot, first, "14", "10", "2")
    assert current(first) == "Triceps Pushdown"
    assert timer(first) == ("Change-over → Triceps Pushdown", "0:15")
    first.close()  # as after a crash, mid-round

    clock.advance(20)
    second = open_main_window(qtbot, db_path, clock, activate=True)
    try:
        assert current(second) == "Triceps Pushdown"  # the rotation resumes where it was
        assert rows(second)[:2] == ["A1  Dumbbell Curl   1/2 sets", "A2  Triceps Pushdown   0/2 sets"]
        log(qtbot, second, "30", "12", "f")  # absolute failure ends the round
        assert current(second) == "Dumbbell Curl"
        # the longer rest of the two from the routine (1:30), + 1:30 after absolute failure (F8)
        assert timer(second) == ("Rest after the round (longer after failure)", "3:00")
        clock.advance(180)
        log(qtbot, second, "14", "9", "1")
        log(qtbot, second, "30", "10", "1")
        assert timer(second) == ("Rest — superset done", "1:30")
        assert child(second, QLabel, "supersetHint").text() == (
            "Superset A · after this set: rest — its planned sets are done"
        )
        assert stored_sets(db_path) == [("Dumbbell Curl", 1), ("Triceps Pushdown", 1)] * 2
    finally:
        second.close()


def test_ungrouping_by_keyboard_and_the_transition_setting(
    qtbot: QtBot, window: QWidget, db_path: Path, clock: FakeClock
) -> None:
    context = window.context  # type: ignore[attr-defined]
    from dataclasses import replace

    context.profile.save_settings(replace(context.profile.settings, superset_transition_s=30))
    page = window.session_page  # type: ignore[attr-defined]
    for name in ("dumbbell curl", "triceps pushdown", "lateral raise"):
        add_exercise(qtbot, window, name)
    qtbot.keyClick(page, Qt.Key.Key_G, CTRL)  # raise + pushdown
    qtbot.keyClick(page, Qt.Key.Key_Up, CTRL)
    qtbot.keyClick(page, Qt.Key.Key_G, CTRL)  # pushdown + curl: all three, a circuit
    assert [r.split("  ")[0] for r in rows(window)] == ["A1", "A2", "A3"]
    qtbot.keyClick(page, Qt.Key.Key_Up, CTRL)
    qtbot.keyClick(page, Qt.Key.Key_G, CTRL)  # the first cannot join anything
    assert child(window, QLabel, "inputError").text().startswith("Group an exercise with the one before it")
    log(qtbot, window, "14", "10", "2")
    assert timer(window) == ("Change-over → Triceps Pushdown", "0:30")
    qtbot.keyClick(page, Qt.Key.Key_G, CTRL | SHIFT)  # the pushdown leaves: curl + raise stay a superset
    assert [r.split("  ")[0] for r in rows(window)] == ["A1", "Triceps Pushdown", "A2"]
    qtbot.keyClick(page, Qt.Key.Key_Up, CTRL)
    qtbot.keyClick(page, Qt.Key.Key_G, CTRL | SHIFT)  # the curl leaves: no group is left
    assert rows(window) == [
        "Dumbbell Curl   1 set",
        "Triceps Pushdown   0 sets",
        "Dumbbell Lateral Raise   0 sets",
    ]
    assert stored_sets(db_path) == [("Dumbbell Curl", None)]  # its logged set follows it
    clock.advance(60)
    log(qtbot, window, "14", "9", "2")
    assert current(window) == "Dumbbell Curl" and timer(window) == ("Rest", "1:00")  # the usual rest


def test_the_routine_editor_groups_with_ctrl_g(qtbot: QtBot, window: QWidget) -> None:
    routine = routine_with_superset(window)
    page = window.session_page  # type: ignore[attr-defined]
    qtbot.keyClick(page, Qt.Key.Key_R, CTRL | SHIFT)
    editor = window.findChild(QWidget, "routineEditor")
    assert editor is not None and editor.isVisible()
    qtbot.waitUntil(editor.isActiveWindow)
    table = child(editor, QTableWidget, "planTable")
    assert [table.item(r, 0).text() for r in range(3)] == ["1  A1", "2  A2", "3"]
    assert table.item(0, 0).toolTip().startswith("Superset A: Dumbbell Curl → Triceps Pushdown")
    table.setFocus()
    table.selectRow(2)
    qtbot.keyClick(table, Qt.Key.Key_G, CTRL)  # the raise joins: a circuit of three
    assert [table.item(r, 0).text() for r in range(3)] == ["1  A1", "2  A2", "3  A3"]
    assert "Circuit A" in child(editor, QLabel, "routineStatus").text()
    stored = window.context.routines.get(routine.id)  # type: ignore[attr-defined]
    assert [p.superset_group for p in stored.exercises] == [1, 1, 1]
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_G, CTRL | SHIFT)
    assert [table.item(r, 0).text() for r in range(3)] == ["1", "2  A1", "3  A2"]
    stored = window.context.routines.get(routine.id)  # type: ignore[attr-defined]
    assert [p.superset_group for p in stored.exercises] == [None, 1, 1]
    qtbot.keyClick(table, Qt.Key.Key_G, CTRL | SHIFT)
    assert child(editor, QLabel, "routineStatus").text() == "Dumbbell Curl is not in a superset."
