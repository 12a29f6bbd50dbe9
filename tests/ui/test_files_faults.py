"""Issue 12, the app rows: a file changed on disk, recovery from another folder, an
unwritable autosave folder, hard links, and a logo path that came with a file."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from smready import storage
from smready.domain import OrgKind, Project
from smready.rendering.html import render_html
from smready.storage import autosave_dir, list_recoverable, load_project, save_project
from smready.ui.app.main_window import MainWindow
from tests.conftest import read_only_folder
from tests.ui.conftest import MessageLog, make_window, start_business

Button = QMessageBox.StandardButton

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00"
       b"\x00\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81"
       b"\x84\x00\x00\x00\x00IEND\xaeB`\x82")


def opened(qtbot: QtBot, path: Path, name: str = "Café Aurora") -> MainWindow:
    save_project(Project.new(name, OrgKind.SMALL_BUSINESS), path)
    window = make_window(qtbot)
    start_business(qtbot, window, "Scratch")
    assert window.files.open_path(path)
    return window


def edit(window: MainWindow) -> None:
    window.goals_page.add_goal()
    assert window.controller.dirty


def another_program_writes(path: Path, name: str = "Written elsewhere") -> bytes:
    save_project(Project.new(name, OrgKind.NONPROFIT), path)
    return path.read_bytes()


# ------------------------------------------------------------------ changed on disk


def test_save_asks_when_another_program_changed_the_file(
        qtbot: QtBot, tmp_path: Path, messages: MessageLog) -> None:
    path = tmp_path / "cafe.smready"
    window = opened(qtbot, path)
    edit(window)
    theirs = another_program_writes(path)

    messages.answer(Button.Cancel)
    window.save_action.trigger()
    assert "changed by another program" in messages.boxes[-1][1]
    assert path.read_bytes() == theirs and window.controller.dirty

    messages.answer(Button.Yes)  # Overwrite
    window.save_action.trigger()
    assert load_project(path).organization.name == "Café Aurora"
    assert load_project(path).goals
    assert (tmp_path / "cafe.smready.bak").read_bytes() == theirs
    assert not window.controller.dirty

    # Our own save is not "a change by another program"; a mere touch is not either.
    count = len(messages.boxes)
    os.utime(path, (1, 1))
    edit(window)
    window.save_action.trigger()
    assert len(messages.boxes) == count and not window.controller.dirty


def test_reload_shows_the_other_version(qtbot: QtBot, tmp_path: Path,
                                        messages: MessageLog) -> None:
    path = tmp_path / "cafe.smready"
    window = opened(qtbot, path)
    edit(window)
    theirs = another_program_writes(path)
    messages.answer(Button.Reset)  # Reload
    window.save_action.trigger()
    assert window.controller.project.organization.name == "Written elsewhere"
    assert not window.controller.dirty
    assert path.read_bytes() == theirs


def test_save_as_keeps_both_versions(qtbot: QtBot, tmp_path: Path, messages: MessageLog,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "cafe.smready"
    window = opened(qtbot, path)
    edit(window)
    theirs = another_program_writes(path)
    mine = tmp_path / "mine.smready"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *_a, **_k: (str(mine), "")))
    messages.answer(Button.Save)  # Save as…
    window.save_action.trigger()
    assert path.read_bytes() == theirs
    assert load_project(mine).organization.name == "Café Aurora"
    assert window.controller.path == mine


# ------------------------------------------------------------------ recovery from elsewhere


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_recovery_from_another_folder_saves_to_the_original_file(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        messages: MessageLog) -> None:
    home = tmp_path / "home"
    home.mkdir()
    save_project(Project.new("Café Aurora", OrgKind.SMALL_BUSINESS), home / "cafe.smready")
    monkeypatch.chdir(home)
    first = make_window(qtbot)
    start_business(qtbot, first, "Scratch")
    assert first.files.open_path(Path("cafe.smready"))  # a relative path, as typed
    edit(first)
    first.files.autosave_now()
    first.files.autosave_timer.stop()
    envelope = json.loads(next(autosave_dir().glob("*.autosave")).read_text("utf-8"))
    assert envelope["source_path"] == str(home / "cafe.smready")
    lock = first.files.lock
    assert lock is not None
    lock.lock_file.write_text(json.dumps({"pid": dead_pid(), "hostname": socket.gethostname()}))

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    monkeypatch.setattr(storage.datadir, "_SESSION_ID", "restarted")
    second = make_window(qtbot)
    messages.answer(Button.Yes)  # Recover
    assert second.offer_recovery()
    second.save_action.trigger()
    assert load_project(home / "cafe.smready").goals
    assert list(elsewhere.iterdir()) == []


# ------------------------------------------------------------------ unwritable autosave


def test_an_unwritable_autosave_folder_warns_once_and_the_app_works(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        messages: MessageLog) -> None:
    not_a_folder = tmp_path / "data-is-a-file"
    not_a_folder.write_text("x")
    monkeypatch.setenv("SMREADY_DATA_DIR", str(not_a_folder))
    window = make_window(qtbot)
    start_business(qtbot, window)
    assert messages.boxes == []  # no "smready cannot start"
    assert window.current_page() is not window.start_page
    edit(window)
    assert window.files.autosave_now() is None
    assert window.files.autosave_now() is None
    status = window.status_label.text()
    assert status.count("Autosave is off") == 1 and "Ctrl+S" in status
    assert messages.boxes == []  # a line in the status bar, not a dialog each time
    target = tmp_path / "cafe.smready"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *_a, **_k: (str(target), "")))
    window.save_action.trigger()
    assert load_project(target).goals
    # Quit → Don't save ends cleanly (pytest-qt fails the test on an exception raised
    # inside Qt's close handling).
    edit(window)
    messages.answer(Button.Discard)
    assert window.close()


def test_an_autosave_folder_going_read_only_later(qtbot: QtBot, messages: MessageLog) -> None:
    window = make_window(qtbot)
    start_business(qtbot, window)
    edit(window)
    assert window.files.autosave_now() is not None
    assert "Autosave is off" not in window.status_label.text()
    with read_only_folder(autosave_dir()):
        edit(window)
        assert window.files.autosave_now() is None
        assert window.status_label.text().count("Autosave is off") == 1
        messages.answer(Button.Discard)
        assert window.close()
    assert [b for b in messages.boxes if "Unsaved changes" in b[0]]
    assert len(messages.boxes) == 1


# ------------------------------------------------------------------ identity


def test_the_same_file_through_a_hard_link_counts_as_open(
        qtbot: QtBot, tmp_path: Path, messages: MessageLog) -> None:
    path = tmp_path / "harbour.smready"
    save_project(Project.new("Harbour Food Bank", OrgKind.NONPROFIT), path)
    alias = tmp_path / "alias.smready"
    os.link(path, alias)
    # Another live smready (our parent process stands in for it) holds the file.
    lock_file = storage.ProjectLock(path).lock_file
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    lock_file.write_text(json.dumps({"pid": os.getppid(), "hostname": socket.gethostname(),
                                     "source_path": str(path)}))
    window = make_window(qtbot)
    start_business(qtbot, window)
    messages.answer(Button.Cancel)
    assert not window.files.open_path(alias)
    assert "open in another smready window" in messages.boxes[-1][1]
    assert f"process {os.getppid()}" in messages.boxes[-1][1]
    assert window.controller.project.organization.name == "Café Aurora"


# ------------------------------------------------------------------ logo


def test_a_logo_path_from_a_file_is_embedded_only_once_confirmed(
        qtbot: QtBot, tmp_path: Path, messages: MessageLog) -> None:
    logo = tmp_path / "private-photo.png"
    logo.write_bytes(PNG)
    path = tmp_path / "sent-to-me.smready"
    project = Project.new("Sent to me", OrgKind.NONPROFIT)
    project.organization.logo_path = str(logo)
    save_project(project, path)

    window = make_window(qtbot)
    start_business(qtbot, window)
    messages.answer(Button.No)
    assert window.files.open_path(path)
    assert "names a logo file" in messages.boxes[-1][1] and str(logo) in messages.boxes[-1][1]
    org = window.controller.project.organization
    assert org.logo_path == str(logo)  # still shown in the organization step
    assert org.logo_to_embed is None
    assert "data:image/png" not in render_html(window.controller.project, "policy")
    edits = [e for e in window.findChildren(QLineEdit) if e.accessibleName() == "Logo file"]
    assert all(e.text() == str(logo) for e in edits)

    messages.answer(Button.Yes)
    assert window.files.open_path(path)
    assert "data:image/png" in render_html(window.controller.project, "policy")
    # Agreed once: not asked again for the same logo file.
    count = len(messages.boxes)
    assert window.files.open_path(path)
    assert len(messages.boxes) == count
    assert window.controller.project.organization.logo_to_embed == str(logo)


def test_a_logo_picked_in_the_app_is_embedded(qtbot: QtBot, tmp_path: Path,
                                              messages: MessageLog) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(PNG)
    window = make_window(qtbot)
    start_business(qtbot, window)
    # What the organization step does when the user picks or types a logo file.
    window.controller.set("organization.logo_path", str(logo), "Logo")
    assert "data:image/png" in render_html(window.controller.project, "policy")
    assert messages.boxes == []
    assert list_recoverable() == []


def test_opening_a_file_with_a_number_too_large_says_so(qtbot: QtBot, tmp_path: Path,
                                                       messages: MessageLog) -> None:
    data = Project.new("Huge", OrgKind.NONPROFIT).model_dump(mode="json")
    data["readiness"]["answers"]["resources.hours_per_week"] = "HUGE"
    path = tmp_path / "huge.smready"
    path.write_text(json.dumps(data).replace('"HUGE"', "1e400"), encoding="utf-8")
    window = make_window(qtbot)
    start_business(qtbot, window)
    assert not window.files.open_path(path)
    title, text, _advice = messages.boxes[-1]
    assert title == "Cannot open the project" and "1e400 is too large" in text
    assert window.controller.project.organization.name == "Café Aurora"
    edit(window)
    assert window.files.autosave_now() is not None  # autosave still works
