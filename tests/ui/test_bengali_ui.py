"""The window in Bengali: nothing cut off (Bengali labels are often longer and taller than
the English), and numbers the app writes itself in Bengali digits like every other number
on the page. The shared application is put back to English after each test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from smready.ui.app.main_window import READINESS, MainWindow
from smready.ui.app.qt_translations import apply_ui_language
from smready.ui.pages.start import example_files
from tests.ui.conftest import show_example
from tests.ui.test_labels_fit import test_nothing_is_cut_off_at_960_px as walk_every_page


@pytest.fixture
def bengali(qapp: object) -> Iterator[str]:
    before = QLocale()
    apply_ui_language("bn")
    try:
        yield "bn"
    finally:
        apply_ui_language("en")
        QLocale.setDefault(before)


def test_nothing_is_cut_off_at_960_px_in_bengali(qtbot: QtBot, bengali: str) -> None:
    walk_every_page(qtbot, bengali)


def test_question_numbers_are_bengali_digits(qtbot: QtBot, bengali: str) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    examples = {path.stem: path for path, _name in example_files()}
    show_example(window, examples["cafe-aurora"])
    window.show_page(READINESS)
    texts = [label.text() for label in window.readiness_page.findChildren(QLabel)]
    assert any(text.startswith("১. ") for text in texts)
    assert any(text.startswith("২. ") for text in texts)
    assert not [text for text in texts if text[:3] in ("1. ", "2. ")]
    window.controller.mark_saved(examples["cafe-aurora"])


def test_qt_dialog_buttons_and_text_menus_are_bengali(qtbot: QtBot, bengali: str) -> None:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                           | QDialogButtonBox.StandardButton.Cancel)
    field = QLineEdit()
    qtbot.addWidget(box)
    qtbot.addWidget(field)
    assert sorted(b.text() for b in box.buttons()) == ["ঠিক আছে", "বাতিল"]
    menu = field.createStandardContextMenu()
    texts = [a.text().split("\t")[0] for a in menu.actions() if not a.isSeparator()]
    menu.deleteLater()
    assert "&কপি" in texts and "পেস্ট &করুন" in texts
    assert not [t for t in texts if t.replace("&", "") in ("Copy", "Paste", "Select All")]


def test_an_export_error_reads_as_bengali_sentences(bengali: str) -> None:
    from smready.rendering import RenderError
    from smready.ui.pages.review import error_message

    target = Path("/x/নীতিমালা.pdf")
    denied = error_message(target, PermissionError(13, "Permission denied"))
    assert "অনুমতি নেই" in denied and "Permission" not in denied
    failed = error_message(target, RenderError("ডকুমেন্টটি তৈরি করা গেল না।"))
    assert "।." not in failed and "। " in failed
    assert failed.startswith(f"{target} লেখা যাচ্ছে না: ডকুমেন্টটি তৈরি করা গেল না।")


def test_the_suggested_export_file_name_is_bengali(bengali: str) -> None:
    from smready.ui.pages.review import suggested_name

    assert suggested_name("ঢাকা খাদ্য ব্যাংক", "policy", "pdf") == "ঢাকা-খাদ্য-ব্যাংক-নীতিমালা.pdf"
    assert suggested_name("Café Aurora", "report", "docx") == "cafe-aurora-প্রতিবেদন.docx"
    assert suggested_name("a/b: c?", "acknowledgement", "html") == "a-b-c-অঙ্গীকারপত্র.html"


def test_in_bengali_the_start_page_still_paints_before_the_heavy_layers_load(
        tmp_path: Path) -> None:
    import json
    import os
    import subprocess
    import sys

    from tests.ui.test_start_up import PROBE

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SMREADY_DATA_DIR": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path)}
    probe = PROBE.replace('main(["smready"])', 'main(["smready", "--lang", "bn"])')
    assert probe != PROBE
    done = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    first = next(json.loads(line) for line in done.stdout.splitlines()
                 if line.startswith("{"))
    assert first["when"] == "first paint"
    assert first["examples"][0] == "Café Aurora দেখুন"
    assert first["heavy"] == [], "Qt's Bengali strings must not load these before the paint"
