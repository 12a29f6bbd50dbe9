"""``smready-cli check``: the policy's open items, the same list as the app's Review page;
complete exactly when the exported policy PDF has no "Not decided yet" marker."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from smready.domain import Project
from smready.storage import save_project

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
MARKER = "Not decided yet"


def cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "smready.cli", *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8", timeout=180,
                          env=env, check=False)


def pdf_text(path: Path) -> str:
    return " ".join(" ".join((page.extract_text() or "").split())
                    for page in PdfReader(path).pages)


def _without(name: str, change: str) -> Project:
    project = Project.model_validate_json((EXAMPLES / f"{name}.smready").read_text("utf-8"))
    policy = project.policy
    if change == "approver":
        policy.review.approver = ""
    elif change == "version":
        policy.review.version = ""
    elif change == "crisis":
        policy.escalation.crisis_contacts = []
    elif change == "spokespeople":
        policy.spokespeople = []
    return project


@pytest.mark.parametrize(("name", "change"), [
    ("cafe-aurora", ""),
    ("harbour-food-bank", ""),
    ("cafe-aurora", "approver"),
    ("harbour-food-bank", "version"),
    ("cafe-aurora", "crisis"),
    ("harbour-food-bank", "spokespeople"),
])
def test_check_says_complete_exactly_when_the_printed_policy_has_no_open_marker(
        tmp_path: Path, name: str, change: str) -> None:
    path = tmp_path / f"{name}.smready"
    save_project(_without(name, change), path)
    checked = cli("check", path, "--json")
    assert checked.stderr == ""
    report = json.loads(checked.stdout)
    pdf = tmp_path / "policy.pdf"
    exported = cli("export", path, "--doc", "policy", "--format", "pdf", "-o", pdf)
    assert exported.returncode == 0, exported.stderr
    text = pdf_text(pdf)
    assert report["complete"] is (MARKER not in text)
    assert checked.returncode == (0 if report["complete"] else 3)
    assert bool(change) is (not report["complete"])
    assert text.count(MARKER) >= len(report["open"])


def test_check_lists_section_field_and_message_one_per_line(tmp_path: Path) -> None:
    path = tmp_path / "new.smready"
    made = cli("new", "--type", "nonprofit", "--name", "Harbour Choir", "-o", path)
    assert made.returncode == 0, made.stderr
    checked = cli("check", path)
    assert checked.returncode == 3
    lines = checked.stdout.splitlines()
    assert lines[-1] == f"{path}: {len(lines) - 1} open items before the policy is complete."
    section, field, message = lines[0].split("\t")
    assert (section, field) == ("accounts", "accounts")
    assert message.startswith("Decide") and message.endswith(".")


def test_check_of_a_bad_file_is_one_line_and_exit_1(tmp_path: Path) -> None:
    path = tmp_path / "broken.smready"
    path.write_text("{not json", "utf-8")
    checked = cli("check", path)
    assert checked.returncode == 1
    assert checked.stdout == ""
    assert len(checked.stderr.strip().splitlines()) == 1
    assert "Traceback" not in checked.stderr
