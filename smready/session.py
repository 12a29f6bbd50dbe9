"""The open project: one owner of the project, its file, its revision and its undo history.

Qt-free. The app's ``ProjectController`` is a thin Qt shell around a ``ProjectSession``
(signals, a ``QUndoStack`` whose commands call ``undo()``/``redo()`` here).

Every change is an *edit*: a function run on the project, with a label a person reads in
the Edit menu ("Remove spokesperson") and the part of the project it touched
("policy.spokespeople"). The session keeps the project's JSON before and after each edit,
so undo and redo restore it exactly.

What is derived from the project (readiness result, recommendations, policy gaps, the state
of each wizard step) is computed at most once per revision and read by every page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

from smready.domain import OrgKind, PolicyGap, Project, ReadinessResult, Recommendation

ChangeKind = Literal["edit", "undo", "redo", "restore", "replace"]
"""``undo``, ``redo`` and ``restore`` (a refused edit rolled back) put back a saved state:
pages reload their widgets from the project."""


@dataclass(frozen=True)
class Edit:
    """One undoable change: what a person would call it, what it touched, before and after."""

    label: str
    touched: str
    before: str
    after: str
    merge_key: str = ""


@dataclass(frozen=True)
class Change:
    """What listeners hear after every change of the project."""

    kind: ChangeKind
    touched: str
    label: str = ""


# -- paper ----------------------------------------------------------------------------------

LETTER_COUNTRIES = frozenset({"US", "CA", "MX", "PH", "PR", "BZ", "CL", "CO", "CR", "GT",
                              "NI", "PA", "SV", "VE"})
"""Where US Letter is the usual paper (CLDR); A4 everywhere else."""


def paper_for_country(country: str) -> Literal["a4", "letter"]:
    return "letter" if country.strip().upper() in LETTER_COUNTRIES else "a4"


# -- the policy wizard's steps (Qt-free: the step list, counts and Review read them) --------

StepState = Literal["done", "open", "not_started"]


@dataclass(frozen=True)
class Step:
    """One step of the policy wizard: its id, the gap sections it answers, the project
    parts it edits (dotted paths), and whether it applies to this organization."""

    id: str
    sections: tuple[str, ...]
    parts: tuple[str, ...]
    nonprofit_only: bool = False

    def applies(self, project: Project) -> bool:
        return not self.nonprofit_only or project.organization.is_nonprofit


POLICY_STEPS: tuple[Step, ...] = (
    Step("organization", ("organization",), ("organization", "language")),
    Step("scope", ("scope",), ("policy.scope",)),
    Step("accounts", ("accounts", "tools", "ads", "agencies"),
         ("policy.accounts", "policy.tools", "policy.ads", "policy.agencies")),
    Step("goals", ("goals",), ("goals",)),
    Step("voice", ("voice", "values_voice", "conversations"),
         ("policy.values_voice", "policy.conversation_ideas")),
    Step("spokespeople", ("spokespeople",), ("policy.spokespeople",
                                             "policy.media_inquiries_to")),
    Step("hr", ("hr",), ("policy.hr",)),
    Step("responsibilities", ("responsibilities",), ("policy.responsibilities",)),
    Step("escalation", ("escalation", "comments"), ("policy.escalation", "policy.comments")),
    Step("privacy", ("privacy", "safeguarding"),
         ("policy.privacy", "policy.safeguarding", "organization.ccpa_covered")),
    Step("training", ("training",), ("policy.training",)),
    Step("measurement", ("measurement",), ("policy.measurement",)),
    Step("nonprofit", ("nonprofit",), ("policy.nonprofit",), nonprofit_only=True),
    Step("review", ("review",), ("policy.review",)),
)


@dataclass(frozen=True)
class StepStatus:
    id: str
    state: StepState
    gaps: tuple[PolicyGap, ...]

    @property
    def open_count(self) -> int:
        return len(self.gaps)


def step_for_section(project: Project, section: str) -> Step:
    """The step that answers a gap's section; unknown sections belong to the last step."""
    shown = [s for s in POLICY_STEPS if s.applies(project)]
    for step in shown:
        if section in step.sections or section == step.id:
            return step
    return shown[-1]


def _value_at(obj: Any, path: str) -> Any:
    for name in path.split("."):
        obj = getattr(obj, name)
    return obj


def _dump(value: Any) -> Any:
    if isinstance(value, list):
        return [_dump(v) for v in value]
    dump = getattr(value, "model_dump", None)
    return dump(mode="json") if dump is not None else value


def _started(project: Project, fresh: Project, step: Step) -> bool:
    for part in step.parts:
        if part == "language":
            continue  # like the name and kind, chosen when the project is made (Preferences)
        if part == "organization":
            skip = {"name", "kind"}
            mine = project.organization.model_dump(mode="json", exclude=skip)
            if mine != fresh.organization.model_dump(mode="json", exclude=skip):
                return True
        elif _dump(_value_at(project, part)) != _dump(_value_at(fresh, part)):
            return True
    return False


def step_statuses(project: Project, gaps: Sequence[PolicyGap],
                  visited: frozenset[str] = frozenset()) -> list[StepStatus]:
    """Each applicable step: done, open (with its open items) or not started.

    Open items come only from ``gaps`` (``scoring.policy_gaps``). A step with open items is
    "open" once something in it is answered, else "not started". A step without open items
    is done when something in it was answered, when the user has been through it
    (``visited``), or when the whole policy is complete; otherwise it is "not started" — so a
    new project has no step done, and a complete policy has every step done."""
    fresh = Project.new(project.organization.name, project.organization.kind)
    by_step: dict[str, list[PolicyGap]] = {}
    for gap in gaps:
        by_step.setdefault(step_for_section(project, gap.section).id, []).append(gap)
    statuses = []
    for step in POLICY_STEPS:
        if not step.applies(project):
            continue
        mine = tuple(by_step.get(step.id, ()))
        started = _started(project, fresh, step)
        state: StepState = "not_started"
        if mine:
            state = "open" if started else "not_started"
        elif started or step.id in visited or not gaps:
            state = "done"
        statuses.append(StepStatus(step.id, state, mine))
    return statuses


class Derived:
    """What the pages show that follows from one revision of the project; each part is
    computed on first use and then kept until the next revision."""

    def __init__(self, project: Project, revision: int,
                 visited: frozenset[str] = frozenset()) -> None:
        self._project = project
        self.revision = revision
        self.visited = visited

    @cached_property
    def result(self) -> ReadinessResult:
        from smready.scoring import score

        # The policy is built once per revision, for the gaps; scoring reuses that answer.
        return score(self._project, policy_done=not self.gaps)

    @property
    def recommendations(self) -> list[Recommendation]:
        return self.result.recommendations

    @cached_property
    def gaps(self) -> list[PolicyGap]:
        from smready.scoring import policy_gaps

        return policy_gaps(self._project)

    @property
    def complete(self) -> bool:
        return not self.gaps

    @cached_property
    def steps(self) -> list[StepStatus]:
        return step_statuses(self._project, self.gaps, self.visited)

    @property
    def steps_done(self) -> tuple[int, int]:
        """(steps with no open item, steps that apply)."""
        return sum(s.state == "done" for s in self.steps), len(self.steps)

    @cached_property
    def goals_smart(self) -> tuple[int, int]:
        """(goals with nothing missing of S, M, A, R and T, all goals)."""
        from smready.domain import smart_gaps

        goals = self._project.goals
        return sum(1 for goal in goals if not smart_gaps(goal)), len(goals)


@dataclass
class _History:
    edits: list[Edit] = field(default_factory=list)
    index: int = 0
    """Edits before ``index`` are done; from ``index`` on they can be redone."""
    saved: int | None = 0
    """The index at which the project equals its file (None: no such point in history)."""
    sealed: bool = True
    """The top edit may not absorb the next one (after save, undo or redo)."""


class ProjectSession:
    """The open project and everything that changes it."""

    def __init__(self, project: Project | None = None, path: Path | None = None) -> None:
        self._project = project or Project.new("My organization", OrgKind.SMALL_BUSINESS)
        self._path = path
        self._revision = 0
        self._snapshot = self._project.model_dump_json()
        self._history = _History()
        self._derived: Derived | None = None
        self._visited: frozenset[str] = frozenset()
        self.opened = project is not None
        """A project was given, made or opened (not the placeholder before the start page)."""
        self._listeners: list[Callable[[Change], None]] = []

    # -- reading ----------------------------------------------------------------------------

    @property
    def project(self) -> Project:
        return self._project

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def revision(self) -> int:
        """Grows with every change: names one state of the project."""
        return self._revision

    @property
    def dirty(self) -> bool:
        return self._history.saved != self._history.index

    @property
    def derived(self) -> Derived:
        d = self._derived
        if d is None or d.revision != self._revision or d.visited != self._visited:
            previous = d if d is not None and d.revision == self._revision else None
            d = Derived(self._project, self._revision, self._visited)
            if previous is not None:  # only the visited steps changed: keep the rest
                for name in ("result", "gaps"):
                    if name in previous.__dict__:
                        d.__dict__[name] = previous.__dict__[name]
            self._derived = d
        return d

    def mark_visited(self, step_id: str) -> None:
        """The user has been through this step (went on with Next or the step list)."""
        self._visited = self._visited | {step_id}

    @property
    def undo_count(self) -> int:
        """How many edits can be undone."""
        return self._history.index

    def can_undo(self) -> bool:
        return self._history.index > 0

    def can_redo(self) -> bool:
        return self._history.index < len(self._history.edits)

    def undo_label(self) -> str:
        return self._history.edits[self._history.index - 1].label if self.can_undo() else ""

    def redo_label(self) -> str:
        return self._history.edits[self._history.index].label if self.can_redo() else ""

    def listen(self, listener: Callable[[Change], None]) -> None:
        self._listeners.append(listener)

    # -- changing ---------------------------------------------------------------------------

    def edit(self, label: str, touched: str, change: Callable[[Project], object], *,
             merge_key: str = "") -> Edit | None:
        """Run ``change`` on the project as one undoable edit.

        Returns the edit, or None when nothing changed. Consecutive edits with the same
        non-empty ``merge_key`` (typing in one field) become one. If ``change`` raises
        (pydantic refused a value), the project is left exactly as it was and the error
        propagates.
        """
        before = self._snapshot
        try:
            change(self._project)
        except Exception:
            if self._project.model_dump_json() != before:
                self._restore(before)
                self._changed(Change("restore", touched, label))
            raise
        after = self._project.model_dump_json()
        if after == before:
            return None
        self._project.touch()
        after = self._project.model_dump_json()
        return self._record(Edit(label, touched, before, after, merge_key))

    def set(self, path: str, value: object, label: str, *, merge: bool = True) -> Edit | None:
        """Set one attribute by dotted path ("policy.hr.work_time") as an edit."""
        parent, _, name = path.rpartition(".")

        def change(project: Project) -> None:
            setattr(_value_at(project, parent) if parent else project, name, value)

        return self.edit(label, path.rsplit(".", 1)[0] if "." in path else path, change,
                         merge_key=path if merge else "")

    def undo(self) -> bool:
        h = self._history
        if not self.can_undo():
            return False
        h.index -= 1
        h.sealed = True
        edit = h.edits[h.index]
        self._restore(edit.before)
        self._changed(Change("undo", edit.touched, edit.label))
        return True

    def redo(self) -> bool:
        h = self._history
        if not self.can_redo():
            return False
        edit = h.edits[h.index]
        h.index += 1
        h.sealed = True
        self._restore(edit.after)
        self._changed(Change("redo", edit.touched, edit.label))
        return True

    def replace(self, project: Project, path: Path | None, *, dirty: bool = False) -> None:
        """Another project is open (New, Open, Recover): the history starts again."""
        self._project = project
        self._path = path
        self._snapshot = project.model_dump_json()
        self._history = _History(saved=None if dirty else 0)
        self._visited = frozenset()
        self.opened = True
        self._changed(Change("replace", ""))

    def mark_saved(self, path: Path) -> None:
        self._path = path
        self._history.saved = self._history.index
        self._history.sealed = True

    # -- internals --------------------------------------------------------------------------

    def _record(self, edit: Edit) -> Edit:
        h = self._history
        del h.edits[h.index:]
        if h.saved is not None and h.saved > h.index:
            h.saved = None  # the saved state can no longer be reached by undo or redo
        top = h.edits[-1] if h.edits else None
        merged = (top is not None and not h.sealed and edit.merge_key
                  and top.merge_key == edit.merge_key)
        if merged and top is not None:
            edit = Edit(top.label, top.touched, top.before, edit.after, edit.merge_key)
            h.edits[-1] = edit
        else:
            h.edits.append(edit)
            h.index += 1
        h.sealed = False
        self._snapshot = edit.after
        self._changed(Change("edit", edit.touched, edit.label))
        return edit

    def _restore(self, state: str) -> None:
        # The user's agreement to embed the logo file is not part of the file (a project
        # someone sent must not embed a picture of this computer); it holds in this session
        # for as long as the same logo file is named.
        confirmed = self._project.organization.logo_to_embed
        self._project = Project.model_validate_json(state)
        self._snapshot = state
        if confirmed is not None and self._project.organization.logo_path == confirmed:
            self._project.organization.confirm_logo()

    def _changed(self, change: Change) -> None:
        self._revision += 1
        for listener in list(self._listeners):
            listener(change)
