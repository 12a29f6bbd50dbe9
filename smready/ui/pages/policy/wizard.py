"""The policy wizard: one step at a time, inside the main window's "Policy" section.

Not a modal QWizard: the pages live in a stack with our own Back / Next / Finish so the
wizard can sit beside the live score, save at any time and branch like the licensewizard
example's ``nextId()`` (the nonprofit step appears only for nonprofits, live).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from smready import scoring
from smready.domain import PolicyGap
from smready.i18n import _, ngettext
from smready.session import StepStatus
from smready.ui.app.controller import ProjectController
from smready.ui.pages.policy.accounts import AccountsPage
from smready.ui.pages.policy.base import PolicyPage
from smready.ui.pages.policy.escalation import EscalationPage
from smready.ui.pages.policy.goals import GoalsSummaryPage
from smready.ui.pages.policy.hr import HRPage
from smready.ui.pages.policy.measurement import MeasurementPage
from smready.ui.pages.policy.nonprofit import NonprofitPage
from smready.ui.pages.policy.organization import OrganizationPage
from smready.ui.pages.policy.privacy import PrivacyPage
from smready.ui.pages.policy.responsibilities import ResponsibilitiesPage
from smready.ui.pages.policy.scope import ScopePage
from smready.ui.pages.policy.signoff import SignOffPage
from smready.ui.pages.policy.spokespeople import SpokespeoplePage
from smready.ui.pages.policy.training import TrainingPage
from smready.ui.pages.policy.voice import VoicePage
from smready.ui.styles import ERROR_COLOR
from smready.ui.widgets.dates import show_number
from smready.ui.widgets.table_editor import TableEditor

PAGE_CLASSES: tuple[type[PolicyPage], ...] = (
    OrganizationPage,
    ScopePage,
    AccountsPage,
    GoalsSummaryPage,
    VoicePage,
    SpokespeoplePage,
    HRPage,
    ResponsibilitiesPage,
    EscalationPage,
    PrivacyPage,
    TrainingPage,
    MeasurementPage,
    NonprofitPage,
    SignOffPage,
)

STEP_LIST_WIDTH = 210
READABLE_WIDTH = 780
TABLE_PAGE_WIDTH = 1000
"""Pages with a table (accounts, spokespeople, ...) may grow wider: their columns hold
e-mail addresses and lists of topics that "…" would otherwise cut."""


class PolicyWizard(QWidget):
    """Step-by-step editor of ``project.policy`` (and the organization details)."""

    completion_changed = Signal(int, int)
    """(steps without gaps, steps shown) changed."""
    page_changed = Signal(str)
    """The current step changed (its page id)."""
    policy_finished = Signal()
    """Finish was pressed and no required answer is missing."""
    goals_requested = Signal()
    """The user asked to edit the goals (the main window shows the Goals page)."""

    def __init__(self, controller: ProjectController, parent: QWidget | None = None, *,
                 steps: Sequence[PolicyPage] = ()) -> None:
        """``steps``: pages of ``PAGE_CLASSES`` already made for ``controller`` (the main
        window makes them one per event-loop turn while it builds); the rest are made here."""
        super().__init__(parent)
        self.setObjectName("policyWizard")
        self.controller = controller
        self._revealed: set[str] = set()
        self._prefill_offered = False
        self._completion = (0, 0)
        self._signature: tuple[object, ...] = ()

        self.step_label = QLabel(self)
        self.step_label.setObjectName("stepIndicator")
        font = self.step_label.font()
        font.setBold(True)
        self.step_label.setFont(font)
        self.step_label.setAccessibleName(_("Current step"))
        self.completion_label = QLabel(self)
        self.completion_label.setObjectName("completionLabel")
        self.completion_label.setEnabled(False)
        header = QHBoxLayout()
        header.addWidget(self.step_label, 1)
        header.addWidget(self.completion_label)

        self.prefill_banner = QFrame(self)
        self.prefill_banner.setObjectName("prefillBanner")
        self.prefill_banner.setFrameShape(QFrame.Shape.StyledPanel)
        banner = QHBoxLayout(self.prefill_banner)
        self.prefill_text = QLabel(_(
            "Your readiness answers already name networks and a point person. Fill the "
            "accounts and responsibilities from them?"), self.prefill_banner)
        self.prefill_text.setWordWrap(True)
        self.prefill_yes = QPushButton(_("Fill in"), self.prefill_banner)
        self.prefill_yes.setAccessibleName(_("Fill from readiness answers"))
        self.prefill_no = QPushButton(_("Not now"), self.prefill_banner)
        banner.addWidget(self.prefill_text, 1)
        banner.addWidget(self.prefill_yes)
        banner.addWidget(self.prefill_no)
        self.prefill_banner.setVisible(False)

        self.stack = QStackedWidget(self)
        self.pages: list[PolicyPage] = []
        made = {type(step): step for step in steps}
        for page_class in PAGE_CLASSES:
            page = made.get(page_class) or page_class(controller)
            self.pages.append(page)
            self.stack.addWidget(_scroll_area_of(page) or scrolled_step(page))
            page.answer_changed.connect(self._on_page_answer_changed)

        self.status_label = QLabel(self)
        self.status_label.setObjectName("wizardStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setVisible(False)

        self.back_button = QPushButton(_("Back"), self)
        self.back_button.setAccessibleName(_("Back to the previous step"))
        self.next_button = QPushButton(_("Next"), self)
        self.next_button.setAccessibleName(_("Next step"))
        self.next_button.setDefault(True)
        self.finish_button = QPushButton(_("Finish"), self)
        self.finish_button.setAccessibleName(_("Finish the policy"))
        nav = QHBoxLayout()
        nav.addWidget(self.status_label, 1)
        nav.addStretch(1)
        nav.addWidget(self.back_button)
        nav.addWidget(self.next_button)
        nav.addWidget(self.finish_button)

        self.step_list = QListWidget(self)
        self.step_list.setObjectName("stepList")
        self.step_list.setAccessibleName(_("Steps of the policy"))
        self.step_list.setFrameShape(QFrame.Shape.NoFrame)
        self.step_list.setBackgroundRole(QPalette.ColorRole.Window)
        self.step_list.setFixedWidth(STEP_LIST_WIDTH)
        self.step_list.setSpacing(1)
        self.step_list.setWordWrap(True)

        body = QHBoxLayout()
        body.setSpacing(12)
        body.addWidget(self.step_list)
        body.addWidget(self.stack, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        layout.addLayout(header)
        layout.addWidget(self.prefill_banner)
        layout.addLayout(body, 1)
        layout.addLayout(nav)

        self.back_button.clicked.connect(self._on_back_clicked)
        self.next_button.clicked.connect(self._on_next_clicked)
        self.finish_button.clicked.connect(self._on_finish_clicked)
        self.prefill_yes.clicked.connect(self._on_prefill_yes_clicked)
        self.prefill_no.clicked.connect(self._on_prefill_no_clicked)
        self.step_list.itemClicked.connect(self._on_step_item_clicked)
        self.step_list.itemActivated.connect(self._on_step_item_clicked)
        accounts = self.page(AccountsPage)
        assert isinstance(accounts, AccountsPage)
        accounts.prefill_button.clicked.connect(self._on_prefill_yes_clicked)
        goals = self.page(GoalsSummaryPage)
        assert isinstance(goals, GoalsSummaryPage)
        goals.goals_requested.connect(self.goals_requested)
        controller.project_changed.connect(self._on_project_changed)
        controller.project_replaced.connect(self._on_project_replaced)
        controller.project_restored.connect(self._on_project_restored)

        self.stack.setCurrentIndex(0)
        self._refresh()

    # -- public API -------------------------------------------------------------------------

    def completion(self) -> tuple[int, int]:
        """(steps without gaps, steps shown)."""
        return self._completion

    def visible_pages(self) -> list[PolicyPage]:
        return [p for p in self.pages if p.is_shown(self.controller.project)]

    def current_page(self) -> PolicyPage:
        return self.pages[self.stack.currentIndex()]

    def current_page_id(self) -> str:
        return self.current_page().page_id

    def page(self, page_type: type[PolicyPage] | str) -> PolicyPage:
        for page in self.pages:
            if page.page_id == page_type or type(page) is page_type:
                return page
        raise KeyError(page_type)

    def gaps(self) -> list[PolicyGap]:
        """Required answers still missing: the scoring's, plus what only the widgets know."""
        gaps = list(self.controller.derived.gaps)
        for page in self.visible_pages():
            for key, message in page.local_gaps().items():
                gaps.append(PolicyGap(section=page.page_id, field=key, message=message))
        return gaps

    def go_to(self, page: PolicyPage | str) -> None:
        target = self.page(page) if isinstance(page, str) else page
        leaving = self.current_page()
        if leaving is not target:  # the user has seen the step they leave
            self.controller.session.mark_visited(leaving.page_id)
        self.stack.setCurrentIndex(self.pages.index(target))
        self._refresh()
        self.page_changed.emit(target.page_id)

    def show_gap(self, section_id: str, field: str) -> None:
        """Open the step that answers a gap and put the keyboard in its field (Review's list)."""
        page = self._page_for_section(section_id)
        self._revealed.add(page.page_id)
        self.go_to(page)
        page_gaps = [g for g in self.gaps() if self._page_for_section(g.section) is page]
        page.show_gaps(page_gaps)
        wanted = [g for g in page_gaps if g.field == field]
        page.focus_gap(wanted or page_gaps)

    def step_states(self) -> list[StepStatus]:
        """Each step shown: done / open / not started, from the session (policy_gaps)."""
        return self.controller.derived.steps

    def show_section(self, section_id: str) -> None:
        """Jump to the step that answers a gap section (from the Review page's list)."""
        page = self._page_for_section(section_id)
        self._revealed.add(page.page_id)
        self.go_to(page)
        page_gaps = [g for g in self.gaps() if self._page_for_section(g.section) is page]
        page.show_gaps(page_gaps)
        page.focus_gap(page_gaps)

    def go_next(self) -> None:
        visible = self.visible_pages()
        current = self.current_page()
        if current in visible and visible.index(current) + 1 < len(visible):
            self._revealed.add(current.page_id)
            self.go_to(visible[visible.index(current) + 1])
            self._focus_first_field()

    def go_back(self) -> None:
        visible = self.visible_pages()
        current = self.current_page()
        if current in visible and visible.index(current) > 0:
            self.go_to(visible[visible.index(current) - 1])
            self._focus_first_field()

    def finish(self) -> bool:
        """Check every required answer; on gaps show them and jump to the first one."""
        gaps = self.gaps()
        if gaps:
            self._revealed.update(p.page_id for p in self.pages)
            self._show_all_gaps(gaps)
            first = self._page_for_section(gaps[0].section)
            self.go_to(first)
            first.focus_gap([g for g in gaps if self._page_for_section(g.section) is first])
            self._set_status(ngettext(
                "{n} thing is missing — see the message under the field.",
                "{n} things are missing — see the messages under the fields.",
                len(gaps)).format(n=show_number(len(gaps))), error=True)
            return False
        self._set_status(_("Your policy is complete. Preview, print or export it on the "
                           "Review page."), error=False)
        self.policy_finished.emit()
        return True

    def prefill_available(self) -> bool:
        project = self.controller.project
        return scoring.policy_prefill(project) != project.policy

    def apply_prefill(self) -> bool:
        """Fill accounts and the point person from the readiness answers (never overwrites)."""
        self.prefill_banner.setVisible(False)
        project = self.controller.project
        filled = scoring.policy_prefill(project)
        if filled == project.policy:
            self._set_status(_("Nothing to fill: your readiness answers name no networks or "
                               "point person that the policy lacks."), error=False)
            return False
        self.controller.edit(_("Fill in from readiness answers"), "policy",
                             lambda p: setattr(p, "policy", filled))
        for page_type in (AccountsPage, ResponsibilitiesPage):
            self.page(page_type).load()
        self._signature = ()  # the reloaded pages show no messages yet
        self._set_status(_("Filled the accounts and the point person from your readiness "
                           "answers. Check them and add handles."), error=False)
        return True

    # -- internals --------------------------------------------------------------------------

    def _page_for_section(self, section_id: str) -> PolicyPage:
        visible = self.visible_pages()
        for page in visible:
            if section_id in page.sections or section_id == page.page_id:
                return page
        return visible[-1]  # unknown sections are shown at the sign-off step

    def _show_all_gaps(self, gaps: Sequence[PolicyGap]) -> None:
        by_page: dict[str, list[PolicyGap]] = {}
        for gap in gaps:
            by_page.setdefault(self._page_for_section(gap.section).page_id, []).append(gap)
        for page in self.pages:
            if page.page_id in self._revealed:
                page.show_gaps(by_page.get(page.page_id, []))

    def _refresh(self) -> None:
        visible = self.visible_pages()
        current = self.current_page()
        if current not in visible:  # e.g. the kind changed while on the nonprofit step
            self.stack.setCurrentIndex(self.pages.index(visible[-1]))
            current = visible[-1]
        gaps = self.gaps()
        # Runs on every keystroke: skip the widgets when nothing they show has changed.
        signature = (tuple(p.page_id for p in visible), current.page_id,
                     tuple(self._revealed), tuple(gaps),
                     tuple(self.step_states()))
        if signature == self._signature:
            return
        self._signature = signature

        position = visible.index(current) + 1
        self.step_label.setText(_("{n} of {total} · {title}").format(
            n=show_number(position), total=show_number(len(visible)), title=current.title()))
        self.step_label.setAccessibleDescription(self.step_label.text())
        last = position == len(visible)
        self.back_button.setEnabled(position > 1)
        self.next_button.setVisible(not last)
        self.finish_button.setVisible(last)
        self.finish_button.setDefault(last)
        self.next_button.setDefault(not last)

        self._show_all_gaps(gaps)
        done, total = self.controller.derived.steps_done
        completion = (done, total)
        self.completion_label.setText(ngettext(
            "{done} of {total} step complete", "{done} of {total} steps complete",
            total).format(done=show_number(done), total=show_number(total)))
        self._update_step_list(current)
        if completion != self._completion:
            self._completion = completion
            self.completion_changed.emit(*completion)
        if not gaps and self.status_label.property("error"):
            self._set_status("", error=False)

    def _update_step_list(self, current: PolicyPage) -> None:
        statuses = {s.id: s for s in self.step_states()}
        visible = self.visible_pages()
        self.step_list.blockSignals(True)
        if self.step_list.count() != len(visible):
            self.step_list.clear()
            for _page in visible:
                self.step_list.addItem(QListWidgetItem())
        for row, page in enumerate(visible):
            item = self.step_list.item(row)
            status = statuses.get(page.page_id)
            state = status.state if status is not None else "done"
            count = status.open_count if status is not None else 0
            if state == "done":
                mark, said = "✓", _("done")
            elif state == "open":
                mark = "●"
                said = ngettext("{n} open item", "{n} open items", count).format(
                    n=show_number(count))
            else:
                mark = "○"
                said = _("not started") if not count else ngettext(
                    "not started, {n} open item", "not started, {n} open items",
                    count).format(n=show_number(count))
            text = f"{mark}  {page.title()}"
            if state != "done":
                text += f"\n     {said}"
            item.setText(text)
            item.setData(Qt.ItemDataRole.UserRole, page.page_id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{page.title()}: {said}")
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, said)
            font = item.font()
            font.setBold(page is current)
            item.setFont(font)
            item.setToolTip(said)
        self.step_list.setCurrentRow(visible.index(current))
        self.step_list.blockSignals(False)

    def _on_step_item_clicked(self, item: QListWidgetItem) -> None:
        self.go_to(str(item.data(Qt.ItemDataRole.UserRole)))
        self._focus_first_field()

    def _set_status(self, text: str, *, error: bool) -> None:
        self.status_label.setText(text)
        self.status_label.setAccessibleName(text)
        self.status_label.setProperty("error", error)
        self.status_label.setStyleSheet(f"color: {ERROR_COLOR};" if error else "")
        self.status_label.setVisible(bool(text))

    def _focus_first_field(self) -> None:
        field = self.current_page().first_field()
        if field is not None:
            field.setFocus(Qt.FocusReason.TabFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter = Next (Finish on the last step). Paragraph fields and tables keep their
        # own Enter; a focused button is pressed as a keyboard user expects.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focus = self.focusWidget()
            if isinstance(focus, QPushButton):
                focus.animateClick()
            elif not isinstance(focus, QPlainTextEdit):
                if self.finish_button.isVisible():
                    self.finish()
                else:
                    self.go_next()
            event.accept()
            return
        super().keyPressEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._maybe_offer_prefill()

    def _maybe_offer_prefill(self) -> None:
        if self._prefill_offered:
            return
        self._prefill_offered = True
        policy = self.controller.project.policy
        if not policy.accounts and not policy.responsibilities and self.prefill_available():
            self.prefill_banner.setVisible(True)

    def _on_page_answer_changed(self) -> None:
        self._refresh()

    def _on_project_changed(self) -> None:
        self._refresh()

    def _on_project_replaced(self) -> None:
        self._revealed.clear()
        for page in self.pages:
            page.load()
        self._signature = ()
        self.stack.setCurrentIndex(0)
        self._set_status("", error=False)
        self.prefill_banner.setVisible(False)
        self._prefill_offered = False
        self._refresh()
        if self.isVisible():
            self._maybe_offer_prefill()

    def _on_project_restored(self) -> None:
        """Undo or redo: every step shows the restored answers; the user stays where they are."""
        for page in self.pages:
            page.load()
        self._signature = ()
        self._refresh()

    def _on_back_clicked(self) -> None:
        self.go_back()

    def _on_next_clicked(self) -> None:
        self.go_next()

    def _on_finish_clicked(self) -> None:
        self.finish()

    def _on_prefill_yes_clicked(self) -> None:
        self.apply_prefill()

    def _on_prefill_no_clicked(self) -> None:
        self.prefill_banner.setVisible(False)


def scrolled_step(page: QWidget) -> QScrollArea:
    """``page`` in its scroll area, as the wizard shows it (the main window wraps the steps
    it makes ahead of the wizard, one per event-loop turn)."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    holder = QWidget(area)
    row = QHBoxLayout(holder)
    row.setContentsMargins(4, 4, 12, 4)
    # The page grows up to a readable width; the margins take the rest.
    page.setMaximumWidth(TABLE_PAGE_WIDTH if page.findChildren(TableEditor)
                         else READABLE_WIDTH)
    row.addStretch(1)
    row.addWidget(page, 100)
    row.addStretch(1)
    area.setWidget(holder)
    return area


def _scroll_area_of(page: QWidget) -> QScrollArea | None:
    """The scroll area ``page`` was already put in (by :func:`scrolled_step`), if any."""
    widget = page.parentWidget()
    while widget is not None and not isinstance(widget, QScrollArea):
        widget = widget.parentWidget()
    return widget if isinstance(widget, QScrollArea) else None
