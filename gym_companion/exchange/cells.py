"""Reading and writing single CSV cells: numbers, reps, RPE, local times, durations, inert text.

Every parser raises ImportFileError naming the line and the column, so a bad cell is easy to find.
"""

from __future__ import annotations

import math
import re
from datetime import UTC, datetime, timedelta, tzinfo

from gym_companion.domain.effort import RIR_CAP
from gym_companion.exchange.errors import ImportFileError

# Spreadsheets run a cell beginning with one of these as a formula ("CSV injection"). On export such text
# gets a leading apostrophe; text that already begins with an apostrophe gets one more, so the native
# importer can always strip exactly one and the round trip stays lossless.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
INERT_PREFIX = "'"

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTH_NUMBER = {name.lower(): number for number, name in enumerate(MONTHS, start=1)}
_MONTH_NUMBER.update(
    {
        name.lower(): number
        for number, name in enumerate(
            (
                "January", "February", "March", "April", "May", "June",
                "July", "August", "September", "October", "November", "December",
            ),
            start=1,
        )
    }
)  # fmt: skip
_MONTH_NUMBER["sept"] = 9
_HEVY_DATE = re.compile(r"\s*(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*")
_DURATION_PART = re.compile(
    r"(\d+(?:[.,]\d+)?)\s*(h|hr|hrs|hours?|m|min|mins|minutes?|s|sec|secs|seconds?)\b"
)


def inert(text: str) -> str:
    """Text made safe for spreadsheets: a leading `'` when it could start a formula (or starts with `'`)."""
    if text.startswith(FORMULA_STARTS) or text.startswith(INERT_PREFIX):
        return INERT_PREFIX + text
    return text


def restore(text: str) -> str:
    """The original text of a cell written by `inert`."""
    return text[1:] if text.startswith(INERT_PREFIX) else text


def number(text: str, line: int, column: str, default: float | None = 0.0) -> float | None:
    """A decimal number ('62.5', '62,5', ''); empty gives `default`. Text, NaN and infinity are errors."""
    cleaned = text.strip()
    if not cleaned:
        return default
    try:
        value = float(cleaned.replace(",", "."))
    except ValueError:
        raise ImportFileError(f"{column} “{_short(cleaned)}” is not a number.", line) from None
    if not math.isfinite(value):
        raise ImportFileError(f"{column} “{_short(cleaned)}” is not a number.", line)
    return value


def whole_number(text: str, line: int, column: str) -> int | None:
    """A count such as reps ('8', '8.0'); None when empty. Fractions and negatives are errors."""
    value = number(text, line, column, default=None)
    if value is None:
        return None
    if value != int(value) or value < 0:
        raise ImportFileError(f"{column} “{_short(text.strip())}” is not a whole number.", line)
    return int(value)


def rir_from_rpe(text: str, line: int, column: str = "RPE") -> int | None:
    """RIR = 10 − RPE, rounded to the nearest whole rep (halves round up: RPE 9.5 → RIR 1) and kept in
    0..5 (5 means 5+). Empty → None (not rated). RPE 10 is RIR 0 but *not* failure: RPE 10 means no rep
    was left, not that a rep was attempted and failed, so only explicit failure markers become failure."""
    value = number(text, line, column, default=None)
    if value is None:
        return None
    if not 0 <= value <= 10:
        raise ImportFileError(f"{column} {_short(text.strip())} is outside 0–10.", line)
    return min(max(math.floor(10 - value + 0.5), 0), RIR_CAP)


def rpe_for_rir(rir: int) -> str:
    """The RPE written for a rated set: 10 − RIR ('8'); RIR 5 (5+) gives RPE 5."""
    return str(10 - rir)


def local_to_utc(moment: datetime, zone: tzinfo | None) -> datetime:
    """A naive local wall time (as Strong, Hevy and FitNotes write them) as aware UTC, using the rules of
    `zone` at that date; None means the machine's own zone (daylight saving as it was on that date)."""
    if zone is None:
        return moment.astimezone(UTC)  # a naive datetime is taken as system local time here
    return moment.replace(tzinfo=zone).astimezone(UTC)


def utc_to_local(moment: datetime, zone: tzinfo | None) -> datetime:
    """An aware moment as local wall time (with its offset) in `zone`, or the machine's zone when None."""
    return moment.astimezone(zone) if zone is not None else moment.astimezone()


def parse_local(text: str, line: int, column: str, formats: tuple[str, ...]) -> datetime:
    """A naive local datetime in one of `formats` (strptime patterns without month names)."""
    cleaned = text.strip()
    for pattern in formats:
        try:
            return datetime.strptime(cleaned, pattern)
        except ValueError:
            continue
    raise ImportFileError(f"{column} “{_short(cleaned)}” is not a date and time this app reads.", line)


def parse_hevy_time(text: str, line: int, column: str) -> datetime:
    """Hevy's '8 Apr 2026, 16:50' (English month names, read without the locale) as a naive local time."""
    match = _HEVY_DATE.fullmatch(text)
    if match is None:
        try:
            return datetime.fromisoformat(text.strip()).replace(tzinfo=None)
        except ValueError:
            raise ImportFileError(
                f"{column} “{_short(text.strip())}” is not a date like “8 Apr 2026, 16:50”.", line
            ) from None
    day, month_name, year, hour, minute, second = match.groups()
    month = _MONTH_NUMBER.get(month_name.lower())
    try:
        if month is None:
            raise ValueError(month_name)
        return datetime(int(year), month, int(day), int(hour), int(minute), int(second or 0))
    except ValueError:
        raise ImportFileError(f"{column} “{_short(text.strip())}” is not a real date.", line) from None


def format_hevy_time(moment: datetime) -> str:
    """A local wall time the way Hevy writes it: '8 Apr 2026, 16:50'."""
    return f"{moment.day} {MONTHS[moment.month - 1]} {moment.year}, {moment.hour:02d}:{moment.minute:02d}"


def parse_duration(text: str) -> timedelta | None:
    """Strong's free-text workout duration ('1h 38m', '55s', '38min', '2h'); None when unreadable."""
    cleaned = text.strip().lower()
    if not cleaned:
        return None
    if re.fullmatch(r"\d+", cleaned):
        return timedelta(seconds=int(cleaned))
    seconds = 0.0
    position = 0
    for match in _DURATION_PART.finditer(cleaned):
        if cleaned[position : match.start()].strip():
            return None
        amount = float(match.group(1).replace(",", "."))
        unit = match.group(2)[0]
        seconds += amount * {"h": 3600, "m": 60, "s": 1}[unit]
        position = match.end()
    if position == 0 or cleaned[position:].strip():
        return None
    return timedelta(seconds=round(seconds))


def format_duration(duration: timedelta) -> str:
    """A duration the way Strong writes it: '1h 38m', '38m', '2h', '45s'."""
    total = max(int(duration.total_seconds()), 0)
    hours, rest = divmod(total, 3600)
    minutes = rest // 60
    if hours and minutes:
        return f"{hours}h {minutes}m"
    if hours:
        return f"{hours}h"
    if minutes:
        return f"{minutes}m"
    return f"{total}s"


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "…"
