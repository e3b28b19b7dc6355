"""The benchmark table (operation, baseline, our time, ratio, bar, result) and the machine it ran on."""

from __future__ import annotations

import os
import platform
import sys
from collections.abc import Sequence
from dataclasses import dataclass

HEADERS = ("operation", "baseline", "ours", "ratio", "bar", "result", "spread (p25–p75, n)")
PASS = "pass"
FAIL = "FAIL"
REPORT_ONLY = "—"


@dataclass(frozen=True)
class Row:
    """One line of the table; the texts are already formatted ('—' where nothing applies)."""

    operation: str
    baseline: str = REPORT_ONLY
    ours: str = REPORT_ONLY
    ratio: str = REPORT_ONLY
    bar: str = REPORT_ONLY
    result: str = REPORT_ONLY
    spread: str = ""

    def cells(self) -> tuple[str, ...]:
        """The row as table cells, in HEADERS order."""
        return (self.operation, self.baseline, self.ours, self.ratio, self.bar, self.result, self.spread)


def verdict(value: float, limit: float) -> str:
    """PASS when value is at most the limit (every bar is an upper bound), else FAIL."""
    return PASS if value <= limit else FAIL


def ms(seconds: float) -> str:
    """A duration for the table, in milliseconds with sensible precision ('12.3 ms', '845 ms')."""
    value = seconds * 1000
    if value >= 100:
        return f"{value:.0f} ms"
    if value >= 10:
        return f"{value:.1f} ms"
    return f"{value:.2f} ms"


def ratio(ours: float, baseline: float) -> str:
    """Our time over the baseline's, as '1.17×'."""
    if baseline <= 0:
        return REPORT_ONLY
    return f"{ours / baseline:.2f}×"


def format_table(rows: Sequence[Row], headers: Sequence[str] = HEADERS) -> str:
    """A Markdown table with padded columns (readable in a terminal and in docs/performance.md)."""
    lines = [tuple(headers), *(row.cells() if isinstance(row, Row) else tuple(row) for row in rows)]
    for line in lines:
        if len(line) != len(headers):
            raise ValueError(f"row has {len(line)} cells, the table {len(headers)}: {line}")
    widths = [max(len(line[i]) for line in lines) for i in range(len(headers))]

    def render(cells: Sequence[str]) -> str:
        return "| " + " | ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True)) + " |"

    rule = "|" + "|".join("-" * (width + 2) for width in widths) + "|"
    return "\n".join([render(lines[0]), rule, *(render(line) for line in lines[1:])])


def machine_description(qpa_platform: str) -> str:
    """CPU model, cores, Python, Qt/PySide6, OS and the Qt platform plugin the runs used."""
    try:
        import PySide6
        from PySide6.QtCore import qVersion

        qt = f"Qt {qVersion()} (PySide6 {PySide6.__version__})"
    except ImportError:  # pragma: no cover - the app cannot run without it anyway
        qt = "Qt not importable"
    return (
        f"CPU: {cpu_model()} · cores: {os.cpu_count()} · Python {platform.python_version()} "
        f"({sys.implementation.name}) · {qt} · {platform.platform()} · Qt platform: {qpa_platform}"
    )


def cpu_model() -> str:
    """The processor's model name (from /proc/cpuinfo on Linux, else the platform module)."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown"
