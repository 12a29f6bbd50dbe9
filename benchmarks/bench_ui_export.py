"""UI responsiveness while documents render: the longest gap between ticks of a 10 ms timer.

A 10 ms QTimer records timestamps on the UI thread while the Review page (a) renders its live
preview and (b) exports a PDF. The longest gap between two ticks is how long the window was
frozen. Goal: <= 50 ms. For comparison it also renders the same PDF in a plain thread of this
process (what ``render_worker`` avoids: WeasyPrint holds the GIL for long stretches).

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_ui_export.py [--rounds 3]

Prints the numbers; asserts nothing.

Last measured (23 Nov 2026, 21:36 UTC, 5 rounds, load average 0.44): longest gap 19-31 ms
while the preview refreshes (in two steps: the page in view, then the complete PDF), 11-16
ms while exporting (goal <= 50 ms, met); the export writes the preview's own complete bytes
(0.01-0.02 s); the same render in a thread of the app: 109 ms.
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

GOAL_MS = 50.0


def longest_gap_while(app: object, start: Callable[[], None], done: Callable[[], bool],
                      timeout_s: float = 120.0) -> tuple[float, float]:
    """(longest tick gap in ms, elapsed s) while the event loop runs until ``done()``."""
    from PySide6.QtCore import QEventLoop, QTimer

    stamps: list[float] = []
    ticker = QTimer()
    ticker.setInterval(10)
    ticker.timeout.connect(lambda: stamps.append(time.perf_counter()))
    loop = QEventLoop()
    checker = QTimer()
    checker.setInterval(5)
    deadline = time.perf_counter() + timeout_s
    checker.timeout.connect(lambda: loop.quit() if done() or time.perf_counter() > deadline
                            else None)
    t0 = time.perf_counter()
    stamps.append(t0)
    ticker.start()
    checker.start()
    start()
    loop.exec()
    ticker.stop()
    checker.stop()
    stamps.append(time.perf_counter())
    gaps = [b - a for a, b in itertools.pairwise(stamps)]
    return max(gaps) * 1000, time.perf_counter() - t0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--example", default="harbour-food-bank")
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow

    from smready.domain import Project
    from smready.rendering import pdf_bytes
    from smready.ui.app.controller import ProjectController
    from smready.ui.pages.review import ReviewPage

    app = QApplication(sys.argv[:1])
    project = Project.model_validate_json(
        (ROOT / "examples" / f"{args.example}.smready").read_text("utf-8"))
    controller = ProjectController(project)
    window = QMainWindow()
    page = ReviewPage(controller)
    window.setCentralWidget(page)
    window.resize(1280, 800)
    window.show()

    # Warm up: the worker process loads WeasyPrint once; the first preview lands.
    worst_preview, elapsed = longest_gap_while(
        app, lambda: None, lambda: page.document.pageCount() > 0)
    print(f"first preview (incl. worker start): longest gap {worst_preview:6.1f} ms, "
          f"{elapsed:5.2f} s")

    results: list[tuple[str, float]] = []
    counts = {"preview": 0, "export": 0}
    page.preview_updated.connect(lambda: counts.__setitem__("preview", counts["preview"] + 1))
    page.export_finished.connect(lambda _p: counts.__setitem__("export", counts["export"] + 1))
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(args.rounds):
            before = dict(counts)

            def change(n: int = n) -> None:
                controller.project.organization.sector = f"round {n}"
                controller.mark_changed()
                page.refresh_preview()

            gap, elapsed = longest_gap_while(
                app, change, lambda before=before: counts["preview"] > before["preview"])
            results.append(("preview refresh", gap))
            print(f"preview refresh {n + 1}: longest gap {gap:6.1f} ms, {elapsed:5.2f} s")

            out = Path(tmp) / f"policy-{n}.pdf"
            QFileDialog.getSaveFileName = staticmethod(  # type: ignore[method-assign]
                lambda *a, out=out: (str(out), ""))
            gap, elapsed = longest_gap_while(
                app, lambda: page.export_as("pdf"),
                lambda before=before: counts["export"] > before["export"])
            results.append(("PDF export", gap))
            print(f"PDF export {n + 1}:      longest gap {gap:6.1f} ms, {elapsed:5.2f} s, "
                  f"{out.stat().st_size // 1024} KiB")

    # For comparison: the same render in a thread of this process (not what the app does).
    finished: list[bytes] = []
    gap, elapsed = longest_gap_while(
        app,
        lambda: threading.Thread(
            target=lambda: finished.append(pdf_bytes(project, "policy"))).start(),
        lambda: bool(finished))
    print(f"in-process thread (not used): longest gap {gap:6.1f} ms, {elapsed:5.2f} s")

    worst = max(g for _kind, g in results)
    verdict = "OK" if worst <= GOAL_MS else "OVER GOAL"
    print(f"worst gap in the app's paths: {worst:.1f} ms (goal <= {GOAL_MS:.0f} ms) {verdict}")
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
