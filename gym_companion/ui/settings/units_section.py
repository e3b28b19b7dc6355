"""Preferences › Units & equipment: kg or lb, the bar and plates the plate calculator loads, and the
dumbbell and machine steps that suggestions and warm-ups round to."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from gym_companion.domain.model import WeightUnit
from gym_companion.domain.settings import Settings
from gym_companion.domain.settings_check import LIMITS, parse_plates, plates_text
from gym_companion.domain.units import BARBELL_INCREMENT, OTHER_INCREMENT, format_number
from gym_companion.ui.settings.section import SettingsSection

UNITS = ((WeightUnit.KG, "Kilograms (kg)"), (WeightUnit.LB, "Pounds (lb)"))
DEFAULTS = Settings()


def _steps_text(unit: WeightUnit) -> str:
    """The fixed load steps suggestions round to, in words."""
    u = unit.value
    return (
        f"Suggestions and warm-ups round to {format_number(BARBELL_INCREMENT[unit])} {u} on a barbell "
        f"(the lightest pair of plates) and {format_number(OTHER_INCREMENT[unit])} {u} for bands, "
        "bodyweight and other loads; dumbbells and machines use your steps above."
    )


def _pair_text(kg: float, lb: float) -> str:
    return f"{format_number(kg)} kg / {format_number(lb)} lb"


class UnitsSection(SettingsSection):
    """Display unit, and for each unit the bar weight and the plates on hand."""

    title = "Units & equipment"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "Units & equipment",
            "Weights are stored in kg and shown in the unit you pick; switching converts everything on "
            "screen at once. The plate calculator uses the bar and plates of that unit.",
            parent,
        )
        self.unit = QComboBox()
        self.unit.setObjectName("settingsUnit")
        for unit, label in UNITS:
            self.unit.addItem(label, unit.value)
        self.add_row(
            "&Weights in",
            self.unit,
            "The unit you type and read weights in. Default: kg.",
            ("unit",),
            self.unit,
        )
        self.bar_kg = self._bar("bar_weight_kg", " kg", 0.5)
        self.add_row(
            "&Bar (kg)",
            self.bar_kg,
            f"The empty bar for the plate calculator and the first warm-up, in kg. "
            f"Default: {format_number(DEFAULTS.bar_weight_kg)} kg.",
            ("bar_weight_kg",),
            self.bar_kg,
        )
        self.plates_kg = self._plates("settingsPlatesKg")
        self.add_row(
            "&Plates (kg)",
            self.plates_kg,
            "The kg plates you have, any order, separated by commas (use a point for decimals). The "
            f"calculator loads the heaviest first. Default: {plates_text(DEFAULTS.plates_kg)}.",
            ("plates_kg",),
            self.plates_kg,
        )
        self.bar_lb = self._bar("bar_weight_lb", " lb", 1.0)
        self.add_row(
            "Ba&r (lb)",
            self.bar_lb,
            "The empty bar in lb, used when weights are in lb. "
            f"Default: {format_number(DEFAULTS.bar_weight_lb)} lb.",
            ("bar_weight_lb",),
            self.bar_lb,
        )
        self.plates_lb = self._plates("settingsPlatesLb")
        self.add_row(
            "P&lates (lb)",
            self.plates_lb,
            "The lb plates you have, separated by commas; used when weights are in lb. "
            f"Default: {plates_text(DEFAULTS.plates_lb)}.",
            ("plates_lb",),
            self.plates_lb,
        )
        self.dumbbell_kg = self._step("dumbbell_step_kg", " kg", 0.5, "settingsDumbbellStepKg")
        self.dumbbell_lb = self._step("dumbbell_step_lb", " lb", 1.0, "settingsDumbbellStepLb")
        self.add_row(
            "D&umbbell steps",
            self._pair(self.dumbbell_kg, self.dumbbell_lb),
            "How far apart your gym's dumbbells (and kettlebells) are, in kg and in lb: suggestions and "
            "warm-ups round to it in the unit you use. "
            f"Default: {_pair_text(DEFAULTS.dumbbell_step_kg, DEFAULTS.dumbbell_step_lb)}.",
            ("dumbbell_step_kg", "dumbbell_step_lb"),
            self.dumbbell_kg,
        )
        self.dumbbell_lb.setToolTip(self.dumbbell_kg.toolTip())
        self.machine_kg = self._step("machine_step_kg", " kg", 0.5, "settingsMachineStepKg")
        self.machine_lb = self._step("machine_step_lb", " lb", 1.0, "settingsMachineStepLb")
        self.add_row(
            "Mac&hine steps",
            self._pair(self.machine_kg, self.machine_lb),
            "One plate of your machines' and cables' weight stacks, in kg and in lb: suggestions round "
            "to it in the unit you use. "
            f"Default: {_pair_text(DEFAULTS.machine_step_kg, DEFAULTS.machine_step_lb)}.",
            ("machine_step_kg", "machine_step_lb"),
            self.machine_kg,
        )
        self.machine_lb.setToolTip(self.machine_kg.toolTip())
        self.steps = QLabel()
        self.steps.setObjectName("settingsLoadSteps")
        self.steps.setWordWrap(True)
        self.steps.setProperty("role", "muted")
        self.steps.setToolTip(
            "The smallest practical load change per kind of equipment: the lightest pair of barbell plates, "
            "your dumbbell spacing, one plate of your machine stacks."
        )
        self.steps.setFixedWidth(620)
        self.outer.addWidget(self.steps)
        self.finish()
        self.unit.currentIndexChanged.connect(self._show_steps)
        self.unit.currentIndexChanged.connect(self.changed)
        self._show_steps()

    def _bar(self, name: str, suffix: str, step: float) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setObjectName("settingsBarKg" if name.endswith("kg") else "settingsBarLb")
        spin.setRange(LIMITS[name].low, LIMITS[name].high)
        spin.setDecimals(2)
        spin.setSingleStep(step)
        spin.setSuffix(suffix)
        spin.valueChanged.connect(self.changed)
        return spin

    def _step(self, name: str, suffix: str, step: float, object_name: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setObjectName(object_name)
        spin.setRange(LIMITS[name].low, LIMITS[name].high)
        spin.setDecimals(2)
        spin.setSingleStep(step)
        spin.setSuffix(suffix)
        spin.valueChanged.connect(self.changed)
        return spin

    @staticmethod
    def _pair(kg: QDoubleSpinBox, lb: QDoubleSpinBox) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(kg)
        row.addWidget(lb)
        row.addStretch(1)
        return row

    def _plates(self, object_name: str) -> QLineEdit:
        line = QLineEdit()
        line.setObjectName(object_name)
        line.setMinimumWidth(320)
        line.textEdited.connect(self.changed)
        return line

    def _unit(self) -> WeightUnit:
        return WeightUnit(self.unit.currentData())

    def _show_steps(self) -> None:
        self.steps.setText(_steps_text(self._unit()))

    def load(self, settings: Settings) -> None:
        """Show the unit, bars and plates."""
        self.unit.setCurrentIndex(self.unit.findData(settings.unit.value))
        self.bar_kg.setValue(settings.bar_weight_kg)
        self.bar_lb.setValue(settings.bar_weight_lb)
        self.plates_kg.setText(plates_text(settings.plates_kg))
        self.plates_lb.setText(plates_text(settings.plates_lb))
        self.dumbbell_kg.setValue(settings.dumbbell_step_kg)
        self.dumbbell_lb.setValue(settings.dumbbell_step_lb)
        self.machine_kg.setValue(settings.machine_step_kg)
        self.machine_lb.setValue(settings.machine_step_lb)

    def read(self, settings: Settings) -> tuple[Settings, dict[str, str]]:
        """The unit, bars and plates as typed; a plate list that cannot be read gets a message."""
        problems: dict[str, str] = {}
        plates: dict[str, tuple[float, ...]] = {}
        for name, line, unit in (
            ("plates_kg", self.plates_kg, WeightUnit.KG),
            ("plates_lb", self.plates_lb, WeightUnit.LB),
        ):
            try:
                plates[name] = parse_plates(line.text(), unit)
            except ValueError as exc:
                problems[name] = str(exc)
                plates[name] = getattr(settings, name)
        updated = replace(
            settings,
            unit=self._unit(),
            bar_weight_kg=self.bar_kg.value(),
            bar_weight_lb=self.bar_lb.value(),
            plates_kg=plates["plates_kg"],
            plates_lb=plates["plates_lb"],
            dumbbell_step_kg=self.dumbbell_kg.value(),
            dumbbell_step_lb=self.dumbbell_lb.value(),
            machine_step_kg=self.machine_kg.value(),
            machine_step_lb=self.machine_lb.value(),
        )
        return updated, problems
