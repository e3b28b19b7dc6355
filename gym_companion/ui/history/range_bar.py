"""The History page's date range: 3 months, 1 year, all, or custom From–To dates; every chart follows it.

Presets end now; "All" runs from the first day of history (at least two weeks back) to now, the same for
every chart and exercise. The date edits always show the range in force, and editing either of them picks
a custom range (whole local days, inclusive).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QButtonGroup, QDateEdit, QHBoxLayout, QLabel, QPushButton, QWidget

from gym_companion.ui.history.chart_base import Window

# (button text, days back from today or None for all, objectName, tooltip)
PRESETS: tuple[tuple[str, int | None, str, str], ...] = (
    ("3 months", 91, "historyRange3m", "The last 13 weeks, up to today"),
    ("1 year", 365, "historyRange1y", "The last 365 days, up to today"),
    ("All", None, "historyRangeAll", "Everything, from the first workout"),
)
DATE_FORMAT = "d MMM yyyy"
MIN_ALL_DAYS = 14  # a history of one session still gets a readable two-week axis


def day_start(day: date) -> float:
    """POSIX seconds of local midnight starting `day`."""
    return datetime.combine(day, time()).astimezone().timestamp()


class RangeBar(QWidget):
    """Range buttons and From–To date edits; `windowChanged(Window)` fires when the range changes."""

    windowChanged = Signal(object)  # noqa: N815 - Qt signal naming; (start, end) POSIX seconds or None

    def __init__(self, now: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._now = now
        self.days: int | None = None  # the preset in force (None: all)
        self.custom = False
        self.first_day: date | None = None  # the history's first day, shown in From for "All"
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QPushButton] = {}
        for text, days, name, tip in PRESETS:
            button = QPushButton(text)
            button.setObjectName(name)
            button.setCheckable(True)
            button.setProperty("role", "segment")  # the theme fills the checked one in the accent colour
            button.setToolTip(tip)
            button.clicked.connect(lambda _checked=False, d=days: self.choose(d))
            self.group.addButton(button)
            self.buttons[name] = button
            layout.addWidget(button)
        self.custom_button = QPushButton("Custom")
        self.custom_button.setObjectName("historyRangeCustom")
        self.custom_button.setCheckable(True)
        self.custom_button.setProperty("role", "segment")
        self.custom_button.setToolTip("Only the days from–to (pick them in the date boxes)")
        self.custom_button.clicked.connect(self._custom_clicked)
        self.group.addButton(self.custom_button)
        layout.addWidget(self.custom_button)
        layout.addSpacing(6)
        self.from_edit = self._date_edit("historyFrom", "First day shown")
        self.to_edit = self._date_edit("historyTo", "Last day shown")
        layout.addWidget(self.from_edit)
        dash = QLabel("–")
        layout.addWidget(dash)
        layout.addWidget(self.to_edit)
        self.buttons["historyRangeAll"].setChecked(True)
        self._show_dates()

    def _date_edit(self, name: str, tip: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(DATE_FORMAT)
        edit.setToolTip(f"{tip}; changing it picks a custom range")
        edit.dateChanged.connect(self._date_edited)
        return edit

    # --- the range ------------------------------------------------------------------------------
    @property
    def time_span(self) -> Window:
        """The range in force as POSIX seconds (None: open at that end)."""
        if self.custom:
            start = self.from_edit.date().toPython()
            end = self.to_edit.date().toPython()
            return day_start(start), day_start(end + timedelta(days=1))
        end_s = self._now().timestamp()
        if self.days is None:
            if self.first_day is None:
                return None, None
            # One window for every chart and exercise: switching lifts then leaves the axis alone.
            return min(day_start(self.first_day), end_s - MIN_ALL_DAYS * 86_400.0), end_s
        return end_s - self.days * 86_400.0, end_s

    @property
    def shows_all(self) -> bool:
        """Whether the whole history is in view (the "All" preset)."""
        return self.days is None and not self.custom

    @property
    def range_name(self) -> str:
        """The range in words, to lead lines that count within it: 'Last 3 months', 'All time', '2 Mar – 9 Apr
        2026'."""
        if self.custom:
            first = self.from_edit.date().toPython()
            last = self.to_edit.date().toPython()
            start = f"{first:%-d %b}" if first.year == last.year else f"{first:%-d %b %Y}"
            return f"{start} – {last:%-d %b %Y}"
        for text, preset, _name, _tip in PRESETS:
            if preset == self.days:
                return "All time" if preset is None else f"Last {text}"
        return "All time"

    def choose(self, days: int | None) -> None:
        """Pick a preset: the last `days` up to now (None: everything)."""
        self.days, self.custom = days, False
        for _text, preset, name, _tip in PRESETS:
            if preset == days:
                self.buttons[name].setChecked(True)
        self._show_dates()
        self.windowChanged.emit(self.time_span)

    def set_custom(self, first: date, last: date) -> None:
        """Pick the days `first`..`last` (inclusive; swapped if given the wrong way round)."""
        first, last = min(first, last), max(first, last)
        self.custom = True
        self.custom_button.setChecked(True)
        self._set_dates(first, last)
        self.windowChanged.emit(self.time_span)

    def set_first_day(self, first: date | None) -> None:
        """The history's first day: where "All" begins (and what From shows then)."""
        changed = first != self.first_day
        self.first_day = first
        if not self.custom:
            self._show_dates()
            if changed:
                self.windowChanged.emit(self.time_span)

    # --- internals ------------------------------------------------------------------------------
    def _custom_clicked(self) -> None:
        self.set_custom(self.from_edit.date().toPython(), self.to_edit.date().toPython())

    def _date_edited(self, _date: QDate) -> None:
        self.set_custom(self.from_edit.date().toPython(), self.to_edit.date().toPython())

    def _show_dates(self) -> None:
        today = self._now().astimezone().date()
        if self.days is None:
            first = self.first_day or today
        else:
            first = (self._now() - timedelta(days=self.days)).astimezone().date()
        self._set_dates(first, today)

    def _set_dates(self, first: date, last: date) -> None:
        for edit, day in ((self.from_edit, first), (self.to_edit, last)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)
