"""The exercise catalog: the library seeded on first open, custom exercises, and type-ahead search.

Custom exercises are created, changed and deleted here (library exercises are read-only); every change
checks the name against the whole catalog the way the search box matches names, so no two exercises can
be mistaken for each other.
"""

from __future__ import annotations

from dataclasses import replace

from gym_companion.domain.custom_exercise import (
    NAME,
    CustomExerciseSpec,
    ExerciseUsage,
    InvalidExerciseError,
    clean_name,
    spec_problems,
)
from gym_companion.domain.exercise_search import ExerciseIndex
from gym_companion.domain.library import library_path, load_library_file
from gym_companion.domain.model import Equipment, Exercise, FailureSafety, Mechanics, Muscle
from gym_companion.storage.repositories.exercises import ExerciseRepository


class ExerciseCatalog:
    """All exercises by id, searchable by name and alias; cached in memory (a few hundred rows)."""

    def __init__(self, repository: ExerciseRepository) -> None:
        self._repository = repository
        self._by_id: dict[int, Exercise] = {}
        self._index: ExerciseIndex | None = None

    def ensure_library(self) -> int:
        """Seed the bundled library when the database has no exercises yet. Returns how many were added."""
        if self._repository.count() > 0:
            return 0
        added = self._repository.seed(load_library_file(library_path()))
        self.reload()
        return added

    def reload(self) -> None:
        """Re-read exercises from the database."""
        self._by_id = {e.id: e for e in self._repository.all() if e.id is not None}
        self._index = None

    def by_id(self) -> dict[int, Exercise]:
        """Every exercise by id."""
        if not self._by_id:
            self.reload()
        return self._by_id

    def get(self, exercise_id: int) -> Exercise | None:
        """One exercise by id."""
        return self.by_id().get(exercise_id)

    @property
    def index(self) -> ExerciseIndex:
        """The search index over names and aliases."""
        if self._index is None:
            self._index = ExerciseIndex(list(self.by_id().values()))
        return self._index

    def search(self, query: str, limit: int = 10) -> list[Exercise]:
        """Best matches for typed text, best first."""
        return self.index.search(query, limit)

    def find(self, name: str) -> Exercise | None:
        """The exercise a name or alias means exactly (ignoring case, spacing and word order)."""
        return self.index.exact(name)

    def add_custom(
        self,
        name: str,
        primary: tuple[Muscle, ...],
        secondary: tuple[Muscle, ...] = (),
        equipment: Equipment = Equipment.OTHER,
        mechanics: Mechanics = Mechanics.ISOLATION,
        failure_safety: FailureSafety = FailureSafety.SAFE,
    ) -> Exercise:
        """Create a user's own exercise. Raises InvalidExerciseError (a ValueError) for a bad name."""
        return self.create(
            CustomExerciseSpec(
                name=name,
                primary_muscles=primary,
                secondary_muscles=secondary,
                equipment=equipment,
                mechanics=mechanics,
                failure_safety=failure_safety,
            )
        )

    # --- custom exercises -----------------------------------------------------------------------
    def problems(self, spec: CustomExerciseSpec, exercise_id: int | None = None) -> dict[str, str]:
        """What stops `spec` being saved (as exercise `exercise_id`, or as a new one): field -> sentence."""
        problems = spec_problems(spec)
        name = clean_name(spec.name)
        if NAME not in problems:
            same = self.find(name)
            if same is None:  # the index cannot tell same-word names apart: compare them plainly too
                same = next((e for e in self.by_id().values() if e.name.casefold() == name.casefold()), None)
            if same is not None and same.id != exercise_id:
                where = "your own exercises" if same.is_custom else "the library"
                shown = "" if same.name.casefold() == name.casefold() else f" as “{same.name}”"
                problems[NAME] = f"“{name}” is already in {where}{shown}: choose another name."
        return problems

    def create(self, spec: CustomExerciseSpec) -> Exercise:
        """Store a new custom exercise. Raises InvalidExerciseError (nothing stored)."""
        self._check(spec)
        saved = self._repository.add(spec.to_exercise())
        self._remember(saved)
        return replace(saved)

    def update_custom(self, exercise_id: int, spec: CustomExerciseSpec) -> Exercise:
        """Change a custom exercise; its sets then count for its new muscles everywhere. Raises
        InvalidExerciseError, or ValueError for a library exercise (nothing changed)."""
        current = self.get(exercise_id)
        if current is None:
            raise ValueError("That exercise does not exist (any more).")
        if not current.is_custom:
            raise ValueError(
                f"“{current.name}” is a library exercise: duplicate it to make your own version."
            )
        self._check(spec, exercise_id)
        saved = self._repository.update(spec.to_exercise(exercise_id, aliases=current.aliases))
        self._remember(saved)
        return replace(saved)

    def usage(self, exercise_id: int) -> ExerciseUsage:
        """What refers to an exercise (sets, workouts, routines)."""
        return self._repository.usage(exercise_id)

    def delete_custom(self, exercise_id: int) -> Exercise:
        """Delete an unused custom exercise and return it (to offer an undo). Raises ExerciseInUseError
        (a ValueError naming how many sets and routines use it) or ValueError; nothing is deleted then."""
        current = self.get(exercise_id)
        if current is None:
            raise ValueError("That exercise does not exist (any more).")
        self._repository.delete(exercise_id)
        self._by_id.pop(exercise_id, None)
        self._index = None
        return current

    def _check(self, spec: CustomExerciseSpec, exercise_id: int | None = None) -> None:
        problems = self.problems(spec, exercise_id)
        if problems:
            raise InvalidExerciseError(problems)

    def _remember(self, exercise: Exercise) -> None:
        self.by_id()[exercise.id or 0] = exercise
        self._index = None
