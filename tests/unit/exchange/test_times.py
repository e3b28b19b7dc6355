"""Fast local times for exports agree with exact conversion everywhere, DST switches included."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from gym_companion.exchange.times import LocalTimes


@pytest.mark.parametrize(
    "zone", ["Europe/Berlin", "America/St_Johns", "Asia/Kathmandu", "Australia/Lord_Howe", "America/New_York"]
)
def test_fast_path_matches_exact_conversion(zone: str) -> None:
    tz = ZoneInfo(zone)
    times = LocalTimes(tz)
    rng = random.Random(zone)
    for _ in range(3000):
        moment = datetime(2015, 1, 1) + timedelta(seconds=rng.randint(0, 12 * 365 * 86400))
        if rng.random() < 0.5:
            moment = moment.replace(microsecond=rng.randint(1, 999_999))
        raw = moment.strftime("%Y-%m-%d %H:%M:%S.%f")
        assert times.iso(raw) == moment.replace(tzinfo=UTC).astimezone(tz).isoformat(), raw


def test_around_a_dst_switch() -> None:
    times = LocalTimes(ZoneInfo("Europe/Berlin"))
    # 2026-03-29 01:00 UTC clocks jump from 02:00 CET to 03:00 CEST
    assert times.iso("2026-03-29 00:59:59.000000") == "2026-03-29T01:59:59+01:00"
    assert times.iso("2026-03-29 01:00:00.000000") == "2026-03-29T03:00:00+02:00"
    assert times.local("2026-10-25 00:30:00.000000") == datetime(2026, 10, 25, 2, 30)
