"""The UI language: from the system locale, overridden by Preferences, overridden by --lang;
the Preferences dialog saves it, and "Restart now" reopens the same project."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QProcess
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from smready.domain import OrgKind
from smready.i18n import current
from smready.ui.app import preferences
from smready.ui.app.main_window import restart_command
from smready.ui.app.preferences import (
    choose_ui_language,
    default_document_language,
    saved_ui_language,
)
from smready.ui.app.preferences_dialog import PreferencesDialog
from smready.ui.app.qt_translations import apply_ui_language, ui_locale
from tests.ui.conftest import EXAMPLES, MessageLog, make_window


@pytest.fixture
def english_after(qapp: object) -> Iterator[None]:
    before = QLocale()
    yield
    apply_ui_language("en")
    QLocale.setDefault(before)


def system_locale(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Pretend the operating system is set to ``name`` (what QLocale.system() reports)."""
    fake = QLocale(name)
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: fake))


@pytest.mark.parametrize(("system", "expected"), [
    ("fi_FI", "fi"), ("bn_BD", "bn"), ("de_DE", "en"), ("en_GB", "en")])
def test_ui_language_follows_the_system_locale(
        monkeypatch: pytest.MonkeyPatch, system: str, expected: str) -> None:
    system_locale(monkeypatch, system)
    assert choose_ui_language(None) == expected


def test_saved_preference_beats_the_system_and_lang_beats_both(
        monkeypatch: pytest.MonkeyPatch) -> None:
    system_locale(monkeypatch, "fi_FI")
    preferences.save_preferences("bn", "en")
    assert choose_ui_language(None) == "bn"
    assert choose_ui_language("en") == "en"


def test_a_broken_saved_language_falls_back_to_the_system(
        monkeypatch: pytest.MonkeyPatch) -> None:
    system_locale(monkeypatch, "fi_FI")
    preferences.save_preferences("klingon", "xx")
    assert saved_ui_language() is None
    assert choose_ui_language(None) == "fi"


def test_numbers_and_dates_follow_the_ui_language(
        monkeypatch: pytest.MonkeyPatch, english_after: None) -> None:
    system_locale(monkeypatch, "en_US")
    apply_ui_language("fi")
    assert QLocale().toString(1234.5, "f", 1) == "1\N{NO-BREAK SPACE}234,5"
    assert current().lang == "fi"
    # An English UI on a Finnish system keeps the country's way of writing dates.
    system_locale(monkeypatch, "fi_FI")
    assert ui_locale("en").name() == "en_FI"


def test_preferences_dialog_saves_the_languages(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    system_locale(monkeypatch, "en_US")
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    names = [dialog.ui_combo.itemText(i) for i in range(dialog.ui_combo.count())]
    assert names == ["English", "suomi", "বাংলা"]
    assert not dialog.needs_restart
    dialog.ui_combo.setCurrentIndex(dialog.ui_combo.findData("fi"))
    dialog.document_combo.setCurrentIndex(dialog.document_combo.findData("bn"))
    assert dialog.needs_restart
    dialog.accept()
    assert saved_ui_language() == "fi"
    assert choose_ui_language(None) == "fi"
    assert default_document_language() == "bn"


def test_cancel_saves_nothing(qtbot: QtBot) -> None:
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    dialog.ui_combo.setCurrentIndex(dialog.ui_combo.findData("bn"))
    dialog.reject()
    assert saved_ui_language() is None


def test_edit_menu_opens_preferences_and_offers_a_restart(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, messages: MessageLog) -> None:
    window = make_window(qtbot)
    assert window.preferences_action.shortcut().toString() == "Ctrl+,"

    def choose_finnish(dialog: PreferencesDialog) -> int:
        dialog.ui_combo.setCurrentIndex(dialog.ui_combo.findData("fi"))
        dialog.accept()
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(PreferencesDialog, "exec", choose_finnish)
    started: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(QProcess, "startDetached",
                        lambda program, args: started.append((program, args)) or True)
    window.preferences_action.trigger()
    assert saved_ui_language() == "fi"
    assert any("restart" in text.lower() for text in messages.texts)
    assert started == []  # the test's message box answers "Next time"
    assert window.isVisible()


def test_restart_now_reopens_the_same_project(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "cafe.smready"
    shutil.copy(EXAMPLES / "cafe-aurora.smready", path)
    window = make_window(qtbot)
    assert window.open_file(path)
    started: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(QProcess, "startDetached",
                        lambda program, args: started.append((program, args)) or True)
    assert window.restart()
    assert started == [restart_command(path)]
    assert started[0][1][-1] == str(path)
    assert not window.isVisible()
    assert window.files.lock is None  # released, so the new process can open the file


def test_restart_asks_about_unsaved_changes_and_cancel_keeps_working(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, messages: MessageLog) -> None:
    window = make_window(qtbot)
    window.files.new_project("Café Aurora", OrgKind.SMALL_BUSINESS)
    window._project_opened()
    window.controller.set("organization.sector", "food", "Change sector")
    started: list[object] = []
    monkeypatch.setattr(QProcess, "startDetached",
                        lambda program, args: started.append(args) or True)
    messages.answer(QMessageBox.StandardButton.Cancel)
    assert not window.restart()
    assert started == [] and window.isVisible()
    assert "Save the changes" in messages.texts[-1]


def test_the_restart_command_starts_smready(tmp_path: Path) -> None:
    """What "Restart now" runs is a working way into the app: given a bad --lang it answers
    with smready's own one-line error (and opens no window)."""
    program, arguments = restart_command(tmp_path / "cafe.smready")
    assert arguments[-1] == str(tmp_path / "cafe.smready")
    done = subprocess.run([program, *arguments[:-1], "--lang", "xx"], capture_output=True,
                          text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, check=False)
    assert done.returncode == 2
    assert done.stderr.startswith("smready: unknown language 'xx'")
