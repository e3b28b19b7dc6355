"""Hard sets per week for one muscle, drawn against its MEV / MAV / MRV landmarks (TRAINING_RULES.md)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from gym_companion.services.history_series import WeeklyHardSets
from gym_companion.ui.history.e1rm_chart import style_axes, time_window, translucent
from gym_companion.ui.theme import Colors, colors

WEEK_S = 7 * 86_400.0


class WeeklyHardSetsChart(pg.PlotWidget):  # type: ignore[misc]
    """Weekly hard sets as steps, the MAV range as a band, MEV and MRV as lines. Created once."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, axisItems={"bottom": pg.DateAxisItem(orientation="bottom")})
        self.setObjectName("weeklyHardSetsPlot")
        self.setMinimumHeight(150)
        self.hideButtons()
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=True, y=False)
        item = self.getPlotItem()
        item.showGrid(x=False, y=True, alpha=0.12)
        item.getAxis("left").setStyle(maxTickLevel=0)
        # stepMode "center": x holds the week edges (one more than the counts), each week one flat step.
        self.sets_item = item.plot([0.0, 1.0], [0.0], stepMode="center", fillLevel=0)
        self._mav = pg.LinearRegionItem(orientation="horizontal", movable=False)
        # Labels sit just above their line at the left edge, fully inside the plot.
        label_opts = {"position": 0.005, "anchors": [(0, 1), (0, 1)]}
        self._mev = pg.InfiniteLine(angle=0, movable=False, label="MEV", labelOpts=label_opts)
        self._mrv = pg.InfiniteLine(angle=0, movable=False, label="MRV", labelOpts=label_opts)
        self._mav.setZValue(-5)  # the band behind the weeks, the lines and their labels in front
        for landmark in (self._mav, self._mev, self._mrv):
            item.vb.addItem(landmark, ignoreBounds=True)
        for line in (self._mev, self._mrv):
            line.setZValue(5)
        self.weekly: WeeklyHardSets | None = None
        self.range_days: int | None = None
        self.apply_palette(colors())
        self.show_weeks(None)

    def apply_palette(self, palette: Colors) -> None:
        """Colour everything from the theme."""
        style_axes(self, palette)
        self.getPlotItem().getAxis("left").setLabel("Hard sets / week", color=palette.text)
        self.sets_item.setPen(None)
        self.sets_item.setBrush(translucent(palette.accent, 150))
        self._mav.setBrush(translucent(palette.ready, 40))
        for edge in self._mav.lines:
            edge.setPen(pg.mkPen(None))
        for line, colour in ((self._mev, palette.caution), (self._mrv, palette.rest)):
            line.setPen(pg.mkPen(colour, width=1.5, style=Qt.PenStyle.DashLine))
            line.label.setColor(colour)
            line.label.fill = pg.mkBrush(translucent(palette.surface, 220))

    def show_weeks(self, weekly: WeeklyHardSets | None) -> None:
        """Draw one muscle's weeks (None: nothing) with its landmarks, when the spec gives them."""
        self.weekly = weekly
        if weekly is None or not weekly.week_starts:
            self.sets_item.setData([0.0, 1.0], [0.0])
            self.sets_item.hide()
            for landmark in (self._mav, self._mev, self._mrv):
                landmark.hide()
            return
        edges = np.append(np.asarray(weekly.week_starts, dtype=float), weekly.week_starts[-1] + WEEK_S)
        counts = np.asarray(weekly.hard_sets, dtype=float)
        self.sets_item.setData(edges, counts)
        self.sets_item.show()
        top = float(counts.max()) if counts.size else 0.0
        marks = weekly.landmarks
        for landmark in (self._mav, self._mev, self._mrv):
            landmark.setVisible(marks is not None)
        if marks is not None:
            self._mav.setRegion((marks.mav_low, marks.mav_high))
            self._mev.setValue(marks.mev)
            self._mev.label.setFormat(f"MEV {marks.mev}")
            self._mev.setVisible(marks.mev > 0)  # a zero MEV would sit on the axis and say nothing
            self._mrv.setValue(marks.mrv)
            self._mrv.label.setFormat(f"MRV {marks.mrv}")
            top = max(top, float(marks.mrv))
        self.getPlotItem().setYRange(0, top * 1.12 + 1, padding=0)
        self.show_range(self.range_days)

    def show_range(self, days: int | None) -> None:
        """Show the last `days` of weeks (None: all of them)."""
        self.range_days = days
        if self.weekly is None or not self.weekly.week_starts:
            return
        first, last = self.weekly.week_starts[0], self.weekly.week_starts[-1] + WEEK_S
        self.getPlotItem().setXRange(*time_window(first, last, days), padding=0.01)
