"""Export a chart as a PNG or SVG file, and ask where to save it without blocking.

The file chooser is a small callable so tests (and other front ends) swap the dialog for a function:
it opens a window-modal QFileDialog with `open()` and calls `done(path)` once the lifter picks a file
(nothing is called when they cancel).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pyqtgraph as pg
from pyqtgraph.exporters import ImageExporter, SVGExporter
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog, QWidget

PNG_FILTER = "PNG image (*.png)"
SVG_FILTER = "SVG drawing (*.svg)"

# (parent, suggested path, done) -> None: ask where to write the chart.
ChartFileChooser = Callable[[QWidget, Path, Callable[[Path], None]], None]


def pictures_folder() -> Path:
    """The user's pictures folder (a test location when Qt's test mode is on)."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
    return Path(location) if location else Path.home()


def choose_chart_file(parent: QWidget, suggested: Path, done: Callable[[Path], None]) -> None:
    """Ask where to save a chart; the chosen filter decides the format when no suffix is typed."""
    dialog = QFileDialog(parent, "Export chart", str(suggested.parent), f"{PNG_FILTER};;{SVG_FILTER}")
    dialog.setObjectName("chartFileDialog")
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.selectFile(suggested.name)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def chosen(name: str) -> None:
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() not in (".png", ".svg"):
            path = path.with_name(
                path.name + (".svg" if dialog.selectedNameFilter() == SVG_FILTER else ".png")
            )
        done(path)

    dialog.fileSelected.connect(chosen)
    dialog.open()


def export_chart(chart: pg.PlotWidget, path: Path, title: str = "") -> Path:
    """Write the chart to `path`: SVG for a .svg name, else PNG (.png added if missing). Raises OSError.

    The file shows the chart as on screen (PNG at its on-screen size: pyqtgraph draws symbols and the
    legend in screen pixels, so a scaled-up image would shrink them), with `title` above it, if given.
    """
    item = chart.getPlotItem()
    if title:
        item.setTitle(title, color=item.getAxis("left").textPen().color(), size="11pt")
        item.layout.activate()
    try:
        if path.suffix.lower() == ".svg":
            SVGExporter(item).export(str(path))
        else:
            if path.suffix.lower() != ".png":
                path = path.with_name(path.name + ".png")
            ImageExporter(item).export(str(path))
    finally:
        if title:
            item.setTitle(None)
            item.layout.activate()
    if not path.is_file() or path.stat().st_size == 0:
        raise OSError(f"Could not write {path}")
    return path
