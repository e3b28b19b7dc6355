"""RIR accuracy: how far the lifter's reps-in-reserve ratings were off, month by month (rir_calibration).

Each point is one calendar month: the mean error of that month's failure sets, each checked against the sets
rated before it at the same load (true reserve − rated reserve, in reps; above zero the lifter had more
left than they said). Bigger points stand on more failure sets. A zero line marks "spot on" and a dashed
line the lifter's overall bias, the number that corrects their e1RM and suggestions.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from gym_companion.domain.model import WeightUnit
from gym_companion.domain.rir_bias import AccuracyPoint, RirBias, reps_text, signed_reps
from gym_companion.services.calibration import CalibrationReport
from gym_companion.ui.history.chart_base import (
    DAY_S,
    HOVER_RADIUS_PX,
    HistoryChart,
    connect_within,
    translucent,
)
from gym_companion.ui.theme import Colors, colors

MONTH_NAME = "Mean error per month"
SMALLEST_POINT_PX, LARGEST_POINT_PX = 6.0, 16.0
FULL_SIZE_FAILURE_SETS = 12  # a month with this many failure sets (or more) gets the largest point
EXPLAINER = (
    "Each point is a month: how many more reps you had left than you said, on average, found by sets "
    "you took to failure at a load you had rated earlier. Above zero you under-rate your reserve; below "
    "zero you over-rate it. Bigger points stand on more failure sets."
)


def describe_month(point: AccuracyPoint) -> str:
    """The hover card for one month: 'Mar 2026', 'under-rated by 1.2 reps on average', the counts."""
    when = f"{point.month_start:%b %Y}"
    error = point.mean_error
    if abs(error) < 0.05:
        verdict = "ratings spot on, on average"
    elif error > 0:
        verdict = f"under-rated by {reps_text(error)} on average"
    else:
        verdict = f"over-rated by {reps_text(-error)} on average"
    sets = f"{point.failure_sets} failure set{'' if point.failure_sets == 1 else 's'}"
    rated = f"{point.pairs} rated set{'' if point.pairs == 1 else 's'} checked"
    return f"{when}\n{verdict}\n{sets}, {rated}"


class RirAccuracyChart(HistoryChart):
    """Mean rating error per month, with a zero line and the overall bias. Created once, refilled."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("rirAccuracyPlot", "Reps left beyond rating", parent)
        self.export_name = "rir-accuracy"
        self.unit_axis.set_unit(None)
        self._update_label()
        item = self.getPlotItem()
        self.months_item = item.plot([], [], symbol="o", name=MONTH_NAME, antialias=True)
        label_opts = {"position": 0.005, "anchors": [(0, 1), (0, 1)]}
        self._zero = pg.InfiniteLine(
            pos=0.0, angle=0, movable=False, label="0: spot on", labelOpts=label_opts
        )
        bias_opts = {"position": 0.995, "anchors": [(1, 1), (1, 1)]}  # the right end: clear of "0: spot on"
        self._bias = pg.InfiniteLine(angle=0, movable=False, label="your bias", labelOpts=bias_opts)
        for line in (self._zero, self._bias):
            line.setZValue(5)
            item.vb.addItem(line, ignoreBounds=True)
        self._bias.hide()
        self.points: list[AccuracyPoint] = []
        self.overall: RirBias | None = None
        self._x = np.empty(0)
        self._y = np.empty(0)
        self.apply_palette(colors())

    def apply_palette(self, palette: Colors) -> None:
        """Colour everything from the theme."""
        super().apply_palette(palette)
        self.months_item.setPen(pg.mkPen(palette.accent, width=1.5))
        self.months_item.setSymbolBrush(palette.accent)
        self.months_item.setSymbolPen(pg.mkPen(palette.surface, width=1))
        self._zero.setPen(pg.mkPen(palette.muted, width=1.5))
        self._zero.label.setColor(palette.muted)
        self._bias.setPen(pg.mkPen(palette.caution, width=1.5, style=Qt.PenStyle.DashLine))
        self._bias.label.setColor(palette.caution)
        for line in (self._zero, self._bias):
            line.label.fill = pg.mkBrush(translucent(palette.surface, 220))

    def set_unit(self, unit: WeightUnit | None) -> None:
        """The axis counts reps whatever the lifter's weight unit: the page's unit changes pass by."""
        super().set_unit(None)

    def show_points(self, points: list[AccuracyPoint], overall: RirBias | None) -> None:
        """Draw the months (oldest first) and the overall bias line (hidden until there is a bias)."""
        self.points, self.overall = list(points), overall
        self._x = np.asarray([p.month_start.timestamp() for p in points], dtype=float)
        self._y = np.asarray([p.mean_error for p in points], dtype=float)
        sizes = [
            SMALLEST_POINT_PX
            + (LARGEST_POINT_PX - SMALLEST_POINT_PX)
            * min(p.failure_sets, FULL_SIZE_FAILURE_SETS)
            / FULL_SIZE_FAILURE_SETS
            for p in points
        ]
        connect = np.asarray(connect_within(list(self._x)), dtype=bool)
        self.months_item.setData(self._x, self._y, symbolSize=sizes, connect=connect)
        if overall is None:
            self._bias.hide()
        else:
            self._bias.setValue(overall.mean)
            text = f"your bias {signed_reps(overall.mean)}"
            self._bias.label.setFormat(text)
            self._bias.label.setText(text)  # setFormat alone waits until the line is on screen
            self._bias.show()
        self.hide_hover()
        self.show_window(self.time_span)

    def fit_y(self) -> None:
        """Zero and the bias stay in view: the y range spans them and the visible months."""
        low, high = -1.0, 1.0
        if self._y.size:
            low, high = min(low, float(self._y.min())), max(high, float(self._y.max()))
        if self.overall is not None:
            low, high = min(low, self.overall.mean), max(high, self.overall.mean)
        self.getPlotItem().setYRange(low - 0.3, high + 0.3, padding=0)

    def data_span(self) -> tuple[float, float] | None:
        """The first month's start to the last month's end."""
        if self._x.size == 0:
            return None
        return float(self._x[0]), float(self._x[-1]) + 30 * DAY_S

    def describe_near(self, x: float, y: float) -> tuple[float, float, str] | None:
        """The month nearest the pointer (within HOVER_RADIUS_PX)."""
        pixel = self.pixel_size()
        if not self.points or pixel is None:
            return None
        distance = ((self._x - x) / pixel[0]) ** 2 + ((self._y - y) / pixel[1]) ** 2
        index = int(np.argmin(distance))
        if distance[index] > HOVER_RADIUS_PX**2:
            return None
        return float(self._x[index]), float(self._y[index]), describe_month(self.points[index])


class RirAccuracyPanel(QWidget):
    """The History tab: the calibration sentence, what the chart shows, and the chart."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rirAccuracyPanel")
        self.sentence = QLabel()
        self.sentence.setObjectName("rirCalibrationSentence")
        self.sentence.setWordWrap(True)
        self.sentence.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.note = QLabel(EXPLAINER)
        self.note.setObjectName("rirAccuracyNote")
        self.note.setProperty("role", "muted")
        self.note.setWordWrap(True)
        self.chart = RirAccuracyChart()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.sentence)
        layout.addWidget(self.note)
        layout.addWidget(self.chart, 1)

    def show_report(self, report: CalibrationReport | None, correcting: bool) -> None:
        """Show what calibration knows; `correcting` says whether Settings apply the bias."""
        if report is None:
            self.sentence.setText("RIR calibration is not available for this database.")
            self.chart.show_points([], None)
            return
        text = report.sentence
        if report.overall is not None:
            applied = (
                "applied to your e1RM and suggestions" if correcting else "not applied (off in Settings)"
            )
            text += f" Correction {applied}."
        self.sentence.setText(text)
        self.sentence.setToolTip(_bias_tooltip(report))
        self.chart.show_points(report.accuracy, report.overall)


def _bias_tooltip(report: CalibrationReport) -> str:
    """The numbers behind the sentence: the estimate, its standard error, what it rests on."""
    bias = report.overall
    if bias is None:
        return (
            "A failure set at a load you rated earlier shows how many reps you really had left. "
            "Five such failure sets are needed before a bias is learned."
        )
    return (
        f"Bias {signed_reps(bias.mean)} reps ± {bias.stderr:.2f} (standard error), from "
        f"{bias.failure_sets} failure sets and {bias.pairs} rated sets at the same loads. "
        "It starts from the research average (+1 rep, Halperin 2022) and moves to your own data as it grows."
    )
