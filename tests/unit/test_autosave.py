"""Autosave, crash recovery and project locks (no Qt)."""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from smready import storage
from smready.domain import OrgKind, Project
from smready.storage import ProjectLock, list_recoverable, write_autosave


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("SMREADY_DATA_DIR", str(folder))
    return folder


def _dead_pid() -> int:
    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    return int(proc.stdout)


def _project(name: str = "Food Bank") -> Project:
    project = Project.new(name, OrgKind.NONPROFIT)
    project.readiness.answers["reason.why"] = "partly"
    return project


def test_autosave_dir_follows_the_override_and_xdg(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert storage.autosave_dir() == data_dir / "autosave"
    monkeypatch.delenv("SMREADY_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    if sys.platform.startswith("linux"):
        assert storage.autosave_dir() == tmp_path / "xdg" / "smready" / "autosave"
        monkeypatch.delenv("XDG_DATA_HOME")
        assert storage.autosave_dir() == (
            Path.home() / ".local" / "share" / "smready" / "autosave")


def test_crashed_autosave_is_offered_with_name_and_time(tmp_path: Path) -> None:
    source = tmp_path / "foodbank.smready"
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    project = _project()
    written = write_autosave(project, source)
    assert written.parent == storage.autosave_dir()
    [recovery] = list_recoverable()
    assert recovery.project_name == "Food Bank"
    assert recovery.source_path == source
    assert before <= recovery.saved_at <= dt.datetime.now(dt.UTC)
    assert recovery.load() == project
    assert recovery.load().readiness.answers == {"reason.why": "partly"}


def test_one_autosave_per_project_is_overwritten_in_place(tmp_path: Path) -> None:
    source = tmp_path / "a.smready"
    first = write_autosave(_project("First"), source)
    second = write_autosave(_project("Second"), source)
    assert first == second
    untitled = write_autosave(_project("Untitled draft"), None)
    assert untitled != first
    names = sorted(r.project_name for r in list_recoverable())
    assert names == ["Second", "Untitled draft"]
    assert [p.name for p in storage.autosave_dir().iterdir() if p.name.endswith(".tmp")] == []


def test_a_live_lock_hides_the_autosave(tmp_path: Path) -> None:
    source = tmp_path / "open.smready"
    lock = ProjectLock(source)
    assert lock.acquire()
    write_autosave(_project(), source)
    assert list_recoverable() == []
    lock.release()
    assert [r.project_name for r in list_recoverable()] == ["Food Bank"]


def test_lock_held_by_another_live_process_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "shared.smready"
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys; from pathlib import Path; from smready.storage import ProjectLock\n"
         "lock = ProjectLock(Path(sys.argv[1])); print(lock.acquire(), flush=True)\n"
         "sys.stdin.read(); lock.release()", str(source)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=os.environ.copy())
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "True"
        mine = ProjectLock(source)
        assert mine.acquire() is False
        assert f"process {holder.pid} on {socket.gethostname()}" == mine.owner()
        write_autosave(_project(), source)
        assert list_recoverable() == []  # the other window still has it open
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)
        assert holder.stdout is not None
        holder.stdout.close()
    # Released on its clean exit: now it is ours.
    assert ProjectLock(source).acquire()


def test_stale_lock_of_a_dead_process_is_taken_over(tmp_path: Path) -> None:
    source = tmp_path / "crashed.smready"
    lock = ProjectLock(source)
    lock.lock_file.parent.mkdir(parents=True)
    lock.lock_file.write_text(json.dumps({"pid": _dead_pid(),
                                          "hostname": socket.gethostname()}))
    write_autosave(_project("Crashed"), source)
    assert [r.project_name for r in list_recoverable()] == ["Crashed"]
    assert lock.acquire()
    assert json.loads(lock.lock_file.read_text())["pid"] == os.getpid()
    assert list_recoverable() == []
    lock.release()
    assert not lock.lock_file.exists()


def test_garbage_lock_file_is_taken_over(tmp_path: Path) -> None:
    lock = ProjectLock(tmp_path / "x.smready")
    lock.lock_file.parent.mkdir(parents=True)
    lock.lock_file.write_bytes(b"\x00garbage")
    assert lock.acquire()


def test_release_does_not_remove_someone_elses_lock(tmp_path: Path) -> None:
    lock = ProjectLock(tmp_path / "x.smready")
    assert lock.acquire()
    lock.lock_file.write_text(json.dumps({"pid": 1, "hostname": "elsewhere"}))
    lock.release()
    assert lock.lock_file.exists()


def test_discard_removes_the_autosave(tmp_path: Path) -> None:
    write_autosave(_project(), tmp_path / "a.smready")
    [recovery] = list_recoverable()
    recovery.discard()
    assert list_recoverable() == []
    assert not recovery.autosave.exists()
    recovery.discard()  # twice is harmless


def test_clean_exit_removes_autosave_and_lock(tmp_path: Path) -> None:
    source = tmp_path / "a.smready"
    with ProjectLock(source) as lock:
        write_autosave(_project(), source)
        storage.remove_autosave(source)
    assert not lock.lock_file.exists()
    assert list(storage.autosave_dir().iterdir()) == []


def test_corrupt_autosave_is_not_offered(tmp_path: Path) -> None:
    path = write_autosave(_project(), tmp_path / "a.smready")
    path.write_bytes(path.read_bytes()[:50])
    assert list_recoverable() == []


def test_recovery_of_a_tampered_project_raises_a_clear_error(tmp_path: Path) -> None:
    path = write_autosave(_project(), tmp_path / "a.smready")
    envelope = json.loads(path.read_text(encoding="utf-8"))
    envelope["project"]["organization"]["kind"] = "club"
    path.write_text(json.dumps(envelope), encoding="utf-8")
    [recovery] = list_recoverable()
    with pytest.raises(storage.ProjectFileError, match=r"organization\.kind: Input should be"):
        recovery.load()


def test_no_autosave_folder_means_nothing_to_recover() -> None:
    assert list_recoverable() == []
