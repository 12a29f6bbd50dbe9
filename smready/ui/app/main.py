"""Start the desktop app: ``smready [FILE]``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

import smready
from smready.i18n import UnknownLanguage
from smready.ui.app.fonts import prefer_bundled_fonts
from smready.ui.app.import_hook import speed_up_feature_check
from smready.ui.app.preferences import choose_ui_language
from smready.ui.app.qt_translations import apply_ui_language, take_lang_option
from smready.ui.styles import dark_palette

if TYPE_CHECKING:
    from smready.ui.app.main_window import MainWindow

APP_NAME = "smready"
ORG_NAME = "smready"
ORG_DOMAIN = "smready.app"


def light_palette() -> QPalette:
    style = QApplication.style()
    return style.standardPalette() if style is not None else QPalette()


def apply_palette(app: QApplication, scheme: Qt.ColorScheme | None = None) -> None:
    """Fusion with a light or dark palette; ``None`` follows the system setting."""
    if scheme is None:
        scheme = QGuiApplication.styleHints().colorScheme()
    app.setPalette(dark_palette() if scheme is Qt.ColorScheme.Dark else light_palette())


def with_style(argv: list[str], style: str = "Fusion") -> list[str]:
    """``argv`` asking Qt for ``style``; a ``-style`` the user gives still wins (comes later).

    Qt creating the style from its arguments, rather than ``app.setStyle()``, keeps PySide6
    from building its Python ``QStyle`` type (~10 ms) before the first paint.
    """
    return [*argv[:1], "-style", style, *argv[1:]]


def setup_application(argv: list[str]) -> QApplication:
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setOrganizationDomain(ORG_DOMAIN)
    QCoreApplication.setApplicationVersion(smready.__version__)
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
        style = QStyleFactory.create("Fusion")
        if style is not None:
            app.setStyle(style)
    else:
        app = QApplication(with_style(argv))
    QGuiApplication.setDesktopFileName("smready")
    prefer_bundled_fonts(app)  # Bengali without system fonts, and with real bold; ~5 ms
    if QGuiApplication.styleHints().colorScheme() is Qt.ColorScheme.Dark:
        apply_palette(app, Qt.ColorScheme.Dark)
    # Light: Fusion's own palette is already the application's palette.
    app.styleHints().colorSchemeChanged.connect(lambda scheme: apply_palette(app, scheme))
    return app


def run(argv: list[str]) -> int:
    try:
        lang, argv = take_lang_option(argv)  # smready --lang fi|bn|en|en_XA
    except UnknownLanguage as exc:
        print(f"smready: {exc}", file=sys.stderr)
        return 2
    speed_up_feature_check()  # ~55 ms less for the imports that follow
    app = setup_application(argv)
    # --lang > Preferences > the system's languages (after the settings' names are set).
    apply_ui_language(choose_ui_language(lang))
    from smready.ui.app.main_window import MainWindow  # after the QApplication exists

    # The start page paints first; the workspace is built right after (see MainWindow).
    paths = [Path(a) for a in argv[1:] if not a.startswith("-")]
    window = MainWindow(deferred=True, opening=paths[0] if paths else None)
    window.workspace_failed.connect(lambda: app.exit(1))  # the user was told why
    window.show()

    def core_ready() -> None:
        from smready.ui.app.interrupts import watch

        watch(window)  # Ctrl-C in the terminal, a logout: stop without losing work
        # Open a project as soon as one can be (the pages it does not show come after it),
        # on the next turn of the event loop so the build steps before it stay short.
        QTimer.singleShot(0, lambda: start_up(window, paths))

    window.when_core_ready(core_ready)
    return app.exec()


def start_up(window: MainWindow, paths: list[Path]) -> None:
    """Recovered work comes first; otherwise open the file named on the command line. If
    neither opens a project, the start page shows."""
    try:
        if not window.offer_recovery() and paths:
            window.open_file(paths[0])
    finally:
        window.done_opening()


if __name__ == "__main__":
    sys.exit(run(sys.argv))
