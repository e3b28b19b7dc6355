"""The import wizard's last pages: the import itself (off the UI thread, cancellable), then its summary."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from gym_companion.services.transfer import ImportCancelled, ImportSummary
from gym_companion.ui.exchange.import_state import ImportState, plural, problem_text, skipped_text
from gym_companion.ui.exchange.worker import BackgroundJob, Progress, ProgressHook

STOPPED_TEXT = "Import stopped. Nothing was written: your history is as it was."


class RunPage(QWizardPage):
    """Runs the import with a progress bar. Cancel (or Esc) stops it; a stop or failure changes nothing,
    says so, and offers to try again. `outcome` carries the summary or the error."""

    outcome = Signal(object)

    def __init__(self, state: ImportState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self._job: BackgroundJob | None = None
        self.progress_hook: ProgressHook | None = None  # test seam, see worker.ProgressHook
        self.setObjectName("importRunPage")
        self.setTitle("Importing")
        self.setSubTitle("Everything is written in one go at the end, so stopping early changes nothing.")
        self.status = QLabel()
        self.status.setObjectName("importStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.bar = QProgressBar()
        self.bar.setObjectName("importProgress")
        self.bar.setFormat("%p %")
        self.bar.setToolTip("Rows of the file read so far; the sets are saved together at the end")
        self.retry = QPushButton("&Try again")
        self.retry.setObjectName("importRetry")
        self.retry.setAutoDefault(False)
        self.retry.clicked.connect(self.start)
        self.retry.hide()
        retry_row = QHBoxLayout()
        retry_row.addWidget(self.retry)
        retry_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.bar)
        layout.addLayout(retry_row)
        layout.addStretch(1)

    @property
    def running(self) -> bool:
        """Whether an import is under way."""
        return self._job is not None

    def initializePage(self) -> None:
        """Arriving here (after Import on the mapping page) starts the import."""
        self.start()

    def isComplete(self) -> bool:
        """Done once the import succeeded (the wizard then moves on by itself)."""
        return self._state.summary is not None

    def start(self) -> None:
        """Start (or restart) the import with the answers on the earlier pages."""
        state = self._state
        if self._job is not None or state.path is None or state.preview is None:
            return
        service, path, fmt = state.service, state.path, state.fmt
        unit = state.unit if state.preview.unit_needed else None
        mapping = dict(state.mapping)
        new_exercises = dict(state.new_exercises)

        def work(progress: Progress) -> object:
            return service.import_file(
                path, fmt, unit, mapping=mapping, progress=progress, new_exercises=new_exercises
            )

        state.summary = None
        self.retry.hide()
        self.bar.setRange(0, 0)  # busy until the first report says how many rows there are
        self.bar.show()
        self.status.setProperty("role", "")
        self._restyle()
        self.status.setText(f"Reading {state.path.name} and saving {plural(state.preview.sets, 'set')}…")
        job = BackgroundJob(work, self.progress_hook)
        job.progressed.connect(self._progressed)
        job.done.connect(self._done)
        self._job = job
        job.start()

    def cancel(self) -> bool:
        """Ask a running import to stop; False when none is running."""
        if self._job is None:
            return False
        self._job.cancel()
        self.status.setText("Stopping… nothing will be written.")
        return True

    def shutdown(self) -> None:
        """Stop a running import and wait for its thread (the window is closing)."""
        job = self._job
        if job is not None:
            job.cancel()
            job.wait()

    def _progressed(self, done: int, total: int) -> None:
        if self._job is None or self._job.cancelled:
            return
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, total))
        self.status.setText(f"Imported {done:,} of {plural(total, 'row')}…")

    def _done(self, outcome: object) -> None:
        job = self._job
        if job is not None:
            job.wait()
        self._job = None
        if isinstance(outcome, ImportSummary):
            self._state.summary = outcome
            self.bar.setRange(0, 1)
            self.bar.setValue(1)
            self.status.setText("Done.")
            self.completeChanged.emit()
        else:
            self.bar.hide()
            self.status.setProperty("role", "" if isinstance(outcome, ImportCancelled) else "error")
            self._restyle()
            if isinstance(outcome, ImportCancelled):
                self.status.setText(STOPPED_TEXT)
            else:
                error = outcome if isinstance(outcome, Exception) else RuntimeError(str(outcome))
                self.status.setText(f"The import failed, and nothing was written. {problem_text(error)}")
            self.retry.show()
            self.retry.setFocus()
        self.outcome.emit(outcome)

    def _restyle(self) -> None:
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)


class DonePage(QWizardPage):
    """What the import did: the summary sentence, the exercises it created, the rows it skipped."""

    def __init__(self, state: ImportState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self.setObjectName("importDonePage")
        self.setTitle("Import finished")
        self.sentence = QLabel()
        self.sentence.setObjectName("importSummary")
        self.sentence.setWordWrap(True)
        self.sentence.setStyleSheet("font-size: 13pt;")
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.created = QLabel()
        self.created.setObjectName("importCreated")
        self.created.setWordWrap(True)
        self.skipped = QLabel()
        self.skipped.setObjectName("importSkippedRows")
        self.skipped.setProperty("role", "muted")
        self.skipped.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.sentence)
        layout.addSpacing(10)
        layout.addWidget(self.created)
        layout.addWidget(self.skipped)
        layout.addStretch(1)

    def initializePage(self) -> None:
        """Fill in from the summary."""
        summary = self._state.summary
        assert summary is not None
        self.setSubTitle("Your history, charts and recovery now include the imported workouts.")
        self.sentence.setText(summary.sentence())
        names = summary.exercises_created
        self.created.setText(
            f"<b>New exercises of your own ({len(names):,}):</b><ul style='margin: 0'>"
            + "".join(f"<li>{html.escape(name)}</li>" for name in names)
            + "</ul>"
            if names
            else "No new exercises were needed: every name went to a library exercise."
        )
        self.created.setToolTip(
            "Names the library did not know became your own exercises: Edit › Exercises… (Ctrl+Shift+L) "
            "shows them and changes their muscles."
        )
        skipped = skipped_text(summary.skipped)
        self.skipped.setText(skipped)
        self.skipped.setVisible(bool(skipped))
