"""Render the app icon SVG to the PNG sizes desktops ask for, laid out as a hicolor icon theme.

    python packaging/render_icons.py resources/icons/gym-companion.svg build/icons

writes build/icons/hicolor/<N>x<N>/apps/gym-companion.png for every size below, plus the SVG as
hicolor/scalable/apps/gym-companion.svg. Uses QtSvg (already a dependency), so it works on a fresh
machine without librsvg or Inkscape.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render_png(renderer: QSvgRenderer, size: int, target: Path) -> None:
    """Draw the SVG into a transparent size×size image and save it as PNG."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    target.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(target), "PNG"):
        raise OSError(f"could not write {target}")


def render_theme(svg: Path, out_dir: Path) -> list[Path]:
    """All PNG sizes and the scalable SVG under out_dir/hicolor; returns the files written."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a valid SVG")
    name = svg.stem
    written = []
    for size in ICON_SIZES:
        target = out_dir / "hicolor" / f"{size}x{size}" / "apps" / f"{name}.png"
        render_png(renderer, size, target)
        written.append(target)
    scalable = out_dir / "hicolor" / "scalable" / "apps" / svg.name
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(svg, scalable)
    written.append(scalable)
    return written


def main(argv: list[str]) -> int:
    """Command line: SVG path, output folder."""
    if len(argv) != 2:
        print("usage: render_icons.py ICON.svg OUT_DIR", file=sys.stderr)
        return 2
    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    for path in render_theme(Path(argv[0]), Path(argv[1])):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
