"""The exercise-mapping table of the import wizard: each name in the file, and what it becomes here.

One row per distinct name; unknown names first. The "Import as" column edits with `ExerciseChooser`, an
editable combo whose type-ahead uses the catalog's own search (any word order, aliases, typos), so
"bench bb" finds "Barbell Bench Press" exactly as on the Session page. The "Muscles" column says what
the sets will count for: the library exercise's muscles, or for a new exercise the first guess until the
lifter sets them (the page opens the exercise editor for that).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from gym_companion.domain.custom_exercise import CustomExerciseSpec
from gym_companion.services.catalog import ExerciseCatalog
from gym_companion.ui.exercises.labels import muscles_text

NEW_CUSTOM = "New custom exercise"
NAME_COLUMN, CHOICE_COLUMN, MUSCLES_COLUMN = range(3)
SEARCH_LIMIT = 12
ID_ROLE = Qt.ItemDataRole.UserRole
_ModelIndex = QModelIndex | QPersistentModelIndex


def exercise_list_model(catalog: ExerciseCatalog) -> QStandardItemModel:
    """ "New custom exercise" then every exercise by name; each item's ID_ROLE is the id (None for new).

    One model is shared by every chooser of a wizard, so a long file costs one list, not one per row.
    """
    model = QStandardItemModel()
    new = QStandardItem(NEW_CUSTOM)
    new.setData(None, ID_ROLE)
    italic = QFont()
    italic.setItalic(True)
    new.setFont(italic)
    model.appendRow(new)
    for exercise in sorted(catalog.by_id().values(), key=lambda e: e.name.casefold()):
        item = QStandardItem(exercise.name)
        item.setData(exercise.id, ID_ROLE)
        muscles = ", ".join(m.label for m in exercise.primary_muscles)
        item.setToolTip(f"{exercise.name} — {muscles}" if muscles else exercise.name)
        model.appendRow(item)
    return model


class ExerciseChooser(QComboBox):
    """Pick a library exercise (or a new custom one) by typing any part of its name or an alias.

    Emits `chosen()` when a pick is made from the type-ahead list or the drop-down.
    """

    chosen = Signal()

    def __init__(
        self, catalog: ExerciseCatalog, model: QStandardItemModel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self.setObjectName("exerciseChooser")
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self.setModel(model)
        self._matches = QStringListModel(self)
        completer = QCompleter(self._matches, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setMaxVisibleItems(SEARCH_LIMIT)
        completer.activated.connect(self._pick_text)
        # On the line edit, not the combo: the combo would map the list's rows onto its own items.
        self._completer = completer
        self.lineEdit().setCompleter(completer)
        line = self.lineEdit()
        line.setPlaceholderText("Type to search the library")
        line.textEdited.connect(self._search)
        line.editingFinished.connect(self._settle)
        self.activated.connect(lambda _index: self.chosen.emit())
        self.setToolTip("Type any part of a name, in any order; ↑/↓ and Enter to pick")

    def exercise_id(self) -> int | None:
        """The chosen library exercise, or None for a new custom exercise."""
        value = self.currentData(ID_ROLE)
        return int(value) if value is not None else None

    def select_id(self, exercise_id: int | None) -> None:
        """Show the exercise with this id (None: a new custom exercise)."""
        found = 0 if exercise_id is None else self.findData(exercise_id, ID_ROLE)
        self.setCurrentIndex(max(found, 0))

    def _search(self, text: str) -> None:
        query = text.strip()
        names = [exercise.name for exercise in self._catalog.search(query, SEARCH_LIMIT)] if query else []
        if query and all(word in NEW_CUSTOM.casefold() for word in query.casefold().split()):
            names.insert(0, NEW_CUSTOM)
        self._matches.setStringList(names)
        completer = self._completer
        if names:
            completer.complete()
        else:
            completer.popup().hide()

    def _pick_text(self, text: str) -> None:
        found = self.findText(text, Qt.MatchFlag.MatchExactly)
        if found >= 0:
            self.setCurrentIndex(found)
            self.chosen.emit()

    def _settle(self) -> None:
        """Typed text that names no exercise goes back to the current choice instead of lingering."""
        found = self.findText(self.currentText().strip(), Qt.MatchFlag.MatchFixedString)
        if found >= 0:
            self.setCurrentIndex(found)
        else:
            self.setEditText(self.itemText(self.currentIndex()))


@dataclass
class MappingRow:
    """A name in the file, what the preview matched it to, and what the user chose; for a new exercise
    the service's guess and what the lifter set (name, muscles…), if they did."""

    name: str
    suggested: int | None
    chosen: int | None
    guess: CustomExerciseSpec | None = None
    spec: CustomExerciseSpec | None = None


class MappingModel(QAbstractTableModel):
    """Rows of (name in file, import as); column 1 is editable and holds an exercise id (or None)."""

    HEADERS = ("Name in file", "Import as", "Muscles")

    def __init__(self, catalog: ExerciseCatalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._rows: list[MappingRow] = []
        self._bold = QFont()
        self._bold.setBold(True)
        self._italic = QFont()
        self._italic.setItalic(True)

    def load(
        self,
        matched: Mapping[str, int],
        unknown: tuple[str, ...],
        guesses: Mapping[str, CustomExerciseSpec] | None = None,
    ) -> None:
        """Unknown names first (alphabetically), then the matched ones; `guesses` are the new exercises
        the service would make for the unknown names."""
        guesses = guesses or {}
        self.beginResetModel()
        self._rows = [
            MappingRow(name, None, None, guesses.get(name)) for name in sorted(unknown, key=str.casefold)
        ]
        self._rows += [
            MappingRow(name, exercise_id, exercise_id)
            for name, exercise_id in sorted(matched.items(), key=lambda item: item[0].casefold())
        ]
        self.endResetModel()

    def changes(self) -> dict[str, int | None]:
        """Only the names whose choice differs from the preview's match (None: make a custom exercise)."""
        return {row.name: row.chosen for row in self._rows if row.chosen != row.suggested}

    def new_names(self) -> list[str]:
        """Names that will become custom exercises with the current choices."""
        return [row.name for row in self._rows if row.chosen is None]

    def specs(self) -> dict[str, CustomExerciseSpec]:
        """What the lifter set for names that become new exercises (name in file -> spec)."""
        return {row.name: row.spec for row in self._rows if row.chosen is None and row.spec is not None}

    def draft(self, row: int) -> CustomExerciseSpec:
        """The new exercise a row would make, as it stands: what was set, else the guess, else a copy of
        the library exercise it was matched to, else just the name."""
        found = self._rows[row]
        if found.spec is not None:
            return found.spec
        if found.guess is not None:
            return found.guess
        matched = self._catalog.get(found.suggested) if found.suggested is not None else None
        if matched is not None:
            return CustomExerciseSpec.of(matched, name=found.name)
        return CustomExerciseSpec(name=found.name, primary_muscles=())

    def other_new_names(self, row: int) -> list[str]:
        """The names the other new exercises of this import take."""
        return [self.draft(r).name for r, other in enumerate(self._rows) if r != row and other.chosen is None]

    def set_spec(self, name: str, spec: CustomExerciseSpec) -> None:
        """Remember what the lifter set for the new exercise of `name`."""
        for number, row in enumerate(self._rows):
            if row.name == name:
                row.spec = spec
                self.dataChanged.emit(self.index(number, NAME_COLUMN), self.index(number, MUSCLES_COLUMN))

    def row_at(self, row: int) -> MappingRow:
        """One row's data."""
        return self._rows[row]

    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Number of names."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Name in file, import as."""
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        """Column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def flags(self, index: _ModelIndex) -> Qt.ItemFlag:
        """The 'Import as' column is editable."""
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == CHOICE_COLUMN else base

    def data(self, index: _ModelIndex, role: int = 0) -> object:
        """Text, the id (ID_ROLE), fonts and tooltips."""
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        new = row.chosen is None
        if role == ID_ROLE:
            return row.chosen
        if index.column() == MUSCLES_COLUMN:
            return self._muscles_data(index.row(), role)
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return row.name
            exercise = self._catalog.get(row.chosen) if row.chosen is not None else None
            if exercise is not None:
                return exercise.name
            return NEW_CUSTOM if row.spec is None or row.spec.name == row.name else f"New: {row.spec.name}"
        if role == Qt.ItemDataRole.FontRole:
            if index.column() == 0 and row.suggested is None:
                return self._bold
            if index.column() == 1 and new:
                return self._italic
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == 0:
                return (
                    "Not in the library"
                    if row.suggested is None
                    else "Matched by name, alias or your earlier choice"
                )
            return (
                "Becomes your own exercise with this name: Ctrl+M sets its muscles now. "
                "Press F2 or type to pick a library exercise instead."
                if new
                else "Sets of this name go to this library exercise. Press F2 or type to change."
            )
        return None

    def _muscles_data(self, row_number: int, role: int) -> object:
        """What the row's sets will count for: the library exercise's muscles, else the new one's."""
        row = self._rows[row_number]
        exercise = self._catalog.get(row.chosen) if row.chosen is not None else None
        if exercise is not None:
            primary, secondary = exercise.primary_muscles, exercise.secondary_muscles
            how = f"{exercise.name}'s muscles (the library's)."
        else:
            draft = self.draft(row_number)
            primary, secondary = draft.primary_muscles, draft.secondary_muscles
            how = (
                "Set by you."
                if row.spec is not None
                else "A first guess from the closest library exercise (or the file's category): "
                "Ctrl+M or a double-click sets them."
            )
        text = muscles_text(primary, secondary)
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.FontRole and exercise is None and row.spec is None:
            return self._italic
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                f"{text[:1].upper()}{text[1:]}. {how} A hard set counts 1 set for each primary muscle and ½ "
                "for each secondary one in History and Recovery."
            )
        return None

    def setData(self, index: _ModelIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Store the chosen exercise id (None: new custom exercise)."""
        if not index.isValid() or index.column() != 1 or role not in (ID_ROLE, Qt.ItemDataRole.EditRole):
            return False
        self._rows[index.row()].chosen = int(value) if isinstance(value, int) else None
        self.dataChanged.emit(self.index(index.row(), NAME_COLUMN), self.index(index.row(), MUSCLES_COLUMN))
        return True


class ChooserDelegate(QStyledItemDelegate):
    """Edits the 'Import as' column with an ExerciseChooser; a pick commits at once."""

    def __init__(self, catalog: ExerciseCatalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._items = exercise_list_model(catalog)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _ModelIndex) -> QWidget:
        """A chooser over the shared exercise list."""
        editor = ExerciseChooser(self._catalog, self._items, parent)
        editor.chosen.connect(lambda: self._commit(editor))
        return editor

    def setEditorData(self, editor: QWidget, index: _ModelIndex) -> None:
        """Start from the row's choice, text selected so typing replaces it."""
        assert isinstance(editor, ExerciseChooser)
        value = index.data(ID_ROLE)
        editor.select_id(int(value) if value is not None else None)
        editor.lineEdit().selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _ModelIndex) -> None:
        """Write the chooser's exercise id back to the row."""
        assert isinstance(editor, ExerciseChooser)
        editor.lineEdit().editingFinished.emit()  # settle typed text first
        model.setData(index, editor.exercise_id(), ID_ROLE)

    def _commit(self, editor: ExerciseChooser) -> None:
        if editor.property("committed"):  # a pick can arrive twice (list and combo); the editor is gone
            return
        editor.setProperty("committed", True)
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)


class MappingView(QTableView):
    """Whichever cell of a row is current, typing or F2 edits that row's 'Import as' choice; a double-click
    on the muscles asks for the exercise editor (`muscles_requested(row)`)."""

    muscles_requested = Signal(int)

    def edit(  # type: ignore[override]
        self, index: _ModelIndex, trigger: QAbstractItemView.EditTrigger, event: QEvent | None
    ) -> bool:
        """Redirect edits of the name and muscles columns to the choice column."""
        if (
            index.isValid()
            and index.column() == MUSCLES_COLUMN
            and trigger == QAbstractItemView.EditTrigger.DoubleClicked
        ):
            self.muscles_requested.emit(index.row())
            return False
        if index.isValid() and index.column() != CHOICE_COLUMN:
            index = index.siblingAtColumn(CHOICE_COLUMN)
            if trigger != QAbstractItemView.EditTrigger.AllEditTriggers:  # keep the cursor on the choice
                self.setCurrentIndex(index)
        return super().edit(index, trigger, event)


def mapping_view(catalog: ExerciseCatalog, model: MappingModel) -> MappingView:
    """The table: arrows move, typing or F2 edits the highlighted row's exercise, Enter moves on."""
    view = MappingView()
    view.setObjectName("importMapping")
    view.setModel(model)
    view.setItemDelegateForColumn(1, ChooserDelegate(catalog, view))
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(
        QAbstractItemView.EditTrigger.AnyKeyPressed
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.DoubleClicked
    )
    view.setTabKeyNavigation(False)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    for column in (NAME_COLUMN, CHOICE_COLUMN, MUSCLES_COLUMN):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    return view
