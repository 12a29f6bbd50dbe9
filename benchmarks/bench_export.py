"""Export speed: our pipeline against the WeasyPrint command line, and a big policy against
a normal one. Prints ratios; asserts nothing about absolute times.

* "pipeline" = ``smready-cli export FILE --doc policy --format pdf -o OUT`` run as a
  subprocess (project load, validation, HTML rendering, safe fetcher, tagged PDF/UA-1),
  exactly what a user runs.
* "weasyprint CLI" = ``.venv/bin/weasyprint in.html out.pdf`` on the very same HTML, also a
  subprocess; shown both plain and with ``--pdf-variant pdf/ua-1`` (what we produce).
* The big policy (100 people, 30 platforms) is compared with the ~10-page one both as whole
  CLI runs and as in-process render time (which excludes the fixed interpreter start-up).

Goals: pipeline / weasyprint CLI <= 1.2x; big / normal <= 5x. Median of a few runs each.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from smready.domain import (  # noqa: E402
    Contact,
    OfficialAccount,
    Project,
    Responsibility,
    Spokesperson,
    TaskKind,
)
from smready.rendering import pdf_bytes, render_html  # noqa: E402
from smready.storage import load_project, save_project  # noqa: E402

BIN = Path(sys.executable).parent
LOREM = (
    "Posts about the weekly menu go out on Monday mornings; photos are taken in daylight "
    "near the window and checked by the shift manager before they are published. "
    "Replies to customers are friendly and short, and anything about allergies goes to "
    "the kitchen lead the same day.\n\n"
)
RUNS = 3


def ten_page_project() -> Project:
    project = load_project(ROOT / "examples" / "cafe-aurora.smready")
    pol = project.policy
    pol.spokespeople = [*pol.spokespeople, *(
        Spokesperson(name=f"Extra Person {i}", role="Barista", topics="events, menu",
                     contact=f"extra{i}@example.org") for i in range(6))]
    pol.escalation.crisis_contacts = [*pol.escalation.crisis_contacts,
                                      Contact(name="Night Manager", phone="+358 40 000")]
    pol.hr.extra_rules = LOREM * 14
    pol.privacy.notes = LOREM * 8
    return project


def fifty_page_project() -> Project:
    project = load_project(ROOT / "examples" / "cafe-aurora.smready")
    pol = project.policy
    tasks = list(TaskKind)
    pol.spokespeople = [
        Spokesperson(name=f"Spokesperson Number {i:03d}", role="Team member",
                     topics="menu, events, opening hours, catering", contact=f"p{i}@example.org",
                     may_approve_posts=i % 10 == 0) for i in range(100)]
    pol.responsibilities = [
        Responsibility(task=tasks[i % len(tasks)], person=f"Spokesperson Number {i:03d}",
                       backup=f"Spokesperson Number {(i + 1) % 100:03d}",
                       response_time="within 4 working hours") for i in range(100)]
    pol.accounts = [
        OfficialAccount(platform=f"Network {i:02d}", handle=f"@cafe_aurora_{i}",
                        owner=f"Spokesperson Number {i:03d}",
                        purpose="Announcements, replies to customers and weekly offers")
        for i in range(30)]
    pol.escalation.crisis_contacts = [
        Contact(name=f"Spokesperson Number {i:03d}", role="Manager",
                email=f"p{i}@example.org", phone="+358 40 000 0000") for i in range(20)]
    pol.training.ambassadors = [f"Ambassador {i:03d}" for i in range(100)]
    # Long answers in six free-text fields (each under the 20,000-character cap).
    for model, name in ((pol.hr, "extra_rules"), (pol.privacy, "notes"), (pol, "values_voice"),
                        (pol.scope, "notes"), (pol.hr, "respect_note"),
                        (pol.hr, "copyright_note")):
        setattr(model, name, LOREM * 58)
    return project


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - start


def median(fn: object, runs: int = RUNS) -> float:
    return statistics.median(fn() for _ in range(runs))  # type: ignore[operator]


def page_count(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        normal, big = tmp / "normal.smready", tmp / "big.smready"
        save_project(ten_page_project(), normal)
        save_project(fifty_page_project(), big)
        html = tmp / "normal.html"
        html.write_text(render_html(ten_page_project(), "policy"), encoding="utf-8")

        def cli(src: Path, out: Path) -> float:
            return timed([str(BIN / "smready-cli"), "export", str(src), "--doc", "policy",
                          "--format", "pdf", "-o", str(out)])

        ours = median(lambda: cli(normal, tmp / "ours.pdf"))
        plain = median(lambda: timed([str(BIN / "weasyprint"), str(html), str(tmp / "w.pdf")]))
        tagged = median(lambda: timed([str(BIN / "weasyprint"), "--pdf-variant", "pdf/ua-1",
                                       str(html), str(tmp / "wt.pdf")]))
        ours_big = median(lambda: cli(big, tmp / "big.pdf"))
        pages, pages_big = page_count(tmp / "ours.pdf"), page_count(tmp / "big.pdf")

        # In process, engine already imported: the document work alone.
        pdf_bytes(ten_page_project(), "policy")
        small_p, big_p = ten_page_project(), fifty_page_project()
        inproc = median(lambda: _clock(lambda: pdf_bytes(small_p, "policy")))
        inproc_big = median(lambda: _clock(lambda: pdf_bytes(big_p, "policy")))

    print(f"policy ~10 pages ({pages} pages), smready-cli export (subprocess): "
          f"{ours:6.2f} s")
    print(f"same HTML, weasyprint CLI (subprocess):                      {plain:6.2f} s")
    print(f"same HTML, weasyprint CLI --pdf-variant pdf/ua-1:            {tagged:6.2f} s")
    print(f"ratio pipeline / weasyprint CLI:           {ours / plain:5.2f}x  (goal <= 1.20x)")
    print(f"ratio pipeline / weasyprint CLI pdf/ua-1:  {ours / tagged:5.2f}x")
    print(f"big policy ({pages_big} pages, 100 people, 30 platforms), smready-cli export: "
          f"{ours_big:6.2f} s")
    print(f"ratio big / normal, whole CLI run:         {ours_big / ours:5.2f}x  (goal <= 5x)")
    print(f"ratio big / normal, in-process render:     {inproc_big / inproc:5.2f}x  "
          f"({inproc_big:.2f} s vs {inproc:.2f} s)")
    return 0


def _clock(fn: object) -> float:
    start = time.perf_counter()
    fn()  # type: ignore[operator]
    return time.perf_counter() - start


if __name__ == "__main__":
    raise SystemExit(main())
