"""The main window: three pages (Session, History, Recovery), menus, and remembered geometry."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget, QWidget

from gym_companion import __version__
from gym_companion.services.context import AppContext
from gym_companion.ui.history.page import HistoryPage
from gym_companion.ui.recovery.page import RecoveryPage
from gym_companion.ui.session.page import SessionPage
from gym_companion.ui.widgets.clock import Clocks

ABOUT_TEXT = (
    f"<h3>Gym Companion {__version__}</h3>"
    "<p>Log every set in seconds, rate how close to failure it was, rest on time, and see whether "
    "the training works.</p>"
    "<p><b>Not medical advice.</b> The guidance on effort, failure and recovery is general "
    "information from sports-science literature, not advice for your body. Training to failure is "
    "optional and not for everyone: if you have an injury or a health condition, ask a qualified "
    "professional, and you can turn failure features off in Settings.</p>"
    "<p>Your data stays on this computer, in one SQLite file.</p>"
)


class MainWindow(QMainWindow):
    """The application window; owns the pages and hands each the services it needs."""

    def __init__(
        self, context: AppContext, clocks: Clocks | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self._closed = False
        self.setObjectName("mainWindow")
        self.setWindowTitle("Gym Companion")
        self.setMinimumSize(1000, 640)
        self.resize(1366, 768)
        clocks = clocks or Clocks.system(context.now)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("pages")
        self.tabs.setDocumentMode(True)
        self.session_page = SessionPage(context, clocks, self)
        self.history_page = HistoryPage(context, self)
        self.recovery_page = RecoveryPage(context, self)
        self.tabs.addTab(self.session_page, "Session")
        self.tabs.addTab(self.history_page, "History")
        self.tabs.addTab(self.recovery_page, "Recovery")
        for index, shortcut in enumerate(("Ctrl+1", "Ctrl+2", "Ctrl+3")):
            self.tabs.setTabToolTip(index, f"{self.tabs.tabText(index)} ({shortcut})")
            action = QShortcut(QKeySequence(shortcut), self)
            action.setContext(Qt.ShortcutContext.ApplicationShortcut)
            action.activated.connect(lambda i=index: self.show_page(i))
        self.tabs.currentChanged.connect(self._page_changed)
        self.setCentralWidget(self.tabs)
        self.session_page.data_changed.connect(self._data_changed)

        self._build_menus()
        self.status_label = QLabel(f"Database: {context.db_path}")
        self.status_label.setProperty("role", "muted")
        self.statusBar().addPermanentWidget(self.status_label)
        self._restore_geometry()
        # After the first paint: load the other pages in idle time (switching is then instant), and
        # make the daily backup. The context-object form cancels both if the window is gone.
        QTimer.singleShot(300, self, self._warm_up_pages)
        QTimer.singleShot(2000, self, self._daily_backup)

    # --- pages ----------------------------------------------------------------------------------
    def show_page(self, index: int) -> None:
        """Switch to page 0 (Session), 1 (History) or 2 (Recovery)."""
        self.tabs.setCurrentIndex(index)

    def _page_changed(self, index: int) -> None:
        page = self.tabs.widget(index)
        refresh = getattr(page, "refresh_if_stale", None)
        if refresh is not None:
            refresh()

    def _warm_up_pages(self) -> None:
        if self._closed:
            return
        self.history_page.refresh_if_stale()
        self.recovery_page.refresh_if_stale()

    def _data_changed(self) -> None:
        self.history_page.mark_stale()
        self.recovery_page.mark_stale()

    # --- menus ----------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        backup = QAction("Back up now", self)
        backup.setToolTip("Copy the database to the 'backups' folder beside it")
        backup.triggered.connect(self._backup_now)
        file_menu.addAction(backup)
        file_menu.addSeparator()
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        view_menu = self.menuBar().addMenu("&View")
        for index, name in enumerate(("Session", "History", "Recovery")):
            action = QAction(name, self)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # the window-wide QShortcut acts
            action.triggered.connect(lambda _checked=False, i=index: self.show_page(i))
            view_menu.addAction(action)

        help_menu = self.menuBar().addMenu("&Help")
        keys = QAction("Keyboard shortcuts", self)
        keys.setShortcut(QKeySequence("F1"))
        keys.triggered.connect(self.session_page.show_shortcuts)
        help_menu.addAction(keys)
        about = QAction("&About Gym Companion", self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _about(self) -> None:
        box = QMessageBox(QMessageBox.Icon.NoIcon, "About Gym Companion", ABOUT_TEXT, parent=self)
        box.setObjectName("aboutBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _backup_now(self) -> None:
        from gym_companion.services.backups import backup_now

        target = backup_now(self.context.db_path, self.context.now())
        self.statusBar().showMessage(f"Backed up to {target}", 8000)

    def _daily_backup(self) -> None:
        if self._closed:
            return
        try:
            made = self.context.backup_daily()
        except OSError as exc:
            self.statusBar().showMessage(f"Daily backup failed: {exc}", 10000)
            return
        if made is not None:
            self.statusBar().showMessage(f"Daily backup saved: {made.name}", 5000)

    # --- geometry and closing -------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save geometry and the timer, then release the database so another process can open it."""
        if not self._closed:
            self._closed = True
            QSettings().setValue("window/geometry", self.saveGeometry())
            self.session_page.shutdown()
            self.context.close()
        super().closeEvent(event)
