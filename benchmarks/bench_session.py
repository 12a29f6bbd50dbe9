"""Session benchmarks (issue 8, Speed):

1. Double-clicking a project file: process start to the project shown and accepting input
   (``MainWindow.project_shown``: its first page has painted and the event loop is free; the
   pages it does not show are built after), as a ratio to a bare PySide6 window's first
   paint, both measured in the same run. Goal <= 2.5x (median). Also printed: the child's
   CPU time to that point against the bare window's, which holds better than the clock
   when other processes share the cores.
2. An edit reaching the live preview, debounce included, timed from the last edit to two
   moments: "page in view shows it" (``ReviewPage.preview_page_shown``: the page on screen
   shows the edit, from the quick first PDF) and "whole document updated"
   (``preview_updated``: the complete PDF, the one export and print reuse). Goal <= 1 s
   (median) for the first. Two kinds of edit: three keys typed 80 ms apart into a focused
   text field (the 200 ms typing debounce), then Undo (a discrete edit: 40 ms). Also
   printed: the render process's CPU time per typed edit.
3. The longest event-loop gap while editing with the live preview on. Goal <= 50 ms.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_session.py [--rounds 5]
    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_session.py --preview-only
    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_session.py --double-click-only

Prints the numbers; asserts nothing.

Last measured, double-click (23 Nov 2026, 22:09 UTC, 7 rounds, load average 0.5-0.7 on 2
cores), alternating with main (cc87c61) run from a second worktree (``PYTHONPATH`` and cwd
there, same venv): project shown 633 / 752 ms = 4.31x / 4.42x bare (CPU 600 / 719 ms =
4.13x / 4.30x) vs 948 / 875 ms = 5.90x / 5.00x before (CPU 922 / 850 ms); the longest
event-loop gap on the way 178 / 188 ms vs 294 / 327 ms. 2.5x is not reached. Where the
double-click's CPU time goes now (in process, moderate load): Python + Qt + the start page
painted ~210 ms (a bare window ~150); pydantic, the domain models, question bank, scoring
and results panel ~215 ms (pydantic's own import ~110 of it, model building ~50: both
needed to read the file); opening the file ~175 ms: the policy gaps the score depends on
(``Derived.result`` needs ``policy_complete``: the policy built once; in a quiet process
``rendering.policy``'s import ~20, the clause library ~10, Babel's import and locale data
~25, building the policy ~15, scoring ~4), then the readiness page with its
first point and the results panel ~55 ms; its paint ~35 ms. The other five points, pages
and policy steps are built after the project is shown (the build waits for that paint).
Tried and dropped: a thread importing pydantic during Qt's start (the first paint came
~80 ms later, the total about the same: the GIL), a raised gc threshold (no difference
beyond noise), 0 ms timers between build steps (no difference; they starve paints), not
painting the start page when a file is given (its show and paint are ~13 ms of CPU, and the
window has to show anyway).

The floor (24 Nov 2026, 00:10 UTC, 7 rounds, load average 0.3-0.6): the bare window painted
after the same file is read through pydantic and smready's models (no UI, no score) took
340 ms = 1.88x bare (359 ms = 2.06x in an earlier run), while the project was shown at
763 ms = 4.21x. What the floor leaves for 2.5x (~0.5x bare, ~80 ms here) is less than Qt's
``Qt`` namespace (~28 ms: its 93 enums are made on first use), the window and its page
(~60 ms) and the policy the score depends on (~60 ms) take, so 2.5x is out of reach without
showing a project before its file is validated or its score is known.

Edit -> preview, last measured (23 Nov 2026, 21:37-21:39 UTC, 7 rounds, load average
0.6-0.95 on 2 cores), the code before the two-step preview (main at 4c14cd2) and this one in
alternating runs of this script (``--preview-only``, ``PYTHONPATH`` set to each checkout):
typing -> page in view shows it 1682 / 1644 ms before (no first step: the whole document)
vs 952 / 794 ms now (min 715 ms); typing -> whole document 1682 / 1644 vs 1276 / 1021 ms;
undo -> page in view 1665 / 1651 vs 852 / 651 ms, whole document 1665 / 1651 vs
1174 / 917 ms; render process CPU per typed edit 1440 / 1410 vs 1060 / 990 ms; longest gap
while editing 29-34 vs 20-21 ms. Under load average 1.3-2.2 (21:33 and 21:53-21:55):
typing -> page in view 1022 / 1038 / 1219 / 735 ms (over the goal in three of four runs),
before 1537 / 1694 / 1597 / 1671 ms; the longest gap while editing then reached 63 ms once
(before: 76 ms), from the other processes on the two cores. Where the first step's time goes
after the debounce (timestamps in the worker): HTML ~15 ms, WeasyPrint styles, boxes and
layout of all nine pages 500-770 ms (the cover page three times: its contents' page numbers
need two more passes), the quick PDF of the page in view 40-70 ms, back to the screen
~20 ms; the complete tagged PDF then takes another 250-400 ms. The leader dots of the
contents drawn as runs (``pdf.LEADER_RUN``) took a third off writing the PDF.
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_startup import BARE_WINDOW, FIRST_PAINT, _time_child  # noqa: E402

# SHOWN is printed once the file named on the command line is open and its first page has
# painted, with the event loop free again (MainWindow.project_shown); READY once the rest of
# the workspace (the pages not shown yet) is built as well.
SMREADY_WITH_FILE = FIRST_PAINT + r"""
EXPECT_SHOWN = True
from smready.app import main
sys.exit(main(["smready", sys.argv[1]]))
"""

# The floor under any Qt + pydantic app that shows a project: the bare window, painted only
# after the same file has been read and validated through smready's pydantic models (pydantic
# imported, the domain models built, the file loaded). No smready UI, no score, no policy.
FLOOR = FIRST_PAINT + r"""
from smready.storage import load_project
load_project(sys.argv[1])
""" + BARE_WINDOW.split(FIRST_PAINT, 1)[1]


def double_click(rounds: int) -> None:
    example = ROOT / "examples" / "harbour-food-bank.smready"
    with tempfile.TemporaryDirectory() as data:
        env = dict(os.environ)
        env["SMREADY_DATA_DIR"] = data
        env["XDG_CONFIG_HOME"] = data
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        target = Path(data) / "harbour.smready"
        target.write_bytes(example.read_bytes())
        code = SMREADY_WITH_FILE.replace("sys.argv[1]", repr(str(target)))
        floor_code = FLOOR.replace("sys.argv[1]", repr(str(target)))
        _time_child(BARE_WINDOW, env)
        _time_child(code, env)
        _time_child(floor_code, env)
        bare: list[float] = []
        opened: list[float] = []
        complete: list[float] = []
        gaps: list[float] = []
        bare_cpu: list[float] = []
        opened_cpu: list[float] = []
        floor: list[float] = []
        for _ in range(rounds):
            seen = _time_child(BARE_WINDOW, env)
            bare.append(seen["PAINTED"])
            bare_cpu.append(seen["PAINTEDCPU"])
            seen = _time_child(code, env)
            opened.append(seen["SHOWN"])
            opened_cpu.append(seen["SHOWNCPU"])
            complete.append(seen["READY"])
            gaps.append(seen["GAP"])
            floor.append(_time_child(floor_code, env)["PAINTED"])
    ratio = statistics.median(opened) / statistics.median(bare)
    ms = lambda xs: statistics.median(xs) * 1000  # noqa: E731
    print(f"{'bare PySide6 window, first paint':44}{ms(bare):7.0f}ms  min {min(bare) * 1000:.0f}ms")
    print(f"{'file double-clicked: project shown':44}{ms(opened):7.0f}ms"
          f"  min {min(opened) * 1000:.0f}ms")
    print(f"{'ratio project shown / bare':44}{ratio:8.2f}x  goal <= 2.50x: "
          f"{'OK' if ratio <= 2.5 else 'OVER GOAL'}  ({rounds} rounds, medians)")
    print(f"{'floor: bare window after reading the file':44}{ms(floor):7.0f}ms"
          f"  = {statistics.median(floor) / statistics.median(bare):.2f}x bare"
          f"  (pydantic + smready's models, no UI)")
    print(f"{'  then the other pages built':44}{ms(complete):7.0f}ms")
    # CPU time of the child until then: steadier than the clock when others share the cores.
    print(f"{'CPU time: bare / project shown':44}{ms(bare_cpu):7.0f}ms / {ms(opened_cpu):.0f}ms"
          f" = {statistics.median(opened_cpu) / statistics.median(bare_cpu):.2f}x")
    print(f"{'longest event-loop gap, first paint to built':44}{ms(gaps):7.0f}ms"
          f"  max {max(gaps) * 1000:.0f}ms")


def _cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time of these processes (Linux /proc; 0 elsewhere)."""
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / os.sysconf("SC_CLK_TCK")


def edit_to_preview(rounds: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLineEdit

    from smready.storage import load_project
    from smready.ui.app import render_worker
    from smready.ui.app.controller import ProjectController
    from smready.ui.app.render_worker import shutdown_pool
    from smready.ui.pages.review import ReviewPage

    app = QApplication.instance() or QApplication(sys.argv[:1])
    controller = ProjectController(load_project(ROOT / "examples" / "cafe-aurora.smready"))
    page = ReviewPage(controller)
    # A text field for the organization's name, as on the wizard's first step: the user
    # types into it with the preview in view.
    field = QLineEdit(controller.project.organization.name, page)
    field.textEdited.connect(lambda text: controller.set("organization.name", text, "Rename"))
    layout = page.layout()
    assert layout is not None
    layout.addWidget(field)
    page.resize(1000, 800)
    page.show()
    page.activateWindow()

    stamps: list[float] = []
    ticker = QTimer()
    ticker.setInterval(10)
    ticker.timeout.connect(lambda: stamps.append(time.perf_counter()))

    page_shown: list[float] = []  # the page in view shows the edit (older code: no signal)
    if hasattr(page, "preview_page_shown"):
        page.preview_page_shown.connect(lambda: page_shown.append(time.perf_counter()))

    def wait_preview(timeout_s: float = 120.0) -> float:
        loop = QEventLoop()
        page.preview_updated.connect(loop.quit)
        guard = QTimer()
        guard.setSingleShot(True)
        guard.timeout.connect(loop.quit)
        guard.start(int(timeout_s * 1000))
        t0 = time.perf_counter()
        loop.exec()
        page.preview_updated.disconnect(loop.quit)
        return time.perf_counter() - t0

    def pause(seconds: float) -> None:
        until = time.perf_counter() + seconds
        while time.perf_counter() < until:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)

    wait_preview()  # the first preview starts the render process
    pool = render_worker._executor()
    workers = list(getattr(pool, "_processes", {}) or {})
    # kind of edit -> seconds from the last edit to the page in view / the whole document
    in_view: dict[str, list[float]] = {"typed": [], "undo": []}
    whole: dict[str, list[float]] = {"typed": [], "undo": []}
    gaps: list[float] = []
    worker_cpu: list[float] = []

    def measure(kind: str, last_edit: float) -> None:
        wait_preview()
        whole[kind].append(time.perf_counter() - last_edit)
        in_view[kind].append(page_shown[0] - last_edit if page_shown else whole[kind][-1])

    for _round in range(rounds):
        pause(0.3)
        stamps.clear()
        stamps.append(time.perf_counter())
        ticker.start()
        cpu_before = _cpu_seconds(workers)
        # Three keys typed 80 ms apart into the focused field, as someone typing a name;
        # the preview follows the last (the debounce for typing applies).
        field.setFocus()
        field.end(False)
        last_edit = time.perf_counter()
        for letter in "abc":
            QTest.keyClick(field, letter)
            last_edit = time.perf_counter()
            page_shown.clear()
            pause(0.08)
        measure("typed", last_edit)
        worker_cpu.append(_cpu_seconds(workers) - cpu_before)
        pause(0.3)
        # A discrete edit: Undo with the preview focused (the three letters go at once).
        page.view.setFocus()
        page_shown.clear()
        controller.undo_stack.undo()
        measure("undo", time.perf_counter())
        ticker.stop()
        stamps.append(time.perf_counter())
        gaps.append(max(b - a for a, b in itertools.pairwise(stamps)))
    page.close()
    shutdown_pool()
    ms = lambda xs: statistics.median(xs) * 1000  # noqa: E731
    median = statistics.median(in_view["typed"])
    print(f"{'typing -> page in view shows it':44}{median * 1000:7.0f}ms"
          f"  min {min(in_view['typed']) * 1000:.0f}ms  goal <= 1000ms: "
          f"{'OK' if median <= 1.0 else 'OVER GOAL'}  ({rounds} rounds, debounce incl.)")
    print(f"{'typing -> whole document updated':44}{ms(whole['typed']):7.0f}ms"
          f"  min {min(whole['typed']) * 1000:.0f}ms  (what export and print reuse)")
    print(f"{'undo -> page in view shows it':44}{ms(in_view['undo']):7.0f}ms"
          f"  min {min(in_view['undo']) * 1000:.0f}ms")
    print(f"{'undo -> whole document updated':44}{ms(whole['undo']):7.0f}ms"
          f"  min {min(whole['undo']) * 1000:.0f}ms")
    print(f"{'  render process CPU time per typed edit':44}{ms(worker_cpu):7.0f}ms"
          f"  (steadier on a shared machine)")
    print(f"{'longest event-loop gap while editing':44}{ms(gaps):7.0f}ms"
          f"  max {max(gaps) * 1000:.0f}ms  goal <= 50ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--preview-only", action="store_true",
                        help="only the edit -> preview part")
    parser.add_argument("--double-click-only", action="store_true",
                        help="only the double-click part")
    args = parser.parse_args()
    if not args.preview_only:
        double_click(args.rounds)
    if not args.double_click_only:
        edit_to_preview(args.rounds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
