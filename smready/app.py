"""Entry point of the desktop app (``smready [FILE]``)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from smready.ui.main import run

    return run(sys.argv if argv is None else argv)
