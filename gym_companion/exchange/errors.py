"""What can go wrong moving history in and out, in sentences a lifter can act on.

The services re-export these so the UI never imports `exchange` itself.
"""

from __future__ import annotations


class TransferError(Exception):
    """An import or export could not be done; `str(error)` is a sentence fit to show the user."""


class ImportFileError(TransferError):
    """The file cannot be imported as it is. Nothing was written.

    `line` is the 1-based physical line of the problem (None when it concerns the whole file) and
    `problem` the plain description without the line prefix.
    """

    def __init__(self, problem: str, line: int | None = None) -> None:
        self.line = line
        self.problem = problem
        super().__init__(problem if line is None else f"Line {line}: {problem}")


class ImportCancelled(TransferError):  # noqa: N818 - the agreed API name
    """The progress callback asked to stop. Nothing was written."""

    def __init__(self) -> None:
        super().__init__("The import was cancelled; nothing was changed.")


class UnitNeededError(ImportFileError):
    """The file does not say whether loads are kg or lb and no unit was given.

    `guess` is the likelier unit value ('kg' or 'lb', None when there is nothing to judge by) and
    `reason` the plain sentence behind it.
    """

    def __init__(self, label: str, guess: str | None, reason: str) -> None:
        self.guess = guess
        self.reason = reason
        hint = f" {reason}" if guess is not None else ""
        super().__init__(f"{label} files do not say whether loads are kg or lb: choose the unit.{hint}")
