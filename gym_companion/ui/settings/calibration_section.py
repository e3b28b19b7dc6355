"""Preferences › Your RIR bias: what your failure sets say about your RIR ratings, and whether to use it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QCheckBox, QLabel, QWidget

from gym_companion.domain.settings import Settings
from gym_companion.ui.settings.section import SettingsSection

FIELD = "calibrate_rir"


def supports_calibration(settings: Settings) -> bool:
    """Whether this version's settings know the calibration switch."""
    return hasattr(settings, FIELD)


class CalibrationSection(SettingsSection):
    """The measured RIR bias in one sentence, and the switch that applies it to e1RM and suggestions."""

    title = "Your RIR bias"

    def __init__(self, sentence: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(
            "Your RIR bias",
            "Most lifters under-rate how many reps they had left, by about one rep on average (Halperin "
            "2022). A set taken to failure shows the true number at that load, so your own failure sets "
            "measure your bias.",
            parent,
        )
        self._sentence = sentence
        self._sentence_stale = True
        self.summary = QLabel()
        self.summary.setObjectName("settingsRirBias")
        self.summary.setWordWrap(True)
        self.summary.setFixedWidth(520)
        self.summary.setStyleSheet("font-size: 13pt;")
        measured = QLabel("Measured")
        tip = (
            "Learned from your failure sets: each one shows how many reps were really left in sets you "
            "rated earlier at about the same load. Few failure sets give a cautious number, pulled toward "
            "the usual one rep."
        )
        measured.setToolTip(tip)
        self.summary.setToolTip(tip)
        self.form.addRow(measured, self.summary)
        self.calibrate = QCheckBox("Correct my RIR ratings with my measured bias")
        self.calibrate.setObjectName("settingsCalibrateRir")
        self.add_row(
            "&Correction",
            self.calibrate,
            "On: e1RM and load suggestions add your measured bias to the RIR you log (failure sets need no "
            "correction). Off: your ratings are used as logged. Default: on.",
            (FIELD,),
            self.calibrate,
        )
        self.finish()
        self.calibrate.toggled.connect(self.changed)

    def load(self, settings: Settings) -> None:
        """Show the switch; the sentence is measured when the section is shown (it reads every set)."""
        self.calibrate.setChecked(bool(getattr(settings, FIELD)))
        self._sentence_stale = True
        if self.isVisible():
            self._show_sentence()

    def showEvent(self, event: QShowEvent) -> None:
        """Shown: measure the bias now if it was not since the last load."""
        super().showEvent(event)
        if self._sentence_stale:
            self._show_sentence()

    def _show_sentence(self) -> None:
        self.summary.setText(self._sentence())
        self._sentence_stale = False

    def read(self, settings: Settings) -> tuple[Settings, dict[str, str]]:
        """The switch as set."""
        return replace(settings, **{FIELD: self.calibrate.isChecked()}), {}
