"""The installed package finds its data: resources/ and policy_templates/ ship in the wheel."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from smready import paths

REPO = Path(__file__).resolve().parents[2]


def test_source_checkout_finds_data_folders() -> None:
    assert (paths.resources_dir() / "checklist.yaml").is_file()
    assert paths.templates_dir().is_dir()
    assert any(paths.templates_dir().iterdir())


@pytest.mark.slow
def test_wheel_contains_resources_templates_and_examples(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp_path), str(REPO)],
        capture_output=True, text=True, timeout=300,
    )
    if result.returncode != 0 and "hatchling" in result.stderr:
        pytest.skip("hatchling is not installed in this environment")
    assert result.returncode == 0, result.stderr
    wheel = next(tmp_path.glob("smready-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "smready/_data/resources/checklist.yaml" in names
    assert any(n.startswith("smready/_data/policy_templates/") for n in names)
    assert any(n.startswith("smready/_data/examples/") for n in names)
    assert "smready/paths.py" in names
    # Fonts with their licence, and the catalogs compiled by the build hook (not committed).
    assert "smready/_data/resources/fonts/NotoSansBengali-Bold.ttf" in names
    assert "smready/_data/resources/fonts/OFL.txt" in names
    for lang in ("fi", "bn"):
        assert f"smready/_data/resources/locale/{lang}/LC_MESSAGES/smready.mo" in names

    # Unpacked as site-packages would hold it, the package resolves its own _data copies.
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    probe = subprocess.run(
        [sys.executable, "-c",
         "from smready import paths; print(paths.resources_dir()); print(paths.templates_dir())"],
        capture_output=True, text=True, cwd=tmp_path, env={"PYTHONPATH": str(site)}, timeout=60,
    )
    assert probe.returncode == 0, probe.stderr
    resources, templates = probe.stdout.split()
    assert Path(resources) == site / "smready" / "_data" / "resources"
    assert Path(templates) == site / "smready" / "_data" / "policy_templates"
