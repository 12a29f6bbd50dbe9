"""Entry point of the desktop app (``smready [FILE]``)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    # Our Qt-free layers first: PySide6 inspects the source of every module imported after
    # it (its ``__feature__`` support), which costs ~0.1 s at start-up for these alone.
    import smready.content
    import smready.rendering
    import smready.scoring
    import smready.storage  # noqa: F401
    from smready.ui.main import run

    return run(sys.argv if argv is None else argv)
