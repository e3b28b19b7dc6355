"""The app as launched: its icon, the hidden --quit-after used by the bundle's smoke test, refusals."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gym_companion.app import create_main_window, run_gui
from gym_companion.cli import main
from gym_companion.storage.lock import DatabaseLock


def test_the_window_wears_the_app_icon_at_every_size(qtbot: QtBot, db_path: Path) -> None:
    window = create_main_window(db_path)
    qtbot.addWidget(window)
    icon = window.windowIcon()
    assert not icon.isNull()
    for size in (16, 32, 64, 256):
        image = icon.pixmap(QSize(size, size)).toImage()
        assert image.width() == size
        centre = image.pixelColor(size // 2, size // 2)
        corner = image.pixelColor(0, 0)
        assert centre.alpha() == 255 and corner.alpha() == 0  # a drawn mark with rounded, see-through corners
    window.close()


def test_quit_after_opens_the_window_and_closes_it_cleanly(db_path: Path) -> None:
    assert main(["--db", str(db_path), "--quit-after", "300"]) == 0
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    lock = DatabaseLock(db_path)  # the database was released: another process could open it now
    lock.acquire()
    lock.release()


def test_a_database_held_by_a_non_window_is_refused_with_the_reason(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # e.g. `gym-companion demo --db` writing into it: nothing to bring forward, so the refusal dialog
    # appears (and --quit-after closes it, as the smoke test relies on).
    create_main_window(db_path).close()
    lock = DatabaseLock(db_path)
    lock.acquire()
    try:
        assert run_gui(db_path, quit_after_ms=200) == 2
    finally:
        lock.release()
    assert "already open in another Gym Companion window" in capsys.readouterr().err
