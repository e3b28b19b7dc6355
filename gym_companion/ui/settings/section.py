"""What every page of the Preferences dialog shares: form rows with tooltips and inline messages.

A section edits a few `Settings` fields. `load` shows values, `read` turns what is typed into a new
`Settings` (plus messages for what could not be read), `show_problems` puts messages under the fields,
and "Restore defaults" loads the defaults into this section only (saved with Apply, like any change).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLayout, QVBoxLayout, QWidget

from gym_companion.domain.settings import Settings

NOTE_WIDTH = 560  # long explanations wrap at a readable line length


class SettingsSection(QWidget):
    """One page of Preferences. Subclasses fill the form and implement `load` and `read`."""

    changed = Signal()  # something was typed or picked (the dialog enables Apply)
    title = ""
    has_defaults = True  # False: "Restore defaults" does not apply (events are records, not settings)

    def __init__(self, heading: str, intro: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._errors: dict[str, QLabel] = {}
        self._focus_for: dict[str, QWidget] = {}
        head = QLabel(heading)
        head.setProperty("role", "title")
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(4, 0, 4, 0)
        self.outer.addWidget(head)
        if intro:
            text = QLabel(intro)
            text.setWordWrap(True)
            text.setProperty("role", "muted")
            self.outer.addWidget(text)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.form.setVerticalSpacing(6)
        self.outer.addLayout(self.form)

    # --- building ---------------------------------------------------------------------------------
    def add_row(
        self, label: str, field: QWidget | QLayout, tooltip: str, names: tuple[str, ...], focus: QWidget
    ) -> QLabel:
        """A labelled row whose label and field explain themselves, with a hidden message line under it."""
        caption = QLabel(label)
        caption.setToolTip(tooltip)
        caption.setBuddy(focus)
        focus.setToolTip(tooltip)
        self.form.addRow(caption, field)
        error = QLabel()
        error.setProperty("role", "error")
        error.setWordWrap(True)
        error.hide()
        self.form.addRow("", error)
        self.form.setRowVisible(error, False)
        for name in names:
            self._errors[name] = error
            self._focus_for[name] = focus
        return caption

    def add_note(self, note: QLabel) -> None:
        """A wrapped, muted explanation under the row above, in the field column."""
        note.setWordWrap(True)
        note.setProperty("role", "muted")
        note.setMaximumWidth(NOTE_WIDTH)
        self.form.addRow("", note)

    def finish(self) -> None:
        """Push the rows to the top of the page."""
        self.outer.addStretch(1)

    # --- values -----------------------------------------------------------------------------------
    def load(self, settings: Settings) -> None:
        """Show `settings` in the fields."""
        raise NotImplementedError

    def read(self, settings: Settings) -> tuple[Settings, dict[str, str]]:
        """`settings` with this section's fields replaced by what is typed, and messages for what is not."""
        raise NotImplementedError

    def restore_defaults(self) -> None:
        """Show the defaults in this section's fields (saved with Apply)."""
        self.load(Settings())
        self.changed.emit()

    # --- messages ---------------------------------------------------------------------------------
    def show_problems(self, problems: dict[str, str]) -> bool:
        """Messages under the fields they concern (others cleared); True when this section has any."""
        shown: dict[QLabel, str] = {}
        for name, label in self._errors.items():
            if name in problems:
                shown.setdefault(label, problems[name])
        for label in set(self._errors.values()):
            message = shown.get(label, "")
            label.setText(message)
            label.setVisible(bool(message))
            self.form.setRowVisible(label, bool(message))
        return bool(shown)

    def focus_problem(self, problems: dict[str, str]) -> None:
        """Put the cursor in the first field with a problem."""
        for name, widget in self._focus_for.items():
            if name in problems:
                widget.setFocus()
                return

    def owns(self, name: str) -> bool:
        """Whether the field `name` is edited here."""
        return name in self._errors
