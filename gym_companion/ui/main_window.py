"""The main window: three pages (Session, History, Recovery), menus, and remembered geometry."""

from __future__ import annotations

import gc
import importlib
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget, QWidget

from gym_companion import __version__
from gym_companion.domain.guidance import FAILURE_SCIENCE_NOTE
from gym_companion.services.context import AppContext
from gym_companion.ui.exchange.actions import TransferActions
from gym_companion.ui.lazy_pages import IdleWarmUp, LazyTabs
from gym_companion.ui.session.page import SessionPage
from gym_companion.ui.widgets.clock import Clocks

if TYPE_CHECKING:  # imported on first need, after the first paint (History and Recovery bring pyqtgraph)
    from gym_companion.ui.exercises.library import ExerciseLibrary
    from gym_companion.ui.history.page import HistoryPage
    from gym_companion.ui.recovery.page import RecoveryPage
    from gym_companion.ui.settings.dialog import SettingsDialog

HISTORY, RECOVERY = 1, 2
# Settings no History chart or table depends on (rest timer, plate calculator, recovery model).
NOT_IN_HISTORY = frozenset(
    {
        "sound",
        "rest_compound_s",
        "rest_isolation_s",
        "rest_after_technical_s",
        "rest_after_absolute_s",
        "bar_weight_kg",
        "bar_weight_lb",
        "plates_kg",
        "plates_lb",
        "recovery_speed",
        "dumbbell_step_kg",  # the load steps round suggestions and warm-ups (Session page)
        "dumbbell_step_lb",
        "machine_step_kg",
        "machine_step_lb",
        "spoken_cues",
        "spoken_ten_seconds",
        "spoken_volume",
    }
)

ABOUT_TEXT = (
    f"<h3>Gym Companion {__version__}</h3>"
    "<p>Log every set in seconds, rate how close to failure it was, rest on time, and see whether "
    "the training works.</p>"
    "<p><b>Not medical advice.</b> The guidance on effort, failure and recovery is general "
    "information from sports-science literature, not advice for your body. Training to failure is "
    "optional and not for everyone: if you have an injury or a health condition, ask a qualified "
    "professional, and you can turn failure features off in Edit › Preferences (Ctrl+,).</p>"
    f"<p><b>Why failure is optional.</b> {FAILURE_SCIENCE_NOTE}</p>"
    "<p>Your data stays on this computer, in one SQLite file.</p>"
)


class MainWindow(QMainWindow):
    """The application window; owns the pages and hands each the services it needs.

    Only the Session page is built before the first paint; History and Recovery are built when first
    shown, or before that by the warm-up in the first pause of WARM_UP_IDLE_MS without input.
    """

    WARM_UP_IDLE_MS = 700  # a pause this long in typing and clicking; each step then takes up to ~0.3 s

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
        self._pages = LazyTabs(self.tabs)
        self._pages.add(self.session_page, "Session")
        self._pages.add_lazy(self._build_history_page, "History", "historyPage")
        self._pages.add_lazy(self._build_recovery_page, "Recovery", "recoveryPage")
        for index, shortcut in enumerate(("Ctrl+1", "Ctrl+2", "Ctrl+3")):
            self.tabs.setTabToolTip(index, f"{self.tabs.tabText(index)} ({shortcut})")
            action = QShortcut(QKeySequence(shortcut), self)
            action.setContext(Qt.ShortcutContext.ApplicationShortcut)
            action.activated.connect(lambda i=index: self.show_page(i))
        self.tabs.currentChanged.connect(self._page_changed)
        self.setCentralWidget(self.tabs)
        self.session_page.data_changed.connect(self._data_changed)
        self.session_page.week_glance.open_page.connect(self.show_page)  # "this week" links to its pages
        self.preferences: SettingsDialog | None = None  # built on first use (Edit › Preferences…)
        self.exercise_library: ExerciseLibrary | None = None  # built on first use (Edit › Exercises…)

        self._build_menus()
        self.status_label = QLabel(f"Database: {context.db_path}")
        self.status_label.setProperty("role", "muted")
        self.statusBar().addPermanentWidget(self.status_label)
        self._restore_geometry()
        # After the first paint, in pauses of the lifter's input: the daily backup, then build and load the
        # other pages (switching is then instant). Each step blocks the UI for a moment, never mid-typing.
        self._warm_up = IdleWarmUp(self, self._warm_up_steps(), self.WARM_UP_IDLE_MS)
        self._catch_up: IdleWarmUp | None = None
        _freeze_long_lived()

    # --- pages ----------------------------------------------------------------------------------
    def findChild(self, *args: Any, **kwargs: Any) -> Any:
        """As QObject.findChild, but a widget of a page not built yet is found too: the page is built
        first. Pages are lazy for a fast start; tests and scripts that look a page's widgets up by name
        (CONTRACT.md) must not see the difference."""
        found = super().findChild(*args, **kwargs)
        if found is None and self._pages.build_all():
            found = super().findChild(*args, **kwargs)
        if isinstance(found, QWidget):
            for page in self._pages.built():  # what is read from a page is current, shown or not
                if page is found or page.isAncestorOf(found):
                    refresh = getattr(page, "refresh_if_stale", None)
                    if refresh is not None:
                        refresh()
        return found

    def findChildren(self, *args: Any, **kwargs: Any) -> Any:
        """As QObject.findChildren, over every page (building those not built yet)."""
        self._pages.build_all()
        return super().findChildren(*args, **kwargs)

    @property
    def history_page(self) -> HistoryPage:
        """The History page (built now if it was not yet)."""
        return cast("HistoryPage", self._pages.page(HISTORY))

    @property
    def recovery_page(self) -> RecoveryPage:
        """The Recovery page (built now if it was not yet)."""
        return cast("RecoveryPage", self._pages.page(RECOVERY))

    def _build_history_page(self) -> QWidget:
        from gym_companion.ui.history.page import HistoryPage

        page = HistoryPage(self.context, self)
        # "Export CSV…" on the page opens File › Export… preset to the range on screen.
        page.exportCsvRequested.connect(self.transfer_actions.open_export)
        _freeze_long_lived()
        return page

    def _build_recovery_page(self) -> QWidget:
        from gym_companion.ui.recovery.page import RecoveryPage

        page = RecoveryPage(self.context, self)
        _freeze_long_lived()
        return page

    def show_page(self, index: int) -> None:
        """Switch to page 0 (Session), 1 (History) or 2 (Recovery)."""
        self._pages.page(index)  # built before it is switched to, so no placeholder is ever shown
        self.tabs.setCurrentIndex(index)

    def _page_changed(self, index: int) -> None:
        page = self._pages.page(index)  # a click on a tab whose page is not built yet builds it
        refresh = getattr(page, "refresh_if_stale", None)
        if refresh is not None:
            refresh()

    def _warm_up_steps(self) -> list[Callable[[], object]]:
        """Start-up's deferred work in short steps, each in its own pause: the daily backup; RIR calibration
        (the first brief and History read it); History's modules (pyqtgraph); History built, then loaded;
        Recovery built, then loaded."""
        return [
            self._daily_backup,
            self._warm_up_calibration,
            partial(importlib.import_module, "gym_companion.ui.history.page"),
            partial(self._warm_up_page, HISTORY, False),
            partial(self._warm_up_page, HISTORY, True),
            partial(self._warm_up_page, RECOVERY, False),
            partial(self._warm_up_page, RECOVERY, True),
        ]

    def _warm_up_calibration(self) -> None:
        if not self._closed and self.context.calibration is not None:
            self.context.calibration.current()

    def _warm_up_page(self, index: int, load: bool) -> None:
        if self._closed:
            return
        page = self.history_page if index == HISTORY else self.recovery_page
        if load:
            page.refresh_if_stale()

    def _data_changed(self) -> None:
        for page in self._pages.built():  # a page not built yet reads fresh data when it is
            mark_stale = getattr(page, "mark_stale", None)
            if mark_stale is not None:
                mark_stale()
        # Hidden pages catch up in the next pause of input, so switching to them stays instant.
        if self._catch_up is not None:
            self._catch_up.stop()
        self._catch_up = IdleWarmUp(self, [self._refresh_stale_pages], self.WARM_UP_IDLE_MS)

    def _refresh_stale_pages(self) -> None:
        if self._closed:
            return
        for page in self._pages.built():
            refresh = getattr(page, "refresh_if_stale", None)
            if refresh is not None:
                refresh()

    def _history_changed(self) -> None:
        """Earlier workouts changed (an import): the open workout's kept "last time" and advice facts go."""
        self.context.advice.forget()
        self.context.workout_log.forget_history()

    # --- exercises ------------------------------------------------------------------------------
    def open_exercise_library(self) -> ExerciseLibrary:
        """Edit › Exercises… (Ctrl+Shift+L): every exercise; create, change or delete your own (non-modal)."""
        if self.exercise_library is None:
            from gym_companion.ui.exercises.library import ExerciseLibrary

            log = self.context.workout_log
            self.exercise_library = ExerciseLibrary(
                self.context.catalog,
                self,
                in_workout=lambda exercise_id: any(s.exercise.id == exercise_id for s in log.slots),
            )
            self.exercise_library.exercises_changed.connect(self._exercises_changed)
        self.exercise_library.present()
        return self.exercise_library

    def _exercises_changed(self) -> None:
        """A custom exercise changed: its sets now count for other muscles (History, Recovery, advice)."""
        self.session_page.exercises_changed()
        self.context.advice.forget()
        self._data_changed()

    # --- preferences ----------------------------------------------------------------------------
    def open_preferences(self) -> SettingsDialog:
        """Edit › Preferences… (Ctrl+,): the non-modal settings dialog, one per window."""
        if self.preferences is None:
            from gym_companion.ui.settings.dialog import SettingsDialog

            self.preferences = SettingsDialog(self.context, self)
            self.preferences.settings_applied.connect(self._settings_applied)
            self.preferences.events_changed.connect(self._events_changed)
        self.preferences.present()  # lists the events afresh whenever it comes to the front
        return self.preferences

    def _settings_applied(self, changed: frozenset[str]) -> None:
        """Every page follows new settings at once (unit, sound, caps, recovery speed).

        Built pages recompute (now if showing; the others read the settings when built), except History
        when only settings it never shows changed: reloading it costs about a second on ten years.
        """
        self.session_page.apply_settings()
        self.context.advice.forget()  # e.g. RIR calibration switched on or off changes e1RM history
        for page in self._pages.built():
            skip = page.objectName() == "historyPage" and changed <= NOT_IN_HISTORY
            if page is not self.session_page and not skip:
                page.mark_stale()  # type: ignore[attr-defined]

    def _events_changed(self) -> None:
        self.session_page.week_glance.mark_stale()  # it shows the next event
        if self._pages.is_built(RECOVERY):  # otherwise it lists the events when it is built
            self.recovery_page.mark_stale()

    # --- menus ----------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.transfer_actions = TransferActions(self, self.context)  # Import… Ctrl+I, Export… Ctrl+Shift+E
        self.transfer_actions.data_changed.connect(self._data_changed)
        self.transfer_actions.data_changed.connect(self._history_changed)
        file_menu.addAction(self.transfer_actions.import_action)
        file_menu.addAction(self.transfer_actions.export_action)
        file_menu.addSeparator()
        backup = QAction("Back up now", self)
        backup.setToolTip("Copy the database to the 'backups' folder beside it")
        backup.triggered.connect(self._backup_now)
        file_menu.addAction(backup)
        file_menu.addSeparator()
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        edit_menu = self.menuBar().addMenu("&Edit")
        exercises = QAction("&Exercises…", self)
        exercises.setObjectName("exercisesAction")
        exercises.setShortcut(QKeySequence("Ctrl+Shift+L"))
        exercises.setToolTip("Every exercise, yours marked: set your own exercises' muscles, rename, delete")
        exercises.triggered.connect(self.open_exercise_library)
        edit_menu.addAction(exercises)
        preferences = QAction("&Preferences…", self)
        preferences.setObjectName("preferencesAction")
        preferences.setShortcut(QKeySequence("Ctrl+,"))
        preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
        preferences.triggered.connect(self.open_preferences)
        edit_menu.addAction(preferences)

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
            self.transfer_actions.shutdown()  # stops a running import before the database closes
            self.session_page.shutdown()
            self.context.close()
        super().closeEvent(event)


def _freeze_long_lived() -> None:
    """Leave what exists now (modules, the window and its pages) out of future garbage collections.

    Python's full collections walk every tracked object: with Qt, SQLAlchemy and a built page that is
    enough to stall the UI for 50–130 ms at random moments, such as while a set is being logged. Objects
    that live as long as the window need not be walked again (gc.freeze, as the gc docs suggest).
    """
    gc.freeze()
