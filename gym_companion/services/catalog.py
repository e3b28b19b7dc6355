"""The exercise catalog: the library seeded on first open, custom exercises, and type-ahead search."""

from __future__ import annotations

from dataclasses import replace

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
        """Create a user's own exercise. Raises ValueError for an empty or taken name."""
        clean = " ".join(name.split())
        if not clean:
            raise ValueError("Give the exercise a name.")
        if len(clean) > 80:
            raise ValueError("That name is too long (80 characters at most).")
        if self.find(clean) is not None:
            raise ValueError(f"“{clean}” is already in the library.")
        exercise = Exercise(
            name=clean,
            primary_muscles=primary,
            secondary_muscles=secondary,
            equipment=equipment,
            mechanics=mechanics,
            failure_safety=failure_safety,
            default_rest_s=150 if mechanics is Mechanics.COMPOUND else 90,
            is_custom=True,
        )
        saved = self._repository.add(exercise)
        self._by_id[saved.id or 0] = saved
        self._index = None
        return replace(saved)
