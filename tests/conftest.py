"""Test set-up shared by all suites. Qt must never need a real display."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"


def english_examples() -> list[Path]:
    """The bundled examples whose documents are in English (the tests that read English
    headings and sentences); the Finnish and Bengali ones are read in
    tests/e2e/test_language_examples.py."""
    return sorted(p for p in EXAMPLES.glob("*.smready")
                  if json.loads(p.read_text(encoding="utf-8")).get("language", "en") == "en")


@pytest.fixture
def examples_dir() -> Path:
    return EXAMPLES


@contextlib.contextmanager
def read_only_folder(folder: Path) -> Iterator[Path]:
    """Make ``folder`` unwritable for this process, even as root (CI runs as root).

    A normal user gets ``chmod 500``; root ignores modes, so the folder is made immutable
    with ``chattr +i`` instead (root cannot create files in it either). Skips the test when
    neither is possible (a file system without attributes, no CAP_LINUX_IMMUTABLE).
    """
    if os.geteuid() != 0:
        folder.chmod(0o500)
        try:
            yield folder
        finally:
            folder.chmod(0o700)
        return
    if shutil.which("chattr") is None or subprocess.run(
            ["chattr", "+i", str(folder)], capture_output=True, check=False).returncode:
        pytest.skip("cannot make a folder read-only for root here (chattr +i refused)")
    try:
        yield folder
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)
