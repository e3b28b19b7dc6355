"""The session page driven by keyboard: a whole workout, ratings, the rest timer, bad input, resume."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.clock import FakeClock
from helpers.session_driver import add_exercise, child, enter_set, rate
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from gym_companion.app import create_main_window
from gym_companion.domain.model import FailureKind, Muscle, SetType
from gym_companion.ui.session.speech import RestCuePlayer


def log(qtbot: QtBot, window: QWidget, weight: str, reps: str, rating: str | None = None) -> None:
    enter_set(qtbot, window, weight, reps)
    if rating is not None:
        prompt = child(window, QWidget, "rirPrompt")
        assert prompt.isVisible()
        rate(qtbot, window, rating)
        assert not prompt.isVisible()


def stored_sets(window: QWidget) -> list[tuple[str, float, int, int | None, str]]:
    import sqlite3

    with sqlite3.connect(window.context.db_path) as con:  # type: ignore[attr-defined]
        return con.execute(
            "SELECT e.name, s.weight_kg, s.reps, s.rir, s.failure || ':' || s.set_type "
            "FROM set_entry s JOIN exercise e ON e.id = s.exercise_id ORDER BY s.exercise_order, s.set_order"
        ).fetchall()


def test_pages_open_and_switch_by_keyboard(qtbot: QtBot, window: QWidget) -> None:
    tabs = window.tabs  # type: ignore[attr-defined]
    for keys, name in (("Ctrl+2", "historyPage"), ("Ctrl+3", "recoveryPage"), ("Ctrl+1", "sessionPage")):
        qtbot.keyClick(window, keys[-1], Qt.KeyboardModifier.ControlModifier)
        assert tabs.currentWidget().objectName() == name


def test_a_whole_workout_by_keyboard(qtbot: QtBot, window: QWidget, clock: FakeClock) -> None:
    add_exercise(qtbot, window, "barbell back squat")
    assert child(window, QLabel, "currentExercise").text() == "Squat"
    qtbot.keyClick(window.session_page, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)  # type: ignore[attr-defined]
    for weight in ("20", "60"):
        log(qtbot, window, weight, "5")  # warm-ups: no prompt
        assert not child(window, QWidget, "rirPrompt").isVisible()
        clock.advance(60)
    qtbot.keyClick(window.session_page, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)  # type: ignore[attr-defined]
    log(qtbot, window, "100", "5", "2")
    clock.advance(180)
    log(qtbot, window, "100", "5", "1")
    clock.advance(180)
    add_exercise(qtbot, window, "dumbbell curl")
    log(qtbot, window, "14", "10", "3")
    clock.advance(90)
    log(qtbot, window, "14", "9", "t")
    clock.advance(90)
    add_exercise(qtbot, window, "Triceps Pushdown (Cable - Straight Bar)")
    log(qtbot, window, "30", "12", "2")
    clock.advance(90)
    log(qtbot, window, "30", "10", "f")
    qtbot.keyClick(window.session_page, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # type: ignore[attr-defined]
    log(qtbot, window, "20", "8", "Esc")  # a drop set left unrated
    assert stored_sets(window) == [
        ("Squat", 20.0, 5, None, "none:warmup"),
        ("Squat", 60.0, 5, None, "none:warmup"),
        ("Squat", 100.0, 5, 2, "none:working"),
        ("Squat", 100.0, 5, 1, "none:working"),
        ("Dumbbell Curl", 14.0, 10, 3, "none:working"),
        ("Dumbbell Curl", 14.0, 9, 0, "technical:working"),
        ("Triceps Pushdown", 30.0, 12, 2, "none:working"),
        ("Triceps Pushdown", 30.0, 10, 0, "absolute:working"),
        ("Triceps Pushdown", 20.0, 8, None, "none:drop"),
    ]
    # re-rate the drop set from the sets table with the keyboard
    table = child(window, QWidget, "setsTable")
    qtbot.keyClick(window.session_page, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)  # type: ignore[attr-defined]
    assert table.hasFocus()
    qtbot.keyClick(table, Qt.Key.Key_R)
    qtbot.keyClicks(child(window, QWidget, "rirPrompt"), "f")
    assert stored_sets(window)[-1][3:] == (0, "absolute:drop")
    # delete it and undo
    table.setFocus()
    table.selectRow(2)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert len(stored_sets(window)) == 8
    qtbot.keyClick(window.session_page, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # type: ignore[attr-defined]
    assert len(stored_sets(window)) == 9 and stored_sets(window)[-1][3:] == (0, "absolute:drop")
    # finish: a summary that names the failure sets and where they were
    clock.advance(120)
    qtbot.mouseClick(child(window, QPushButton, "finishWorkoutButton"), Qt.MouseButton.LeftButton)
    body = child(window, QLabel, "summaryBody").text()
    assert child(window, QWidget, "workoutSummary").isVisible()
    assert "Dumbbell Curl, set 2 of 2 (exercise 2 of 3): technical failure" in body
    assert "Triceps Pushdown" in body and "absolute failure" in body
    assert "Quads 2" in body  # two hard squat sets


def test_bad_inputs_are_refused_with_a_message_and_nothing_saved(qtbot: QtBot, window: QWidget) -> None:
    add_exercise(qtbot, window, "bench press")
    error = child(window, QLabel, "inputError")
    for weight, reps, message in (
        ("abc", "8", "not a weight"),
        ("80", "0", "at least 1"),
        ("80", "eight", "not a number of reps"),
        ("80", "101", "More than 100"),
        ("-20", "8", "cannot be negative"),
        ("1200", "5", "more than any gym load"),
        ("80", "7.5", "whole number"),
    ):
        log(qtbot, window, weight, reps)
        assert error.isVisible() and message in error.text(), (weight, reps, error.text())
        assert not child(window, QWidget, "rirPrompt").isVisible()
    assert stored_sets(window) == []


def test_assisted_exercise_takes_a_negative_load(qtbot: QtBot, window: QWidget) -> None:
    add_exercise(qtbot, window, "assisted pull-up")
    log(qtbot, window, "-25", "8", "2")
    assert stored_sets(window) == [("Assisted Pull-Up", -25.0, 8, 2, "none:working")]


def test_rest_timer_counts_down_adjusts_and_goes_into_overtime(
    qtbot: QtBot, window: QWidget, clock: FakeClock
) -> None:
    add_exercise(qtbot, window, "dumbbell curl")
    label = child(window, QLabel, "restRemainingLabel")
    log(qtbot, window, "14", "10")
    assert label.text() == "–:––"  # the timer waits for the rating
    qtbot.keyClicks(child(window, QWidget, "rirPrompt"), "2")
    panel = window.session_page.rest_panel  # type: ignore[attr-defined]
    rest = panel.countdown.duration_s
    assert label.text() == f"{int(rest) // 60}:{int(rest) % 60:02d}"
    clock.advance(30)
    panel.tick()
    remaining = rest - 30
    assert label.text() == f"{int(remaining) // 60}:{int(remaining) % 60:02d}"
    qtbot.keyClick(window.session_page, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)  # type: ignore[attr-defined]
    remaining += 15
    assert label.text() == f"{int(remaining) // 60}:{int(remaining) % 60:02d}"
    clock.advance(remaining + 5)
    panel.tick()
    assert label.text() == "+0:05"
    assert panel.flashing and window.session_page.alarm.rings == 1  # type: ignore[attr-defined]
    assert "sound" not in window.session_page.alarm.last_channels  # type: ignore[attr-defined]
    clock.advance(60)
    panel.tick()
    assert label.text() == "+1:05" and window.session_page.alarm.rings == 1  # type: ignore[attr-defined]
    assert "color" in label.styleSheet()  # overtime reads in the caution colour
    panel.skip()
    assert label.text() == "–:––" and "color" not in label.styleSheet()  # skipped: no longer "late"


def test_failure_set_rests_longer(qtbot: QtBot, window: QWidget) -> None:
    add_exercise(qtbot, window, "dumbbell curl")
    panel = window.session_page.rest_panel  # type: ignore[attr-defined]
    log(qtbot, window, "14", "10", "2")
    normal = panel.countdown.duration_s
    log(qtbot, window, "14", "8", "f")
    assert panel.countdown.duration_s > normal


def test_restart_resumes_the_workout_and_the_rest_timer(
    qtbot: QtBot, db_path: Path, clock: FakeClock
) -> None:
    first = create_main_window(db_path, clock.clocks())
    qtbot.addWidget(first)
    first.show()
    add_exercise(qtbot, first, "bench press")
    log(qtbot, first, "80", "8", "2")
    rest = first.session_page.rest_panel.countdown.duration_s  # type: ignore[attr-defined]
    first.close()
    clock.advance(40)
    second = create_main_window(db_path, clock.clocks())
    qtbot.addWidget(second)
    second.show()
    assert child(second, QLabel, "currentExercise").text() == "Bench Press"
    assert child(second, QWidget, "resumeBanner").isVisible()
    left = rest - 40
    assert child(second, QLabel, "restRemainingLabel").text() == f"{int(left) // 60}:{int(left) % 60:02d}"
    assert second.session_page.log.all_sets()[0].rir == 2  # type: ignore[attr-defined]
    second.close()


def test_closing_the_window_releases_the_database(qtbot: QtBot, db_path: Path, clock: FakeClock) -> None:
    from gym_companion.storage.database import open_database

    win = create_main_window(db_path, clock.clocks())
    qtbot.addWidget(win)
    win.close()
    db = open_database(db_path)  # would raise DatabaseLockedError if the lock were still held
    db.close()


def test_advice_list_and_exercise_search_exist_per_contract(qtbot: QtBot, window: QWidget) -> None:
    assert isinstance(window.findChild(QListWidget, "adviceList"), QListWidget)
    add_exercise(qtbot, window, "Squat (Barbell)")
    assert child(window, QLabel, "currentExercise").text() == "Squat"
    add_exercise(qtbot, window, "Bench Press (Barbell)")
    assert child(window, QLabel, "currentExercise").text() == "Bench Press"


def test_custom_exercise_from_the_search_box(qtbot: QtBot, window: QWidget) -> None:
    add_exercise(qtbot, window, "Zercher Carry Hold Variation")
    form = child(window, QWidget, "createExerciseForm")
    assert form.isVisible()
    qtbot.keyClick(form.name, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    assert child(window, QLabel, "currentExercise").text() == "Zercher Carry Hold Variation"
    log(qtbot, window, "40", "10", "3")
    assert stored_sets(window)[0][:3] == ("Zercher Carry Hold Variation", 40.0, 10)


def test_set_type_keys_and_warmups_are_never_rated(qtbot: QtBot, window: QWidget) -> None:
    add_exercise(qtbot, window, "bench press")
    page = window.session_page  # type: ignore[attr-defined]
    qtbot.keyClick(page, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    assert SetType(page.set_type_combo.currentData()) is SetType.WARMUP
    log(qtbot, window, "40", "10")
    assert page.log.all_sets()[0].failure is FailureKind.NONE and page.log.all_sets()[0].rir is None


def _advice_rules(window: QWidget) -> list[str]:
    advice = child(window, QListWidget, "adviceList")
    return [advice.item(i).data(Qt.ItemDataRole.UserRole) for i in range(advice.count())]


def test_spotter_advice_appears_for_bench_press_not_for_curls(qtbot: QtBot, window: QWidget) -> None:
    add_exercise(qtbot, window, "bench press")
    assert "F6" in _advice_rules(window)
    add_exercise(qtbot, window, "cable curl")
    assert "F6" not in _advice_rules(window)


def test_failure_on_the_first_set_of_the_workout_is_flagged(qtbot: QtBot, window: QWidget) -> None:
    add_exercise(qtbot, window, "dumbbell curl")
    log(qtbot, window, "14", "10", "f")
    rules = _advice_rules(window)
    assert "F4" in rules and "F7" in rules  # first set, no warm-up
    assert "F5" in rules  # after absolute failure: that exercise is done


def test_no_false_alarm_for_failure_at_the_end_of_a_warmed_up_workout(
    qtbot: QtBot, window: QWidget, clock: FakeClock
) -> None:
    add_exercise(qtbot, window, "leg press")
    log(qtbot, window, "100", "10", "2")
    clock.advance(150)
    add_exercise(qtbot, window, "cable curl")
    log(qtbot, window, "20", "12", "2")
    clock.advance(90)
    log(qtbot, window, "20", "10", "f")
    advice = child(window, QListWidget, "adviceList")
    texts = [advice.item(i).text() for i in range(advice.count())]
    assert texts and all(t.startswith("ℹ") for t in texts), texts  # information only: no caution, no warning


def test_a_new_exercise_named_like_a_library_one_starts_with_its_main_muscle(
    qtbot: QtBot, window: QWidget
) -> None:
    page = window.session_page  # type: ignore[attr-defined]
    page._show_create_form("Paused Preacher Curl")  # "Create …" chosen although the library has curls
    form = child(window, QWidget, "createExerciseForm")
    assert form.muscle.currentText() == "Biceps"  # type: ignore[attr-defined]
    assert form.muscle_hint.text().startswith("Guessed from")  # type: ignore[attr-defined]
    qtbot.keyClick(form.name, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    made = window.context.catalog.find("Paused Preacher Curl")  # type: ignore[attr-defined]
    assert made is not None and made.primary_muscles == (Muscle.BICEPS,)


def test_restart_with_the_prompt_open_asks_again_and_fills_the_next_set(
    qtbot: QtBot, db_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA: after kill -9 with the RIR prompt open the set stayed "not rated" and the boxes were empty
    beside "Next: Squat · 100 kg × 5". The set is on disk before the prompt shows, so closing the first
    window without answering leaves the database as the kill did."""
    monkeypatch.setattr(RestCuePlayer, "IDLE_MS", 0)
    first = create_main_window(db_path, clock.clocks())
    qtbot.addWidget(first)
    first.show()
    add_exercise(qtbot, first, "squat")
    log(qtbot, first, "100", "5", "2")
    clock.advance(150)
    log(qtbot, first, "100", "5")  # the prompt opens …
    assert child(first, QWidget, "rirPrompt").isVisible()
    first.close()  # … and the app dies
    clock.advance(120)
    second = create_main_window(db_path, clock.clocks())
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    prompt = child(second, QWidget, "rirPrompt")
    assert prompt.isVisible() and second.focusWidget() is prompt  # the keys go to it
    assert prompt.question.text().startswith("Squat · 100 kg × 5")  # type: ignore[attr-defined]
    next_label = child(second, QLabel, "restNextSet")
    qtbot.waitUntil(lambda: next_label.text() != "")  # worked out in the first pause
    next_text = next_label.text()
    weight = child(second, QLineEdit, "weightInput").text()
    reps = child(second, QLineEdit, "repsInput").text()
    assert weight and reps and f"{weight} kg × {reps}" in next_text  # the boxes hold the set shown as next
    qtbot.keyClicks(prompt, "1")  # the same one key answers
    assert not prompt.isVisible()
    assert [s[3] for s in stored_sets(second)] == [2, 1]
    assert second.session_page.rest_panel.countdown.is_running  # type: ignore[attr-defined]
    second.close()

    clock.advance(11 * 60)  # a set left unrated longer ago is not asked about again
    third = create_main_window(db_path, clock.clocks())
    qtbot.addWidget(third)
    third.show()
    assert not child(third, QWidget, "rirPrompt").isVisible()
    third.close()


def test_the_failure_answers_explain_what_failure_buys(qtbot: QtBot, window: QWidget) -> None:
    """F16 on screen: the T and F buttons say what failure does and does not bring; RIR answers do not."""
    prompt = child(window, QWidget, "rirPrompt")
    assert "Strength gains do not need failure" in child(prompt, QPushButton, "rir_absolute").toolTip()
    assert "Strength gains do not need failure" in child(prompt, QPushButton, "rir_technical").toolTip()
    assert "Strength gains" not in child(prompt, QPushButton, "rir_rir_2").toolTip()


def test_a_rule_is_said_once_after_a_failure_set(qtbot: QtBot, window: QWidget, clock: FakeClock) -> None:
    """The exercise's advice and the advice about the rated set can both name F11: the list shows it once."""
    from dataclasses import replace

    profile = window.context.profile  # type: ignore[attr-defined]
    profile.save_settings(replace(profile.settings, weekly_failure_cap=1))
    add_exercise(qtbot, window, "cable curl")
    log(qtbot, window, "20", "12", "2")
    log(qtbot, window, "20", "10", "f")
    clock.advance(120)
    log(qtbot, window, "20", "8", "f")  # past the cap of 1
    rules = _advice_rules(window)
    assert rules.count("F11") == 1, rules
