"""Benchmark options: which history sizes are measured, and how cached demo databases are named."""

from __future__ import annotations

import pytest

from benchmarks.cli import parse_years
from benchmarks.databases import cache_key
from gym_companion.storage.schema import HEAD_REVISION


def test_default_sizes_cover_one_to_twenty_years_and_quick_only_the_ends() -> None:
    assert parse_years(None, quick=False) == [1.0, 5.0, 10.0, 20.0]
    assert parse_years(None, quick=True) == [1.0, 10.0]


def test_sizes_given_are_deduplicated_and_sorted() -> None:
    assert parse_years("20, 1,10,1", quick=False) == [1.0, 10.0, 20.0]


def test_sizes_outside_what_the_generator_accepts_are_refused() -> None:
    with pytest.raises(SystemExit, match="between 0 and 40"):
        parse_years("0,10", quick=False)


def test_cache_names_change_with_years_seed_schema_and_day() -> None:
    name = cache_key(10, 1, "20260302")
    assert name.startswith("demo-10y-seed1-schema" + HEAD_REVISION + "-gen")
    assert name.endswith("-20260302.sqlite3")
    assert cache_key(10, 2, "20260302") != name
    assert cache_key(5, 1, "20260302") != name
    assert cache_key(10, 1, "20260303") != name
