"""Names the user typed (an organization's, a file's) show as typed in the window and its
dialogs: Qt's labels guess "rich text" from a "<", and would then render markup and load an
``<img src="file:…">`` from this computer."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from smready.storage import FILE_SUFFIX, save_project
from smready.ui.app.files import ask
from tests.ui.conftest import MessageLog, example, make_window

NAME = '<b>Lumi</b> & <img src="file:///etc/hostname"> co'
FILE_NAME = f"<i>lumi{FILE_SUFFIX}"


def labels_showing(widget: QWidget, *needles: str) -> dict[str, Qt.TextFormat]:
    return {f"{label.objectName() or type(label.parent()).__name__}: {label.text()[:40]}":
            label.textFormat()
            for label in widget.findChildren(QLabel)
            if any(needle in label.text() for needle in needles)}


def test_names_with_markup_show_as_typed_on_every_page(qtbot: QtBot, tmp_path: Path) -> None:
    project = example("cafe-aurora")
    project.organization.name = NAME
    path = tmp_path / FILE_NAME
    save_project(project, path)
    window = make_window(qtbot)
    assert window.open_file(path)
    seen: dict[str, Qt.TextFormat] = {}
    for row in range(4):
        window.show_page(row)
        seen |= labels_showing(window, "<b>Lumi", "<i>lumi")
    # The side panel's name and the status bar's file name at least (so this can fail).
    assert any(key.startswith("org_name_label") for key in seen)
    assert any(key.startswith("save_status") for key in seen)
    assert {key: fmt for key, fmt in seen.items() if fmt != Qt.TextFormat.PlainText} == {}
    assert window.org_label.text() == NAME


def test_message_boxes_show_names_as_typed(messages: MessageLog,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    formats: list[dict[str, Qt.TextFormat]] = []

    def record(box: QMessageBox) -> int:
        formats.append(labels_showing(box, "<b>Lumi", "<i>lumi"))
        return messages(box)

    monkeypatch.setattr(QMessageBox, "exec", lambda box: record(box))
    ask(None, QMessageBox.Icon.Question, "smready", f"Save the changes to “{NAME}”?",
        {QMessageBox.StandardButton.Save: None, QMessageBox.StandardButton.Cancel: None},
        QMessageBox.StandardButton.Save, informative=f"In {FILE_NAME}.")
    assert len(formats) == 1 and len(formats[0]) == 2, formats
    assert set(formats[0].values()) == {Qt.TextFormat.PlainText}


def test_the_export_progress_shows_the_file_name_as_typed(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    window.ensure_workspace()
    progress = window.review_page._busy_dialog(f"Writing {FILE_NAME}…")
    qtbot.addWidget(progress)
    assert set(labels_showing(progress, "<i>lumi").values()) == {Qt.TextFormat.PlainText}


def shown_as(tooltip: str) -> str:
    """The text a tooltip shows: Qt reads it as markup when it looks like markup."""
    document = QTextDocument()
    if GuiQt.mightBeRichText(tooltip):
        document.setHtml(tooltip)
    else:
        document.setPlainText(tooltip)
    return document.toPlainText()


def test_a_recent_file_named_like_markup_shows_its_path_as_typed(
        qtbot: QtBot, tmp_path: Path) -> None:
    window = make_window(qtbot)
    path = tmp_path / f"<b>lumi<img src=x>{FILE_SUFFIX}"
    window.start_page.set_recent_files([path, tmp_path / f"plain{FILE_SUFFIX}"])
    tips = [window.start_page.recent_list.item(row).toolTip() for row in range(2)]
    assert [shown_as(tip) for tip in tips] == [str(path), str(tmp_path / f"plain{FILE_SUFFIX}")]
