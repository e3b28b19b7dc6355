"""Bodyweight over time: every weigh-in as a point and the smoothed trend as a line (domain.bodyweight).

Data in kg like every chart here; the axis and the hover card read in the lifter's unit.
"""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from gym_companion.domain.units import format_weight
from gym_companion.services.history_series import BodyweightSeries
from gym_companion.ui.history.chart_base import HOVER_RADIUS_PX, HistoryChart, connect_within, translucent
from gym_companion.ui.theme import Colors, colors


class BodyweightChart(HistoryChart):
    """Weigh-ins (points) and their trend (line); created once, refilled with `show_series`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("bodyweightPlot", "Bodyweight", parent)
        self.export_name = "bodyweight"
        item = self.getPlotItem()
        item.setClipToView(True)
        item.setDownsampling(auto=True, mode="peak")
        self._legend = item.addLegend(offset=(8, 8), colCount=2)
        lean = {"dynamicRangeLimit": None}  # see E1rmChart: a y rescale need not redraw the items
        self.weigh_ins_item = item.plot([], [], pen=None, symbol="o", symbolSize=5, name="Weigh-ins", **lean)
        self.trend_item = item.plot([], [], name="Trend (10 % a day)", antialias=True, **lean)
        self.series: BodyweightSeries | None = None
        self._x = np.empty(0)
        self._y = np.empty(0)
        self.apply_palette(colors())

    def apply_palette(self, palette: Colors) -> None:
        """Colour everything from the theme."""
        super().apply_palette(palette)
        self._legend.setLabelTextColor(palette.text)
        self._legend.setBrush(translucent(palette.surface, 215))
        self.weigh_ins_item.setSymbolBrush(translucent(palette.accent, 130))
        self.weigh_ins_item.setSymbolPen(None)
        self.trend_item.setPen(pg.mkPen(palette.ready, width=3))

    def show_series(self, series: BodyweightSeries) -> None:
        """Draw the weigh-ins and their trend; the line breaks across long gaps without weighing."""
        self.series = series
        self._x = np.asarray(series.x, dtype=float)
        self._y = np.asarray(series.kg, dtype=float)
        self.weigh_ins_item.setData(self._x, self._y)
        connect = np.asarray(connect_within(series.x), dtype=bool)
        self.trend_item.setData(self._x, np.asarray(series.trend_kg, dtype=float), connect=connect)
        self.hide_hover()
        self.show_window(self.time_span)

    def data_span(self) -> tuple[float, float] | None:
        """First and last weigh-in."""
        return None if self._x.size == 0 else (float(self._x[0]), float(self._x[-1]))

    def describe_near(self, x: float, y: float) -> tuple[float, float, str] | None:
        """The weigh-in nearest the pointer (within HOVER_RADIUS_PX): date, weight and the trend there."""
        pixel = self.pixel_size()
        if self.series is None or self._x.size == 0 or pixel is None:
            return None
        distance = ((self._x - x) / pixel[0]) ** 2 + ((self._y - y) / pixel[1]) ** 2
        index = int(np.argmin(distance))
        if distance[index] > HOVER_RADIUS_PX**2:
            return None
        when = datetime.fromtimestamp(float(self._x[index]), UTC).astimezone()
        weight = format_weight(float(self._y[index]), self.unit)
        trend = format_weight(round(self.series.trend_kg[index], 1), self.unit)
        text = f"{when:%a %d %b %Y}\nWeighed {weight}\nTrend {trend}"
        return float(self._x[index]), float(self._y[index]), text
