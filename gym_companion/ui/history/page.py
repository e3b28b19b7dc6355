"""The History page: e1RM per exercise over time, weekly hard sets per muscle, and past sessions.

Nothing is read until the page is first shown (start-up paints the Session page only); after that the
main window marks the page stale when data changes and it reloads the next time it is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gym_companion.domain.model import Muscle, SessionSummary, WeightUnit
from gym_companion.domain.units import format_number
from gym_companion.services.context import AppContext
from gym_companion.services.history import E1rmSeries
from gym_companion.services.history_series import HistorySeries, WeeklyHardSets, rolling_median
from gym_companion.ui.history.e1rm_chart import E1rmChart
from gym_companion.ui.history.sessions_view import SessionSetsModel, SessionsTableModel, session_title
from gym_companion.ui.history.weekly_chart import WeeklyHardSetsChart
from gym_companion.ui.theme import colors

# Going back and forth between a few lifts is instant; a series of 2,000 sets holds about 1 MB, so the
# cache stays small rather than keeping every exercise of a long history in memory.
E1RM_CACHE_SIZE = 4
EMPTY_TEXT = "No history yet — log a workout on the Session page"
# (button text, days shown, objectName); None shows everything.
RANGES: tuple[tuple[str, int | None, str], ...] = (
    ("3 months", 91, "historyRange3m"),
    ("1 year", 365, "historyRange1y"),
    ("All", None, "historyRangeAll"),
)


class HistoryPage(QWidget):
    """Progress over time: pick an exercise to see its e1RM; pick a past session to see its sets."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyPage")
        self._context = context
        # The lean chart queries; open_context may hand them out, otherwise the history service serves alone.
        self._series: HistorySeries | None = getattr(context, "history_series", None)
        self._stale = True
        self._e1rm_cache: dict[int, E1rmSeries] = {}
        self._weekly: dict[Muscle, WeeklyHardSets] = {}
        self._unit = WeightUnit.KG

        self.exercise_combo = QComboBox()
        self.exercise_combo.setObjectName("historyExercise")
        self.exercise_combo.setMinimumWidth(260)
        self.exercise_combo.setMaxVisibleItems(25)
        self.exercise_combo.currentIndexChanged.connect(self._exercise_changed)
        self.range_group = QButtonGroup(self)
        header = QHBoxLayout()
        header.addWidget(QLabel("Exercise"))
        header.addWidget(self.exercise_combo)
        header.addSpacing(12)
        for text, days, name in RANGES:
            button = QPushButton(text)
            button.setObjectName(name)
            button.setCheckable(True)
            button.setChecked(days is None)
            button.clicked.connect(lambda _checked=False, d=days: self.show_range(d))
            self.range_group.addButton(button)
            header.addWidget(button)
        header.addSpacing(12)
        self.summary = QLabel()
        self.summary.setObjectName("historySummary")
        self.summary.setProperty("role", "muted")
        self.summary.setWordWrap(True)  # narrow windows wrap the line instead of cutting it
        header.addWidget(self.summary, 1)

        self.e1rm_chart = E1rmChart()
        self.weekly_chart = WeeklyHardSetsChart()
        self.muscle_combo = QComboBox()
        self.muscle_combo.setObjectName("weeklyMuscle")
        self.muscle_combo.currentIndexChanged.connect(self._muscle_changed)
        self.weekly_note = QLabel()
        self.weekly_note.setProperty("role", "muted")
        weekly_header = QHBoxLayout()
        weekly_header.addWidget(QLabel("Hard sets per week"))
        weekly_header.addWidget(self.muscle_combo)
        weekly_header.addWidget(self.weekly_note, 1)
        self.weekly_panel = _panel(weekly_header, self.weekly_chart)
        self.weekly_panel.setVisible(self._series is not None)

        self.sessions_model = SessionsTableModel(self._session_page, self)
        self.sessions_table = _table("sessionsTable", self.sessions_model)
        self.sessions_table.selectionModel().currentRowChanged.connect(self._session_changed)
        self.sessions_title = QLabel("Past sessions")
        self.sessions_title.setProperty("role", "title")
        self.detail_model = SessionSetsModel(self)
        self.session_detail = _table("sessionDetail", self.detail_model)
        self.detail_title = QLabel("Select a session to see its sets")
        self.detail_title.setObjectName("sessionDetailTitle")
        self.detail_title.setProperty("role", "title")

        charts = QSplitter(Qt.Orientation.Vertical)
        charts.addWidget(self.e1rm_chart)
        charts.addWidget(self.weekly_panel)
        charts.setSizes([460, 240])
        lists = QSplitter(Qt.Orientation.Vertical)
        lists.addWidget(_panel(self.sessions_title, self.sessions_table))
        lists.addWidget(_panel(self.detail_title, self.session_detail))
        lists.setSizes([380, 320])
        content = QSplitter(Qt.Orientation.Horizontal)
        content.addWidget(charts)
        content.addWidget(lists)
        content.setStretchFactor(0, 3)
        content.setStretchFactor(1, 2)
        content.setSizes([720, 640])

        self.empty_label = QLabel(EMPTY_TEXT)
        self.empty_label.setObjectName("historyEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setProperty("role", "muted")
        self.empty_label.setStyleSheet("font-size: 15pt;")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(content)
        self._content = content
        self._header = QWidget()
        self._header.setLayout(header)
        layout = QVBoxLayout(self)
        layout.addWidget(self._header)
        layout.addWidget(self.stack, 1)
        self._apply_palette()

    # --- freshness ------------------------------------------------------------------------------
    def mark_stale(self) -> None:
        """Data changed: reload when the page is next shown (or now, if it is on screen)."""
        self._stale = True
        if self.isVisible():
            self.refresh()

    def refresh_if_stale(self) -> None:
        """Reload only if data changed since the last load."""
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Read everything again: exercises, the chart of the chosen one, weekly sets, sessions."""
        self._stale = False
        self._e1rm_cache.clear()
        self._unit = self._context.profile.settings.unit
        exercises = self._context.history.exercises_with_history()
        self._header.setVisible(bool(exercises))
        if not exercises:
            self.stack.setCurrentWidget(self.empty_label)
            self.sessions_model.clear()
            self.detail_model.show_sets([], {}, self._unit)
            return
        self.stack.setCurrentWidget(self._content)
        self._load_weekly(exercises[0].id if exercises[0].id is not None else -1)
        chosen = self.exercise_combo.currentData()
        self.exercise_combo.blockSignals(True)
        self.exercise_combo.clear()
        for exercise in exercises:
            self.exercise_combo.addItem(exercise.name, exercise.id)
        found = self.exercise_combo.findData(chosen) if chosen is not None else -1
        self.exercise_combo.setCurrentIndex(max(found, 0))
        self.exercise_combo.blockSignals(False)
        self._exercise_changed(self.exercise_combo.currentIndex())
        self._load_sessions()

    def show_range(self, days: int | None) -> None:
        """Show the last `days` of both charts (None: all), as the range buttons do."""
        self.e1rm_chart.show_range(days)
        self.weekly_chart.show_range(days)

    def showEvent(self, event: QShowEvent) -> None:
        """Load on first sight (and after data changed while hidden)."""
        super().showEvent(event)
        self.refresh_if_stale()

    def changeEvent(self, event: QEvent) -> None:
        """Follow the system's light/dark switch."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_palette()

    # --- e1RM -----------------------------------------------------------------------------------
    def _exercise_changed(self, index: int) -> None:
        exercise_id = self.exercise_combo.itemData(index)
        if exercise_id is None:
            return
        series = self._e1rm_cache.pop(exercise_id, None)
        if series is None:
            history = self._series if self._series is not None else self._context.history
            series = history.e1rm(exercise_id)
        self._e1rm_cache[exercise_id] = series  # most recent last
        if len(self._e1rm_cache) > E1RM_CACHE_SIZE:
            del self._e1rm_cache[next(iter(self._e1rm_cache))]
        self.e1rm_chart.show_series(series, rolling_median(series.session_best))
        self.summary.setText(self._summary_text(series))

    def _summary_text(self, series: E1rmSeries) -> str:
        name = self.exercise_combo.currentText()
        if not series.y:
            return f"No rated sets of {name} yet: rate working sets with RIR or failure to see e1RM."
        best = max(range(len(series.y)), key=series.y.__getitem__)
        when = f"{series.sets[best].logged_at.astimezone():%d %b %Y}"
        failures = sum(series.failure)
        return (
            f"Best e1RM {format_number(round(series.y[best], 1))} kg ({when}) · "
            f"{len(series.y):,} rated sets, {failures:,} to failure"
        )

    # --- weekly hard sets -----------------------------------------------------------------------
    def _load_weekly(self, first_exercise_id: int) -> None:
        """Weekly hard sets for every muscle; keep the chosen muscle, else the main exercise's first one.

        The muscle does not follow the exercise combo on purpose: redrawing both charts on every
        switch would double the switch time, and the weekly view is about the muscle, not the lift.
        """
        if self._series is None:
            return
        offset = self._context.now().astimezone().utcoffset()
        self._weekly = self._series.weekly_hard_sets(int(offset.total_seconds()) if offset else 0)
        chosen = self.muscle_combo.currentData()
        if chosen is None:
            exercise = self._context.catalog.by_id().get(first_exercise_id)
            if exercise is not None and exercise.primary_muscles:
                chosen = exercise.primary_muscles[0].value
        self.muscle_combo.blockSignals(True)
        self.muscle_combo.clear()
        for muscle in self._weekly:
            self.muscle_combo.addItem(muscle.label, muscle.value)
        self.muscle_combo.setCurrentIndex(max(0, self.muscle_combo.findData(chosen)))
        self.muscle_combo.blockSignals(False)
        self._muscle_changed(self.muscle_combo.currentIndex())

    def _muscle_changed(self, index: int) -> None:
        value = self.muscle_combo.itemData(index)
        weekly = self._weekly.get(Muscle(value)) if value is not None else None
        self.weekly_chart.show_weeks(weekly)
        if weekly is None:
            self.weekly_note.setText("")
        elif weekly.landmarks is None:
            self.weekly_note.setText(
                "No MEV/MAV/MRV landmarks for this muscle; secondary muscles count ½ set."
            )
        else:
            marks = weekly.landmarks
            self.weekly_note.setText(
                f"Green band: MAV {marks.mav_low}–{marks.mav_high} · secondary muscles count ½ set"
            )

    # --- sessions -------------------------------------------------------------------------------
    def _session_page(self, limit: int, offset: int) -> list[SessionSummary]:
        if self._series is not None:
            return self._series.sessions(limit, offset)
        return self._context.history.sessions(limit, offset)

    def _load_sessions(self) -> None:
        self.sessions_model.reload(self._unit)
        self.sessions_table.resizeColumnsToContents()
        self.sessions_table.horizontalHeader().setStretchLastSection(True)
        if self.sessions_model.rowCount() > 0:
            self.sessions_table.selectionModel().setCurrentIndex(
                self.sessions_model.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
        else:
            self.detail_model.show_sets([], {}, self._unit)

    def _session_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        summary = self.sessions_model.session_at(current.row())
        if summary is None:
            return
        sets = self._context.history.session_sets(summary.id)
        names = {i: e.name for i, e in self._context.catalog.by_id().items()}
        self.detail_model.show_sets(sets, names, self._unit)
        self.session_detail.resizeColumnsToContents()
        started = summary.started_at.astimezone()
        self.detail_title.setText(f"{session_title(summary)} — {started:%a %d %b %Y}")

    # --- looks ----------------------------------------------------------------------------------
    def _apply_palette(self) -> None:
        palette = colors()
        self.e1rm_chart.apply_palette(palette)
        self.weekly_chart.apply_palette(palette)
        self.detail_model.failure_color = QColor(palette.failure)
        self.detail_model.muted_color = QColor(palette.muted)


def _panel(title: QWidget | QHBoxLayout, body: QWidget) -> QWidget:
    """A titled block: a label (or a row of controls) above a chart or table."""
    panel = QWidget()
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(0, 4, 0, 0)
    if isinstance(title, QHBoxLayout):
        layout.addLayout(title)
    else:
        layout.addWidget(title)
    layout.addWidget(body, 1)
    return panel


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
