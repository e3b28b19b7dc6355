"""File choosers behind small callables, so dialogs can be swapped for plain functions in tests.

A chooser never blocks: it opens a window-modal `QFileDialog` with `open()` and calls `done(path)` once the
user picks a file (nothing is called when they cancel). Tests pass a function that calls `done` at once.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog, QWidget

CSV_FILTER = "CSV files (*.csv *.CSV);;All files (*)"

# (parent, done) -> None: ask for an existing file to read.
OpenChooser = Callable[[QWidget, Callable[[Path], None]], None]
# (parent, suggested path, done) -> None: ask where to write.
SaveChooser = Callable[[QWidget, Path, Callable[[Path], None]], None]


def documents_folder() -> Path:
    """The user's documents folder (a test location when Qt's test mode is on)."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(location) if location else Path.home()


def choose_file_to_import(parent: QWidget, done: Callable[[Path], None]) -> None:
    """Ask for a CSV export from another app (or from us) to import."""
    dialog = QFileDialog(parent, "Import a CSV file", str(documents_folder()), CSV_FILTER)
    dialog.setObjectName("importFileDialog")
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    _open(dialog, done)


def choose_export_target(parent: QWidget, suggested: Path, done: Callable[[Path], None]) -> None:
    """Ask where to write an export, starting from the suggested folder and name."""
    dialog = QFileDialog(parent, "Export to a CSV file", str(suggested), CSV_FILTER)
    dialog.setObjectName("exportFileDialog")
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix("csv")
    dialog.selectFile(suggested.name)
    _open(dialog, done)


def _open(dialog: QFileDialog, done: Callable[[Path], None]) -> None:
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.fileSelected.connect(lambda chosen: done(Path(chosen)) if chosen else None)
    dialog.open()
