"""Preferences › Spoken cues: set by keyboard, saved, followed by the session page; a note where no voice
exists; the real speaker stays silent (and Qt quiet) on a machine without a voice engine."""

from __future__ import annotations

import json
import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from gym_companion.domain.settings import Settings
from gym_companion.ui.session.speech import QtSpeaker, voice_available

CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier


class FakeSpeaker:
    def __init__(self) -> None:
        self.said: list[tuple[str, float]] = []

    def available(self) -> bool:
        return True

    def say(self, text: str, volume: float) -> None:
        self.said.append((text, volume))


def stored(window: QWidget) -> Settings:
    with sqlite3.connect(window.context.db_path) as con:  # type: ignore[attr-defined]
        row = con.execute("SELECT value FROM setting WHERE key = 'settings'").fetchone()
    return Settings() if row is None else Settings.from_json_dict(json.loads(row[0]))


def test_spoken_cues_are_switched_on_and_set_by_keyboard(qtbot: QtBot, window: QWidget) -> None:
    qtbot.keyClick(window, Qt.Key.Key_Comma, CTRL)
    dialog = window.preferences  # type: ignore[attr-defined]
    qtbot.waitUntil(dialog.isActiveWindow)
    for _ in range(len(dialog.sections)):  # Ctrl+PgDown to the section
        if dialog.sections[dialog.stack.currentIndex()].title == "Spoken cues":
            break
        qtbot.keyClick(dialog, Qt.Key.Key_PageDown, CTRL)
    section = dialog.speech
    enabled = dialog.findChild(QCheckBox, "settingsSpokenCues")
    volume = dialog.findChild(QSpinBox, "settingsSpokenVolume")
    assert not enabled.isChecked() and not volume.isEnabled()  # off by default, its details with it
    with qtbot.waitSignal(enabled.toggled, timeout=2000):  # a label's mnemonic clicks its check box
        qtbot.keyClick(dialog, Qt.Key.Key_V, ALT)  # &Voice
    assert enabled.isChecked() and volume.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_O, ALT)  # V&olume
    assert volume.hasFocus()
    volume.selectAll()
    qtbot.keyClicks(volume, "45")
    fake = FakeSpeaker()
    section._speaker = fake
    section.say_sample()  # "Hear it" (disabled here: no voice engine on the test machines)
    assert fake.said == [("Rest over. Bench Press, 62 and a half kilos for 8.", 0.45)]
    with qtbot.waitSignal(dialog.apply_button.clicked, timeout=2000):
        qtbot.keyClick(dialog, Qt.Key.Key_A, ALT)
    saved = stored(window)
    assert (saved.spoken_cues, saved.spoken_ten_seconds, saved.spoken_volume) == (True, True, 45)
    assert window.context.profile.settings.spoken_volume == 45  # type: ignore[attr-defined]


def test_the_no_voice_note_shows_exactly_when_no_voice_works_here(qtbot: QtBot, window: QWidget) -> None:
    dialog = window.open_preferences()  # type: ignore[attr-defined]
    note = dialog.findChild(QLabel, "settingsNoVoice")
    dialog.show_section(dialog.speech)
    assert note.isVisible() == (not voice_available())
    assert dialog.speech.try_button.isEnabled() == voice_available()


def test_the_real_speaker_is_silent_and_quiet_without_a_voice(qtbot: QtBot) -> None:
    # qt_log_level_fail = WARNING: a Qt warning or error while the engine is tried fails this test.
    assert QApplication.instance() is not None
    speaker = QtSpeaker()
    speaker.say("Thirty seconds.", 0.8)  # where no engine works: nothing happens, nothing is raised
    assert speaker.available() == voice_available()
