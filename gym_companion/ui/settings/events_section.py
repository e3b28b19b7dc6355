"""Preferences › Events: add, change and delete upcoming events and their no-failure windows (F9).

Events are records rather than settings: each change is saved at once (as on the Recovery page, with the
same form), and the Recovery page lists them straight away.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QWidget

from gym_companion.domain.model import TrainingEvent
from gym_companion.domain.settings import Settings
from gym_companion.services.profile import ProfileService
from gym_companion.ui.recovery.wording import clock_text
from gym_companion.ui.settings.section import SettingsSection
from gym_companion.ui.widgets.event_form import EventForm

EVENT_ID_ROLE = Qt.ItemDataRole.UserRole


def event_text(event: TrainingEvent, now: datetime) -> str:
    """'10K race · Sat 21 Jun 09:00 · no failure from Wed 18 Jun 09:00 (72 h)'."""
    when = clock_text(event.starts_at, now)
    if event.no_failure_window_h == 0:
        return f"{event.title} · {when} · no no-failure window"
    window_start = clock_text(event.starts_at - timedelta(hours=event.no_failure_window_h), now)
    return f"{event.title} · {when} · no failure from {window_start} ({event.no_failure_window_h} h)"


class EventsSection(SettingsSection):
    """The upcoming events, and the shared form to add or change one."""

    title = "Events"
    has_defaults = False
    events_changed = Signal()

    def __init__(
        self, profile: ProfileService, now: Callable[[], datetime], parent: QWidget | None = None
    ) -> None:
        super().__init__(
            "Events",
            "Races, matches, trips: anything you cannot afford to be sore for. The app warns about failure "
            "sets in the hours before it (F9). Changes here are saved at once.",
            parent,
        )
        self._profile = profile
        self._now = now
        self._events: dict[int, TrainingEvent] = {}
        self.list = QListWidget()
        self.list.setObjectName("settingsEvents")
        self.list.setWordWrap(True)
        self.list.setMinimumHeight(150)
        self.list.setToolTip("Upcoming events, soonest first. Enter or E: change · Del: delete")
        self.list.itemActivated.connect(lambda _item: self.edit_selected())
        self.list.itemSelectionChanged.connect(self._selection_changed)
        for keys, slot in (
            (QKeySequence.StandardKey.Delete, self.delete_selected),
            ("E", self.edit_selected),
        ):
            QShortcut(QKeySequence(keys), self.list, slot, context=Qt.ShortcutContext.WidgetShortcut)
        self.edit_button = QPushButton("Change…")
        self.edit_button.setObjectName("settingsEditEvent")
        self.edit_button.setToolTip("Load the selected event into the form below (Enter or E in the list)")
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton("Delete")
        self.delete_button.setObjectName("settingsDeleteEvent")
        self.delete_button.setToolTip("Delete the selected event (Del in the list)")
        self.delete_button.clicked.connect(self.delete_selected)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        self.form = EventForm(profile, now)
        self.form.setObjectName("settingsEventForm")
        self.form.saved.connect(self._saved)
        self.outer.addWidget(self.list, 1)
        self.outer.addLayout(buttons)
        self.outer.addWidget(self.form)
        self.reload()

    # --- list -------------------------------------------------------------------------------------
    def reload(self) -> None:
        """List the upcoming events again (also after the Recovery page changed them)."""
        now = self._now()
        selected = self._selected_id()
        events = self._profile.upcoming_events()
        self._events = {e.id: e for e in events if e.id is not None}
        self.list.clear()
        if not events:
            item = QListWidgetItem("No events planned. Add a race, match or trip below.")
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(item)
        for event in events:
            item = QListWidgetItem(event_text(event, now))
            item.setData(EVENT_ID_ROLE, event.id)
            item.setToolTip(
                f"{event.title}: no failure sets in the {event.no_failure_window_h} h before it, so you "
                "are not sore on the day (F9)."
            )
            self.list.addItem(item)
            if event.id == selected:
                self.list.setCurrentItem(item)
        self._selection_changed()

    def _selected_id(self) -> int | None:
        item = self.list.currentItem()
        value = item.data(EVENT_ID_ROLE) if item is not None else None
        return value if isinstance(value, int) else None

    def _selection_changed(self) -> None:
        chosen = self._selected_id() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    # --- actions ----------------------------------------------------------------------------------
    def edit_selected(self) -> None:
        """Load the selected event into the form to change it."""
        event = self._events.get(self._selected_id() or -1)
        if event is not None:
            self.form.edit(replace(event))

    def delete_selected(self) -> None:
        """Delete the selected event at once."""
        event_id = self._selected_id()
        if event_id is None:
            return
        row = self.list.currentRow()
        self._profile.delete_event(event_id)
        editing = self.form.editing
        if editing is not None and editing.id == event_id:
            self.form.reset()
        self.reload()
        self.list.setCurrentRow(min(row, self.list.count() - 1))
        self.list.setFocus()
        self.events_changed.emit()

    def _saved(self, event: TrainingEvent) -> None:
        self.reload()
        for row in range(self.list.count()):
            if self.list.item(row).data(EVENT_ID_ROLE) == event.id:
                self.list.setCurrentRow(row)
        self.events_changed.emit()

    # --- SettingsSection --------------------------------------------------------------------------
    def load(self, settings: Settings) -> None:
        """Events are not settings: just list them afresh."""
        self.reload()

    def read(self, settings: Settings) -> tuple[Settings, dict[str, str]]:
        """Events are saved as they change; the settings pass through untouched."""
        return settings, {}
