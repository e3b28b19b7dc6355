"""Turning stored UTC timestamps into local wall times fast, for exports of 100k sets.

Stored timestamps arrive as the database text ('2026-04-08 14:50:00.000000', naive UTC). A zone's offset
only changes at daylight-saving switches, so it is worked out once per UTC hour; when it is a whole
number of hours (almost every zone) and constant through that hour, the local text is the hour's local
prefix plus the stored minutes and seconds, with no datetime arithmetic per row. Other hours (a switch
inside them, or offsets like +05:45) take the exact path row by row.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, tzinfo

from gym_companion.exchange.cells import utc_to_local

_HOUR = timedelta(hours=1)
_NO_FRACTION = ("", ".000000")


class LocalTimes:
    """Converts database UTC text to local times in one zone (None: the machine's zone)."""

    def __init__(self, zone: tzinfo | None) -> None:
        self._zone = zone
        self._hours: dict[str, tuple[str, str] | None] = {}  # UTC 'YYYY-MM-DD HH' -> (local prefix, offset)

    def local(self, raw: str) -> datetime:
        """The naive local wall time of a stored UTC text."""
        moment = datetime.fromisoformat(raw).replace(tzinfo=UTC)
        return utc_to_local(moment, self._zone).replace(tzinfo=None)

    def iso(self, raw: str) -> str:
        """ISO 8601 local time with its UTC offset: '2026-04-08T16:50:00+02:00' (microseconds kept)."""
        key = raw[:13]
        if key in self._hours:
            hour = self._hours[key]
        else:
            hour = self._hours[key] = self._hour(raw)
        if hour is None:
            moment = datetime.fromisoformat(raw).replace(tzinfo=UTC)
            return utc_to_local(moment, self._zone).isoformat()
        prefix, suffix = hour
        fraction = raw[19:]
        if fraction in _NO_FRACTION:
            return prefix + raw[13:19] + suffix
        return prefix + raw[13:19] + fraction + suffix

    def _hour(self, raw: str) -> tuple[str, str] | None:
        start = datetime.fromisoformat(raw[:13] + ":00:00").replace(tzinfo=UTC)
        first = utc_to_local(start, self._zone)
        last = utc_to_local(start + _HOUR - timedelta(microseconds=1), self._zone)
        offset = first.utcoffset()
        if offset is None or offset != last.utcoffset() or offset.total_seconds() % 3600:
            return None
        text = first.isoformat()  # 'YYYY-MM-DDTHH:00:00+hh:mm'
        return text[:13], text[19:]
