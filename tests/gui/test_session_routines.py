"""The session page with routines and notes: start from a routine by keyboard, follow its plan, resume it
after reopening, write notes, see them in History, and save a workout as a routine."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.clock import FakeClock
from helpers.session_driver import child, enter_set, open_main_window, rate
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QTableView, QWidget
from pytestqt.qtbot import QtBot

from gym_companion.domain.model import PlannedExercise, Routine
from gym_companion.domain.routine_plan import PlanTarget

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(qtbot: QtBot, db_path: Path, clock: FakeClock) -> Iterator[QWidget]:
    win = open_main_window(qtbot, db_path, clock, activate=True)  # active, so focus checks are real
    yield win
    win.close()


def save_routine(window: QWidget, name: str, plan: list[tuple[str, PlanTarget]]) -> Routine:
    context = window.context  # type: ignore[attr-defined]
    planned = []
    for position, (exercise_name, target) in enumerate(plan):
        exercise = context.catalog.find(exercise_name)
        assert exercise is not None, exercise_name
        planned.append(
            PlannedExercise(
                exercise_id=exercise.id,
                position=position,
                sets=target.sets,
                rep_min=target.rep_min,
                rep_max=target.rep_max,
                target_rir=target.target_rir,
                failure_last_set=target.failure_last_set,
                rest_s=target.rest_s,
            )
        )
    routine = context.routines.save(Routine(name=name, exercises=planned))
    window.session_page._refresh_all()  # type: ignore[attr-defined]  # as after the editor saves
    return routine


PULL = [
    ("Barbell Row", PlanTarget(2, 6, 8, 2, rest_s=150)),
    ("Lat Pulldown", PlanTarget(2, 10, 12, 2)),
    ("Dumbbell Curl", PlanTarget(2, 10, 15, 1, failure_last_set=True)),
]


def start_from_chooser(qtbot: QtBot, window: QWidget, row: int) -> None:
    page = window.session_page  # type: ignore[attr-defined]
    qtbot.keyClick(page, Qt.Key.Key_R, CTRL)
    choices = child(window, QListWidget, "routineChoices")
    assert choices.hasFocus()
    for _ in range(row):
        qtbot.keyClick(choices, Qt.Key.Key_Down)
    qtbot.keyClick(choices, Qt.Key.Key_Return)


def log(qtbot: QtBot, window: QWidget, weight: str, reps: str, rating: str) -> None:
    enter_set(qtbot, window, weight, reps)
    rate(qtbot, window, rating)


def plan_text(window: QWidget) -> str:
    return child(window, QLabel, "planLabel").text()


def workout_rows(window: QWidget) -> list[str]:
    rows = child(window, QListWidget, "workoutExercises")
    return [rows.item(i).text() for i in range(rows.count())]


def test_the_empty_state_offers_start_empty_and_the_routines(qtbot: QtBot, window: QWidget) -> None:
    save_routine(window, "Pull", PULL)
    chooser = child(window, QWidget, "routineChooser")
    choices = child(window, QListWidget, "routineChoices")
    assert chooser.isVisible() and not child(window, QWidget, "weightInput").isVisible()
    assert [choices.item(i).text().split("\n")[0] for i in range(choices.count())] == [
        "Empty workout",
        "Pull",
    ]
    assert "Barbell Row, Lat Pulldown, Dumbbell Curl · 6 sets" in choices.item(1).text()
    assert "Dumbbell Curl: 2 × 10–15 @ RIR 1 · last set to failure" in choices.item(1).toolTip()
    start_from_chooser(qtbot, window, 0)
    page = window.session_page  # type: ignore[attr-defined]
    assert page.log.active and page.log.slots == []
    assert not chooser.isVisible() and child(window, QLineEdit, "exerciseSearch").hasFocus()


def test_follow_a_routine_by_keyboard_through_its_plan(
    qtbot: QtBot, window: QWidget, clock: FakeClock
) -> None:
    save_routine(window, "Pull", PULL)
    start_from_chooser(qtbot, window, 1)
    assert child(window, QLabel, "currentExercise").text() == "Barbell Row"
    assert child(window, QLineEdit, "weightInput").hasFocus()
    assert workout_rows(window) == [
        "Barbell Row   0/2 sets",
        "Lat Pulldown   0/2 sets",
        "Dumbbell Curl   0/2 sets  ⚑",
    ]
    assert "Set 1 of 2 · 6–8 reps @ RIR 2" in plan_text(window) and "rest 2:30" in plan_text(window)
    log(qtbot, window, "60", "8", "2")
    panel = window.session_page.rest_panel  # type: ignore[attr-defined]
    assert panel.countdown.duration_s == 150  # the routine's rest, not the exercise default
    assert "Set 2 of 2" in plan_text(window)
    clock.advance(150)
    log(qtbot, window, "60", "8", "1")
    assert "All 2 planned sets done" in plan_text(window)
    assert workout_rows(window)[0] == "Barbell Row   2/2 sets"
    page = window.session_page  # type: ignore[attr-defined]
    qtbot.keyClick(page, Qt.Key.Key_Down, CTRL)
    qtbot.keyClick(page, Qt.Key.Key_Down, CTRL)
    assert child(window, QLabel, "currentExercise").text() == "Dumbbell Curl"
    assert "Set 1 of 2 · 10–15 reps @ RIR 1" in plan_text(window)
    log(qtbot, window, "14", "12", "2")
    assert "Set 2 of 2 — the planned failure set · 10–15 reps to failure" in plan_text(window)
    log(qtbot, window, "14", "11", "f")
    stored = page.log.slots[2].sets
    assert [(s.reps, s.failure.value) for s in stored] == [(12, "none"), (11, "absolute")]


def test_planned_failure_early_in_the_plan_brings_f4_before_its_last_set(
    qtbot: QtBot, window: QWidget
) -> None:
    plan = [
        ("Dumbbell Curl", PlanTarget(2, 10, 15, 1, failure_last_set=True)),
        ("Lat Pulldown", PlanTarget(2, 10, 12, 2)),
        ("Seated Cable Row", PlanTarget(2, 10, 12, 2)),
        ("Face Pull", PlanTarget(2, 12, 15, 2)),
    ]
    save_routine(window, "Odd order", plan)
    start_from_chooser(qtbot, window, 1)
    advice = child(window, QListWidget, "adviceList")

    def rules() -> list[str]:
        return [advice.item(i).data(Qt.ItemDataRole.UserRole) for i in range(advice.count())]

    assert "F4" not in rules()
    log(qtbot, window, "12", "12", "2")
    f4 = [advice.item(i).text() for i in range(advice.count()) if rules()[i] == "F4"]
    assert f4 and "exercise 1 of 4" in f4[0]


def test_plan_and_notes_survive_reopening_and_show_in_history(
    qtbot: QtBot, db_path: Path, clock: FakeClock
) -> None:
    first = open_main_window(qtbot, db_path, clock, activate=True)
    save_routine(first, "Pull", PULL)
    start_from_chooser(qtbot, first, 1)
    log(qtbot, first, "60", "8", "2")
    page = first.session_page  # type: ignore[attr-defined]
    qtbot.keyClick(page, Qt.Key.Key_N, CTRL)
    note = child(first, QLineEdit, "exerciseNoteInput")
    assert note.hasFocus()
    qtbot.keyClicks(note, "straps on set 2")
    qtbot.keyClick(note, Qt.Key.Key_Return)
    assert child(first, QLineEdit, "weightInput").hasFocus()
    assert workout_rows(first)[0] == "Barbell Row   1/2 sets  ✎"
    qtbot.keyClick(page, Qt.Key.Key_N, CTRL | SHIFT)
    notes_input = child(first, QLineEdit, "workoutNotesInput")
    assert notes_input.hasFocus()
    qtbot.keyClicks(notes_input, "slept 6 h")
    name_input = child(first, QLineEdit, "workoutNameInput")
    name_input.setFocus()
    name_input.selectAll()
    qtbot.keyClicks(name_input, "Pull light")
    qtbot.keyClick(name_input, Qt.Key.Key_Return)
    assert child(first, QLabel, "workoutNotesLabel").text() == "Notes: slept 6 h"
    assert child(first, QLabel, "workoutTitle").text().startswith("Pull light")
    first.close()  # as after a crash: the workout is still open

    clock.advance(60)
    second = open_main_window(qtbot, db_path, clock, activate=True)
    try:
        assert child(second, QWidget, "resumeBanner").isVisible()
        assert child(second, QLabel, "currentExercise").text() == "Barbell Row"
        assert "Set 2 of 2 · 6–8 reps @ RIR 2" in plan_text(second)
        assert child(second, QLineEdit, "exerciseNoteInput").text() == "straps on set 2"
        assert workout_rows(second) == [
            "Barbell Row   1/2 sets  ✎",
            "Lat Pulldown   0/2 sets",
            "Dumbbell Curl   0/2 sets  ⚑",
        ]
        assert child(second, QLabel, "workoutNotesLabel").text() == "Notes: slept 6 h"
        log(qtbot, second, "60", "8", "1")
        qtbot.keyClick(second.session_page, Qt.Key.Key_F, CTRL | SHIFT)  # type: ignore[attr-defined]
        qtbot.keyClick(second, Qt.Key.Key_2, CTRL)
        history = second.history_page  # type: ignore[attr-defined]
        history.refresh_if_stale()
        notes = child(second, QLabel, "sessionNotes")
        assert notes.isVisible()
        assert "<b>Workout</b>: slept 6 h" in notes.text()
        assert "<b>Barbell Row</b>: straps on set 2" in notes.text()
        detail = child(second, QTableView, "sessionDetail")
        model = detail.model()
        headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
        notes_column = headers.index("Notes")
        assert model.index(0, notes_column).data() == "straps on set 2"
    finally:
        second.close()


def test_save_the_finished_workout_as_a_routine(qtbot: QtBot, window: QWidget, clock: FakeClock) -> None:
    search = child(window, QLineEdit, "exerciseSearch")
    for name, weight, reps in (("leg press", "120", "10"), ("leg extension", "50", "12")):
        search.setFocus()
        qtbot.keyClicks(search, name)
        qtbot.keyClick(search, Qt.Key.Key_Return)
        log(qtbot, window, weight, reps, "2")
        clock.advance(120)
        log(qtbot, window, weight, str(int(reps) - 2), "t")
        clock.advance(120)
    page = window.session_page  # type: ignore[attr-defined]
    qtbot.keyClick(page, Qt.Key.Key_F, CTRL | SHIFT)
    assert child(window, QWidget, "workoutSummary").isVisible()
    qtbot.keyClick(page, Qt.Key.Key_T, CTRL | SHIFT)
    name = child(window, QLineEdit, "saveRoutineName")
    assert name.hasFocus() and name.text()  # the workout's name, ready to change
    name.selectAll()
    qtbot.keyClicks(name, "Legs quick")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert "Saved as “Legs quick” (2 exercises)" in child(window, QLabel, "saveRoutineMessage").text()
    [routine] = window.context.routines.all()  # type: ignore[attr-defined]
    assert [(p.sets, p.rep_min, p.rep_max, p.failure_last_set) for p in routine.exercises] == [
        (2, 8, 10, True),
        (2, 10, 12, True),
    ]
    choices = child(window, QListWidget, "routineChoices")
    assert choices.item(choices.count() - 1).text().startswith("Legs quick")


def test_f1_lists_the_routine_and_note_shortcuts(qtbot: QtBot, window: QWidget) -> None:
    choices = child(window, QListWidget, "routineChoices")
    assert choices.hasFocus()  # the empty state takes the keyboard, so shortcuts work from the start
    qtbot.keyClick(choices, Qt.Key.Key_F1)
    overlay = child(window, QWidget, "shortcutsOverlay")
    assert overlay.isVisible()
    text = overlay.findChild(QLabel).text()
    for keys in ("Ctrl+R", "Ctrl+Shift+R", "Ctrl+N / Ctrl+Shift+N", "Ctrl+Shift+T"):
        assert keys in text
    qtbot.keyClick(overlay, Qt.Key.Key_Escape)
    assert not overlay.isVisible() and choices.hasFocus()  # the keyboard goes back: Ctrl+R etc. still work


def test_a_drop_set_ends_the_set_and_the_full_rest_follows(qtbot: QtBot, window: QWidget) -> None:
    save_routine(window, "Pull", PULL)
    start_from_chooser(qtbot, window, 1)
    panel = window.session_page.rest_panel  # type: ignore[attr-defined]
    log(qtbot, window, "60", "8", "f")
    after_failure = panel.countdown.duration_s
    qtbot.keyClick(window.session_page, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # type: ignore[attr-defined]
    log(qtbot, window, "45", "6", "f")
    assert panel.countdown.is_running and panel.countdown.duration_s == after_failure > 150
    assert "Set 2 of 2" in plan_text(window)  # the drop set does not count as a planned set
