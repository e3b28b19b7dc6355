"""A small chart of one muscle's recovery % over the next 72 hours, with the 70 % and 90 % lines."""

from __future__ import annotations

from datetime import datetime

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from gym_companion.domain.model import TrainingEvent
from gym_companion.domain.recovery import NO_FAILURE_PERCENT, READY_PERCENT, MuscleRecovery
from gym_companion.services.recovery_projection import PROJECTION_HOURS, projection
from gym_companion.ui.recovery.wording import duration_text, percent_text
from gym_companion.ui.theme import Colors

_TICK_STEP_H = 12


class ProjectionChart(QWidget):
    """The selected muscle's curve if it is not trained again; events within the window as markers."""

    def __init__(self, palette: Colors, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._palette = palette
        self.title = QLabel("Next 72 h")
        self.title.setObjectName("recoveryProjectionTitle")
        self.title.setProperty("role", "title")
        self.plot = pg.PlotWidget(background=palette.surface)
        self.plot.setObjectName("recoveryProjectionPlot")
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.setMinimumHeight(150)
        item = self.plot.getPlotItem()
        item.setXRange(-4, PROJECTION_HOURS + 1, padding=0)
        item.setYRange(0, 100, padding=0.04)
        pen = pg.mkPen(palette.muted)
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setPen(pen)
            axis.setTextPen(pg.mkPen(palette.text))
        item.getAxis("left").setWidth(46)
        item.getAxis("bottom").setTicks(
            [[(h, "now" if h == 0 else f"+{h} h") for h in range(0, int(PROJECTION_HOURS) + 1, _TICK_STEP_H)]]
        )
        item.getAxis("left").setTicks([[(v, f"{v} %") for v in (0, 50, 70, 90)]])
        item.showGrid(x=True, y=False, alpha=0.15)
        for level, colour in ((READY_PERCENT, palette.ready), (NO_FAILURE_PERCENT, palette.caution)):
            item.addItem(
                pg.InfiniteLine(pos=level, angle=0, pen=pg.mkPen(colour, width=1, style=Qt.PenStyle.DashLine))
            )
        self.curve = item.plot([], [], pen=pg.mkPen(palette.accent, width=3))
        self._event_lines: list[pg.InfiniteLine] = []
        self.summary = QLabel()
        self.summary.setObjectName("recoveryProjectionSummary")
        self.summary.setWordWrap(True)
        self.legend = QLabel(
            f"<span style='color:{palette.ready}'>- - 90 % ready</span> &nbsp; "
            f"<span style='color:{palette.caution}'>- - 70 % train without failure</span>"
        )
        self.legend.setProperty("role", "muted")
        self.legend.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.summary)

    def show_muscle(
        self, recovery: MuscleRecovery, now: datetime, recovery_speed: float, events: list[TrainingEvent]
    ) -> None:
        """Draw the muscle's next 72 h; events inside that span get a vertical marker."""
        points = projection(recovery, now, recovery_speed=recovery_speed)
        self.curve.setData([h for h, _ in points], [p for _, p in points])
        self.title.setText(f"{recovery.muscle.label}: the next 72 h")
        if recovery.hours_to_ready <= 0:
            self.summary.setText(
                f"{percent_text(recovery.percent)} now: ready. The line assumes no more training."
            )
        else:
            self.summary.setText(
                f"{percent_text(recovery.percent)} now; ready (90 %) in "
                f"{duration_text(recovery.hours_to_ready)} if you do not train it again."
            )
        item = self.plot.getPlotItem()
        for line in self._event_lines:
            item.removeItem(line)
        self._event_lines = []
        for event in events:
            ahead = (event.starts_at - now).total_seconds() / 3600.0
            if 0 <= ahead <= PROJECTION_HOURS:
                line = pg.InfiniteLine(
                    pos=ahead,
                    angle=90,
                    pen=pg.mkPen(self._palette.failure, width=2),
                    label=event.title,
                    labelOpts={"position": 0.15, "color": self._palette.failure},
                )
                item.addItem(line)
                self._event_lines.append(line)
