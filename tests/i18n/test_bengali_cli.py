"""smready-cli in Bengali says why a file cannot be read or written in Bengali too (the
reasons for the system's error numbers were not in the catalog)."""

from __future__ import annotations

from pathlib import Path

import pytest

from smready import i18n
from smready.cli import main


@pytest.fixture(autouse=True)
def english_after() -> object:
    yield
    i18n.set_language("en")


def test_a_missing_file_is_explained_in_bengali(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "নেই.smready"
    assert main(["--lang", "bn", "validate", str(missing)]) == 1
    err = capsys.readouterr().err.strip()
    assert err == f"{missing} পড়া যাচ্ছে না: এমন কোনো ফাইল বা ফোল্ডার নেই।"


def test_exporting_onto_a_folder_is_explained_in_bengali(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.conftest import EXAMPLES

    code = main(["--lang", "bn", "export", str(EXAMPLES / "cafe-aurora.smready"), "--doc",
                 "policy", "--format", "html", "-o", str(tmp_path)])
    assert code == 1
    err = capsys.readouterr().err.strip()
    assert err == f"{tmp_path} লেখা যাচ্ছে না: এটি ফাইল নয়, ফোল্ডার। অন্য একটি নাম বেছে নিন।"
