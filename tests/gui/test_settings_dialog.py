"""Edit › Preferences… by keyboard: sections, saving, refusing bad input, events, the pages following."""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta

import pytest
from helpers.clock import FakeClock
from helpers.session_driver import add_exercise, open_preferences
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QLabel,
    QLineEdit,
    QListWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from gym_companion.domain.model import TrainingStyle, WeightUnit
from gym_companion.domain.settings import Settings
from gym_companion.ui.settings.dialog import SettingsDialog

CTRL = Qt.KeyboardModifier.ControlModifier
INPUTS = (QAbstractSpinBox, QCheckBox, QComboBox, QLineEdit, QDateTimeEdit, QLabel)
ALT = Qt.KeyboardModifier.AltModifier


def go_to(qtbot: QtBot, dialog: SettingsDialog, title: str) -> None:
    """Ctrl+PgDown until the section shows."""
    for _ in range(len(dialog.sections)):
        if dialog.sections[dialog.stack.currentIndex()].title == title:
            return
        qtbot.keyClick(dialog, Qt.Key.Key_PageDown, CTRL)
    raise AssertionError(f"no section {title}")


def stored_settings(window: QWidget) -> Settings:
    """The settings as stored in the file (read past the app, which holds the database)."""
    with sqlite3.connect(window.context.db_path) as con:  # type: ignore[attr-defined]
        row = con.execute("SELECT value FROM setting WHERE key = 'settings'").fetchone()
    return Settings() if row is None else Settings.from_json_dict(json.loads(row[0]))


def press(qtbot: QtBot, dialog: SettingsDialog, key: Qt.Key, button: QWidget) -> None:
    """Alt+key on a button's mnemonic; Qt animates the click, so wait for it."""
    with qtbot.waitSignal(button.clicked, timeout=2000):
        qtbot.keyClick(dialog, key, ALT)


def apply(qtbot: QtBot, dialog: SettingsDialog) -> None:
    """Alt+A: Apply."""
    press(qtbot, dialog, Qt.Key.Key_A, dialog.apply_button)


def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(widget, text)


def log_set(qtbot: QtBot, window: QWidget, weight: str, reps: str, rating: str) -> None:
    weight_input = window.findChild(QLineEdit, "weightInput")
    reps_input = window.findChild(QLineEdit, "repsInput")
    type_into(qtbot, weight_input, weight)
    qtbot.keyClick(weight_input, Qt.Key.Key_Tab)
    type_into(qtbot, reps_input, reps)
    qtbot.keyClick(reps_input, Qt.Key.Key_Return)
    qtbot.keyClicks(window.findChild(QWidget, "rirPrompt"), rating)


def recovery_events(qtbot: QtBot, window: QWidget) -> list[str]:
    """What the Recovery page lists, after switching to it with Ctrl+3."""
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    events = window.findChild(QListWidget, "recoveryEvents")
    return [events.item(i).text() for i in range(events.count())]


def test_preferences_open_with_ctrl_comma_and_never_block(qtbot: QtBot, window: QWidget) -> None:
    dialog = open_preferences(qtbot, window)
    assert dialog.isVisible() and not dialog.isModal()
    assert QApplication.activeModalWidget() is None
    assert [dialog.section_list.item(i).text() for i in range(dialog.section_list.count())][:6] == [
        "Training",
        "Units & equipment",
        "Rest timer",
        "Spoken cues",
        "Recovery",
        "Events",
    ]
    edit_menu = window.menuBar().actions()[1]
    assert edit_menu.text() == "&Edit"
    action = window.findChild(QAction, "preferencesAction")
    assert action in edit_menu.menu().actions() and action.text() == "&Preferences…"
    assert action.shortcut().toString() == "Ctrl+,"
    # every field explains itself and its default
    for section in dialog.sections:
        for widget in section.findChildren(QWidget):
            named = widget.objectName().startswith(("settings", "event"))
            if isinstance(widget, INPUTS) and named and widget.property("role") != "error":
                assert widget.toolTip(), widget.objectName()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_changing_the_style_changes_the_default_cap(qtbot: QtBot, window: QWidget) -> None:
    dialog = open_preferences(qtbot, window)
    training = dialog.training
    assert training.cap.value() == 10 and not training.cap.isEnabled()
    assert training.cap_default.text() == "Default for a split: 10 a week (F11)"
    qtbot.keyClick(dialog, Qt.Key.Key_S, ALT)  # Training &style
    assert training.style.hasFocus()
    qtbot.keyClick(training.style, Qt.Key.Key_Down)
    assert training.cap.value() == 4
    assert training.cap_default.text() == "Default for full body: 4 a week (F11)"
    qtbot.keyClick(training.style, Qt.Key.Key_Return)  # Enter = OK: saved and closed
    assert not dialog.isVisible()
    saved = stored_settings(window)
    assert saved.training_style is TrainingStyle.FULL_BODY
    assert saved.weekly_failure_cap is None and saved.effective_failure_cap == 4
    qtbot.waitUntil(window.isActiveWindow)  # the keyboard is back in the main window
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    budget = window.findChild(QLabel, "failureBudgetLabel").text()
    assert budget == "Failure sets this week: 0 of 4 (full body)"


def test_an_own_cap_stays_when_the_style_changes(qtbot: QtBot, window: QWidget) -> None:
    dialog = open_preferences(qtbot, window)
    training = dialog.training
    training.cap_follows_style.setFocus()
    qtbot.keyClick(training.cap_follows_style, Qt.Key.Key_Space)  # untick: my own cap
    type_into(qtbot, training.cap, "7")
    training.style.setFocus()
    qtbot.keyClick(training.style, Qt.Key.Key_Down)
    assert training.cap.value() == 7
    apply(qtbot, dialog)
    assert dialog.isVisible()
    assert stored_settings(window).effective_failure_cap == 7
    assert dialog.status.text() == "Saved. The pages show the new settings."


def test_pounds_switch_the_session_page_at_once(qtbot: QtBot, window: QWidget) -> None:
    add_exercise(qtbot, window, "barbell back squat")
    log_set(qtbot, window, "100", "5", "2")
    weight_input = window.findChild(QLineEdit, "weightInput")
    type_into(qtbot, weight_input, "60")
    dialog = open_preferences(qtbot, window)
    go_to(qtbot, dialog, "Units & equipment")
    qtbot.keyClick(dialog, Qt.Key.Key_W, ALT)  # &Weights in
    assert dialog.units.unit.hasFocus()
    qtbot.keyClick(dialog.units.unit, Qt.Key.Key_Down)
    assert "lb" in dialog.units.steps.text()  # the load steps follow the unit picked
    apply(qtbot, dialog)
    assert stored_settings(window).unit is WeightUnit.LB
    page = window.session_page  # type: ignore[attr-defined]
    assert page.unit_label.text() == "lb"
    assert weight_input.placeholderText() == "lb"
    assert weight_input.text() == "132.28"  # the 60 kg typed before keeps its meaning
    assert page.sets_table.item(0, 2).text() == "220.5 lb × 5"
    # and the plate calculator loads lb plates on the 45 lb bar
    type_into(qtbot, weight_input, "135")
    assert page.plates_label.text() == "Plates per side: 45 lb"


def test_bad_input_is_refused_inline_and_nothing_is_saved(qtbot: QtBot, window: QWidget) -> None:
    dialog = open_preferences(qtbot, window)
    training = dialog.training
    qtbot.keyClick(dialog, Qt.Key.Key_T, ALT)  # &Target RIR
    type_into(qtbot, training.target_rir, "3")
    qtbot.keyClick(dialog, Qt.Key.Key_R, ALT)  # &Rep range
    type_into(qtbot, training.rep_min, "15")
    go_to(qtbot, dialog, "Units & equipment")
    qtbot.keyClick(dialog, Qt.Key.Key_P, ALT)  # &Plates (kg)
    type_into(qtbot, dialog.units.plates_kg, "25, 20, lots")
    apply(qtbot, dialog)

    assert dialog.isVisible()
    assert dialog.status.text() == "Nothing saved: 2 fields need a fix (Training, Units & equipment)."
    # it shows the first section with a problem, the message under the field, the cursor in it
    assert dialog.stack.currentWidget() is training
    messages = [label.text() for label in training.findChildren(QLabel) if label.isVisible()]
    assert "The rep range 15–12 is upside down: the lowest reps come first." in messages
    assert training.rep_min.hasFocus()
    plates_message = [
        label.text() for label in dialog.units.findChildren(QLabel) if label.text().startswith("“")
    ]
    assert plates_message == ["“lots” is not a plate weight. Use numbers such as 25, 20, 10, 5, 2.5."]
    assert stored_settings(window) == Settings()  # not even the good target RIR 3

    # OK refuses too and keeps the window open
    qtbot.keyClick(training.rep_min, Qt.Key.Key_Return)
    assert dialog.isVisible() and stored_settings(window) == Settings()

    # fixed: saved, messages gone
    type_into(qtbot, training.rep_min, "6")
    type_into(qtbot, dialog.units.plates_kg, "20 10 5 2.5")
    apply(qtbot, dialog)
    saved = stored_settings(window)
    assert (saved.target_rir, saved.rep_min, saved.rep_max, saved.plates_kg) == (
        3,
        6,
        12,
        (20.0, 10.0, 5.0, 2.5),
    )
    assert not [
        label
        for label in training.findChildren(QLabel)
        if label.property("role") == "error" and label.isVisible()
    ]


def test_a_rest_below_ten_seconds_is_refused(qtbot: QtBot, window: QWidget) -> None:
    dialog = open_preferences(qtbot, window)
    go_to(qtbot, dialog, "Rest timer")
    qtbot.keyClick(dialog, Qt.Key.Key_C, ALT)  # &Compound sets
    type_into(qtbot, dialog.rest.compound, "5")
    apply(qtbot, dialog)
    visible = [label.text() for label in dialog.rest.findChildren(QLabel) if label.isVisible()]
    assert "Rest after compound sets must be between 10 and 900 s." in visible
    assert stored_settings(window).rest_compound_s is None


def test_rest_settings_drive_the_timer(qtbot: QtBot, window: QWidget) -> None:
    dialog = open_preferences(qtbot, window)
    go_to(qtbot, dialog, "Rest timer")
    type_into(qtbot, dialog.rest.isolation, "45")
    type_into(qtbot, dialog.rest.absolute, "120")
    dialog.rest.sound.setFocus()
    qtbot.keyClick(dialog.rest.sound, Qt.Key.Key_Space)
    apply(qtbot, dialog)
    page = window.session_page  # type: ignore[attr-defined]
    assert page.alarm.sound_enabled is False
    add_exercise(qtbot, window, "dumbbell curl")  # an isolation exercise (its own rest: 1:00)
    log_set(qtbot, window, "14", "10", "2")
    assert page.rest_panel.countdown.duration_s == 45
    assert window.findChild(QLabel, "restRemainingLabel").text() == "0:45"
    log_set(qtbot, window, "14", "8", "f")
    assert page.rest_panel.countdown.duration_s == 45 + 120


def test_restore_defaults_touches_only_its_section(qtbot: QtBot, window: QWidget) -> None:
    window.context.profile.save_settings(Settings(target_rir=4, unit=WeightUnit.LB))  # type: ignore[attr-defined]
    dialog = open_preferences(qtbot, window)
    assert dialog.training.target_rir.value() == 4
    press(qtbot, dialog, Qt.Key.Key_D, dialog.restore_button)  # Restore &defaults (Training)
    assert dialog.training.target_rir.value() == 2
    assert dialog.status.text() == "Defaults restored in 'Training': Apply to save them."
    assert stored_settings(window).target_rir == 4  # not before Apply
    apply(qtbot, dialog)
    saved = stored_settings(window)
    assert (saved.target_rir, saved.unit) == (2, WeightUnit.LB)


def test_cancel_forgets_and_reopening_shows_what_is_saved(qtbot: QtBot, window: QWidget) -> None:
    dialog = open_preferences(qtbot, window)
    go_to(qtbot, dialog, "Recovery")
    type_into(qtbot, dialog.recovery.speed, "1.25")
    assert "biceps 22 h" in dialog.recovery.example.text()  # 20 h / 1.25 × ln 4
    assert dialog.apply_button.isEnabled()
    qtbot.keyClick(dialog.recovery.speed, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert stored_settings(window).recovery_speed == 1.0
    dialog = open_preferences(qtbot, window)
    assert dialog.recovery.speed.value() == 1.0
    assert not dialog.apply_button.isEnabled()


def test_events_added_changed_and_deleted_reach_the_recovery_page(
    qtbot: QtBot, window: QWidget, clock: FakeClock
) -> None:
    dialog = open_preferences(qtbot, window)
    go_to(qtbot, dialog, "Events")
    form = dialog.events.form
    type_into(qtbot, form.title_input, "10K race")
    qtbot.keyClick(form.title_input, Qt.Key.Key_Return)  # adds; does not close the dialog
    assert dialog.isVisible()
    assert dialog.events.list.item(0).text().startswith("10K race · ")
    assert any(text.startswith("10K race · ") for text in recovery_events(qtbot, window))

    # change it: E in the list loads it, new name and window, Enter saves
    dialog.activateWindow()
    dialog.events.list.setFocus()
    dialog.events.list.setCurrentRow(0)
    qtbot.keyClick(dialog.events.list, Qt.Key.Key_E)
    assert form.title_input.text() == "10K race" and form.add_button.text() == "Save changes"
    type_into(qtbot, form.title_input, "Half marathon")
    type_into(qtbot, form.window_input, "48")
    qtbot.keyClick(form.title_input, Qt.Key.Key_Return)
    assert [e.title for e in window.context.profile.upcoming_events()] == ["Half marathon"]  # type: ignore[attr-defined]
    assert dialog.events.list.item(0).text().endswith("(48 h)")
    listed = recovery_events(qtbot, window)
    assert len(listed) == 1 and listed[0].startswith("Half marathon · ")

    # delete with Del
    dialog.events.list.setFocus()
    dialog.events.list.setCurrentRow(0)
    qtbot.keyClick(dialog.events.list, Qt.Key.Key_Delete)
    assert window.context.profile.upcoming_events() == []  # type: ignore[attr-defined]
    assert recovery_events(qtbot, window)[0].startswith("No events planned")


def test_an_event_in_the_past_is_refused(qtbot: QtBot, window: QWidget, clock: FakeClock) -> None:
    dialog = open_preferences(qtbot, window)
    go_to(qtbot, dialog, "Events")
    form = dialog.events.form
    type_into(qtbot, form.title_input, "Match")
    form._set_start(clock.now() - timedelta(hours=1))
    qtbot.keyClick(form.title_input, Qt.Key.Key_Return)
    assert form.error_label.isVisible()
    assert form.error_label.text() == "That moment has passed: pick a time in the future."
    with sqlite3.connect(window.context.db_path) as con:  # type: ignore[attr-defined]
        assert con.execute("SELECT COUNT(*) FROM training_event").fetchone() == (0,)


@pytest.mark.qt_log_ignore("does not support raise")  # the offscreen test platform cannot raise windows
def test_an_event_added_on_the_recovery_page_shows_in_preferences(qtbot: QtBot, window: QWidget) -> None:
    dialog = open_preferences(qtbot, window)
    go_to(qtbot, dialog, "Events")
    window.activateWindow()  # back to the main window, the dialog stays open
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    panel = window.recovery_page.events  # type: ignore[attr-defined]
    type_into(qtbot, panel.title_input, "Football match")
    qtbot.keyClick(panel.title_input, Qt.Key.Key_Return)
    assert open_preferences(qtbot, window) is dialog  # Ctrl+, again: the same dialog, in front
    assert dialog.events.list.item(0).text().startswith("Football match · ")


def test_failure_features_off_hides_the_failure_budget(qtbot: QtBot, window: QWidget) -> None:
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    assert window.findChild(QWidget, "failureBudget").isVisible()
    dialog = open_preferences(qtbot, window)
    with qtbot.waitSignal(dialog.training.failure_features.toggled, timeout=2000):
        qtbot.keyClick(dialog, Qt.Key.Key_F, ALT)  # &Failure features: a button buddy is clicked
    assert not dialog.training.failure_features.isChecked()
    apply(qtbot, dialog)
    assert stored_settings(window).failure_features is False
    assert not window.findChild(QWidget, "failureBudget").isVisible()


def test_a_showing_history_page_follows_the_unit_at_once(qtbot: QtBot, window: QWidget) -> None:
    add_exercise(qtbot, window, "barbell back squat")
    log_set(qtbot, window, "100", "5", "2")
    qtbot.keyClick(window.session_page, Qt.Key.Key_F, CTRL | Qt.KeyboardModifier.ShiftModifier)  # type: ignore[attr-defined]
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    summary = window.findChild(QLabel, "historySummary")
    assert "Best e1RM" in summary.text() and " kg " in summary.text()
    dialog = open_preferences(qtbot, window)
    go_to(qtbot, dialog, "Units & equipment")
    dialog.units.unit.setFocus()
    qtbot.keyClick(dialog.units.unit, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.units.unit, Qt.Key.Key_Return)  # OK
    assert " lb " in summary.text() and " kg " not in summary.text()


def test_history_reloads_only_for_settings_it_shows(
    qtbot: QtBot, window: QWidget, monkeypatch: pytest.MonkeyPatch
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    history = window.history_page  # type: ignore[attr-defined]
    reloads: list[int] = []
    original = history.refresh
    monkeypatch.setattr(history, "refresh", lambda: (reloads.append(1), original()))
    dialog = open_preferences(qtbot, window)
    go_to(qtbot, dialog, "Rest timer")
    dialog.rest.sound.setFocus()
    qtbot.keyClick(dialog.rest.sound, Qt.Key.Key_Space)
    apply(qtbot, dialog)
    assert reloads == []  # the alarm sound is not on any chart: no second-long reload
    go_to(qtbot, dialog, "Units & equipment")
    dialog.units.unit.setFocus()
    qtbot.keyClick(dialog.units.unit, Qt.Key.Key_Down)
    apply(qtbot, dialog)
    assert reloads == [1]


def test_your_rir_bias_shows_the_sentence_and_the_switch_saves(qtbot: QtBot, window: QWidget) -> None:
    calibration = window.context.calibration  # type: ignore[attr-defined]
    dialog = open_preferences(qtbot, window)
    assert dialog.calibration is not None
    go_to(qtbot, dialog, "Your RIR bias")
    assert dialog.calibration.summary.text() == calibration.current().sentence
    assert dialog.calibration.summary.text().startswith("Not enough failure sets yet")
    with qtbot.waitSignal(dialog.calibration.calibrate.toggled, timeout=2000):
        qtbot.keyClick(dialog, Qt.Key.Key_C, ALT)  # &Correction
    apply(qtbot, dialog)
    assert stored_settings(window).calibrate_rir is False
