"""The GUI operations the benchmarks time, driven through the real widgets of the main window.

Every timed step is a key press into a real widget (or the page's own refresh) followed by processing
the posted events, so layout and the repaint (pyqtgraph's included) are part of the time. The text
typed before a timed key is not timed.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from gym_companion.ui.first_paint import FirstPaintProbe

SETS_PER_EXERCISE = 5
SET_EVERY_S = 150.0  # a set and its rest
DAY_S = 86_400.0
EXERCISES_PER_WORKOUT = 4
# Mostly reps in reserve, a technical failure on the last set of each exercise now and then.
RATINGS = ("3", "2", "2", "1", "0", "2", "1", "T")


def settle() -> None:
    """Process posted events until quiet: layout, update requests, pyqtgraph's deferred scene updates."""
    app = QApplication.instance()
    assert app is not None
    for _ in range(3):
        app.processEvents()


# CPU seconds of each timed step, by the same name as its wall-clock samples (less swayed by other load).
CPU: dict[str, list[float]] = {}


def timed(action: Any, name: str | None = None) -> float:
    """Seconds to run `action()` and process the events it posted; its CPU time goes to CPU[name]."""
    cpu = time.process_time()
    started = time.perf_counter()
    action()
    settle()
    wall = time.perf_counter() - started
    if name is not None:
        CPU.setdefault(name, []).append(time.process_time() - cpu)
    return wall


def run_loop(seconds: float) -> None:
    """Run the real event loop for `seconds` (timers fire as they would for the lifter)."""
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def wait_for_first_paint(window: QWidget, timeout_s: float = 30.0) -> float:
    """Process events until the window has painted once; returns that time.monotonic()."""
    probe = FirstPaintProbe(window, close_after=False)
    deadline = time.monotonic() + timeout_s
    app = QApplication.instance()
    assert app is not None
    while probe.painted_at is None:
        if time.monotonic() > deadline:
            raise RuntimeError("the main window never painted")
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
    return probe.painted_at


def _child(window: QWidget, cls: type, name: str) -> Any:
    widget = window.findChild(cls, name)
    if widget is None:
        raise RuntimeError(f"no {cls.__name__} named {name}")
    return widget


def open_pages_first_time(window: Any) -> dict[str, float]:
    """Seconds to show History and then Recovery for the first time (Ctrl+2, Ctrl+3), then back."""
    history = timed(
        lambda: QTest.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier), "open_history_s"
    )
    recovery = timed(
        lambda: QTest.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier), "open_recovery_s"
    )
    timed(lambda: QTest.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier))
    if window.tabs.currentWidget().objectName() != "sessionPage":
        raise RuntimeError("Ctrl+1 did not return to the session page")
    return {"open_history_s": history, "open_recovery_s": recovery}


def add_exercise(window: QWidget, name: str) -> float:
    """Type the exercise's name into the search and time the Enter that adds it."""
    search = _child(window, QLineEdit, "exerciseSearch")
    search.setFocus()
    search.selectAll()
    QTest.keyClicks(search, name)
    return timed(lambda: QTest.keyClick(search, Qt.Key.Key_Return), "add_exercise_s")


def log_sets(
    window: Any, exercises: list[str], count: int, advance: Callable[[float], None] | None = None
) -> dict[str, list[float]]:
    """Log `count` working sets in workouts of 4 exercises × 5 sets: weight, Tab, reps, Enter, a rating key.

    Times the Enter (the set is committed and shown, the prompt opens) and the rating key (the rating
    is committed, advice and the rest timer update) separately. With `advance` (the app's wall clock),
    each set takes SET_EVERY_S and each workout is on the next day, as for a lifter.
    """
    page = window.session_page
    weight = _child(window, QLineEdit, "weightInput")
    reps = _child(window, QLineEdit, "repsInput")
    prompt = _child(window, QWidget, "rirPrompt")
    logged: list[float] = []
    rated: list[float] = []
    added: list[float] = []
    workout = 0
    while len(logged) < count:
        for slot in range(EXERCISES_PER_WORKOUT):
            name = exercises[(workout * EXERCISES_PER_WORKOUT + slot) % len(exercises)]
            added.append(add_exercise(window, name))
            if page.log.current is None or page.log.current.exercise.name != name:
                raise RuntimeError(f"typing {name!r} did not add it")
            for index in range(SETS_PER_EXERCISE):
                if len(logged) >= count:
                    break
                load = weight.text() or "60"
                weight.setFocus()
                weight.selectAll()
                QTest.keyClicks(weight, load)
                QTest.keyClick(weight, Qt.Key.Key_Tab)
                reps.selectAll()
                QTest.keyClicks(reps, str(8 - index % 3))
                before = len(page.log.all_sets())
                logged.append(timed(lambda: QTest.keyClick(reps, Qt.Key.Key_Return), "log_set_s"))
                if len(page.log.all_sets()) != before + 1 or not prompt.isVisible():
                    raise RuntimeError(f"the set of {name} at {load} was not logged")
                key = RATINGS[(len(logged) - 1) % len(RATINGS)]
                rated.append(timed(lambda key=key: QTest.keyClicks(prompt, key), "rate_set_s"))
                if prompt.isVisible():
                    raise RuntimeError("the rating key did not close the prompt")
                if advance is not None:
                    advance(SET_EVERY_S)
        page.finish_workout()
        settle()
        if advance is not None:
            advance(DAY_S - EXERCISES_PER_WORKOUT * SETS_PER_EXERCISE * SET_EVERY_S)
        workout += 1
    return {"log_set_s": logged, "rate_set_s": rated, "add_exercise_s": added}


def switch_history_exercise(window: Any, count: int) -> list[float]:
    """Show History, then time `count` switches of the exercise combo by keyboard (Down; Home at the end)."""
    window.show_page(1)
    settle()
    combo = window.history_page.exercise_combo
    if combo.count() < 2:
        raise RuntimeError("the history page has fewer than two exercises")
    combo.setFocus()
    samples = []
    for _ in range(count):
        key = Qt.Key.Key_Down if combo.currentIndex() < combo.count() - 1 else Qt.Key.Key_Home
        before = combo.currentIndex()
        samples.append(timed(lambda key=key: QTest.keyClick(combo, key), "history_switch_s"))
        if combo.currentIndex() == before:
            raise RuntimeError("the key did not change the exercise")
    return samples


def refresh_recovery(window: Any, count: int) -> list[float]:
    """Show Recovery, then time `count` recomputations through the page's own refresh."""
    window.show_page(2)
    settle()
    page = window.recovery_page
    return [timed(page.refresh, "recovery_refresh_s") for _ in range(count)]


def idle_cpu(window: Any, exercise: str, seconds: float, settle_s: float) -> dict[str, Any]:
    """Process CPU time over `seconds` of the real event loop while a rest countdown runs on screen."""
    window.show_page(0)
    add_exercise(window, exercise)
    weight = _child(window, QLineEdit, "weightInput")
    reps = _child(window, QLineEdit, "repsInput")
    weight.setFocus()
    weight.selectAll()
    QTest.keyClicks(weight, weight.text() or "60")
    QTest.keyClick(weight, Qt.Key.Key_Tab)
    reps.selectAll()
    QTest.keyClicks(reps, "8")
    QTest.keyClick(reps, Qt.Key.Key_Return)
    QTest.keyClicks(_child(window, QWidget, "rirPrompt"), "2")
    panel = window.session_page.rest_panel
    run_loop(settle_s)  # let one-off timers (the daily backup) pass first
    if not panel.ticking:
        raise RuntimeError("the rest timer is not running")
    shown_before = panel.remaining_label.text()
    cpu_before = time.process_time()
    wall_before = time.monotonic()
    run_loop(seconds)
    cpu = time.process_time() - cpu_before
    wall = time.monotonic() - wall_before
    return {
        "idle_cpu_s": cpu,
        "idle_wall_s": wall,
        "idle_timer_text": [shown_before, panel.remaining_label.text()],
    }


def watch_event_loop(seconds: float, painted_at: float, interval_ms: int = 5) -> list[list[float]]:
    """Run the event loop for `seconds` with a fast timer; returns [start after paint s, gap ms] of each
    gap between its ticks longer than 30 ms (how long a key press would have waited)."""
    ticks: list[float] = [time.monotonic()]
    timer = QTimer()
    timer.setInterval(interval_ms)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    run_loop(seconds)
    timer.stop()
    gaps = []
    for earlier, later in itertools.pairwise(ticks):
        gap_ms = (later - earlier) * 1000
        if gap_ms > 30:
            gaps.append([round(earlier - painted_at, 3), round(gap_ms, 1)])
    return gaps


TYPED = "bench press"  # typed into the exercise search again and again, Esc clearing it in between


class Typist(QObject):
    """Types into a widget at a steady pace through the event queue, as a keyboard would, and records how
    late each key was handled compared with when it was pressed (its scheduled time)."""

    def __init__(self, target: QWidget, interval_ms: int) -> None:
        super().__init__(target)
        self._target = target
        self._interval = interval_ms / 1000
        self._start = time.monotonic()
        self._typed = 0
        self._pending: list[float] = []  # pressed at, in order
        self.latencies: list[float] = []
        target.installEventFilter(self)
        self._timer = QTimer(self)
        self._timer.setInterval(max(1, interval_ms // 2))
        self._timer.timeout.connect(self._press_due_keys)
        self._timer.start()

    def stop(self) -> None:
        """Stop typing (keys already pressed are still handled and measured)."""
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Note when each pressed key reaches the widget."""
        if watched is self._target and event.type() == QEvent.Type.KeyPress and self._pending:
            self.latencies.append(time.monotonic() - self._pending.pop(0))
        return False

    def _press_due_keys(self) -> None:
        # Keys "pressed" while the loop was busy are posted now, each with the moment it was due.
        now = time.monotonic()
        while self._start + self._typed * self._interval <= now:
            due = self._start + self._typed * self._interval
            index = self._typed % (len(TYPED) + 1)
            if index == len(TYPED):
                key, text = Qt.Key.Key_Escape, ""
            else:
                char = TYPED[index]
                key, text = (Qt.Key.Key_Space if char == " " else Qt.Key(ord(char.upper()))), char
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QCoreApplication.postEvent(
                    self._target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text)
                )
            self._pending.append(due)
            self._typed += 1


def type_after_start(window: QWidget, seconds: float, interval_ms: int = 110) -> list[float]:
    """Type into the exercise search from now (just after the first paint) for `seconds`; key latencies."""
    search = _child(window, QLineEdit, "exerciseSearch")
    search.setFocus()
    typist = Typist(search, interval_ms)
    run_loop(seconds)
    typist.stop()
    run_loop(0.3)  # let the last keys arrive
    return typist.latencies
