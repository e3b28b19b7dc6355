"""The History page's Exercise tab: a one-line summary, the e1RM chart, and under it top set or volume per
session on the same dates (the two charts share their x axis, so a session lines up in both).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from gym_companion.services.session_progress import SessionProgress
from gym_companion.ui.history.e1rm_chart import E1rmChart
from gym_companion.ui.history.progress_chart import METRIC_TIPS, ProgressChart, ProgressMetric


class ExercisePanel(QWidget):
    """Summary line, e1RM chart, metric picker (`progressMetric`) and the per-session progress chart."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setObjectName("historySummary")
        self.summary.setProperty("role", "muted")
        self.summary.setWordWrap(True)  # narrow windows wrap the line instead of cutting it
        self.e1rm_chart = E1rmChart()
        self.progress_chart = ProgressChart()
        self.progress_chart.setXLink(self.e1rm_chart)  # one date axis for both: sessions line up
        self.metric_combo = QComboBox()
        self.metric_combo.setObjectName("progressMetric")
        for metric in ProgressMetric:
            self.metric_combo.addItem(f"{metric.value} per session", metric.value)
            last = self.metric_combo.count() - 1
            self.metric_combo.setItemData(last, METRIC_TIPS[metric], Qt.ItemDataRole.ToolTipRole)
        self.metric_combo.setToolTip("What the lower chart shows for each session of this exercise")
        self.metric_combo.currentIndexChanged.connect(self._metric_changed)
        picker = QHBoxLayout()
        picker.setContentsMargins(0, 0, 0, 0)
        label = QLabel("Below:")
        label.setProperty("role", "muted")
        picker.addWidget(label)
        picker.addWidget(self.metric_combo)
        picker.addStretch(1)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.setSpacing(2)
        lower_layout.addLayout(picker)
        lower_layout.addWidget(self.progress_chart, 1)
        charts = QSplitter(Qt.Orientation.Vertical)
        charts.setChildrenCollapsible(False)
        charts.addWidget(self.e1rm_chart)
        charts.addWidget(lower)
        charts.setStretchFactor(0, 3)
        charts.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(charts, 1)

    def show_progress(self, progress: SessionProgress) -> None:
        """Draw one exercise's top sets and volumes (after its e1RM chart; they share the date axis)."""
        self.progress_chart.show_progress(progress)

    def choose_metric(self, metric: ProgressMetric) -> None:
        """Show `metric` in the lower chart, as picking it in the combo does."""
        self.metric_combo.setCurrentIndex(self.metric_combo.findData(metric.value))

    def _metric_changed(self, index: int) -> None:
        value = self.metric_combo.itemData(index)
        if value is not None:
            self.progress_chart.set_metric(ProgressMetric(value))
