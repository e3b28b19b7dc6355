"""The lifter's settings, bodyweight log, events and crash-safe app state."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Engine

from gym_companion.domain.model import BodyweightEntry, TrainingEvent
from gym_companion.domain.settings import Settings
from gym_companion.storage.repositories._time import from_db, new_id, to_db
from gym_companion.storage.tables import APP_STATE_TABLE, BODYWEIGHT_TABLE, EVENT_TABLE, SETTING_TABLE

SETTINGS = SETTING_TABLE
APP_STATE = APP_STATE_TABLE
BODYWEIGHT = BODYWEIGHT_TABLE
EVENTS = EVENT_TABLE
SETTINGS_KEY = "settings"


class ProfileRepository:
    """Settings, bodyweight, events and app state."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    # --- settings -------------------------------------------------------------------------------
    def load_settings(self) -> Settings:
        """The stored settings, or defaults when none are stored or they cannot be read."""
        with self._engine.connect() as con:
            value = con.execute(select(SETTINGS.c.value).where(SETTINGS.c.key == SETTINGS_KEY)).scalar()
        if value is None:
            return Settings()
        try:
            data = json.loads(value)
        except json.JSONDecodeError:
            return Settings()
        return Settings.from_json_dict(data) if isinstance(data, dict) else Settings()

    def save_settings(self, settings: Settings) -> None:
        """Store the settings (replacing the old ones)."""
        self._put(SETTINGS, SETTINGS_KEY, json.dumps(settings.to_json_dict(), sort_keys=True))

    # --- app state ------------------------------------------------------------------------------
    def get_state(self, key: str) -> Any:
        """A JSON value stored under `key`, or None."""
        with self._engine.connect() as con:
            value = con.execute(select(APP_STATE.c.value).where(APP_STATE.c.key == key)).scalar()
        if value is None:
            return None
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            return None

    def set_state(self, key: str, value: Any) -> None:
        """Store a JSON value under `key` (None deletes it). Committed before returning."""
        if value is None:
            with self._engine.begin() as con:
                con.execute(delete(APP_STATE).where(APP_STATE.c.key == key))
            return
        self._put(APP_STATE, key, json.dumps(value, sort_keys=True))

    def _put(self, table: Any, key: str, value: str) -> None:
        statement = sqlite_insert(table).values(key=key, value=value)
        statement = statement.on_conflict_do_update(index_elements=["key"], set_={"value": value})
        with self._engine.begin() as con:
            con.execute(statement)

    # --- bodyweight -----------------------------------------------------------------------------
    def add_bodyweight(self, entry: BodyweightEntry) -> BodyweightEntry:
        """Log a weigh-in."""
        with self._engine.begin() as con:
            entry.id = new_id(
                con.execute(
                    insert(BODYWEIGHT).values(measured_at=to_db(entry.measured_at), weight_kg=entry.weight_kg)
                )
            )
        return entry

    def add_bodyweights(self, entries: list[BodyweightEntry]) -> None:
        """Log many weigh-ins in one transaction."""
        if not entries:
            return
        rows = [{"measured_at": to_db(e.measured_at), "weight_kg": e.weight_kg} for e in entries]
        with self._engine.begin() as con:
            con.execute(insert(BODYWEIGHT), rows)

    def delete_bodyweight(self, entry_id: int) -> None:
        """Remove a weigh-in."""
        with self._engine.begin() as con:
            con.execute(delete(BODYWEIGHT).where(BODYWEIGHT.c.id == entry_id))

    def restore_bodyweight(self, entry: BodyweightEntry) -> BodyweightEntry:
        """Put a deleted weigh-in back as it was (same id when it had one), for undo."""
        values = {"measured_at": to_db(entry.measured_at), "weight_kg": entry.weight_kg}
        if entry.id is not None:
            values["id"] = entry.id
        with self._engine.begin() as con:
            entry.id = new_id(con.execute(insert(BODYWEIGHT).values(values)))
        return entry

    def bodyweights(self, since: datetime | None = None) -> list[BodyweightEntry]:
        """Weigh-ins, oldest first."""
        query = select(BODYWEIGHT).order_by(BODYWEIGHT.c.measured_at)
        if since is not None:
            query = query.where(BODYWEIGHT.c.measured_at >= to_db(since))
        with self._engine.connect() as con:
            return [
                BodyweightEntry(id=r["id"], measured_at=from_db(r["measured_at"]), weight_kg=r["weight_kg"])
                for r in con.execute(query).mappings()
            ]

    def latest_bodyweight(self) -> BodyweightEntry | None:
        """The most recent weigh-in."""
        query = select(BODYWEIGHT).order_by(BODYWEIGHT.c.measured_at.desc()).limit(1)
        with self._engine.connect() as con:
            r = con.execute(query).mappings().first()
        return (
            None
            if r is None
            else BodyweightEntry(id=r["id"], measured_at=from_db(r["measured_at"]), weight_kg=r["weight_kg"])
        )

    # --- events ---------------------------------------------------------------------------------
    def save_event(self, event: TrainingEvent) -> TrainingEvent:
        """Insert or update an event."""
        values = {
            "title": event.title,
            "starts_at": to_db(event.starts_at),
            "no_failure_window_h": event.no_failure_window_h,
        }
        with self._engine.begin() as con:
            if event.id is None:
                event.id = new_id(con.execute(insert(EVENTS).values(values)))
            else:
                con.execute(update(EVENTS).where(EVENTS.c.id == event.id).values(values))
        return event

    def delete_event(self, event_id: int) -> None:
        """Remove an event."""
        with self._engine.begin() as con:
            con.execute(delete(EVENTS).where(EVENTS.c.id == event_id))

    def events(self, since: datetime | None = None) -> list[TrainingEvent]:
        """Events (from `since` on, if given), soonest first."""
        query = select(EVENTS).order_by(EVENTS.c.starts_at)
        if since is not None:
            query = query.where(EVENTS.c.starts_at >= to_db(since))
        with self._engine.connect() as con:
            return [
                TrainingEvent(
                    id=r["id"],
                    title=r["title"],
                    starts_at=from_db(r["starts_at"]),
                    no_failure_window_h=r["no_failure_window_h"],
                )
                for r in con.execute(query).mappings()
            ]
