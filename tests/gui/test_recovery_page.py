"""The Recovery page on a real database and a fixed clock: numbers, bands, failure budget, events, chart."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QDateTime, QPoint, QPointF, Qt
from PySide6.QtWidgets import QTableView

from gym_companion.domain.library import library_path, load_library_file
from gym_companion.domain.model import FailureKind, Muscle, SetEntry, SetType, WorkoutSession
from gym_companion.services.context import AppContext
from gym_companion.services.session_factory import open_context
from gym_companion.storage.database import open_database
from gym_companion.storage.repositories.exercises import ExerciseRepository
from gym_companion.storage.repositories.workouts import WorkoutRepository
from gym_companion.ui.recovery.body_map import BodyMap
from gym_companion.ui.recovery.page import RecoveryPage
from gym_companion.ui.recovery.table_model import Column
from gym_companion.ui.theme import colors

# A Thursday evening: sets logged up to 48 h earlier fall in the same Monday-to-Sunday week in any time zone.
NOW = datetime(2025, 6, 12, 18, 0, tzinfo=UTC)

# (exercise name, hours between the block's last set and NOW, number of sets, RIR, failure kind)
Block = tuple[str, float, int, int, FailureKind]


def seed(db_path: Path, blocks: list[Block]) -> None:
    """Write the library and one session per block straight through the repositories."""
    database = open_database(db_path, lambda: NOW)
    try:
        exercises = ExerciseRepository(database.engine)
        exercises.seed(load_library_file(library_path()))
        by_name = {e.name: e for e in exercises.all()}
        history = []
        for name, hours_ago, count, rir, failure in blocks:
            last = NOW - timedelta(hours=hours_ago)
            started = last - timedelta(minutes=3 * (count - 1))
            exercise_id = by_name[name].id
            assert exercise_id is not None
            sets = [
                SetEntry(
                    uuid=str(uuid.uuid4()),
                    session_id=0,
                    exercise_id=exercise_id,
                    exercise_order=0,
                    set_order=i,
                    set_type=SetType.WORKING,
                    weight_kg=60.0,
                    reps=10,
                    logged_at=started + timedelta(minutes=3 * i),
                    rir=rir,
                    failure=failure,
                )
                for i in range(count)
            ]
            session = WorkoutSession(
                uuid=str(uuid.uuid4()), started_at=started, ended_at=started + timedelta(hours=1)
            )
            history.append((session, sets))
        WorkoutRepository(database.engine).add_history(history)
    finally:
        database.close()


@pytest.fixture
def make_page(qtbot, tmp_path: Path) -> Iterator:
    contexts: list[AppContext] = []

    def build(blocks: list[Block]) -> RecoveryPage:
        db_path = tmp_path / "gym.sqlite3"
        seed(db_path, blocks)
        context = open_context(db_path, now=lambda: NOW)
        contexts.append(context)
        page = RecoveryPage(context)
        qtbot.addWidget(page)
        page.resize(1366, 768)
        page.show()
        return page

    yield build
    for context in contexts:
        context.close()


def cell(
    page: RecoveryPage, muscle: Muscle, column: Column, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole
):
    """A table cell of a muscle's row, as the view shows it (through the sort proxy)."""
    table = page.findChild(QTableView, "recoveryTable")
    model = table.model()
    for row in range(model.rowCount()):
        if model.index(row, Column.MUSCLE).data() == muscle.label:
            return model.index(row, column).data(role)
    raise AssertionError(f"no row for {muscle}")


CHEST_FAILED_YESTERDAY: list[Block] = [("Machine Chest Press", 24, 6, 0, FailureKind.ABSOLUTE)]


def test_chest_failed_yesterday_needs_rest_while_biceps_are_ready(make_page) -> None:
    page = make_page(CHEST_FAILED_YESTERDAY)
    # 6 sets x E 2.0 x exp(-24/26) = 4.77 of K = 11 -> 57 %, below the 70 % no-failure line.
    assert cell(page, Muscle.CHEST, Column.RECOVERY) == "57 %"
    assert cell(page, Muscle.CHEST, Column.STATUS) == "Rest or go light"
    assert cell(page, Muscle.CHEST, Column.LAST_FAILURE) == "24 h ago"
    assert cell(page, Muscle.CHEST, Column.READY_IN) == "39 h"
    assert cell(page, Muscle.BICEPS, Column.RECOVERY) == "100 %"
    assert cell(page, Muscle.BICEPS, Column.STATUS) == "Ready"
    assert cell(page, Muscle.BICEPS, Column.READY_IN) == "now"
    assert "Biceps" in page.ready_label.text()
    assert "Chest" not in page.ready_label.text()


def test_every_number_explains_its_inputs(make_page) -> None:
    page = make_page(CHEST_FAILED_YESTERDAY)
    tip = cell(page, Muscle.CHEST, Column.RECOVERY, Qt.ItemDataRole.ToolTipRole)
    assert "Chest: 6 hard sets since Monday" in tip
    assert "last trained 24 h ago" in tip
    assert "fatigue 4.7" in tip
    assert "K = 11" in tip
    assert "57 %" in tip
    assert "MAV 12–20" in cell(page, Muscle.CHEST, Column.HARD_SETS, Qt.ItemDataRole.ToolTipRole)
    for column in Column:
        assert cell(page, Muscle.TRICEPS, column, Qt.ItemDataRole.ToolTipRole), column


def test_failure_sets_are_counted_per_muscle_and_against_the_weekly_cap(make_page) -> None:
    page = make_page(CHEST_FAILED_YESTERDAY)
    assert cell(page, Muscle.CHEST, Column.FAILURE_SETS) == "6"
    assert cell(page, Muscle.TRICEPS, Column.FAILURE_SETS) == "3"  # secondary muscles count half
    assert cell(page, Muscle.CHEST, Column.HARD_SETS).startswith("6 ")
    assert page.budget_label.text() == "Failure sets this week: 6 of 10 (split)"
    assert page.budget_bar.value() == 6
    assert page.budget_bar.maximum() == 10


def test_going_over_the_failure_cap_says_so(make_page) -> None:
    page = make_page(
        [
            ("Machine Chest Press", 30, 6, 0, FailureKind.ABSOLUTE),
            ("Leg Extension", 28, 6, 0, FailureKind.TECHNICAL),
        ]
    )
    assert page.budget_label.text() == "Failure sets this week: 12 of 10 (split)"
    assert "2 over the weekly cap" in page.budget_note.text()


def test_two_days_after_failure_chest_may_train_without_failure(make_page) -> None:
    page = make_page([("Machine Chest Press", 48, 6, 0, FailureKind.ABSOLUTE)])
    assert cell(page, Muscle.CHEST, Column.RECOVERY) == "83 %"
    assert cell(page, Muscle.CHEST, Column.STATUS) == "Train, no failure"
    assert "Chest" in page.no_failure_label.text()
    assert page.no_failure_label.isVisible()


def test_table_has_one_row_per_muscle_sorted_by_readiness(make_page) -> None:
    page = make_page(CHEST_FAILED_YESTERDAY)
    table = page.findChild(QTableView, "recoveryTable")
    model = table.model()
    assert model.rowCount() == 14
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert "Recovery %" in headers
    percents = [float(model.index(r, Column.RECOVERY).data().rstrip(" %")) for r in range(14)]
    assert percents == sorted(percents, reverse=True)
    table.sortByColumn(Column.RECOVERY, Qt.SortOrder.AscendingOrder)
    assert model.index(0, Column.MUSCLE).data() == "Chest"


def test_empty_database_is_fully_recovered_with_a_calm_note(make_page) -> None:
    page = make_page([])
    assert {cell(page, m, Column.RECOVERY) for m in Muscle} == {"100 %"}
    assert page.note_label.isVisible()
    assert "Nothing logged yet" in page.note_label.text()
    assert all(m.label in page.ready_label.text() for m in Muscle)
    assert page.budget_label.text() == "Failure sets this week: 0 of 10 (split)"
    # the menu path and its real shortcut; F11 is the rule, not a key
    assert page.budget_note.text() == (
        "The cap for a split lifter; change it or your training style in "
        "Edit › Preferences (Ctrl+,) — rule F11."
    )


def test_selecting_a_row_projects_that_muscle(make_page) -> None:
    page = make_page(CHEST_FAILED_YESTERDAY)
    plot = page.findChild(pg.PlotWidget, "recoveryProjectionPlot")
    page.select_muscle(Muscle.TRICEPS)
    xs, ys = plot.getPlotItem().listDataItems()[0].getOriginalDataset()
    assert xs[0] == 0 and xs[-1] == 72
    assert ys[0] == pytest.approx(page.report.rows[list(Muscle).index(Muscle.TRICEPS)].recovery.percent)
    assert list(ys) == sorted(ys)  # untrained, a muscle only recovers
    table = page.findChild(QTableView, "recoveryTable")
    model = table.model()
    chest_row = next(r for r in range(14) if model.index(r, Column.MUSCLE).data() == "Chest")
    table.selectRow(chest_row)
    xs, ys = plot.getPlotItem().listDataItems()[0].getOriginalDataset()
    assert round(ys[0]) == 57
    # Ready (90 %) 39 h from now, by the curve as by the table.
    assert ys[38] < 90 <= ys[39]
    assert "Chest" in page.chart.title.text()


def test_adding_an_event_in_the_inline_form_lists_it_with_its_window(make_page, qtbot) -> None:
    page = make_page(CHEST_FAILED_YESTERDAY)
    events = page.events
    qtbot.keyClicks(events.title_input, "10K race")
    events.start_input.setDateTime(QDateTime.fromSecsSinceEpoch(int((NOW + timedelta(hours=20)).timestamp())))
    qtbot.mouseClick(events.add_button, Qt.MouseButton.LeftButton)
    texts = [events.list.item(i).text() for i in range(events.list.count())]
    assert len(texts) == 1
    assert texts[0].startswith("10K race · ")
    assert "no failure now" in texts[0]  # 20 h ahead is inside the default 72 h window
    assert "Not at 90 % by then: Chest" in texts[0]  # 39 h to go
    assert events.title_input.text() == ""
    assert [e.title for e in page.report.upcoming_events] == ["10K race"]


def test_an_event_needs_a_name_and_can_be_deleted(make_page, qtbot) -> None:
    page = make_page([])
    events = page.events
    qtbot.mouseClick(events.add_button, Qt.MouseButton.LeftButton)
    assert events.error_label.isVisible()
    assert page.report.upcoming_events == []
    events.title_input.setText("Football match")
    events.window_input.setValue(48)
    qtbot.mouseClick(events.add_button, Qt.MouseButton.LeftButton)
    assert not events.error_label.isVisible()
    assert "no failure from" in events.list.item(0).text()  # a week ahead: the window opens later
    events.list.setCurrentRow(0)
    assert events.delete_button.isEnabled()
    qtbot.mouseClick(events.delete_button, Qt.MouseButton.LeftButton)
    assert page.report.upcoming_events == []
    assert not events.delete_button.isEnabled()


def test_enter_on_an_event_changes_it_and_esc_leaves_it(make_page, qtbot) -> None:
    page = make_page([])
    page.activateWindow()  # Esc is a shortcut: it needs the window active, as it is in the app
    qtbot.waitUntil(page.isActiveWindow)
    events = page.events
    qtbot.keyClicks(events.title_input, "10K race")
    qtbot.keyClick(events.title_input, Qt.Key.Key_Return)
    events.list.setFocus()
    events.list.setCurrentRow(0)
    qtbot.keyClick(events.list, Qt.Key.Key_Return)  # the shared form now changes this event
    assert events.title_input.text() == "10K race" and events.add_button.text() == "Save changes"
    qtbot.keyClick(events.title_input, Qt.Key.Key_Escape)
    assert events.title_input.text() == "" and events.add_button.text() == "Add event"
    events.list.setCurrentRow(0)
    qtbot.keyClick(events.list, Qt.Key.Key_Return)
    events.title_input.selectAll()
    qtbot.keyClicks(events.title_input, "Half marathon")
    events.window_input.setValue(24)
    qtbot.keyClick(events.title_input, Qt.Key.Key_Return)
    assert [(e.title, e.no_failure_window_h) for e in page.report.upcoming_events] == [("Half marathon", 24)]
    assert events.list.item(0).text().startswith("Half marathon · ")


def test_a_set_logged_on_the_session_page_shows_after_mark_stale(make_page) -> None:
    page = make_page([])
    context = page._context
    context.workout_log.add_exercise(context.catalog.find("Barbell Curl"))
    context.workout_log.log_set(30.0, 10)  # unrated: counts as RIR 2
    page.refresh_if_stale()  # nothing marked it stale and the clock stands still: the old numbers stay
    assert cell(page, Muscle.BICEPS, Column.LAST_TRAINED) == "—"
    page.mark_stale()  # the page is showing, so it recomputes at once
    assert cell(page, Muscle.BICEPS, Column.LAST_TRAINED) == "just now"
    assert cell(page, Muscle.BICEPS, Column.RECOVERY) == "92 %"  # 1 set-equivalent of K = 13
    assert not page.note_label.isVisible()


def test_body_map_colours_muscles_by_band_and_clicking_selects(make_page, qtbot) -> None:
    page = make_page(CHEST_FAILED_YESTERDAY)
    body = page.findChild(BodyMap, "bodyMap")
    palette = colors()
    assert body.colour_of(Muscle.CHEST) == palette.rest
    assert body.colour_of(Muscle.BICEPS) == palette.ready
    assert body.tooltip_for(Muscle.CHEST) == "Chest: 57 % · Rest or go light · ready in 39 h"
    page.select_muscle(Muscle.BICEPS)
    chest = _point_on(body, Muscle.CHEST)
    assert body.muscle_at(QPointF(chest)) is Muscle.CHEST
    qtbot.mouseClick(body, Qt.MouseButton.LeftButton, pos=chest)
    assert "Chest" in page.chart.title.text()


def _point_on(body: BodyMap, muscle: Muscle) -> QPoint:
    """A pixel of the widget that lies on the muscle (searched on a coarse grid)."""
    for y in range(0, body.height(), 3):
        for x in range(0, body.width(), 3):
            if body.muscle_at(QPointF(x, y)) is muscle:
                return QPoint(x, y)
    raise AssertionError(f"{muscle} is not drawn")
