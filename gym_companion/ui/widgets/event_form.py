"""The small form that adds or changes an upcoming event (F9), shared by the Recovery page and Preferences.

Two rows: the name with the Add / Save button, then the start with its no-failure window. Enter in the
name saves; Esc while changing an event goes back to adding. The service checks the event (name, a
moment in the future, a window of 0-336 h) and the form shows its message inline; nothing is saved then.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gym_companion.domain.model import TrainingEvent
from gym_companion.domain.settings_check import MAX_EVENT_WINDOW_H
from gym_companion.services.profile import ProfileService

DEFAULT_WINDOW_H = 72  # F9: no failure in the 72 h before an event, unless the lifter says otherwise
WINDOW_TOOLTIP = (
    "No-failure window: the hours before the event without failure sets, so you are not sore on the day "
    f"(F9). Default {DEFAULT_WINDOW_H} h; 0 turns the warning off for this event."
)


class EventForm(QWidget):
    """Name, start and no-failure window of one event; adds a new one or saves changes to a chosen one."""

    saved = Signal(object)  # the TrainingEvent as stored

    def __init__(
        self, profile: ProfileService, now: Callable[[], datetime], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._profile = profile
        self._now = now
        self._editing: TrainingEvent | None = None

        self.title_input = QLineEdit()
        self.title_input.setObjectName("eventTitle")
        self.title_input.setPlaceholderText("Event, e.g. 10K race")
        self.title_input.setToolTip("What the event is: a race, a match, a trip. Enter saves it.")
        self.title_input.returnPressed.connect(self.submit)
        self.start_input = QDateTimeEdit()
        self.start_input.setObjectName("eventStart")
        self.start_input.setCalendarPopup(True)
        self.start_input.setDisplayFormat("ddd d MMM yy HH:mm")
        self.start_input.setToolTip("When the event starts (your local time). Default: a week from now.")
        self.window_input = QSpinBox()
        self.window_input.setObjectName("eventWindow")
        self.window_input.setRange(0, MAX_EVENT_WINDOW_H)
        self.window_input.setSuffix(" h before")
        self.window_input.setToolTip(WINDOW_TOOLTIP)
        self.add_button = QPushButton("Add event")
        self.add_button.setObjectName("addEventButton")
        self.add_button.setToolTip("Save the event (Enter in the name)")
        self.add_button.clicked.connect(self.submit)
        self.cancel_button = QPushButton("Cancel change")
        self.cancel_button.setObjectName("cancelEventEditButton")
        self.cancel_button.setToolTip("Leave the event as it was (Esc)")
        self.cancel_button.clicked.connect(self.cancel_edit)
        self.cancel_button.hide()
        # Esc cancels a change only while one is under way; otherwise it is the window's (a dialog closes).
        self._escape = QShortcut(
            QKeySequence(Qt.Key.Key_Escape),
            self,
            self.cancel_edit,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        self._escape.setEnabled(False)
        self.error_label = QLabel()
        self.error_label.setObjectName("eventError")
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        what = QHBoxLayout()
        what.addWidget(self.title_input, 1)
        what.addWidget(self.add_button)
        what.addWidget(self.cancel_button)
        when = QHBoxLayout()
        when.addWidget(self.start_input, 1)
        no_failure = QLabel("no failure for")
        no_failure.setProperty("role", "muted")
        when.addWidget(no_failure)
        when.addWidget(self.window_input)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(what)
        layout.addLayout(when)
        layout.addWidget(self.error_label)
        self.reset()

    @property
    def editing(self) -> TrainingEvent | None:
        """The event being changed, or None while adding a new one."""
        return self._editing

    def reset(self) -> None:
        """Back to adding: empty name, next week on the hour, the default window."""
        self._editing = None
        self.title_input.clear()
        start = (self._now() + timedelta(days=7)).astimezone().replace(minute=0, second=0, microsecond=0)
        self._set_start(start)
        self.window_input.setValue(DEFAULT_WINDOW_H)
        self.add_button.setText("Add event")
        self.cancel_button.hide()
        self._escape.setEnabled(False)
        self.error_label.hide()

    def edit(self, event: TrainingEvent) -> None:
        """Load an event to change it; the button saves the changes instead of adding."""
        self._editing = event
        self.title_input.setText(event.title)
        self._set_start(event.starts_at)
        self.window_input.setValue(event.no_failure_window_h)
        self.add_button.setText("Save changes")
        self.cancel_button.show()
        self._escape.setEnabled(True)
        self.error_label.hide()
        self.title_input.setFocus()
        self.title_input.selectAll()

    def cancel_edit(self) -> None:
        """Stop changing an event without saving."""
        if self._editing is not None:
            self.reset()

    def submit(self) -> None:
        """Save the event in the form (new or changed), or say inline what is wrong with it."""
        # The edit shows local time; seconds since the epoch make it an unambiguous UTC moment.
        starts_at = datetime.fromtimestamp(self.start_input.dateTime().toSecsSinceEpoch(), UTC)
        event_id = self._editing.id if self._editing is not None else None
        event = TrainingEvent(self.title_input.text(), starts_at, self.window_input.value(), id=event_id)
        try:
            stored = self._profile.save_event(event)
        except ValueError as exc:
            self.error_label.setText(str(exc))
            self.error_label.show()
            return
        self.reset()
        self.saved.emit(stored)

    def _set_start(self, moment: datetime) -> None:
        self.start_input.setDateTime(QDateTime.fromSecsSinceEpoch(int(moment.timestamp())))
