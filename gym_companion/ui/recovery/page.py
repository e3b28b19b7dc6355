"""The Recovery page: what is ready today, per-muscle recovery with its inputs, the failure budget, events."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QColor, QFontMetrics, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gym_companion.domain.model import Muscle
from gym_companion.domain.recovery import ReadinessBand
from gym_companion.services.context import AppContext
from gym_companion.services.recovery_board import RecoveryReport
from gym_companion.services.recovery_projection import current_fatigue, event_outlooks
from gym_companion.ui.recovery.bar_delegate import PercentBarDelegate
from gym_companion.ui.recovery.body_map import BodyMap
from gym_companion.ui.recovery.events_panel import EventsPanel
from gym_companion.ui.recovery.projection_chart import ProjectionChart
from gym_companion.ui.recovery.table_model import (
    MUSCLE_ROLE,
    Column,
    RecoverySortProxy,
    RecoveryTableModel,
)
from gym_companion.ui.recovery.wording import STYLE_LABELS
from gym_companion.ui.theme import colors

# Recovery changes with the clock, not only with new sets: showing the page again after this long recomputes.
STALE_AFTER = timedelta(minutes=5)
_CELL_PADDING = 14  # the style's cell margins, in pixels
_SORT_ARROW = 22  # room a header keeps for the sort indicator


class RecoveryPage(QWidget):
    """Per-muscle readiness from the recovery model, explained; recomputed when shown after sets changed."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryPage")
        self._context = context
        self._palette = colors()
        self._stale = True
        self._computed_at: datetime | None = None
        self._has_history = False
        self._selected: Muscle | None = None
        self.report: RecoveryReport | None = None

        self.ready_label = QLabel()
        self.ready_label.setObjectName("readyTodayLabel")
        self.ready_label.setWordWrap(True)
        self.ready_label.setStyleSheet(f"font-size: 22pt; font-weight: 700; color: {self._palette.ready};")
        self.no_failure_label = QLabel()
        self.no_failure_label.setObjectName("noFailureLabel")
        self.no_failure_label.setWordWrap(True)
        self.no_failure_label.setStyleSheet(f"font-size: 14pt; color: {self._palette.caution};")
        self.note_label = QLabel()
        self.note_label.setObjectName("recoveryNote")
        self.note_label.setWordWrap(True)
        self.note_label.setProperty("role", "muted")
        self.note_label.hide()

        self.budget_label = QLabel()
        self.budget_label.setObjectName("failureBudgetLabel")
        self.budget_label.setWordWrap(True)
        self.budget_bar = QProgressBar()
        self.budget_bar.setObjectName("failureBudgetBar")
        self.budget_bar.setTextVisible(False)
        self.budget_bar.setFixedHeight(14)
        self.budget_note = QLabel()
        self.budget_note.setProperty("role", "muted")
        self.budget_note.setWordWrap(True)
        self.budget_frame = QFrame()
        self.budget_frame.setObjectName("failureBudget")

        self.model = RecoveryTableModel(self._palette, self)
        self.proxy = RecoverySortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("recoveryTable")
        self.table.setModel(self.proxy)
        self.table.setItemDelegateForColumn(Column.RECOVERY, PercentBarDelegate(self._palette, self.table))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.RECOVERY, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.sortIndicatorChanged.connect(self._fit_columns)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

        self.body_map = BodyMap(self._palette)
        self.body_map.muscle_clicked.connect(lambda value: self.select_muscle(Muscle(value)))
        self.chart = ProjectionChart(self._palette)
        self.events = EventsPanel(context.profile, context.now, self._palette)
        self.events.events_changed.connect(self.refresh)

        self._build_layout()

    def _build_layout(self) -> None:
        ready_title = QLabel("Ready today")
        ready_title.setProperty("role", "title")
        ready_title.setToolTip("Muscles at 90 % or more: train them as planned, failure sets allowed")
        ready_box = QVBoxLayout()
        ready_box.addWidget(ready_title)
        ready_box.addWidget(self.ready_label)
        ready_box.addWidget(self.no_failure_label)
        ready_box.addWidget(self.note_label)
        ready_box.addStretch(1)
        budget_box = QVBoxLayout(self.budget_frame)
        budget_box.setContentsMargins(0, 0, 0, 0)
        budget_box.addWidget(self.budget_label)
        budget_box.addWidget(self.budget_bar)
        budget_box.addWidget(self.budget_note)
        budget_box.addStretch(1)

        top_right = QHBoxLayout()
        top_right.addWidget(self.body_map, 0)
        top_right.addWidget(self.budget_frame, 1)
        right = QVBoxLayout()
        right.addLayout(top_right)
        right.addWidget(self.chart, 1)
        right.addWidget(self.events, 1)
        left = QVBoxLayout()
        left.addLayout(ready_box)
        left.addWidget(self.table, 1)
        columns = QHBoxLayout(self)
        columns.setContentsMargins(12, 8, 12, 8)
        columns.setSpacing(14)
        columns.addLayout(left, 2)
        columns.addLayout(right, 1)

    # --- staleness --------------------------------------------------------------------------------
    def mark_stale(self) -> None:
        """Sets changed: recompute next time the page is shown (now, if it is showing)."""
        self._stale = True
        if self.isVisible():
            self.refresh()

    def refresh_if_stale(self) -> None:
        """Recompute when sets changed or the numbers have aged (recovery moves with the clock)."""
        aged = self._computed_at is None or self._context.now() - self._computed_at >= STALE_AFTER
        if self._stale or aged:
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        """Shown directly (not through the tab bar): make sure the numbers are current."""
        super().showEvent(event)
        self.refresh_if_stale()

    # --- refresh ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Recompute the report and show it."""
        report = self._context.recovery.report()
        speed = self._context.profile.settings.recovery_speed
        self.report = report
        self._stale = False
        self._computed_at = report.computed_at
        now = report.computed_at
        fatigue = {row.recovery.muscle: current_fatigue(row.recovery, speed) for row in report.rows}
        self.model.set_rows(report.rows, fatigue, now, speed)
        self._fit_columns()
        self._show_ready(report)
        self._show_budget(report)
        self.events.show_events(event_outlooks(report), now)
        self._select(self._selected or self._default_muscle(report))

    def _fit_columns(self, *_sort: object) -> None:
        """Columns as wide as their words (the sorted one with room for its arrow): the table fits at 1366 px.

        Measured from the texts rather than with sizeHintForColumn, which asks the model for every role
        of every cell and costs more than the rest of the refresh.
        """
        header_metrics = self.table.horizontalHeader().fontMetrics()
        sorted_by = self.table.horizontalHeader().sortIndicatorSection()
        plain = self.table.fontMetrics()
        bold_font = self.table.font()
        bold_font.setBold(True)
        bold = QFontMetrics(bold_font)
        for column in Column:
            header = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = max(header_metrics.horizontalAdvance(line) for line in header.split("\n"))
            if column == sorted_by:
                width += _SORT_ARROW
            metrics = bold if column in (Column.MUSCLE, Column.STATUS, Column.RECOVERY) else plain
            for text in self.model.texts(column):
                width = max(width, metrics.horizontalAdvance(text))
            self.table.setColumnWidth(column, width + _CELL_PADDING)

    def _show_ready(self, report: RecoveryReport) -> None:
        ready = report.ready_today
        self.ready_label.setText("  ·  ".join(m.label for m in ready) if ready else "Nothing at 90 % yet")
        no_failure = [r.recovery.muscle for r in report.rows if r.recovery.band is ReadinessBand.NO_FAILURE]
        self.no_failure_label.setText(
            "Train without failure: " + ", ".join(m.label for m in no_failure) if no_failure else ""
        )
        self.no_failure_label.setVisible(bool(no_failure))
        trained = any(r.recovery.last_trained is not None for r in report.rows)
        if trained:
            self._has_history = True
            self.note_label.hide()
            return
        if not self._has_history:
            self._has_history = bool(self._context.history.sessions(limit=1))
        self.note_label.setText(
            "No sets in the last two weeks, so every muscle counts as fully recovered."
            if self._has_history
            else "Nothing logged yet, so every muscle counts as fully recovered. Log a workout on the "
            "Session page and this page will show how each muscle recovers and when it is ready again."
        )
        self.note_label.show()

    def _show_budget(self, report: RecoveryReport) -> None:
        settings = self._context.profile.settings
        # F15: failure features can be turned off entirely.
        self.budget_frame.setVisible(settings.failure_features)
        count, cap = report.failure_sets_this_week, report.failure_cap
        style = STYLE_LABELS[settings.training_style]
        self.budget_label.setText(f"Failure sets this week: {count} of {cap} ({style})")
        self.budget_bar.setRange(0, max(cap, count, 1))
        self.budget_bar.setValue(count)
        p = self._palette
        colour = p.rest if count > cap else p.caution if count == cap else p.accent
        self.budget_bar.setStyleSheet(
            f"QProgressBar {{ border: none; border-radius: 7px; background: {_translucent(p.muted, 0.2)}; }}"
            f"QProgressBar::chunk {{ border-radius: 7px; background: {colour}; }}"
        )
        over = count - cap
        self.budget_note.setText(
            f"{over} over the weekly cap: keep the rest of this week's sets short of failure "
            "(rules F10, F11)."
            if over > 0
            else "Cap reached: no more failure sets this week (rule F11)."
            if over == 0
            else f"The cap for a {style} lifter; change it or your training style in "
            "Edit › Preferences (Ctrl+,) — rule F11."
        )
        self.budget_label.setStyleSheet(
            f"font-size: 13pt; font-weight: 600; color: {p.rest if over > 0 else p.text};"
        )

    # --- selection --------------------------------------------------------------------------------
    def _default_muscle(self, report: RecoveryReport) -> Muscle:
        """The least recovered muscle is the one worth a look; when all are rested, the table's top row."""
        tired = min(report.rows, key=lambda r: (r.recovery.percent, r.recovery.muscle.label)).recovery
        if tired.band is not ReadinessBand.READY:
            return tired.muscle
        return Muscle(self.proxy.index(0, Column.MUSCLE).data(MUSCLE_ROLE))

    def select_muscle(self, muscle: Muscle) -> None:
        """Select a muscle's row; the projection follows."""
        self._select(muscle)

    def _select(self, muscle: Muscle) -> None:
        source_row = self.model.row_for(muscle)
        if source_row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        selection = self.table.selectionModel()
        moved = selection.currentIndex().row() != index.row()
        selection.setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        if not moved:  # currentRowChanged only fires when the row moves; the numbers changed anyway
            self._show_projection(muscle)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        value = current.data(MUSCLE_ROLE)
        if isinstance(value, str):
            self._show_projection(Muscle(value))

    def _show_projection(self, muscle: Muscle) -> None:
        report = self.report
        if report is None:
            return
        self._selected = muscle
        row = next(r for r in report.rows if r.recovery.muscle is muscle)
        speed = self._context.profile.settings.recovery_speed
        self.chart.show_muscle(row.recovery, report.computed_at, speed, report.upcoming_events)
        self.body_map.show_recovery({r.recovery.muscle: r.recovery for r in report.rows}, muscle)


def _translucent(colour: str, alpha: float) -> str:
    """A theme colour as a style-sheet rgba() (an 8-digit hex in a style sheet means #AARRGGBB)."""
    c = QColor(colour)
    return f"rgba({c.red()}, {c.green()}, {c.blue()}, {alpha})"
