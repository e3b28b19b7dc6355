"""QA: a load no gym can put on a bar (0.001 kg) was stored and read "0 kg"; imports skip it like 1200 kg."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from helpers.csv_files import transfer_service

from gym_companion.services.transfer import TransferService


@pytest.fixture
def service(db_path: Path) -> Iterator[TransferService]:
    opened, close = transfer_service(db_path, ZoneInfo("Europe/Berlin"))
    yield opened
    close()


def test_a_near_zero_load_is_skipped_and_zero_is_kept(
    service: TransferService, db_path: Path, tmp_path: Path
) -> None:
    odd = tmp_path / "tiny.csv"
    odd.write_text(
        "Date,Workout Name,Exercise Name,Set Order,kg,Reps,km,Seconds,Notes\n"
        '2020-01-06 18:00:00,"A","Bench Press",0,0.001,5,0,0,""\n'  # a slip: no gym loads 1 g
        '2020-01-06 18:00:00,"A","Push-Up",0,0,12,0,0,""\n'  # no added load: fine
        '2020-01-06 18:00:00,"A","Bench Press",1,60,8,0,0,""\n',
        encoding="utf-8",
    )
    summary = service.import_file(odd)
    assert summary.sets_added == 2
    assert summary.skipped == {"rows with implausible reps or load": 1}
    with closing(sqlite3.connect(db_path)) as con:
        loads = sorted(row[0] for row in con.execute("SELECT weight_kg FROM set_entry"))
    assert loads == [0.0, 60.0]
