"""Upcoming events (F9) with their no-failure windows, and a small inline form to add or delete them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gym_companion.domain.model import TrainingEvent
from gym_companion.services.profile import ProfileService
from gym_companion.services.recovery_projection import EventOutlook
from gym_companion.ui.recovery.wording import clock_text
from gym_companion.ui.theme import Colors

DEFAULT_WINDOW_H = 72  # F9: no failure in the 72 h before an event, unless the lifter says otherwise
EVENT_ID_ROLE = Qt.ItemDataRole.UserRole


def event_line(outlook: EventOutlook, now: datetime) -> str:
    """'10K race · Sat 14:00 · no failure from Wed 14:00' (or '… · no failure now' inside the window)."""
    event = outlook.event
    when = clock_text(event.starts_at, now)
    window = (
        "no failure now"
        if outlook.window_open
        else f"no failure from {clock_text(outlook.window_starts, now)}"
    )
    line = f"{event.title} · {when} · {window}"
    if outlook.not_ready:
        line += "\n   Not at 90 % by then: " + ", ".join(m.label for m in outlook.not_ready)
    return line


class EventsPanel(QWidget):
    """Lists upcoming events and adds/deletes them without a modal dialog."""

    events_changed = Signal()

    def __init__(
        self,
        profile: ProfileService,
        now: Callable[[], datetime],
        palette: Colors,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._profile = profile
        self._now = now
        self._palette = palette
        title = QLabel("Upcoming events")
        title.setProperty("role", "title")
        title.setToolTip(
            "Races, matches, trips: anything you cannot afford to be sore for. "
            "Avoid failure sets in the hours before it (F9)."
        )
        self.list = QListWidget()
        self.list.setObjectName("recoveryEvents")
        self.list.setWordWrap(True)
        self.list.setMinimumHeight(70)
        self.list.itemSelectionChanged.connect(self._selection_changed)
        self.delete_button = QPushButton("Delete")
        self.delete_button.setObjectName("deleteEventButton")
        self.delete_button.setEnabled(False)
        self.delete_button.setToolTip("Delete the selected event (Del)")
        self.delete_button.clicked.connect(self.delete_selected)
        QShortcut(
            QKeySequence.StandardKey.Delete,
            self.list,
            self.delete_selected,
            context=Qt.ShortcutContext.WidgetShortcut,
        )

        self.title_input = QLineEdit()
        self.title_input.setObjectName("eventTitle")
        self.title_input.setPlaceholderText("Event, e.g. 10K race")
        self.title_input.returnPressed.connect(self.add_event)
        self.start_input = QDateTimeEdit()
        self.start_input.setObjectName("eventStart")
        self.start_input.setCalendarPopup(True)
        self.start_input.setDisplayFormat("ddd d MMM yy HH:mm")
        self.start_input.setToolTip("When the event starts (your local time)")
        self.window_input = QSpinBox()
        self.window_input.setObjectName("eventWindow")
        self.window_input.setRange(0, 14 * 24)
        self.window_input.setValue(DEFAULT_WINDOW_H)
        self.window_input.setSuffix(" h before")
        self.window_input.setToolTip("No-failure window: hours before the event without failure sets (F9)")
        self.add_button = QPushButton("Add event")
        self.add_button.setObjectName("addEventButton")
        self.add_button.clicked.connect(self.add_event)
        self.error_label = QLabel()
        self.error_label.setObjectName("eventError")
        self.error_label.setProperty("role", "error")
        self.error_label.hide()

        when = QHBoxLayout()
        when.addWidget(self.start_input, 1)
        no_failure = QLabel("no failure for")
        no_failure.setProperty("role", "muted")
        when.addWidget(no_failure)
        when.addWidget(self.window_input)
        what = QHBoxLayout()
        what.addWidget(self.title_input, 1)
        what.addWidget(self.add_button)
        header = QHBoxLayout()
        header.addWidget(title, 1)
        header.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.list, 1)
        layout.addLayout(what)
        layout.addLayout(when)
        layout.addWidget(self.error_label)
        self.reset_form()

    def reset_form(self) -> None:
        """Clear the title and suggest next week, on the hour, as the start."""
        self.title_input.clear()
        start = (self._now() + timedelta(days=7)).astimezone().replace(minute=0, second=0, microsecond=0)
        self.start_input.setDateTime(QDateTime.fromSecsSinceEpoch(int(start.timestamp())))
        self.window_input.setValue(DEFAULT_WINDOW_H)

    def show_events(self, outlooks: list[EventOutlook], now: datetime) -> None:
        """Rebuild the list from the latest report."""
        self.list.clear()
        self._selection_changed()  # clearing the list does not always say so
        if not outlooks:
            item = QListWidgetItem(
                "No events planned. Add a race, match or trip below to protect it from soreness."
            )
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            item.setForeground(QColor(self._palette.muted))
            self.list.addItem(item)
            return
        for outlook in outlooks:
            item = QListWidgetItem(event_line(outlook, now))
            item.setData(EVENT_ID_ROLE, outlook.event.id)
            if outlook.window_open:
                item.setForeground(QColor(self._palette.failure))
            item.setToolTip(self._tooltip(outlook, now))
            self.list.addItem(item)

    def add_event(self) -> None:
        """Save the event in the form, or say what is wrong with it."""
        title = self.title_input.text().strip()
        # The edit shows local time; seconds since the epoch make it an unambiguous UTC moment.
        starts_at = datetime.fromtimestamp(self.start_input.dateTime().toSecsSinceEpoch(), UTC)
        if not title:
            self._error("Give the event a name.")
            return
        if starts_at <= self._now():
            self._error("That moment has passed: pick a time in the future.")
            return
        self._profile.save_event(TrainingEvent(title, starts_at, self.window_input.value()))
        self.error_label.hide()
        self.reset_form()
        self.events_changed.emit()

    def delete_selected(self) -> None:
        """Delete the selected event."""
        item = self.list.currentItem()
        event_id = item.data(EVENT_ID_ROLE) if item is not None else None
        if isinstance(event_id, int):
            self._profile.delete_event(event_id)
            self.events_changed.emit()

    def _selection_changed(self) -> None:
        item = self.list.currentItem()
        self.delete_button.setEnabled(item is not None and isinstance(item.data(EVENT_ID_ROLE), int))

    def _error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def _tooltip(self, outlook: EventOutlook, now: datetime) -> str:
        event = outlook.event
        text = (
            f"{event.title}: {clock_text(event.starts_at, now)}. No failure sets in the "
            f"{event.no_failure_window_h} h before it (from {clock_text(outlook.window_starts, now)}), "
            "so you are not sore on the day (F9)."
        )
        if outlook.not_ready:
            text += "\nBelow 90 % at the start if trained no more: " + ", ".join(
                m.label for m in outlook.not_ready
            )
        return text
