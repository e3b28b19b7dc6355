"""The e1RM chart: every rated set, the best per session, a smoothed trend, failure sets, PRs, a hover card.

The five data items are created once and refilled with setData, so switching exercises only moves arrays.
Item order is part of the contract: listDataItems()[0] holds the sets (x POSIX seconds, y e1RM in kg) —
in kg even for a pound lifter, whose axis and hover cards read in pounds (see chart_base.UnitAxisItem).
"""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from gym_companion.domain.effort import describe_effort
from gym_companion.domain.model import FailureKind, WeightUnit
from gym_companion.domain.units import format_number, format_weight, to_unit
from gym_companion.services.history_series import E1rmSeries
from gym_companion.ui.history.chart_base import HOVER_RADIUS_PX, HistoryChart, connect_within, translucent
from gym_companion.ui.theme import Colors, colors

TREND_NAME = "Trend (median of 5)"


def describe_set(series: E1rmSeries, index: int, unit: WeightUnit) -> str:
    """The hover card for one set: date, load × reps @ effort, its e1RM and, for a PR, what it beat."""
    when = f"{datetime.fromtimestamp(series.x[index], UTC).astimezone():%a %d %b %Y}"
    load = f"{format_weight(series.weight_kg[index], unit)} × {series.reps[index]}"
    kind = series.failure_kind[index]
    effort = describe_effort(series.rir[index], kind)
    text = f"{load} @ {effort}" if kind is FailureKind.NONE else f"{load} to {effort}"
    if series.drop[index]:
        text += " (drop set)"
    lines = [when, text, f"e1RM {format_number(round(to_unit(series.y[index], unit), 1))} {unit.value}"]
    if index in series.record_index:
        gain = series.record_gain[series.record_index.index(index)]
        lines.append(f"e1RM record: +{format_number(round(to_unit(gain, unit), 1))} {unit.value}")
    return "\n".join(lines)


class E1rmChart(HistoryChart):
    """e1RM over time for one exercise. Created once; `show_series` swaps the data in."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("e1rmPlot", "e1RM", parent)
        self.export_name = "e1rm"
        self.setMinimumHeight(220)
        item = self.getPlotItem()
        item.setClipToView(True)
        item.setDownsampling(auto=True, mode="peak")
        # Bottom right: a progress chart rises, so that corner is the one its points leave empty.
        self._legend = item.addLegend(offset=(-8, -8), colCount=5)
        # Order matters (see the module docstring): sets, session bests, trend, failure sets, records.
        # No dynamic range limit: loads are bounded, and without it a y rescale does not redraw the items.
        lean = {"dynamicRangeLimit": None}
        self.sets_item = item.plot([], [], pen=None, symbol="o", symbolSize=5, name="Sets", **lean)
        self.best_item = item.plot([], [], name="Session best", **lean)
        # Not antialiased: the trend is steps (a median moves in jumps), and smoothing a thick line costs
        # a few milliseconds of every exercise switch.
        self.trend_item = item.plot([], [], name=TREND_NAME, **lean)
        self.failure_item = item.plot(
            [], [], pen=None, symbol="t", symbolSize=10, name="Failure sets", **lean
        )
        self.records_item = item.plot([], [], pen=None, symbol="star", symbolSize=13, name="e1RM PRs", **lean)
        self.records_item.setZValue(5)
        self.series: E1rmSeries | None = None
        self._x = np.empty(0)
        self._y = np.empty(0)
        self.hovered: int | None = None
        self.apply_palette(colors())

    def apply_palette(self, palette: Colors) -> None:
        """Colour everything from the theme (called again when the system switches light/dark)."""
        super().apply_palette(palette)
        self._legend.setLabelTextColor(palette.text)
        self._legend.setBrush(translucent(palette.surface, 215))
        self.sets_item.setSymbolBrush(translucent(palette.accent, 120))
        self.sets_item.setSymbolPen(None)
        self.best_item.setPen(pg.mkPen(translucent(palette.accent, 200), width=1.5))
        self.trend_item.setPen(pg.mkPen(palette.ready, width=3))
        self.failure_item.setSymbolBrush(palette.failure)
        self.failure_item.setSymbolPen(pg.mkPen(palette.surface, width=1))
        self.records_item.setSymbolBrush(palette.caution)
        self.records_item.setSymbolPen(pg.mkPen(palette.text, width=0.8))

    def show_series(self, series: E1rmSeries, trend: list[float]) -> None:
        """Draw one exercise: its sets, session bests, trend, failure sets and PRs; keep the window."""
        self.series = series
        self._x = np.asarray(series.x, dtype=float)
        self._y = np.asarray(series.y, dtype=float)
        failed = np.asarray(series.failure, dtype=bool)
        self.sets_item.setData(self._x, self._y)
        session_x = np.asarray(series.session_x, dtype=float)
        connect = np.asarray(connect_within(series.session_x), dtype=bool)
        self.best_item.setData(session_x, np.asarray(series.session_best, dtype=float), connect=connect)
        self.trend_item.setData(session_x, np.asarray(trend, dtype=float), connect=connect)
        self.failure_item.setData(self._x[failed], self._y[failed])
        records = np.asarray(series.record_index, dtype=int)
        self.records_item.setData(self._x[records], self._y[records])
        self.hide_hover()
        self.show_window(self.time_span)

    def data_span(self) -> tuple[float, float] | None:
        """First and last set."""
        return None if self._x.size == 0 else (float(self._x[0]), float(self._x[-1]))

    def describe_near(self, x: float, y: float) -> tuple[float, float, str] | None:
        """The set nearest the pointer, if within HOVER_RADIUS_PX."""
        self.hovered = None
        pixel = self.pixel_size()
        if self.series is None or self._x.size == 0 or pixel is None:
            return None
        distance = ((self._x - x) / pixel[0]) ** 2 + ((self._y - y) / pixel[1]) ** 2
        index = int(np.argmin(distance))
        if distance[index] > HOVER_RADIUS_PX**2:
            return None
        self.hovered = index
        return float(self._x[index]), float(self._y[index]), describe_set(self.series, index, self.unit)

    def hover_index(self, x: float, y: float) -> int | None:
        """Describe the set nearest to view point (x, y); its index (None when nothing is near)."""
        self.hover_near(x, y)
        return self.hovered
