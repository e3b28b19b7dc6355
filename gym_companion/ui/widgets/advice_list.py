"""Advice in a list widget: a mark per level, the rule ID in Qt.UserRole, the "why" as the tooltip.

The marks are glyphs DejaVu Sans has (the usual fallback font on Linux), so they never show as boxes
('ⓘ' and '⛔' are missing there).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from gym_companion.domain.guidance import Advice

ADVICE_MARKS: dict[int, str] = {0: "ℹ", 1: "⚠", 2: "⊘"}
MAX_ROWS_SHOWN = 4


def advice_mark(level: int) -> str:
    """The mark for an advice level (0 information, 1 caution, 2 warning)."""
    return ADVICE_MARKS.get(level, ADVICE_MARKS[0])


def fill_advice_list(view: QListWidget, advice: Sequence[Advice], by_level: bool = True) -> None:
    """Rebuild `view` from `advice` (warnings first unless `by_level` is off; repeats dropped).

    The view is as tall as its rows, up to MAX_ROWS_SHOWN, so that it leaves the room to what is below
    it, and hidden when there is nothing to say.
    """
    view.clear()
    seen: set[tuple[str, str]] = set()
    ordered = sorted(advice, key=lambda a: -int(a.level)) if by_level else list(advice)
    for item in ordered:
        if (item.rule, item.message) in seen:
            continue
        seen.add((item.rule, item.message))
        row = QListWidgetItem(f"{advice_mark(int(item.level))} {item.message}")
        row.setData(Qt.ItemDataRole.UserRole, item.rule)
        row.setToolTip(f"Why ({item.rule}): {item.why}")
        view.addItem(row)
    view.setVisible(view.count() > 0)
    height = sum(_row_height(view, i) for i in range(min(view.count(), MAX_ROWS_SHOWN)))
    view.setFixedHeight(max(height + 2 * view.frameWidth() + 4, 30))


def _row_height(view: QListWidget, row: int) -> int:
    """A row's height as shown: wrapped to the list's width when the list wraps its text."""
    plain = view.sizeHintForRow(row)
    width = view.viewport().width() - 8  # the item's text margins
    if not view.wordWrap() or width <= 0:
        return plain
    text = view.item(row).text()
    lines = view.fontMetrics().boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, text)
    return max(plain, lines.height() + 4)
