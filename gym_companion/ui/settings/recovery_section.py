"""Preferences › Recovery: whether you recover slower or faster than the recovery model assumes."""

from __future__ import annotations

import math
from dataclasses import replace

from PySide6.QtWidgets import QDoubleSpinBox, QLabel, QWidget

from gym_companion.domain.model import Muscle
from gym_companion.domain.recovery import READY_PERCENT, tau_hours
from gym_companion.domain.settings import Settings
from gym_companion.domain.settings_check import LIMITS
from gym_companion.ui.settings.section import SettingsSection

# One muscle of each size class, to show what the factor does (TRAINING_RULES.md: τ 20 / 26 / 31 h).
EXAMPLE_MUSCLES = (Muscle.BICEPS, Muscle.CHEST, Muscle.QUADS)
EXAMPLE_FROM_PERCENT = 60.0  # a muscle just after a hard session, in the "rest or go light" band


def hours_back_to_ready(muscle: Muscle, recovery_speed: float) -> float:
    """Hours for a muscle at 60 % to reach 90 % with no more training: τ · ln(40 / 10)."""
    left = (100.0 - EXAMPLE_FROM_PERCENT) / (100.0 - READY_PERCENT)
    return tau_hours(muscle, recovery_speed) * math.log(left)


def speed_explanation(recovery_speed: float) -> str:
    """The factor in numbers: the time from 60 % back to 90 % and the time constants, for three muscles."""
    back = " · ".join(
        f"{m.label.lower()} {hours_back_to_ready(m, recovery_speed):.0f} h" for m in EXAMPLE_MUSCLES
    )
    taus = " / ".join(f"{tau_hours(m, recovery_speed):.0f}" for m in EXAMPLE_MUSCLES)
    return (
        f"At × {recovery_speed:.2f}, a muscle at {EXAMPLE_FROM_PERCENT:.0f} % is back to "
        f"{READY_PERCENT:.0f} % after about: {back}.\nTime constants τ: {taus} h for small, medium and "
        "large muscles (the model's 20 / 26 / 31 h divided by the factor)."
    )


class RecoverySection(SettingsSection):
    """The recovery speed factor, with what it does to the model's numbers."""

    title = "Recovery"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "Recovery",
            "The Recovery page estimates how recovered each muscle is from your sets (failure sets weigh "
            "more, F8). If you reliably feel ready sooner or later than it says, tell it here.",
            parent,
        )
        limit = LIMITS["recovery_speed"]
        self.speed = QDoubleSpinBox()
        self.speed.setObjectName("settingsRecoverySpeed")
        self.speed.setRange(limit.low, limit.high)
        self.speed.setDecimals(2)
        self.speed.setSingleStep(0.05)
        self.speed.setPrefix("× ")
        self.add_row(
            "Recovery &speed",
            self.speed,
            "Scales how fast fatigue fades in the recovery model: the time constants are divided by "
            "it. 1.00 is the model as published in the training rules; 1.25 recovers 25 % faster, 0.80 "
            "slower. Default: 1.00.",
            ("recovery_speed",),
            self.speed,
        )
        self.example = QLabel()
        self.example.setObjectName("settingsRecoveryExample")
        self.example.setWordWrap(True)
        self.example.setProperty("role", "muted")
        self.example.setToolTip(
            "With no more training, fatigue fades as exp(−hours / τ). From 60 % (fatigue 40 % of capacity) "
            "to 90 % (10 %) takes τ · ln 4 ≈ 1.39 τ."
        )
        self.example.setFixedWidth(620)
        self.outer.addWidget(self.example)
        self.finish()
        self.speed.valueChanged.connect(self._explain)
        self.speed.valueChanged.connect(self.changed)
        self._explain(self.speed.value())

    def _explain(self, value: float) -> None:
        self.example.setText(speed_explanation(value))

    def load(self, settings: Settings) -> None:
        """Show the recovery speed."""
        self.speed.setValue(settings.recovery_speed)
        self._explain(self.speed.value())

    def read(self, settings: Settings) -> tuple[Settings, dict[str, str]]:
        """The recovery speed as set."""
        return replace(settings, recovery_speed=round(self.speed.value(), 2)), {}
