"""Draws the Recovery % cell as a filled bar in the band's colour, with the number in large type."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from gym_companion.domain.recovery import band_for
from gym_companion.ui.recovery.table_model import PERCENT_ROLE, band_colour
from gym_companion.ui.recovery.wording import percent_text
from gym_companion.ui.theme import Colors

_BAR_ALPHA = 70  # the fill stays light enough for the number on top to read


class PercentBarDelegate(QStyledItemDelegate):
    """A readiness bar behind the percentage: a glance from two metres tells ready from not."""

    def __init__(self, palette: Colors, parent: object = None) -> None:
        super().__init__(parent)
        self._palette = palette

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        percent = index.data(PERCENT_ROLE)
        if not isinstance(percent, float):
            super().paint(painter, option, index)
            return
        rect = QRectF(option.rect).adjusted(3, 4, -3, -4)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(option.rect, option.palette.highlight())
        colour = QColor(band_colour(self._palette, band_for(percent)))
        track = QColor(self._palette.muted)
        track.setAlpha(30)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(track)
        painter.drawRoundedRect(rect, 4, 4)
        fill = QColor(colour)
        fill.setAlpha(_BAR_ALPHA)
        painter.setBrush(fill)
        painter.drawRoundedRect(
            QRectF(rect.x(), rect.y(), rect.width() * percent / 100.0, rect.height()), 4, 4
        )
        font = option.font
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        painter.setFont(font)
        painter.setPen(option.palette.highlightedText().color() if selected else QColor(self._palette.text))
        align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(rect.adjusted(0, 0, -6, 0), align, percent_text(percent))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(max(hint.width(), 96), hint.height())
