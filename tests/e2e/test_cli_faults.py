"""Issue 12, the CLI rows: hostile files and faults give one clear line, exit 1 (130 on
Ctrl-C), and leave every file as it was. Each test runs ``smready-cli`` in a subprocess and
reads stderr and the files back."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from smready.domain import OrgKind, Project
from smready.domain.policy import OfficialAccount
from smready.storage import ProjectLock, load_project, save_project
from smready.storage.locks import _process_start
from tests.e2e.test_cli import assert_bad_input

DATA = Path(__file__).resolve().parents[1] / "data"


def run(*args: str | Path, data_dir: Path | None = None,
        code: str | None = None) -> subprocess.CompletedProcess[str]:
    """``smready-cli ARGS``; ``code`` runs before the CLI in the same process (fault set-up)."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    if data_dir is not None:
        env["SMREADY_DATA_DIR"] = str(data_dir)
    if code is None:
        command = [sys.executable, "-m", "smready.cli", *map(str, args)]
    else:
        script = code + "\nimport sys\nfrom smready.cli import main\nsys.exit(main(sys.argv[1:]))\n"
        command = [sys.executable, "-c", script, *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, encoding="utf-8",
                          timeout=180, env=env)


def one_line(result: subprocess.CompletedProcess[str], *words: str) -> str:
    """``assert_bad_input`` of the CLI tests, returning the line."""
    assert_bad_input(result, *words)
    return result.stderr.strip()


def snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every entry of a folder with its bytes (or what a link/folder points to)."""
    found: dict[str, bytes | str] = {}
    for entry in sorted(folder.rglob("*")):
        key = str(entry.relative_to(folder))
        if entry.is_symlink():
            found[key] = "-> " + os.readlink(entry)
        elif entry.is_dir():
            found[key] = "folder"
        elif entry.is_file():
            found[key] = entry.read_bytes()
        else:
            found[key] = "special"
    return found


@pytest.fixture
def project_file(tmp_path: Path) -> Path:
    path = tmp_path / "cafe.smready"
    save_project(Project.new("Café Kultakala", OrgKind.SMALL_BUSINESS), path)
    return path


# ------------------------------------------------------------------ export onto a project


@pytest.mark.parametrize("target", ["same", "hard link", "other project", "link to project"])
def test_export_never_replaces_a_project(tmp_path: Path, project_file: Path, target: str) -> None:
    other = tmp_path / "other.smready"
    save_project(Project.new("Other", OrgKind.NONPROFIT), other)
    out = {"same": project_file, "hard link": tmp_path / "policy.pdf",
           "other project": other, "link to project": tmp_path / "link.pdf"}[target]
    if target == "hard link":
        os.link(project_file, out)
    if target == "link to project":
        out.symlink_to(other)
    before = snapshot(tmp_path)
    line = one_line(run("export", project_file, "--doc", "policy", "--format", "pdf",
                        "-o", out), "Cannot write", str(out))
    assert "project" in line and "Choose" in line
    assert snapshot(tmp_path) == before
    assert load_project(project_file).organization.name == "Café Kultakala"


# ------------------------------------------------------------------ numbers and types


@pytest.mark.parametrize("version", [0, 1])
def test_a_number_too_large_for_a_float_is_refused(tmp_path: Path, version: int) -> None:
    path = tmp_path / "huge.smready"
    if version == 0:
        text = (DATA / "v0_sample.smready").read_text(encoding="utf-8")
        data = json.loads(text)
        data["answers"]["resources.hours_per_week"] = "HUGE"
    else:
        data = Project.new("Huge", OrgKind.NONPROFIT).model_dump(mode="json")
        data["readiness"]["answers"]["resources.hours_per_week"] = "HUGE"
    path.write_text(json.dumps(data).replace('"HUGE"', "1e400"), encoding="utf-8")
    before = snapshot(tmp_path)
    for command in ("validate", "upgrade", "score"):
        one_line(run(command, path), str(path), "1e400", "too large")
    assert snapshot(tmp_path) == before


def test_models_refuse_non_finite_numbers() -> None:
    project = Project.new("Huge", OrgKind.NONPROFIT)
    data = project.model_dump(mode="python")
    data["readiness"]["answers"]["resources.hours_per_week"] = float("inf")
    with pytest.raises(ValueError, match="finite"):
        Project.model_validate(data)
    with pytest.raises(ValueError, match="finite"):
        project.readiness.answers = {"resources.hours_per_week": float("nan")}


def test_a_number_where_a_date_belongs_is_refused(tmp_path: Path, project_file: Path) -> None:
    data = json.loads(project_file.read_text(encoding="utf-8"))
    data["created"] = 12345
    project_file.write_text(json.dumps(data), encoding="utf-8")
    one_line(run("validate", project_file), str(project_file), "created", "datetime")
    data["created"] = "2026-01-31T12:00:00Z"
    data["organization"]["name"] = 42
    project_file.write_text(json.dumps(data), encoding="utf-8")
    one_line(run("validate", project_file), "organization.name", "string")


# ------------------------------------------------------------------ prefill limits


def test_a_project_with_the_most_accounts_exports(tmp_path: Path) -> None:
    project = Project.new("Busy", OrgKind.NONPROFIT)
    project.policy.accounts = [OfficialAccount(platform=f"forum{i}", owner="Aino")
                               for i in range(100)]
    project.readiness.answers["sites.platforms"] = ["instagram", "facebook", "linkedin"]
    path = tmp_path / "busy.smready"
    save_project(project, path)
    out = tmp_path / "policy.html"
    result = run("export", path, "--doc", "policy", "--format", "html", "-o", out)
    assert result.returncode == 0, result.stderr
    assert "forum99" in out.read_text(encoding="utf-8")


# ------------------------------------------------------------------ special files


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_fifo_is_refused_before_reading(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.smready"
    os.mkfifo(fifo)
    for command in ("validate", "upgrade", "score"):
        # Before the fix this hung: the timeout of run() would fail the test.
        one_line(run(command, fifo), str(fifo), "pipe", "not a project file")


def test_terminal_escape_codes_in_a_file_are_shown_not_obeyed(tmp_path: Path,
                                                            project_file: Path) -> None:
    data = json.loads(project_file.read_text(encoding="utf-8"))
    evil = "\u001b[2J\u001b[31mFAKE: all OK\u001b]0;title\u0007\u009b31m\u202e"
    data["readiness"]["answers"] = {evil: 1}
    project_file.write_text(json.dumps(data), encoding="utf-8")
    line = one_line(run("validate", project_file))
    assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F or c == "\u202e" for c in line)
    assert "\\x1b[2J\\x1b[31mFAKE: all OK" in line and "\\x9b" in line and "\\u202e" in line
    # Names are shown by score: a C1 control there is escaped too (stdout, text and JSON).
    data["readiness"]["answers"] = {}
    data["organization"]["name"] = "Caf\u009b2Je"
    project_file.write_text(json.dumps(data), encoding="utf-8")
    for extra in ((), ("--json",)):
        result = run("score", project_file, *extra)
        assert result.returncode == 0, result.stderr
        assert "\u009b" not in result.stdout
    assert json.loads(result.stdout)["organization"] == "Caf\u009b2Je"


# ------------------------------------------------------------------ new, backups, links


def test_new_into_an_existing_folder_says_it_is_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "projects"
    folder.mkdir()
    for extra in ((), ("--force",)):
        line = one_line(run("new", "--type", "nonprofit", "--name", "X", "-o", folder, *extra),
                        str(folder), "is a folder", "cafe.smready")
        assert "already exists" not in line
    assert list(folder.iterdir()) == []


def test_a_backup_that_is_a_folder_is_named_as_the_problem(tmp_path: Path,
                                                          project_file: Path) -> None:
    (tmp_path / "cafe.smready.bak").mkdir()
    before = snapshot(tmp_path)
    one_line(run("new", "--type", "nonprofit", "--name", "X", "-o", project_file, "--force"),
             "backup", "cafe.smready.bak", "is a folder", "Move or rename it")
    assert snapshot(tmp_path) == before


def test_upgrade_through_a_link_names_the_backup_it_made(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (real / "old.smready").write_bytes((DATA / "v0_sample.smready").read_bytes())
    link = tmp_path / "link.smready"
    link.symlink_to(real / "old.smready")
    result = run("upgrade", link)
    assert result.returncode == 0, result.stderr
    assert str(real / "old.smready.bak") in result.stdout
    assert (real / "old.smready.bak").read_bytes() == (DATA / "v0_sample.smready").read_bytes()
    assert link.is_symlink() and not (tmp_path / "link.smready.bak").exists()


def test_a_symlink_loop_as_output_is_one_line(tmp_path: Path, project_file: Path) -> None:
    loop = tmp_path / "loop.pdf"
    loop.symlink_to(loop)
    before = snapshot(tmp_path)
    one_line(run("new", "--type", "nonprofit", "--name", "X", "-o", loop, "--force"),
             str(loop), "loop of symbolic links")
    one_line(run("export", project_file, "--doc", "policy", "--format", "html", "-o", loop),
             str(loop), "loop of symbolic links")
    assert snapshot(tmp_path) == before


# ------------------------------------------------------------------ export errors


def test_export_errors_are_worded_for_people(tmp_path: Path, project_file: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    line = one_line(run("export", project_file, "--doc", "policy", "--format", "html",
                        "-o", folder), str(folder), "it is a folder, not a file")
    assert "Is a directory" not in line
    disk_full = textwrap.dedent("""
        import errno, os
        def full(fd):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        os.fsync = full
    """)
    out = tmp_path / "policy.html"
    out.write_bytes(b"the old export")
    before = snapshot(tmp_path)
    line = one_line(run("export", project_file, "--doc", "policy", "--format", "html",
                        "-o", out, code=disk_full), str(out), "the disk is full",
                    "Free some space")
    assert "No space left" not in line
    assert snapshot(tmp_path) == before


# ------------------------------------------------------------------ Ctrl-C


def test_ctrl_c_while_writing_an_export_leaves_no_temp_file(tmp_path: Path,
                                                           project_file: Path) -> None:
    interrupt = textwrap.dedent("""
        import os
        def interrupted(fd):
            raise KeyboardInterrupt
        os.fsync = interrupted
    """)
    out = tmp_path / "policy.html"
    out.write_bytes(b"the old export")
    before = snapshot(tmp_path)
    result = run("export", project_file, "--doc", "policy", "--format", "html", "-o", out,
                 code=interrupt)
    assert result.returncode == 130
    assert result.stderr == ""
    assert snapshot(tmp_path) == before


def test_ctrl_c_during_imports_exits_quietly(project_file: Path) -> None:
    interrupt = textwrap.dedent("""
        import builtins
        real_import = builtins.__import__
        def importing(name, *args, **kwargs):
            if name.startswith("pydantic"):
                raise KeyboardInterrupt
            return real_import(name, *args, **kwargs)
        builtins.__import__ = importing
    """)
    result = run("validate", project_file, code=interrupt)
    assert result.returncode == 130
    assert result.stderr == ""


# ------------------------------------------------------------------ the app's lock


def _held_by_this_test(path: Path, data_dir: Path) -> None:
    """A lock as the app writes it, held by a live process other than the CLI's: this one."""
    os.environ["SMREADY_DATA_DIR"] = str(data_dir)
    try:
        lock_file = ProjectLock(path).lock_file
    finally:
        del os.environ["SMREADY_DATA_DIR"]
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    lock_file.write_text(json.dumps({
        "pid": os.getpid(), "hostname": socket.gethostname(),
        "started": _process_start(os.getpid()), "source_path": str(path.resolve())}))


def test_writing_commands_honour_the_apps_lock(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    path = tmp_path / "old.smready"
    path.write_bytes((DATA / "v0_sample.smready").read_bytes())
    _held_by_this_test(path, data_dir)
    before = path.read_bytes()
    holder = f"process {os.getpid()} on {socket.gethostname()}"
    one_line(run("upgrade", path, data_dir=data_dir), str(path), "open in smready", holder,
             "--force")
    one_line(run("new", "--type", "nonprofit", "--name", "X", "-o", path, "--force",
                 data_dir=data_dir), str(path), "open in smready", holder)
    # The same file through a hard link is the same project.
    alias = tmp_path / "alias.smready"
    os.link(path, alias)
    one_line(run("upgrade", alias, data_dir=data_dir), str(alias), holder)
    assert path.read_bytes() == before
    assert not (tmp_path / "old.smready.bak").exists()

    result = run("upgrade", path, "--force", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert load_project(path).organization.name


# ------------------------------------------------------------------ logo


def test_export_embeds_a_logo_from_the_file_only_with_logo(tmp_path: Path) -> None:
    logo = tmp_path / "private-photo.png"
    logo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    project = Project.new("Sent to me", OrgKind.NONPROFIT)
    project.organization.logo_path = str(logo)
    path = tmp_path / "sent.smready"
    save_project(project, path)
    out = tmp_path / "policy.html"
    result = run("export", path, "--doc", "policy", "--format", "html", "-o", out)
    assert result.returncode == 0, result.stderr
    assert "data:image/png" not in out.read_text(encoding="utf-8")
    assert "--logo" in result.stdout and str(logo) in result.stdout
    result = run("export", path, "--doc", "policy", "--format", "html", "-o", out, "--logo")
    assert result.returncode == 0, result.stderr
    assert "data:image/png" in out.read_text(encoding="utf-8")
