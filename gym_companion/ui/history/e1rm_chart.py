"""The e1RM chart: every rated set, the best per session, a smoothed trend, failure sets, and a hover card.

The four data items are created once and refilled with setData, so switching exercises only moves arrays.
Item order is part of the contract: listDataItems()[0] holds the sets (x POSIX seconds, y e1RM in kg).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from gym_companion.domain.effort import describe_effort
from gym_companion.domain.model import FailureKind, SetEntry, SetType, WeightUnit
from gym_companion.domain.units import format_number, format_weight
from gym_companion.services.history import E1rmSeries
from gym_companion.ui.theme import Colors, colors

DAY_S = 86_400.0
AXIS_WIDTH_PX = 60  # both charts' left axes share one width so their plot areas line up
HOVER_RADIUS_PX = 24.0  # how close (in screen pixels) the pointer must be to a set to describe it
_MIN_SPAN_S = 14 * DAY_S  # a lone session still gets a readable two-week axis
# Lines break across gaps longer than this: F14's default layoff (8 weeks) is a new start, not a trend.
LINE_BREAK_GAP_S = 8 * 7 * DAY_S


def translucent(color: str, alpha: int) -> QColor:
    """A theme colour with an alpha channel (0..255)."""
    result = QColor(color)
    result.setAlpha(alpha)
    return result


def style_axes(plot: pg.PlotWidget, palette: Colors) -> None:
    """Background, axis lines and tick labels in the theme's colours."""
    plot.setBackground(palette.surface)
    plot.getAxis("left").setWidth(AXIS_WIDTH_PX)
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setPen(pg.mkPen(palette.muted))
        axis.setTextPen(pg.mkPen(palette.text))


def describe_point(entry: SetEntry, e1rm_kg: float) -> str:
    """The hover card for one set: date, load × reps @ effort, and its e1RM (kg, like the axis)."""
    when = f"{entry.logged_at.astimezone():%a %d %b %Y}"
    load = f"{format_weight(entry.weight_kg, WeightUnit.KG)} × {entry.reps}"
    if entry.failure is FailureKind.NONE:
        effort = f"{load} @ {describe_effort(entry.rir, entry.failure)}"
    else:
        effort = f"{load} to {describe_effort(entry.rir, entry.failure)}"
    if entry.set_type is SetType.DROP:
        effort += " (drop set)"
    return f"{when}\n{effort}\ne1RM {format_number(round(e1rm_kg, 1))} kg"


def time_window(first: float, last: float, days: int | None) -> tuple[float, float]:
    """The x range showing the last `days` before `last` (None: from `first`), at least two weeks wide."""
    if days is not None:
        first = max(first, last - days * DAY_S)
    if last - first < _MIN_SPAN_S:
        middle = (first + last) / 2
        first, last = middle - _MIN_SPAN_S / 2, middle + _MIN_SPAN_S / 2
    return first, last


class E1rmChart(pg.PlotWidget):  # type: ignore[misc]
    """e1RM over time for one exercise. Created once; `show_series` swaps the data in."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, axisItems={"bottom": pg.DateAxisItem(orientation="bottom")})
        self.setObjectName("e1rmPlot")
        self.setMinimumHeight(220)
        self.hideButtons()
        self.setMenuEnabled(False)
        item = self.getPlotItem()
        item.setClipToView(True)
        item.setDownsampling(auto=True, mode="peak")
        item.setLabel("left", "e1RM (kg)")
        item.showGrid(x=False, y=True, alpha=0.12)
        item.getAxis("left").setStyle(maxTickLevel=0)  # major lines only: minor grid lines cost paint time
        self._legend = item.addLegend(offset=(8, 8), colCount=4)
        # Order matters (see the module docstring): sets, session bests, trend, failure sets.
        self.sets_item = item.plot([], [], pen=None, symbol="o", symbolSize=5, name="Sets")
        self.best_item = item.plot([], [], name="Session best")
        self.trend_item = item.plot([], [], name="Trend (median of 5)", antialias=True)
        self.failure_item = item.plot([], [], pen=None, symbol="t", symbolSize=10, name="Failure sets")
        # Hover: a vertical line, a ring on the nearest set and a card; added to the view box directly so
        # they are neither data items nor part of the auto-range.
        self._cursor = pg.InfiniteLine(angle=90, movable=False)
        self._ring = pg.ScatterPlotItem(size=14, brush=None)
        self._card = pg.TextItem(anchor=(0, 1))
        for hover_item in (self._cursor, self._ring, self._card):
            hover_item.setZValue(10)
            hover_item.hide()
            item.vb.addItem(hover_item, ignoreBounds=True)
        self.series: E1rmSeries | None = None
        self._x = np.empty(0)
        self._y = np.empty(0)
        self.hovered: int | None = None
        self.range_days: int | None = None
        self.scene().sigMouseMoved.connect(self._mouse_moved)
        self.apply_palette(colors())

    def apply_palette(self, palette: Colors) -> None:
        """Colour everything from the theme (called again when the system switches light/dark)."""
        style_axes(self, palette)
        self.getPlotItem().getAxis("left").setLabel("e1RM (kg)", color=palette.text)
        self._legend.setLabelTextColor(palette.text)
        self._legend.setBrush(translucent(palette.surface, 210))
        self.sets_item.setSymbolBrush(translucent(palette.accent, 120))
        self.sets_item.setSymbolPen(None)
        self.best_item.setPen(pg.mkPen(translucent(palette.accent, 200), width=1.5))
        self.trend_item.setPen(pg.mkPen(palette.ready, width=3))
        self.failure_item.setSymbolBrush(palette.failure)
        self.failure_item.setSymbolPen(pg.mkPen(palette.surface, width=1))
        self._cursor.setPen(pg.mkPen(palette.muted, width=1, style=Qt.PenStyle.DashLine))
        self._ring.setPen(pg.mkPen(palette.text, width=2))
        self._card.setColor(palette.text)
        self._card.fill = pg.mkBrush(translucent(palette.surface, 235))
        self._card.border = pg.mkPen(palette.muted)

    def show_series(self, series: E1rmSeries, trend: list[float]) -> None:
        """Draw one exercise: its sets, session bests, trend and failure sets; keep the chosen range."""
        self.series = series
        self._x = np.asarray(series.x, dtype=float)
        self._y = np.asarray(series.y, dtype=float)
        failed = np.asarray(series.failure, dtype=bool)
        self.sets_item.setData(self._x, self._y)
        session_x = np.asarray(series.session_x, dtype=float)
        connect = np.append(np.diff(session_x) <= LINE_BREAK_GAP_S, False)
        self.best_item.setData(session_x, np.asarray(series.session_best, dtype=float), connect=connect)
        self.trend_item.setData(session_x, np.asarray(trend, dtype=float), connect=connect)
        self.failure_item.setData(self._x[failed], self._y[failed])
        self.hide_hover()
        self.show_range(self.range_days)

    def show_range(self, days: int | None) -> None:
        """Show the last `days` of the data (None: all of it); the y axis fits the visible sets."""
        self.range_days = days
        if self._x.size == 0:
            return
        item = self.getPlotItem()
        item.setAutoVisible(y=True)
        item.enableAutoRange(axis="y")
        item.setXRange(*time_window(float(self._x[0]), float(self._x[-1]), days), padding=0.02)

    # --- hover ----------------------------------------------------------------------------------
    def hover_near(self, x: float, y: float) -> int | None:
        """Describe the set nearest to view point (x, y) if it lies within HOVER_RADIUS_PX; its index."""
        if self.series is None or self._x.size == 0:
            self.hide_hover()
            return None
        px, py = self.getPlotItem().vb.viewPixelSize()
        if px <= 0 or py <= 0:
            return None
        distance = ((self._x - x) / px) ** 2 + ((self._y - y) / py) ** 2
        index = int(np.argmin(distance))
        if distance[index] > HOVER_RADIUS_PX**2:
            self.hide_hover()
            return None
        self._show_card(index)
        return index

    def hover_text(self) -> str:
        """What the hover card says now ('' when hidden)."""
        return self._card.textItem.toPlainText() if self.hovered is not None else ""

    def hide_hover(self) -> None:
        """Hide the line, ring and card."""
        self.hovered = None
        for hover_item in (self._cursor, self._ring, self._card):
            hover_item.hide()

    def _show_card(self, index: int) -> None:
        assert self.series is not None
        x, y = float(self._x[index]), float(self._y[index])
        self.hovered = index
        self._cursor.setPos(x)
        self._ring.setData([x], [y])
        self._card.setText(describe_point(self.series.sets[index], y))
        (x_low, x_high), (y_low, y_high) = self.getPlotItem().vb.viewRange()
        # Keep the card inside the plot: open it towards the side with more room.
        self._card.setAnchor(
            (1.0 if x > (x_low + x_high) / 2 else 0.0, 0.0 if y > (y_low + y_high) / 2 else 1.0)
        )
        self._card.setPos(x, y)
        for hover_item in (self._cursor, self._ring, self._card):
            hover_item.show()

    def _mouse_moved(self, scene_pos: QPointF) -> None:
        view_box = self.getPlotItem().vb
        if not view_box.sceneBoundingRect().contains(scene_pos):
            self.hide_hover()
            return
        point = view_box.mapSceneToView(scene_pos)
        self.hover_near(point.x(), point.y())

    def leaveEvent(self, event: QEvent) -> None:
        """The pointer left the chart: nothing is hovered any more."""
        self.hide_hover()
        super().leaveEvent(event)
