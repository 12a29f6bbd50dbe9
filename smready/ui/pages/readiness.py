"""The readiness checklist: six points one at a time, the action plan, and the live results."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from smready.content import load_checklist
from smready.domain import AnswerValue, Checklist, Point, Question, QuestionKind
from smready.i18n import _, ngettext
from smready.ui.app.controller import ProjectController
from smready.ui.styles import PAGE
from smready.ui.widgets.action_plan import ActionPlanWidget
from smready.ui.widgets.common import CollapsibleHelp
from smready.ui.widgets.dates import show_number
from smready.ui.widgets.icons import icon
from smready.ui.widgets.labels import (
    body_label,
    heading,
    muted,
    readable_width,
    scrolling,
    separator,
)
from smready.ui.widgets.results_panel import ResultsPanel
from smready.ui.widgets.wrapping import WrappingCheckBox, WrappingRadioButton

_NUMBER_DEFAULT_MAX = 100_000


def _is_whole(*values: float | None) -> bool:
    return all(v is None or float(v).is_integer() for v in values)


class QuestionEditor(QWidget):
    """The input for one question, built from its kind; ``None`` means "not answered"."""

    answer_changed = Signal(str, object)
    """Question id and the new value (None when the answer was cleared)."""

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self.setObjectName(f"question:{question.id}")
        self._buttons: dict[str, QAbstractButton] = {}
        self._group: QButtonGroup | None = None
        self._spin: QSpinBox | QDoubleSpinBox | None = None
        self._line: QLineEdit | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        builders = {
            QuestionKind.CHOICE: self._build_choice,
            QuestionKind.MULTI: self._build_multi,
            QuestionKind.SCALE: self._build_spin,
            QuestionKind.NUMBER: self._build_spin,
            QuestionKind.TEXT: self._build_text,
        }
        builders[question.kind](layout)

    # -- building ---------------------------------------------------------------------------
    def _build_choice(self, layout: QVBoxLayout) -> None:
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        for option in self.question.options:
            button = WrappingRadioButton(option.label, self)
            button.setObjectName(f"option:{self.question.id}:{option.id}")
            button.setAccessibleName(option.label)
            button.setAccessibleDescription(self.question.text)
            self._group.addButton(button)
            self._buttons[option.id] = button
            layout.addWidget(button)
        self._group.buttonToggled.connect(self._on_choice_toggled)

    def _build_multi(self, layout: QVBoxLayout) -> None:
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        columns = 3
        for index, option in enumerate(self.question.options):
            box = WrappingCheckBox(option.label, self)
            box.setObjectName(f"option:{self.question.id}:{option.id}")
            box.setAccessibleName(option.label)
            box.setAccessibleDescription(self.question.text)
            box.toggled.connect(self._on_multi_toggled)
            self._buttons[option.id] = box
            grid.addWidget(box, index // columns, index % columns)
        layout.addLayout(grid)

    def _build_spin(self, layout: QVBoxLayout) -> None:
        q = self.question
        low = q.min if q.min is not None else 0.0
        high = q.max if q.max is not None else _NUMBER_DEFAULT_MAX
        spin: QSpinBox | QDoubleSpinBox
        # One step below the minimum stands for "not answered yet".
        if _is_whole(q.min, q.max, q.zero_at, q.full_at):
            spin = QSpinBox(self)
            spin.setRange(int(low) - 1, int(high))
        else:
            spin = QDoubleSpinBox(self)
            spin.setDecimals(1)
            spin.setRange(low - 1, high)
        spin.setSpecialValueText(_("Not answered"))
        if q.kind is QuestionKind.SCALE:
            spin.setSuffix(" " + _("of {max}").format(max=show_number(int(high))))
            spin.setPrefix("")
        elif q.unit:
            spin.setSuffix(f" {q.unit}")
        spin.setAccelerated(True)
        spin.setKeyboardTracking(False)
        spin.setMinimumWidth(200)
        spin.setAccessibleName(q.text)
        spin.setObjectName(f"input:{q.id}")
        spin.valueChanged.connect(self._on_spin_value_changed)
        self._spin = spin
        row = QHBoxLayout()
        row.addWidget(spin)
        if q.kind is QuestionKind.SCALE:
            scale_hint = muted(QLabel(_("{low} = not at all, {high} = fully").format(
                low=int(low), high=int(high)), self))
            row.addWidget(scale_hint)
        row.addStretch(1)
        layout.addLayout(row)

    def _build_text(self, layout: QVBoxLayout) -> None:
        line = QLineEdit(self)
        line.setMaxLength(200)
        line.setPlaceholderText(_("Type your answer"))
        line.setAccessibleName(self.question.text)
        line.setObjectName(f"input:{self.question.id}")
        line.setClearButtonEnabled(True)
        line.textEdited.connect(self._on_line_text_edited)
        self._line = line
        layout.addWidget(line)

    # -- reading and writing ----------------------------------------------------------------
    def buttons(self) -> dict[str, QAbstractButton]:
        return dict(self._buttons)

    def spin_box(self) -> QSpinBox | QDoubleSpinBox | None:
        return self._spin

    def line_edit(self) -> QLineEdit | None:
        return self._line

    def set_value(self, value: AnswerValue | None) -> None:
        """Show ``value`` without emitting ``answer_changed``."""
        self.blockSignals(True)
        try:
            kind = self.question.kind
            if kind is QuestionKind.CHOICE and self._group is not None:
                self._group.setExclusive(False)
                for option_id, button in self._buttons.items():
                    button.setChecked(option_id == value)
                self._group.setExclusive(True)
            elif kind is QuestionKind.MULTI:
                chosen = set(value) if isinstance(value, list) else set()
                for option_id, button in self._buttons.items():
                    button.setChecked(option_id in chosen)
            elif self._spin is not None:
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    if isinstance(self._spin, QDoubleSpinBox):
                        self._spin.setValue(float(value))
                    else:
                        self._spin.setValue(int(value))
                elif isinstance(self._spin, QDoubleSpinBox):
                    self._spin.setValue(self._spin.minimum())
                else:
                    self._spin.setValue(self._spin.minimum())
            elif self._line is not None:
                self._line.setText(value if isinstance(value, str) else "")
        finally:
            self.blockSignals(False)

    def _on_choice_toggled(self, button: QAbstractButton, checked: bool) -> None:
        if not checked:
            return
        for option_id, candidate in self._buttons.items():
            if candidate is button:
                self.answer_changed.emit(self.question.id, option_id)
                return

    def _on_multi_toggled(self, _checked: bool) -> None:
        chosen = [oid for oid, box in self._buttons.items() if box.isChecked()]
        self.answer_changed.emit(self.question.id, chosen or None)

    def _on_spin_value_changed(self, value: float) -> None:
        assert self._spin is not None
        if value <= self._spin.minimum():
            self.answer_changed.emit(self.question.id, None)
        elif isinstance(self._spin, QSpinBox):
            self.answer_changed.emit(self.question.id, int(value))
        else:
            self.answer_changed.emit(self.question.id, float(value))

    def _on_line_text_edited(self, text: str) -> None:
        self.answer_changed.emit(self.question.id, text.strip() or None)


class PointView(QWidget):
    """One checklist point: why it matters, its questions and a notes box."""

    answer_changed = Signal(str, object)
    notes_changed = Signal(str, str)
    """Point id and the new notes text."""

    def __init__(self, point: Point, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.point = point
        self.setObjectName(f"point:{point.id}")
        self.editors: dict[str, QuestionEditor] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        layout.addWidget(body_label(point.summary, self))
        self.why = CollapsibleHelp(_("Why it matters"), point.why, self)
        self.why.setObjectName(f"why:{point.id}")
        layout.addWidget(self.why)
        layout.addWidget(separator())
        for number, question in enumerate(point.questions, start=1):
            block = QVBoxLayout()
            block.setSpacing(6)
            title = body_label(f"{show_number(number)}. {question.text}", self)
            font = title.font()
            font.setBold(True)
            title.setFont(font)
            block.addWidget(title)
            editor = QuestionEditor(question, self)
            editor.answer_changed.connect(self.answer_changed)
            self.editors[question.id] = editor
            block.addWidget(editor)
            help_toggle = CollapsibleHelp(_("Why we ask"), question.help, self)
            help_toggle.button.setAccessibleName(
                _("Why we ask: {question}").format(question=question.text))
            block.addWidget(help_toggle)
            layout.addLayout(block)
        layout.addWidget(separator())
        notes_label = QLabel(_("Notes for yourself"), self)
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName(f"notes:{point.id}")
        self.notes.setAccessibleName(_("Notes on {point}").format(point=point.title))
        self.notes.setPlaceholderText(_("Ideas, names, things to check later…"))
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 16)
        notes_label.setBuddy(self.notes)
        self.notes.textChanged.connect(self._on_notes_text_changed)
        layout.addWidget(notes_label)
        layout.addWidget(self.notes)
        layout.addStretch(1)

    def load(self, answers: dict[str, AnswerValue], notes: str) -> None:
        for qid, editor in self.editors.items():
            editor.set_value(answers.get(qid))
        self.notes.blockSignals(True)
        if self.notes.toPlainText() != notes:
            self.notes.setPlainText(notes)
        self.notes.blockSignals(False)

    def _on_notes_text_changed(self) -> None:
        self.notes_changed.emit(self.point.id, self.notes.toPlainText())


def _focusable(widget: QWidget) -> list[QWidget]:
    """The widgets inside ``widget`` that Tab stops at, in their focus order."""
    found: list[QWidget] = []
    candidate = widget.nextInFocusChain()
    while candidate is not None and candidate is not widget:
        if widget.isAncestorOf(candidate) and candidate.focusPolicy() & Qt.FocusPolicy.TabFocus:
            found.append(candidate)
        candidate = candidate.nextInFocusChain()
    return found


class _StepArea(QWidget):
    """The middle column; Enter anywhere in it (outside a text box) moves to the next step."""

    enter_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            self.enter_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class ReadinessPage(QWidget):
    """Checklist on the left, live results on the right."""

    completion_changed = Signal()
    finished = Signal()
    """Next was pressed on the last step (the window moves on to Goals)."""

    def __init__(self, controller: ProjectController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.checklist: Checklist = load_checklist()
        self._loading = False

        self.step_title = heading("", PAGE, self)
        self.step_title.setObjectName("step_title")
        self.steps = QStackedWidget(self)
        # One slot per point; a point's questions are built when it is first shown or asked
        # for (or by build_next_point while the app is idle): the first point paints without
        # waiting for the other five. A point built later reads the project as it is then.
        self._views: list[PointView | None] = [None] * len(self.checklist.points)
        self._slots: list[QWidget] = []
        for _point in self.checklist.points:
            slot = QWidget(self)
            slot_layout = QVBoxLayout(slot)
            slot_layout.setContentsMargins(0, 0, 0, 0)
            self._slots.append(slot)
            self.steps.addWidget(slot)
        # The first point now, so its fields come first in the Tab order (Qt orders by
        # creation); a point built later is put in its place (_chain_focus).
        self.point_view(0)
        self.action_plan = ActionPlanWidget(controller, self)
        self.steps.addWidget(self.action_plan)

        self.back_button = QPushButton(icon("back"), _("Back"), self)
        self.back_button.setAccessibleName(_("Back to the previous point"))
        self.back_button.setAutoDefault(True)
        self.next_button = QPushButton(icon("next"), _("Next"), self)
        self.next_button.setAccessibleName(_("Next point"))
        self.next_button.setAutoDefault(True)
        self.next_button.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.back_button.clicked.connect(self._on_back_clicked)
        self.next_button.clicked.connect(self._on_next_clicked)

        column = QWidget(self)
        column.setMaximumWidth(readable_width(self) + 40)
        column_layout = QVBoxLayout(column)
        column_layout.setContentsMargins(28, 20, 28, 20)
        column_layout.setSpacing(16)
        column_layout.addWidget(self.step_title)
        column_layout.addWidget(self.steps)
        column_layout.addStretch(1)
        holder = QWidget(self)
        holder_layout = QHBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.addWidget(column, 10)
        holder_layout.addStretch(1)
        self._holder = holder
        self.scroll_area = scrolling(holder)
        self._fit_scroll_area()

        buttons = QHBoxLayout()
        buttons.setContentsMargins(28, 8, 28, 14)
        self.progress_label = muted(QLabel(self))
        buttons.addWidget(self.progress_label)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)

        self.step_area = _StepArea(self)
        step_layout = QVBoxLayout(self.step_area)
        step_layout.setContentsMargins(0, 0, 0, 0)
        step_layout.setSpacing(0)
        step_layout.addWidget(self.scroll_area, 1)
        step_layout.addWidget(separator())
        step_layout.addLayout(buttons)
        self.step_area.enter_pressed.connect(self._on_next_clicked)

        self.results = ResultsPanel(controller, self)
        self.results.action_requested.connect(self._on_results_action_requested)
        self.results.action_plan_requested.connect(self._on_results_action_plan_requested)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.step_area, 1)
        layout.addWidget(self.results)

        controller.project_replaced.connect(self._on_controller_project_replaced)
        controller.project_changed.connect(self._on_controller_project_changed)
        controller.project_restored.connect(self._load_from_project)
        self._load_from_project()
        self.go_to(0)

    # -- public -----------------------------------------------------------------------------
    @property
    def point_views(self) -> list[PointView]:
        """Every point's view, in order (builds those not built yet)."""
        return [self.point_view(index) for index in range(len(self._views))]

    def point_view(self, index: int) -> PointView:
        """The view of point ``index``, built now if it was not yet."""
        view = self._views[index]
        if view is None:
            view = PointView(self.checklist.points[index], self._slots[index])
            self._load_view(view)
            view.answer_changed.connect(self._on_point_answer_changed)
            view.notes_changed.connect(self._on_point_notes_changed)
            layout = self._slots[index].layout()
            assert layout is not None
            layout.addWidget(view)
            view.show()  # now, not on the next event-loop turn (a visible slot's new child)
            self._chain_focus(index, view)
            self._views[index] = view
            if hasattr(self, "scroll_area"):  # (the constructor fits it once it exists)
                self._fit_scroll_area()
        return view

    def build_next_point(self) -> bool:
        """Build one point not built yet (while the app is idle); False when all are."""
        for index, view in enumerate(self._views):
            if view is None:
                self.point_view(index)
                return any(v is None for v in self._views)
        return False

    def current_step(self) -> int:
        return self.steps.currentIndex()

    def step_count(self) -> int:
        return self.steps.count()

    def go_to(self, step: int) -> None:
        step = max(0, min(step, self.steps.count() - 1))
        points = len(self._views)
        if step < points:
            self.point_view(step)
        self.steps.setCurrentIndex(step)
        if step < points:
            point = self.checklist.points[step]
            self.step_title.setText(_("{n} of {total} · {title}").format(
                n=show_number(step + 1), total=show_number(points), title=point.title))
            self.next_button.setText(_("Next"))
            self.next_button.setAccessibleName(_("Next point"))
        else:
            self.step_title.setText(_("Your action plan"))
            self.next_button.setText(_("On to goals"))
            self.next_button.setAccessibleName(_("On to goals"))
        self.step_title.setAccessibleName(self.step_title.text())
        self.back_button.setEnabled(step > 0)
        self.scroll_area.verticalScrollBar().setValue(0)
        self._update_progress()

    def completion(self) -> tuple[int, int]:
        """Answered and total questions (the mark in the side navigation)."""
        result = self.results.result()
        return (result.answered, result.total) if result else (0, 0)

    def editor(self, question_id: str) -> QuestionEditor:
        for index, point in enumerate(self.checklist.points):
            if any(q.id == question_id for q in point.questions):
                return self.point_view(index).editors[question_id]
        raise KeyError(question_id)

    # -- slots ------------------------------------------------------------------------------
    def _on_back_clicked(self) -> None:
        self.go_to(self.current_step() - 1)

    def _on_next_clicked(self) -> None:
        if self.current_step() >= self.steps.count() - 1:
            self.finished.emit()
            return
        self.go_to(self.current_step() + 1)
        self._focus_first_control()

    def _on_point_answer_changed(self, question_id: str, value: object) -> None:
        if self._loading:
            return
        answers = dict(self.controller.project.readiness.answers)
        if value is None:
            answers.pop(question_id, None)
        else:
            answers[question_id] = value  # type: ignore[assignment]
        self.controller.edit(
            _("Answer “{question}”").format(question=self._question_text(question_id)),
            "readiness.answers", lambda p: setattr(p.readiness, "answers", answers),
            merge_key=f"answer.{question_id}")

    def _on_point_notes_changed(self, point_id: str, text: str) -> None:
        if self._loading:
            return
        notes = dict(self.controller.project.readiness.notes)
        if text.strip():
            notes[point_id] = text
        else:
            notes.pop(point_id, None)
        self.controller.edit(_("Edit notes"), "readiness.notes",
                             lambda p: setattr(p.readiness, "notes", notes),
                             merge_key=f"notes.{point_id}")

    def _on_results_action_requested(self, question_id: str, title: str) -> None:
        self.action_plan.add_action(title, question_id)

    def _on_results_action_plan_requested(self) -> None:
        self.go_to(self.steps.count() - 1)

    def _on_controller_project_replaced(self) -> None:
        self._load_from_project()
        self.go_to(0)

    def _on_controller_project_changed(self) -> None:
        self._update_progress()
        self.completion_changed.emit()

    # -- helpers ----------------------------------------------------------------------------
    def _question_text(self, question_id: str) -> str:
        for point in self.checklist.points:
            for question in point.questions:
                if question.id == question_id:
                    return question.text
        return question_id

    def _load_from_project(self) -> None:
        for view in self._views:
            if view is not None:
                self._load_view(view)

    def _load_view(self, view: PointView) -> None:
        self._loading = True
        try:
            readiness = self.controller.project.readiness
            view.load(readiness.answers, readiness.notes.get(view.point.id, ""))
        finally:
            self._loading = False

    def _chain_focus(self, index: int, view: PointView) -> None:
        """Tab reaches a point built later after the points before it, not at the end of
        the window (where Qt puts a new widget)."""
        before = [v for v in self._views[:index] if v is not None]
        if not before:
            return  # the first point: built before everything after it
        previous = _focusable(before[-1])[-1:]
        chain = previous + _focusable(view)
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _fit_scroll_area(self) -> None:
        """A scroll area does not ask its content how narrow it may get; without this a
        narrow window cuts the answers off on the right instead of shrinking the results.
        Refitted as each point is built (a hidden slot does not tell its stack it grew)."""
        holder = self._holder
        for slot in self._slots:  # each slot, and up from it: forget the sizes kept
            widget: QWidget | None = slot
            while widget is not None:
                layout = widget.layout()
                if layout is not None:
                    layout.invalidate()
                widget.updateGeometry()
                widget = None if widget is holder else widget.parentWidget()
        self.scroll_area.setMinimumWidth(holder.minimumSizeHint().width()
                                         + self.scroll_area.verticalScrollBar().sizeHint().width())

    def _focus_first_control(self) -> None:
        """After Next, the keyboard continues at the top of the new step."""
        view = self.steps.currentWidget()
        if view is None:
            return
        widget: QWidget | None = view.nextInFocusChain()
        while widget is not None and widget is not view:
            if (view.isAncestorOf(widget) and widget.isVisibleTo(view) and widget.isEnabled()
                    and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
                widget.setFocus(Qt.FocusReason.TabFocusReason)
                return
            widget = widget.nextInFocusChain()

    def _update_progress(self) -> None:
        step = self.current_step()
        if step < len(self._views):
            answers = self.controller.project.readiness.answers
            questions = self.checklist.points[step].questions
            done = sum(1 for q in questions if q.id in answers)
            self.progress_label.setText(ngettext(
                "{done} of {total} question answered", "{done} of {total} questions answered",
                len(questions)).format(done=show_number(done),
                                       total=show_number(len(questions))))
        else:
            actions = self.controller.project.actions
            done = sum(1 for a in actions if a.done)
            self.progress_label.setText(ngettext(
                "{done} of {total} action done", "{done} of {total} actions done",
                len(actions)).format(done=show_number(done), total=show_number(len(actions))))
