"""Past sessions (newest first, paged as the table scrolls) above the sets and notes of the selected one."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QLabel, QSplitter, QTableView, QVBoxLayout, QWidget

from gym_companion.domain.model import WeightUnit
from gym_companion.services.context import AppContext
from gym_companion.ui.history.sessions_view import (
    SessionSetsModel,
    SessionsTableModel,
    session_notes_text,
    session_title,
)
from gym_companion.ui.theme import Colors


class SessionsPanel(QWidget):
    """The sessions table and the selected session's sets; selecting a row shows that session."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionsPanel")
        self._context = context
        self.unit = WeightUnit.KG
        self.sessions_model = SessionsTableModel(context.history_series.sessions, self)
        self.sessions_table = _table("sessionsTable", self.sessions_model)
        self.sessions_table.selectionModel().currentRowChanged.connect(self._session_changed)
        self.sessions_title = QLabel("Past sessions")
        self.sessions_title.setProperty("role", "title")
        self.detail_model = SessionSetsModel(self)
        self.detail_model.e1rm_basis = context.history_series.e1rm_basis  # as on the e1RM chart
        self.session_detail = _table("sessionDetail", self.detail_model)
        self.detail_title = QLabel("Select a session to see its sets")
        self.detail_title.setObjectName("sessionDetailTitle")
        self.detail_title.setProperty("role", "title")
        self.session_notes = QLabel()  # the workout's and its exercises' notes, when there are any
        self.session_notes.setObjectName("sessionNotes")
        self.session_notes.setWordWrap(True)
        self.session_notes.hide()
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(_block(self.sessions_table, self.sessions_title))
        split.addWidget(_block(self.session_detail, self.detail_title, self.session_notes))
        split.setSizes([380, 320])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)

    def reload(self, unit: WeightUnit) -> None:
        """Read the newest page of sessions again and show the newest one's sets."""
        self.unit = unit
        self.sessions_model.reload(unit)
        self.sessions_table.resizeColumnsToContents()
        self.sessions_table.horizontalHeader().setStretchLastSection(True)
        if self.sessions_model.rowCount() > 0:
            self.sessions_table.selectionModel().setCurrentIndex(
                self.sessions_model.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
        else:
            self.clear()

    def clear(self) -> None:
        """No history: empty tables."""
        self.sessions_model.clear()
        self.detail_model.show_sets([], {}, self.unit)

    def apply_palette(self, palette: Colors) -> None:
        """Failure sets and warm-ups in the theme's colours."""
        self.detail_model.failure_color = QColor(palette.failure)
        self.detail_model.muted_color = QColor(palette.muted)

    def _session_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        summary = self.sessions_model.session_at(current.row())
        if summary is None:
            return
        sets = self._context.history.session_sets(summary.id)
        names = {i: e.name for i, e in self._context.catalog.by_id().items()}
        reader = self._context.workout_notes
        notes = reader.for_session(summary.id) if reader is not None else None
        self.detail_model.show_sets(sets, names, self.unit, notes.by_exercise_order if notes else None)
        self.session_notes.setText(session_notes_text(notes, names) if notes else "")
        self.session_notes.setVisible(bool(self.session_notes.text()))
        self.session_detail.resizeColumnsToContents()
        started = summary.started_at.astimezone()
        self.detail_title.setText(f"{session_title(summary)} — {started:%a %d %b %Y}")


def _block(body: QWidget, *titles: QWidget) -> QWidget:
    """Titles stacked above a table."""
    block = QWidget()
    layout = QVBoxLayout(block)
    layout.setContentsMargins(0, 4, 0, 0)
    for title in titles:
        layout.addWidget(title)
    layout.addWidget(body, 1)
    return block


def _table(name: str, model: SessionsTableModel | SessionSetsModel) -> QTableView:
    """A read-only, row-selecting table view over a model."""
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    return table
