"""Composition root: open the database, build the services, build the window; run the GUI."""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from gym_companion.resources import resource_path
from gym_companion.services.session_factory import open_context
from gym_companion.ui.main_window import MainWindow
from gym_companion.ui.theme import apply_theme
from gym_companion.ui.widgets.clock import Clocks

ORGANIZATION = "gym-companion"
APPLICATION = "Gym Companion"


def _ensure_app() -> QApplication:
    app = QApplication.instance()
    if app is None:
        QCoreApplication.setOrganizationName(ORGANIZATION)
        QCoreApplication.setApplicationName(APPLICATION)
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    if not QCoreApplication.organizationName():
        QCoreApplication.setOrganizationName(ORGANIZATION)
        QCoreApplication.setApplicationName(APPLICATION)
    if app.windowIcon().isNull():
        app.setWindowIcon(QIcon(str(resource_path("icons/gym-companion.svg"))))
        QGuiApplication.setDesktopFileName("gym-companion")  # matches the .desktop file (Wayland app id)
    if not app.property("gymThemeFollowsSystem"):
        app.setProperty("gymThemeFollowsSystem", True)
        app.styleHints().colorSchemeChanged.connect(lambda _scheme: apply_theme(app))
    apply_theme(app)
    return app


def create_main_window(db_path: Path | str, clocks: Clocks | None = None) -> QMainWindow:
    """The main window on `db_path`, not shown, no event loop. Raises storage DatabaseError."""
    _ensure_app()
    context = open_context(Path(db_path), clocks.now if clocks else _utc_now)
    try:
        return MainWindow(context, clocks)
    except BaseException:
        context.close()
        raise


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _close_all_windows(app: QApplication) -> None:
    """Close every window as the lifter would (dialogs included); the app then ends as usual."""
    for widget in app.topLevelWidgets():
        widget.close()


def run_gui(db_path: Path | None = None, demo: bool = False, quit_after_ms: int | None = None) -> int:
    """Open the app window and run the event loop until it closes. Returns the exit code.

    A launch on a database that another window has open brings that window to the front and exits 0.
    `quit_after_ms` (the hidden `--quit-after`, for smoke tests of a build) closes every window then.
    """
    from gym_companion.paths import default_db_path
    from gym_companion.storage.errors import DatabaseError, DatabaseLockedError
    from gym_companion.ui.single_instance import InstanceBeacon, show_running_instance

    app = _ensure_app()
    if quit_after_ms is not None:
        QTimer.singleShot(max(0, quit_after_ms), lambda: _close_all_windows(app))
    demo_dir: tempfile.TemporaryDirectory[str] | None = None
    if demo:
        from gym_companion.services.demo import write_demo_history

        demo_dir = tempfile.TemporaryDirectory(prefix="gym-companion-demo-")
        db_path = Path(demo_dir.name) / "demo.sqlite3"
        write_demo_history(db_path, years=3, seed=1)
    path = db_path or default_db_path()
    try:
        window = create_main_window(path)
    except DatabaseError as exc:
        if isinstance(exc, DatabaseLockedError) and show_running_instance(path):
            print(f"gym-companion: {path} is already open; brought its window to the front.", file=sys.stderr)
            return 0
        print(f"gym-companion: {exc}", file=sys.stderr)
        QMessageBox.critical(None, "Gym Companion cannot open the database", str(exc))
        return 2
    if demo:
        window.setWindowTitle("Gym Companion — demo data (not saved)")
    InstanceBeacon(path, window)
    if os.environ.get("GYM_COMPANION_FIRST_PAINT"):  # benchmarks: time to first paint
        from gym_companion.ui.first_paint import install_from_environment

        install_from_environment(window)
    window.show()
    code = app.exec()
    if demo_dir is not None:
        demo_dir.cleanup()
    return int(code)
