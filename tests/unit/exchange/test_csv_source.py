"""Opening files for import: refusing what is not a CSV fast, naming lines, finding the delimiter."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from gym_companion.exchange import csv_source
from gym_companion.exchange.csv_source import open_csv
from gym_companion.exchange.errors import ImportFileError


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError) as error:
        open_csv(tmp_path / "gone.csv")
    assert error.value.line is None
    assert "There is no file at" in str(error.value)


def test_a_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    huge = tmp_path / "huge.csv"
    with huge.open("wb") as handle:  # sparse: 201 MB on paper, nothing on disk
        handle.truncate(201 * 1024 * 1024)
    started = time.perf_counter()
    with pytest.raises(ImportFileError, match="201 MB"):
        open_csv(huge)
    assert time.perf_counter() - started < 0.5


def test_binary_data_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "photo.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(ImportFileError, match="not a text file"):
        open_csv(path)


def test_undecodable_start_is_refused_as_not_utf8(tmp_path: Path) -> None:
    path = write(tmp_path / "latin1.csv", "Date,Exercise\n2024-01-01,Développé\n".encode("latin-1"))
    with pytest.raises(ImportFileError, match="not a UTF-8 text file"):
        open_csv(path)


def test_undecodable_bytes_after_64_kb_name_their_line(tmp_path: Path) -> None:
    body = b"Date,Exercise\n" + b"2024-01-01,Squat\n" * 5000 + b"2024-01-02,D\xe9velopp\xe9\n"
    assert len(body) > csv_source.SNIFF_BYTES
    path = write(tmp_path / "late.csv", body)
    with pytest.raises(ImportFileError) as error:
        open_csv(path)
    assert error.value.line == 5002
    assert str(error.value).startswith("Line 5002: ")


def test_empty_and_blank_files_are_refused(tmp_path: Path) -> None:
    for data in (b"", b"\n\n  \n"):
        with pytest.raises(ImportFileError, match="is empty"):
            open_csv(write(tmp_path / "empty.csv", data))


def test_semicolons_bom_and_quoted_commas(tmp_path: Path) -> None:
    path = write(tmp_path / "x.csv", '\ufeffDate;"Workout, Name";Reps\n2024-01-01;"A, B";5\n'.encode())
    table = open_csv(path)
    assert table.delimiter == ";"
    assert table.header == ("Date", "Workout, Name", "Reps")
    assert list(table.rows()) == [(2, ["2024-01-01", "A, B", "5"])]


def test_rows_carry_their_first_physical_line_and_skip_blank_lines(tmp_path: Path) -> None:
    path = write(tmp_path / "x.csv", b'A,B\n\n1,"two\nlines"\n3,4\n')
    assert list(open_csv(path).rows()) == [(3, ["1", "two\nlines"]), (5, ["3", "4"])]


def test_a_row_with_the_wrong_number_of_values_names_its_line(tmp_path: Path) -> None:
    path = write(tmp_path / "x.csv", b"A,B,C\n1,2,3\n4,5\n")
    with pytest.raises(ImportFileError) as error:
        list(open_csv(path).rows())
    assert error.value.line == 3
    assert error.value.problem == "expected 3 values like the header, found 2."


def test_trailing_empty_cells_are_tolerated(tmp_path: Path) -> None:
    path = write(tmp_path / "x.csv", b"A,B,\n1,2,\n3,4,,\n")
    assert [fields for _line, fields in open_csv(path).rows()] == [["1", "2"], ["3", "4"]]
