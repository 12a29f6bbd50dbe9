"""smready.paths finds the data folders in a PyInstaller bundle, a wheel and a checkout.

The wheel layout is tested from a built wheel in test_packaging.py, the real bundle by
scripts/smoke-bundle.sh; here the bundle layout is laid out by hand in a temp folder.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from smready import paths

REPO = Path(__file__).resolve().parents[2]


def _fake_bundle(root: Path, *, examples: bool = True) -> Path:
    for name in ("resources", "policy_templates", *(("examples",) if examples else ())):
        (root / name).mkdir(parents=True)
    return root


def test_checkout_resolves_the_repository_folders() -> None:
    assert paths.bundle_dir() is None
    assert paths._find("resources") == REPO / "resources"
    assert paths._find("policy_templates") == REPO / "policy_templates"
    assert paths.examples_dir() == REPO / "examples"


def test_frozen_bundle_resolves_folders_under_meipass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = _fake_bundle(tmp_path / "_internal")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    assert paths.bundle_dir() == bundle
    assert paths._find("resources") == bundle / "resources"
    assert paths._find("policy_templates") == bundle / "policy_templates"
    assert paths.examples_dir() == bundle / "examples"


def test_meipass_without_frozen_is_not_a_bundle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Some tools set _MEIPASS-like attributes; only a frozen interpreter is a bundle.
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(_fake_bundle(tmp_path)), raising=False)
    assert paths.bundle_dir() is None
    assert paths._find("resources") == REPO / "resources"


def test_missing_data_folder_names_the_places_searched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = _fake_bundle(tmp_path / "_internal", examples=False)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    with pytest.raises(FileNotFoundError) as info:
        paths._find("no-such-folder")
    message = str(info.value)
    assert "'no-such-folder'" in message
    assert str(bundle) in message
    # A bundle without examples falls back to the checkout's here; the app copes with None.
    assert paths.examples_dir() == REPO / "examples"
