"""Preferences › Training: goal, style, target RIR and rep range, e1RM formula, failure cap and features,
layoff."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from gym_companion.domain.e1rm import E1rmFormula
from gym_companion.domain.model import Goal, TrainingStyle
from gym_companion.domain.settings import DEFAULT_WEEKLY_FAILURE_CAP, Settings
from gym_companion.domain.settings_check import LIMITS
from gym_companion.ui.settings.section import SettingsSection

GOALS = (
    (Goal.HYPERTROPHY, "Muscle growth"),
    (Goal.STRENGTH, "Strength"),
    (Goal.GENERAL, "General fitness"),
    (Goal.OTHER_SPORT_PRIORITY, "Another sport comes first"),
)
STYLES = (
    (TrainingStyle.SPLIT, "Split: one muscle group a day"),
    (TrainingStyle.FULL_BODY, "Full body, several times a week"),
    (TrainingStyle.OTHER, "Other"),
)
FORMULAS = (
    (E1rmFormula.RTS, "RTS chart (recommended)"),
    (E1rmFormula.EPLEY, "Epley"),
)
FORMULA_TIP = (
    "How a set becomes an estimated one-rep max (e1RM), with n = reps + reps in reserve: the RTS chart "
    "reads the % of 1RM for n reps from a table (8 reps at RIR 2: n = 10, 73.9 %); Epley computes load × "
    "(1 + n/30). They agree within 2 % up to n = 10; beyond, Epley reads lower (5 % at 12, 10 % at 15). "
    "Every e1RM follows it: History's chart and records, the workout summary's PRs and the suggestion's "
    "e1RM. "
    "Default: RTS chart."
)
STYLE_WORDS = {
    TrainingStyle.SPLIT: "a split",
    TrainingStyle.FULL_BODY: "full body",
    TrainingStyle.OTHER: "other",
}
FAILURE_FEATURES_TEXT = (
    "Training to failure is optional and not for everyone: with an injury or a health limit, ask a qualified "
    "professional first. Off: no failure advice or warnings and no weekly failure budget; a set that ended "
    "in failure can still be logged as one (F15). This is not medical advice."
)


def _spin(name: str, suffix: str = "") -> QSpinBox:
    spin = QSpinBox()
    limit = LIMITS[name]
    spin.setRange(int(limit.low), int(limit.high))
    spin.setSuffix(suffix)
    return spin


class TrainingSection(SettingsSection):
    """Goal, training style, target RIR, rep range, weekly failure cap, failure features, layoff threshold."""

    title = "Training"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "Training",
            "How hard and how often you train. The guidance and the suggestions follow these.",
            parent,
        )
        self.goal = QComboBox()
        self.goal.setObjectName("settingsGoal")
        for goal, label in GOALS:
            self.goal.addItem(label, goal.value)
        self.add_row(
            "&Goal",
            self.goal,
            "What you train for. 'Another sport comes first' (e.g. a faster 5K in racing season) turns "
            "failure prompts into cautions (F13). Default: muscle growth.",
            ("goal",),
            self.goal,
        )

        self.style = QComboBox()
        self.style.setObjectName("settingsStyle")
        for style, label in STYLES:
            self.style.addItem(label, style.value)
        self.add_row(
            "Training &style",
            self.style,
            "How your week is split. One muscle group a day lets each muscle recover before its next "
            "turn, so failure fits on 3-5 days a week; full body several times a week usually cannot fail "
            "Monday and again Wednesday. Sets the default weekly failure cap (F11). Default: split.",
            ("training_style",),
            self.style,
        )

        self.target_rir = _spin("target_rir", " in reserve")
        self.target_rir.setObjectName("settingsTargetRir")
        self.add_row(
            "&Target RIR",
            self.target_rir,
            "Reps to leave in reserve on working sets. About 2-3 is training near failure: most people "
            "progress well there, with fewer risks than failure (F3). Default: 2.",
            ("target_rir",),
            self.target_rir,
        )

        self.rep_min = _spin("rep_min")
        self.rep_min.setObjectName("settingsRepMin")
        self.rep_max = _spin("rep_max")
        self.rep_max.setObjectName("settingsRepMax")
        reps = QHBoxLayout()
        reps.addWidget(self.rep_min)
        reps.addWidget(QLabel("to"))
        reps.addWidget(self.rep_max)
        reps.addWidget(QLabel("reps"))
        reps.addStretch(1)
        rep_tip = (
            "The rep range for working sets, used for suggestions when a routine sets none. 8-12 suits "
            "muscle growth; failure tends to arrive around rep 8-12, and far outside 6-15 a failure set is "
            "riskier or mostly fatigue (F2). Default: 8 to 12."
        )
        self.rep_max.setToolTip(rep_tip)
        self.add_row("&Rep range", reps, rep_tip, ("rep_min", "rep_max"), self.rep_min)

        self.formula = QComboBox()
        self.formula.setObjectName("settingsE1rmFormula")
        for formula, label in FORMULAS:
            self.formula.addItem(label, formula.value)
        self.add_row("&e1RM formula", self.formula, FORMULA_TIP, ("e1rm_formula",), self.formula)

        self.cap_follows_style = QCheckBox("Use the default for my training style")
        self.cap_follows_style.setObjectName("settingsCapFollowsStyle")
        self.cap = _spin("weekly_failure_cap", " failure sets a week")
        self.cap.setObjectName("settingsFailureCap")
        self.cap_default = QLabel()
        self.cap_default.setObjectName("settingsCapDefault")
        self.cap_default.setProperty("role", "muted")
        cap_box = QVBoxLayout()
        cap_box.setContentsMargins(0, 0, 0, 0)
        cap_box.addWidget(self.cap)
        cap_box.addWidget(self.cap_follows_style)
        cap_box.addWidget(self.cap_default)
        cap_tip = (
            "Most failure sets a week before the app warns. Failing every day without recovery risks "
            "overtraining (F10); the default depends on the training style: split 10, full body 4, "
            "other 6 (F11)."
        )
        self.cap_follows_style.setToolTip(cap_tip)
        self.cap_default.setToolTip(cap_tip)
        self.add_row("Weekly failure &cap", cap_box, cap_tip, ("weekly_failure_cap",), self.cap)

        self.failure_features = QCheckBox("Failure prompts, warnings and the weekly failure budget")
        self.failure_features.setObjectName("settingsFailureFeatures")
        explanation = QLabel(FAILURE_FEATURES_TEXT)
        explanation.setWordWrap(True)
        explanation.setProperty("role", "muted")
        explanation.setToolTip("F15: failure training is optional; the app's advice is not medical advice.")
        self.add_row(
            "&Failure features",
            self.failure_features,
            "Turn every failure feature on or off (F15). Default: on.",
            ("failure_features",),
            self.failure_features,
        )
        self.add_note(explanation)

        self.layoff = _spin("layoff_weeks", " weeks")
        self.layoff.setObjectName("settingsLayoffWeeks")
        self.add_row(
            "&Layoff after",
            self.layoff,
            "A break this long without a session counts as a layoff: expect failure sooner than before, "
            "and the first failure set per exercise can be marked as a new baseline (F14). Default: 8 weeks.",
            ("layoff_weeks",),
            self.layoff,
        )
        self.finish()

        self.style.currentIndexChanged.connect(self._show_cap_default)
        self.cap_follows_style.toggled.connect(self._show_cap_default)
        for combo in (self.goal, self.style, self.formula):
            combo.currentIndexChanged.connect(self.changed)
        for spin in (self.target_rir, self.rep_min, self.rep_max, self.cap, self.layoff):
            spin.valueChanged.connect(self.changed)
        for box in (self.cap_follows_style, self.failure_features):
            box.toggled.connect(self.changed)

    def _style(self) -> TrainingStyle:
        return TrainingStyle(self.style.currentData())

    def _show_cap_default(self) -> None:
        """The style's default in words; while following it, the cap box shows it too (F11)."""
        style = self._style()
        default = DEFAULT_WEEKLY_FAILURE_CAP[style]
        self.cap_default.setText(f"Default for {STYLE_WORDS[style]}: {default} a week (F11)")
        following = self.cap_follows_style.isChecked()
        self.cap.setEnabled(not following)
        if following:
            self.cap.setValue(default)

    def load(self, settings: Settings) -> None:
        """Show the training settings."""
        self.goal.setCurrentIndex(self.goal.findData(settings.goal.value))
        self.style.setCurrentIndex(self.style.findData(settings.training_style.value))
        self.target_rir.setValue(settings.target_rir)
        self.rep_min.setValue(settings.rep_min)
        self.rep_max.setValue(settings.rep_max)
        self.formula.setCurrentIndex(self.formula.findData(settings.e1rm_formula.value))
        self.cap_follows_style.setChecked(settings.weekly_failure_cap is None)
        self.cap.setValue(settings.effective_failure_cap)
        self.failure_features.setChecked(settings.failure_features)
        self.layoff.setValue(settings.layoff_weeks)
        self._show_cap_default()

    def read(self, settings: Settings) -> tuple[Settings, dict[str, str]]:
        """The training settings as picked; spin boxes cannot hold a bad number, so no messages here."""
        cap = None if self.cap_follows_style.isChecked() else self.cap.value()
        updated = replace(
            settings,
            goal=Goal(self.goal.currentData()),
            training_style=self._style(),
            target_rir=self.target_rir.value(),
            rep_min=self.rep_min.value(),
            rep_max=self.rep_max.value(),
            e1rm_formula=E1rmFormula(self.formula.currentData()),
            weekly_failure_cap=cap,
            failure_features=self.failure_features.isChecked(),
            layoff_weeks=self.layoff.value(),
        )
        return updated, {}
