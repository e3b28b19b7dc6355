"""The fields of the exercise editor: name, primary and secondary muscles, equipment, mechanics (with the
rest it brings), failure safety (F6) and assisted, as one widget that shows and reads a CustomExerciseSpec."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from gym_companion.domain.custom_exercise import (
    MAX_NAME_LENGTH,
    CustomExerciseSpec,
    clean_name,
    default_rest_for,
)
from gym_companion.domain.model import Equipment, FailureSafety, Mechanics
from gym_companion.ui.exercises.labels import (
    EQUIPMENT_LABELS,
    EQUIPMENT_TIP,
    PRIMARY_TIP,
    SAFETY_LABELS,
    SAFETY_TIP,
    SECONDARY_TIP,
    rest_text,
)
from gym_companion.ui.exercises.muscle_lists import MuscleList, MusclePicker

SAFETY_MNEMONICS = {
    FailureSafety.SAFE: "Sa&fe to fail",
    FailureSafety.SPOTTER: "Needs a spo&tter",
    FailureSafety.TECHNICAL_ONLY: "Stop at tec&hnical failure",
    FailureSafety.NEVER: "Ne&ver to failure",
}


class ExerciseForm(QWidget):
    """Every field of an exercise; `show_spec` fills them, `spec` reads them back."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fatigue_factor = 1.0
        self._fixed_rest_s: int | None = None  # a library exercise's own rest (read-only view)
        self.name = QLineEdit()
        self.name.setObjectName("exerciseEditorName")
        self.name.setMaxLength(MAX_NAME_LENGTH + 20)  # longer text gets a message, not a silent cut
        self.name.setPlaceholderText("e.g. Viking Press")
        name_label = QLabel("&Name")
        name_label.setBuddy(self.name)
        name_tip = (
            "Unique: no other exercise may have this name or the same words in another order, so "
            "search and imports always find the right one."
        )
        self.name.setToolTip(name_tip)
        name_label.setToolTip(name_tip)

        self.primary = MuscleList(PRIMARY_TIP)
        self.primary.setObjectName("exerciseEditorPrimary")
        self.secondary = MuscleList(SECONDARY_TIP)
        self.secondary.setObjectName("exerciseEditorSecondary")
        self.muscles = MusclePicker(self.primary, self.secondary, self)
        primary_label = QLabel("&Primary muscles — 1 set each")
        primary_label.setBuddy(self.primary)
        primary_label.setToolTip(PRIMARY_TIP)
        secondary_label = QLabel("Secondar&y muscles — ½ set each")
        secondary_label.setBuddy(self.secondary)
        secondary_label.setToolTip(SECONDARY_TIP)
        muscles = QGridLayout()
        muscles.addWidget(primary_label, 0, 0)
        muscles.addWidget(secondary_label, 0, 1)
        muscles.addWidget(self.primary, 1, 0)
        muscles.addWidget(self.secondary, 1, 1)

        self.equipment = QComboBox()
        self.equipment.setObjectName("exerciseEditorEquipment")
        for equipment, label in EQUIPMENT_LABELS.items():
            self.equipment.addItem(label, equipment.value)
        self.equipment.setToolTip(EQUIPMENT_TIP)
        equipment_label = QLabel("&Equipment")
        equipment_label.setBuddy(self.equipment)
        equipment_label.setToolTip(EQUIPMENT_TIP)

        self.compound = QRadioButton("&Compound")
        self.compound.setObjectName("exerciseEditorCompound")
        self.isolation = QRadioButton("&Isolation")
        self.isolation.setObjectName("exerciseEditorIsolation")
        self.mechanics_group = QButtonGroup(self)
        for button in (self.compound, self.isolation):
            self.mechanics_group.addButton(button)
        mechanics_tip = (
            "Compound: several joints and muscles at once (squat, row, press). Isolation: one joint "
            "(curl, raise, extension). Compound lifts rest longer and open a workout with a warm-up ladder."
        )
        for button in (self.compound, self.isolation):
            button.setToolTip(mechanics_tip)
        self.rest = QLabel()
        self.rest.setObjectName("exerciseEditorRest")
        self.rest.setProperty("role", "muted")
        self.rest.setToolTip(
            f"Rest after a working set: {rest_text(default_rest_for(Mechanics.COMPOUND))} for compound, "
            f"{rest_text(default_rest_for(Mechanics.ISOLATION))} for isolation exercises of your own. "
            "Preferences › Rest timer can set your own rest for either kind."
        )
        self.compound.toggled.connect(self._show_rest)
        mechanics_row = QHBoxLayout()
        mechanics_row.addWidget(self.compound)
        mechanics_row.addWidget(self.isolation)
        mechanics_row.addSpacing(12)
        mechanics_row.addWidget(self.rest, 1)

        self.safety: dict[FailureSafety, QRadioButton] = {}
        self.safety_group = QButtonGroup(self)
        safety_box = QVBoxLayout()
        safety_box.setSpacing(2)
        for safety, text in SAFETY_MNEMONICS.items():
            button = QRadioButton(text)
            button.setObjectName(f"exerciseEditorSafety_{safety.value}")
            explanation = SAFETY_LABELS[safety].split(" — ", 1)[1]
            button.setToolTip(f"{SAFETY_LABELS[safety]}.\n{SAFETY_TIP}")
            self.safety[safety] = button
            self.safety_group.addButton(button)
            line = QLabel(explanation)
            line.setProperty("role", "muted")
            line.setContentsMargins(24, 0, 0, 4)
            line.setToolTip(button.toolTip())
            safety_box.addWidget(button)
            safety_box.addWidget(line)
        safety_label = QLabel("Failure safety")
        safety_label.setToolTip(SAFETY_TIP)

        self.assisted = QCheckBox("&Assisted — the machine or band takes weight off you")
        self.assisted.setObjectName("exerciseEditorAssisted")
        self.assisted.setToolTip(
            "For assisted pull-up or dip machines: the load you type is the help you get, stored as a "
            "negative load, so less help is progress."
        )

        right = QVBoxLayout()
        right.addWidget(equipment_label)
        right.addWidget(self.equipment)
        right.addSpacing(10)
        mechanics_label = QLabel("Mechanics")
        mechanics_label.setToolTip(mechanics_tip)
        right.addWidget(mechanics_label)
        right.addLayout(mechanics_row)
        right.addSpacing(10)
        right.addWidget(safety_label)
        right.addLayout(safety_box)
        right.addSpacing(6)
        right.addWidget(self.assisted)
        right.addStretch(1)

        left = QVBoxLayout()
        left.addWidget(name_label)
        left.addWidget(self.name)
        left.addSpacing(10)
        left.addLayout(muscles)
        left.addStretch(1)

        body = QHBoxLayout(self)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(left, 3)
        body.addSpacing(18)
        body.addLayout(right, 2)

    def show_spec(self, spec: CustomExerciseSpec, read_only: bool, fixed_rest_s: int | None = None) -> None:
        """Show `spec`; read-only fields for a library exercise, whose own rest is `fixed_rest_s`."""
        self.name.setText(clean_name(spec.name))
        self.muscles.set(spec.primary_muscles, spec.secondary_muscles)
        self.equipment.setCurrentIndex(self.equipment.findData(spec.equipment.value))
        (self.compound if spec.mechanics is Mechanics.COMPOUND else self.isolation).setChecked(True)
        self.safety[spec.failure_safety].setChecked(True)
        self.assisted.setChecked(spec.assisted)
        self._fatigue_factor = spec.fatigue_factor
        self._fixed_rest_s = fixed_rest_s
        fields: list[QWidget] = [self.name, self.primary, self.secondary, self.equipment, self.assisted]
        for widget in (*fields, self.compound, self.isolation, *self.safety.values()):
            widget.setEnabled(not read_only)
        self._show_rest()

    def spec(self) -> CustomExerciseSpec:
        """What the fields say."""
        safety = next((s for s, button in self.safety.items() if button.isChecked()), FailureSafety.SAFE)
        return CustomExerciseSpec(
            name=clean_name(self.name.text()),
            primary_muscles=self.primary.muscles(),
            secondary_muscles=self.secondary.muscles(),
            equipment=Equipment(self.equipment.currentData()),
            mechanics=Mechanics.COMPOUND if self.compound.isChecked() else Mechanics.ISOLATION,
            failure_safety=safety,
            assisted=self.assisted.isChecked(),
            fatigue_factor=self._fatigue_factor,
        )

    def _show_rest(self) -> None:
        if self._fixed_rest_s is not None:
            seconds, why = self._fixed_rest_s, "this exercise's rest"
        else:
            mechanics = Mechanics.COMPOUND if self.compound.isChecked() else Mechanics.ISOLATION
            seconds, why = default_rest_for(mechanics), f"{mechanics.value} default"
        self.rest.setText(f"Rest {rest_text(seconds)} ({why})")
