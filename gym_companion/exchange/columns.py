"""Finding columns by their header names, whatever the case, spacing or quoting."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from gym_companion.exchange.errors import ImportFileError


def header_key(name: str) -> str:
    """The matching form of a column name: 'Set Order', ' set order ' and 'SET ORDER' are one."""
    return " ".join(name.strip().strip('"').lower().split())


class Columns:
    """Column positions of one header; `index` finds a column, `cell` reads it from a row."""

    def __init__(self, header: Sequence[str]) -> None:
        self.names = tuple(header)
        self._positions: dict[str, int] = {}
        for position, name in enumerate(header):
            self._positions.setdefault(header_key(name), position)

    def has(self, *names: str) -> bool:
        """Whether every one of `names` is a column."""
        return all(header_key(name) in self._positions for name in names)

    def first(self, names: Iterable[str]) -> str | None:
        """The first of `names` that is a column, or None."""
        return next((name for name in names if self.has(name)), None)

    def index(self, name: str) -> int:
        """The position of a column that must exist (readers check `has` first)."""
        return self._positions[header_key(name)]

    def optional(self, name: str) -> int | None:
        """The position of a column, or None when the file lacks it."""
        return self._positions.get(header_key(name))

    def require(self, names: Iterable[str], what: str) -> None:
        """Raise ImportFileError (line 1) naming the missing columns when any of `names` is absent."""
        missing = [name for name in names if not self.has(name)]
        if missing:
            raise ImportFileError(
                f"this is not a {what} file: the header lacks {', '.join(missing)}.", line=1
            )
