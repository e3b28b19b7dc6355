"""Bodyweight on the session page: a quick weigh-in field (Ctrl+B), the latest and the trend, the last few
weigh-ins with Delete and undo. The History page charts them; pull-ups, dips and push-ups use the latest in
their e1RM (services.bodyweight_log).
"""

from __future__ import annotations

import math
from datetime import datetime

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gym_companion.domain.bodyweight import DAILY_SMOOTHING
from gym_companion.domain.bodyweight_load import PUSH_UP_SHARE
from gym_companion.domain.model import BodyweightEntry
from gym_companion.domain.units import format_number, format_weight, parse_weight, to_unit
from gym_companion.domain.validation import check_bodyweight
from gym_companion.services.bodyweight_log import RECENT_ENTRIES, BodyweightLog, BodyweightStatus
from gym_companion.services.context import AppContext
from gym_companion.ui.widgets.idle_refresh import IdleRefresh

ENTRY_ROLE = Qt.ItemDataRole.UserRole
ROW_HEIGHT = 19
TREND_TIP = (
    "Trend: a smoothed average of your weigh-ins. Each day moves it "
    f"{DAILY_SMOOTHING:.0%} of the way towards the new reading, so water and food swings do not hide "
    "the real direction. In brackets: how far the trend moved in the last 4 weeks. The History page "
    "charts it all (Ctrl+2)."
)
LATEST_TIP = (
    "Your latest weigh-in. Pull-ups, chin-ups and dips count it in their e1RM and volume (plus any added "
    f"load; assisted machines: minus the help), push-ups about {PUSH_UP_SHARE:.0%} of it."
)


class DeletableList(QListWidget):
    """The recent weigh-ins: Delete removes the selected one, Ctrl+Z (here) brings it back."""

    delete_requested = Signal(object)
    undo_requested = Signal()

    def event(self, e: QEvent) -> bool:
        """Ctrl+Z belongs to this list while it has the keyboard (the page's own undo is for sets)."""
        undo = isinstance(e, QKeyEvent) and e.matches(QKeySequence.StandardKey.Undo)
        if e.type() == QEvent.Type.ShortcutOverride and undo:
            e.accept()
            return True
        return super().event(e)

    def keyPressEvent(self, e: QKeyEvent) -> None:
        """Delete / Backspace delete the selected weigh-in; Ctrl+Z undoes."""
        if e.matches(QKeySequence.StandardKey.Undo):
            self.undo_requested.emit()
            return
        if e.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            item = self.currentItem()
            if item is not None:
                self.delete_requested.emit(item.data(ENTRY_ROLE))
            return
        super().keyPressEvent(e)


class BodyweightPanel(QWidget):
    """Weigh-in entry and recent history. `changed` after a weigh-in is logged, deleted or restored;
    `done` when Enter or Esc hands the keyboard back to the workout."""

    changed = Signal()
    done = Signal()
    IDLE_MS = 400  # read the weigh-ins in the first pause of input (tests set 0)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bodyweightPanel")
        assert context.bodyweight is not None, "the bodyweight service is wired in session_factory"
        self._log: BodyweightLog = context.bodyweight
        self._context = context
        self._deleted: list[BodyweightEntry] = []

        caption = QLabel("Bodyweight")
        caption.setProperty("role", "muted")
        caption.setToolTip("Weigh in here (Ctrl+B); the History page charts it")
        self.input = QLineEdit()
        self.input.setObjectName("bodyweightInput")
        self.input.setMaximumWidth(90)
        self.input.returnPressed.connect(self.log_entered)
        self.log_button = QPushButton("Log")
        self.log_button.setObjectName("bodyweightLogButton")
        self.log_button.setToolTip("Save this weigh-in (Enter)")
        self.log_button.clicked.connect(self.log_entered)
        entry_row = QHBoxLayout()
        entry_row.addWidget(caption)
        entry_row.addStretch(1)
        entry_row.addWidget(self.input)
        entry_row.addWidget(self.log_button)
        self.status_label = QLabel()
        self.status_label.setObjectName("bodyweightStatus")
        self.status_label.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setObjectName("bodyweightError")
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.recent = DeletableList()
        self.recent.setObjectName("bodyweightRecent")
        self.recent.setToolTip("Your last weigh-ins: Delete removes the selected one, Ctrl+Z brings it back")
        self.recent.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.recent.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.recent.delete_requested.connect(self.delete_entry)
        self.recent.undo_requested.connect(self.undo_delete)
        self.recent.hide()  # until show_status has entries for it: an empty framed box reads as broken
        self.undo_button = QPushButton("Undo delete (Ctrl+Z)")
        self.undo_button.setObjectName("bodyweightUndo")
        self.undo_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.undo_button.clicked.connect(self.undo_delete)
        self.undo_button.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addLayout(entry_row)
        layout.addWidget(self.error_label)
        layout.addWidget(self.status_label)
        layout.addWidget(self.recent)
        layout.addWidget(self.undo_button)
        self._refresher = IdleRefresh(self, self.refresh, self.IDLE_MS)  # first read: after the first paint
        self._show_unit()

    # --- keyboard -------------------------------------------------------------------------------
    def focus_entry(self) -> None:
        """Ctrl+B: the cursor in the weigh-in field."""
        self.input.setFocus()
        self.input.selectAll()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc hands the keyboard back to the workout."""
        if event.key() == Qt.Key.Key_Escape:
            self._clear_error()
            self.done.emit()
            return
        super().keyPressEvent(event)

    # --- actions --------------------------------------------------------------------------------
    def log_entered(self) -> None:
        """Validate and save what is typed; say what is wrong otherwise (nothing saved)."""
        unit = self._context.profile.settings.unit
        try:
            # Any number parses; the weigh-in's own range says what is wrong with it.
            kg = check_bodyweight(
                parse_weight(self.input.text(), unit, allow_negative=True, max_kg=math.inf), unit
            )
            self._log.log(kg)
        except ValueError as exc:
            self._show_error(str(exc))
            return
        self._clear_error()
        self.input.clear()
        self._after_change()
        self.done.emit()

    def delete_entry(self, entry: object) -> None:
        """Delete a weigh-in (Undo brings it back)."""
        if not isinstance(entry, BodyweightEntry):
            return
        self._log.delete(entry)
        self._deleted.append(entry)
        self._after_change()

    def undo_delete(self) -> None:
        """Bring back the weigh-in deleted last."""
        if not self._deleted:
            return
        self._log.restore(self._deleted.pop())
        self._after_change()

    def _after_change(self) -> None:
        self._context.advice.forget()  # e1RMs of bodyweight exercises moved with the weigh-in
        self.refresh()
        self.changed.emit()

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()
        # The message takes the recent list's place until it is dealt with: both at once pushed the
        # side column into a scrollbar at 1366 × 768.
        self.recent.hide()
        self.focus_entry()

    def _clear_error(self) -> None:
        self.error_label.hide()
        self.recent.setVisible(self.recent.count() > 0)

    # --- display --------------------------------------------------------------------------------
    def mark_stale(self) -> None:
        """Read the weigh-ins again in the next pause (e.g. the unit changed)."""
        self._show_unit()
        self._refresher.mark_stale()

    def refresh(self) -> None:
        """Read the weigh-ins now and show them."""
        self._refresher.stale = False
        self._show_unit()
        self.show_status(self._log.status(), self._context.now())

    def _show_unit(self) -> None:
        unit = self._context.profile.settings.unit.value
        self.input.setPlaceholderText(unit)
        self.input.setToolTip(f"Your bodyweight in {unit}; Enter saves it (Ctrl+B comes here)")

    def show_status(self, status: BodyweightStatus, now: datetime) -> None:
        """The latest weigh-in, the trend and the recent entries."""
        unit = self._context.profile.settings.unit
        latest = status.latest
        if latest is None:
            self.status_label.setText("No weigh-ins yet.")
            self.status_label.setToolTip(LATEST_TIP)
        else:
            text = f"<b>{format_weight(latest.weight_kg, unit)}</b> {_when(latest.measured_at, now)}"
            if status.trend_kg is not None:
                text += f" · trend {format_number(round(to_unit(status.trend_kg, unit), 1))}"
                change = _signed(to_unit(status.change_kg, unit)) if status.change_kg is not None else ""
                if change:
                    text += f" ({change})"
            self.status_label.setText(text)
            self.status_label.setToolTip(f"{LATEST_TIP}\n\n{TREND_TIP}")
        self.recent.clear()
        for entry in status.recent[:RECENT_ENTRIES]:
            local = entry.measured_at.astimezone()
            when = f"{local:%a} {local.day} {local:%b %H:%M}"
            item = QListWidgetItem(f"{when} · {format_weight(entry.weight_kg, unit)}")
            item.setData(ENTRY_ROLE, entry)
            self.recent.addItem(item)
        rows = self.recent.count()
        self.recent.setVisible(rows > 0 and self.error_label.isHidden())
        self.recent.setFixedHeight(rows * ROW_HEIGHT + 4)
        self.undo_button.setVisible(bool(self._deleted))


def _when(moment: datetime, now: datetime) -> str:
    days = (now.astimezone().date() - moment.astimezone().date()).days
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    return f"{days} days ago"


def _signed(value: float) -> str:
    shown = format_number(round(value, 1))
    if shown == "0":
        return ""
    return f"+{shown}" if value > 0 else f"−{shown.lstrip('-')}"
