"""Compact bars of this week's hard sets per muscle against its landmarks (MEV / MAV / MRV).

Each bar is scaled to its own muscle's MRV, so every row reads the same way: the light green band is the
MAV range (most adaptive), the fill is this week's hard sets, and past the right end lies more than most
lifters recover from. Hover a row for the numbers; a click opens the Recovery page.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QHelpEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from gym_companion.domain.landmarks import VolumeZone
from gym_companion.services.recovery_board import MuscleRow
from gym_companion.ui.recovery.wording import count_text, hard_sets_tooltip
from gym_companion.ui.theme import colors

ROW_HEIGHT = 14
NAME_WIDTH = 104
COUNT_WIDTH = 30


class HardSetBars(QWidget):
    """One thin bar per muscle with landmarks; `clicked` on a click anywhere."""

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weekHardSetBars")
        self.rows: list[MuscleRow] = []
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMouseTracking(True)

    def show_rows(self, rows: list[MuscleRow]) -> None:
        """Draw these muscles (the ones without landmarks are left out)."""
        self.rows = [r for r in rows if r.landmarks is not None]
        self.setFixedHeight(len(self.rows) * ROW_HEIGHT)
        self.update()

    def row_at(self, point: QPoint) -> MuscleRow | None:
        """The muscle drawn at `point`, if any."""
        index = point.y() // ROW_HEIGHT
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def text_of(self, row: MuscleRow) -> str:
        """The row as words (for tests and screen readers): 'Chest 9 · in MAV'."""
        return f"{row.recovery.muscle.label} {count_text(row.recovery.hard_sets_this_week)}"

    def event(self, event: QEvent) -> bool:
        """Each row's tooltip explains its numbers."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            row = self.row_at(event.pos())
            if row is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(
                    event.globalPos(), f"{hard_sets_tooltip(row)}\nClick: the Recovery page.", self
                )
            return True
        return super().event(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """A click opens the Recovery page."""
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Name, bar and count per row."""
        del event
        c = colors()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = painter.font()
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        painter.setFont(font)
        bar_left = NAME_WIDTH
        bar_width = max(20, self.width() - NAME_WIDTH - COUNT_WIDTH - 4)
        track = QColor(c.muted)
        track.setAlpha(35)
        band = QColor(c.ready)
        band.setAlpha(60)
        for i, row in enumerate(self.rows):
            marks = row.landmarks
            assert marks is not None
            y = i * ROW_HEIGHT
            hard = row.recovery.hard_sets_this_week
            painter.setPen(QColor(c.text))
            painter.drawText(
                QRectF(0, y, NAME_WIDTH - 4, ROW_HEIGHT),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                row.recovery.muscle.label,
            )
            scale = bar_width / max(marks.mrv, 1)
            rect = QRectF(bar_left, y + 4, bar_width, ROW_HEIGHT - 8)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(track)
            painter.drawRoundedRect(rect, 3, 3)
            painter.setBrush(band)
            painter.drawRect(
                QRectF(
                    bar_left + marks.mav_low * scale,
                    rect.y(),
                    (marks.mav_high - marks.mav_low) * scale,
                    rect.height(),
                )
            )
            over = row.zone is VolumeZone.ABOVE_MRV
            fill = QColor(c.rest if over else c.accent)
            painter.setBrush(fill)
            painter.drawRoundedRect(
                QRectF(bar_left, rect.y() + 2, min(hard, marks.mrv) * scale, rect.height() - 4), 2, 2
            )
            painter.setPen(QColor(c.rest if over else c.muted))
            painter.drawText(
                QRectF(bar_left + bar_width + 4, y, COUNT_WIDTH, ROW_HEIGHT),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                count_text(hard),
            )
        painter.end()
