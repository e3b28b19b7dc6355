"""Past sessions as a lazily paged table model, and the sets of the selected session.

Models, not item widgets: a table of 2,000+ sessions reads one page of 200 at a time as the user scrolls
(Qt's canFetchMore/fetchMore), so opening the page costs the same after one year or twenty.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from html import escape
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from gym_companion.domain.e1rm import AS_RATED, E1rmBasis, set_e1rm
from gym_companion.domain.effort import describe_effort
from gym_companion.domain.model import FailureKind, SessionSummary, SetEntry, SetType, WeightUnit
from gym_companion.domain.supersets import labels_by_order
from gym_companion.domain.units import format_number, format_weight, to_unit
from gym_companion.services.workout_notes import SessionNotes

SESSION_PAGE_SIZE = 200
SESSION_ID_ROLE = Qt.ItemDataRole.UserRole
_ANY_INDEX = QModelIndex | QPersistentModelIndex
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_SET_TYPE_LABELS = {SetType.WARMUP: "Warm-up", SetType.WORKING: "Working", SetType.DROP: "Drop"}


def local_time_text(moment: datetime) -> str:
    """A moment in the lifter's local time, e.g. 'Sat 31 May 2025 12:17'."""
    return f"{moment.astimezone():%a %d %b %Y %H:%M}"


def short_time_text(moment: datetime) -> str:
    """A moment in local time, compact for a table column: '31 May 2025 12:17'."""
    return f"{moment.astimezone():%d %b %Y %H:%M}"


def duration_text(summary: SessionSummary) -> str:
    """How long the workout took: '1 h 16 min', '48 min', or 'in progress' while unfinished."""
    if summary.ended_at is None:
        return "in progress"
    minutes = max(0, round((summary.ended_at - summary.started_at).total_seconds() / 60))
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min" if hours else f"{minutes} min"


def volume_text(volume_kg: float, unit: WeightUnit) -> str:
    """Total load lifted, whole units with thousands separators: '3,665 kg'."""
    return f"{to_unit(volume_kg, unit):,.0f} {unit.value}"


def session_title(summary: SessionSummary) -> str:
    """The workout's name, or its first exercises when it has none."""
    if summary.name.strip():
        return summary.name
    if summary.exercise_names:
        more = len(summary.exercise_names) - 2
        names = ", ".join(summary.exercise_names[:2])
        return f"{names} +{more}" if more > 0 else names
    return "Workout"


def session_notes_text(notes: SessionNotes, names: dict[int, str]) -> str:
    """A workout's notes as rich text: its own, then each exercise's by name ('<b>Squat</b>: belt on')."""
    lines = [f"<b>Workout</b>: {escape(notes.workout)}"] if notes.workout else []
    for order, text in sorted(notes.by_exercise_order.items()):
        name = names.get(notes.exercise_ids.get(order, -1), f"Exercise {order + 1}")
        lines.append(f"<b>{escape(name)}</b>: {escape(text)}")
    return "<br>".join(lines)


class SessionsTableModel(QAbstractTableModel):
    """One row per past session, newest first: date, name, duration, sets, volume, failure sets."""

    HEADERS = ("Date", "Workout", "Duration", "Sets", "Volume", "Failures")
    DATE, NAME, DURATION, SETS, VOLUME, FAILURES = range(6)

    def __init__(self, load_page: Callable[[int, int], list[SessionSummary]], parent: Any = None) -> None:
        super().__init__(parent)
        self._load_page = load_page
        self._rows: list[SessionSummary] = []
        self._more = False
        self.unit = WeightUnit.KG

    def reload(self, unit: WeightUnit) -> None:
        """Forget every row and read the newest page again (after new data or a unit change)."""
        self.beginResetModel()
        self.unit = unit
        self._rows = self._load_page(SESSION_PAGE_SIZE, 0)
        self._more = len(self._rows) == SESSION_PAGE_SIZE
        self.endResetModel()

    def clear(self) -> None:
        """No rows (an empty database)."""
        self.beginResetModel()
        self._rows, self._more = [], False
        self.endResetModel()

    def session_at(self, row: int) -> SessionSummary | None:
        """The session shown in a row."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # --- Qt model interface ---------------------------------------------------------------------
    def rowCount(self, parent: _ANY_INDEX = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Rows loaded so far (more arrive through fetchMore)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _ANY_INDEX = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Six columns."""
        return 0 if parent.isValid() else len(self.HEADERS)

    def canFetchMore(self, parent: _ANY_INDEX) -> bool:
        """Whether older sessions wait beyond the last loaded page."""
        return not parent.isValid() and self._more

    def fetchMore(self, parent: _ANY_INDEX) -> None:
        """Append the next page of older sessions."""
        if parent.isValid() or not self._more:
            return
        page = self._load_page(SESSION_PAGE_SIZE, len(self._rows))
        self._more = len(page) == SESSION_PAGE_SIZE
        if page:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index: _ANY_INDEX, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text per cell; the session id under SESSION_ID_ROLE; the exercises as a tooltip."""
        if not index.isValid():
            return None
        summary = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(summary, column)
        if role == SESSION_ID_ROLE:
            return summary.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= self.SETS:
            return _RIGHT
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.DATE:
                return local_time_text(summary.started_at)
            warmups = summary.set_count - summary.working_sets
            return (
                f"{', '.join(summary.exercise_names)}\n{summary.working_sets} working sets, {warmups} warm-up"
            )
        return None

    def _text(self, summary: SessionSummary, column: int) -> str:
        if column == self.DATE:
            return short_time_text(summary.started_at)
        if column == self.NAME:
            return session_title(summary)
        if column == self.DURATION:
            return duration_text(summary)
        if column == self.SETS:
            return str(summary.set_count)
        if column == self.VOLUME:
            return volume_text(summary.volume_kg, self.unit)
        return str(summary.failure_sets) if summary.failure_sets else "–"


class SessionSetsModel(QAbstractTableModel):
    """The sets of one session in workout order: exercise, set type, weight × reps, effort, e1RM, notes."""

    HEADERS = ("Exercise", "Type", "Weight × reps", "Effort", "e1RM", "Notes")
    EXERCISE, TYPE, LOAD, EFFORT, E1RM, NOTES = range(6)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._sets: list[SetEntry] = []
        self._names: dict[int, str] = {}
        self._exercise_notes: dict[int, str] = {}
        self._groups: dict[int, str] = {}  # exercise_order -> 'A1' for exercises done in a superset
        self._e1rm: list[float | None] = []  # per set, computed once in show_sets
        self._unit = WeightUnit.KG
        self.failure_color = QColor("#8e24aa")
        self.muted_color = QColor("#5d6368")
        # How an exercise's sets become e1RMs (formula, RIR correction): the charts' basis, set by the page.
        self.e1rm_basis: Callable[[int], E1rmBasis] = lambda _exercise_id: AS_RATED

    def show_sets(
        self,
        sets: list[SetEntry],
        names: dict[int, str],
        unit: WeightUnit,
        exercise_notes: dict[int, str] | None = None,
    ) -> None:
        """Replace the rows with one session's sets; `names` maps exercise id to name and `exercise_notes`
        an exercise's place in the workout to its note (shown on that exercise's first set)."""
        self.beginResetModel()
        self._sets, self._names, self._unit = sets, names, unit
        self._exercise_notes = exercise_notes or {}
        self._groups = labels_by_order(sets)
        bases = {i: self.e1rm_basis(i) for i in {entry.exercise_id for entry in sets}}  # once per exercise
        self._e1rm = [
            set_e1rm(e.set_type, e.weight_kg, e.reps, e.rir, e.failure, bases[e.exercise_id]) for e in sets
        ]
        self.endResetModel()

    def rowCount(self, parent: _ANY_INDEX = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """One row per set."""
        return 0 if parent.isValid() else len(self._sets)

    def columnCount(self, parent: _ANY_INDEX = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Six columns."""
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index: _ANY_INDEX, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text per cell; failure sets in the failure colour, warm-ups muted."""
        if not index.isValid():
            return None
        entry = self._sets[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(index.row(), index.column())
        if role == Qt.ItemDataRole.ForegroundRole:
            if entry.failure is not FailureKind.NONE:
                return self.failure_color
            if entry.set_type is SetType.WARMUP:
                return self.muted_color
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.E1RM:
            return _RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (self.EXERCISE, self.NOTES):
            note = self._exercise_notes.get(entry.exercise_order)
            lines = [self._group_tip(entry) if index.column() == self.EXERCISE else ""]
            lines.append(f"Exercise note: {note}" if note else "")
            lines.append(f"Set note: {entry.notes}" if entry.notes else "")
            return "\n".join(line for line in lines if line) or None
        return None

    def _text(self, row: int, column: int) -> str:
        entry = self._sets[row]
        if column == self.NOTES:
            return self._notes_text(entry)
        if column == self.EXERCISE:
            name = self._names.get(entry.exercise_id, "Unknown exercise")
            label = self._groups.get(entry.exercise_order)
            return f"{label} · {name}" if label else name
        if column == self.TYPE:
            return _SET_TYPE_LABELS[entry.set_type]
        if column == self.LOAD:
            return f"{format_weight(entry.weight_kg, self._unit)} × {entry.reps}"
        if column == self.EFFORT:
            if entry.set_type is SetType.WARMUP:
                return ""
            return describe_effort(entry.rir, entry.failure) or "not rated"
        if entry.set_type is SetType.WARMUP:
            return ""
        kg = self._e1rm[row]
        if kg is None:
            return ""
        return f"{format_number(round(to_unit(kg, self._unit), 1))} {self._unit.value}"

    def _group_tip(self, entry: SetEntry) -> str:
        """'Superset A: Bench Press + Barbell Row, one set of each in turn' for a grouped exercise."""
        label = self._groups.get(entry.exercise_order)
        if not label:
            return ""
        letter = label.rstrip("0123456789")
        orders = sorted(o for o, other in self._groups.items() if other.rstrip("0123456789") == letter)
        ids = {s.exercise_order: s.exercise_id for s in self._sets}
        names = [self._names.get(ids[o], "?") for o in orders]
        kind = "Superset" if len(names) == 2 else "Circuit"
        return f"{kind} {letter}: {' + '.join(names)}, one set of each in turn"

    def _notes_text(self, entry: SetEntry) -> str:
        """The set's note; the exercise's note leads on the exercise's first set."""
        first = next((s for s in self._sets if s.exercise_order == entry.exercise_order), None) is entry
        exercise_note = self._exercise_notes.get(entry.exercise_order, "") if first else ""
        return " · ".join(text for text in (exercise_note, entry.notes) if text)
