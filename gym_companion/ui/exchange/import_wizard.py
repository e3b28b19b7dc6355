"""File → Import…: a non-modal wizard from a CSV file to sets in the database.

Pages: file (format and preview) → unit (only for unitless files) → exercise mapping → import (progress,
cancellable) → summary. Enter goes on, Esc cancels (during the import: stops it, writing nothing).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget, QWizard

from gym_companion.services.catalog import ExerciseCatalog
from gym_companion.services.transfer import ImportSummary, TransferService
from gym_companion.ui.exchange.choosers import OpenChooser, choose_file_to_import
from gym_companion.ui.exchange.import_file_page import FilePage
from gym_companion.ui.exchange.import_pages import MappingPage, UnitPage
from gym_companion.ui.exchange.import_run import DonePage, RunPage
from gym_companion.ui.exchange.import_state import (
    PAGE_DONE,
    PAGE_FILE,
    PAGE_MAPPING,
    PAGE_RUN,
    PAGE_UNIT,
    ImportState,
)
from gym_companion.ui.exchange.worker import ProgressHook


class ImportWizard(QWizard):
    """The import wizard. `imported(ImportSummary)` after a successful import; `import_finished(outcome)`
    after every import attempt (summary, or the error that stopped it)."""

    imported = Signal(object)
    import_finished = Signal(object)

    def __init__(
        self,
        service: TransferService,
        catalog: ExerciseCatalog,
        chooser: OpenChooser = choose_file_to_import,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.setWindowTitle("Import history")
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setMinimumSize(760, 520)
        self.state = ImportState(service=service, catalog=catalog)
        self.file_page = FilePage(self.state, chooser)
        self.unit_page = UnitPage(self.state)
        self.mapping_page = MappingPage(self.state)
        self.run_page = RunPage(self.state)
        self.done_page = DonePage(self.state)
        self.setPage(PAGE_FILE, self.file_page)
        self.setPage(PAGE_UNIT, self.unit_page)
        self.setPage(PAGE_MAPPING, self.mapping_page)
        self.setPage(PAGE_RUN, self.run_page)
        self.setPage(PAGE_DONE, self.done_page)
        self.setStartId(PAGE_FILE)
        self.run_page.outcome.connect(self._import_ended)

    @property
    def progress_hook(self) -> ProgressHook | None:
        """Called on the worker thread at each progress report (tests use it to cancel at a known point)."""
        return self.run_page.progress_hook

    @progress_hook.setter
    def progress_hook(self, hook: ProgressHook | None) -> None:
        self.run_page.progress_hook = hook

    def cancel_import(self) -> bool:
        """Stop a running import (nothing is written); False when none runs."""
        return self.run_page.cancel()

    def done(self, result: int) -> None:
        """Close; a preview still reading the file ends first (its thread must not outlive the page)."""
        self.file_page.shutdown()
        super().done(result)

    def reject(self) -> None:
        """Cancel/Esc: during an import, stop it and stay to say so; otherwise close."""
        if self.run_page.cancel():
            return
        super().reject()

    def shutdown(self) -> None:
        """Stop any import, wait for its thread, and close (the main window is closing)."""
        self.run_page.shutdown()
        self.done(QWizard.DialogCode.Rejected)

    def _import_ended(self, outcome: object) -> None:
        if isinstance(outcome, ImportSummary):
            self.imported.emit(outcome)
            if self.currentId() == PAGE_RUN:
                self.next()
        self.import_finished.emit(outcome)


def open_import_wizard(
    parent: QWidget,
    service: TransferService,
    catalog: ExerciseCatalog,
    chooser: OpenChooser = choose_file_to_import,
) -> ImportWizard:
    """Build and show (non-modal) the import wizard; it deletes itself when closed."""
    wizard = ImportWizard(service, catalog, chooser, parent)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.show()
    return wizard
