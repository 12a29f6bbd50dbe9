"""Files and safety: save/open, bad files, autosave, crash recovery, locks, recent files."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from smready import storage
from smready.domain import OrgKind, Project
from smready.storage import autosave_dir, list_recoverable, load_project
from smready.ui.app.files import AUTOSAVE_DELAY_MS
from smready.ui.app.main_window import GOALS, MainWindow
from tests.ui.conftest import MessageLog, make_window, shown_title, start_business

Button = QMessageBox.StandardButton






def answer(qtbot: QtBot, window: MainWindow, qid: str, option: str) -> None:
    page = window.readiness_page
    for index, view in enumerate(page.point_views):
        if qid in view.editors:
            page.go_to(index)
    button = page.editor(qid).buttons()[option]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(6, button.height() // 2))



def window_with_one_answer(qtbot: QtBot) -> MainWindow:
    """A new small-business project with its first question answered (unsaved)."""
    window = make_window(qtbot)
    start_business(qtbot, window)
    answer(qtbot, window, "reason.why", "yes")
    return window

def dialogs(monkeypatch: pytest.MonkeyPatch, *, save: Path | None = None,
            open_: Path | None = None) -> None:
    if save is not None:
        monkeypatch.setattr(QFileDialog, "getSaveFileName",
                            staticmethod(lambda *_a, **_k: (str(save), "")))
    if open_ is not None:
        monkeypatch.setattr(QFileDialog, "getOpenFileName",
                            staticmethod(lambda *_a, **_k: (str(open_), "")))


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_save_writes_a_file_that_loads(qtbot: QtBot, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(qtbot)
    start_business(qtbot, window)
    answer(qtbot, window, "reason.why", "partly")
    target = tmp_path / "docs" / "cafe"
    target.parent.mkdir()
    dialogs(monkeypatch, save=target)
    window.save_action.trigger()
    saved = target.with_name("cafe.smready")
    assert saved.is_file()
    loaded = load_project(saved)
    assert loaded.organization.name == "Café Aurora"
    assert loaded.readiness.answers == {"reason.why": "partly"}
    assert window.controller.path == saved
    assert not window.controller.dirty
    assert shown_title(window) == "Café Aurora — smready"
    assert window.status_label.text().startswith("Saved ")
    assert str(saved) in window.status_label.text()
    # Recent files remember it, newest first, on the start page too.
    assert window.files.recent_files()[0] == saved.resolve()
    assert window.start_page.recent_list.count() == 1
    # A second save goes to the same file without asking.
    dialogs(monkeypatch, save=tmp_path / "never.smready")
    answer(qtbot, window, "reason.why", "yes")
    window.save_action.trigger()
    assert load_project(saved).readiness.answers == {"reason.why": "yes"}
    assert not (tmp_path / "never.smready").exists()


def test_save_failure_keeps_answers_and_says_so(qtbot: QtBot, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch,
                                                messages: MessageLog) -> None:
    window = window_with_one_answer(qtbot)
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    dialogs(monkeypatch, save=blocker / "cafe.smready")
    window.save_action.trigger()
    assert len(messages.boxes) == 1
    title, text, informative = messages.boxes[0]
    assert title == "Cannot save the project"
    assert "a-file" in text
    assert "Your answers are still here — choose another folder." in informative
    assert window.controller.dirty
    assert window.controller.project.readiness.answers == {"reason.why": "yes"}
    assert window.controller.path is None


@pytest.mark.parametrize("content", [b"not json at all", b'{"schema_version": 99}',
                                     b"\xff\xfe\x00garbage"])
def test_bad_file_shows_message_and_keeps_project(qtbot: QtBot, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  messages: MessageLog, content: bytes) -> None:
    window = make_window(qtbot)
    start_business(qtbot, window)
    window.show_page(GOALS)
    window.goals_page.add_goal()
    project = window.controller.project
    bad = tmp_path / "bad.smready"
    bad.write_bytes(content)
    dialogs(monkeypatch, open_=bad)
    messages.answer(Button.Discard)  # "save changes?" -> don't save, then the error box
    window.open_action.trigger()
    assert [b[0] for b in messages.boxes] == ["Unsaved changes", "Cannot open the project"]
    assert "bad.smready" in messages.boxes[1][1]
    assert window.controller.project is project
    assert window.current_page() is window.goals_page


def test_missing_recent_file_is_reported_and_forgotten(qtbot: QtBot, tmp_path: Path,
                                                       messages: MessageLog) -> None:
    window = make_window(qtbot)
    gone = tmp_path / "gone.smready"
    window.files.add_recent(gone)
    assert window.start_page.recent_list.count() == 1
    item = window.start_page.recent_list.item(0)
    window.start_page.recent_list.itemActivated.emit(item)
    assert messages.boxes and messages.boxes[0][0] == "Cannot open the project"
    assert window.files.recent_files() == []
    assert window.central.currentWidget() is window.start_page


def test_recent_files_keep_eight(qtbot: QtBot, tmp_path: Path) -> None:
    window = make_window(qtbot)
    for n in range(10):
        window.files.add_recent(tmp_path / f"p{n}.smready")
    recent = window.files.recent_files()
    assert len(recent) == 8
    assert recent[0].name == "p9.smready"
    assert len([a for a in window.recent_menu.actions() if not a.isSeparator()]) == 9


def test_autosave_timer_and_page_switch(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    start_business(qtbot, window)
    timer = window.files.autosave_timer
    assert not timer.isActive()
    answer(qtbot, window, "reason.why", "yes")
    assert timer.isActive() and timer.interval() == AUTOSAVE_DELAY_MS
    assert not list(autosave_dir().glob("*.autosave"))
    window.nav.setCurrentRow(GOALS)  # a page switch writes the autosave at once
    assert len(list(autosave_dir().glob("*.autosave"))) == 1
    assert not timer.isActive()
    assert "autosaved" in window.status_label.text()
    # Nothing to recover while this window is alive and holds its lock.
    assert list_recoverable() == []


def test_autosave_after_crash_is_offered_and_restores_answers(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        messages: MessageLog) -> None:
    first = make_window(qtbot)
    start_business(qtbot, first)
    saved = tmp_path / "cafe.smready"
    dialogs(monkeypatch, save=saved)
    first.save_action.trigger()
    answer(qtbot, first, "reason.why", "partly")
    answer(qtbot, first, "sites.audience", "yes")
    first.files.autosave_timer.timeout.emit()  # the 30 s timer fires
    answers = dict(first.controller.project.readiness.answers)
    assert len(list(autosave_dir().glob("*.autosave"))) == 1

    # The "crash": the window is never closed; its lock now names a dead process.
    lock = first.files.lock
    assert lock is not None and lock.lock_file.exists()
    first.files.autosave_timer.stop()
    lock.lock_file.write_text(json.dumps({"pid": dead_pid(), "hostname": socket.gethostname()}))

    second = make_window(qtbot)
    messages.answer(Button.Yes)  # Recover
    assert second.offer_recovery()
    title, text, _info = messages.boxes[-1]
    assert title == "Recover unsaved work?"
    assert "Café Aurora" in text
    assert second.controller.project.readiness.answers == answers
    assert second.controller.path == saved
    assert second.controller.dirty
    assert second.current_page() is second.readiness_page
    assert shown_title(second) == "Café Aurora* — smready"
    # The lock is ours now, and the old autosave is not offered again.
    assert second.files.lock is not None and second.files.lock.held
    assert json.loads(lock.lock_file.read_text())["pid"] == os.getpid()
    assert list_recoverable() == []


def test_recovery_can_be_discarded(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
                                   messages: MessageLog) -> None:
    first = make_window(qtbot)
    start_business(qtbot, first, "Harbour Food Bank")
    answer(qtbot, first, "reason.why", "no")
    first.files.autosave_now()
    lock = first.files.lock
    assert lock is not None
    first.files.autosave_timer.stop()
    lock.lock_file.write_text(json.dumps({"pid": dead_pid(), "hostname": socket.gethostname()}))
    assert [r.project_name for r in list_recoverable()] == ["Harbour Food Bank"]

    # The restart is a new process: its untitled project gets a slot of its own.
    monkeypatch.setattr(storage.datadir, "_SESSION_ID", "restarted")
    second = make_window(qtbot)
    messages.answer(Button.Discard)
    assert not second.offer_recovery()
    assert "Harbour Food Bank" in messages.boxes[-1][1]
    assert list_recoverable() == []
    assert second.central.currentWidget() is second.start_page


def test_project_open_elsewhere_opens_as_copy(qtbot: QtBot, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch,
                                              messages: MessageLog) -> None:
    window = make_window(qtbot)
    start_business(qtbot, window)
    other = tmp_path / "harbour.smready"
    storage.save_project(Project.new("Harbour Food Bank", OrgKind.NONPROFIT), other)
    # Another live smready (our parent process stands in for it) holds that file.
    lock_file = storage.ProjectLock(other).lock_file
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    lock_file.write_text(json.dumps({"pid": os.getppid(), "hostname": socket.gethostname()}))
    messages.answer(Button.Cancel)
    assert not window.files.open_path(other)
    assert "open in another smready window" in messages.boxes[-1][1]
    assert window.controller.project.organization.name == "Café Aurora"
    messages.answer(Button.Open)
    assert window.files.open_path(other)
    assert window.controller.project.organization.name == "Harbour Food Bank"
    assert window.controller.path is None
    assert window.files.copy_of == other
    assert "Copy of" in window.status_label.text()
    # Saving the copy asks for a new name instead of overwriting the locked file.
    copy = tmp_path / "copy.smready"
    dialogs(monkeypatch, save=copy)
    window.goals_page.add_goal()
    window.save_action.trigger()
    assert window.controller.path == copy and copy.is_file()
    assert json.loads(lock_file.read_text())["pid"] == os.getppid()


def test_clean_close_leaves_no_autosave_or_lock(qtbot: QtBot, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch,
                                                messages: MessageLog) -> None:
    window = window_with_one_answer(qtbot)
    window.files.autosave_now()
    dialogs(monkeypatch, save=tmp_path / "x.smready")
    messages.answer(Button.Save)
    assert window.close()
    assert load_project(tmp_path / "x.smready").readiness.answers == {"reason.why": "yes"}
    assert not list(autosave_dir().glob("*.autosave"))
    assert not list(autosave_dir().glob("*.lock"))
