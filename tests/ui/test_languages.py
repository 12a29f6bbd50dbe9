"""UI language plumbing: Qt's own strings from PySide6's qtbase catalogs, and
``smready --lang``. Every test puts the shared application back to English."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileSystemModel, QLineEdit
from pytestqt.qtbot import QtBot

from smready import i18n
from smready.i18n import UnknownLanguage, pseudo
from smready.ui.app.main import run
from smready.ui.app.qt_translations import (
    apply_ui_language,
    install_qt_translations,
    qt_translations_dir,
    take_lang_option,
)

BUTTONS = QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel


@pytest.fixture
def english_after(qapp: object) -> Iterator[None]:
    yield
    apply_ui_language("en")


def button_texts(qtbot: QtBot) -> list[str]:
    box = QDialogButtonBox(BUTTONS)
    qtbot.addWidget(box)
    return sorted(b.text().replace("&", "") for b in box.buttons())


def test_finnish_dialog_buttons_come_from_qtbase_fi(qtbot: QtBot, english_after: None) -> None:
    assert (Path(qt_translations_dir()) / "qtbase_fi.qm").is_file()
    assert install_qt_translations("fi") is not None
    assert button_texts(qtbot) == ["Peru", "Tallenna"]
    # Switching back removes the Finnish translator again.
    assert install_qt_translations("en") is None
    assert button_texts(qtbot) == ["Cancel", "Save"]


def test_without_a_qt_catalog_qt_strings_come_from_ours(
        qtbot: QtBot, english_after: None) -> None:
    """PySide6 has no Bengali (nor pseudo) qtbase catalog: dialog buttons and the text
    fields' context menu are translated from smready's own catalog instead."""
    assert not list(Path(qt_translations_dir()).glob("qt*_bn.qm"))
    apply_ui_language("en_XA")
    assert button_texts(qtbot) == sorted([pseudo("Cancel"), pseudo("Save")])
    apply_ui_language("bn")
    # What our catalog does not translate (yet) keeps Qt's English, never an empty button.
    bengali = i18n.translation("bn")
    assert button_texts(qtbot) == sorted(bengali.pgettext("Qt", t) for t in ("Cancel", "Save"))
    field = QLineEdit()
    qtbot.addWidget(field)
    menu = field.createStandardContextMenu()
    assert menu is not None
    texts = [a.text().split("\t", 1)[0] for a in menu.actions() if not a.isSeparator()]
    assert bengali.pgettext("Qt", "&Copy") in texts
    assert bengali.pgettext("Qt", "&Copy") != "&Copy"
    assert "&Copy" not in texts
    apply_ui_language("en")
    assert button_texts(qtbot) == ["Cancel", "Save"]


def test_apply_ui_language_sets_our_strings_too(qtbot: QtBot, english_after: None) -> None:
    apply_ui_language("en_XA")
    assert i18n._("Contents") == pseudo("Contents")
    field = QLineEdit()
    qtbot.addWidget(field)
    field.setPlaceholderText(i18n._("Name of your organization"))
    assert field.placeholderText().startswith("⟦")


@pytest.mark.parametrize(("argv", "expected"), [
    (["smready", "--lang", "fi", "cafe.smready"], ("fi", ["smready", "cafe.smready"])),
    (["smready", "--lang=bn_BD"], ("bn", ["smready"])),
    (["smready", "cafe.smready"], (None, ["smready", "cafe.smready"])),
    (["smready", "--lang", "en-XA", "-style", "Fusion"],
     ("en_XA", ["smready", "-style", "Fusion"])),
])
def test_lang_option_is_taken_out_of_argv(argv: list[str], expected: object) -> None:
    assert take_lang_option(argv) == expected


@pytest.mark.parametrize("argv", [["smready", "--lang", "de"], ["smready", "--lang"]])
def test_bad_lang_option_is_one_line_on_stderr_and_exit_2(
        argv: list[str], capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    def no_window(argv: list[str]) -> None:
        raise AssertionError("the app started despite a bad --lang")

    monkeypatch.setattr("smready.ui.app.main.setup_application", no_window)
    with pytest.raises(UnknownLanguage):
        take_lang_option(argv)
    assert run(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("smready: ") and err.count("\n") == 1


def test_bengali_menu_words_are_drawn_whole(qtbot: QtBot, english_after: None) -> None:
    """Qt underlines a shortcut letter by cutting the text at the "&", which breaks a
    Bengali cluster ("&ফাইল" showed "ফ◌াইল"); in Bengali the style draws such texts whole."""
    from PySide6.QtWidgets import QApplication, QStyle

    def underlined() -> int:
        style = QApplication.style()
        assert style is not None
        return style.styleHint(QStyle.StyleHint.SH_UnderlineShortcut)

    english = underlined()
    apply_ui_language("bn")
    assert underlined() == 0
    label_text = i18n._("&File")
    assert "&" in label_text and label_text != "&File"  # translated, mnemonic kept
    apply_ui_language("en")
    assert underlined() == english


@pytest.mark.parametrize("lang", ["fi", "bn"])
def test_the_file_dialog_speaks_the_ui_language(
        qtbot: QtBot, english_after: None, lang: str) -> None:
    """Qt's own file dialog (Open, Save as, Export, the logo): PySide6's Finnish catalog
    predates Qt 6's labels and there is no Bengali one; ours fills both."""
    from PySide6.QtWidgets import QFileDialog, QLabel

    apply_ui_language(lang)
    dialog = QFileDialog(None, "", str(Path(__file__).parent))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    translation = i18n.translation(lang)
    for source in ("&Look in:", "File &name:", "Files of &type:"):
        assert source not in labels
        assert translation.pgettext("Qt", source) in labels
    model = dialog.findChild(QFileSystemModel)
    assert model is not None
    headers = [model.headerData(column, Qt.Orientation.Horizontal) for column in range(4)]
    # Finnish takes Qt's own words where it has them ("Muutosaika"), ours where it has none.
    for header, source in zip(headers, ("Name", "Size", "Type", "Date Modified"), strict=True):
        assert header not in (source, "")
