"""The History page on a real database with a small hand-made history: e1RM chart, ranges, sessions."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QModelIndex, QStandardPaths, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QTableView

from gym_companion.domain.effort import Rating
from gym_companion.domain.library import library_path, load_library_file
from gym_companion.domain.model import (
    FailureKind,
    Muscle,
    SessionSummary,
    SetEntry,
    SetType,
    WeightUnit,
    WorkoutSession,
)
from gym_companion.services.context import AppContext
from gym_companion.services.history_series import HistorySeries
from gym_companion.services.session_factory import open_context
from gym_companion.storage.database import make_engine, open_database
from gym_companion.storage.repositories.exercises import ExerciseRepository
from gym_companion.storage.repositories.history_queries import HistoryQueries
from gym_companion.storage.repositories.workouts import WorkoutRepository
from gym_companion.ui.history.page import EMPTY_TEXT, HistoryPage
from gym_companion.ui.history.sessions_view import SESSION_PAGE_SIZE, SessionsTableModel

NOW = datetime(2025, 6, 20, 12, 0, tzinfo=UTC)
OLD = datetime(2024, 6, 3, 18, 0, tzinfo=UTC)  # a year back: outside the "3 months" range
D1 = datetime(2025, 6, 2, 18, 0, tzinfo=UTC)
D2 = datetime(2025, 6, 9, 18, 0, tzinfo=UTC)
W, WU = SetType.WORKING, SetType.WARMUP
NONE, TECH = FailureKind.NONE, FailureKind.TECHNICAL

# (session start, name, [(exercise, set type, kg, reps, rir, failure)]); sets are logged 3 minutes apart.
HISTORY = [
    (OLD, "Old push", [("Bench Press", W, 80, 5, 2, NONE)]),
    (
        D1,
        "Push",
        [
            ("Bench Press", WU, 60, 5, None, NONE),
            ("Bench Press", W, 100, 5, 2, NONE),  # n = 7 -> 81.1 % -> 123.3 kg
            ("Bench Press", W, 100, 6, 0, TECH),  # failure counts RIR 0: n = 6 -> 83.7 % -> 119.5 kg
            ("Squat", W, 140, 3, 2, NONE),  # n = 5 -> 86.3 % -> 162.2 kg
        ],
    ),
    (
        D2,
        "Legs",
        [
            ("Squat", W, 150, 2, 3, NONE),  # n = 5 -> 173.8 kg
            ("Bench Press", W, 102.5, 5, 2, NONE),  # 126.4 kg
            ("Bench Press", W, 102.5, 5, None, NONE),  # unrated: no e1RM point
        ],
    ),
]


def logged_at(start: datetime, index: int) -> datetime:
    """When the index-th set of a session was logged."""
    return start + timedelta(minutes=3 * (index + 1))


def seed(db_path: Path) -> None:
    """Write the library and HISTORY through the repositories."""
    database = open_database(db_path, lambda: NOW)
    try:
        exercises = ExerciseRepository(database.engine)
        exercises.seed(load_library_file(library_path()))
        ids = {e.name: e.id for e in exercises.all()}
        workouts = []
        for start, name, lifts in HISTORY:
            session = WorkoutSession(str(uuid.uuid4()), start, start + timedelta(minutes=50), name=name)
            order: dict[str, int] = {}
            sets = []
            for i, (exercise, set_type, kg, reps, rir, failure) in enumerate(lifts):
                position = order.setdefault(exercise, len(order))
                sets.append(
                    SetEntry(
                        uuid=str(uuid.uuid4()),
                        session_id=0,
                        exercise_id=ids[exercise] or 0,
                        exercise_order=position,
                        set_order=i,
                        set_type=set_type,
                        weight_kg=kg,
                        reps=reps,
                        logged_at=logged_at(start, i),
                        rir=rir,
                        failure=failure,
                    )
                )
            workouts.append((session, sets))
        WorkoutRepository(database.engine).add_history(workouts)
    finally:
        database.close()


@pytest.fixture(params=["series", "service"])
def context(request: pytest.FixtureRequest, db_path: Path) -> Iterator[AppContext]:
    """An open context on the seeded database, with the lean chart queries ("series") or without them."""
    QStandardPaths.setTestModeEnabled(True)
    seed(db_path)
    ctx = open_context(db_path, lambda: NOW)
    engine = None
    if request.param == "series" and getattr(ctx, "history_series", None) is None:
        engine = make_engine(db_path)  # a read-only second engine until open_context provides the queries
        ctx.history_series = HistorySeries(HistoryQueries(engine), ctx.catalog.by_id)  # type: ignore[attr-defined]
    elif request.param == "service":
        ctx.history_series = None  # type: ignore[attr-defined]
    yield ctx
    if engine is not None:
        engine.dispose()
    ctx.close()


@pytest.fixture
def page(qtbot, context: AppContext) -> HistoryPage:  # type: ignore[no-untyped-def]
    """The page on screen at laptop size, loaded."""
    widget = HistoryPage(context)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def data_items(page: HistoryPage) -> list[pg.PlotDataItem]:
    plot = page.findChild(pg.PlotWidget, "e1rmPlot")
    assert plot is not None
    return plot.getPlotItem().listDataItems()


def original(item: pg.PlotDataItem) -> tuple[list[float], list[float]]:
    x, y = item.getOriginalDataset()
    return list(x), list(y)


def combo(page: HistoryPage) -> QComboBox:
    found = page.findChild(QComboBox, "historyExercise")
    assert found is not None
    return found


def test_e1rm_plot_shows_one_rir_adjusted_point_per_rated_working_set(page: HistoryPage) -> None:
    exercises = combo(page)
    assert [exercises.itemText(i) for i in range(exercises.count())] == [
        "Bench Press",
        "Squat",
    ]  # most trained first
    x, y = original(data_items(page)[0])
    assert x == [
        logged_at(OLD, 0).timestamp(),
        logged_at(D1, 1).timestamp(),
        logged_at(D1, 2).timestamp(),
        logged_at(D2, 1).timestamp(),
    ]
    assert y == pytest.approx([80 / 0.811, 100 / 0.811, 100 / 0.837, 102.5 / 0.811])
    assert y[1] == pytest.approx(123.3, abs=0.05)


def test_session_bests_trend_and_failure_sets_are_separate_items(page: HistoryPage) -> None:
    _sets, best, trend, failures = data_items(page)[:4]
    assert original(best)[1] == pytest.approx([80 / 0.811, 100 / 0.811, 102.5 / 0.811])
    assert original(trend)[1] == pytest.approx([80 / 0.811, (80 / 0.811 + 100 / 0.811) / 2, 100 / 0.811])
    assert original(failures) == ([logged_at(D1, 2).timestamp()], pytest.approx([100 / 0.837]))
    plot = page.findChild(pg.PlotWidget, "e1rmPlot")
    assert isinstance(plot.getPlotItem().getAxis("bottom"), pg.DateAxisItem)
    assert plot.getPlotItem().getAxis("left").labelText == "e1RM (kg)"


def test_choosing_another_exercise_redraws_the_chart(page: HistoryPage) -> None:
    combo(page).setCurrentIndex(combo(page).findText("Squat"))
    x, y = original(data_items(page)[0])
    assert x == [logged_at(D1, 3).timestamp(), logged_at(D2, 0).timestamp()]
    assert y == pytest.approx([140 / 0.863, 150 / 0.863])
    assert "173.8 kg" in page.findChild(QLabel, "historySummary").text()


def test_range_buttons_zoom_to_the_last_three_months_and_back(page: HistoryPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = page.findChild(pg.PlotWidget, "e1rmPlot").getPlotItem().vb
    qtbot.mouseClick(page.findChild(QPushButton, "historyRange3m"), Qt.MouseButton.LeftButton)
    low, high = view.viewRange()[0]
    assert low > logged_at(OLD, 0).timestamp()  # the set from a year ago is out of view
    assert low <= logged_at(D1, 1).timestamp() and high >= logged_at(D2, 1).timestamp()
    qtbot.mouseClick(page.findChild(QPushButton, "historyRangeAll"), Qt.MouseButton.LeftButton)
    low, _high = view.viewRange()[0]
    assert low <= logged_at(OLD, 0).timestamp()


def test_hovering_a_point_tells_date_load_effort_and_e1rm(page: HistoryPage) -> None:
    chart = page.e1rm_chart
    x, y = original(data_items(page)[0])
    assert chart.hover_near(x[1], y[1]) == 1
    text = chart.hover_text()
    assert "02 Jun 2025" in text or "03 Jun 2025" in text  # local date of 18:03 UTC
    assert "100 kg × 5 @ RIR 2" in text
    assert "e1RM 123.3 kg" in text
    assert chart.hover_near(x[2], y[2]) == 2
    assert "100 kg × 6 to technical failure" in chart.hover_text()


def test_sessions_table_lists_newest_first_with_sets_volume_and_failures(page: HistoryPage) -> None:
    table = page.findChild(QTableView, "sessionsTable")
    model = table.model()
    assert model.rowCount() == 3
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    rows = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(3)]
    named = [dict(zip(header, row, strict=True)) for row in rows]
    assert [r["Workout"] for r in named] == ["Legs", "Push", "Old push"]
    assert [r["Sets"] for r in named] == ["3", "4", "1"]
    assert [r["Volume"] for r in named] == ["1,325 kg", "1,520 kg", "400 kg"]  # warm-ups excluded
    assert [r["Failures"] for r in named] == ["–", "1", "–"]
    assert named[0]["Duration"] == "50 min"
    assert named[0]["Date"] == f"{D2.astimezone():%d %b %Y %H:%M}"


def test_selecting_a_session_shows_its_sets(page: HistoryPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    table = page.findChild(QTableView, "sessionsTable")
    detail = page.findChild(QTableView, "sessionDetail")
    row_rect = table.visualRect(table.model().index(1, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=row_rect.center())
    model = detail.model()
    rows = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]
    assert [r[:4] for r in rows] == [
        ["Bench Press", "Warm-up", "60 kg × 5", ""],
        ["Bench Press", "Working", "100 kg × 5", "RIR 2"],
        ["Bench Press", "Working", "100 kg × 6", "technical failure"],
        ["Squat", "Working", "140 kg × 3", "RIR 2"],
    ]
    assert rows[1][4] == "123.3 kg"
    assert page.findChild(QLabel, "sessionDetailTitle").text().startswith("Push")


def test_newest_session_is_shown_in_detail_on_open(page: HistoryPage) -> None:
    detail = page.findChild(QTableView, "sessionDetail").model()
    assert detail.rowCount() == 3
    assert detail.index(0, 0).data() == "Squat"


def test_weekly_hard_sets_plot_shows_the_chosen_muscle(page: HistoryPage, context: AppContext) -> None:
    if getattr(context, "history_series", None) is None:
        assert not page.weekly_panel.isVisibleTo(page)  # the weekly view needs the chart queries
        return
    muscles = page.findChild(QComboBox, "weeklyMuscle")
    assert muscles.currentData() == Muscle.CHEST.value  # the main exercise's first muscle
    plot = page.findChild(pg.PlotWidget, "weeklyHardSetsPlot")
    _edges, counts = plot.getPlotItem().listDataItems()[0].getOriginalDataset()
    # Bench press: one hard set in June 2024, then two in each week of 2 and 9 June 2025 (the unrated set
    # counts as hard: the recovery model takes it as RIR 2); the weeks between are zeros.
    assert counts[0] == 1.0 and list(counts[-2:]) == [2.0, 2.0]
    assert sum(counts) == 5.0 and len(counts) == 54
    muscles.setCurrentIndex(muscles.findData(Muscle.QUADS.value))
    _edges, counts = plot.getPlotItem().listDataItems()[0].getOriginalDataset()
    assert list(counts[-2:]) == [1.0, 1.0]


def test_tables_show_loads_in_the_lifters_unit(page: HistoryPage, context: AppContext) -> None:
    context.profile.save_settings(replace(context.profile.settings, unit=WeightUnit.LB))
    page.refresh()
    sessions = page.findChild(QTableView, "sessionsTable").model()
    assert sessions.index(2, SessionsTableModel.VOLUME).data() == "882 lb"  # 400 kg
    detail = page.findChild(QTableView, "sessionDetail").model()
    assert detail.index(0, 2).data() == "330.69 lb × 2"  # 150 kg
    assert original(data_items(page)[0])[1][1] == pytest.approx(100 / 0.811)  # the chart stays in kg


def test_a_new_workout_appears_when_the_page_is_refreshed(page: HistoryPage, context: AppContext) -> None:
    log = context.workout_log
    log.start("Arms")
    curl = context.catalog.find("Dumbbell Curl")
    assert curl is not None
    log.add_exercise(curl)
    log.rate(log.log_set(16, 10), Rating.RIR_2)
    log.finish()
    assert combo(page).count() == 2  # nothing is read until asked
    page.mark_stale()
    assert combo(page).count() == 3
    assert page.findChild(QTableView, "sessionsTable").model().index(0, 1).data() == "Arms"


def test_an_empty_database_shows_a_calm_message(qtbot, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    QStandardPaths.setTestModeEnabled(True)
    ctx = open_context(db_path, lambda: NOW)
    try:
        widget = HistoryPage(ctx)
        qtbot.addWidget(widget)
        widget.resize(1000, 700)
        widget.show()
        qtbot.waitExposed(widget)
        message = widget.findChild(QLabel, "historyEmpty")
        assert message.isVisible() and message.text() == EMPTY_TEXT
        assert not widget.findChild(pg.PlotWidget, "e1rmPlot").isVisible()
        assert not widget.findChild(QComboBox, "historyExercise").isVisible()
    finally:
        ctx.close()


def test_sessions_model_reads_pages_only_as_the_table_scrolls() -> None:
    start = datetime(2020, 1, 1, tzinfo=UTC)
    everything = [
        SessionSummary(i, start - timedelta(days=i), None, f"W{i}", 10, 8, 0, 1000.0, ()) for i in range(450)
    ]
    calls: list[tuple[int, int]] = []

    def load(limit: int, offset: int) -> list[SessionSummary]:
        calls.append((limit, offset))
        return everything[offset : offset + limit]

    model = SessionsTableModel(load)
    model.reload(model.unit)
    assert model.rowCount() == SESSION_PAGE_SIZE and model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 450 and not model.canFetchMore(QModelIndex())
    assert calls == [(200, 0), (200, 200), (200, 400)]
    assert model.index(449, 1).data() == "W449"
    assert model.index(0, 2).data() == "in progress"
    assert model.index(0, 4).data() == "1,000 kg"
