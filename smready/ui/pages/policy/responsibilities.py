"""Step: who does what — point person, posting, monitoring, answering, response times."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from smready.content import task_label
from smready.domain import Person, PersonGroup, Project, Responsibility, TaskKind
from smready.i18n import _
from smready.ui.pages.policy.base import PolicyPage
from smready.ui.pages.policy.spokespeople import unnamed_rows
from smready.ui.widgets.table_editor import Column, TableEditor

USUAL_TASKS = (TaskKind.POINT_PERSON, TaskKind.POSTING, TaskKind.MONITORING,
               TaskKind.ANSWERING, TaskKind.SECURITY)
"""The tasks the printed policy asks a person for (it says "Not decided yet" without one)."""


class ResponsibilitiesPage(PolicyPage):
    page_id = "responsibilities"
    sections = ("responsibilities",)

    @classmethod
    def title(cls) -> str:
        return _("Who does what")

    @classmethod
    def why(cls) -> str:
        return _("The worst outcome is posting and then not answering the people who reply. "
                 "Name who posts, who watches and who answers — and how fast.")

    def build(self) -> None:
        self.table = TableEditor(
            [
                Column("task", _("Task"), "combo",
                       [(t.value, task_label(t)) for t in TaskKind], width=230),
                Column("person", _("Person"), width=130),
                Column("backup", _("Backup"), width=120),
                Column("response_time", _("Response time"), stretch=True),
            ],
            name=_("Responsibilities"),
            empty_text=_("No tasks yet — start with “Add the usual tasks”."),
            add_text=_("Add task"),
            item=_("task"),
            parent=self,
        )
        self.add_field(
            "responsibilities", _("Responsibilities"), self.table, is_required=True,
            full_width=True,
            hint=_("Posting, monitoring and answering each need a person. Response time: "
                   "e.g. “within 4 working hours”."))
        row_widget = QWidget(self)
        row = QHBoxLayout(row_widget)
        row.setContentsMargins(0, 0, 0, 0)
        self.usual_button = QPushButton(_("Add the usual tasks"), row_widget)
        self.usual_button.setAccessibleName(
            _("Add rows for the point person, posting, monitoring and answering"))
        row.addWidget(self.usual_button)
        row.addStretch(1)
        self.form.addRow(row_widget)
        self.people_table = TableEditor(
            [
                Column("name", _("Name"), width=150),
                Column("role", _("Role"), stretch=True),
                Column("group", _("Relationship"), "combo", [
                    (PersonGroup.STAFF.value, _("Staff")),
                    (PersonGroup.VOLUNTEER.value, _("Volunteer")),
                    (PersonGroup.BOARD.value, _("Board member")),
                    (PersonGroup.CONTRACTOR.value, _("Contractor")),
                ], width=150, default=PersonGroup.STAFF.value),
            ],
            name=_("Other people named in the policy"),
            empty_text=_("Nobody else yet — add backups and helpers the policy names, so "
                         "readers know who they are."),
            add_text=_("Add person"),
            item=_("person"),
            parent=self,
        )
        self.people_table.set_height_limits(120, 260)
        self.add_field(
            "people", _("Other people named in the policy"), self.people_table,
            full_width=True,
            hint=_("The policy prints each name with its role, e.g. “Tom Reyes (volunteer, "
                   "Saturday photographer)”."))
        self.table.rows_changed.connect(self._on_table_rows_changed)
        self.people_table.rows_changed.connect(self._on_people_rows_changed)
        self.usual_button.clicked.connect(self._on_usual_button_clicked)

    def load_widgets(self, project: Project) -> None:
        self.table.set_rows([
            {"task": r.task.value, "person": r.person, "backup": r.backup,
             "response_time": r.response_time}
            for r in project.policy.responsibilities
        ])
        self.people_table.set_rows([
            {"name": p.name, "role": p.role, "group": p.group.value}
            for p in project.policy.people
        ])

    def _on_table_rows_changed(self) -> None:
        rows = self.table.rows()
        policy = self.project.policy
        notes = {r.task: r.notes for r in policy.responsibilities}

        def assign(p: Project) -> None:
            p.policy.responsibilities = [
                Responsibility(task=TaskKind(row["task"]), person=row["person"],
                               backup=row["backup"], response_time=row["response_time"],
                               notes=notes.get(TaskKind(row["task"]), ""))
                for row in rows if row["task"]
            ]

        self.write(assign, "responsibilities", self.table.change_label())

    def _on_people_rows_changed(self) -> None:
        rows = self.people_table.rows()
        people = [Person(name=row["name"], role=row["role"],
                         group=PersonGroup(row["group"] or PersonGroup.STAFF.value))
                  for row in rows if str(row["name"]).strip()]
        if self.write(lambda p: setattr(p.policy, "people", people), "people",
                      self.people_table.change_label()):
            missing = unnamed_rows(rows)
            if missing:
                self.set_local_gap("people", _(
                    "Row {rows}: add a name, or the row is left out of the policy."
                ).format(rows=", ".join(map(str, missing))))
            else:
                self.clear_local_gap("people")

    def _on_usual_button_clicked(self) -> None:
        present = {row["task"] for row in self.table.rows()}
        added = False
        for task in USUAL_TASKS:
            if task.value not in present:
                self.table.add_row({"task": task.value}, edit=False)
                added = True
        if added:
            first_empty = next(
                (i for i, row in enumerate(self.table.rows()) if not row["person"]), 0)
            self.table.table.setCurrentCell(first_empty, 1)
            self.table.table.setFocus()
