"""Per-muscle weekly charts: pick a muscle (or all training) and what to count per week — hard sets against
MEV/MAV/MRV, failure sets against the weekly cap, or tonnage.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from gym_companion.domain.model import Muscle, WeightUnit
from gym_companion.services.history_series import WeeklyVolume
from gym_companion.ui.history.weekly_chart import WeeklyChart, WeeklyMetric

ALL_TRAINING = "all"  # the muscle combo's data for "All training"
METRIC_LABELS = {
    WeeklyMetric.HARD_SETS: "Hard sets",
    WeeklyMetric.FAILURE_SETS: "Failure sets",
    WeeklyMetric.TONNAGE: "Tonnage",
}


class MusclePanel(QWidget):
    """Muscle and measure pickers above the weekly chart, with a line saying how to read it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("musclePanel")
        self.chart = WeeklyChart()
        self.muscle_combo = QComboBox()
        self.muscle_combo.setObjectName("weeklyMuscle")
        self.muscle_combo.setToolTip("Which muscle's weeks to show; 'All training' counts every set once")
        self.muscle_combo.setMaxVisibleItems(16)
        self.muscle_combo.currentIndexChanged.connect(self._redraw)
        self.metric_combo = QComboBox()
        self.metric_combo.setObjectName("weeklyMetric")
        self.metric_combo.setToolTip("What to count per week (Monday to Sunday)")
        for metric, label in METRIC_LABELS.items():
            self.metric_combo.addItem(label, metric.value)
        self.metric_combo.currentIndexChanged.connect(self._redraw)
        self.note = QLabel()
        self.note.setObjectName("weeklyNote")
        self.note.setProperty("role", "muted")
        self.note.setWordWrap(True)
        header = QHBoxLayout()
        header.addWidget(self.muscle_combo)
        header.addWidget(self.metric_combo)
        header.addWidget(self.note, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.chart, 1)
        self.volume: dict[Muscle | None, WeeklyVolume] = {}
        self.cap: int | None = None
        self.unit = WeightUnit.KG

    @property
    def measure(self) -> WeeklyMetric:
        """What the chart counts now (not `metric`: that would shadow QWidget::metric() for Qt)."""
        return WeeklyMetric(self.metric_combo.currentData())

    @property
    def muscle(self) -> Muscle | None:
        """The chosen muscle (None: all training)."""
        value = self.muscle_combo.currentData()
        return None if value in (None, ALL_TRAINING) else Muscle(value)

    def show_volume(
        self, volume: dict[Muscle | None, WeeklyVolume], cap: int, unit: WeightUnit, prefer: Muscle | None
    ) -> None:
        """New weekly data; keep the chosen muscle, else show `prefer` (the main lift's first muscle)."""
        self.volume, self.cap, self.unit = volume, cap, unit
        chosen = self.muscle_combo.currentData()
        if chosen is None and prefer is not None:
            chosen = prefer.value
        self.muscle_combo.blockSignals(True)
        self.muscle_combo.clear()
        if None in volume:
            self.muscle_combo.addItem("All training", ALL_TRAINING)
        for muscle in volume:
            if muscle is not None:
                self.muscle_combo.addItem(muscle.label, muscle.value)
        self.muscle_combo.setCurrentIndex(max(0, self.muscle_combo.findData(chosen)))
        self.muscle_combo.blockSignals(False)
        self._redraw()

    def choose(self, muscle: Muscle | None, metric: WeeklyMetric | None = None) -> None:
        """Show `muscle` (None: all training) and, if given, `metric`."""
        if metric is not None:
            self.metric_combo.setCurrentIndex(self.metric_combo.findData(metric.value))
        self.muscle_combo.setCurrentIndex(
            self.muscle_combo.findData(ALL_TRAINING if muscle is None else muscle.value)
        )

    def _redraw(self) -> None:
        if self.muscle_combo.currentIndex() < 0:
            self.chart.show_weeks(None, self.measure)
            self.note.setText("")
            return
        volume = self.volume.get(self.muscle)
        metric = self.measure
        self.chart.show_weeks(volume, metric, self.cap, self.unit)
        self.note.setText(self._note(volume, metric))

    def _note(self, volume: WeeklyVolume | None, metric: WeeklyMetric) -> str:
        if volume is None:
            return ""
        half = "" if volume.muscle is None else " · secondary muscles count ½"
        if metric is WeeklyMetric.HARD_SETS:
            marks = volume.landmarks
            if marks is None:
                if volume.muscle is None:
                    return "Every set at RIR 4 or closer (unrated sets count); landmarks are per muscle"
                return "No MEV/MAV/MRV landmarks for this muscle" + half
            return (
                f"Green band: MAV {marks.mav_low}–{marks.mav_high} · MEV {marks.mev} · MRV {marks.mrv}" + half
            )
        if metric is WeeklyMetric.FAILURE_SETS:
            if volume.muscle is None:
                return f"Sets to technical or absolute failure · your weekly cap: {self.cap}"
            return "Sets to technical or absolute failure" + half
        return f"Load × reps of working and drop sets, in {self.unit.value}" + half
