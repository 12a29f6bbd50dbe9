"""The language of a project's documents: chosen on the wizard's first step or on Review,
undoable, saved in the project, independent of the UI language; new projects take the
default from Preferences."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from smready.domain import OrgKind
from smready.i18n import current
from smready.ui.app.main_window import POLICY, REVIEW
from smready.ui.app.preferences import save_preferences
from smready.ui.pages.policy.organization import OrganizationPage
from tests.ui.conftest import make_window, show_example

RENDER_TIMEOUT = 90_000  # ms; the first render also starts the worker process


def choose(qtbot: QtBot, combo: QComboBox, lang: str) -> None:
    """Pick an entry as a user does: open the list, click the entry."""
    combo.setFocus()
    combo.showPopup()
    view = combo.view()
    index = combo.model().index(combo.findData(lang), 0)
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.center()))
    qtbot.waitUntil(lambda: not view.isVisible())


def test_document_language_on_the_first_step_is_undoable_and_reaches_the_project(
        qtbot: QtBot) -> None:
    window = make_window(qtbot)
    window.files.new_project("Rongmohol Crafts", OrgKind.SMALL_BUSINESS)
    window._project_opened()
    window.show_page(POLICY)
    page = window.policy_page.page(OrganizationPage)
    assert isinstance(page, OrganizationPage)
    window.policy_page.go_to(page)
    assert current().lang == "en"  # an English UI ...
    assert page.language_combo.currentText() == "English"
    choose(qtbot, page.language_combo, "bn")
    assert page.language_combo.currentData() == "bn"
    assert window.controller.project.language == "bn"  # ... can make a Bengali policy
    assert window.undo_action.text() == "&Undo Change “Language of the documents”"
    # Review shows the same choice.
    assert window.review_page.language_combo.currentText() == "বাংলা"

    window.undo_action.trigger()
    assert window.controller.project.language == "en"
    assert page.language_combo.currentData() == "en"
    assert window.review_page.language_combo.currentData() == "en"
    window.redo_action.trigger()
    assert page.language_combo.currentData() == "bn"


def test_review_changes_the_language_of_the_preview(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    show_example(window, "cafe-aurora")
    window.show_page(REVIEW)
    review = window.review_page
    qtbot.waitUntil(lambda: review.document.pageCount() >= 1, timeout=RENDER_TIMEOUT)
    assert "Social media policy" in review.document.getAllText(0).text()
    with qtbot.waitSignal(review.preview_updated, timeout=RENDER_TIMEOUT):
        choose(qtbot, review.language_combo, "fi")
    assert window.controller.project.language == "fi"
    first_page = review.document.getAllText(0).text()
    assert "Sosiaalisen median ohje" in first_page  # the policy, now in Finnish
    assert "Social media policy" not in first_page
    assert current().lang == "en"  # the window stays English
    # The wizard's first step shows the same choice when the user goes there.
    window.show_page(POLICY)
    page = window.policy_page.page(OrganizationPage)
    assert isinstance(page, OrganizationPage)
    window.policy_page.go_to(page)
    assert page.language_combo.currentText() == "suomi"
    window.show_page(REVIEW)
    with qtbot.waitSignal(review.preview_updated, timeout=RENDER_TIMEOUT):
        window.undo_action.trigger()
    assert window.controller.project.language == "en"
    assert "Social media policy" in review.document.getAllText(0).text()


def test_new_projects_take_the_default_from_preferences(qtbot: QtBot) -> None:
    save_preferences("en", "fi")
    window = make_window(qtbot)
    window.files.new_project("Kahvila Aurora", OrgKind.SMALL_BUSINESS)
    assert window.controller.project.language == "fi"
    assert not window.controller.dirty
