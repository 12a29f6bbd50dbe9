"""The policy wizard, driven like a user: typing, adding rows, Back and Next, Finish."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from smready.domain import Goal, GoalType, OrgKind, Project, TaskKind
from smready.ui.app.controller import ProjectController
from smready.ui.pages.policy import PolicyWizard
from smready.ui.pages.policy.base import PolicyPage
from smready.ui.widgets.table_editor import TableEditor
from tests.ui.conftest import example, show_widget, type_text


def make_wizard(qtbot: QtBot, project: Project) -> tuple[PolicyWizard, ProjectController]:
    controller = ProjectController(project)
    wizard = PolicyWizard(controller)
    show_widget(qtbot, wizard, 1100, 800)
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow)
    return wizard, controller




def retype(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    """Replace a line edit's text by typing, as a user would."""
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    type_text(qtbot, edit, text)


def type_cell(qtbot: QtBot, editor: TableEditor, row: int, column: int, text: str) -> None:
    """Open a cell's editor, type into it and press Enter to commit."""
    table = editor.table
    table.setFocus()
    table.setCurrentCell(row, column)
    table.editItem(table.item(row, column))
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit | QComboBox))
    focus = QApplication.focusWidget()
    assert focus is not None
    target: QWidget = focus
    if isinstance(focus, QComboBox) and focus.lineEdit() is not None:
        target = focus.lineEdit()
    if isinstance(target, QLineEdit):
        target.selectAll()
    type_text(qtbot, target, text)
    qtbot.keyClick(target, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState)


def next_page(qtbot: QtBot, wizard: PolicyWizard) -> None:
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)


def fill_required(qtbot: QtBot, wizard: PolicyWizard, controller: ProjectController) -> None:
    """Walk from the first step to the last, answering every required question."""

    # Goals are made on the Goals page, outside the wizard; the policy prints them.
    controller.edit("Add goal", "goals", lambda p: p.goals.append(
        Goal(goal_type=GoalType.BRAND_AWARENESS, metric="Reach")))
    org = wizard.page("organization")
    retype(qtbot, org.name_edit, "Aurora Test Shop")
    assert controller.project.organization.name == "Aurora Test Shop"
    qtbot.keyClick(org.name_edit, Qt.Key.Key_Return)  # Enter = Next
    assert wizard.current_page_id() == "scope"
    next_page(qtbot, wizard)

    accounts = wizard.page("accounts").accounts_table
    assert accounts.empty_label.isVisible()
    qtbot.mouseClick(accounts.add_button, Qt.MouseButton.LeftButton)
    type_cell(qtbot, accounts, 0, 0, "Instagram")
    type_cell(qtbot, accounts, 0, 1, "@aurora_shop")
    type_cell(qtbot, accounts, 0, 2, "Ana Lind")
    assert not accounts.empty_label.isVisible()
    assert [(a.platform, a.handle) for a in controller.project.policy.accounts] == [
        ("instagram", "@aurora_shop")]

    next_page(qtbot, wizard)
    assert wizard.current_page_id() == "goals"
    controller.edit("Add goal", "goals", lambda p: setattr(p, "goals", [Goal(
        goal_type=GoalType.BRAND_AWARENESS, relevance="Be known in the neighbourhood")]))
    next_page(qtbot, wizard)
    voice = wizard.page("voice")
    voice.voice_edit.setFocus()
    type_text(qtbot, voice.voice_edit, "Friendly and local.")

    while wizard.current_page_id() != "spokespeople":
        next_page(qtbot, wizard)
    people = wizard.page("spokespeople").table
    assert "No spokespeople yet" in people.empty_label.text()
    qtbot.mouseClick(people.add_button, Qt.MouseButton.LeftButton)
    type_cell(qtbot, people, 0, 0, "Ana Lind")
    type_cell(qtbot, people, 0, 1, "Owner")
    assert controller.project.policy.spokespeople[0].name == "Ana Lind"
    people.set_cell(0, "may_approve_posts", True)
    retype(qtbot, wizard.page("spokespeople").media_edit, "Ana Lind")

    while wizard.current_page_id() != "responsibilities":
        next_page(qtbot, wizard)
    tasks_page = wizard.page("responsibilities")
    qtbot.mouseClick(tasks_page.usual_button, Qt.MouseButton.LeftButton)
    rows = tasks_page.table.rows()
    assert [r["task"] for r in rows] == ["point_person", "posting", "monitoring", "answering",
                                         "security"]
    for row in range(5):
        type_cell(qtbot, tasks_page.table, row, 1, "Ana Lind")

    next_page(qtbot, wizard)
    assert wizard.current_page_id() == "escalation"
    contacts = wizard.page("escalation").contacts_table
    qtbot.mouseClick(contacts.add_button, Qt.MouseButton.LeftButton)
    type_cell(qtbot, contacts, 0, 0, "Olli Virta")
    escalation = wizard.page("escalation")
    retype(qtbot, escalation.complaint_edit, "Ana Lind")
    retype(qtbot, escalation.idea_edit, "Ana Lind")

    while wizard.current_page_id() != "measurement":
        next_page(qtbot, wizard)
    retype(qtbot, wizard.page("measurement").to_edit, "the owner")

    while wizard.finish_button.isHidden():
        next_page(qtbot, wizard)
    signoff = wizard.page("review")
    retype(qtbot, signoff.approver_edit, "Ana Lind")
    qtbot.mouseClick(signoff.today_button, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("kind", [OrgKind.SMALL_BUSINESS, OrgKind.NONPROFIT])
def test_walk_the_whole_wizard(qtbot: QtBot, kind: OrgKind) -> None:
    wizard, controller = make_wizard(qtbot, Project.new("New organization", kind))
    ids = [p.page_id for p in wizard.visible_pages()]
    assert ("nonprofit" in ids) is (kind is OrgKind.NONPROFIT)
    assert wizard.step_label.text() == f"1 of {len(ids)} · Your organization"
    assert wizard.completion()[0] < len(ids)

    fill_required(qtbot, wizard, controller)
    assert wizard.step_label.text().startswith(f"{len(ids)} of {len(ids)}")

    # Back and forth never loses an answer: the model and the widgets still hold them.
    while wizard.current_page_id() != "organization":
        qtbot.mouseClick(wizard.back_button, Qt.MouseButton.LeftButton)
    assert not wizard.back_button.isEnabled()
    assert wizard.page("organization").name_edit.text() == "Aurora Test Shop"
    for _ in range(5):
        next_page(qtbot, wizard)
    assert wizard.current_page_id() == "spokespeople"
    assert wizard.page("spokespeople").table.rows()[0]["name"] == "Ana Lind"
    assert wizard.page("accounts").accounts_table.rows()[0]["handle"] == "@aurora_shop"
    policy = controller.project.policy
    assert [s.name for s in policy.spokespeople] == ["Ana Lind"]
    assert {r.task for r in policy.responsibilities if r.person == "Ana Lind"} >= {
        TaskKind.POSTING, TaskKind.MONITORING, TaskKind.ANSWERING}
    assert policy.escalation.crisis_contacts[0].name == "Olli Virta"
    assert policy.review.approver == "Ana Lind"
    assert policy.review.effective_date is not None
    assert controller.dirty  # every edit went to the model, ready to be saved

    while wizard.finish_button.isHidden():
        next_page(qtbot, wizard)
    with qtbot.waitSignal(wizard.policy_finished, timeout=1000):
        qtbot.mouseClick(wizard.finish_button, Qt.MouseButton.LeftButton)
    assert wizard.completion() == (len(ids), len(ids))
    assert "complete" in wizard.status_label.text()


def test_switching_kind_updates_the_steps_live(qtbot: QtBot) -> None:
    wizard, controller = make_wizard(qtbot, Project.new("Club", OrgKind.SMALL_BUSINESS))
    total = len(wizard.visible_pages())
    combo = wizard.page("organization").kind_combo
    with qtbot.waitSignal(wizard.completion_changed, timeout=1000):
        combo.setCurrentIndex(combo.findData(OrgKind.NONPROFIT))
    assert controller.project.organization.kind is OrgKind.NONPROFIT
    assert "nonprofit" in [p.page_id for p in wizard.visible_pages()]
    assert wizard.step_label.text() == f"1 of {total + 1} · Your organization"
    wizard.go_to("nonprofit")
    box = wizard.page("nonprofit").volunteers_check
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert controller.project.policy.nonprofit.volunteers_may_post_officially is box.isChecked()
    combo.setCurrentIndex(combo.findData(OrgKind.SMALL_BUSINESS))
    assert "nonprofit" not in [p.page_id for p in wizard.visible_pages()]
    assert wizard.current_page_id() != "nonprofit"


def test_missing_version_blocks_finish_with_message_next_to_the_field(qtbot: QtBot) -> None:
    wizard, controller = make_wizard(qtbot, example("cafe-aurora"))
    assert wizard.completion()[0] == wizard.completion()[1]
    signoff = wizard.page("review")
    wizard.go_to("organization")
    retype(qtbot, signoff.version_edit, "")
    assert controller.project.policy.review.version == ""
    wizard.go_to("review")
    below = signoff.approver_edit.mapTo(signoff, signoff.approver_edit.rect().topLeft()).y()

    assert wizard.finish() is False
    assert wizard.current_page_id() == "review"  # jumped to the first step with a gap
    message = signoff._messages["version"]
    assert message.isVisible()
    assert "version number" in message.text()
    # The message sits right under the field it is about.
    field_pos = signoff.version_edit.mapTo(signoff, signoff.version_edit.rect().bottomLeft())
    message_pos = message.mapTo(signoff, message.rect().topLeft())
    assert 0 <= message_pos.y() - field_pos.y() < 30
    assert "1 thing is missing" in wizard.status_label.text()
    assert wizard.completion()[0] == wizard.completion()[1] - 1
    # The message had its line already: the fields below it did not move.
    assert signoff.approver_edit.mapTo(signoff, signoff.approver_edit.rect().topLeft()).y() \
        == below

    type_text(qtbot, signoff.version_edit, "1.1")
    assert message.text() == ""
    with qtbot.waitSignal(wizard.policy_finished, timeout=1000):
        qtbot.keyClick(signoff.version_edit, Qt.Key.Key_Return)  # Enter = Finish here
    assert wizard.completion()[0] == wizard.completion()[1]


def test_empty_name_is_kept_out_of_the_model_and_blocks_finish(qtbot: QtBot) -> None:
    wizard, controller = make_wizard(qtbot, example("cafe-aurora"))
    org = wizard.page("organization")
    retype(qtbot, org.name_edit, "")
    assert controller.project.organization.name == "Café Aurora"  # a file always has a name
    wizard.go_to("review")
    assert wizard.finish() is False
    assert wizard.current_page_id() == "organization"
    assert org._messages["name"].text() == "Give the name of your organization."
    assert org.name_edit.hasFocus()
    type_text(qtbot, org.name_edit, "Cafe Borealis")
    assert controller.project.organization.name == "Cafe Borealis"
    assert wizard.finish() is True


def test_readiness_answers_prefill_accounts_and_point_person(qtbot: QtBot) -> None:
    project = Project.new("Bakery", OrgKind.SMALL_BUSINESS)
    project.readiness.answers["sites.platforms"] = ["instagram", "facebook"]
    project.readiness.answers["resources.point_person"] = "Mia Berg"
    wizard, controller = make_wizard(qtbot, project)
    assert wizard.prefill_banner.isVisible()  # offered on first entry, tables empty

    qtbot.mouseClick(wizard.prefill_yes, Qt.MouseButton.LeftButton)
    assert not wizard.prefill_banner.isVisible()
    policy = controller.project.policy
    assert sorted(a.platform for a in policy.accounts) == ["facebook", "instagram"]
    assert [(r.task, r.person) for r in policy.responsibilities] == [
        (TaskKind.POINT_PERSON, "Mia Berg")]
    accounts = wizard.page("accounts").accounts_table.rows()
    assert sorted(r["platform"] for r in accounts) == ["facebook", "instagram"]
    assert {r["owner"] for r in accounts} == {"Mia Berg"}
    assert wizard.page("responsibilities").table.rows()[0]["person"] == "Mia Berg"
    assert controller.dirty

    # The button fills only what is missing and never overwrites an answer.
    wizard.go_to("accounts")
    qtbot.mouseClick(wizard.page("accounts").prefill_button, Qt.MouseButton.LeftButton)
    assert len(controller.project.policy.accounts) == 2
    assert "Nothing to fill" in wizard.status_label.text()


def test_project_replaced_reloads_every_page(qtbot: QtBot) -> None:
    wizard, controller = make_wizard(qtbot, Project.new("First", OrgKind.SMALL_BUSINESS))
    wizard.go_to("spokespeople")
    controller.replace(example("harbour-food-bank"), None)
    assert wizard.current_page_id() == "organization"
    assert wizard.page("organization").name_edit.text() == "Harbour Food Bank"
    assert wizard.page("spokespeople").table.row_count() == len(
        controller.project.policy.spokespeople)
    assert "nonprofit" in [p.page_id for p in wizard.visible_pages()]
    signoff = wizard.page("review")
    date = controller.project.policy.review.effective_date
    assert date is not None
    assert signoff.date_edit.date() == QDate(date.year, date.month, date.day)


def test_every_control_has_an_accessible_name(qtbot: QtBot) -> None:
    wizard, _controller = make_wizard(qtbot, example("harbour-food-bank"))
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QPlainTextEdit

    kinds = (QLineEdit, QComboBox, QPlainTextEdit, QAbstractButton, QAbstractSpinBox)
    unnamed = [
        f"{type(w).__name__} on {page.page_id}"
        for page in wizard.pages
        for w in page.findChildren(QWidget)
        if isinstance(w, kinds) and not w.accessibleName() and not (
            isinstance(w, QAbstractButton) and w.text())
        and not isinstance(w.parent(), QAbstractSpinBox | QComboBox | QLineEdit)
    ]
    assert unnamed == []


def test_table_columns_fit_what_they_hold(qtbot: QtBot) -> None:
    # E-mail addresses and roles of the food bank's spokespeople show in full, not "…".
    wizard, controller = make_wizard(qtbot, example("harbour-food-bank"))
    wizard.go_to("spokespeople")
    table = wizard.page("spokespeople").table.table
    metrics = table.fontMetrics()
    for column, key in ((1, "role"), (3, "contact")):
        longest = max((getattr(p, key) for p in controller.project.policy.spokespeople),
                      key=metrics.horizontalAdvance)
        assert table.columnWidth(column) >= metrics.horizontalAdvance(longest), longest
    # A table page may use more width than a page of text.
    assert wizard.page("spokespeople").maximumWidth() > wizard.page("privacy").maximumWidth()


def test_every_page_has_its_own_title(qtbot: QtBot) -> None:
    wizard, _controller = make_wizard(qtbot, example("harbour-food-bank"))
    base_title = PolicyPage.title.__func__  # type: ignore[attr-defined]
    for page in wizard.pages:
        assert type(page).title.__func__ is not base_title, type(page).__name__
        assert page.heading.text() == page.title() and page.title()


def test_answers_are_checked_as_you_type(qtbot: QtBot, tmp_path: Path) -> None:
    wizard, controller = make_wizard(qtbot, example("cafe-aurora"))
    org = wizard.page("organization")
    email = org._messages["contact.email"]
    retype(qtbot, org.contact_email_edit, "maria.example.org")
    assert "e-mail address" in email.text()
    assert controller.project.organization.contact.email == "maria.example.org"  # kept
    assert wizard.finish() is False  # the step stays open until it is fixed
    type_text(qtbot, org.contact_email_edit, "")
    retype(qtbot, org.contact_email_edit, "maria@example.org")
    assert email.text() == ""

    retype(qtbot, org.contact_phone_edit, "call me")
    assert "phone number" in org._messages["contact.phone"].text()
    retype(qtbot, org.website_edit, "not a site")
    assert "web address" in org._messages["website"].text()

    logo = tmp_path / "logo.png"
    retype(qtbot, org.logo_edit, str(logo))
    assert "no file here" in org._messages["logo_path"].text()
    logo.write_text("not really a picture", "utf-8")
    retype(qtbot, org.logo_edit, str(logo))
    assert "not a PNG, JPEG or SVG image" in org._messages["logo_path"].text()
    logo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    retype(qtbot, org.logo_edit, str(logo))
    assert org._messages["logo_path"].text() == ""

    wizard.go_to("accounts")
    accounts = wizard.page("accounts")
    type_cell(qtbot, accounts.accounts_table, 0, 1, "@cafe aurora")
    assert accounts._messages["accounts"].text().startswith("Row 1: A handle is @")


def test_ccpa_question_only_for_a_california_business(qtbot: QtBot) -> None:
    from smready.domain import PrivacyLaw

    wizard, controller = make_wizard(qtbot, example("sunset-bean-cafe"))
    wizard.go_to("privacy")
    page = wizard.page("privacy")
    assert page.ccpa_check.isVisible() and not page.ccpa_check.isChecked()
    qtbot.mouseClick(page.ccpa_check, Qt.MouseButton.LeftButton)
    assert controller.project.organization.ccpa_covered
    assert controller.project.organization.privacy_law is PrivacyLaw.CCPA
    page.safeguarding_edit.setFocus()
    qtbot.keyClicks(page.safeguarding_edit, "Jenna Park")
    assert controller.project.policy.safeguarding.lead == "Jenna Park"

    bank, _controller = make_wizard(qtbot, example("harbour-food-bank"))
    bank.go_to("privacy")
    assert not bank.page("privacy").ccpa_check.isVisible()  # nonprofits are outside it
