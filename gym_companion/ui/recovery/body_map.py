"""Front and back figures, each muscle group coloured by its readiness band; hover explains, click selects.

The figures are the project's own simple drawing: rounded shapes on a 100 × 240 grid per figure, scaled to
the widget. They are meant to be read at a glance from the bench, not to be anatomy.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from gym_companion.domain.model import Muscle
from gym_companion.domain.recovery import MuscleRecovery
from gym_companion.ui.recovery.table_model import band_colour
from gym_companion.ui.recovery.wording import BAND_LABELS, duration_text, percent_text
from gym_companion.ui.theme import Colors

FIGURE_W, FIGURE_H = 100.0, 240.0
_GAP = 16.0  # between the two figures, in figure units
_CAPTION_H = 16.0  # room under the figures for "Front" / "Back"


def _ellipse(cx: float, cy: float, rx: float, ry: float) -> QPainterPath:
    path = QPainterPath()
    path.addEllipse(QPointF(cx, cy), rx, ry)
    return path


def _rect(x0: float, y0: float, x1: float, y1: float, radius: float = 5.0) -> QPainterPath:
    path = QPainterPath()
    path.addRoundedRect(QRectF(x0, y0, x1 - x0, y1 - y0), radius, radius)
    return path


def _polygon(*points: tuple[float, float]) -> QPainterPath:
    path = QPainterPath()
    path.addPolygon(QPolygonF([QPointF(x, y) for x, y in points]))
    path.closeSubpath()
    return path


def _mirror(path: QPainterPath) -> QPainterPath:
    """The same shape on the other side of the body (x → 100 − x)."""
    mirrored = QPainterPath()
    for polygon in path.toFillPolygons():
        mirrored.addPolygon(QPolygonF([QPointF(FIGURE_W - p.x(), p.y()) for p in polygon]))
        mirrored.closeSubpath()
    return mirrored


def _pair(path: QPainterPath) -> QPainterPath:
    return path.united(_mirror(path))


def _silhouette() -> QPainterPath:
    """Head, neck, torso, arms and legs: the grey figure the muscles sit on."""
    parts = [
        _ellipse(50, 14, 9, 11),
        _rect(44, 22, 56, 34, 3),
        _polygon((24, 34), (76, 34), (70, 100), (72, 122), (28, 122), (30, 100)),
        _pair(_rect(13, 40, 26, 90, 6)),
        _pair(_rect(9, 86, 23, 132, 6)),
        _pair(_ellipse(15, 138, 6, 8)),
        _pair(_rect(31, 116, 49.5, 184, 8)),
        _pair(_rect(33, 180, 48, 232, 7)),
        _pair(_ellipse(40, 234, 8, 4)),
    ]
    outline = QPainterPath()
    for part in parts:
        outline = outline.united(part)
    return outline


def _front() -> list[tuple[Muscle, QPainterPath]]:
    return [
        (Muscle.TRAPS, _pair(_polygon((44, 30), (36, 35), (44, 36)))),
        (Muscle.CHEST, _pair(_polygon((49, 38), (32, 38), (30, 54), (38, 62), (49, 60)))),
        (Muscle.FRONT_DELTS, _pair(_ellipse(25, 43, 7, 9))),
        (Muscle.BICEPS, _pair(_rect(14, 54, 25, 84, 5))),
        (Muscle.FOREARMS, _pair(_rect(10, 90, 22, 128, 5))),
        (Muscle.ABS, _rect(38, 64, 62, 108, 6)),
        (Muscle.QUADS, _pair(_rect(32, 124, 48.5, 176, 7))),
        (Muscle.CALVES, _pair(_rect(35, 190, 46, 226, 5))),
    ]


def _back() -> list[tuple[Muscle, QPainterPath]]:
    return [
        (Muscle.BACK, _pair(_polygon((38, 40), (30, 48), (33, 84), (48, 96), (48, 62)))),
        (Muscle.TRAPS, _polygon((50, 24), (36, 36), (50, 62), (64, 36))),
        (Muscle.SIDE_REAR_DELTS, _pair(_ellipse(25, 43, 7, 9))),
        (Muscle.TRICEPS, _pair(_rect(14, 54, 25, 84, 5))),
        (Muscle.FOREARMS, _pair(_rect(10, 90, 22, 128, 5))),
        (Muscle.LOWER_BACK, _rect(40, 90, 60, 108, 5)),
        (Muscle.GLUTES, _pair(_ellipse(40.5, 120, 9.5, 10))),
        (Muscle.HAMSTRINGS, _pair(_rect(32, 134, 48.5, 178, 7))),
        (Muscle.CALVES, _pair(_ellipse(40.5, 203, 6.5, 17))),
    ]


class BodyMap(QWidget):
    """Front and back figures; each muscle takes its readiness band's colour."""

    muscle_clicked = Signal(str)  # Muscle value

    def __init__(self, palette: Colors, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bodyMap")
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(150, 130)
        self._palette = palette
        self._silhouette = _silhouette()
        self._views = [("Front", _front()), ("Back", _back())]
        self._recovery: dict[Muscle, MuscleRecovery] = {}
        self._selected: Muscle | None = None

    def sizeHint(self) -> QSize:
        return QSize(230, 200)

    def show_recovery(self, recovery: dict[Muscle, MuscleRecovery], selected: Muscle | None) -> None:
        """Recolour from a new report; the selected muscle gets an outline."""
        self._recovery = recovery
        self._selected = selected
        self.update()

    def colour_of(self, muscle: Muscle) -> str:
        """The fill colour a muscle has now (its band's colour)."""
        r = self._recovery.get(muscle)
        return self._palette.muted if r is None else band_colour(self._palette, r.band)

    def tooltip_for(self, muscle: Muscle) -> str:
        """'Chest: 57 % · Rest or go light · ready in 39 h'."""
        r = self._recovery.get(muscle)
        if r is None:
            return muscle.label
        ready = "" if r.hours_to_ready <= 0 else f" · ready in {duration_text(r.hours_to_ready)}"
        return f"{muscle.label}: {percent_text(r.percent)} · {BAND_LABELS[r.band]}{ready}"

    def muscle_at(self, point: QPointF) -> Muscle | None:
        """The muscle under a point in widget coordinates, if any."""
        scale, origin = self._geometry()
        for index, (_name, regions) in enumerate(self._views):
            local = QPointF(
                (point.x() - origin.x()) / scale - index * (FIGURE_W + _GAP), (point.y() - origin.y()) / scale
            )
            for muscle, path in reversed(regions):  # the last drawn lies on top
                if path.contains(local):
                    return muscle
        return None

    # --- Qt -------------------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            muscle = self.muscle_at(QPointF(event.pos()))
            if muscle is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), self.tooltip_for(muscle), self)
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        muscle = self.muscle_at(event.position())
        if muscle is not None and event.button() is Qt.MouseButton.LeftButton:
            self.muscle_clicked.emit(muscle.value)
        super().mousePressEvent(event)

    def paintEvent(self, _event: QPaintEvent) -> None:
        c = self._palette
        scale, origin = self._geometry()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        body = QColor(c.muted)
        body.setAlpha(45)
        for index, (name, regions) in enumerate(self._views):
            painter.save()
            painter.translate(origin.x() + index * (FIGURE_W + _GAP) * scale, origin.y())
            painter.scale(scale, scale)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(body)
            painter.drawPath(self._silhouette)
            for muscle, path in regions:
                fill = QColor(self.colour_of(muscle))
                fill.setAlpha(200)
                painter.setBrush(fill)
                selected = muscle is self._selected
                painter.setPen(
                    QPen(QColor(c.text), 2.0 / scale) if selected else QPen(QColor(c.surface), 0.8)
                )
                painter.drawPath(path)
            painter.restore()
            painter.setPen(QColor(c.muted))
            caption = QRectF(
                origin.x() + index * (FIGURE_W + _GAP) * scale,
                origin.y() + FIGURE_H * scale,
                FIGURE_W * scale,
                _CAPTION_H,
            )
            painter.drawText(caption, Qt.AlignmentFlag.AlignCenter, name)
        painter.end()

    def _geometry(self) -> tuple[float, QPointF]:
        """Scale from figure units to pixels, and the top-left of the front figure (both figures centred)."""
        total_w = 2 * FIGURE_W + _GAP
        scale = min(self.width() / total_w, (self.height() - _CAPTION_H) / FIGURE_H)
        x = (self.width() - total_w * scale) / 2
        return scale, QPointF(x, 0.0)
