"""Edit › Preferences… (Ctrl+,): every setting in one non-modal dialog, a section list on the left.

OK / Apply read every section, check the result at the boundary (`domain/settings_check.py`, again in
`ProfileService.save_settings`) and save only when all of it makes sense; otherwise messages appear
under the fields and nothing is saved. Events are records, saved as they change (see events_section).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gym_companion.domain.settings import Settings
from gym_companion.domain.settings_check import InvalidSettingsError, settings_problems
from gym_companion.services.context import AppContext
from gym_companion.ui.session.speech import voice_available
from gym_companion.ui.settings.calibration_section import CalibrationSection, supports_calibration
from gym_companion.ui.settings.events_section import EventsSection
from gym_companion.ui.settings.recovery_section import RecoverySection
from gym_companion.ui.settings.rest_section import RestSection, audio_output_available, library_rest_ranges
from gym_companion.ui.settings.section import SettingsSection
from gym_companion.ui.settings.speech_section import SpeechSection
from gym_companion.ui.settings.training_section import TrainingSection
from gym_companion.ui.settings.units_section import UnitsSection


def changed_settings(before: Settings, after: Settings) -> frozenset[str]:
    """The names of the settings that differ (`extra` counts as one)."""
    return frozenset(
        f.name for f in dataclasses.fields(Settings) if getattr(before, f.name) != getattr(after, f.name)
    )


class SettingsDialog(QDialog):
    """The Preferences window; `settings_applied` after a save, `events_changed` after an event edit."""

    settings_applied = Signal(object)  # frozenset of the names of the settings that changed
    events_changed = Signal()

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        has_audio: Callable[[], bool] = audio_output_available,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle("Preferences")
        self.setModal(False)
        self.resize(900, 620)
        self._profile = context.profile

        self.training = TrainingSection()
        self.units = UnitsSection()
        self.rest = RestSection(library_rest_ranges(context.catalog.by_id().values()), has_audio())
        self.speech = SpeechSection(voice_available())  # spoken rest cues (ui/session/speech.py)
        self.recovery = RecoverySection()
        self.events = EventsSection(context.profile, context.now)
        self.events.events_changed.connect(self.events_changed)
        self.sections: list[SettingsSection] = [
            self.training,
            self.units,
            self.rest,
            self.speech,
            self.recovery,
            self.events,
        ]
        # "Your RIR bias" only when the calibration service and its switch exist in this version.
        self.calibration: CalibrationSection | None = None
        calibration = getattr(context, "calibration", None)
        if calibration is not None and supports_calibration(self._profile.settings):
            self.calibration = CalibrationSection(lambda: str(calibration.current().sentence))
            self.sections.append(self.calibration)

        self.section_list = QListWidget()
        self.section_list.setObjectName("settingsSections")
        self.section_list.setFixedWidth(190)
        self.section_list.setToolTip("Sections (↑ ↓ here, or Ctrl+PgUp / Ctrl+PgDown anywhere)")
        self.section_list.setStyleSheet("QListWidget::item { padding: 8px 6px; font-size: 12pt; }")
        self.stack = QStackedWidget()
        for section in self.sections:
            self.section_list.addItem(section.title)
            self.stack.addWidget(section)
            section.changed.connect(self._update_apply)
        self.section_list.currentRowChanged.connect(self._section_changed)

        self.status = QLabel()
        self.status.setObjectName("settingsStatus")
        self.status.setWordWrap(True)
        self.restore_button = QPushButton("Restore &defaults")
        self.restore_button.setObjectName("settingsRestoreDefaults")
        self.restore_button.setAutoDefault(False)
        self.restore_button.clicked.connect(self.restore_section_defaults)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Apply
            | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("settingsOk")
        self.ok_button.setToolTip("Save and close (Enter)")
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.apply_button.setObjectName("settingsApply")
        self.apply_button.setText("&Apply")
        self.apply_button.setToolTip("Save and keep the window open (Alt+A)")
        self.apply_button.setAutoDefault(False)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("settingsCancel")
        cancel.setToolTip("Close without saving what is not applied yet (Esc)")
        cancel.setAutoDefault(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.apply_button.clicked.connect(self.apply)

        body = QHBoxLayout()
        body.addWidget(self.section_list)
        body.addWidget(self.stack, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.restore_button)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addLayout(bottom)
        for keys, step in (("Ctrl+PgDown", 1), ("Ctrl+PgUp", -1)):
            QShortcut(QKeySequence(keys), self, lambda s=step: self._step_section(s))
        # Enter means OK everywhere but in the events form: no other button may become the default.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        self.ok_button.setDefault(True)
        self.section_list.setCurrentRow(0)

    # --- showing ----------------------------------------------------------------------------------
    def present(self) -> None:
        """Show the dialog with the settings as saved now (non-modal), in front."""
        if self.isVisible():
            self.raise_()  # already open, perhaps behind the main window
        else:
            self.reload()
            self.show()
        self.activateWindow()
        self.section_list.setFocus()

    def reload(self) -> None:
        """Every section shows the saved settings; messages cleared."""
        settings = self._profile.settings
        for section in self.sections:
            section.load(settings)
            section.show_problems({})
        self.status.clear()
        self._update_apply()

    def reload_events(self) -> None:
        """The events changed elsewhere (the Recovery page): list them again."""
        self.events.reload()

    def changeEvent(self, event: QEvent) -> None:
        """Back in front: list the events again (the Recovery page may have changed them meanwhile)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.events.reload()

    def show_section(self, section: SettingsSection) -> None:
        """Switch to a section."""
        self.section_list.setCurrentRow(self.sections.index(section))

    def _section_changed(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        section = self.sections[row]
        self.restore_button.setEnabled(section.has_defaults)
        self.restore_button.setToolTip(
            f"Put the defaults back in '{section.title}' (saved when you apply)"
            if section.has_defaults
            else "Events have no defaults"
        )

    def _step_section(self, step: int) -> None:
        count = len(self.sections)
        self.section_list.setCurrentRow((self.section_list.currentRow() + step) % count)

    # --- saving -----------------------------------------------------------------------------------
    def _collect(self) -> tuple[Settings, dict[str, str]]:
        """What every section shows, as settings, with every problem found in it."""
        settings = self._profile.settings
        problems: dict[str, str] = {}
        for section in self.sections:
            settings, found = section.read(settings)
            problems.update(found)
        for name, message in settings_problems(settings).items():
            problems.setdefault(name, message)
        return settings, problems

    def _update_apply(self) -> None:
        settings, problems = self._collect()
        self.apply_button.setEnabled(bool(problems) or settings != self._profile.settings)

    def apply(self) -> bool:
        """Save what the sections show when all of it makes sense; otherwise say where, and save nothing."""
        settings, problems = self._collect()
        before = self._profile.settings
        if not problems:
            try:
                self._profile.save_settings(settings)
            except InvalidSettingsError as exc:  # the service checks again at its boundary
                problems = exc.problems
        for section in self.sections:
            section.show_problems(problems)
        if problems:
            self._report(problems)
            return False
        self.status.setProperty("role", "muted")
        self.status.setText("Saved. The pages show the new settings.")
        self._restyle_status()
        self._update_apply()
        self.settings_applied.emit(changed_settings(before, settings))
        return True

    def _report(self, problems: dict[str, str]) -> None:
        where = [s for s in self.sections if any(s.owns(name) for name in problems)]
        count = len(set(problems.values()))  # one message may cover two fields (a rep range upside down)
        fields = "1 field needs" if count == 1 else f"{count} fields need"
        self.status.setProperty("role", "error")
        self.status.setText(f"Nothing saved: {fields} a fix ({', '.join(s.title for s in where)}).")
        self._restyle_status()
        if where:
            self.show_section(where[0])
            where[0].focus_problem(problems)

    def _restyle_status(self) -> None:
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def restore_section_defaults(self) -> None:
        """The defaults in the current section's fields (saved with Apply or OK)."""
        section = self.sections[self.stack.currentIndex()]
        if section.has_defaults:
            section.restore_defaults()
            section.show_problems({})
            self.status.setProperty("role", "muted")
            self.status.setText(f"Defaults restored in '{section.title}': Apply to save them.")
            self._restyle_status()

    # --- QDialog ----------------------------------------------------------------------------------
    def accept(self) -> None:
        """OK: save and close, or stay open showing what is wrong."""
        if self.apply():
            super().accept()

    def done(self, result: int) -> None:
        """Closed by OK, Cancel or Esc: the keyboard goes back to the main window."""
        super().done(result)
        parent = self.parentWidget()
        if parent is not None:
            parent.activateWindow()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in the events form or list belongs to them (add / change), not to OK."""
        focus = QApplication.focusWidget()
        is_enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if is_enter and focus is not None and self.events.isAncestorOf(focus):
            event.accept()
            return
        super().keyPressEvent(event)
