"""Run one service call off the UI thread: a preview or an import, with progress and a cancel flag.

The call gets a `progress(done, total) -> bool` callback; it returns False once `cancel()` was asked,
which the transfer service honours by rolling back and raising ImportCancelled.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

Progress = Callable[[int, int], bool]
# Called on the worker thread at every progress report, before the cancel flag is read (a test seam:
# a test can cancel, or hold the worker, at an exact point without sleeping).
ProgressHook = Callable[[int, int], None]


class BackgroundJob(QObject):
    """Calls `work(progress)` on its own thread; `done` carries the result or the exception raised.

    `cancel()` may be called from any thread. Signals arrive on the thread that connected to them
    (the UI thread), queued.
    """

    progressed = Signal(int, int)
    done = Signal(object)  # the call's result, or the Exception that ended it

    def __init__(self, work: Callable[[Progress], object], hook: ProgressHook | None = None) -> None:
        super().__init__()
        self._work = work
        self._hook = hook
        self._cancelled = threading.Event()
        self._thread: QThread | None = None

    @property
    def cancelled(self) -> bool:
        """Whether a stop was asked for."""
        return self._cancelled.is_set()

    def start(self) -> None:
        """Start the call on a new thread."""
        thread = QThread()
        thread.setObjectName("transferWorker")
        self.moveToThread(thread)
        thread.started.connect(self._run)
        # Direct: quit from the worker itself, so `wait()` on the UI thread never waits for the UI thread.
        self.done.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        self._thread = thread
        thread.start()

    def cancel(self) -> None:
        """Ask the call to stop at its next progress report."""
        self._cancelled.set()

    def wait(self) -> None:
        """Block until the thread has ended (after `done`, or when the window closes mid-call)."""
        if self._thread is not None:
            self._thread.wait()

    @Slot()
    def _run(self) -> None:
        outcome: object
        try:
            outcome = self._work(self._progress)
        except Exception as exc:  # every failure is shown on the page, never a dead thread
            outcome = exc
        self.done.emit(outcome)

    def _progress(self, done: int, total: int) -> bool:
        if self._hook is not None:
            self._hook(done, total)
        self.progressed.emit(done, total)
        return not self._cancelled.is_set()
