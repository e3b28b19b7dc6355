"""Refresh a side panel in the next pause of the lifter's input, not while a set is being logged.

Logging a set must stay within milliseconds (PRODUCT.md); the small panels beside the logging area (this
week at a glance, bodyweight) read the database again after it, which costs about as much. So a change
only marks them stale, and they read again once no key was pressed for `idle_ms` — between sets, while
resting — and only while they can be seen; a hidden panel waits until it is shown again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from gym_companion.ui.lazy_pages import IdleWarmUp


class IdleRefresh(QObject):
    """Runs `refresh()` after the next quiet spell, once per `mark_stale()`, while `widget` is visible."""

    def __init__(self, widget: QWidget, refresh: Callable[[], None], idle_ms: int) -> None:
        super().__init__(widget)
        self._widget = widget
        self._refresh = refresh
        self.idle_ms = idle_ms
        self.stale = True
        self._pending: IdleWarmUp | None = None
        widget.installEventFilter(self)  # shown again (another page, unfolded): read if stale

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A stale widget coming into view waits for a pause to read again."""
        if event.type() == QEvent.Type.Show:
            self.schedule()
        return False

    @property
    def pending(self) -> bool:
        """Whether a refresh is waiting for a pause."""
        return self._pending is not None and self._pending.pending > 0

    def mark_stale(self) -> None:
        """The data changed: read again in the next pause (now, if it is showing)."""
        self.stale = True
        self.schedule()

    def schedule(self) -> None:
        """Wait for a pause if stale and visible (call from showEvent, too)."""
        if not self.stale or not self._widget.isVisible() or self.pending:
            return
        self._pending = IdleWarmUp(self, [self.run_now], self.idle_ms)

    def run_now(self) -> None:
        """Refresh at once (a waiting refresh is dropped)."""
        if self._pending is not None:
            self._pending.stop()
            self._pending.deleteLater()
            self._pending = None
        self.stale = False
        self._refresh()

    def stop(self) -> None:
        """Drop a waiting refresh; nothing is stale any more until the next mark_stale()."""
        self.stale = False
        if self._pending is not None:
            self._pending.stop()
            self._pending = None
