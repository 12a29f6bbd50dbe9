"""``smready-cli`` end to end, as a user runs it: exit codes, output, one-line errors."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from smready.domain import SCHEMA_VERSION, OrgKind, Project
from smready.storage import backup_path, load_project, save_project
from tests.conftest import read_only_folder

DATA = Path(__file__).resolve().parents[1] / "data"


def cli(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "smready.cli", *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8", timeout=120,
                          cwd=cwd, env=env)


def assert_bad_input(result: subprocess.CompletedProcess[str], *words: str) -> None:
    """Exit 1, one line on stderr naming the problem, no traceback."""
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for word in words:
        assert word in lines[0], lines[0]


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _ready_cafe(path: Path) -> Project:
    project = Project.new("Café Kultakala", OrgKind.SMALL_BUSINESS)
    project.readiness.answers.update({
        "reason.why": "yes", "reason.goals": "partly", "sites.platforms": ["instagram"],
        "resources.point_person": "Aino", "resources.hours_per_week": 4,
        "resources.posts_per_month": 12, "policy.written": "no", "policy.training": 3,
    })
    save_project(project, path)
    return project


# ------------------------------------------------------------------ new


def test_new_creates_a_loadable_project(tmp_path: Path) -> None:
    out = tmp_path / "foodbank.smready"
    result = cli("new", "--type", "nonprofit", "--name", "Food Bank সমাজ", "-o", out)
    assert result.returncode == 0, result.stderr
    assert "Created" in result.stdout
    project = load_project(out)
    assert project.organization.name == "Food Bank সমাজ"
    assert project.organization.is_nonprofit
    assert project.policy.scope.volunteers


def test_new_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    out = tmp_path / "cafe.smready"
    _ready_cafe(out)
    before = _sha(out)
    assert_bad_input(cli("new", "--type", "small_business", "--name", "X", "-o", out),
                     str(out), "already exists", "--force")
    assert _sha(out) == before
    result = cli("new", "--type", "small_business", "--name", "Fresh", "-o", out, "--force")
    assert result.returncode == 0, result.stderr
    assert load_project(out).organization.name == "Fresh"
    assert load_project(backup_path(out)).organization.name == "Café Kultakala"


def test_new_with_an_empty_name_is_bad_input(tmp_path: Path) -> None:
    assert_bad_input(cli("new", "--type", "nonprofit", "--name", "", "-o",
                         tmp_path / "x.smready"), "name")
    assert not (tmp_path / "x.smready").exists()


def test_new_into_an_impossible_folder_is_bad_input(tmp_path: Path) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("keep me")
    out = blocker / "sub" / "x.smready"
    assert_bad_input(cli("new", "--type", "nonprofit", "--name", "A", "-o", out),
                     f"Cannot write {out}", "Choose another folder")
    assert blocker.read_text() == "keep me"


def test_new_into_a_read_only_folder_is_bad_input(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    with read_only_folder(folder):
        assert_bad_input(cli("new", "--type", "nonprofit", "--name", "A", "-o",
                             folder / "x.smready"), "permission denied")
        assert list(folder.iterdir()) == []


@pytest.mark.parametrize("args", [
    [],
    ["new", "--type", "company", "--name", "A", "-o", "x.smready"],
    ["new", "--name", "A", "-o", "x.smready"],
    ["score"],
    ["export", "x.smready", "--doc", "poem", "--format", "pdf", "-o", "x.pdf"],
    ["frobnicate"],
])
def test_usage_errors_exit_2(tmp_path: Path, args: list[str]) -> None:
    result = cli(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert "usage:" in result.stderr
    assert "Traceback" not in result.stderr


# ------------------------------------------------------------------ validate


def test_validate_accepts_a_good_file(tmp_path: Path) -> None:
    path = tmp_path / "cafe.smready"
    _ready_cafe(path)
    result = cli("validate", path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{path}: OK"


def test_validate_names_file_and_field_of_a_wrong_type(tmp_path: Path) -> None:
    path = tmp_path / "cafe.smready"
    _ready_cafe(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["organization"]["kind"] = "corporation"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = cli("validate", path)
    assert_bad_input(result)
    assert result.stderr.strip() == (
        f"{path}: organization.kind: Input should be 'small_business' or 'nonprofit'")


def test_validate_checks_answers_against_the_question_bank(tmp_path: Path) -> None:
    path = tmp_path / "cafe.smready"
    project = _ready_cafe(path)
    project.readiness.answers["sites.platforms"] = ["instagram", "myspace"]
    project.readiness.answers["reason.made_up"] = "yes"
    save_project(project, path)
    assert_bad_input(cli("validate", path), str(path),
                     "readiness.answers.sites.platforms: unknown option 'myspace'",
                     "and 1 more problem")


@pytest.mark.parametrize(("answer", "words"), [
    ({"reason.why": "maybe"}, "unknown option 'maybe'"),
    ({"policy.training": 9}, "above the maximum 5"),
    ({"resources.hours_per_week": "lots"}, "expected a number"),
    ({"sites.platforms": "instagram"}, "expected a list"),
    ({"reason.nonsense": 1}, "readiness.answers.reason.nonsense: unknown question"),
])
def test_validate_rejects_each_kind_of_bad_answer(
        tmp_path: Path, answer: dict[str, object], words: str) -> None:
    path = tmp_path / "cafe.smready"
    project = Project.new("Cafe", OrgKind.SMALL_BUSINESS)
    project.readiness.answers.update(answer)  # type: ignore[arg-type]
    save_project(project, path)
    assert_bad_input(cli("validate", path), words)


def test_validate_accepts_the_v0_sample() -> None:
    result = cli("validate", DATA / "v0_sample.smready")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(("content", "words"), [
    (b"", "the file is empty"),
    (b"{\"schema_version\": 1, ", "cut short"),
    (b"\xff\xfe\x00garbage", "not UTF-8"),
    (b"[1, 2]", "expected a JSON object"),
    (b'{"schema_version": 7, "organization": {"name": "A"}}', "file version 7"),
    (b'{"schema_version": 1, "organization": {"name": "A"}, "x": NaN}', "NaN"),
])
def test_validate_refuses_broken_files_in_one_line(
        tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "broken.smready"
    path.write_bytes(content)
    assert_bad_input(cli("validate", path), str(path), words)
    assert path.read_bytes() == content


def test_missing_file_is_bad_input(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.smready"
    assert_bad_input(cli("validate", path), f"Cannot read {path}: no such file or folder")
    assert_bad_input(cli("score", path), "no such file")
    assert_bad_input(cli("upgrade", path), "no such file")


def test_huge_file_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "huge.smready"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    assert_bad_input(cli("validate", path), "50.0 MB", "5 MB")


# ------------------------------------------------------------------ schema / upgrade


def test_schema_prints_the_json_schema() -> None:
    result = cli("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["type"] == "object"
    assert "organization" in schema["properties"]


def test_upgrade_rewrites_a_v0_file_keeping_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "old.smready"
    shutil.copy(DATA / "v0_sample.smready", path)
    original = path.read_bytes()
    result = cli("upgrade", path)
    assert result.returncode == 0, result.stderr
    assert "from file version 0 to 1" in result.stdout
    assert json.loads(path.read_text(encoding="utf-8"))["schema_version"] == SCHEMA_VERSION
    assert backup_path(path).read_bytes() == original
    assert load_project(path).readiness.answers["reason.why"] == "yes"
    again = cli("upgrade", path)
    assert again.returncode == 0 and "already at file version 1" in again.stdout
    assert backup_path(path).read_bytes() == original


def test_upgrade_of_a_newer_file_leaves_it_alone(tmp_path: Path) -> None:
    path = tmp_path / "future.smready"
    path.write_text('{"schema_version": 4, "organization": {"name": "A"}}', encoding="utf-8")
    before = _sha(path)
    assert_bad_input(cli("upgrade", path), "newer smready", "file version 4",
                     f"reads up to {SCHEMA_VERSION}")
    assert _sha(path) == before
    assert not backup_path(path).exists()


# ------------------------------------------------------------------ score


def test_score_json_has_the_six_points(tmp_path: Path) -> None:
    path = tmp_path / "cafe.smready"
    _ready_cafe(path)
    result = cli("score", path, "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert 0 <= data["overall"] <= 100
    assert data["level"] in {"not_yet", "getting_started", "getting_there", "ready"}
    assert [p["id"] for p in data["points"]] == [
        "reason", "sites", "resources", "pipeline", "policy", "measurement"]
    assert all({"id", "title", "score"} <= set(p) for p in data["points"])
    assert data["recommendations"] and "text" in data["recommendations"][0]
    assert "message" in data["resources"]
    assert data["organization"] == "Café Kultakala"


def test_score_of_several_files_is_a_json_list(tmp_path: Path) -> None:
    a, b = tmp_path / "a.smready", tmp_path / "b.smready"
    _ready_cafe(a)
    save_project(Project.new("Empty", OrgKind.NONPROFIT), b)
    result = cli("score", a, b, "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [d["organization"] for d in data] == ["Café Kultakala", "Empty"]
    assert data[0]["overall"] > data[1]["overall"]


def test_score_text_is_a_readable_summary(tmp_path: Path) -> None:
    path = tmp_path / "cafe.smready"
    _ready_cafe(path)
    result = cli("score", path)
    assert result.returncode == 0, result.stderr
    assert "Café Kultakala" in result.stdout
    assert "Overall readiness:" in result.stdout
    assert "/ 100" in result.stdout
    assert "Do these next:" in result.stdout
    assert "Resources:" in result.stdout
    assert sum(line.strip()[:2] in {f"{n}." for n in range(1, 7)}
               for line in result.stdout.splitlines()) == 6


def test_score_with_one_bad_file_is_bad_input(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.smready", tmp_path / "bad.smready"
    _ready_cafe(good)
    bad.write_text("{}", encoding="utf-8")
    assert_bad_input(cli("score", good, bad, "--json"), str(bad))


# ------------------------------------------------------------------ export


def test_export_html_policy(tmp_path: Path) -> None:
    path = tmp_path / "cafe.smready"
    _ready_cafe(path)
    out = tmp_path / "policy.html"
    result = cli("export", path, "--doc", "policy", "--format", "html", "-o", out)
    assert result.returncode == 0, result.stderr
    assert "Café Kultakala" in out.read_text(encoding="utf-8")


def test_export_pdf_report_on_letter_paper(tmp_path: Path) -> None:
    path = tmp_path / "cafe.smready"
    _ready_cafe(path)
    out = tmp_path / "report.pdf"
    result = cli("export", path, "--doc", "report", "--format", "pdf", "-o", out,
                 "--paper", "letter")
    assert result.returncode == 0, result.stderr
    from pypdf import PdfReader

    reader = PdfReader(out)
    assert "Kultakala" in "".join(page.extract_text() for page in reader.pages)
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(float(width)), round(float(height))) == (612, 792)


def test_export_into_an_impossible_folder_is_bad_input(tmp_path: Path) -> None:
    path = tmp_path / "cafe.smready"
    _ready_cafe(path)
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    out = blocker / "policy.html"
    assert_bad_input(cli("export", path, "--doc", "policy", "--format", "html", "-o", out),
                     str(out))
    assert blocker.read_text() == "x"


def test_export_of_a_broken_project_is_bad_input(tmp_path: Path) -> None:
    path = tmp_path / "broken.smready"
    path.write_text('{"schema_version": 1}', encoding="utf-8")
    out = tmp_path / "policy.docx"
    assert_bad_input(cli("export", path, "--doc", "policy", "--format", "docx", "-o", out),
                     "organization: Field required")
    assert not out.exists()
