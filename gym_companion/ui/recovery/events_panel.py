"""Upcoming events (F9) with their no-failure windows, and the shared form to add, change or delete them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gym_companion.domain.model import TrainingEvent
from gym_companion.services.profile import ProfileService
from gym_companion.services.recovery_projection import EventOutlook
from gym_companion.ui.recovery.wording import clock_text
from gym_companion.ui.theme import Colors
from gym_companion.ui.widgets.event_form import EventForm

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
    """Lists upcoming events; adds, changes (Enter or double-click) and deletes them, never modally."""

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
        self._palette = palette
        title = QLabel("Upcoming events")
        title.setProperty("role", "title")
        title.setToolTip(
            "Races, matches, trips: anything you cannot afford to be sore for. "
            "Avoid failure sets in the hours before it (rule F9)."
        )
        self._events: dict[int, TrainingEvent] = {}
        self.list = QListWidget()
        self.list.setObjectName("recoveryEvents")
        self.list.setWordWrap(True)
        self.list.setMinimumHeight(70)
        self.list.setToolTip("Enter or double-click: change the event · Del: delete it")
        self.list.itemSelectionChanged.connect(self._selection_changed)
        self.list.itemActivated.connect(self._edit_item)
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

        self.form = EventForm(profile, now)
        self.form.saved.connect(lambda _event: self.events_changed.emit())
        # The form's inputs, by their old names (tests and the page reach them here).
        self.title_input = self.form.title_input
        self.start_input = self.form.start_input
        self.window_input = self.form.window_input
        self.add_button = self.form.add_button
        self.error_label = self.form.error_label

        header = QHBoxLayout()
        header.addWidget(title, 1)
        header.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.form)

    def reset_form(self) -> None:
        """Clear the title and suggest next week, on the hour, as the start."""
        self.form.reset()

    def show_events(self, outlooks: list[EventOutlook], now: datetime) -> None:
        """Rebuild the list from the latest report."""
        self.list.clear()
        self._events = {o.event.id: o.event for o in outlooks if o.event.id is not None}
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
        """Save the event in the form (new or changed), or say what is wrong with it."""
        self.form.submit()

    def delete_selected(self) -> None:
        """Delete the selected event."""
        item = self.list.currentItem()
        event_id = item.data(EVENT_ID_ROLE) if item is not None else None
        if isinstance(event_id, int):
            self._profile.delete_event(event_id)
            editing = self.form.editing
            if editing is not None and editing.id == event_id:
                self.form.reset()
            self.events_changed.emit()

    def _edit_item(self, item: QListWidgetItem) -> None:
        event = self._events.get(item.data(EVENT_ID_ROLE))
        if event is not None:
            self.form.edit(event)

    def _selection_changed(self) -> None:
        item = self.list.currentItem()
        self.delete_button.setEnabled(item is not None and isinstance(item.data(EVENT_ID_ROLE), int))

    def _tooltip(self, outlook: EventOutlook, now: datetime) -> str:
        event = outlook.event
        text = (
            f"{event.title}: {clock_text(event.starts_at, now)}. No failure sets in the "
            f"{event.no_failure_window_h} h before it (from {clock_text(outlook.window_starts, now)}), "
            "so you are not sore on the day (rule F9)."
        )
        if outlook.not_ready:
            text += "\nBelow 90 % at the start if trained no more: " + ", ".join(
                m.label for m in outlook.not_ready
            )
        return text
