"""Run by test_crash_safety in a subprocess: logs sets through the real window and says ACK after each.

It never exits by itself; the test kills it with SIGKILL at some point after an acknowledgement.
"""

from __future__ import annotations

import os
import sys

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QTableWidget, QWidget

from gym_companion.app import create_main_window


def main(db_path: str) -> None:
    QStandardPaths.setTestModeEnabled(True)
    window = create_main_window(db_path)
    window.show()
    search = window.findChild(QLineEdit, "exerciseSearch")
    QTest.keyClicks(search, "leg press")
    QTest.keyClick(search, Qt.Key.Key_Return)
    weight = window.findChild(QLineEdit, "weightInput")
    reps = window.findChild(QLineEdit, "repsInput")
    prompt = window.findChild(QWidget, "rirPrompt")
    table = window.findChild(QTableWidget, "setsTable")
    label = window.findChild(QLabel, "currentExercise")
    assert label is not None and label.text() == "Leg Press"
    n = 0
    while True:
        n += 1
        weight.setText(str(100 + n))
        reps.setText("10")
        QTest.keyClick(reps, Qt.Key.Key_Return)
        QTest.keyClicks(prompt, "2")
        QApplication.processEvents()
        # acknowledged = visible on screen
        assert table.rowCount() == n
        print(f"ACK {n} {100 + n}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
