"""The render worker processes never outlive the app, even when it is killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from smready.ui.app import render_worker
from smready.ui.app.render_worker import RenderCancelled
from tests.ui.conftest import example
from tests.ui.test_files_faults import PNG

CHILD = """
import os, sys
from smready.ui.app import render_worker
render_worker.warm_up()  # starts a worker process and waits until it has loaded WeasyPrint
pool = render_worker._executor()
print(" ".join(str(pid) for pid in pool._processes), flush=True)
sys.stdin.read()  # wait to be killed
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie still answers kill(0); it is gone for our purpose.
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[-1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses /proc")
def test_workers_exit_when_the_app_is_killed() -> None:
    with subprocess.Popen([sys.executable, "-c", CHILD], stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE, text=True) as app:
        assert app.stdout is not None
        workers = [int(pid) for pid in app.stdout.readline().split()]
        assert workers and all(_alive(pid) for pid in workers)
        app.send_signal(signal.SIGKILL)  # a crash: no atexit, no pool shutdown
        app.wait()
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in workers)


def test_a_superseded_preview_is_cancelled_and_exports_never_are() -> None:
    project = example("cafe-aurora")
    older = render_worker.supersede()
    newest = render_worker.supersede()
    with pytest.raises(RenderCancelled):
        render_worker.render_pdf(project, "policy", "a4", older)
    assert render_worker.render_pdf(project, "acknowledgement", "a4", newest) \
        .startswith(b"%PDF")
    render_worker.supersede()
    # Without a generation (export, print) nothing cancels the render.
    assert render_worker.render_pdf(project, "acknowledgement", "a4").startswith(b"%PDF")


def test_a_preview_hands_over_the_page_in_view_before_the_complete_pdf() -> None:
    import io

    from pypdf import PdfReader

    project = example("cafe-aurora")
    generation = render_worker.supersede()
    firsts: list[bytes] = []
    complete = render_worker.render_preview(project, "policy", "a4", generation, (0,),
                                            firsts.append)
    # The quick PDF came through the worker's queue before the complete one was returned.
    assert len(firsts) == 1
    quick = [page.extract_text() for page in PdfReader(io.BytesIO(firsts[0])).pages]
    whole = [page.extract_text() for page in PdfReader(io.BytesIO(complete)).pages]
    assert len(quick) == len(whole) > 2
    assert "Café Aurora" in quick[0] and not quick[1].strip() and whole[1].strip()
    # The complete one is the PDF an export renders.
    assert complete == render_worker.render_pdf(project, "policy", "a4")


@pytest.mark.parametrize("agreed", [True, False])
def test_the_logo_the_user_agreed_to_reaches_the_preview_and_the_export(
        tmp_path: object, agreed: bool) -> None:
    """Jobs carry the project as JSON, which holds the logo's path but not the user's
    agreement to embed it: the app's previews and exports had no logo at all."""
    import io
    from pathlib import Path

    from pypdf import PdfReader

    logo = Path(str(tmp_path)) / "logo.png"
    logo.write_bytes(PNG)
    project = example("cafe-aurora")
    project.organization.logo_path = str(logo)
    if agreed:
        project.organization.confirm_logo()
    status, data = render_worker._pdf_job(render_worker._sent(project), "policy", "a4")
    assert status == "ok"
    images = [image for page in PdfReader(io.BytesIO(data)).pages for image in page.images]
    assert bool(images) is agreed
