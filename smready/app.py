"""Entry point of the desktop app (``smready [FILE]``)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    # Only Qt and the start page are imported before the window paints; the domain models,
    # content bank and pages follow right after (smready.ui.app.main_window.MainWindow).
    from smready.ui.app.main import run

    return run(sys.argv if argv is None else argv)
