"""Fixtures shared by service tests: the app context on a fresh database and the test file's clock."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest

from gym_companion.services.context import AppContext
from gym_companion.services.session_factory import open_context


@pytest.fixture
def context(db_path: Path, clock: Callable[[], datetime]) -> Iterator[AppContext]:
    """The services on a fresh database, on the `clock` fixture of the test file; closed after the test."""
    ctx = open_context(db_path, clock)
    yield ctx
    ctx.close()
