"""Preferences › Rest timer: rest after compound and isolation sets, the extra rest after failure, sound."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import replace

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from gym_companion.domain.model import Exercise, Mechanics
from gym_companion.domain.rest_countdown import MAX_WARMUP_REST_S, format_remaining
from gym_companion.domain.settings import Settings
from gym_companion.domain.settings_check import LIMITS
from gym_companion.ui.settings.section import SettingsSection

log = logging.getLogger(__name__)
REST_STEP_S = 15  # the same step as the timer's +15 / −15 keys
DEFAULTS = Settings()
OWN_REST_TEXT = "Each exercise's own"
NO_AUDIO_TEXT = (
    "No audio output was found on this computer, so the alarm cannot ring. When rest is over the "
    "timer still flashes and the taskbar shows an alert."
)


def audio_output_available() -> bool:
    """Whether the system offers an audio output (imports QtMultimedia only when asked)."""
    try:
        from PySide6.QtMultimedia import QMediaDevices

        return bool(QMediaDevices.audioOutputs())
    except Exception:
        log.info("Could not ask for audio outputs", exc_info=True)
        return False


def library_rest_ranges(exercises: Iterable[Exercise]) -> dict[Mechanics, tuple[int, int]]:
    """The shortest and longest own rest per kind of exercise, to explain 'each exercise's own'."""
    ranges: dict[Mechanics, tuple[int, int]] = {}
    for exercise in exercises:
        low, high = ranges.get(exercise.mechanics, (exercise.default_rest_s, exercise.default_rest_s))
        ranges[exercise.mechanics] = (min(low, exercise.default_rest_s), max(high, exercise.default_rest_s))
    return ranges


def _clock(seconds: int) -> str:
    return format_remaining(seconds)


class RestSection(SettingsSection):
    """Rest defaults by kind of exercise, the failure extensions (F8), and the alarm sound."""

    title = "Rest timer"

    def __init__(
        self,
        rest_ranges: dict[Mechanics, tuple[int, int]],
        has_audio: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            "Rest timer",
            "The timer starts by itself after every working set. Warm-ups rest at most "
            f"{_clock(MAX_WARMUP_REST_S)}, drop sets not at all.",
            parent,
        )
        self._ranges = rest_ranges
        self.compound, compound_row = self._rest_spin("settingsRestCompound", "rest_compound_s", True)
        self.add_row(
            "&Compound sets",
            compound_row,
            self._rest_tip("compound", Mechanics.COMPOUND, "squats, presses, rows"),
            ("rest_compound_s",),
            self.compound,
        )
        self.isolation, isolation_row = self._rest_spin("settingsRestIsolation", "rest_isolation_s", True)
        self.add_row(
            "&Isolation sets",
            isolation_row,
            self._rest_tip("isolation", Mechanics.ISOLATION, "curls, raises, extensions"),
            ("rest_isolation_s",),
            self.isolation,
        )
        self.technical, technical_row = self._rest_spin(
            "settingsRestTechnical", "rest_after_technical_s", False
        )
        self.add_row(
            "After &technical failure",
            technical_row,
            "Extra rest after a set that ended in technical failure: failure costs more recovery, also "
            f"between sets (F8). Default: + {_clock(DEFAULTS.rest_after_technical_s)}.",
            ("rest_after_technical_s",),
            self.technical,
        )
        self.absolute, absolute_row = self._rest_spin("settingsRestAbsolute", "rest_after_absolute_s", False)
        self.add_row(
            "After a&bsolute failure",
            absolute_row,
            "Extra rest after a set that ended in absolute failure, when no further rep was possible "
            f"(F5, F8). Default: + {_clock(DEFAULTS.rest_after_absolute_s)}.",
            ("rest_after_absolute_s",),
            self.absolute,
        )
        # "optional" for its look (no "+", no clock at 0); 0 means no timer here, not a default
        self.transition, transition_row = self._rest_spin(
            "settingsSupersetTransition", "superset_transition_s", True
        )
        self.transition.setSpecialValueText("No timer")
        self.add_row(
            "Between s&uperset exercises",
            transition_row,
            "In a superset or circuit, the change-over from one exercise to the next of the round: time to "
            "walk to the next station and set up. The rest above runs after the last exercise of the round. "
            f"Default: {_clock(DEFAULTS.superset_transition_s)}.",
            ("superset_transition_s",),
            self.transition,
        )
        self.sound = QCheckBox("Ring when rest is over")
        self.sound.setObjectName("settingsSound")
        self.no_audio = QLabel(NO_AUDIO_TEXT)
        self.no_audio.setObjectName("settingsNoAudio")
        self.no_audio.setWordWrap(True)
        self.no_audio.setProperty("role", "muted")
        self.no_audio.setToolTip("Checked when Preferences open: the system lists no audio output device.")
        self.add_row(
            "&Sound",
            self.sound,
            "Play a short sound when rest is over. The timer also flashes and the taskbar alerts, "
            "sound or not. Default: on.",
            ("sound",),
            self.sound,
        )
        self.add_note(self.no_audio)
        self.form.setRowVisible(self.no_audio, not has_audio)
        self.finish()
        self.sound.toggled.connect(self.changed)

    def _rest_tip(self, kind: str, mechanics: Mechanics, examples: str) -> str:
        own = self._ranges.get(mechanics)
        span = f" ({_clock(own[0])} to {_clock(own[1])} in the library)" if own else ""
        return (
            f"Rest after a working set of a {kind} exercise ({examples}). '{OWN_REST_TEXT}' uses the "
            f"rest each exercise comes with{span}. A routine's own rest for an exercise comes first. "
            "Default: each exercise's own."
        )

    def _rest_spin(self, object_name: str, name: str, optional: bool) -> tuple[QSpinBox, QHBoxLayout]:
        spin = QSpinBox()
        spin.setObjectName(object_name)
        # Optional rests: 0 stands for "each exercise's own"; 1-9 s are refused by the check on Apply.
        spin.setRange(0, int(LIMITS[name].high))
        spin.setSingleStep(REST_STEP_S)
        spin.setSuffix(" s")
        if optional:
            spin.setSpecialValueText(OWN_REST_TEXT)
        else:
            spin.setPrefix("+ ")
        spin.setMinimumWidth(190)
        clock = QLabel()
        clock.setProperty("role", "muted")

        def show_clock(value: int) -> None:
            clock.setText("" if optional and value == 0 else f"= {_clock(value)}")

        spin.valueChanged.connect(show_clock)
        spin.valueChanged.connect(self.changed)
        show_clock(spin.value())
        row = QHBoxLayout()
        row.addWidget(spin)
        row.addWidget(clock)
        row.addStretch(1)
        return spin, row

    def load(self, settings: Settings) -> None:
        """Show the rest settings."""
        self.compound.setValue(settings.rest_compound_s or 0)
        self.isolation.setValue(settings.rest_isolation_s or 0)
        self.technical.setValue(settings.rest_after_technical_s)
        self.absolute.setValue(settings.rest_after_absolute_s)
        self.transition.setValue(settings.superset_transition_s)
        self.sound.setChecked(settings.sound)

    def read(self, settings: Settings) -> tuple[Settings, dict[str, str]]:
        """The rest settings as set (0 in the first two: each exercise's own); ranges are checked on Apply."""
        updated = replace(
            settings,
            rest_compound_s=self.compound.value() or None,
            rest_isolation_s=self.isolation.value() or None,
            rest_after_technical_s=self.technical.value(),
            rest_after_absolute_s=self.absolute.value(),
            superset_transition_s=self.transition.value(),
            sound=self.sound.isChecked(),
        )
        return updated, {}
