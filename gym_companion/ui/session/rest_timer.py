"""The rest timer panel: a big m:ss countdown, +15 s / −15 s / skip, and an alarm at zero.

Time comes from an injected monotonic clock measured against a deadline, so the display never
drifts and is right after the laptop sleeps. It ticks four times a second, only while it runs and
is visible (battery: the idle-CPU bar). The state is saved on every change so a restart resumes it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetricsF, QHideEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from gym_companion.domain.rest_countdown import ADJUST_STEP_S, RestCountdown, format_remaining
from gym_companion.ui.session.alarm import RestAlarm
from gym_companion.ui.theme import colors
from gym_companion.ui.widgets.clock import Clocks

TICK_MS = 250
FLASHES = 8
FULL_POINT_SIZE = 54
# The widest text of each shape the label can show ("0" stands for the font's widest digit): the font is
# fitted to these, so that "+59:59" and "+1:02:03" fit the pinned label and the size changes at most once.
WIDEST_MINUTES = "+00:00"
WIDEST_HOURS = "+00:00:00"
TEXT_PADDING_PX = 4  # anti-aliasing may paint a pixel past the advance at either end


class RestTimerPanel(QFrame):
    """Shows and runs the rest countdown. `state_changed(dict | None)` asks the owner to persist it."""

    state_changed = Signal(object)
    finished = Signal()
    ticked = Signal(float, float)  # seconds left (negative in overtime), the rest as planned: spoken cues

    def __init__(self, clocks: Clocks, alarm: RestAlarm, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restTimer")
        self._clocks = clocks
        self._alarm = alarm
        self.countdown = RestCountdown()
        self._flashes_left = 0
        self._overtime_shown = False
        self._point_sizes = {WIDEST_MINUTES: FULL_POINT_SIZE, WIDEST_HOURS: FULL_POINT_SIZE}
        self._style_shown = (FULL_POINT_SIZE, False)
        self.caption = QLabel("Rest")
        self.caption.setProperty("role", "muted")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.remaining_label = QLabel("–:––")
        self.remaining_label.setObjectName("restRemainingLabel")
        self.remaining_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.remaining_label.setStyleSheet(_label_style(FULL_POINT_SIZE, over=False))
        self.remaining_label.setToolTip(
            "Rest left (m:ss). It starts by itself after each set; +m:ss is time past the planned rest."
        )
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        self.minus_button = QPushButton(f"−{ADJUST_STEP_S} s")
        self.minus_button.setToolTip(f"{ADJUST_STEP_S} seconds less (Ctrl+−)")
        self.plus_button = QPushButton(f"+{ADJUST_STEP_S} s")
        self.plus_button.setToolTip(f"{ADJUST_STEP_S} seconds more (Ctrl++)")
        self.skip_button = QPushButton("Skip")
        self.skip_button.setToolTip("End the rest now (Ctrl+Shift+S)")
        for button in (self.minus_button, self.plus_button, self.skip_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.minus_button.clicked.connect(lambda: self.adjust(-ADJUST_STEP_S))
        self.plus_button.clicked.connect(lambda: self.adjust(ADJUST_STEP_S))
        self.skip_button.clicked.connect(self.skip)
        buttons = QHBoxLayout()
        buttons.addWidget(self.minus_button)
        buttons.addWidget(self.plus_button)
        buttons.addWidget(self.skip_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 4)  # tight: the side column under it must fit 1366 × 768
        layout.setSpacing(4)
        layout.addWidget(self.caption)
        layout.addWidget(self.remaining_label)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)
        self.next_label = QLabel()  # the set after this rest (ui/session/speech.py fills it)
        self.next_label.setObjectName("restNextSet")
        self.next_label.setWordWrap(True)
        self.next_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next_label.hide()
        layout.addWidget(self.next_label)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)
        self._flash_timer = QTimer(self)
        self._flash_timer.setInterval(300)
        self._flash_timer.timeout.connect(self._flash_step)
        self._update_buttons()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Pin the m:ss label to the panel's width, so that a new text repaints the label alone.

        A label whose size may follow its text makes the whole page lay out and repaint at every change:
        once a second while a rest runs, that was most of the idle CPU (PRODUCT.md: at most 1 % of a core).
        The panel sits in a fixed-width column, so pinning never holds it wider than it is given.
        """
        super().resizeEvent(event)
        margins = self.contentsMargins() + self.layout().contentsMargins()
        width = event.size().width() - margins.left() - margins.right()
        label = self.remaining_label
        label.ensurePolished()  # the 54 pt style sheet font
        if width <= 0:
            return
        full = QFont(label.font())
        full.setPointSize(FULL_POINT_SIZE)  # the height stays that of the full size when the font shrinks
        own = label.contentsMargins()
        height = math.ceil(QFontMetricsF(full).height()) + own.top() + own.bottom()
        pinned = QSize(width, height)
        if label.minimumSize() != pinned or label.maximumSize() != pinned:
            label.setFixedSize(pinned)
        text_width = width - own.left() - own.right() - TEXT_PADDING_PX
        self._point_sizes = {
            shape: _fitting_point_size(full, shape, text_width) for shape in self._point_sizes
        }
        self._apply_style(self._overtime_shown)

    # --- control --------------------------------------------------------------------------------
    def start(self, seconds: int, caption: str = "Rest") -> None:
        """Start a rest of `seconds` (0 = no rest, e.g. before a drop set)."""
        self._stop_flash()
        self.caption.setText(caption)
        if seconds <= 0:
            self.countdown.skip(self._clocks.monotonic())
            self.remaining_label.setText("–:––")
            self._timer.stop()
            self._persist()
            self._update_buttons()
            return
        self.countdown.start(self._clocks.monotonic(), seconds)
        self._persist()
        self._ensure_ticking()
        self.tick()

    def adjust(self, delta_s: int) -> None:
        """Add or take away time (+15 s / −15 s)."""
        if not self.countdown.is_running:
            return
        self.countdown.adjust(self._clocks.monotonic(), delta_s)
        self._persist()
        self.tick()

    def skip(self) -> None:
        """End the rest now."""
        if not self.countdown.is_running:
            return
        self.countdown.skip(self._clocks.monotonic())
        self._timer.stop()
        self._stop_flash()
        self.remaining_label.setText("–:––")
        self._apply_style(over=False)
        self.caption.setText("Rest")
        self.progress.setValue(0)
        self._persist()
        self._update_buttons()

    def restore(self, state: dict[str, Any], caption: str = "Rest") -> None:
        """Resume a countdown saved before a restart (in overtime if its deadline passed meanwhile)."""
        try:
            self.countdown = RestCountdown.from_state(state, self._clocks.monotonic(), self._clocks.wall())
        except (KeyError, TypeError, ValueError):
            return
        if self.countdown.is_running:
            self.caption.setText(caption)
            self._ensure_ticking()
            self.tick()

    def state(self) -> dict[str, Any] | None:
        """The countdown as a dict to persist (None when idle)."""
        if not self.countdown.is_running:
            return None
        return self.countdown.to_state(self._clocks.monotonic(), self._clocks.wall())

    # --- ticking --------------------------------------------------------------------------------
    def tick(self) -> None:
        """Refresh the display from the clock; ring once at zero."""
        now = self._clocks.monotonic()
        if not self.countdown.is_running:
            self._timer.stop()
            return
        remaining = self.countdown.remaining(now)
        text = format_remaining(remaining)
        if self.remaining_label.text() != text:
            self.remaining_label.setText(text)
            self._apply_style(remaining < 0)
        total = max(self.countdown.duration_s, 1.0)
        self.progress.setValue(int(100 * max(0.0, min(1.0, 1 - remaining / total))))
        finished = self.countdown.just_finished(now)
        self.ticked.emit(remaining, self.countdown.duration_s)
        if finished:
            self._ring()
        self._update_buttons()

    def _apply_style(self, over: bool) -> None:
        """Overtime reads in the caution colour, an idle or skipped timer in the normal one; past an hour
        the font is the one that fits "+9:59:59". Restyles only when one of them changes (rarely)."""
        self._overtime_shown = over
        shape = WIDEST_HOURS if self.remaining_label.text().count(":") > 1 else WIDEST_MINUTES
        wanted = (self._point_sizes[shape], over)
        if wanted != self._style_shown:
            self._style_shown = wanted
            self.remaining_label.setStyleSheet(_label_style(*wanted))

    @property
    def point_size(self) -> int:
        """The countdown's font size in points (for tests of the fit)."""
        return self._style_shown[0]

    def show_next(self, text: str, why: str) -> None:
        """Show the next set under the timer ('' hides the line); `why` is its tooltip."""
        self.next_label.setText(text)
        self.next_label.setToolTip(why)
        self.next_label.setVisible(bool(text))

    def _ensure_ticking(self) -> None:
        if self.isVisible() and not self._timer.isActive():
            self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        """Resume ticking when shown."""
        super().showEvent(event)
        if self.countdown.is_running:
            self._timer.start()
            self.tick()

    def hideEvent(self, event: QHideEvent) -> None:
        """No ticks while nobody can see them."""
        super().hideEvent(event)
        self._timer.stop()

    @property
    def ticking(self) -> bool:
        """Whether the display timer is running (for tests of the battery behaviour)."""
        return self._timer.isActive()

    # --- alarm ----------------------------------------------------------------------------------
    def _ring(self) -> None:
        self.caption.setText("Rest over — next set")
        self._flashes_left = FLASHES
        self._flash_timer.start()
        self._alarm.ring(self.window())
        self.finished.emit()

    def _flash_step(self) -> None:
        self._flashes_left -= 1
        on = self._flashes_left % 2 == 1
        c = colors()
        self.setStyleSheet(f"#restTimer {{ background: {c.accent}; border-radius: 8px; }}" if on else "")
        if self._flashes_left <= 0:
            self._stop_flash()

    def _stop_flash(self) -> None:
        self._flash_timer.stop()
        self._flashes_left = 0
        self.setStyleSheet("")

    @property
    def flashing(self) -> bool:
        """Whether the visual alert is on."""
        return self._flash_timer.isActive()

    def _persist(self) -> None:
        self.state_changed.emit(self.state())

    def _update_buttons(self) -> None:
        running = self.countdown.is_running
        for button in (self.minus_button, self.plus_button, self.skip_button):
            button.setEnabled(running)


def _label_style(point_size: int, over: bool) -> str:
    colour = f" color: {colors().caution};" if over else ""
    return f"font-size: {point_size}pt; font-weight: 700;{colour}"


def _fitting_point_size(font: QFont, shape: str, width: int) -> int:
    """The largest point size up to FULL_POINT_SIZE at which `shape`, its digits the widest, fits `width`."""
    sized = QFont(font)
    sized.setPointSize(FULL_POINT_SIZE)
    metrics = QFontMetricsF(sized)
    widest_digit = max("0123456789", key=metrics.horizontalAdvance)
    advance = metrics.horizontalAdvance(shape.replace("0", widest_digit))
    if advance <= width:
        return FULL_POINT_SIZE
    return max(8, int(FULL_POINT_SIZE * width / advance))


def no_op_alarm_factory() -> Callable[[QWidget], None]:
    """An alarm that does nothing (for embedding without sound)."""
    return lambda _w: None
