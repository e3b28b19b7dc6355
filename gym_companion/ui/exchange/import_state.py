"""What the import wizard's pages share: the service, the chosen file and format, and the file's preview."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from gym_companion.domain.model import WeightUnit
from gym_companion.services.catalog import ExerciseCatalog
from gym_companion.services.transfer import (
    CustomExerciseSpec,
    ImportFileError,
    ImportPreview,
    ImportSummary,
    TransferService,
)

# Wizard page ids, in order; the unit page is skipped for files that say their unit.
PAGE_FILE, PAGE_UNIT, PAGE_MAPPING, PAGE_RUN, PAGE_DONE = range(5)

FORMAT_LABELS = {
    "auto": "Detect from the file",
    "native": "Gym Companion",
    "strong": "Strong",
    "hevy": "Hevy",
    "fitnotes": "FitNotes",
}


@dataclass
class ImportState:
    """The answers so far; each page reads what earlier pages settled and adds its own."""

    service: TransferService
    catalog: ExerciseCatalog
    path: Path | None = None
    fmt: str = "auto"
    preview: ImportPreview | None = None
    unit: WeightUnit | None = None
    mapping: dict[str, int | None] = field(default_factory=dict)
    new_exercises: dict[str, CustomExerciseSpec] = field(default_factory=dict)  # set in the editor
    summary: ImportSummary | None = None


def problem_text(error: Exception) -> str:
    """A sentence for the page: the service's own wording, with the line number in front if it lacks one."""
    text = str(error).strip() or type(error).__name__
    if isinstance(error, ImportFileError) and error.line is not None and str(error.line) not in text:
        text = f"Line {error.line}: {text}"
    return text


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """'1 set', '2,140 sets'."""
    return f"{count:,} {noun if count == 1 else (nouns or noun + 's')}"


def skipped_text(skipped: Mapping[str, int]) -> str:
    """'Skipped 12 rest-timer rows and 3 cardio rows — …' or '' when nothing was skipped."""
    items = [(reason, count) for reason, count in skipped.items() if count]
    if not items:
        return ""
    parts = [f"{count:,} {reason}" for reason, count in items]
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"Skipped {listed} — they hold no sets to import."
