"""First page of the import wizard: choose the file, see what was detected and what is in it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from gym_companion.services.transfer import ImportPreview, TransferError, TransferService
from gym_companion.ui.exchange.choosers import OpenChooser
from gym_companion.ui.exchange.import_state import (
    FORMAT_LABELS,
    PAGE_MAPPING,
    PAGE_UNIT,
    ImportState,
    plural,
    problem_text,
    skipped_text,
)
from gym_companion.ui.exchange.worker import BackgroundJob

PREVIEW_COLUMNS = ("Date", "Workout", "Exercises", "Sets")


class FilePage(QWizardPage):
    """Pick a file (typed, or through the chooser), optionally force its format, and preview it.

    The page is complete once the file previews without a problem; a problem is shown in place, with
    the line it is on, and Next stays disabled. `preview_finished` follows every preview attempt.
    """

    preview_finished = Signal()

    def __init__(self, state: ImportState, chooser: OpenChooser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self._chooser = chooser
        self._loaded_key: tuple[str, str] | None = None  # (path text, format) of the shown preview
        self._loading: tuple[str, str, Path] = ("", "auto", Path())  # what the running preview reads
        self._job: BackgroundJob | None = None
        self._pending = False
        self.setObjectName("importFilePage")
        self.setTitle("Choose a file to import")
        self.setSubTitle(
            "A CSV export from Strong, Hevy, FitNotes or Gym Companion. "
            "Nothing is written until the last step."
        )

        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("importPath")
        self.path_edit.setPlaceholderText("Type a path and press Enter, or choose a file")
        self.path_edit.setClearButtonEnabled(True)
        self.path_edit.installEventFilter(self)
        self.path_edit.textEdited.connect(lambda _text: self.completeChanged.emit())
        self.choose_button = QPushButton("&Choose…")
        self.choose_button.setObjectName("importChoose")
        self.choose_button.setAutoDefault(False)
        self.choose_button.clicked.connect(self._choose)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.choose_button)

        self.format_combo = QComboBox()
        self.format_combo.setObjectName("importFormat")
        for fmt in TransferService.FORMATS_IN:
            self.format_combo.addItem(FORMAT_LABELS.get(fmt, fmt), fmt)
        self.format_combo.setToolTip("Force a format when detection picks the wrong one")
        self.format_combo.currentIndexChanged.connect(lambda _index: self._load())
        self.detected = QLabel()
        self.detected.setObjectName("importDetected")
        self.detected.setProperty("role", "muted")
        format_row = QHBoxLayout()
        format_row.addWidget(self.format_combo)
        format_row.addWidget(self.detected, 1)

        form = QFormLayout()
        file_label = QLabel("&File:")
        file_label.setBuddy(self.path_edit)
        format_label = QLabel("F&ormat:")
        format_label.setBuddy(self.format_combo)
        form.addRow(file_label, file_row)
        form.addRow(format_label, format_row)

        self.error = QLabel()
        self.error.setObjectName("importError")
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()
        self.totals = QLabel()
        self.totals.setObjectName("importTotals")
        self.totals.setWordWrap(True)
        self.skipped = QLabel()
        self.skipped.setObjectName("importSkipped")
        self.skipped.setProperty("role", "muted")
        self.skipped.setWordWrap(True)
        self.table_title = QLabel("First sessions in the file")
        self.table = QTableWidget(0, len(PREVIEW_COLUMNS))
        self.table.setObjectName("importPreviewTable")
        self.table.setHorizontalHeaderLabels(PREVIEW_COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

        self.filler = QWidget()  # takes the table's room while there is no preview, keeping text on top
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.totals)
        layout.addWidget(self.skipped)
        layout.addWidget(self.table_title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.filler, 1)
        self._show_preview()

    # --- choosing ------------------------------------------------------------------------------
    def choose_file(self, path: Path) -> None:
        """Use this file (what the chooser calls back with) and preview it."""
        self.path_edit.setText(str(path))
        self._load()

    def _choose(self) -> None:
        self._chooser(self, self.choose_file)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the path box reads a newly typed path (or reads a failed one again, after a fix);
        once the file previewed cleanly, Enter goes on to the next page."""
        if watched is self.path_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.isComplete():
                self._load()
                return True
        return super().eventFilter(watched, event)

    # --- preview -------------------------------------------------------------------------------
    def _key(self) -> tuple[str, str]:
        return (self.path_edit.text().strip(), str(self.format_combo.currentData()))

    def _is_loaded(self) -> bool:
        return self._loaded_key is not None and self._loaded_key == self._key()

    def _load(self) -> None:
        """Preview the file named in the box with the chosen format, off the UI thread.

        One preview runs at a time; a choice made meanwhile is previewed as soon as it ends.
        """
        if self._job is not None:
            self._pending = True
            return
        text, fmt = self._key()
        self._state.preview = None
        self._loaded_key = None
        if not text:
            self._show_preview()
            self._finish_loading()
            return
        path = Path(text).expanduser()
        service = self._state.service
        self._show_preview()
        self.detected.setText("Reading the file…")
        self._loading = (text, fmt, path)
        job = BackgroundJob(lambda _progress: service.preview(path, fmt))
        job.done.connect(self._loaded)
        self._job = job
        self.completeChanged.emit()
        job.start()

    def _loaded(self, outcome: object) -> None:
        job, self._job = self._job, None
        if job is not None:
            job.wait()
        if self._pending:  # the file or format changed while reading: read the newer choice
            self._pending = False
            self._load()
            return
        text, fmt, path = self._loading
        if isinstance(outcome, ImportPreview):
            self._state.path, self._state.fmt, self._state.preview = path, fmt, outcome
            self._loaded_key = (text, fmt)
            self._show_preview()
        elif isinstance(outcome, (TransferError, OSError)):
            self._show_preview(problem_text(outcome))
        else:
            self._show_preview(f"This file cannot be read: {outcome}")
        self._finish_loading()

    def _finish_loading(self) -> None:
        self.completeChanged.emit()
        self.preview_finished.emit()

    def shutdown(self) -> None:
        """Wait for a preview still reading (the wizard is closing)."""
        if self._job is not None:
            self._job.wait()

    def _show_preview(self, problem: str = "") -> None:
        preview = self._state.preview
        self.error.setText(problem)
        self.error.setVisible(bool(problem))
        self.table.setRowCount(0)
        has_preview = preview is not None
        for widget in (self.totals, self.table_title, self.table):
            widget.setVisible(has_preview)
        self.filler.setVisible(not has_preview)
        self.skipped.setVisible(False)
        if preview is None:
            self.detected.setText("")
            return
        forced = self._state.fmt != "auto"
        self.detected.setText(f"{'Reading as' if forced else 'Detected'}: {preview.format_label}")
        new = len(preview.unknown)
        self.totals.setText(
            f"<b>{plural(preview.sessions, 'session')}</b> · <b>{plural(preview.sets, 'set')}</b> · "
            f"{plural(len(preview.exercise_names), 'exercise')}"
            + (f", {new:,} not in the library yet" if new else ", all in the library")
        )
        self.totals.setToolTip(
            "Counted from every row of the file. Sessions already in your history are recognised "
            "and not added twice."
        )
        skipped = skipped_text(preview.skipped)
        self.skipped.setText(skipped)
        self.skipped.setVisible(bool(skipped))
        self.table_title.setText(
            "First sessions in the file" if preview.first_sessions else "The file holds no sessions"
        )
        for session in preview.first_sessions:
            row = self.table.rowCount()
            self.table.insertRow(row)
            started = session.started.astimezone()
            cells = (
                f"{started:%a %d %b %Y  %H:%M}",
                session.name,
                ", ".join(session.exercises),
                f"{session.sets:,}",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)

    # --- wizard hooks --------------------------------------------------------------------------
    def isComplete(self) -> bool:
        """Next needs a file that previewed cleanly (and was not edited since)."""
        return self._job is None and self._is_loaded() and self._state.preview is not None

    def nextId(self) -> int:
        """The unit question only for files that do not say their unit."""
        preview = self._state.preview
        return PAGE_UNIT if preview is not None and preview.unit_needed else PAGE_MAPPING

    def initializePage(self) -> None:
        """Start in the path box: type a path, or Alt+C for the file dialog."""
        self.path_edit.setFocus()
