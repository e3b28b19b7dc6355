"""Spoken rest cues through a fake speaker: what is said, and when, by the injected clock (kg and lb)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from helpers.clock import FakeClock
from helpers.session_driver import add_exercise, enter_set, rate
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from gym_companion.app import create_main_window
from gym_companion.domain.model import WeightUnit
from gym_companion.ui.session.speech import RestCuePlayer


class FakeSpeaker:
    """Records what would be said, with the monotonic time it was said at."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.said: list[tuple[float, str, float]] = []

    def available(self) -> bool:
        return True

    def say(self, text: str, volume: float) -> None:
        self.said.append((self.clock.mono, text, volume))


@pytest.fixture(autouse=True)
def _next_line_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(RestCuePlayer, "IDLE_MS", 0)  # the "Next" line waits for a pause; none needed here


def open_window(qtbot: QtBot, db_path: Path, clock: FakeClock, **settings: object) -> QWidget:
    win = create_main_window(db_path, clock.clocks())
    qtbot.addWidget(win)
    profile = win.context.profile  # type: ignore[attr-defined]
    profile.save_settings(replace(profile.settings, **settings))
    win.session_page.apply_settings()  # type: ignore[attr-defined]
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def window(qtbot: QtBot, db_path: Path, clock: FakeClock) -> Iterator[QWidget]:
    win = open_window(qtbot, db_path, clock, spoken_cues=True, spoken_volume=60)
    yield win
    win.close()


def log_rated_set(qtbot: QtBot, window: QWidget, exercise: str, weight: str, reps: str, key: str) -> None:
    if exercise:
        add_exercise(qtbot, window, exercise)
    enter_set(qtbot, window, weight, reps)
    rate(qtbot, window, key)
    next_line = window.findChild(QLabel, "restNextSet")
    qtbot.waitUntil(next_line.isVisible)  # shown in the first pause after the rating


def run_rest(window: QWidget, clock: FakeClock, seconds: float) -> None:
    """Let the rest run for `seconds`, ticking as the timer does (four times a second)."""
    panel = window.session_page.rest_panel  # type: ignore[attr-defined]
    for _ in range(int(seconds * 4)):
        clock.advance(0.25)
        panel.tick()


def test_cues_at_thirty_ten_and_zero_name_the_next_set_in_kilos(
    qtbot: QtBot, window: QWidget, clock: FakeClock
) -> None:
    speaker = FakeSpeaker(clock)
    window.session_page.rest_cues.speaker = speaker  # type: ignore[attr-defined]
    log_rated_set(qtbot, window, "bench press", "60", "8", "4")  # RIR 4, two above the target 2
    started = clock.mono
    rest = window.session_page.rest_panel.countdown.duration_s  # type: ignore[attr-defined]
    assert rest >= 90  # bench press: a compound lift's rest
    next_label = window.findChild(QLabel, "restNextSet")
    assert next_label.isVisible() and next_label.text() == "Next: Bench Press · 62.5 kg × 8"
    assert "above the target 2" in next_label.toolTip()
    run_rest(window, clock, rest + 20)
    assert [(t - started, text) for t, text, _ in speaker.said] == [
        (rest - 30, "Thirty seconds."),
        (rest - 10, "Ten seconds."),
        (rest, "Rest over. Bench Press, 62 and a half kilos for 8."),
    ]
    assert {volume for _, _, volume in speaker.said} == {0.6}


def test_cues_in_pounds(qtbot: QtBot, db_path: Path, clock: FakeClock) -> None:
    window = open_window(
        qtbot, db_path, clock, spoken_cues=True, unit=WeightUnit.LB, spoken_ten_seconds=False
    )
    try:
        speaker = FakeSpeaker(clock)
        window.session_page.rest_cues.speaker = speaker  # type: ignore[attr-defined]
        log_rated_set(qtbot, window, "barbell curl", "65", "10", "2")  # on target: the same again
        assert window.findChild(QLabel, "restNextSet").text() == "Next: Barbell Curl · 65 lb × 10"
        run_rest(window, clock, window.session_page.rest_panel.countdown.duration_s + 5)  # type: ignore[attr-defined]
        assert [text for _, text, _ in speaker.said] == [
            "Thirty seconds.",
            "Rest over. Barbell Curl, 65 pounds for 10.",
        ]
    finally:
        window.close()


def test_nothing_is_said_when_spoken_cues_are_off(qtbot: QtBot, db_path: Path, clock: FakeClock) -> None:
    window = open_window(qtbot, db_path, clock)  # the default: off
    try:
        speaker = FakeSpeaker(clock)
        window.session_page.rest_cues.speaker = speaker  # type: ignore[attr-defined]
        log_rated_set(qtbot, window, "bench press", "60", "8", "2")
        run_rest(window, clock, window.session_page.rest_panel.countdown.duration_s + 5)  # type: ignore[attr-defined]
        assert speaker.said == []
        # the timer still shows what comes next, and still ends the rest as before
        assert window.findChild(QLabel, "restNextSet").text() == "Next: Bench Press · 60 kg × 8"
        assert window.findChild(QLabel, "restRemainingLabel").text().startswith("+")
    finally:
        window.close()


def test_a_skipped_rest_says_nothing_more(qtbot: QtBot, window: QWidget, clock: FakeClock) -> None:
    speaker = FakeSpeaker(clock)
    window.session_page.rest_cues.speaker = speaker  # type: ignore[attr-defined]
    log_rated_set(qtbot, window, "bench press", "60", "8", "2")
    qtbot.keyClick(
        window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert not window.findChild(QLabel, "restNextSet").isVisible()
    run_rest(window, clock, 300)
    assert speaker.said == []


def test_the_assisted_pull_up_cue_says_the_assistance(
    qtbot: QtBot, window: QWidget, clock: FakeClock
) -> None:
    speaker = FakeSpeaker(clock)
    window.session_page.rest_cues.speaker = speaker  # type: ignore[attr-defined]
    log_rated_set(qtbot, window, "assisted pull-up", "-20", "8", "2")
    run_rest(window, clock, window.session_page.rest_panel.countdown.duration_s + 1)  # type: ignore[attr-defined]
    assert speaker.said[-1][1] == "Rest over. Assisted Pull-Up, 20 kilos of assistance for 8."
