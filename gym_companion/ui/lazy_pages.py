"""Pages built on first need, and warm-up work done while the lifter is not typing.

Start-up paints the Session page only. The History and Recovery pages — and pyqtgraph and numpy, which
only they use — cost about as much again as the whole first screen, so a placeholder holds their tab
until they are shown or until the idle warm-up builds them. The warm-up runs one small step at a time,
each after a quiet spell with no key press or click, so typing right after start is never held up.
"""

from __future__ import annotations

import contextlib
from collections import deque
from collections.abc import Callable, Iterable
from functools import partial

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QTabWidget, QWidget

# Input that postpones the warm-up: the lifter is doing something, the next step can wait.
_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.Wheel,
        QEvent.Type.ShortcutOverride,
    }
)


class LazyTabs:
    """The tabs of a QTabWidget whose pages are built by a factory the first time they are needed.

    Until then a plain placeholder widget sits in the tab; building swaps the page in at the same
    index, keeping the tab's title, tooltip and whether it is current.
    """

    def __init__(self, tabs: QTabWidget) -> None:
        self._tabs = tabs
        self._factories: dict[int, Callable[[], QWidget]] = {}
        self._built: dict[int, QWidget] = {}

    def add(self, page: QWidget, title: str) -> int:
        """Add a page that exists already; returns its index."""
        index = self._tabs.addTab(page, title)
        self._built[index] = page
        return index

    def add_lazy(self, factory: Callable[[], QWidget], title: str, name: str) -> int:
        """Add a tab whose page `factory()` builds on first need; `name` names the placeholder."""
        placeholder = QWidget()
        placeholder.setObjectName(f"{name}Placeholder")
        index = self._tabs.addTab(placeholder, title)
        self._factories[index] = factory
        return index

    def is_built(self, index: int) -> bool:
        """Whether the page at `index` exists yet."""
        return index in self._built

    def build_all(self) -> bool:
        """Build every page not built yet (something is looking for a widget that may live in one);
        whether any was built."""
        waiting = sorted(self._factories)
        for index in waiting:
            self.page(index)
        return bool(waiting)

    def built(self) -> list[QWidget]:
        """The pages built so far, in tab order."""
        return [self._built[i] for i in sorted(self._built)]

    def page(self, index: int) -> QWidget:
        """The page at `index`, built (and swapped into its tab) now if needed."""
        page = self._built.get(index)
        if page is not None:
            return page
        page = self._factories.pop(index)()
        self._built[index] = page
        placeholder = self._tabs.widget(index)
        title, tip = self._tabs.tabText(index), self._tabs.tabToolTip(index)
        current = self._tabs.currentIndex()
        self._tabs.blockSignals(True)  # the swap is not a page change
        try:
            self._tabs.removeTab(index)
            self._tabs.insertTab(index, page, title)
            self._tabs.setTabToolTip(index, tip)
            self._tabs.setCurrentIndex(current)
        finally:
            self._tabs.blockSignals(False)
        placeholder.setParent(None)
        placeholder.deleteLater()
        return page


class _InputWatch(QObject):
    """The one application-wide event filter behind every waiting IdleWarmUp: input restarts their timers.

    An event filter on the application sees every event (paints and timers too), and each Python filter
    costs a little on each of them, so all waiting warm-ups share this one, installed only while any waits.
    """

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__()
        self._app = app
        self._timers: dict[int, QTimer] = {}

    def watch(self, timer: QTimer) -> None:
        """Restart `timer` on input from now on (until `unwatch`, or until it is destroyed)."""
        if not self._timers:
            self._app.installEventFilter(self)
        self._timers[id(timer)] = timer
        timer.destroyed.connect(partial(self._forget, id(timer)))

    def unwatch(self, timer: QTimer) -> None:
        """Stop restarting `timer`."""
        self._forget(id(timer))

    def _forget(self, key: int, *_destroyed: object) -> None:
        if self._timers.pop(key, None) is not None and not self._timers:
            with contextlib.suppress(RuntimeError):  # the application is gone already (shutdown)
                self._app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Input postpones every waiting step; the event itself goes on untouched."""
        if event.type() in _INPUT_EVENTS:
            for timer in list(self._timers.values()):
                if timer.isActive():
                    timer.start()
        return False


_watches: dict[int, _InputWatch] = {}  # one per application object (tests may make more than one)


def _input_watch() -> _InputWatch | None:
    app = QCoreApplication.instance()
    if app is None:
        return None
    watch = _watches.get(id(app))
    if watch is None:
        watch = _watches[id(app)] = _InputWatch(app)
    return watch


class IdleWarmUp(QObject):
    """Runs `steps` one at a time, each after `idle_ms` without a key press, click or wheel turn.

    Input restarts the wait, so the steps (which block the UI thread for a moment) land in pauses.
    While steps remain, the shared application-wide input watch restarts the wait on every key press.
    """

    def __init__(self, parent: QObject, steps: Iterable[Callable[[], object]], idle_ms: int) -> None:
        super().__init__(parent)
        self._steps: deque[Callable[[], object]] = deque(steps)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(idle_ms)
        self._timer.timeout.connect(self._run_next)
        self._watch: _InputWatch | None = None
        if self._steps:
            self._watch = _input_watch()
            if self._watch is not None:
                self._watch.watch(self._timer)
            self._timer.start()

    @property
    def pending(self) -> int:
        """How many steps have not run yet."""
        return len(self._steps)

    def stop(self) -> None:
        """Drop the remaining steps and stop watching input."""
        self._steps.clear()
        self._timer.stop()
        if self._watch is not None:
            self._watch.unwatch(self._timer)
            self._watch = None

    def _run_next(self) -> None:
        if not self._steps:
            self.stop()
            return
        step = self._steps.popleft()
        try:
            step()
        finally:
            if self._steps:
                self._timer.start()
            else:
                self.stop()
