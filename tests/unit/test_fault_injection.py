"""Every step of a save and of an export can fail: the old bytes stay, no temp file is left.

A first run records the steps the writer takes (each ``write`` to a file, each ``fsync``,
each ``os.replace``). Then, for each step in turn, the same save or export runs again with
that step failing (a disk error, or Ctrl-C), and the folder is read back.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from smready.domain import OrgKind, Project
from smready.rendering import RenderError
from smready.rendering.export import write_atomically
from smready.storage import ProjectWriteError, backup_path, load_project, save_project


class Faults:
    """Counts the writer's steps and makes step number ``fail_at`` raise ``error``."""

    def __init__(self, fail_at: int | None = None, error: BaseException | None = None) -> None:
        self.fail_at = fail_at
        self.error = error
        self.steps: list[str] = []

    def step(self, name: str) -> None:
        self.steps.append(name)
        if self.fail_at is not None and len(self.steps) - 1 == self.fail_at:
            assert self.error is not None
            raise self.error

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        real_replace, real_fsync, real_fdopen = os.replace, os.fsync, os.fdopen
        faults = self

        def replace(src: Any, dst: Any, *args: Any, **kwargs: Any) -> None:
            faults.step("replace " + Path(dst).name)
            real_replace(src, dst, *args, **kwargs)

        def fsync(fd: int) -> None:
            faults.step("fsync")
            real_fsync(fd)

        class Handle:
            def __init__(self, inner: Any) -> None:
                self.inner = inner

            def write(self, data: bytes) -> int:
                faults.step("write")
                return int(self.inner.write(data))

            def __getattr__(self, name: str) -> Any:
                return getattr(self.inner, name)

            def __enter__(self) -> Handle:
                return self

            def __exit__(self, *exc: object) -> None:
                self.inner.close()

        def fdopen(fd: int, *args: Any, **kwargs: Any) -> Any:
            return Handle(real_fdopen(fd, *args, **kwargs))

        monkeypatch.setattr(os, "replace", replace)
        monkeypatch.setattr(os, "fsync", fsync)
        monkeypatch.setattr(os, "fdopen", fdopen)


def folder_state(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


ERRORS: list[Callable[[], BaseException]] = [
    lambda: OSError(errno.EIO, os.strerror(errno.EIO)),
    lambda: OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)),
    KeyboardInterrupt,
]


def _recorded_steps(run: Callable[[], object], monkeypatch: pytest.MonkeyPatch) -> list[str]:
    faults = Faults()
    with monkeypatch.context() as patch:
        faults.install(patch)
        run()
    return faults.steps


@pytest.mark.parametrize("make_error", ERRORS, ids=["EIO", "ENOSPC", "Ctrl-C"])
def test_a_save_failing_at_any_step_keeps_the_old_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        make_error: Callable[[], BaseException]) -> None:
    path = tmp_path / "cafe.smready"
    save_project(Project.new("Version one", OrgKind.SMALL_BUSINESS), path)
    save_project(Project.new("Version two", OrgKind.SMALL_BUSINESS), path)
    new = Project.new("Version three", OrgKind.SMALL_BUSINESS)
    original, old_backup = path.read_bytes(), backup_path(path).read_bytes()

    scratch = tmp_path / "scratch"
    scratch.mkdir()
    save_project(Project.new("Version two", OrgKind.SMALL_BUSINESS), scratch / "cafe.smready")
    steps = _recorded_steps(lambda: save_project(new, scratch / "cafe.smready"), monkeypatch)
    assert {"write", "fsync", "replace cafe.smready", "replace cafe.smready.bak"} <= set(steps)

    for index, name in enumerate(steps):
        error = make_error()
        faults = Faults(index, error)
        with monkeypatch.context() as patch:
            faults.install(patch)
            try:
                save_project(new, path)
            except ProjectWriteError as exc:
                assert isinstance(error, OSError), (index, name)
                assert "Traceback" not in str(exc) and "\n" not in str(exc)
                failed = True
            except KeyboardInterrupt:
                assert isinstance(error, KeyboardInterrupt), (index, name)
                failed = True
            else:
                failed = False
        files = folder_state(tmp_path)
        assert not [f for f in files if f.endswith(".tmp")], (index, name, sorted(files))
        committed = index > steps.index("replace cafe.smready")
        if not committed:
            assert failed, (index, name)
            assert files["cafe.smready"] == original, (index, name)
            # The backup is the old backup, or a copy of the file as it still is.
            assert files["cafe.smready.bak"] in (old_backup, original), (index, name)
        else:
            # After the rename only the folder's fsync is left (best effort: a disk error
            # there is not reported; Ctrl-C is, but the new file is already whole).
            assert failed == isinstance(error, KeyboardInterrupt), (index, name)
            assert load_project(path).organization.name == "Version three"
            assert files["cafe.smready.bak"] == original
            path.write_bytes(original)
            backup_path(path).write_bytes(old_backup)


@pytest.mark.parametrize("make_error", ERRORS, ids=["EIO", "ENOSPC", "Ctrl-C"])
def test_an_export_failing_at_any_step_keeps_the_old_document(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        make_error: Callable[[], BaseException]) -> None:
    out = tmp_path / "policy.pdf"
    out.write_bytes(b"%PDF the export of yesterday")
    original = out.read_bytes()
    new = b"%PDF the export of today" * 1000

    scratch = tmp_path / "scratch"
    scratch.mkdir()
    steps = _recorded_steps(lambda: write_atomically(new, scratch / "policy.pdf"), monkeypatch)
    assert {"write", "fsync", "replace policy.pdf"} <= set(steps)

    for index, name in enumerate(steps):
        error = make_error()
        with monkeypatch.context() as patch:
            Faults(index, error).install(patch)
            try:
                write_atomically(new, out)
            except RenderError as exc:
                assert isinstance(error, OSError), (index, name)
                message = str(exc)
                assert message.startswith(f"Cannot write {out}:"), message
                assert os.strerror(errno.EIO) not in message, message
                assert os.strerror(errno.ENOSPC) not in message, message
                failed = True
            except KeyboardInterrupt:
                assert isinstance(error, KeyboardInterrupt), (index, name)
                failed = True
            else:
                failed = False
        files = folder_state(tmp_path)
        assert not [f for f in files if f.endswith(".tmp")], (index, name, sorted(files))
        if index <= steps.index("replace policy.pdf"):
            assert failed, (index, name)
            assert files["policy.pdf"] == original, (index, name)
        else:
            assert failed == isinstance(error, KeyboardInterrupt), (index, name)
            assert out.read_bytes() == new
            out.write_bytes(original)
