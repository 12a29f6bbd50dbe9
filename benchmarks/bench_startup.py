"""Start-up benchmark: process start to the first painted main window, vs a bare PySide6 window.

Both are measured in the same run, as child processes started the same way, so the ratio
holds on a noisy machine even when absolute times do not. Goal: ratio <= 1.5.

    .venv/bin/python benchmarks/bench_startup.py [--rounds 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

# Both children start with this: every QMainWindow shown reports its first paint and exits.
# Only show() is wrapped, so the app under test runs its real entry point unchanged.
FIRST_PAINT = r"""
import os, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QMainWindow

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print("PAINTED", flush=True)
            os._exit(0)
        return False

_filter = FirstPaint()  # kept referenced: an unreferenced filter is collected at once
_show = QMainWindow.show
def show(self):
    self.installEventFilter(_filter)
    _show(self)
QMainWindow.show = show
"""

BARE_WINDOW = FIRST_PAINT + r"""
from PySide6.QtWidgets import QApplication, QLabel

app = QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle("bare")
# A label and a status bar: an empty QMainWindow gets no paint event of its own.
window.setCentralWidget(QLabel("Hello"))
window.statusBar().showMessage("Ready")
window.resize(1280, 800)
window.show()
app.exec()
"""

SMREADY_WINDOW = FIRST_PAINT + r"""
from smready.app import main
sys.exit(main(["smready"]))
"""


def _time_child(code: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        text=True, env=env,
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.strip() == "PAINTED":
            elapsed = time.perf_counter() - start
            break
    else:
        proc.wait()
        raise RuntimeError(f"child exited ({proc.returncode}) without painting")
    proc.kill()
    proc.wait()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data:
        env = dict(os.environ)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        env["SMREADY_DATA_DIR"] = data  # no recovery prompt from a developer's autosaves
        env["XDG_CONFIG_HOME"] = data  # fresh QSettings: no recent files, default geometry
        # Warm the OS file cache once for both, then alternate so drift hits both equally.
        _time_child(BARE_WINDOW, env)
        _time_child(SMREADY_WINDOW, env)
        bare: list[float] = []
        app: list[float] = []
        for _ in range(args.rounds):
            bare.append(_time_child(BARE_WINDOW, env))
            app.append(_time_child(SMREADY_WINDOW, env))
    bare_median = statistics.median(bare)
    app_median = statistics.median(app)
    ratio = app_median / bare_median
    print(f"bare PySide6 window, first paint:  {bare_median * 1000:7.0f} ms "
          f"(median of {len(bare)})")
    print(f"smready main window, first paint:  {app_median * 1000:7.0f} ms (median of {len(app)})")
    print(f"start-up ratio smready / bare:      {ratio:7.2f}x  (goal <= 1.50x) "
          f"{'OK' if ratio <= 1.5 else 'OVER GOAL'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
