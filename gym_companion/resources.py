"""Where bundled data files live: in the installed package, or in the source tree's resources/ folder.

One lookup serves every way the app runs:
- from a checkout (`pip install -e .`, `python -m gym_companion`): `<repo>/resources/<name>`;
- installed from the wheel: hatch force-includes `resources/` as `gym_companion/_resources/`;
- from the PyInstaller bundle: built from that wheel, so the same `gym_companion/_resources/` sits beside
  the package's modules under the bundle's `_internal/` folder (where `__file__` points when frozen).
Alembic's scripts are package files (`storage/migrations/`) and are found by `storage.migrate` the same way.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).parent


def resource_path(name: str, package_dir: Path = PACKAGE_DIR) -> Path:
    """Path of the bundled resource `name` (e.g. "sounds/rest_over.wav"): installed copy first, then source.

    Raises FileNotFoundError naming every place looked in. `package_dir` is for tests.
    """
    candidates = (package_dir / "_resources" / name, package_dir.parent / "resources" / name)
    for candidate in candidates:
        if candidate.exists():
            return candidate
    searched = ", ".join(str(candidate) for candidate in candidates)
    raise FileNotFoundError(f"bundled resource {name!r} not found (looked in {searched})")
