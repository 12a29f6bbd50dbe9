"""Ctrl-C in the terminal that started smready, and SIGTERM (a logout, ``kill``).

Python runs its signal handlers only between Python statements, and while Qt's event loop
waits in C++ no Python runs at all: without help a Ctrl-C did nothing until the next click.
The signal number is written to a socket (``signal.set_wakeup_fd``) that a
``QSocketNotifier`` watches, so the event loop wakes and the window can stop as it should:
unsaved work is written to the autosave (the next start offers to recover it), the lock is
released, a line on stderr says where the work is, and the exit status is 128 + the signal.
If that work cannot be written (a full disk), smready does not stop: it asks, as closing the
window does.
"""

from __future__ import annotations

import contextlib
import signal
import socket
import sys
from collections.abc import Callable
from types import FrameType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSocketNotifier

from smready.i18n import _

if TYPE_CHECKING:
    from smready.ui.app.main_window import MainWindow

WATCHED = (signal.SIGINT, signal.SIGTERM)


class InterruptWatcher(QObject):
    """Calls ``on_signal(signum)`` on the UI thread for each SIGINT or SIGTERM."""

    def __init__(self, on_signal: Callable[[int], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_signal = on_signal
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._previous = {sig: signal.signal(sig, self._note) for sig in WATCHED}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_readable)

    @staticmethod
    def _note(signum: int, frame: FrameType | None) -> None:
        """The Python-level handler: the wake-up byte carries the signal, nothing to do."""

    def _on_readable(self) -> None:
        try:
            data = self._reader.recv(64)
        except (BlockingIOError, InterruptedError):
            return
        for signum in data:
            if signum in WATCHED:
                self._on_signal(signum)


def stop_message(name: str) -> str:
    """What stderr says when smready is stopped with unsaved work kept for recovery."""
    return _("Stopped. Your unsaved changes to “{name}” are kept: smready offers to recover "
             "them the next time it starts.").format(name=name)


def not_stopped_message(name: str) -> str:
    return _("Not stopped: your unsaved changes to “{name}” could not be written anywhere. "
             "Save them, or close the window.").format(name=name)


def print_line(text: str) -> None:
    with contextlib.suppress(OSError, ValueError):  # no stderr (a launcher), or closed
        print(f"smready: {text}", file=sys.stderr, flush=True)


def stop_window(window: MainWindow, signum: int) -> None:
    """Stop the app for ``signum`` without losing work (see the module's docstring)."""
    from PySide6.QtWidgets import QApplication

    if window.is_core_ready:
        files = window.files
        name = window.controller.project.organization.name
        unsaved = files.has_unsaved_work
        if not files.keep_for_recovery():
            print_line(not_stopped_message(name))
            window.raise_()
            window.close()  # asks Save / Don't save / Cancel, as closing the window does
            return
        if unsaved:
            print_line(stop_message(name))
    QApplication.exit(128 + signum)


def watch(window: MainWindow) -> InterruptWatcher:
    """Stop ``window``'s app cleanly on Ctrl-C or SIGTERM from now on."""
    return InterruptWatcher(lambda signum: stop_window(window, signum), window)
