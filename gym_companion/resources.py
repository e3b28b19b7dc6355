"""Where bundled data files live: in the installed package, or in the source tree's resources/ folder."""

from __future__ import annotations

from pathlib import Path


def resource_path(name: str) -> Path:
    """Path of the bundled resource `name`: the installed copy first, then the source tree's.

    Wheels carry `resources/` as `gym_companion/_resources/` (hatch force-include); a checkout has it on top.
    """
    package = Path(__file__).parent
    candidates = (package / "_resources" / name, package.parent / "resources" / name)
    for candidate in candidates:
        if candidate.exists():
            return candidate
    searched = ", ".join(str(candidate) for candidate in candidates)
    raise FileNotFoundError(f"bundled resource {name!r} not found (looked in {searched})")
