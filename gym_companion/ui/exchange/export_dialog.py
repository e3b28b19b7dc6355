"""File → Export…: a small non-modal dialog writing history to CSV (native, Strong or Hevy).

`open_export_dialog(parent, context, start, end)` opens it (or brings the open one forward) preset to a
date range, so the History page can offer "export what I am looking at".
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from gym_companion.domain.model import WeightUnit
from gym_companion.services.context import AppContext
from gym_companion.services.transfer import ExportSummary, TransferError, TransferService
from gym_companion.ui.exchange.choosers import SaveChooser, choose_export_target, documents_folder

# (format, button text, one-line explanation)
FORMATS: tuple[tuple[str, str, str], ...] = (
    ("native", "&Gym Companion", "Every detail (RIR, failure kind, rest, notes); imports back exactly."),
    ("strong", "&Strong", "Strong's layout (V4), for apps that read Strong exports."),
    ("hevy", "&Hevy", "Hevy's layout; RIR becomes RPE (10 − RIR), failure sets are marked."),
)
# (key, label, days back from now); None: everything, or the custom dates for "custom".
RANGES: tuple[tuple[str, str, int | None], ...] = (
    ("all", "All history", None),
    ("3m", "Last 3 months", 91),
    ("1y", "Last year", 365),
    ("custom", "Custom dates", None),
)
EARLIEST = QDate(1980, 1, 1)
STATUS_MS = 10000


def default_file_name(day: date, fmt: str) -> str:
    """'gym-companion-2026-11-26.csv', with the format for the other apps: '…-strong.csv'."""
    suffix = "" if fmt == "native" else f"-{fmt}"
    return f"gym-companion-{day.isoformat()}{suffix}.csv"


class ExportDialog(QDialog):
    """Format, unit, date range and file; Export writes it and shows what was written.

    Emits `exported(ExportSummary)` after each export.
    """

    exported = Signal(object)

    def __init__(
        self,
        service: TransferService,
        unit: WeightUnit,
        now: Callable[[], datetime],
        chooser: SaveChooser = choose_export_target,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._now = now
        self._chooser = chooser
        self.setObjectName("exportDialog")
        self.setWindowTitle("Export history")
        self.setModal(False)
        self.setMinimumWidth(620)

        self.format_group = QButtonGroup(self)
        formats = QVBoxLayout()
        formats.setSpacing(2)
        for fmt, text, explanation in FORMATS:
            button = QRadioButton(text)
            button.setObjectName(f"exportFormat{fmt.capitalize()}")
            button.setProperty("format", fmt)
            note = QLabel(explanation)
            note.setProperty("role", "muted")
            note.setContentsMargins(26, 0, 0, 6)
            self.format_group.addButton(button)
            formats.addWidget(button)
            formats.addWidget(note)
        self.format_group.buttons()[0].setChecked(True)
        self.format_group.buttonToggled.connect(lambda _b, on: on and self._format_changed())

        self.unit_combo = QComboBox()
        self.unit_combo.setObjectName("exportUnit")
        self.unit_combo.addItem("Kilograms (kg)", WeightUnit.KG)
        self.unit_combo.addItem("Pounds (lb)", WeightUnit.LB)
        self.unit_combo.setCurrentIndex(self.unit_combo.findData(unit))
        self.unit_combo.setToolTip(
            "Weights are written in this unit (the Gym Companion format also keeps the exact kg)."
        )

        self.range_combo = QComboBox()
        self.range_combo.setObjectName("exportRange")
        for key, label, _days in RANGES:
            self.range_combo.addItem(label, key)
        self.range_combo.setToolTip("Sessions are chosen by the day they started")
        self.range_combo.currentIndexChanged.connect(lambda _i: self._range_changed())
        today = self._local_today()
        self.from_edit = _date_edit("exportFrom", today.addMonths(-3))
        self.to_edit = _date_edit("exportTo", today)
        from_label = QLabel("Fr&om")
        from_label.setBuddy(self.from_edit)
        to_label = QLabel("&to")
        to_label.setBuddy(self.to_edit)
        range_row = QHBoxLayout()
        range_row.addWidget(self.range_combo)
        range_row.addSpacing(10)
        range_row.addWidget(from_label)
        range_row.addWidget(self.from_edit)
        range_row.addWidget(to_label)
        range_row.addWidget(self.to_edit)
        range_row.addStretch(1)

        self._auto_name = default_file_name(self._today(), "native")
        self.path_edit = QLineEdit(str(documents_folder() / self._auto_name))
        self.path_edit.setObjectName("exportPath")
        self.path_edit.textChanged.connect(lambda _t: self._path_changed())
        self.choose_button = QPushButton("&Browse…")
        self.choose_button.setObjectName("exportBrowse")
        self.choose_button.setAutoDefault(False)
        self.choose_button.clicked.connect(self._choose)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.choose_button)
        self.exists_note = QLabel("A file with this name exists; exporting replaces it.")
        self.exists_note.setObjectName("exportExists")
        self.exists_note.setProperty("role", "muted")

        form = QFormLayout()
        form.addRow(_buddy("Format", None), formats)
        form.addRow(_buddy("&Unit", self.unit_combo), self.unit_combo)
        form.addRow(_buddy("&Range", self.range_combo), range_row)
        form.addRow(_buddy("&File", self.path_edit), file_row)
        form.addRow("", self.exists_note)

        self.result = QLabel()
        self.result.setObjectName("exportResult")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_button = QPushButton("&Export")
        self.export_button.setObjectName("exportButton")
        self.export_button.clicked.connect(self.export)
        self.close_button = QPushButton("Close")
        self.close_button.setObjectName("exportClose")
        self.close_button.setAutoDefault(False)
        self.close_button.setToolTip("Close (Esc)")
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.result)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.export_button.setDefault(True)  # Enter exports, wherever the focus is
        self._range_changed()
        self._path_changed()
        self.format_group.checkedButton().setFocus()

    # --- choices --------------------------------------------------------------------------------
    def format(self) -> str:
        """The chosen format: 'native', 'strong' or 'hevy'."""
        button = self.format_group.checkedButton()
        return str(button.property("format")) if button is not None else "native"

    def unit(self) -> WeightUnit:
        """The chosen unit."""
        return WeightUnit(self.unit_combo.currentData())

    def preset_range(self, start: datetime | None, end: datetime | None) -> None:
        """Show custom dates covering start..end (the History page's visible range); both None: all."""
        if start is None and end is None:
            self.range_combo.setCurrentIndex(self.range_combo.findData("all"))
            return
        self.from_edit.setDate(_qdate(start.astimezone().date()) if start is not None else EARLIEST)
        self.to_edit.setDate(_qdate(end.astimezone().date()) if end is not None else self._local_today())
        self.range_combo.setCurrentIndex(self.range_combo.findData("custom"))

    def date_range(self) -> tuple[datetime | None, datetime | None]:
        """The sessions to export as (start, end), aware datetimes; None leaves that side open.

        Custom dates are whole local days: from the first day's midnight up to (not including) the
        midnight after the last day.
        """
        key = self.range_combo.currentData()
        if key == "custom":
            first = self.from_edit.date().toPython()
            last = self.to_edit.date().toPython()
            assert isinstance(first, date) and isinstance(last, date)
            start = datetime.combine(first, time()).astimezone()
            end = datetime.combine(last + timedelta(days=1), time()).astimezone() - timedelta(microseconds=1)
            return start, end
        days = next(d for k, _label, d in RANGES if k == key)
        return (self._now() - timedelta(days=days) if days is not None else None), None

    # --- export ---------------------------------------------------------------------------------
    def export(self) -> ExportSummary | None:
        """Write the file; show (and emit) the summary, or the problem in place."""
        text = self.path_edit.text().strip()
        if not text:
            self._show_result("Choose where to save the file.", error=True)
            return None
        path = Path(text).expanduser()
        start, end = self.date_range()
        if start is not None and end is not None and start > end:
            self._show_result("The first day is after the last day: swap the dates.", error=True)
            return None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            summary = self._service.export_file(path, self.format(), self.unit(), start=start, end=end)
        except (TransferError, OSError) as exc:
            self._show_result(f"Nothing was exported. {exc}", error=True)
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._show_result(summary.sentence())
        self._path_changed()
        self.exported.emit(summary)
        return summary

    def _show_result(self, text: str, error: bool = False) -> None:
        self.result.setText(text)
        self.result.setProperty("role", "error" if error else "")
        self.result.style().unpolish(self.result)
        self.result.style().polish(self.result)

    # --- reactions ------------------------------------------------------------------------------
    def _choose(self) -> None:
        self._chooser(self, Path(self.path_edit.text().strip() or self._auto_name), self._chosen)

    def _chosen(self, path: Path) -> None:
        self.path_edit.setText(str(path))

    def _format_changed(self) -> None:
        """Keep an untouched default name in step with the format ('…-strong.csv')."""
        current = Path(self.path_edit.text().strip())
        new_name = default_file_name(self._today(), self.format())
        if current.name == self._auto_name:
            self.path_edit.setText(str(current.with_name(new_name)))
        self._auto_name = new_name

    def _range_changed(self) -> None:
        custom = self.range_combo.currentData() == "custom"
        self.from_edit.setEnabled(custom)
        self.to_edit.setEnabled(custom)

    def _path_changed(self) -> None:
        text = self.path_edit.text().strip()
        self.exists_note.setVisible(bool(text) and Path(text).expanduser().is_file())

    def _today(self) -> date:
        return self._now().astimezone().date()

    def _local_today(self) -> QDate:
        return _qdate(self._today())


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date_edit(name: str, value: QDate) -> QDateEdit:
    edit = QDateEdit(value)
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMM yyyy")
    edit.setMinimumDate(EARLIEST)
    return edit


def _buddy(text: str, buddy: QWidget | None) -> QLabel:
    label = QLabel(text)
    if buddy is not None:
        label.setBuddy(buddy)
    return label


def open_export_dialog(
    parent: QWidget,
    context: AppContext,
    start: datetime | None = None,
    end: datetime | None = None,
    chooser: SaveChooser = choose_export_target,
) -> ExportDialog:
    """Open the export dialog (non-modal) preset to start..end, or bring the open one forward and preset it.

    Both None: all history. Each export's summary shows in the dialog and in the status bar of `parent`
    (when it is a main window); the `exported` signal carries the ExportSummary.
    """
    # QObject's own lookup: the main window's findChildren would first build every lazy page.
    found = QObject.findChildren(parent, ExportDialog, "exportDialog")
    open_ones = [d for d in found if d.isVisible()]
    dialog = open_ones[0] if open_ones else None
    if dialog is None:
        service = context.transfer
        if service is None:
            raise RuntimeError("export is not available: the transfer service is not wired")
        dialog = ExportDialog(service, context.profile.settings.unit, context.now, chooser, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if isinstance(parent, QMainWindow):  # the summary also goes to the window's status bar
            bar = parent.statusBar()
            dialog.exported.connect(lambda summary: bar.showMessage(summary.sentence(), STATUS_MS))
    dialog.preset_range(start, end)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
