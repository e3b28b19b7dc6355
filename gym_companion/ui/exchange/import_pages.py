"""The middle pages of the import wizard: the unit of a unitless file, and the exercise mapping (where a
name that becomes a new exercise can have its muscles set in the exercise editor)."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from gym_companion.domain.model import WeightUnit
from gym_companion.domain.units import format_number, from_unit
from gym_companion.services.transfer import ImportPreview
from gym_companion.ui.exchange.import_state import ImportState, plural
from gym_companion.ui.exchange.mapping_table import MappingModel, mapping_view
from gym_companion.ui.exercises.editor import ExerciseEditor, draft_exercise


class UnitPage(QWizardPage):
    """Kilograms or pounds, for files that do not say (Strong V2/V4/V5): preselects the service's guess,
    says why, and shows what the file's first loads become either way."""

    def __init__(self, state: ImportState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self._shown_preview: ImportPreview | None = None
        self.setObjectName("importUnitPage")
        self.setTitle("Kilograms or pounds?")
        self.kg = QRadioButton("&Kilograms (kg)")
        self.kg.setObjectName("importUnitKg")
        self.lb = QRadioButton("&Pounds (lb)")
        self.lb.setObjectName("importUnitLb")
        self.group = QButtonGroup(self)
        self.group.addButton(self.kg)
        self.group.addButton(self.lb)
        self.group.buttonToggled.connect(lambda _button, _on: self._unit_changed())
        radios = QHBoxLayout()
        radios.addWidget(self.kg)
        radios.addSpacing(24)
        radios.addWidget(self.lb)
        radios.addStretch(1)
        self.reason = QLabel()
        self.reason.setObjectName("importUnitReason")
        self.reason.setWordWrap(True)
        self.loads_title = QLabel("The first loads in the file would be read as:")
        self.loads = QLabel()
        self.loads.setObjectName("importUnitPreview")
        self.loads.setTextFormat(Qt.TextFormat.RichText)
        self.loads.setToolTip(
            "Weights are stored in kg: this is how the file's first loads are read with the unit chosen."
        )
        layout = QVBoxLayout(self)
        layout.addLayout(radios)
        layout.addSpacing(8)
        layout.addWidget(self.reason)
        layout.addSpacing(12)
        layout.addWidget(self.loads_title)
        layout.addWidget(self.loads)
        layout.addStretch(1)

    def initializePage(self) -> None:
        """Preselect the guess (kg when there is none) and explain it."""
        preview = self._state.preview
        assert preview is not None
        self.setSubTitle(f"{preview.format_label} files do not say which unit their weights are in.")
        if preview is not self._shown_preview:  # a new file: start from its guess again
            self._shown_preview = preview
            self._state.unit = None
        unit = self._state.unit if self._state.unit is not None else preview.unit_guess
        (self.lb if unit is WeightUnit.LB else self.kg).setChecked(True)
        if preview.unit_guess is not None:
            self.reason.setText(
                f"Our guess: <b>{preview.unit_guess.value}</b>. {preview.unit_guess_reason} "
                "Pick the unit the app showed when you logged these workouts."
            )
        else:
            self.reason.setText(
                f"{preview.unit_guess_reason} Pick the unit the app showed when you logged these workouts."
            )
        self._unit_changed()
        self.group.checkedButton().setFocus()

    def chosen_unit(self) -> WeightUnit:
        """The unit the radio buttons say."""
        return WeightUnit.LB if self.lb.isChecked() else WeightUnit.KG

    def validatePage(self) -> bool:
        """Remember the unit for the import."""
        self._state.unit = self.chosen_unit()
        return True

    def _unit_changed(self) -> None:
        preview = self._state.preview
        if preview is None:
            return
        self.loads.setText(load_examples(preview, self.chosen_unit()))


def load_examples(preview: ImportPreview, unit: WeightUnit) -> str:
    """The file's first loads as they would be read: '60 → 60 kg' or '60 → 60 lb (27.22 kg)', one a line."""
    if not preview.sample_loads:
        return "The file has no loads to show (bodyweight sets only)."
    cell = "<td style='padding: 1px 8px' align='right'>"
    rows = []
    for load in preview.sample_loads:
        written = format_number(load)
        stored = f"<b>{written} {unit.value}</b>"
        if unit is WeightUnit.LB:
            stored += f" &nbsp;({format_number(from_unit(load, WeightUnit.LB))} kg)"
        rows.append(f"<tr>{cell}{written}</td><td>→</td><td style='padding: 1px 8px'>{stored}</td></tr>")
    return f"<table>{''.join(rows)}</table>"


class MappingPage(QWizardPage):
    """Every exercise name in the file and what it becomes here; unknown names first. Commits the import."""

    def __init__(self, state: ImportState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self._shown_preview: ImportPreview | None = None
        self.setObjectName("importMappingPage")
        self.setTitle("Match the exercise names")
        self.setSubTitle(
            "Names the library does not know come first: each becomes your own exercise unless you "
            "pick one. Type on a row (or press F2) to search the library; Ctrl+M sets a new one's muscles."
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, "&Import")
        self.model = MappingModel(state.catalog, self)
        self.model.dataChanged.connect(lambda *_args: self._update_count())
        self.model.modelReset.connect(self._update_count)
        self.view = mapping_view(state.catalog, self.model)
        self.view.muscles_requested.connect(self.edit_muscles)
        self.view.selectionModel().currentRowChanged.connect(lambda *_rows: self._update_muscles_button())
        self.model.dataChanged.connect(lambda *_args: self._update_muscles_button())
        self.muscles_button = QPushButton("Set &muscles… (Ctrl+M)")
        self.muscles_button.setObjectName("importSetMuscles")
        self.muscles_button.setAutoDefault(False)
        self.muscles_button.setToolTip(
            "Open the exercise editor for the highlighted name's new exercise: its name, primary and "
            "secondary muscles, equipment and failure safety. The import creates it that way."
        )
        self.muscles_button.clicked.connect(lambda: self.edit_muscles(self.view.currentIndex().row()))
        QShortcut(QKeySequence("Ctrl+M"), self, lambda: self.edit_muscles(self.view.currentIndex().row()))
        self.editor: ExerciseEditor | None = None
        self.count = QLabel()
        self.count.setObjectName("importMappingCount")
        self.count.setToolTip(
            "Distinct exercise names in the file. A name becomes your own exercise when it is set to "
            "“New custom exercise”; every other name adds its sets to the library exercise shown."
        )
        self.count.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.muscles_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.count)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def edit_muscles(self, row: int) -> ExerciseEditor | None:
        """Open the exercise editor on the new exercise of `row` (non-modal); Save keeps what was set
        for the import. None when the row goes to a library exercise."""
        if not 0 <= row < self.model.rowCount() or self.model.row_at(row).chosen is not None:
            return None
        self._close_editor()  # one at a time: each describes the row it was opened for
        name = self.model.row_at(row).name
        self.editor = draft_exercise(
            self, self._state.catalog, self.model.draft(row), name, self.model.other_new_names(row)
        )
        self.editor.drafted.connect(lambda spec: self.model.set_spec(name, spec))
        return self.editor

    def _close_editor(self) -> None:
        editor, self.editor = self.editor, None
        if editor is not None and shiboken6.isValid(editor):  # it deletes itself when closed
            editor.close()

    def _update_muscles_button(self) -> None:
        row = self.view.currentIndex().row()
        self.muscles_button.setEnabled(
            0 <= row < self.model.rowCount() and self.model.row_at(row).chosen is None
        )

    def initializePage(self) -> None:
        """Load the names of a newly previewed file; keep the choices when coming back to the same one."""
        preview = self._state.preview
        assert preview is not None
        if preview is not self._shown_preview:
            self._shown_preview = preview
            self.model.load(preview.matched, preview.unknown, preview.new_exercises)
            self.view.resizeRowsToContents()
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, 1))
        self.view.setFocus()

    def validatePage(self) -> bool:
        """Hand the changed choices and the new exercises' muscles to the import."""
        self._close_editor()
        self._state.mapping = self.model.changes()
        self._state.new_exercises = self.model.specs()
        return True

    def _update_count(self) -> None:
        total = self.model.rowCount()
        new = len(self.model.new_names())
        if total == 0:
            self.count.setText("The file names no exercises.")
        elif new == 0:
            self.count.setText(f"All {plural(total, 'name')} go to library exercises.")
        else:
            self.count.setText(
                f"<b>{new:,} of {plural(total, 'name')}</b> will become your own exercises; "
                "the rest go to library exercises."
            )
