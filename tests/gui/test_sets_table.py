"""The sets table shows exactly the sets it is given, cell for cell, however it is refilled."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pytestqt.qtbot import QtBot

from gym_companion.domain.model import FailureKind, SetEntry, SetType, WeightUnit
from gym_companion.ui.session.sets_table import SetsTable

T0 = datetime(2026, 3, 2, 17, 0, tzinfo=UTC)


def entry(order: int, kg: float, reps: int, rir: int | None = None, **fields: object) -> SetEntry:
    return SetEntry(
        uuid=f"s{order}",
        session_id=1,
        exercise_id=1,
        exercise_order=0,
        set_order=order,
        set_type=fields.pop("set_type", SetType.WORKING),  # type: ignore[arg-type]
        weight_kg=kg,
        reps=reps,
        logged_at=T0 + timedelta(minutes=3 * order),
        rir=rir,
        **fields,  # type: ignore[arg-type]
    )


def cells(table: SetsTable) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_refilling_with_more_fewer_and_changed_sets_shows_exactly_them(qtbot: QtBot) -> None:
    table = SetsTable()
    qtbot.addWidget(table)
    warmup = entry(0, 60.0, 5, set_type=SetType.WARMUP)
    first = entry(1, 100.0, 5, 2, rest_before_s=125)
    table.show_sets([warmup, first], WeightUnit.KG)
    assert cells(table) == [
        ["W", "Warm-up", "60 kg × 5", "", "", ""],
        ["1", "Working", "100 kg × 5", "RIR 2", "2:05", ""],
    ]
    assert table.item(1, 3).toolTip().startswith("Reps in reserve")

    # the next set logged (not rated yet), then the first one re-rated as a failure with a note
    second = entry(2, 100.0, 4, rest_before_s=180)
    failed = entry(1, 100.0, 5, 0, failure=FailureKind.ABSOLUTE, rest_before_s=125, notes="grind")
    table.show_sets([warmup, failed, second], WeightUnit.KG)
    assert cells(table)[1:] == [
        ["1", "Working", "100 kg × 5", "failure", "2:05", "grind"],
        ["2", "Working", "100 kg × 4", "not rated", "3:00", ""],
    ]

    # another exercise with a single set, in pounds
    table.show_sets([entry(0, 50.0, 12, 3)], WeightUnit.LB)
    assert cells(table) == [["1", "Working", "110.2 lb × 12", "RIR 3", "", ""]]
    assert table.item(0, 3).toolTip().startswith("Reps in reserve")
    table.show_sets([], WeightUnit.KG)
    assert table.rowCount() == 0
