"""Preferences › Spoken cues: a voice counting the rest down ("thirty seconds") and naming the next set at
zero ("Rest over. Bench Press, 62 and a half kilos for 8."), its volume, and a note where no voice exists."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QSpinBox, QWidget

from gym_companion.domain.model import WeightUnit
from gym_companion.domain.settings import Settings
from gym_companion.domain.settings_check import LIMITS
from gym_companion.domain.spoken_cues import NextSet, rest_over_text
from gym_companion.domain.units import from_unit
from gym_companion.ui.session.speech import QtSpeaker, Speaker
from gym_companion.ui.settings.section import SettingsSection

DEFAULTS = Settings()
NO_VOICE_TEXT = (
    "Spoken cues are not available on this computer: no voice engine (such as speech-dispatcher) or no "
    "audio output was found, so nothing will be said. The timer still flashes and alerts when rest is over."
)
SAMPLE_LOAD = {WeightUnit.KG: 62.5, WeightUnit.LB: from_unit(135.0, WeightUnit.LB)}  # round in each unit


class SpeechSection(SettingsSection):
    """Spoken cues on or off, the ten-second cue, the voice volume, and a button to hear it."""

    title = "Spoken cues"

    def __init__(
        self, has_voice: bool, speaker: Speaker | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            "Spoken cues",
            "A voice for when you are away from the screen: “thirty seconds” before the rest is over, and "
            "at zero the next set, as the timer shows it under the countdown.",
            parent,
        )
        self._speaker = speaker if speaker is not None else QtSpeaker()
        self._unit = WeightUnit.KG
        self.enabled = QCheckBox("Speak the rest cues")
        self.enabled.setObjectName("settingsSpokenCues")
        self._row(
            "&Voice",
            self.enabled,
            "Say “thirty seconds” when 30 s of rest are left, and “Rest over. Bench Press, 62 and a half "
            "kilos for 8.” at zero, in your unit. Default: off.",
            ("spoken_cues",),
            self.enabled,
        )
        self.ten_seconds = QCheckBox("Also say “ten seconds”")
        self.ten_seconds.setObjectName("settingsSpokenTenSeconds")
        self._row(
            "&Ten seconds",
            self.ten_seconds,
            "A second cue 10 s before the end: time to chalk up and get into position. Default: on.",
            ("spoken_ten_seconds",),
            self.ten_seconds,
        )
        limit = LIMITS["spoken_volume"]
        self.volume = QSpinBox()
        self.volume.setObjectName("settingsSpokenVolume")
        self.volume.setRange(int(limit.low), int(limit.high))
        self.volume.setSingleStep(10)
        self.volume.setSuffix(" %")
        self.try_button = QPushButton("&Hear it")
        self.try_button.setObjectName("settingsSpokenTry")
        self.try_button.setAutoDefault(False)
        self.try_button.setToolTip("Say the rest-over cue once, at this volume")
        self.try_button.clicked.connect(self.say_sample)
        volume_row = QHBoxLayout()
        volume_row.addWidget(self.volume)
        volume_row.addWidget(self.try_button)
        volume_row.addStretch(1)
        self._row(
            "Voice v&olume",
            volume_row,
            f"How loud the voice speaks, in % of the voice engine's full volume. Default: "
            f"{DEFAULTS.spoken_volume} %.",
            ("spoken_volume",),
            self.volume,
        )
        self.no_voice = QLabel(NO_VOICE_TEXT)
        self.no_voice.setObjectName("settingsNoVoice")
        self.no_voice.setToolTip(
            "Checked when Preferences open: no voice engine that works with an audio output."
        )
        self.add_note(self.no_voice)
        self.form.setRowVisible(self.no_voice, not has_voice)
        self.try_button.setEnabled(has_voice)
        self.finish()
        for box in (self.enabled, self.ten_seconds):
            box.toggled.connect(self.changed)
        self.enabled.toggled.connect(self._enable_details)
        self.volume.valueChanged.connect(self.changed)

    def _row(
        self, label: str, field: QWidget | QHBoxLayout, tip: str, names: tuple[str, ...], focus: QWidget
    ) -> None:
        caption = self.add_row(label, field, tip, names, focus)
        caption.setMinimumWidth(caption.sizeHint().width() + 8)  # the widest label was cut short by a letter

    def _enable_details(self, on: bool) -> None:
        self.ten_seconds.setEnabled(on)
        self.volume.setEnabled(on)

    def say_sample(self) -> None:
        """Say the rest-over cue for a sample set at the volume shown."""
        sample = NextSet("Bench Press", SAMPLE_LOAD[self._unit], 8)
        self._speaker.say(rest_over_text(sample, self._unit), self.volume.value() / 100)

    def load(self, settings: Settings) -> None:
        """Show the spoken-cue settings."""
        self._unit = settings.unit
        self.enabled.setChecked(settings.spoken_cues)
        self.ten_seconds.setChecked(settings.spoken_ten_seconds)
        self.volume.setValue(settings.spoken_volume)
        self._enable_details(settings.spoken_cues)

    def read(self, settings: Settings) -> tuple[Settings, dict[str, str]]:
        """The spoken-cue settings as set."""
        updated = replace(
            settings,
            spoken_cues=self.enabled.isChecked(),
            spoken_ten_seconds=self.ten_seconds.isChecked(),
            spoken_volume=self.volume.value(),
        )
        return updated, {}
