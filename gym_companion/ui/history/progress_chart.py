"""Under the e1RM chart: one exercise's top set or volume per session, on the same dates.

Both data items are created once and refilled with setData; the metric picker shows one and hides the
other, and only the one on screen is refilled when the exercise changes (the other when it is picked).
Data stay in kg (the left axis and the hover card read in the lifter's unit, chart_base).
The hover card always tells both: the top set with its reps, and the session's volume.
"""

from __future__ import annotations

import enum
from datetime import UTC, datetime

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from gym_companion.domain.model import WeightUnit
from gym_companion.domain.units import format_weight, to_unit
from gym_companion.services.session_progress import SessionProgress
from gym_companion.ui.history.chart_base import HOVER_RADIUS_PX, HistoryChart, connect_within, translucent
from gym_companion.ui.theme import Colors, colors


class ProgressMetric(enum.StrEnum):
    """What the progress chart draws; the value is its axis title and its entry in the picker."""

    TOP_SET = "Top set"
    VOLUME = "Volume"


METRIC_TIPS = {
    ProgressMetric.TOP_SET: "Each session's heaviest load; hover a point for the reps done at it",
    ProgressMetric.VOLUME: "Each session's load × reps over its working and drop sets with a positive load",
}


def describe_session(progress: SessionProgress, index: int, unit: WeightUnit) -> str:
    """The hover card for one session: date, top set × reps, volume and sets, in the lifter's unit."""
    when = datetime.fromtimestamp(progress.x[index], UTC).astimezone()
    load, reps, sets = progress.top_kg[index], progress.top_reps[index], progress.sets[index]
    top = (
        f"{format_weight(load, unit)} × {reps}" if load > 0 else f"{reps} reps at {format_weight(load, unit)}"
    )
    volume = f"{round(to_unit(progress.volume_kg[index], unit)):,} {unit.value}"
    return f"{when:%a %d %b %Y}\nTop set {top}\nVolume {volume} · {sets} set{'' if sets == 1 else 's'}"


class ProgressChart(HistoryChart):
    """Top set (load per session, reps in the hover card) or volume per session for one exercise."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("progressPlot", ProgressMetric.TOP_SET.value, parent)
        self.export_name = "progress"
        self.setMinimumHeight(150)
        item = self.getPlotItem()
        item.setClipToView(True)
        item.setDownsampling(auto=True, mode="peak")
        lean = {"dynamicRangeLimit": None}  # see E1rmChart: a y rescale need not redraw the items
        self.top_item = item.plot([], [], symbol="o", symbolSize=5, name=ProgressMetric.TOP_SET.value, **lean)
        self.volume_item = item.plot(
            [], [], symbol="s", symbolSize=4, name=ProgressMetric.VOLUME.value, **lean
        )
        self.metric = ProgressMetric.TOP_SET
        self.volume_item.hide()
        self.progress: SessionProgress | None = None
        self._x = np.empty(0)
        self._top = np.empty(0)
        self._volume = np.empty(0)
        self._connect = np.empty(0, dtype=bool)
        self._filled: set[ProgressMetric] = set(ProgressMetric)  # both hold their (empty) data
        self.apply_palette(colors())

    def apply_palette(self, palette: Colors) -> None:
        """Colour everything from the theme."""
        super().apply_palette(palette)
        self.top_item.setPen(pg.mkPen(translucent(palette.accent, 200), width=1.5))
        self.top_item.setSymbolBrush(palette.accent)
        self.top_item.setSymbolPen(None)
        self.volume_item.setPen(pg.mkPen(translucent(palette.accent, 200), width=1.5))
        self.volume_item.setSymbolBrush(palette.accent)
        self.volume_item.setSymbolPen(None)

    def set_metric(self, metric: ProgressMetric) -> None:
        """Draw `metric`; the other stays filled but hidden."""
        self.metric = metric
        self.y_label = metric.value
        self.top_item.setVisible(metric is ProgressMetric.TOP_SET)
        self.volume_item.setVisible(metric is ProgressMetric.VOLUME)
        self._fill()
        self.set_unit(self.unit_axis.unit)  # the axis title follows
        self.setToolTip(METRIC_TIPS[metric])
        self.hide_hover()
        self.show_window(self.time_span)

    def show_progress(self, progress: SessionProgress) -> None:
        """Draw one exercise's sessions; lines break across layoffs; keep the window."""
        self.progress = progress
        self._x = np.asarray(progress.x, dtype=float)
        self._top = np.asarray(progress.top_kg, dtype=float)
        self._volume = np.asarray(progress.volume_kg, dtype=float)
        self._connect = np.asarray(connect_within(progress.x), dtype=bool)
        self._filled = set()
        self._fill()
        self.hide_hover()
        self.show_window(self.time_span)

    def _fill(self) -> None:
        """Give the metric on screen the current exercise's data, unless it has it already."""
        if self.metric in self._filled:
            return
        self._filled.add(self.metric)
        if self.metric is ProgressMetric.TOP_SET:
            self.top_item.setData(self._x, self._top, connect=self._connect)
        else:
            self.volume_item.setData(self._x, self._volume, connect=self._connect)

    def shown_values(self) -> np.ndarray:
        """The y values of the metric on screen (kg)."""
        return self._top if self.metric is ProgressMetric.TOP_SET else self._volume

    def data_span(self) -> tuple[float, float] | None:
        """First and last session."""
        return None if self._x.size == 0 else (float(self._x[0]), float(self._x[-1]))

    def describe_near(self, x: float, y: float) -> tuple[float, float, str] | None:
        """The session nearest the pointer (within HOVER_RADIUS_PX): date, top set × reps, volume."""
        pixel = self.pixel_size()
        if self.progress is None or self._x.size == 0 or pixel is None:
            return None
        values = self.shown_values()
        distance = ((self._x - x) / pixel[0]) ** 2 + ((values - y) / pixel[1]) ** 2
        index = int(np.argmin(distance))
        if distance[index] > HOVER_RADIUS_PX**2:
            return None
        text = describe_session(self.progress, index, self.unit)
        return float(self._x[index]), float(values[index]), text
