"""The History page: progress charts (e1RM per exercise, weekly volume per muscle, bodyweight), personal
records, and past sessions — over a date range every chart follows, with export of charts and of the range.

Nothing is read until the page is first shown (start-up paints the Session page only); after that the
main window marks the page stale when data changes and it reloads the next time it is shown. Each chart or
list lives in its own module; this page lays them out in tabs and feeds them. Records are read only
while their tab is on screen: switching exercises stays a matter of one lean query and a redraw.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gym_companion.domain.model import Muscle, WeightUnit
from gym_companion.domain.records import Record
from gym_companion.domain.units import format_number, to_unit
from gym_companion.services.context import AppContext
from gym_companion.services.history_series import BodyweightSeries, E1rmSeries, rolling_median
from gym_companion.services.records import ExerciseRecords
from gym_companion.services.session_progress import SessionProgress
from gym_companion.ui.history.bodyweight_chart import BodyweightChart
from gym_companion.ui.history.chart_base import EXPORT_CHART_KEYS, HistoryChart, Window
from gym_companion.ui.history.chart_export import (
    ChartFileChooser,
    choose_chart_file,
    export_chart,
    pictures_folder,
)
from gym_companion.ui.history.exercise_panel import ExercisePanel
from gym_companion.ui.history.exercise_summary import SUMMARY_TIP, summary_text
from gym_companion.ui.history.muscle_panel import MusclePanel
from gym_companion.ui.history.range_bar import RangeBar
from gym_companion.ui.history.records_panel import RecordsPanel
from gym_companion.ui.history.rir_accuracy_chart import RirAccuracyPanel
from gym_companion.ui.history.sessions_panel import SessionsPanel
from gym_companion.ui.theme import colors

# Going back and forth between a few lifts is instant; a series of 2,000 sets holds well under 1 MB, so
# the cache stays small rather than keeping every exercise of a long history in memory.
E1RM_CACHE_SIZE = 4
EMPTY_TEXT = "No history yet — log a workout on the Session page"
NO_WEIGH_INS = "No weigh-ins yet. Log your bodyweight to see its trend here."


class HistoryPage(QWidget):
    """Progress over time: pick an exercise, a muscle, a range; see records and past sessions.

    `exportCsvRequested(start, end)` asks for the CSV export of the range on screen: aware datetimes,
    `end` the last moment included; both None for all history.
    """

    exportCsvRequested = Signal(object, object)  # noqa: N815 - Qt signal naming

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        choose_file: ChartFileChooser = choose_chart_file,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("historyPage")
        self._context = context
        self._choose_file = choose_file
        self._stale = True
        self._e1rm_cache: dict[int, tuple[E1rmSeries, SessionProgress]] = {}
        self._records_cache: dict[int, ExerciseRecords] = {}
        self._unit = WeightUnit.KG

        self.exercise_combo = QComboBox()
        self.exercise_combo.setObjectName("historyExercise")
        self.exercise_combo.setMinimumWidth(240)
        self.exercise_combo.setMaxVisibleItems(25)
        self.exercise_combo.setToolTip("The exercise whose e1RM and records are shown (most trained first)")
        self.exercise_combo.currentIndexChanged.connect(self._exercise_changed)
        self.range_bar = RangeBar(context.now)
        self.range_bar.windowChanged.connect(self._window_changed)
        self.export_chart_button = QPushButton("Export chart…")
        self.export_chart_button.setObjectName("exportChartButton")
        self.export_chart_button.setToolTip(f"Save the chart on screen as PNG or SVG ({EXPORT_CHART_KEYS})")
        self.export_chart_button.clicked.connect(self.export_current_chart)
        self.export_csv_button = QPushButton("Export CSV…")
        self.export_csv_button.setObjectName("exportCsvButton")
        self.export_csv_button.setToolTip("Write the workouts of the range on screen to a CSV file")
        self.export_csv_button.clicked.connect(self.request_csv_export)
        header = QHBoxLayout()
        header.addWidget(QLabel("Exercise"))
        header.addWidget(self.exercise_combo)
        header.addSpacing(10)
        header.addWidget(self.range_bar)
        header.addStretch(1)
        header.addWidget(self.export_chart_button)
        header.addWidget(self.export_csv_button)
        self.status = QLabel()  # what the last export did
        self.status.setObjectName("historyStatus")
        self.status.setProperty("role", "muted")

        self.exercise_panel = ExercisePanel()  # summary line, e1RM chart, top set or volume per session
        self.e1rm_chart = self.exercise_panel.e1rm_chart
        self.summary = self.exercise_panel.summary
        self.summary.setToolTip(SUMMARY_TIP)
        self._summary_series: E1rmSeries | None = None  # the exercise shown, re-summarised per range
        self.muscles = MusclePanel()
        self.bodyweight_chart = BodyweightChart()
        self.bodyweight_note = QLabel()
        self.bodyweight_note.setObjectName("bodyweightNote")
        self.bodyweight_note.setProperty("role", "muted")
        self.bodyweight_note.setWordWrap(True)
        self.rir_accuracy = RirAccuracyPanel()
        self.charts: list[HistoryChart] = [
            self.e1rm_chart,
            self.exercise_panel.progress_chart,
            self.muscles.chart,
            self.bodyweight_chart,
            self.rir_accuracy.chart,
        ]
        for chart in self.charts:
            chart.exportRequested.connect(self.export_chart)
        # One tab per chart; another chart joins with chart_tabs.addTab and self.charts.append.
        self.chart_tabs = QTabWidget()
        self.chart_tabs.setObjectName("historyCharts")
        self.chart_tabs.setDocumentMode(True)
        self.chart_tabs.addTab(self.exercise_panel, "Exercise")
        self.chart_tabs.addTab(self.muscles, "Muscles")
        self.chart_tabs.addTab(_stack(self.bodyweight_note, self.bodyweight_chart), "Bodyweight")
        self.chart_tabs.setTabToolTip(
            0, "e1RM per set (RIR-adjusted), session bests, trend, failure sets, PRs; top set or volume"
        )
        self.chart_tabs.setTabToolTip(1, "Hard sets, failure sets and tonnage per week, per muscle")
        self.chart_tabs.setTabToolTip(2, "Weigh-ins and their smoothed trend")
        self.chart_tabs.addTab(self.rir_accuracy, "RIR accuracy")
        self.chart_tabs.setTabToolTip(
            3, "How far your RIR ratings were off, month by month, from your failure sets"
        )

        self.sessions = SessionsPanel(context)
        self.records = RecordsPanel(self._recent_records, self._exercise_names)
        self.side_tabs = QTabWidget()
        self.side_tabs.setObjectName("historySide")
        self.side_tabs.setDocumentMode(True)
        self.side_tabs.addTab(self.sessions, "Sessions")
        self.side_tabs.addTab(self.records, "Records")
        self.side_tabs.currentChanged.connect(lambda _index: self._load_records())

        content = QSplitter(Qt.Orientation.Horizontal)
        content.addWidget(self.chart_tabs)
        content.addWidget(self.side_tabs)
        content.setStretchFactor(0, 3)
        content.setStretchFactor(1, 2)
        content.setSizes([720, 646])  # the sessions table shows all its columns at 1366 px
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
        layout.addWidget(self.status)
        layout.addWidget(self.stack, 1)
        self.status.hide()
        shortcut = QShortcut(QKeySequence(EXPORT_CHART_KEYS), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.export_current_chart)
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
        """Read everything again: exercises, the chosen one's chart, weekly volume, bodyweight, sessions."""
        self._stale = False
        self._e1rm_cache.clear()
        self._records_cache.clear()
        self._unit = self._context.profile.settings.unit
        for chart in self.charts:
            chart.set_unit(self._unit)
        exercises = self._context.history.exercises_with_history()
        self._header.setVisible(bool(exercises))
        if not exercises:
            self.stack.setCurrentWidget(self.empty_label)
            self.sessions.clear()
            return
        self.stack.setCurrentWidget(self._content)
        bodyweight = self._context.history_series.bodyweight()
        first = self._context.history_series.first_workout_start()
        starts = [
            t for t in (first.timestamp() if first else None, bodyweight.x[0] if bodyweight.x else None) if t
        ]
        first_day = datetime.fromtimestamp(min(starts), UTC).astimezone().date() if starts else None
        self.range_bar.set_first_day(first_day)
        chosen = self.exercise_combo.currentData()
        self.exercise_combo.blockSignals(True)
        self.exercise_combo.clear()
        for exercise in exercises:
            self.exercise_combo.addItem(exercise.name, exercise.id)
        found = self.exercise_combo.findData(chosen) if chosen is not None else -1
        self.exercise_combo.setCurrentIndex(max(found, 0))
        self.exercise_combo.blockSignals(False)
        self._load_weekly(exercises[0].primary_muscles[0] if exercises[0].primary_muscles else None)
        self._load_bodyweight(bodyweight)
        calibration = self._context.calibration
        self.rir_accuracy.show_report(
            calibration.current() if calibration is not None else None,
            self._context.profile.settings.calibrate_rir,
        )
        self._exercise_changed(self.exercise_combo.currentIndex())
        self.sessions.reload(self._unit)
        self.records.unit = self._unit
        if self.side_tabs.currentWidget() is self.records:
            self.records.show_recent()

    def show_range(self, days: int | None) -> None:
        """Show the last `days` up to today in every chart (None: all), as the range buttons do."""
        self.range_bar.choose(days)

    def showEvent(self, event: QShowEvent) -> None:
        """Load on first sight (and after data changed while hidden)."""
        super().showEvent(event)
        self.refresh_if_stale()

    def changeEvent(self, event: QEvent) -> None:
        """Follow the system's light/dark switch."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_palette()

    # --- range and export -----------------------------------------------------------------------
    def _window_changed(self, window: Window) -> None:
        for chart in self.charts:
            chart.show_window(window)
        if self._summary_series is not None:  # the summary counts the range on screen
            self.summary.setText(self._summary_text(self._summary_series))

    def request_csv_export(self) -> None:
        """Ask for the CSV export of the range on screen (exportCsvRequested)."""
        if self.range_bar.shows_all:
            self.exportCsvRequested.emit(None, None)
            return
        start, end = self.range_bar.time_span
        self.exportCsvRequested.emit(
            None if start is None else datetime.fromtimestamp(start, UTC),
            None if end is None else datetime.fromtimestamp(end, UTC) - timedelta(microseconds=1),
        )

    def current_chart(self) -> HistoryChart:
        """The chart on screen in the chart tabs."""
        widget = self.chart_tabs.currentWidget()
        found = [chart for chart in self.charts if chart is widget or widget.isAncestorOf(chart)]
        return found[0] if found else self.e1rm_chart

    def export_current_chart(self) -> None:
        """Export the chart on screen (the button and the shortcut)."""
        self.export_chart(self.current_chart())

    def export_chart(self, chart: HistoryChart | None = None) -> None:
        """Ask where to save `chart` (default: the one on screen) and write it as PNG or SVG."""
        target = chart if chart is not None else self.current_chart()
        exercise_charts = (self.e1rm_chart, self.exercise_panel.progress_chart)
        subject = self.exercise_combo.currentText() if target in exercise_charts else ""
        if target is self.muscles.chart:
            subject = self.muscles.muscle_combo.currentText()
        today = self._context.now().astimezone().date()
        stem = "-".join(p for p in (target.export_name, subject.lower().replace(" ", "-"), f"{today}") if p)
        days = f"{self.range_bar.from_edit.text()} – {self.range_bar.to_edit.text()}"
        title = f"{subject} — {target.y_label} · {days}" if subject else f"{target.y_label} · {days}"
        self._choose_file(
            self, pictures_folder() / f"{stem}.png", lambda path: self._write_chart(target, path, title)
        )

    def _write_chart(self, chart: HistoryChart, path: Path, title: str) -> None:
        chart.hide_hover()
        try:
            written = export_chart(chart, path, title)
        except OSError as exc:
            self.status.setText(f"The chart was not saved: {exc}")
        else:
            self.status.setText(f"Chart saved to {written}")
        self.status.show()

    # --- e1RM and records -----------------------------------------------------------------------
    def _exercise_changed(self, index: int) -> None:
        exercise_id = self.exercise_combo.itemData(index)
        if exercise_id is None:
            return
        cached = self._e1rm_cache.pop(exercise_id, None)
        if cached is None:
            cached = self._context.history_series.exercise(exercise_id)
        self._e1rm_cache[exercise_id] = cached  # most recent last
        if len(self._e1rm_cache) > E1RM_CACHE_SIZE:
            del self._e1rm_cache[next(iter(self._e1rm_cache))]
        series, progress = cached
        self.e1rm_chart.show_series(series, rolling_median(series.session_best))
        self.exercise_panel.show_progress(progress)
        self._summary_series = series
        self.summary.setText(self._summary_text(series))
        self._load_records()

    def _summary_text(self, series: E1rmSeries) -> str:
        name, bar = self.exercise_combo.currentText(), self.range_bar
        window = (None, None) if bar.shows_all else bar.time_span  # All: every set, including one just logged
        return summary_text(name, series, self._unit, window, bar.range_name)

    def _load_records(self) -> None:
        """Fill the Records tab if it is on screen (it costs a query; the switch should not pay it)."""
        if self.side_tabs.currentWidget() is not self.records or self._stale:
            return
        exercise_id = self.exercise_combo.currentData()
        if exercise_id is None:
            return
        records = self._records_cache.get(exercise_id)
        if records is None:
            records = self._records_cache[exercise_id] = self._context.records.for_exercise(exercise_id)
        self.records.show_exercise(self.exercise_combo.currentText(), records, self._unit)
        if self.records.recent_table.rowCount() == 0 and not self.records.recent_empty.text():
            self.records.show_recent()

    def _recent_records(self, days: int) -> list[Record]:
        return self._context.records.recent(self._context.now() - timedelta(days=days))

    def _exercise_names(self) -> dict[int, str]:
        return {i: e.name for i, e in self._context.catalog.by_id().items()}

    # --- weekly volume and bodyweight -----------------------------------------------------------
    def _load_weekly(self, prefer: Muscle | None) -> None:
        """Weekly volume for every muscle; the muscle shown stays, else the main exercise's first one.

        The muscle does not follow the exercise combo on purpose: redrawing both charts on every switch
        would double the switch time, and the weekly view is about the muscle, not the lift.
        """
        offset = self._context.now().astimezone().utcoffset()
        volume = self._context.history_series.weekly_volume(int(offset.total_seconds()) if offset else 0)
        cap = self._context.profile.settings.effective_failure_cap
        self.muscles.show_volume(volume, cap, self._unit, prefer)

    def _load_bodyweight(self, series: BodyweightSeries) -> None:
        self.bodyweight_chart.show_series(series)
        if series.kg:
            latest, trend = series.kg[-1], series.trend_kg[-1]
            self.bodyweight_note.setText(
                f"Latest {format_number(round(to_unit(latest, self._unit), 1))} {self._unit.value} · "
                f"trend {format_number(round(to_unit(trend, self._unit), 1))} {self._unit.value}"
            )
            self.bodyweight_note.setToolTip(
                "The trend moves 10 % of the way to each day's weigh-in (The Hacker's Diet), "
                "so a salty meal or a hot day barely moves it"
            )
        else:
            self.bodyweight_note.setText(NO_WEIGH_INS)

    # --- looks ----------------------------------------------------------------------------------
    def _apply_palette(self) -> None:
        palette = colors()
        for chart in self.charts:
            chart.apply_palette(palette)
        self.sessions.apply_palette(palette)


def _stack(top: QWidget, body: QWidget) -> QWidget:
    """A line of text above a chart."""
    block = QWidget()
    layout = QVBoxLayout(block)
    layout.setContentsMargins(0, 4, 0, 0)
    layout.addWidget(top)
    layout.addWidget(body, 1)
    return block
