"""Past sessions as a lazily paged table model, and the sets of the selected session.

Models, not item widgets: a table of 2,000+ sessions reads one page of 200 at a time as the user scrolls
(Qt's canFetchMore/fetchMore), so opening the page costs the same after one year or twenty.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from gym_companion.domain.e1rm import estimate_e1rm
from gym_companion.domain.effort import describe_effort
from gym_companion.domain.model import FailureKind, SessionSummary, SetEntry, SetType, WeightUnit
from gym_companion.domain.units import format_number, format_weight, to_unit

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
    """The sets of one session in workout order: exercise, set type, weight × reps, effort, e1RM."""

    HEADERS = ("Exercise", "Type", "Weight × reps", "Effort", "e1RM")
    EXERCISE, TYPE, LOAD, EFFORT, E1RM = range(5)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._sets: list[SetEntry] = []
        self._names: dict[int, str] = {}
        self._unit = WeightUnit.KG
        self.failure_color = QColor("#8e24aa")
        self.muted_color = QColor("#5d6368")

    def show_sets(self, sets: list[SetEntry], names: dict[int, str], unit: WeightUnit) -> None:
        """Replace the rows with one session's sets; `names` maps exercise id to name."""
        self.beginResetModel()
        self._sets, self._names, self._unit = sets, names, unit
        self.endResetModel()

    def rowCount(self, parent: _ANY_INDEX = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """One row per set."""
        return 0 if parent.isValid() else len(self._sets)

    def columnCount(self, parent: _ANY_INDEX = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Five columns."""
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
            return self._text(entry, index.column())
        if role == Qt.ItemDataRole.ForegroundRole:
            if entry.failure is not FailureKind.NONE:
                return self.failure_color
            if entry.set_type is SetType.WARMUP:
                return self.muted_color
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.E1RM:
            return _RIGHT
        return None

    def _text(self, entry: SetEntry, column: int) -> str:
        if column == self.EXERCISE:
            return self._names.get(entry.exercise_id, "Unknown exercise")
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
        estimate = estimate_e1rm(entry.weight_kg, entry.reps, entry.rir)
        if estimate is None:
            return ""
        return f"{format_number(round(to_unit(estimate.kg, self._unit), 1))} {self._unit.value}"
