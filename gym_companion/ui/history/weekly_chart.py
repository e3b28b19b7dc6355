"""One muscle's weeks (or all training's): hard sets against the MEV / MAV / MRV landmarks
(TRAINING_RULES.md), failure sets against the weekly cap (F10/F11), or tonnage in the lifter's unit.
"""

from __future__ import annotations

import enum
from datetime import UTC, datetime

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from gym_companion.domain.model import WeightUnit
from gym_companion.domain.units import format_number, to_unit
from gym_companion.services.history_series import WeeklyVolume
from gym_companion.ui.history.chart_base import WEEK_S, HistoryChart, translucent
from gym_companion.ui.theme import Colors, colors


class WeeklyMetric(enum.StrEnum):
    """What the weekly chart counts; the value is the axis title."""

    HARD_SETS = "Hard sets / week"
    FAILURE_SETS = "Failure sets / week"
    TONNAGE = "Tonnage / week"


class WeeklyChart(HistoryChart):
    """Weekly bars (one flat step per week) with the landmarks or the cap behind them. Created once."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("weeklyVolumePlot", WeeklyMetric.HARD_SETS.value, parent)
        self.export_name = "weekly"
        self.setMinimumHeight(160)
        self.setMouseEnabled(x=True, y=False)
        item = self.getPlotItem()
        # stepMode "center": x holds the week edges (one more than the values), each week one flat step.
        self.bars_item = item.plot([0.0, 1.0], [0.0], stepMode="center", fillLevel=0, name="Weeks")
        self._mav = pg.LinearRegionItem(orientation="horizontal", movable=False)
        # Labels sit just above their line at the left edge, fully inside the plot.
        label_opts = {"position": 0.005, "anchors": [(0, 1), (0, 1)]}
        self._mev = pg.InfiniteLine(angle=0, movable=False, label="MEV", labelOpts=label_opts)
        self._mrv = pg.InfiniteLine(angle=0, movable=False, label="MRV", labelOpts=label_opts)
        self._cap = pg.InfiniteLine(angle=0, movable=False, label="Cap", labelOpts=label_opts)
        self._mav.setZValue(-5)  # the band behind the weeks, the lines and their labels in front
        for marker in (self._mav, self._mev, self._mrv, self._cap):
            item.vb.addItem(marker, ignoreBounds=True)
            marker.hide()
        for line in (self._mev, self._mrv, self._cap):
            line.setZValue(5)
        self.volume: WeeklyVolume | None = None
        # Not `metric`: shiboken would take it for a Python override of QWidget::metric() and call it.
        self.measure = WeeklyMetric.HARD_SETS
        self.cap: int | None = None
        self._edges = np.empty(0)
        self._values = np.empty(0)
        self.apply_palette(colors())
        self.show_weeks(None, WeeklyMetric.HARD_SETS)

    def apply_palette(self, palette: Colors) -> None:
        """Colour everything from the theme."""
        super().apply_palette(palette)
        self.bars_item.setPen(None)
        self.bars_item.setBrush(translucent(palette.accent, 150))
        self._mav.setBrush(translucent(palette.ready, 40))
        for edge in self._mav.lines:
            edge.setPen(pg.mkPen(None))
        for line, colour in (
            (self._mev, palette.caution),
            (self._mrv, palette.rest),
            (self._cap, palette.rest),
        ):
            line.setPen(pg.mkPen(colour, width=1.5, style=Qt.PenStyle.DashLine))
            line.label.setColor(colour)
            line.label.fill = pg.mkBrush(translucent(palette.surface, 220))

    def show_weeks(
        self,
        volume: WeeklyVolume | None,
        metric: WeeklyMetric,
        cap: int | None = None,
        unit: WeightUnit = WeightUnit.KG,
    ) -> None:
        """Draw one muscle's (or all training's) weeks of `metric`; `cap` is the weekly failure cap."""
        self.volume, self.measure, self.cap = volume, metric, cap
        self.y_label = metric.value
        self.set_unit(unit if metric is WeeklyMetric.TONNAGE else None)
        for marker in (self._mav, self._mev, self._mrv, self._cap):
            marker.hide()
        if volume is None or not volume.week_starts:
            self._edges, self._values = np.empty(0), np.empty(0)
            self.bars_item.setData([0.0, 1.0], [0.0])
            self.bars_item.hide()
            return
        values = {
            WeeklyMetric.HARD_SETS: volume.hard_sets,
            WeeklyMetric.FAILURE_SETS: volume.failure_sets,
            WeeklyMetric.TONNAGE: volume.tonnage_kg,
        }[metric]
        self._edges = np.append(np.asarray(volume.week_starts, dtype=float), volume.week_starts[-1] + WEEK_S)
        self._values = np.asarray(values, dtype=float)
        self.bars_item.setData(self._edges, self._values)
        self.bars_item.show()
        top = float(self._values.max()) if self._values.size else 0.0
        marks = volume.landmarks if metric is WeeklyMetric.HARD_SETS else None
        if marks is not None:
            self._mav.setRegion((marks.mav_low, marks.mav_high))
            self._mav.show()
            # Shown before the label is set: a hidden label ignores new text.
            self._mrv.show()
            self._mev.setVisible(marks.mev > 0)  # a zero MEV would sit on the axis and say nothing
            self._mev.setValue(marks.mev)
            self._mev.label.setFormat(f"MEV {marks.mev}")
            self._mrv.setValue(marks.mrv)
            self._mrv.label.setFormat(f"MRV {marks.mrv}")
            top = max(top, float(marks.mrv))
        if metric is WeeklyMetric.FAILURE_SETS and volume.muscle is None and cap is not None:
            self._cap.show()
            self._cap.setValue(cap)
            self._cap.label.setFormat(f"Weekly cap {cap}")
            top = max(top, float(cap))
        self.getPlotItem().setYRange(
            0, top * 1.12 + (1 if metric is not WeeklyMetric.TONNAGE else 0), padding=0
        )
        self.show_window(self.time_span)

    def fit_y(self) -> None:
        """The y range is set from all weeks (and the landmarks) in show_weeks: bars keep their scale."""

    def data_span(self) -> tuple[float, float] | None:
        """First week's Monday to the end of the last week."""
        return None if self._edges.size == 0 else (float(self._edges[0]), float(self._edges[-1]))

    def describe_near(self, x: float, y: float) -> tuple[float, float, str] | None:
        """The week under the pointer: its dates and value, with the landmark or cap it is read against."""
        if self.volume is None or self._values.size == 0:
            return None
        index = int(np.searchsorted(self._edges, x, side="right")) - 1
        if not 0 <= index < self._values.size:
            return None
        value = float(self._values[index])
        start = datetime.fromtimestamp(float(self._edges[index]), UTC).astimezone()
        lines = [f"Week of {start:%a %d %b %Y}"]
        if self.measure is WeeklyMetric.TONNAGE:
            unit = self.unit
            lines.append(f"{to_unit(value, unit):,.0f} {unit.value} lifted (load × reps)")
        else:
            kind = "hard" if self.measure is WeeklyMetric.HARD_SETS else "failure"
            lines.append(f"{format_number(value)} {kind} set" + ("" if value == 1 else "s"))
        marks = self.volume.landmarks
        if self.measure is WeeklyMetric.HARD_SETS and marks is not None:
            lines.append(f"MEV {marks.mev} · MAV {marks.mav_low}–{marks.mav_high} · MRV {marks.mrv}")
        if self.measure is WeeklyMetric.FAILURE_SETS and self.volume.muscle is None and self.cap is not None:
            lines.append(f"Your weekly cap: {self.cap}")
        if self.volume.muscle is not None:
            lines.append("Secondary muscles count half")
        middle = float(self._edges[index]) + WEEK_S / 2
        return middle, value, "\n".join(lines)
