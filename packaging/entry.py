"""The one entry script of the bundle: both executables run this, and their name decides.

``smready`` starts the desktop app; ``smready-cli`` (``smready-cli.exe`` on Windows) runs the
command line. One script keeps one analysis and one copy of every module in the bundle.
"""

from __future__ import annotations

import multiprocessing
import sys
from pathlib import Path


def _main() -> int:
    # The app renders documents in "spawn" worker processes (smready/ui/render_worker.py),
    # which re-run this executable; this turns such a run into the worker instead of a
    # second app window.
    multiprocessing.freeze_support()
    name = Path(sys.executable).stem.lower()
    if name == "smready-cli":
        from smready.cli import main as cli_main

        return cli_main()
    from smready.app import main as app_main

    return app_main()


if __name__ == "__main__":
    sys.exit(_main())
