"""What every History chart shares: a date axis, a left axis in the lifter's unit, theme colours, the
visible date window, a hover card, and a right-click menu to export the chart.

Data stay in kilograms (the contract reads e1rmPlot's first item in kg); a pound lifter sees pounds because
the left axis places round pound ticks at their kilogram positions and hover cards convert (UnitAxisItem).
"""

from __future__ import annotations

import itertools
import math

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMenu, QWidget

from gym_companion.domain.model import WeightUnit
from gym_companion.domain.units import kg_to_lb
from gym_companion.ui.theme import Colors, colors

DAY_S = 86_400.0
WEEK_S = 7 * DAY_S
AXIS_WIDTH_PX = 64  # every chart's left axis has one width, so plot areas line up between tabs
HOVER_RADIUS_PX = 24.0  # how close (in screen pixels) the pointer must be to a point to describe it
_MIN_SPAN_S = 14 * DAY_S  # a lone session still gets a readable two-week axis
# Lines break across gaps longer than this: F14's default layoff (8 weeks) is a new start, not a trend.
LINE_BREAK_GAP_S = 8 * WEEK_S
EXPORT_CHART_KEYS = "Ctrl+Shift+P"  # "picture": Ctrl+Shift+E is File › Export… (the CSV)

# (start, end) in POSIX seconds; None at either end: as far as the chart's data go.
Window = tuple[float | None, float | None]


def translucent(color: str, alpha: int) -> QColor:
    """A theme colour with an alpha channel (0..255)."""
    result = QColor(color)
    result.setAlpha(alpha)
    return result


def time_window(first: float, last: float, window: Window) -> tuple[float, float]:
    """The x range to show: the window, its open ends filled from the data.

    A range that comes from the data alone is at least two weeks wide; days the lifter picked are shown
    exactly as picked.
    """
    start, end = window
    low = first if start is None else start
    high = last if end is None else end
    if (start is None or end is None) and high - low < _MIN_SPAN_S:
        middle = (low + high) / 2
        low, high = middle - _MIN_SPAN_S / 2, middle + _MIN_SPAN_S / 2
    return low, high


def connect_within(x: list[float], gap_s: float = LINE_BREAK_GAP_S) -> list[bool]:
    """pyqtgraph's `connect` array: join each point to the next unless a layoff lies between them."""
    return [b - a <= gap_s for a, b in itertools.pairwise(x)] + [False]


class UnitAxisItem(pg.AxisItem):  # type: ignore[misc]
    """A left axis over kilogram data that reads in kg or lb (round ticks in the shown unit), or counts."""

    def __init__(self, orientation: str = "left") -> None:
        super().__init__(orientation)
        self.enableAutoSIPrefix(False)
        self.unit: WeightUnit | None = WeightUnit.KG  # None: the values are counts, not weights

    @property
    def factor(self) -> float:
        """Shown units per stored kilogram."""
        return kg_to_lb(1.0) if self.unit is WeightUnit.LB else 1.0

    def set_unit(self, unit: WeightUnit | None) -> None:
        """Show weights in `unit` (None: counts); redraws the ticks."""
        self.unit = unit
        self.picture = None
        self.update()

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, list[float]]]:  # noqa: N803
        """Pyqtgraph's nice ticks, chosen in the shown unit and placed back on the kilogram scale."""
        factor = self.factor
        levels = super().tickValues(minVal * factor, maxVal * factor, size)
        return [(spacing / factor, [value / factor for value in values]) for spacing, values in levels]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        """Tick labels in the shown unit, with thousands separators and only the decimals the step needs."""
        step = spacing * self.factor
        decimals = 0 if step >= 1 or step <= 0 else min(3, math.ceil(-math.log10(step)))
        return [f"{value * self.factor:,.{decimals}f}" for value in values]


class HistoryChart(pg.PlotWidget):  # type: ignore[misc]
    """A History chart: date axis, unit axis, theme, date window, hover card and an export menu.

    Subclasses create their data items once (and refill them with setData), report their data's time
    span in `data_span`, and describe the point nearest the pointer in `describe_near`.
    """

    exportRequested = Signal(object)  # noqa: N815 - Qt signal naming; the chart to export (self)

    def __init__(self, object_name: str, y_label: str, parent: QWidget | None = None) -> None:
        self.unit_axis = UnitAxisItem("left")
        super().__init__(
            parent, axisItems={"bottom": pg.DateAxisItem(orientation="bottom"), "left": self.unit_axis}
        )
        self.setObjectName(object_name)
        self.setMinimumHeight(200)
        self.hideButtons()
        self.setMenuEnabled(False)
        self.y_label = y_label
        self.export_name = object_name  # suggested file name for exports
        item = self.getPlotItem()
        item.showGrid(x=False, y=True, alpha=0.12)
        item.getAxis("left").setStyle(maxTickLevel=0)  # major lines only: minor grid lines cost paint time
        item.getAxis("left").setWidth(AXIS_WIDTH_PX)
        # Not `window`: that would hide QWidget.window(). (Nor `metric`: shiboken would call it as Qt's.)
        self.time_span: Window = (None, None)
        # Hover: a vertical line, a ring on the described point and a card; added to the view box
        # directly so they are neither data items nor part of the auto-range.
        self._cursor = pg.InfiniteLine(angle=90, movable=False)
        self._ring = pg.ScatterPlotItem(size=14, brush=None)
        self._card = pg.TextItem(anchor=(0, 1))
        for hover_item in (self._cursor, self._ring, self._card):
            hover_item.setZValue(20)
            hover_item.hide()
            item.vb.addItem(hover_item, ignoreBounds=True)
        self.hover_shown = False
        self.scene().sigMouseMoved.connect(self._mouse_moved)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)

    # --- for subclasses -------------------------------------------------------------------------
    def data_span(self) -> tuple[float, float] | None:
        """First and last x of the data (None when empty)."""
        raise NotImplementedError

    def describe_near(self, x: float, y: float) -> tuple[float, float, str] | None:
        """The point to describe for a pointer at view (x, y): its position and card text, or None."""
        raise NotImplementedError

    def fit_y(self) -> None:
        """Fit the y axis to what is visible (the default: auto-range over the visible data)."""
        item = self.getPlotItem()
        item.setAutoVisible(y=True)
        item.enableAutoRange(axis="y")

    # --- looks and unit -------------------------------------------------------------------------
    def apply_palette(self, palette: Colors) -> None:
        """Background, axes, hover card in the theme's colours (subclasses colour their items too)."""
        self.setBackground(palette.surface)
        for name in ("left", "bottom"):
            axis = self.getAxis(name)
            axis.setPen(pg.mkPen(palette.muted))
            axis.setTextPen(pg.mkPen(palette.text))
        self._label_color = palette.text
        self._update_label()
        self._cursor.setPen(pg.mkPen(palette.muted, width=1, style=Qt.PenStyle.DashLine))
        self._ring.setPen(pg.mkPen(palette.text, width=2))
        self._card.setColor(palette.text)
        self._card.fill = pg.mkBrush(translucent(palette.surface, 235))
        self._card.border = pg.mkPen(palette.muted)

    def set_unit(self, unit: WeightUnit | None) -> None:
        """Read the left axis in `unit` (None: it counts sets)."""
        self.unit_axis.set_unit(unit)
        self._update_label()

    @property
    def unit(self) -> WeightUnit:
        """The unit hover cards speak (kg when the axis counts sets)."""
        return self.unit_axis.unit or WeightUnit.KG

    def axis_label(self) -> str:
        """The left axis title, e.g. 'e1RM (lb)'."""
        return self.getPlotItem().getAxis("left").labelText  # type: ignore[no-any-return]

    def _update_label(self) -> None:
        unit = self.unit_axis.unit
        text = self.y_label if unit is None else f"{self.y_label} ({unit.value})"
        color = getattr(self, "_label_color", None) or colors().text
        self.getPlotItem().getAxis("left").setLabel(text, color=color)

    # --- window ---------------------------------------------------------------------------------
    def show_window(self, window: Window) -> None:
        """Show `window` of time (open ends: the data's own ends); y fits what is visible."""
        self.time_span = window
        span = self.data_span()
        if span is None:
            return
        self.fit_y()
        item = self.getPlotItem()
        item.setXRange(*time_window(span[0], span[1], window), padding=0.02)
        if item.vb.state["autoRange"][1]:
            item.vb.updateAutoRange()  # now, not at the next paint: exports and tests see the new y range

    # --- hover ----------------------------------------------------------------------------------
    def hover_near(self, x: float, y: float) -> bool:
        """Describe what is near view point (x, y), or hide the card; whether something is described."""
        found = self.describe_near(x, y)
        if found is None:
            self.hide_hover()
            return False
        px, py, text = found
        self._cursor.setPos(px)
        self._ring.setData([px], [py])
        self._card.setText(text)
        (x_low, x_high), (y_low, y_high) = self.getPlotItem().vb.viewRange()
        # Keep the card inside the plot: open it towards the side with more room.
        self._card.setAnchor(
            (1.0 if px > (x_low + x_high) / 2 else 0.0, 0.0 if py > (y_low + y_high) / 2 else 1.0)
        )
        self._card.setPos(px, py)
        for hover_item in (self._cursor, self._ring, self._card):
            hover_item.show()
        self.hover_shown = True
        return True

    def hover_text(self) -> str:
        """What the hover card says now ('' when hidden)."""
        return self._card.textItem.toPlainText() if self.hover_shown else ""

    def hide_hover(self) -> None:
        """Hide the line, ring and card."""
        self.hover_shown = False
        for hover_item in (self._cursor, self._ring, self._card):
            hover_item.hide()

    def pixel_size(self) -> tuple[float, float] | None:
        """View units per screen pixel (x, y), or None before the chart has a size."""
        px, py = self.getPlotItem().vb.viewPixelSize()
        return None if px <= 0 or py <= 0 else (px, py)

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

    # --- export menu ----------------------------------------------------------------------------
    def context_menu(self) -> QMenu:
        """The right-click menu: export this chart (the page asks where to save it)."""
        menu = QMenu(self)
        menu.setObjectName("chartMenu")
        action = menu.addAction("Export chart as PNG or SVG…")
        action.setObjectName("exportChartAction")
        action.setShortcut(EXPORT_CHART_KEYS)  # shown in the menu; the page's shortcut acts
        action.triggered.connect(lambda: self.exportRequested.emit(self))
        return menu

    def _context_menu(self, pos: QPoint) -> None:
        menu = self.context_menu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.mapToGlobal(pos))


def item_named(chart: pg.PlotWidget, name: str) -> pg.PlotDataItem | None:
    """The chart's data item with this legend name (for tests and exports)."""
    return next((i for i in chart.getPlotItem().listDataItems() if i.name() == name), None)
