"""Opening a CSV file for import safely: refuse huge or binary files fast, decode, find the delimiter.

Rows come out with the physical line they start on, so every message can name the line a user sees
in a text editor.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from gym_companion.exchange.errors import ImportFileError

MAX_FILE_BYTES = 200 * 1024 * 1024  # product decision: decades of daily training stay far below this
SNIFF_BYTES = 64 * 1024
DELIMITERS = (",", ";", "\t")


@dataclass(frozen=True)
class CsvTable:
    """A decoded CSV file: its delimiter, header (stripped) and the text to read rows from."""

    path: Path
    text: str
    delimiter: str
    header: tuple[str, ...]
    header_line: int
    total_lines: int  # physical lines after the header (an upper bound on data rows, for progress)

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """(first physical line, fields) of every non-blank data row, with the field count checked."""
        reader = csv.reader(io.StringIO(self.text), delimiter=self.delimiter, strict=False)
        width = len(self.header)
        last_line = 0
        try:
            for raw in reader:
                fields = raw
                line = last_line + 1
                last_line = reader.line_num
                if line <= self.header_line:
                    continue
                if not fields or (len(fields) == 1 and not fields[0].strip()):
                    continue
                if len(fields) != width:
                    if len(fields) > width and not any(f.strip() for f in fields[width:]):
                        fields = fields[:width]  # trailing empty cells some spreadsheets add
                    else:
                        raise ImportFileError(
                            f"expected {width} values like the header, found {len(fields)}.", line
                        )
                yield line, fields
        except csv.Error as error:
            raise ImportFileError(f"the CSV cannot be read here ({error}).", last_line + 1) from None


def open_csv(path: Path) -> CsvTable:
    """Check, read and decode `path`; raise ImportFileError for missing, huge, binary or empty files."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ImportFileError(f"There is no file at {path}.") from None
    except OSError as error:
        raise ImportFileError(f"{path} cannot be read ({error.strerror}).") from None
    if path.is_dir():
        raise ImportFileError(f"{path} is a folder, not a CSV file.")
    if size > MAX_FILE_BYTES:
        raise ImportFileError(
            f"{path.name} is {size / 1024 / 1024:.0f} MB; files over {MAX_FILE_BYTES // 1024 // 1024} MB "
            "are not training logs this app can read."
        )
    try:
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
            _refuse_binary(path, head)
            data = head + handle.read()
    except OSError as error:
        raise ImportFileError(f"{path} cannot be read ({error.strerror}).") from None
    text = _decode(path, data)
    return _table(path, text)


def _refuse_binary(path: Path, head: bytes) -> None:
    if b"\x00" in head:
        raise ImportFileError(f"{path.name} is not a text file (it contains binary data).")
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        raise ImportFileError(
            f"{path.name} is not a UTF-8 text file; export it again from the app, or save it as "
            "“CSV UTF-8” in your spreadsheet."
        ) from None


def _decode(path: Path, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ImportFileError(
            "this line is not UTF-8 text; save the file as “CSV UTF-8” and try again.", line
        ) from None


def _table(path: Path, text: str) -> CsvTable:
    lines = text.splitlines()
    header_index = next((i for i, line in enumerate(lines) if line.strip()), None)
    if header_index is None:
        raise ImportFileError(f"{path.name} is empty.")
    header_text = lines[header_index]
    delimiter = max(DELIMITERS, key=lambda d: _count_outside_quotes(header_text, d))
    header = next(csv.reader([header_text], delimiter=delimiter))
    cleaned = tuple(name.strip() for name in header)
    while cleaned and not cleaned[-1]:
        cleaned = cleaned[:-1]  # a trailing delimiter after the last column name
    return CsvTable(
        path=path,
        text=text,
        delimiter=delimiter,
        header=cleaned,
        header_line=header_index + 1,
        total_lines=max(len(lines) - header_index - 1, 0),
    )


def _count_outside_quotes(text: str, delimiter: str) -> int:
    count, quoted = 0, False
    for char in text:
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            count += 1
    return count
