"""One window per database: a second launch brings the running window to the front instead.

The database lock (storage) is what guarantees that two processes never write the same file; this
module only makes the refusal friendly. The window that holds the lock listens on a local socket
named after the database; a launch that finds the database locked sends it one line ("show") and
the running window un-minimises, raises and asks for attention.
"""

from __future__ import annotations

import getpass
import hashlib
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QWidget

SHOW_REQUEST = b"show\n"
CONNECT_TIMEOUT_MS = 1000


def server_name(db_path: Path) -> str:
    """The local socket name for a database: the same for every launch of this user on this file."""
    key = f"{getpass.getuser()}\0{Path(db_path).resolve()}"
    return "gym-companion-" + hashlib.sha256(key.encode()).hexdigest()[:20]


class InstanceBeacon(QObject):
    """Listens for later launches on the same database and brings `window` to the front for them."""

    shown_again = Signal()

    def __init__(self, db_path: Path, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._server = QLocalServer(self)
        name = server_name(db_path)
        # Only the holder of the database lock gets here, so a socket left by a crashed run is stale.
        QLocalServer.removeServer(name)
        self.listening = self._server.listen(name)
        self._server.newConnection.connect(self._accept)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Stop listening as the window closes, before it releases the database for the next launch."""
        if watched is self._window and event.type() == QEvent.Type.Close:
            self._server.close()
        return False

    def _accept(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.setParent(self)
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(SHOW_REQUEST.strip()):
            self.bring_to_front()

    def bring_to_front(self) -> None:
        """Un-minimise, raise and activate the window; flash the taskbar where raising is not allowed."""
        window = self._window
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
        window.show()
        window.raise_()
        window.activateWindow()
        QApplication.alert(window, 0)
        self.shown_again.emit()


def show_running_instance(db_path: Path, timeout_ms: int = CONNECT_TIMEOUT_MS) -> bool:
    """Ask the window that has `db_path` open to come to the front; False if none answered."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(db_path))
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(SHOW_REQUEST)
    sent = socket.waitForBytesWritten(timeout_ms) or socket.bytesToWrite() == 0
    socket.disconnectFromServer()
    return sent
