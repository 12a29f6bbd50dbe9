"""Fresh app state per GUI test: temp data folder, temp QSettings, no real dialogs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from smready.domain import Project
from smready.ui.app.main import APP_NAME, ORG_NAME
from smready.ui.app.main_window import MainWindow

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


class MessageLog:
    """Stands in for ``QMessageBox.exec``: records each box and answers from a queue."""

    def __init__(self) -> None:
        self.boxes: list[tuple[str, str, str]] = []
        self.answers: list[QMessageBox.StandardButton] = []

    def answer(self, *buttons: QMessageBox.StandardButton) -> None:
        self.answers.extend(buttons)

    def __call__(self, box: QMessageBox) -> int:
        self.boxes.append((box.windowTitle(), box.text(), box.informativeText()))
        if self.answers:
            return int(self.answers.pop(0).value)
        return int(QMessageBox.StandardButton.Cancel.value)

    @property
    def texts(self) -> list[str]:
        return [f"{t} {x} {i}" for t, x, i in self.boxes]


@pytest.fixture(autouse=True)
def app_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: object) -> Iterator[Path]:
    data = tmp_path / "data"
    monkeypatch.setenv("SMREADY_DATA_DIR", str(data))
    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "settings"))
    QSettings().clear()
    yield data
    QSettings().clear()


@pytest.fixture(autouse=True)
def messages(monkeypatch: pytest.MonkeyPatch) -> MessageLog:
    log = MessageLog()
    # A function, not the log itself: only functions bind to the box as ``self``.
    monkeypatch.setattr(QMessageBox, "exec", lambda box: log(box))
    return log


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type ``text`` as a user would. ``QTest.keyClicks`` asserts on non-ASCII characters
    (PySide6 6.12 aborted the process), so those go in as key events carrying their text."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


def make_window(qtbot: QtBot) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    return window


def start_business(qtbot: QtBot, window: MainWindow, name: str = "Café Aurora") -> None:
    """Type the name on the start page and choose "Start for a small business"."""
    type_text(qtbot, window.start_page.name_edit, name)
    qtbot.mouseClick(window.start_page.business_button, Qt.MouseButton.LeftButton)


def shown_title(window: QWidget) -> str:
    """The title as the window manager shows it: Qt puts "*" at "[*]" when modified."""
    title = window.windowTitle().replace("[*][*]", "\0")
    title = title.replace("[*]", "*" if window.isWindowModified() else "")
    return title.replace("\0", "[*]")


def show_example(window: MainWindow, example: str | Path) -> None:
    """Open an example (by name, or its path) as the start page's list does: its workspace
    is shown on the first readiness point."""
    path = example if isinstance(example, Path) else EXAMPLES / f"{example}.smready"
    window._on_example_requested(path)


def example(name: str) -> Project:
    return Project.model_validate_json((EXAMPLES / f"{name}.smready").read_text("utf-8"))


def show_widget(qtbot: QtBot, widget: QWidget, width: int, height: int) -> None:
    """Show a page on its own at a given size and wait until it is on screen."""
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)


@pytest.fixture
def language(request: pytest.FixtureRequest, qapp: object) -> Iterator[str]:
    """The window in the language a test names (``indirect=True``), English again after it
    (Qt's default locale too), so no later test meets another language."""
    from smready.ui.app.qt_translations import apply_ui_language

    before = QLocale()
    apply_ui_language(request.param)
    try:
        yield request.param
    finally:
        apply_ui_language("en")
        QLocale.setDefault(before)
