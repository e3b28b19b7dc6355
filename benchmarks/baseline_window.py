"""The floor of our stack, for the start-up benchmark: run as a script, one start-up per process.

A bare PySide6 window with a pyqtgraph plot that imports SQLModel and reads the same database file
(the number of sets and the latest 20 of them, which it plots). At the window's first paint event it
prints `first-paint <monotonic seconds> <CPU seconds>`, exactly like the app's probe
(gym_companion/ui/first_paint.py), then closes. Usage: python benchmarks/baseline_window.py DATABASE
"""

from __future__ import annotations

import sys
import time

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QVBoxLayout, QWidget
from sqlalchemy import text
from sqlmodel import Session, create_engine


class _Probe(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._done = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._done and watched is self._window and event.type() == QEvent.Type.Paint:
            self._done = True
            sys.stdout.write(f"first-paint {time.monotonic():.6f} {time.process_time():.6f}\n")
            sys.stdout.flush()
            QTimer.singleShot(0, self._window, self._window.close)
        return False


def main(db_path: str) -> int:
    """Open the window on the database and run until the first paint has been reported."""
    app = QApplication(sys.argv[:1])
    engine = create_engine(f"sqlite:///{db_path}")
    with Session(engine) as session:
        count = session.execute(text("SELECT count(*) FROM set_entry")).scalar_one()
        recent = session.execute(
            text("SELECT weight_kg, reps FROM set_entry ORDER BY logged_at DESC LIMIT 20")
        ).all()
    window = QMainWindow()
    window.setWindowTitle("Baseline")
    central = QWidget()
    layout = QVBoxLayout(central)
    layout.addWidget(QLabel(f"{count} sets in {db_path}"))
    plot = pg.PlotWidget()
    plot.plot([float(i) for i in range(len(recent))], [float(r[0]) for r in recent], symbol="o")
    layout.addWidget(plot)
    window.setCentralWidget(central)
    window.resize(1366, 768)
    _Probe(window)
    window.show()
    code = app.exec()
    engine.dispose()
    return int(code)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
