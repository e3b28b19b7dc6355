"""A second launch on an open database brings the first window to the front; nothing else opens it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMainWindow
from pytestqt.qtbot import QtBot

from gym_companion.app import create_main_window, run_gui
from gym_companion.ui.single_instance import InstanceBeacon, server_name, show_running_instance


@pytest.fixture
def open_window(qtbot: QtBot, db_path: Path) -> Iterator[tuple[QMainWindow, InstanceBeacon]]:
    window = create_main_window(db_path)
    qtbot.addWidget(window)
    beacon = InstanceBeacon(db_path, window)
    assert beacon.listening
    window.show()
    qtbot.waitExposed(window)
    yield window, beacon
    window.close()


@pytest.mark.qt_log_ignore("does not support raise")
def test_a_second_launch_unminimises_the_running_window(
    qtbot: QtBot, db_path: Path, open_window: tuple[QMainWindow, InstanceBeacon]
) -> None:
    window, beacon = open_window
    window.showMinimized()
    assert window.isMinimized()
    with qtbot.waitSignal(beacon.shown_again, timeout=3000):
        assert show_running_instance(db_path)
    assert not window.isMinimized()
    assert window.isVisible()


@pytest.mark.qt_log_ignore("does not support raise")
def test_launching_the_app_again_exits_at_once_and_leaves_the_first_window_working(
    qtbot: QtBot,
    db_path: Path,
    open_window: tuple[QMainWindow, InstanceBeacon],
    capsys: pytest.CaptureFixture[str],
) -> None:
    window, beacon = open_window
    window.showMinimized()
    with qtbot.waitSignal(beacon.shown_again, timeout=3000):
        assert run_gui(db_path) == 0  # no second window, no dialog: the first one comes forward
    assert f"{db_path} is already open" in capsys.readouterr().err
    assert not window.isMinimized()
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()]
    assert shown == [window]  # still the one window, on the same database


def test_nobody_answers_for_a_database_that_no_window_has_open(tmp_path: Path) -> None:
    assert not show_running_instance(tmp_path / "gym.sqlite3", timeout_ms=200)


def test_each_database_and_user_gets_its_own_channel(tmp_path: Path) -> None:
    a, b = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    assert server_name(a) == server_name(tmp_path / "." / "a.sqlite3")  # the same file, spelled differently
    assert server_name(a) != server_name(b)
