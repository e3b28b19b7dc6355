"""File → Import… (Ctrl+I) and Export… (Ctrl+Shift+E): the menu entries and what happens after them.

Kept light on purpose: the wizard, the dialog and the CSV code load on first use, not at start-up.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from gym_companion.services.context import AppContext

if TYPE_CHECKING:
    from gym_companion.services.transfer import ImportSummary
    from gym_companion.ui.exchange.choosers import OpenChooser, SaveChooser
    from gym_companion.ui.exchange.export_dialog import ExportDialog
    from gym_companion.ui.exchange.import_wizard import ImportWizard

STATUS_MS = 10000


class TransferActions(QObject):
    """Owns the two menu actions and the open wizard; `data_changed` fires after an import wrote sets.

    Choosers can be replaced (tests) before the actions are triggered.
    """

    data_changed = Signal()

    def __init__(self, window: QMainWindow, context: AppContext) -> None:
        super().__init__(window)
        self._window = window
        self._context = context
        self._wizard: ImportWizard | None = None
        self.open_chooser: OpenChooser | None = None
        self.save_chooser: SaveChooser | None = None
        self.import_action = QAction("&Import…", window)
        self.import_action.setObjectName("importAction")
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.setToolTip("Import workouts from a Strong, Hevy, FitNotes or Gym Companion file")
        self.import_action.triggered.connect(self.open_import)
        # Ctrl+E already finds an exercise on the Session page, so export takes Ctrl+Shift+E.
        self.export_action = QAction("&Export…", window)
        self.export_action.setObjectName("exportAction")
        self.export_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.export_action.setToolTip("Write your history to a CSV file in our, Strong's or Hevy's layout")
        self.export_action.triggered.connect(lambda _checked=False: self.open_export())
        available = context.transfer is not None
        self.import_action.setEnabled(available)
        self.export_action.setEnabled(available)

    @property
    def wizard(self) -> ImportWizard | None:
        """The open import wizard, if any."""
        return self._wizard

    def open_import(self) -> ImportWizard | None:
        """Show the import wizard (bringing an open one forward)."""
        if self._wizard is not None:
            self._wizard.raise_()
            self._wizard.activateWindow()
            return self._wizard
        service = self._context.transfer
        if service is None:
            return None
        from gym_companion.ui.exchange.choosers import choose_file_to_import
        from gym_companion.ui.exchange.import_wizard import open_import_wizard

        wizard = open_import_wizard(
            self._window, service, self._context.catalog, self.open_chooser or choose_file_to_import
        )
        wizard.imported.connect(self._imported)
        wizard.finished.connect(self._wizard_closed)
        self._wizard = wizard
        return wizard

    def open_export(self, start: datetime | None = None, end: datetime | None = None) -> ExportDialog | None:
        """Show the export dialog preset to start..end (None, None: all history)."""
        if self._context.transfer is None:
            return None
        from gym_companion.ui.exchange.choosers import choose_export_target
        from gym_companion.ui.exchange.export_dialog import open_export_dialog

        return open_export_dialog(
            self._window, self._context, start, end, self.save_chooser or choose_export_target
        )

    def shutdown(self) -> None:
        """Stop a running import and close the wizard (the window is closing)."""
        if self._wizard is not None:
            self._wizard.shutdown()
            self._wizard = None

    def _imported(self, summary: ImportSummary) -> None:
        self._context.catalog.reload()  # the import may have created exercises (on its own connection)
        self._show_status(summary.sentence())
        self.data_changed.emit()

    def _wizard_closed(self, _result: int) -> None:
        self._wizard = None

    def _show_status(self, text: str) -> None:
        self._window.statusBar().showMessage(text, STATUS_MS)
