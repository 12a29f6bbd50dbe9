"""The newer policy answers (safeguarding, house rules for comments, conversation ideas,
paid ads, agencies, registered charity, CCPA, legal check) each have a field in the
wizard, edits go through the session and undo, and every "Not decided yet" item the
policy can print leads to a step with a field for it."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from smready.domain import OrgKind, PolicyGap, Project
from smready.rendering.policy import load_clauses
from smready.scoring import policy_gaps
from smready.session import POLICY_STEPS, step_for_section
from smready.ui.app.controller import ProjectController
from smready.ui.pages.policy import PolicyWizard
from smready.ui.pages.policy.base import value_at
from tests.ui.conftest import example, show_widget, type_text

EXAMPLES = ("cafe-aurora", "harbour-food-bank", "pirkanmaa-nature-association",
            "riverside-youth-club", "sunset-bean-cafe")


def make_wizard(qtbot: QtBot, project: Project) -> tuple[PolicyWizard, ProjectController]:
    controller = ProjectController(project)
    wizard = PolicyWizard(controller)
    show_widget(qtbot, wizard, 1100, 800)
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow)
    return wizard, controller


def california_business() -> Project:
    project = example("sunset-bean-cafe")
    project.organization.ccpa_covered = False
    return project


def nonprofit() -> Project:
    project = example("harbour-food-bank")
    project.policy.nonprofit.registered_charity = True
    return project


# (step, answer path, make the project, the value set through the widget)
FIELDS: list[tuple[str, str, Any, object]] = [
    ("privacy", "safeguarding.works_with_minors", california_business, True),
    ("privacy", "safeguarding.works_with_vulnerable", california_business, True),
    ("privacy", "safeguarding.lead", california_business, "Jenna Park"),
    ("privacy", "organization.ccpa_covered", california_business, True),
    ("escalation", "comments.extra", california_business, "Ads for other shops"),
    ("escalation", "comments.threats_to", california_business, "Jenna Park"),
    ("voice", "conversation_ideas", california_business, "A question every Friday"),
    ("accounts", "ads.uses_ads", california_business, True),
    ("accounts", "ads.approver", california_business, "Jenna Park"),
    ("accounts", "ads.budget", california_business, "up to 150 dollars a month"),
    ("accounts", "agencies.uses_agency", california_business, True),
    ("accounts", "agencies.names", california_business, "Bright Studio"),
    ("accounts", "agencies.contact", california_business, "Jenna Park"),
    ("nonprofit", "nonprofit.registered_charity", nonprofit, False),
    ("review", "review.legal_check_by", california_business, "Lee Law LLP"),
]


def widget_for(wizard: PolicyWizard, step: str, path: str) -> QWidget:
    page = wizard.page(step)
    key = page.key_for(PolicyGap(section=step, field=path.removeprefix("organization."),
                                 message=""))
    assert key is not None and key in page._fields, f"{step} has no field for {path}"
    return page._fields[key]


@pytest.mark.parametrize(("step", "path", "make", "value"), FIELDS,
                         ids=[f[1] for f in FIELDS])
def test_each_new_field_edits_the_project_and_undoes(
        qtbot: QtBot, step: str, path: str, make: Any, value: object) -> None:
    project = make()
    empty: object = "" if isinstance(value, str) else not value
    target: Any = project
    *parents, last = (path if path.startswith("organization.") else f"policy.{path}").split(".")
    for name in parents:
        target = getattr(target, name)
    setattr(target, last, empty)
    wizard, controller = make_wizard(qtbot, project)
    wizard.go_to(step)
    widget = widget_for(wizard, step, path)
    assert widget.isVisible(), f"{path} is hidden on {step}"
    before = value_at(controller.project, path)
    assert before != value
    if isinstance(widget, QCheckBox):
        assert widget.isChecked() == before
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton,
                         pos=QPoint(8, widget.height() // 2))  # on the box itself
    else:
        assert isinstance(widget, QLineEdit | QPlainTextEdit)
        widget.setFocus()
        type_text(qtbot, widget, str(value))
    assert value_at(controller.project, path) == value
    assert controller.undo_stack.canUndo()
    controller.undo_stack.undo()
    assert value_at(controller.project, path) == before
    # The widget follows the undo.
    shown = widget.isChecked() if isinstance(widget, QCheckBox) else (
        widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText())
    assert shown == before


def test_every_answer_the_clauses_print_has_a_field() -> None:
    """Each ``gap``/``user`` clause of the clause library names an answer; the wizard step
    the section belongs to has a field for it, found the way a Review link finds it."""
    wanted: list[tuple[str, str]] = []
    for spec in load_clauses():
        for clause in spec.clauses:
            if clause.kind == "gap" and clause.field:
                wanted.append((spec.wizard, clause.field))
            elif clause.kind == "user":
                wanted.append((spec.wizard, clause.text.removeprefix("policy.")))
    assert ("voice", "conversation_ideas") in wanted
    assert ("escalation", "comments.extra") in wanted
    ids = {s.id for s in POLICY_STEPS}
    controller = ProjectController(Project.new("Test", OrgKind.NONPROFIT))
    wizard = PolicyWizard(controller)
    missing = []
    for section, field in wanted:
        assert section in ids
        page = wizard.page(section)
        key = page.key_for(PolicyGap(section=section, field=field, message=""))
        if key is None or key not in page._fields:
            missing.append(f"{section}: {field}")
    assert missing == []
    wizard.deleteLater()


def has_focus(field: QWidget) -> bool:
    """The field or a part of it (a table's cells) has the keyboard."""
    focus = QApplication.focusWidget()
    return focus is not None and (focus is field or field.isAncestorOf(focus))


def gap_projects() -> list[tuple[str, Project]]:
    projects = [("blank business", Project.new("Shop", OrgKind.SMALL_BUSINESS)),
                ("blank nonprofit", Project.new("Club", OrgKind.NONPROFIT))]
    for name in EXAMPLES:
        project = example(name)
        policy = project.policy
        policy.ads.uses_ads, policy.ads.approver = True, ""
        policy.safeguarding.works_with_minors, policy.safeguarding.lead = True, ""
        policy.agencies.uses_agency, policy.agencies.contact = True, ""
        policy.spokespeople, policy.media_inquiries_to = [], ""
        policy.responsibilities = []
        policy.escalation.crisis_contacts = []
        policy.escalation.complaint_route = policy.escalation.idea_route = ""
        policy.privacy.data_contact = policy.measurement.report_to = ""
        policy.review.approver = ""
        policy.review.effective_date = None
        policy.nonprofit.story_consent = False
        projects.append((f"{name} cleared", project))
    return projects


@pytest.mark.parametrize(("name", "project"), gap_projects(), ids=lambda v: str(v)[:30])
def test_every_gap_leads_to_a_step_with_its_field(
        qtbot: QtBot, name: str, project: Project) -> None:
    gaps = policy_gaps(project)
    assert gaps, name
    if "cleared" in name:
        fields = {g.field for g in gaps}
        assert {"ads.approver", "safeguarding.lead"} <= fields
    wizard, _controller = make_wizard(qtbot, project)
    for gap in gaps:
        step = step_for_section(project, gap.section)
        page = wizard.page(step.id)
        assert page.is_shown(project), gap
        key = page.key_for(gap)
        assert key is not None and key in page._fields, f"no field for {gap}"
        # The Review link opens that step and puts the keyboard in the field.
        wizard.show_gap(gap.section, gap.field)
        assert wizard.current_page() is page
        field = page._fields[key]
        qtbot.waitUntil(lambda f=field: has_focus(f))  # type: ignore[misc]


def test_steps_own_the_answers_their_fields_edit() -> None:
    """A step counts as started when something in its parts changed: every field a step
    binds lies inside one of its parts, so answering it moves the step out of not started."""
    controller = ProjectController(Project.new("Club", OrgKind.NONPROFIT))
    wizard = PolicyWizard(controller)
    outside = []
    for page in wizard.pages:
        parts = page.step().parts
        for binding in page._bindings:
            if not any(binding.path == p or binding.path.startswith(p + ".")
                       for p in parts):
                outside.append(f"{page.page_id}: {binding.path}")
    assert outside == []
    wizard.deleteLater()


def test_ccpa_hint_hides_with_its_question(qtbot: QtBot) -> None:
    wizard, _controller = make_wizard(qtbot, example("harbour-food-bank"))
    wizard.go_to("privacy")
    page = wizard.page("privacy")
    assert not page._fields["ccpa_covered"].isVisible()
    assert not page._check_hints["ccpa_covered"].isVisible()
    business, _c = make_wizard(qtbot, california_business())
    business.go_to("privacy")
    assert business.page("privacy")._check_hints["ccpa_covered"].isVisible()
