"""The History page on a real database with a small hand-made history: e1RM chart, ranges, sessions."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pyqtgraph as pg
import pytest
from helpers.history_seed import D1, D2, NOW, OLD, logged_at, seeded_context
from PySide6.QtCore import QDate, QModelIndex, QStandardPaths, Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QPushButton, QTableView

from gym_companion.domain.effort import Rating
from gym_companion.domain.model import Muscle, SessionSummary, WeightUnit
from gym_companion.services.context import AppContext
from gym_companion.services.session_factory import open_context
from gym_companion.ui.history.page import EMPTY_TEXT, HistoryPage
from gym_companion.ui.history.sessions_view import SESSION_PAGE_SIZE, SessionsTableModel


@pytest.fixture
def context(db_path: Path) -> Iterator[AppContext]:
    """An open context on the seeded database."""
    with seeded_context(db_path) as ctx:
        yield ctx


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


def test_session_bests_trend_failure_sets_and_prs_are_separate_items(page: HistoryPage) -> None:
    _sets, best, trend, failures, records = data_items(page)
    assert original(best)[1] == pytest.approx([80 / 0.811, 100 / 0.811, 102.5 / 0.811])
    assert original(trend)[1] == pytest.approx([80 / 0.811, (80 / 0.811 + 100 / 0.811) / 2, 100 / 0.811])
    assert original(failures) == ([logged_at(D1, 2).timestamp()], pytest.approx([100 / 0.837]))
    # e1RM records: D1 beats OLD (123.30 > 98.64), D2 beats D1 (126.39); OLD itself is the baseline.
    assert original(records) == (
        [logged_at(D1, 1).timestamp(), logged_at(D2, 1).timestamp()],
        pytest.approx([100 / 0.811, 102.5 / 0.811]),
    )
    plot = page.findChild(pg.PlotWidget, "e1rmPlot")
    assert isinstance(plot.getPlotItem().getAxis("bottom"), pg.DateAxisItem)
    assert plot.getPlotItem().getAxis("left").labelText == "e1RM (kg)"


def test_choosing_another_exercise_redraws_the_chart(page: HistoryPage) -> None:
    combo(page).setCurrentIndex(combo(page).findText("Squat"))
    x, y = original(data_items(page)[0])
    assert x == [logged_at(D1, 3).timestamp(), logged_at(D2, 0).timestamp()]
    assert y == pytest.approx([140 / 0.863, 150 / 0.863])
    assert "173.8 kg" in page.findChild(QLabel, "historySummary").text()


def x_range(page: HistoryPage, name: str) -> tuple[float, float]:
    plot = page.findChild(pg.PlotWidget, name)
    assert plot is not None
    low, high = plot.getPlotItem().vb.viewRange()[0]
    return low, high


CHARTS = ("e1rmPlot", "weeklyVolumePlot", "bodyweightPlot")


def test_range_buttons_move_every_chart_to_the_last_three_months_and_back(page: HistoryPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(page.findChild(QPushButton, "historyRange3m"), Qt.MouseButton.LeftButton)
    start = (NOW - timedelta(days=91)).timestamp()
    for name in CHARTS:
        low, high = x_range(page, name)
        assert low > logged_at(OLD, 0).timestamp(), name  # the set from a year ago is out of view
        assert low == pytest.approx(start, abs=3 * 86400) and high == pytest.approx(
            NOW.timestamp(), abs=3 * 86400
        )
    first_day = (NOW - timedelta(days=91)).astimezone().date()
    assert page.findChild(QDateEdit, "historyFrom").date() == QDate(
        first_day.year, first_day.month, first_day.day
    )
    qtbot.mouseClick(page.findChild(QPushButton, "historyRangeAll"), Qt.MouseButton.LeftButton)
    for name in ("e1rmPlot", "weeklyVolumePlot"):
        low, _high = x_range(page, name)
        assert low <= logged_at(OLD, 0).timestamp(), name
    local_old = OLD.astimezone().date()
    assert page.findChild(QDateEdit, "historyFrom").date() == QDate(
        local_old.year, local_old.month, local_old.day
    )


def type_date(qtbot, edit: QDateEdit, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type a date as a lifter does: select the day, type day, month and year, Enter."""
    qtbot.keyClick(edit, Qt.Key.Key_Home)
    for _ in edit.text().split()[0]:
        qtbot.keyClick(edit, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.text() == text


def test_typing_from_and_to_dates_picks_a_custom_range(page: HistoryPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    start = page.findChild(QDateEdit, "historyFrom")
    end = page.findChild(QDateEdit, "historyTo")
    for edit, text in ((start, "1 Jun 2025"), (end, "5 Jun 2025")):
        type_date(qtbot, edit, text)
    assert page.findChild(QPushButton, "historyRangeCustom").isChecked()
    low, high = x_range(page, "e1rmPlot")
    first = datetime(2025, 6, 1).astimezone().timestamp()  # local midnights, both days included
    last = datetime(2025, 6, 6).astimezone().timestamp()
    assert low == pytest.approx(first, abs=0.03 * (last - first))
    assert high == pytest.approx(last, abs=0.03 * (last - first))
    assert low <= logged_at(D1, 1).timestamp() <= high < logged_at(D2, 0).timestamp()
    # The e1RM axis fits what is visible: only the D1 sets (119.5 and 123.3 kg), not D2's 126.4.
    y_low, y_high = page.findChild(pg.PlotWidget, "e1rmPlot").getPlotItem().vb.viewRange()[1]
    assert y_low <= 100 / 0.837 and 100 / 0.811 <= y_high < 102.5 / 0.811


def test_export_csv_asks_for_the_range_on_screen(page: HistoryPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    asked: list[tuple[datetime | None, datetime | None]] = []
    page.exportCsvRequested.connect(lambda start, end: asked.append((start, end)))
    button = page.findChild(QPushButton, "exportCsvButton")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert asked == [(None, None)]  # everything
    qtbot.mouseClick(page.findChild(QPushButton, "historyRange1y"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert asked[1] == (NOW - timedelta(days=365), NOW - timedelta(microseconds=1))


def test_hovering_a_point_tells_date_load_effort_and_e1rm(page: HistoryPage) -> None:
    chart = page.e1rm_chart
    x, y = original(data_items(page)[0])
    assert chart.hover_index(x[1], y[1]) == 1
    text = chart.hover_text()
    assert "02 Jun 2025" in text or "03 Jun 2025" in text  # local date of 18:03 UTC
    assert "100 kg × 5 @ RIR 2" in text
    assert "e1RM 123.3 kg" in text
    assert "e1RM record: +24.7 kg" in text  # 123.30 - 98.64
    assert chart.hover_index(x[2], y[2]) == 2
    assert "100 kg × 6 to technical failure" in chart.hover_text()
    assert "record" not in chart.hover_text()


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


def test_weekly_hard_sets_plot_shows_the_chosen_muscle(page: HistoryPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(
        tab_bar(page).tabBar(), Qt.MouseButton.LeftButton, pos=tab_bar(page).tabBar().tabRect(1).center()
    )
    muscles = page.findChild(QComboBox, "weeklyMuscle")
    assert (
        muscles.isVisible() and muscles.currentData() == Muscle.CHEST.value
    )  # the main exercise's first muscle
    plot = page.findChild(pg.PlotWidget, "weeklyVolumePlot")
    _edges, counts = plot.getPlotItem().listDataItems()[0].getOriginalDataset()
    # Bench press: one hard set in June 2024, then two in each week of 2 and 9 June 2025 (the unrated set
    # counts as hard: the recovery model takes it as RIR 2); the weeks between are zeros.
    assert counts[0] == 1.0 and list(counts[-2:]) == [2.0, 2.0]
    assert sum(counts) == 5.0 and len(counts) == 54
    muscles.setCurrentIndex(muscles.findData(Muscle.QUADS.value))
    _edges, counts = plot.getPlotItem().listDataItems()[0].getOriginalDataset()
    assert list(counts[-2:]) == [1.0, 1.0]


def tab_bar(page: HistoryPage):  # type: ignore[no-untyped-def]
    return page.chart_tabs


def test_tables_show_loads_in_the_lifters_unit(page: HistoryPage, context: AppContext) -> None:
    context.profile.save_settings(replace(context.profile.settings, unit=WeightUnit.LB))
    page.refresh()
    sessions = page.findChild(QTableView, "sessionsTable").model()
    assert sessions.index(2, SessionsTableModel.VOLUME).data() == "882 lb"  # 400 kg
    detail = page.findChild(QTableView, "sessionDetail").model()
    assert detail.index(0, 2).data() == "330.7 lb × 2"  # 150 kg
    assert original(data_items(page)[0])[1][1] == pytest.approx(100 / 0.811)  # the data stay in kg
    assert page.e1rm_chart.axis_label() == "e1RM (lb)"
    assert "278.6 lb" in page.findChild(QLabel, "historySummary").text()  # 126.39 kg


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


def test_export_csv_opens_the_export_dialog_on_the_range_on_screen(qtbot, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    from helpers.clock import FakeClock
    from helpers.history_seed import seed
    from PySide6.QtWidgets import QDialog

    from gym_companion.app import create_main_window

    QStandardPaths.setTestModeEnabled(True)
    seed(db_path)
    window = create_main_window(db_path, FakeClock(NOW).clocks())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_page(1)  # type: ignore[attr-defined]
    page = window.history_page  # type: ignore[attr-defined]
    assert window.tabs.currentWidget() is page  # type: ignore[attr-defined]
    qtbot.mouseClick(page.findChild(QPushButton, "historyRange3m"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.findChild(QPushButton, "exportCsvButton"), Qt.MouseButton.LeftButton)
    dialog = window.findChild(QDialog, "exportDialog")
    assert dialog is not None and dialog.isVisible()
    assert dialog.findChild(QComboBox, "exportRange").currentData() == "custom"
    first = (NOW - timedelta(days=91)).astimezone().date()
    assert dialog.findChild(QDateEdit, "exportFrom").date() == QDate(first.year, first.month, first.day)
    dialog.close()
    window.close()


def test_the_summary_line_counts_the_range_on_screen(page: HistoryPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    """QA: the line stayed all-time at "3 months". Bench: OLD 98.6, D1 123.3 and 119.5 (technical failure),
    D2 126.4; e1RM records on D1 and D2 (OLD is the baseline)."""
    summary = page.findChild(QLabel, "historySummary")
    assert summary.text() == (
        f"All time: Best e1RM 126.4 kg ({D2:%-d %b %Y}) · 4 rated sets, 1 to failure · 2 PRs ★"
    )
    qtbot.mouseClick(page.findChild(QPushButton, "historyRange3m"), Qt.MouseButton.LeftButton)
    assert summary.text().startswith("Last 3 months: Best e1RM 126.4 kg")
    assert "· 3 rated sets, 1 to failure · 2 PRs ★" in summary.text()  # OLD is a year back
    page.range_bar.set_custom(D1.date(), (D1 + timedelta(days=3)).date())
    assert summary.text() == (
        f"2 Jun – 5 Jun 2025: Best e1RM 123.3 kg ({D1:%-d %b %Y}) · 2 rated sets, 1 to failure · 1 PR ★"
    )
    page.range_bar.set_custom(datetime(2025, 1, 1).date(), datetime(2025, 1, 31).date())
    assert summary.text() == (
        "1 Jan – 31 Jan 2025: no rated sets of Bench Press in these dates (pick a longer range or All)."
    )
    qtbot.mouseClick(page.findChild(QPushButton, "historyRangeAll"), Qt.MouseButton.LeftButton)
    assert summary.text().startswith("All time: Best e1RM 126.4 kg")
