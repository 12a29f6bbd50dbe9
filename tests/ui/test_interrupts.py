"""Ctrl-C in the terminal that started smready, and SIGTERM: the app stops (a real signal
to a real app process, not a raised KeyboardInterrupt) and unsaved work is kept for
recovery. Before, a Ctrl-C did nothing while the window waited for input."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from smready.storage import load_project

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

# The app's real entry point; once the project is shown, one edit (unsaved) or none.
CHILD = r"""
import sys
from PySide6.QtWidgets import QMainWindow

EDIT = sys.argv[2] == "edit"
_show = QMainWindow.show
def show(self):
    if hasattr(self, "project_shown"):
        def shown():
            if EDIT:
                self.controller.set("organization.name", "Café Aurora (renamed)", "Rename")
            print("READY", flush=True)
        self.project_shown.connect(shown)
    _show(self)
QMainWindow.show = show
from smready.app import main
sys.exit(main(["smready", sys.argv[1]]))
"""


def run_and_stop(tmp_path: Path, edit: bool, signum: int) -> tuple[Path, int, str]:
    project = tmp_path / "cafe.smready"
    shutil.copy(EXAMPLES / "cafe-aurora.smready", project)
    env = dict(os.environ, SMREADY_DATA_DIR=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), QT_QPA_PLATFORM="offscreen",
               LANGUAGE="en", LC_ALL="C.UTF-8")
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(project), "edit" if edit else "none"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "READY"
        child.send_signal(signum)
        _out, err = child.communicate(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    return project, child.returncode, err


def recoverable(tmp_path: Path) -> list[str]:
    os.environ["SMREADY_DATA_DIR"] = str(tmp_path / "data")
    try:
        from smready.storage.autosave import list_recoverable

        return [r.load().organization.name for r in list_recoverable()]
    finally:
        del os.environ["SMREADY_DATA_DIR"]


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_stops_the_app_and_keeps_unsaved_work(tmp_path: Path, signum: int) -> None:
    project, code, err = run_and_stop(tmp_path, edit=True, signum=signum)
    assert code == 128 + signum
    lines = [line for line in err.splitlines() if "propagateSizeHints" not in line]
    assert lines == ["smready: Stopped. Your unsaved changes to “Café Aurora (renamed)” are "
                     "kept: smready offers to recover them the next time it starts."]
    # The file itself is as it was saved; the change waits in the autosave, not locked.
    assert load_project(project).organization.name == "Café Aurora"
    assert recoverable(tmp_path) == ["Café Aurora (renamed)"]


def test_without_unsaved_work_ctrl_c_stops_quietly_and_leaves_nothing(tmp_path: Path) -> None:
    _project, code, err = run_and_stop(tmp_path, edit=False, signum=signal.SIGINT)
    assert code == 130
    assert [line for line in err.splitlines() if "propagateSizeHints" not in line] == []
    assert recoverable(tmp_path) == []
    leftovers = [p.name for p in (tmp_path / "data").rglob("*") if p.is_file()]
    assert not [name for name in leftovers if name.endswith((".lock", ".autosave"))], leftovers


def test_when_the_work_cannot_be_kept_the_app_asks_instead_of_stopping(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        tmp_path: Path) -> None:
    import errno

    from PySide6.QtWidgets import QApplication

    from smready.ui.app import files as files_module
    from smready.ui.app.interrupts import stop_window
    from tests.ui.conftest import make_window, start_business

    window = make_window(qtbot)
    start_business(qtbot, window, "Corner")
    window.controller.set("organization.name", "Corner Shop", "Rename")
    assert window.files.has_unsaved_work

    def disk_full(*args: object) -> Path:
        raise OSError(errno.ENOSPC, "No space left on device")

    exits: list[int] = []
    closes: list[bool] = []
    monkeypatch.setattr(files_module, "write_autosave", disk_full)
    monkeypatch.setattr(QApplication, "exit", staticmethod(exits.append))  # never the real one
    monkeypatch.setattr(window, "close", lambda: closes.append(True))
    stop_window(window, signal.SIGINT)
    assert exits == [] and closes == [True]  # the usual Save / Don't save / Cancel question
    assert capsys.readouterr().err == (
        "smready: Not stopped: your unsaved changes to “Corner Shop” could not be written "
        "anywhere. Save them, or close the window.\n")
