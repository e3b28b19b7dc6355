"""The end-of-rest alarm: a sound where an audio device exists, the taskbar alert, a tray message.

The visual flash is done by the timer panel and always happens; sound degrades silently when there
is no audio device (as on the test machines). QtMultimedia is imported only on the first alarm.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

from gym_companion.resources import resource_path

log = logging.getLogger(__name__)


class RestAlarm:
    """Rings the rest-over alarm by every means available; records what it did (for tests and status)."""

    def __init__(self, sound_enabled: bool = True) -> None:
        self.sound_enabled = sound_enabled
        self.rings = 0
        self.last_channels: list[str] = []
        self._effect: object | None = None
        self._audio_checked = False
        self._tray: QSystemTrayIcon | None = None

    def ring(self, window: QWidget) -> None:
        """Alert the lifter: sound if possible, taskbar alert, tray message where a tray exists."""
        self.rings += 1
        channels = ["flash"]
        if self.sound_enabled and self._play_sound():
            channels.append("sound")
        QApplication.alert(window, 0)
        channels.append("alert")
        if QSystemTrayIcon.isSystemTrayAvailable():
            if self._tray is None:
                self._tray = QSystemTrayIcon(window.windowIcon(), window)
            self._tray.show()
            self._tray.showMessage("Gym Companion", "Rest over — time for the next set.")
            channels.append("tray")
        self.last_channels = channels

    def _play_sound(self) -> bool:
        try:
            if not self._audio_checked:
                self._audio_checked = True
                from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

                if not QMediaDevices.audioOutputs():
                    return False
                effect = QSoundEffect()
                effect.setSource(QUrl.fromLocalFile(str(resource_path("sounds/rest_over.wav"))))
                effect.setVolume(0.8)
                self._effect = effect
            if self._effect is None:
                return False
            self._effect.play()  # type: ignore[attr-defined]
            return True
        except Exception:
            log.info("No sound for the rest alarm", exc_info=True)
            self._effect = None
            return False
