"""A start-up probe for the benchmarks: print a monotonic timestamp when the main window first paints.

Off unless the environment variable GYM_COMPANION_FIRST_PAINT is set: "print" only prints the line
`first-paint <time.monotonic()> <time.process_time()>`, "exit" also closes the window right after (one
start-up per process). The benchmark compares the monotonic time with the moment it spawned the process
(CLOCK_MONOTONIC is shared by all processes on the machine); the CPU time is less swayed by a busy machine.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

ENV_VAR = "GYM_COMPANION_FIRST_PAINT"
LINE_PREFIX = "first-paint"


class FirstPaintProbe(QObject):
    """Watches one window; at its first paint event prints the time (and optionally closes it)."""

    def __init__(self, window: QWidget, close_after: bool) -> None:
        super().__init__(window)
        self._window = window
        self._close_after = close_after
        self.painted_at: float | None = None
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Note the first paint; never consumes the event."""
        if self.painted_at is None and watched is self._window and event.type() == QEvent.Type.Paint:
            self.painted_at = time.monotonic()
            sys.stdout.write(f"{LINE_PREFIX} {self.painted_at:.6f} {time.process_time():.6f}\n")
            sys.stdout.flush()
            self._window.removeEventFilter(self)
            if self._close_after:
                QTimer.singleShot(0, self._window, self._window.close)
        return False


def install_from_environment(window: QWidget) -> FirstPaintProbe | None:
    """Install the probe when GYM_COMPANION_FIRST_PAINT asks for it ("print" or "exit")."""
    mode = os.environ.get(ENV_VAR, "")
    if mode not in ("print", "exit"):
        return None
    return FirstPaintProbe(window, close_after=mode == "exit")
