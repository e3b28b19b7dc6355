"""The per-muscle recovery table: one row per muscle, every number with a tooltip that explains it."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from gym_companion.domain.landmarks import VolumeZone
from gym_companion.domain.model import Muscle
from gym_companion.domain.recovery import ReadinessBand
from gym_companion.services.recovery_board import MuscleRow
from gym_companion.ui.recovery import wording
from gym_companion.ui.theme import Colors

_Index = QModelIndex | QPersistentModelIndex
MUSCLE_ROLE = Qt.ItemDataRole.UserRole  # the row's Muscle value (a plain str once through Qt), on every cell
PERCENT_ROLE = Qt.ItemDataRole.UserRole + 1  # recovery % as a float, for the bar delegate


class Column(enum.IntEnum):
    """The table's columns, in order."""

    MUSCLE = 0
    RECOVERY = 1
    STATUS = 2
    READY_IN = 3
    HARD_SETS = 4
    FAILURE_SETS = 5
    LAST_TRAINED = 6
    LAST_FAILURE = 7


_COLUMN_COUNT = len(Column)
HEADERS = {
    Column.MUSCLE: ("Muscle", "Muscle group as the recovery model sees it"),
    Column.RECOVERY: ("Recovery %", "How recovered the muscle is now (100 % = fully rested)"),
    Column.STATUS: ("Status", "Ready ≥ 90 % · Train, no failure 70–90 % · Rest or go light < 70 %"),
    Column.READY_IN: ("Ready\nin", "Time until the muscle reaches 90 % if you do not train it"),
    Column.HARD_SETS: (
        "Hard sets\nthis week",
        "Sets at RIR 4 or closer since Monday, against the weekly landmarks",
    ),
    Column.FAILURE_SETS: ("Failure\nsets", "Sets taken to failure since Monday (either kind)"),
    Column.LAST_TRAINED: ("Last\ntrained", "When a set last worked this muscle"),
    Column.LAST_FAILURE: ("Last\nfailure", "When this muscle was last taken to failure"),
}


class RecoveryTableModel(QAbstractTableModel):
    """Holds one report's rows; the page replaces them wholesale on refresh.

    Every cell's roles are computed once per report: Qt asks data() a thousand times a repaint, and
    answering from a dict keeps the refresh well inside its budget.
    """

    def __init__(self, palette: Colors, parent: Any = None) -> None:
        super().__init__(parent)
        self._palette = palette
        self._rows: list[MuscleRow] = []
        self._cells: list[list[dict[int, Any]]] = []
        self._keys: list[list[tuple[float, str]]] = []
        self._fatigue: dict[Muscle, float] = {}
        self._now: datetime | None = None
        self._speed = 1.0
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(
        self, rows: list[MuscleRow], fatigue: dict[Muscle, float], now: datetime, speed: float
    ) -> None:
        """Show a new report."""
        self.beginResetModel()
        self._rows = list(rows)
        self._fatigue = fatigue
        self._now = now
        self._speed = speed
        self._cells = [[self._roles(row, column) for column in Column] for row in self._rows]
        self._keys = [[self._sort_key(row, column) for column in Column] for row in self._rows]
        self.endResetModel()

    def row_for(self, muscle: Muscle) -> int:
        """The source row of a muscle, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.recovery.muscle is muscle), -1)

    def texts(self, column: Column) -> list[str]:
        """Every row's text in a column (the page sizes columns from these)."""
        return [cells[column][Qt.ItemDataRole.DisplayRole] for cells in self._cells]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._cells)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else _COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is not Qt.Orientation.Horizontal or section not in Column._value2member_map_:
            return None
        text, tip = HEADERS[Column(section)]
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        return self._cells[index.row()][index.column()].get(role)

    def sort_key(self, source_row: int, column: int) -> tuple[float, str]:
        """What a column sorts by, ties broken by muscle name (readiness: most rested first)."""
        return self._keys[source_row][column]

    def _sort_key(self, row: MuscleRow, column: Column) -> tuple[float, str]:
        r = row.recovery
        keys: dict[int, float] = {
            Column.MUSCLE: 0.0,
            Column.RECOVERY: r.percent,
            Column.STATUS: r.percent,
            Column.READY_IN: r.hours_to_ready,
            Column.HARD_SETS: r.hard_sets_this_week,
            Column.FAILURE_SETS: row.failure_sets_this_week,
            Column.LAST_TRAINED: r.last_trained.timestamp() if r.last_trained else float("-inf"),
            Column.LAST_FAILURE: r.last_failure.timestamp() if r.last_failure else float("-inf"),
        }
        return keys[column], r.muscle.label

    def _roles(self, row: MuscleRow, column: Column) -> dict[int, Any]:
        roles: dict[int, Any] = {
            Qt.ItemDataRole.DisplayRole: self._text(row, column),
            Qt.ItemDataRole.ToolTipRole: self._tooltip(row, column),
            MUSCLE_ROLE: row.recovery.muscle.value,
        }
        colour = self._colour(row, column)
        if colour is not None:
            roles[Qt.ItemDataRole.ForegroundRole] = colour
        if column in (Column.MUSCLE, Column.STATUS):
            roles[Qt.ItemDataRole.FontRole] = self._bold
        else:
            roles[Qt.ItemDataRole.TextAlignmentRole] = int(
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
        if column is Column.RECOVERY:
            roles[PERCENT_ROLE] = row.recovery.percent
        return roles

    # --- cells ----------------------------------------------------------------------------------
    def _text(self, row: MuscleRow, column: Column) -> str:
        r = row.recovery
        now = self._now
        assert now is not None
        match column:
            case Column.MUSCLE:
                return r.muscle.label
            case Column.RECOVERY:
                return wording.percent_text(r.percent)
            case Column.STATUS:
                return wording.BAND_LABELS[r.band]
            case Column.READY_IN:
                return wording.duration_text(r.hours_to_ready)
            case Column.HARD_SETS:
                return wording.hard_sets_text(r.hard_sets_this_week, row.zone)
            case Column.FAILURE_SETS:
                return wording.count_text(row.failure_sets_this_week)
            case Column.LAST_TRAINED:
                return wording.ago_text(r.last_trained, now)
            case Column.LAST_FAILURE:
                return wording.ago_text(r.last_failure, now)

    def _tooltip(self, row: MuscleRow, column: Column) -> str:
        r = row.recovery
        now = self._now
        assert now is not None
        match column:
            case Column.MUSCLE | Column.RECOVERY:
                fatigue = self._fatigue.get(r.muscle, 0.0)
                return wording.recovery_tooltip(row, fatigue, now, self._speed)
            case Column.STATUS:
                return f"{wording.BAND_LABELS[r.band]}: {wording.BAND_MEANINGS[r.band]}."
            case Column.READY_IN:
                return wording.ready_in_tooltip(row, now)
            case Column.HARD_SETS:
                return wording.hard_sets_tooltip(row)
            case Column.FAILURE_SETS:
                return wording.failure_sets_tooltip(row)
            case Column.LAST_TRAINED:
                return wording.ago_tooltip("set", row, r.last_trained, now)
            case Column.LAST_FAILURE:
                return wording.ago_tooltip("failure set", row, r.last_failure, now)

    def _colour(self, row: MuscleRow, column: Column) -> QColor | None:
        c = self._palette
        if column is Column.STATUS:
            return QColor(band_colour(c, row.recovery.band))
        if column is Column.HARD_SETS and row.zone is VolumeZone.ABOVE_MRV:
            return QColor(c.rest)
        if column is Column.HARD_SETS and row.zone is VolumeZone.IN_MAV:
            return QColor(c.ready)
        if column in (Column.FAILURE_SETS, Column.LAST_FAILURE) and row.failure_sets_this_week > 0:
            return QColor(c.failure)
        if column in (Column.LAST_TRAINED, Column.LAST_FAILURE, Column.READY_IN):
            text = self._text(row, column)
            return QColor(c.muted) if text in (wording.NO_HISTORY, "now") else None
        return None


def band_colour(palette: Colors, band: ReadinessBand) -> str:
    """The theme colour of a readiness band."""
    return {ReadinessBand.READY: palette.ready, ReadinessBand.NO_FAILURE: palette.caution}.get(
        band, palette.rest
    )


class RecoverySortProxy(QSortFilterProxyModel):
    """Sorts by the model's own keys (numbers, not the displayed text)."""

    def lessThan(self, left: _Index, right: _Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, RecoveryTableModel)
        (left_key, left_name) = model.sort_key(left.row(), left.column())
        (right_key, right_name) = model.sort_key(right.row(), right.column())
        if left_key != right_key:
            return left_key < right_key
        # Ties read A to Z whichever way the column sorts (Qt reverses the whole comparison when descending).
        descending = self.sortOrder() is Qt.SortOrder.DescendingOrder
        return left_name > right_name if descending else left_name < right_name
