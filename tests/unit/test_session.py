"""The project session: edits, undo/redo that restore the project exactly, derived results."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from smready import scoring
from smready.domain import (
    Action,
    Goal,
    GoalType,
    OrgKind,
    Project,
    Spokesperson,
    WorkTimeRule,
)
from smready.session import POLICY_STEPS, ProjectSession
from smready.storage import load_project

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

Change = tuple[str, str, Callable[[Project], object]]

text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)


def _changes() -> st.SearchStrategy[Change]:
    def set_attr(path: str) -> Callable[[object], Change]:
        def make(value: object) -> Change:
            parent, _, name = path.rpartition(".")

            def change(p: Project) -> None:
                target: object = p
                for part in parent.split("."):
                    target = getattr(target, part)
                setattr(target, name, value)

            return (f"Change {path}", path, change)
        return make

    def add_spokesperson(name: str) -> Change:
        return ("Add spokesperson", "policy.spokespeople", lambda p: setattr(
            p.policy, "spokespeople", [*p.policy.spokespeople, Spokesperson(name=name or "A")]))

    def remove_spokesperson(index: int) -> Change:
        return ("Remove spokesperson", "policy.spokespeople", lambda p: setattr(
            p.policy, "spokespeople",
            [s for i, s in enumerate(p.policy.spokespeople) if i != index]))

    def answer(value: str) -> Change:
        return ("Answer", "readiness.answers", lambda p: setattr(
            p.readiness, "answers", {**p.readiness.answers, "policy.written": value}))

    def add_goal(_: int) -> Change:
        return ("Add goal", "goals", lambda p: setattr(
            p, "goals", [*p.goals, Goal(goal_type=GoalType.BRAND_AWARENESS)]))

    def add_action(title: str) -> Change:
        return ("Add action", "actions", lambda p: setattr(
            p, "actions", [*p.actions, Action(title=title.strip() or "Do it")]))

    return st.one_of(
        text.map(set_attr("organization.name")),
        text.map(set_attr("policy.values_voice")),
        text.map(set_attr("policy.hr.confidential_examples")),
        st.booleans().map(set_attr("policy.hr.work_devices_ok")),
        st.sampled_from(list(WorkTimeRule)).map(set_attr("policy.hr.work_time")),
        text.map(add_spokesperson),
        st.integers(0, 3).map(remove_spokesperson),
        st.sampled_from(["yes", "partly", "no"]).map(answer),
        st.integers(0, 1).map(add_goal),
        text.map(add_action),
    )


def state(session: ProjectSession) -> object:
    return json.loads(session.project.model_dump_json())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(example=st.sampled_from(["cafe-aurora", "harbour-food-bank"]),
       changes=st.lists(_changes(), min_size=1, max_size=12))
def test_undoing_every_edit_restores_the_project_and_redo_replays_them(
        example: str, changes: list[Change]) -> None:
    session = ProjectSession(load_project(EXAMPLES / f"{example}.smready"))
    start = state(session)
    states = [start]
    edits = 0
    for label, touched, change in changes:
        try:
            edit = session.edit(label, touched, change)
        except ValidationError:  # refused (an empty name): nothing changed
            assert state(session) == states[-1]
            continue
        if edit is not None:
            edits += 1
            states.append(state(session))
    assert session.undo_count == edits
    for expected in reversed(states[:-1]):
        assert session.undo()
        assert state(session) == expected
    assert not session.can_undo() and state(session) == start
    assert not session.dirty
    for expected in states[1:]:
        assert session.redo()
        assert state(session) == expected
    assert not session.can_redo()


def test_typing_in_one_field_is_one_undo_step_named_after_the_field() -> None:
    session = ProjectSession(Project.new("Café", OrgKind.SMALL_BUSINESS))
    for typed in ("F", "Fr", "Fri", "Friendly"):
        session.set("policy.values_voice", typed, "Change “Values and voice”")
    devices = not session.project.policy.hr.work_devices_ok
    session.set("policy.hr.work_devices_ok", devices, "Change “Work devices”", merge=False)
    assert session.undo_count == 2
    assert session.undo_label() == "Change “Work devices”"
    session.undo()
    assert session.undo_label() == "Change “Values and voice”"
    session.undo()
    assert session.project.policy.values_voice == ""
    assert session.redo_label() == "Change “Values and voice”"


def test_a_refused_edit_changes_nothing_and_says_why() -> None:
    session = ProjectSession(load_project(EXAMPLES / "cafe-aurora.smready"))
    before = state(session)

    def change(p: Project) -> None:
        p.policy.values_voice = "Changed first"
        p.organization.name = "x" * 10_000  # over the limit: pydantic refuses

    with pytest.raises(ValidationError):
        session.edit("Two things", "policy", change)
    assert state(session) == before
    assert session.undo_count == 0 and not session.dirty


def test_saving_then_undoing_marks_the_project_changed_again() -> None:
    session = ProjectSession(Project.new("Café", OrgKind.SMALL_BUSINESS))
    session.set("organization.name", "Café Aurora", "Rename", merge=False)
    assert session.dirty
    session.mark_saved(Path("cafe.smready"))
    assert not session.dirty
    session.undo()
    assert session.dirty
    session.redo()
    assert not session.dirty
    # Typing right after a save starts a new undo step: undo returns to the saved text.
    session.set("organization.name", "Café Aurora Oy", "Rename")
    session.undo()
    assert session.project.organization.name == "Café Aurora" and not session.dirty


def test_derived_results_are_computed_once_per_revision(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    real = scoring.policy_gaps

    def counting(project: Project) -> object:
        calls.append(1)
        return real(project)

    monkeypatch.setattr(scoring, "policy_gaps", counting)
    session = ProjectSession(load_project(EXAMPLES / "cafe-aurora.smready"))
    for _ in range(3):
        assert session.derived.complete
        assert session.derived.steps_done == (13, 13)
    assert len(calls) == 1
    session.set("policy.review.version", "", "Clear version", merge=False)
    assert not session.derived.complete
    assert [s.id for s in session.derived.steps if s.state != "done"] == ["review"]
    assert len(calls) == 2


def test_a_new_project_has_no_step_complete() -> None:
    for kind in OrgKind:
        session = ProjectSession(Project.new("Harbour", kind))
        done, total = session.derived.steps_done
        assert done == 0
        assert total == sum(1 for s in POLICY_STEPS if s.applies(session.project))


def test_listeners_hear_what_each_change_touched() -> None:
    session = ProjectSession(Project.new("Café", OrgKind.SMALL_BUSINESS))
    heard: list[tuple[str, str]] = []
    session.listen(lambda change: heard.append((change.kind, change.touched)))
    session.set("policy.hr.work_devices_ok", not session.project.policy.hr.work_devices_ok,
                "Devices", merge=False)
    session.undo()
    session.redo()
    session.replace(Project.new("Other", OrgKind.NONPROFIT), None)
    assert heard == [("edit", "policy.hr"), ("undo", "policy.hr"), ("redo", "policy.hr"),
                     ("replace", "")]
    assert not session.can_undo()


def test_undo_keeps_the_users_agreement_to_embed_the_logo(tmp_path: Path) -> None:
    """The agreement is not in the file (nor in undo's snapshots); undoing an unrelated edit
    dropped the logo from every document while the organization step still showed it."""
    project = Project.new("Café", OrgKind.SMALL_BUSINESS)
    project.organization.logo_path = str(tmp_path / "logo.png")
    project.organization.confirm_logo()
    session = ProjectSession(project)
    session.set("organization.name", "Café Aurora", "Rename")
    session.undo()
    assert session.project.organization.logo_to_embed == str(tmp_path / "logo.png")
    session.redo()
    assert session.project.organization.logo_to_embed == str(tmp_path / "logo.png")
    # Undoing to another logo file does not carry the agreement over to it.
    session.set("organization.logo_path", str(tmp_path / "other.png"), "Logo")
    session.project.organization.confirm_logo()
    session.set("organization.name", "Café Aurora 2", "Rename")
    session.undo()
    session.undo()
    assert session.project.organization.logo_path == str(tmp_path / "logo.png")
    assert session.project.organization.logo_to_embed is None
