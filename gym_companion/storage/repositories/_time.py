"""Naive-UTC columns <-> aware datetimes."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy.engine import CursorResult


def to_db(value: datetime) -> datetime:
    """Aware datetime -> naive UTC for storage. Naive input is taken to be UTC already."""
    if value.tzinfo is None:
        return value
    return value.astimezone(UTC).replace(tzinfo=None)


def from_db(value: datetime) -> datetime:
    """Naive UTC from storage -> aware UTC."""
    return value.replace(tzinfo=UTC)


def from_db_opt(value: datetime | None) -> datetime | None:
    """Like from_db, passing None through."""
    return None if value is None else value.replace(tzinfo=UTC)


def new_id(result: CursorResult[Any]) -> int:
    """The primary key of the row an INSERT just wrote."""
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])
