"""Which format a header is, forcing a format, and refusing unknown headers."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.csv_files import FIXTURES, no_progress

from gym_companion.exchange.csv_source import open_csv
from gym_companion.exchange.errors import ImportFileError
from gym_companion.exchange.formats import detect_format, parse_table


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("strong_v1.csv", "strong"),
        ("strong_v2.csv", "strong"),
        ("strong_v3.csv", "strong"),
        ("strong_v4.csv", "strong"),
        ("strong_v4_semicolon.csv", "strong"),
        ("strong_v5.csv", "strong"),
        ("hevy_kg.csv", "hevy"),
        ("hevy_lbs.csv", "hevy"),
        ("fitnotes.csv", "fitnotes"),
        ("fitnotes_old.csv", "fitnotes"),
        ("native.csv", "native"),
    ],
)
def test_every_fixture_is_recognised_from_its_header(name: str, fmt: str) -> None:
    table = open_csv(FIXTURES / name)
    assert detect_format(table.header) == fmt
    assert parse_table(table, "auto", None, no_progress).format == fmt


def test_an_unknown_header_is_refused_with_what_it_reads(tmp_path: Path) -> None:
    path = tmp_path / "budget.csv"
    path.write_text("Month,Rent,Food\nJan,900,300\n", encoding="utf-8")
    with pytest.raises(ImportFileError) as error:
        parse_table(open_csv(path), "auto", None, no_progress)
    assert error.value.line == 1
    assert "matches none of the formats" in error.value.problem
    assert "Month,Rent,Food" in error.value.problem


def test_forcing_the_wrong_format_names_the_missing_columns() -> None:
    with pytest.raises(ImportFileError, match="not a Hevy file: the header lacks title, start_time"):
        parse_table(open_csv(FIXTURES / "strong_v4.csv"), "hevy", None, no_progress)
    with pytest.raises(ImportFileError, match="is not a format this app reads"):
        parse_table(open_csv(FIXTURES / "strong_v4.csv"), "excel", None, no_progress)
