"""This week at a glance, beside the workout: workouts done, hard sets per muscle against the landmarks,
failure sets against the weekly cap, the next event. Each part opens its full page (History, Recovery).

The numbers are the Recovery page's own (services.recovery_board), computed in the next pause of input
after a change (ui/widgets/idle_refresh.py) so logging a set stays instant. The panel folds away with a
click on its title; it remembers that.
"""

from __future__ import annotations

import html
import re
from datetime import datetime, timedelta

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from gym_companion.domain.model import TrainingEvent
from gym_companion.domain.settings import Settings
from gym_companion.services.context import AppContext
from gym_companion.services.recovery_board import RecoveryReport
from gym_companion.ui.recovery.wording import STYLE_LABELS, clock_text
from gym_companion.ui.session.week_bars import HardSetBars
from gym_companion.ui.theme import colors
from gym_companion.ui.widgets.idle_refresh import IdleRefresh

HISTORY_PAGE, RECOVERY_PAGE = 1, 2
OPEN_KEY = "session/weekGlanceOpen"
STALE_AFTER = timedelta(minutes=10)  # a panel left open for long reads again when next shown


class WeekGlance(QFrame):
    """The week's numbers in a few lines; `open_page(index)` asks the window for History or Recovery."""

    open_page = Signal(int)
    IDLE_MS = 400  # read in the first pause of input (tests set 0)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weekGlance")
        self._context = context
        self.report: RecoveryReport | None = None
        self.toggle = QToolButton()
        self.toggle.setObjectName("weekGlanceToggle")
        self.toggle.setText("This week")
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setAutoRaise(True)
        self.toggle.setStyleSheet("QToolButton { font-weight: 700; border: none; }")
        self.toggle.setToolTip("This week at a glance, Monday to now (click to fold or unfold)")
        self.sessions_label = self._link("weekSessions")
        self.failure_label = self._link("weekFailureSets")
        self.bars_caption = QLabel("Hard sets per muscle")
        self.bars_caption.setProperty("role", "muted")
        self.bars_caption.setToolTip(
            "Working sets at RIR 4 or closer since Monday (a secondary muscle counts half). Each bar runs "
            "to the muscle's MRV; the green band is its MAV range."
        )
        self.bars = HardSetBars()
        self.bars.clicked.connect(lambda: self.open_page.emit(RECOVERY_PAGE))
        self.event_label = self._link("weekNextEvent")
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(2)
        counts = QHBoxLayout()  # "2 workouts   Failure sets 2 of 10" on one line
        counts.setSpacing(12)
        counts.addWidget(self.sessions_label)
        counts.addWidget(self.failure_label)
        counts.addStretch(1)
        # The bars first, their caption on the title's line: a line less, so that the side column fits
        # 1366 × 768 without a scrollbar beside a two-line "Next" and a bodyweight message.
        body.addWidget(self.bars)
        body.addLayout(counts)
        body.addWidget(self.event_label)
        title = QHBoxLayout()
        title.addWidget(self.toggle)
        title.addStretch(1)
        title.addWidget(self.bars_caption)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(title)
        layout.addWidget(self.body)
        opened = QSettings().value(OPEN_KEY, True, type=bool)
        self.toggle.setChecked(bool(opened))
        self._show_open(bool(opened))
        self.toggle.toggled.connect(self._toggled)
        self._refresher = IdleRefresh(self.body, self.refresh, self.IDLE_MS)  # folded: nothing to read
        self.sessions_label.setText("…")

    def _link(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.linkActivated.connect(lambda href: self.open_page.emit(int(href)))
        return label

    # --- folding --------------------------------------------------------------------------------
    def _toggled(self, opened: bool) -> None:
        QSettings().setValue(OPEN_KEY, opened)
        self._show_open(opened)
        if opened:
            self._refresher.schedule()

    def _show_open(self, opened: bool) -> None:
        self.body.setVisible(opened)
        self.bars_caption.setVisible(opened)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if opened else Qt.ArrowType.RightArrow)

    # --- refreshing -----------------------------------------------------------------------------
    def mark_stale(self) -> None:
        """Sets, settings or events changed: read again in the next pause of input."""
        self._refresher.mark_stale()

    def showEvent(self, event: QShowEvent) -> None:
        """Read after the first paint, and again when shown after a long time (a new week may have begun)."""
        super().showEvent(event)
        if self.report is not None and self._context.now() - self.report.computed_at > STALE_AFTER:
            self._refresher.stale = True
        self._refresher.schedule()

    def refresh(self) -> None:
        """Compute the week now and show it."""
        self._refresher.stale = False
        self.show_report(self._context.recovery.report(), self._context.profile.settings)

    def show_report(self, report: RecoveryReport, settings: Settings) -> None:
        """Fill the lines and bars from a recovery report."""
        self.report = report
        link = colors().accent
        count = report.sessions_this_week
        words = "No workouts yet" if count == 0 else f"{count} workout{'s' if count != 1 else ''}"
        self.sessions_label.setText(f'<a href="{HISTORY_PAGE}" style="color:{link}">{words}</a>')
        self.sessions_label.setToolTip(
            f"Workouts with a set logged since Monday 00:00, this one included: {count}. Click: past "
            "sessions on the History page (Ctrl+2)."
        )
        self._show_failures(report, settings, link)
        self._show_event(report.upcoming_events, report.computed_at, link)
        self.bars.show_rows(report.rows)

    def _show_failures(self, report: RecoveryReport, settings: Settings, link: str) -> None:
        self.failure_label.setVisible(settings.failure_features)
        done, cap = report.failure_sets_this_week, report.failure_cap
        over = done > cap
        colour = f' style="color:{colors().caution}"' if over else ""
        count = f"<span{colour}>{done} of {cap}</span>"
        text = f'<a href="{RECOVERY_PAGE}" style="color:{link}">Failure sets</a> {count}'
        self.failure_label.setText(text + (" — over your cap" if over else ""))
        whose = (
            "your own cap"
            if settings.weekly_failure_cap is not None
            else f"the default for a {STYLE_LABELS[settings.training_style]} lifter"
        )
        self.failure_label.setToolTip(
            f"Sets taken to failure since Monday (either kind): {done}. Weekly cap: {cap}, {whose} (rules "
            "F10, F11): failing the same muscles again before they recover risks overtraining. Change it in "
            "Edit › Preferences (Ctrl+,). Click: the Recovery page."
        )

    def _show_event(self, events: list[TrainingEvent], now: datetime, link: str) -> None:
        event = events[0] if events else None
        self.event_label.setVisible(event is not None)
        if event is None:
            self.event_label.clear()
            return
        window_start = event.starts_at - timedelta(hours=event.no_failure_window_h)
        what = f"{html.escape(event.title)}, {clock_text(event.starts_at, now)}"
        lead = "No failure now" if now >= window_start else "Next event"
        self.event_label.setText(f'<a href="{RECOVERY_PAGE}" style="color:{link}">{lead}</a>: {what}')
        self.event_label.setToolTip(
            f"{event.title} starts {clock_text(event.starts_at, now)}. No failure sets in the "
            f"{event.no_failure_window_h} h before it, from {clock_text(window_start, now)} (rule F9), so "
            "you are not sore on the day. Click: the Recovery page."
        )

    def plain_text(self) -> str:
        """What the panel says, as plain text (for tests and screen readers)."""
        labels = (self.sessions_label, self.failure_label, self.event_label)
        lines = [
            html.unescape(re.sub(r"<[^>]+>", "", label.text())) for label in labels if not label.isHidden()
        ]
        lines.extend(self.bars.text_of(row) for row in self.bars.rows)
        return "\n".join(lines)
