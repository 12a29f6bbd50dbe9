"""The wizard in Bangladesh and India: the foreign-funding question where its rules apply,
and the privacy step naming India's DPDP Act."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from smready.domain import OrgKind, Project
from smready.rendering.policy import build_policy
from tests.ui.conftest import example
from tests.ui.test_policy_wizard import make_wizard
from tests.unit.test_policy_clauses import _texts


def project_in(country: str, kind: OrgKind = OrgKind.NONPROFIT) -> Project:
    project = Project.new("Alo Shishu Shiksha", kind)
    project.organization.country = country
    return project


def test_a_bangladeshi_nonprofit_is_asked_about_foreign_funding(qtbot: QtBot) -> None:
    wizard, controller = make_wizard(qtbot, project_in("BD"))
    wizard.go_to("nonprofit")
    page = wizard.page("nonprofit")
    assert page.foreign_check.isVisible() and not page.foreign_check.isChecked()
    assert "registered with the NGO Affairs Bureau" not in _texts(
        build_policy(controller.project))
    qtbot.mouseClick(page.foreign_check, Qt.MouseButton.LeftButton)
    assert controller.project.policy.nonprofit.foreign_funding
    assert "registered with the NGO Affairs Bureau" in _texts(build_policy(controller.project))


def test_the_foreign_funding_question_is_hidden_where_it_changes_nothing(
        qtbot: QtBot) -> None:
    wizard, _controller = make_wizard(qtbot, example("pirkanmaa-nature-association"))
    wizard.go_to("nonprofit")
    page = wizard.page("nonprofit")
    assert page.charity_check.isVisible() and not page.foreign_check.isVisible()


def test_the_privacy_step_names_the_dpdp_act_in_india(qtbot: QtBot) -> None:
    wizard, _controller = make_wizard(qtbot, project_in("IN", OrgKind.SMALL_BUSINESS))
    wizard.go_to("privacy")
    text = wizard.page("privacy").law_label.text()
    assert text.startswith("You are in India") and "DPDP Act 2023" in text
    assert "under 18" in text


def test_the_privacy_step_in_bangladesh_says_consent_first(qtbot: QtBot) -> None:
    wizard, _controller = make_wizard(qtbot, project_in("BD"))
    wizard.go_to("privacy")
    text = wizard.page("privacy").law_label.text()
    assert text.startswith("You are in Bangladesh") and "consent first" in text
    assert "Choose your country" not in text  # they did: Bangladesh
