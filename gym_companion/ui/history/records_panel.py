"""Personal records: the chosen exercise's PR list (heaviest weight, best e1RM, most reps at each load, with
the day each was first reached) and the recent PRs across all exercises (last 30 or 90 days).

Records are judged in domain.records; this panel only lays them out in the lifter's unit.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gym_companion.domain.effort import describe_effort
from gym_companion.domain.model import FailureKind, WeightUnit
from gym_companion.domain.records import Lift, Record, RecordKind
from gym_companion.domain.units import format_number, format_weight, to_unit
from gym_companion.services.records import ExerciseRecords

RECENT_CHOICES: tuple[tuple[str, int, str], ...] = (
    ("30 days", 30, "recentRecords30"),
    ("90 days", 90, "recentRecords90"),
)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def lift_text(lift: Lift | None, unit: WeightUnit) -> str:
    """'170 kg × 5 @ RIR 1', '180 kg × 2', '20 kg × 8 to failure'."""
    if lift is None:
        return ""
    text = f"{format_weight(lift.weight_kg, unit)} × {lift.reps}"
    effort = describe_effort(lift.rir, lift.failure)
    if not effort:
        return text
    return f"{text} to {effort}" if lift.failure is not FailureKind.NONE else f"{text} @ {effort}"


def load_text(weight_kg: float, unit: WeightUnit) -> str:
    """A load for a rep PR; zero reads 'bodyweight'."""
    return "bodyweight" if weight_kg == 0 else format_weight(weight_kg, unit)


def record_text(record: Record, unit: WeightUnit) -> tuple[str, str]:
    """(what, gain) for the recent list: ('Heaviest weight 150 kg', '+2.5 kg')."""
    if record.kind is RecordKind.REPS:
        load = load_text(record.lift.weight_kg if record.lift else 0.0, unit)
        gain = format_number(record.gain)
        return (
            f"Most reps at {load}: {format_number(record.value)}",
            f"+{gain} rep{'' if gain == '1' else 's'}",
        )
    value = to_unit(record.value, unit)
    gain = to_unit(record.gain, unit)
    what = "Heaviest weight" if record.kind is RecordKind.HEAVIEST else "Best e1RM"
    return (
        f"{what} {format_number(round(value, 1))} {unit.value}",
        f"+{format_number(round(gain, 1))} {unit.value}",
    )


def _date(moment: datetime | None) -> str:
    return "" if moment is None else f"{moment.astimezone():%d %b %Y}"


def _table(name: str, headers: tuple[str, ...], stretch: int) -> QTableWidget:
    """A read-only table: the `stretch` column takes the room left (and elides), the others fit their text."""
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    for column in range(len(headers)):
        mode = (
            QHeaderView.ResizeMode.Stretch if column == stretch else QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(column, mode)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    return table


def _fill(table: QTableWidget, rows: list[tuple[list[str], str]]) -> None:
    """Rows of cell texts, one tooltip per row; cells starting with a digit or + are right-aligned."""
    table.setRowCount(len(rows))
    for r, (cells, tip) in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(tip)
            if text[:1].isdigit() or text[:1] == "+":
                item.setTextAlignment(_RIGHT)
            table.setItem(r, c, item)


class RecordsPanel(QWidget):
    """The PR list of one exercise above the recent PRs of all exercises."""

    def __init__(
        self,
        load_recent: Callable[[int], list[Record]],
        exercise_names: Callable[[], dict[int, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recordsPanel")
        self._load_recent = load_recent
        self._names = exercise_names
        self.recent_days = RECENT_CHOICES[0][1]
        self.unit = WeightUnit.KG
        self.title = QLabel("Records")
        self.title.setObjectName("recordsTitle")
        self.title.setProperty("role", "title")
        self.exercise_table = _table("exerciseRecords", ("Record", "Best", "First reached"), stretch=1)
        self.recent_title = QLabel("Recent PRs")
        self.recent_title.setProperty("role", "title")
        self.recent_group = QButtonGroup(self)
        recent_header = QHBoxLayout()
        recent_header.addWidget(self.recent_title)
        recent_header.addStretch(1)
        for text, days, name in RECENT_CHOICES:
            button = QPushButton(text)
            button.setObjectName(name)
            button.setCheckable(True)
            button.setChecked(days == self.recent_days)
            button.setToolTip(f"Records set in the last {days} days, newest first")
            button.clicked.connect(lambda _checked=False, d=days: self.show_recent(d))
            self.recent_group.addButton(button)
            recent_header.addWidget(button)
        self.recent_table = _table("recentRecords", ("Date", "Exercise", "Record", "Gain"), stretch=1)
        self.recent_empty = QLabel()
        self.recent_empty.setObjectName("recentRecordsEmpty")
        self.recent_empty.setProperty("role", "muted")
        self.recent_empty.setWordWrap(True)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.title)
        top_layout.addWidget(self.exercise_table, 1)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 4, 0, 0)
        bottom_layout.addLayout(recent_header)
        bottom_layout.addWidget(self.recent_empty)
        bottom_layout.addWidget(self.recent_table, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setSizes([360, 300])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)

    def show_exercise(self, name: str, records: ExerciseRecords, unit: WeightUnit) -> None:
        """The exercise's bests: heaviest weight, best e1RM, then most reps at each load (heaviest first)."""
        self.unit = unit
        self.title.setText(f"Records — {name}")
        standing = records.standing
        rows: list[tuple[list[str], str]] = []
        if standing.heaviest is not None:
            rows.append(
                (
                    [
                        "Heaviest weight",
                        lift_text(standing.heaviest.lift, unit),
                        _date(standing.heaviest.when),
                    ],
                    "The heaviest load lifted in a working or drop set, with the most reps done at it",
                )
            )
        if standing.best_e1rm is not None:
            kg = format_number(round(to_unit(standing.best_e1rm.value, unit), 1))
            rows.append(
                (
                    [
                        "Best e1RM",
                        f"{kg} {unit.value}  ({lift_text(standing.best_e1rm.lift, unit)})",
                        _date(standing.best_e1rm.when),
                    ],
                    "The highest estimated one-rep max: load ÷ the RTS %1RM for reps + reps in reserve",
                )
            )
        for load in sorted(standing.most_reps, reverse=True):
            best = standing.most_reps[load]
            reps = int(best.value)
            rows.append(
                (
                    [
                        f"Most reps at {load_text(load, unit)}",
                        f"{reps} rep" + ("" if reps == 1 else "s"),
                        _date(best.when),
                    ],
                    "A rep PR: the most reps done in one set at this load (first reached on this day)",
                )
            )
        _fill(self.exercise_table, rows)

    def show_recent(self, days: int | None = None) -> None:
        """Read and list the PRs of the last `days` (default: the chosen 30 or 90)."""
        if days is not None:
            self.recent_days = days
        for _text, choice, name in RECENT_CHOICES:
            button = self.findChild(QPushButton, name)
            if button is not None:
                button.setChecked(choice == self.recent_days)
        records = self._load_recent(self.recent_days)
        names = self._names()
        rows = []
        for record in records:
            what, gain = record_text(record, self.unit)
            tip = f"Previous best {self._previous_text(record)}"
            rows.append(([_date(record.when), names.get(record.exercise_id, "?"), what, gain], tip))
        _fill(self.recent_table, rows)
        self.recent_empty.setVisible(not rows)
        self.recent_empty.setText(
            f"No new records in the last {self.recent_days} days — records come in waves; keep going."
        )

    def _previous_text(self, record: Record) -> str:
        if record.kind is RecordKind.REPS:
            return f"{format_number(record.previous)} reps"
        return f"{format_number(round(to_unit(record.previous, self.unit), 1))} {self.unit.value}"
