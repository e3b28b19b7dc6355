"""Start-up paints the Session page only: History and Recovery are built on first need or in the first
pause of the lifter's input, and input keeps postponing that warm-up."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QTableView, QWidget
from pytestqt.qtbot import QtBot

from gym_companion.app import create_main_window
from gym_companion.services.demo import write_demo_history
from gym_companion.ui.lazy_pages import IdleWarmUp
from gym_companion.ui.main_window import MainWindow


@pytest.fixture
def history_db(db_path: Path) -> Path:
    write_demo_history(db_path, years=0.2, seed=3)
    return db_path


@pytest.fixture
def window(qtbot: QtBot, history_db: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[QWidget]:
    monkeypatch.setattr(MainWindow, "WARM_UP_IDLE_MS", 60_000)  # no warm-up unless a test asks for it
    win = create_main_window(history_db)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def test_only_the_session_page_exists_until_another_page_is_opened(qtbot: QtBot, window: QWidget) -> None:
    pages = window._pages  # type: ignore[attr-defined]
    assert pages.is_built(0) and not pages.is_built(1) and not pages.is_built(2)

    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    tabs = window.tabs  # type: ignore[attr-defined]
    assert tabs.currentWidget().objectName() == "historyPage"
    assert tabs.tabText(1) == "History" and tabs.tabToolTip(1) == "History (Ctrl+2)"
    exercises = window.findChild(QComboBox, "historyExercise")
    assert exercises is not None and exercises.count() > 0  # loaded as it was shown
    assert tabs.widget(1).objectName() == "historyPage"  # the placeholder is gone
    assert not pages.is_built(2)  # still not needed

    tabs.tabBar().setCurrentIndex(2)  # a click on the tab builds it too
    assert tabs.currentWidget().objectName() == "recoveryPage"
    table = window.findChild(QTableView, "recoveryTable")
    assert table is not None and table.model().rowCount() > 0


def test_the_other_pages_are_built_and_loaded_in_the_first_pause(
    qtbot: QtBot, history_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(MainWindow, "WARM_UP_IDLE_MS", 50)
    win = create_main_window(history_db)
    qtbot.addWidget(win)
    win.show()
    try:
        qtbot.waitUntil(lambda: win.findChild(QTableView, "recoveryTable") is not None, timeout=20_000)
        qtbot.waitUntil(lambda: win.findChild(QTableView, "recoveryTable").model().rowCount() > 0)
        exercises = win.findChild(QComboBox, "historyExercise")
        assert exercises is not None and exercises.count() > 0
        assert win.tabs.currentWidget().objectName() == "sessionPage"  # type: ignore[attr-defined]
    finally:
        win.close()


def test_typing_postpones_each_warm_up_step_until_a_pause(qtbot: QtBot) -> None:
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    ran: list[str] = []
    warm_up = IdleWarmUp(field, [lambda: ran.append("first"), lambda: ran.append("second")], idle_ms=300)
    other = IdleWarmUp(field, [lambda: ran.append("other")], idle_ms=200)  # waits on the same watch
    app = QApplication.instance()
    assert app is not None
    typing_until = time.monotonic() + 0.9
    while time.monotonic() < typing_until:  # a key every few milliseconds: never a 0.3 s pause
        QTest.keyClick(field, Qt.Key.Key_A)
        app.processEvents()
    assert ran == [] and warm_up.pending == 2 and other.pending == 1
    assert field.text().startswith("aaa")  # the keys themselves went through
    qtbot.waitUntil(lambda: ran == ["other", "first", "second"], timeout=5_000)
    assert warm_up.pending == 0 and other.pending == 0


def test_a_stopped_warm_up_never_runs_its_steps(qtbot: QtBot) -> None:
    field = QLineEdit()
    qtbot.addWidget(field)
    ran: list[str] = []
    stopped = IdleWarmUp(field, [lambda: ran.append("dropped")], idle_ms=10)
    kept = IdleWarmUp(field, [lambda: ran.append("kept")], idle_ms=30)
    stopped.stop()
    qtbot.waitUntil(lambda: ran == ["kept"], timeout=5_000)
    assert stopped.pending == 0 and kept.pending == 0
