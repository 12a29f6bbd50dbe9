"""The live result beside the checklist: score, level, radar chart, advice, resource check."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smready.domain import ReadinessResult, Recommendation
from smready.i18n import _, ngettext
from smready.rendering.charts import radar_svg
from smready.ui.app.controller import ProjectController
from smready.ui.styles import (
    SCORE,
    SECTION,
    SUBTITLE,
    card_background,
    chart_for,
    heading_font,
)
from smready.ui.widgets.common import AnimatedNumber, SvgView
from smready.ui.widgets.dates import show_number
from smready.ui.widgets.icons import icon
from smready.ui.widgets.labels import body_label, heading, muted, scrolling

TOP_RECOMMENDATIONS = 5
PANEL_WIDTH = 380
PANEL_MIN_WIDTH = 290
CHART_MIN_SIDE = 200


def _hours(value: float) -> str:
    hours = round(value)  # whole hours, as in the report
    return ngettext("{hours} h", "{hours} h", hours).format(hours=show_number(hours))


class _RecommendationRow(QWidget):
    def __init__(self, number: int, recommendation: Recommendation, in_plan: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.recommendation = recommendation
        self.text = body_label(f"{show_number(number)}. {recommendation.text}", self)
        self.text.setAccessibleName(recommendation.text)
        self.point = muted(QLabel(recommendation.point_title, self))
        self.point.setWordWrap(True)
        self.button = QPushButton(self)
        self.button.setObjectName(f"add_action:{recommendation.question}")
        self.button.setAccessibleDescription(recommendation.text)
        if in_plan:
            self.button.setText(_("In your action plan"))
            self.button.setIcon(icon("check"))
            self.button.setEnabled(False)
        else:
            self.button.setText(_("Add to action plan"))
            self.button.setIcon(icon("add"))
        self.button.setAccessibleName(self.button.text())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 8)
        layout.setSpacing(3)
        layout.addWidget(self.text)
        layout.addWidget(self.point)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)


class ResultsPanel(QWidget):
    """Shows the session's readiness result (``controller.derived.result``, computed once
    per revision) on every change; no rules of its own."""

    action_requested = Signal(str, str)
    """Question id and the recommendation text: "Add to action plan" was pressed."""
    action_plan_requested = Signal()

    def __init__(self, controller: ProjectController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._result: ReadinessResult | None = None
        self._shown_recommendations: list[tuple[str, str, bool]] = []
        self.setObjectName("results_panel")
        # As wide as it can read well; narrower windows (a laptop at 200 % scale) take
        # from it before the checklist gets cramped.
        self.setMinimumWidth(PANEL_MIN_WIDTH)
        self.setMaximumWidth(PANEL_WIDTH)

        content = QWidget(self)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(18, 20, 18, 20)
        layout.setSpacing(10)

        layout.addWidget(heading(_("Your readiness"), SUBTITLE, content))
        self.score_label = AnimatedNumber(_("{score} / {top}"), content, top=show_number(100))
        self.score_label.setObjectName("score_label")
        self.score_label.setFont(heading_font(self.score_label.font(), SCORE))
        self.answered_label = muted(QLabel(content))
        self.level_label = heading("", SUBTITLE, content)
        self.level_label.setObjectName("level_label")
        self.meaning_label = body_label("", content)
        self.capped_label = body_label("", content)
        self.capped_label.setObjectName("capped_label")
        italic = QFont(self.capped_label.font())
        italic.setItalic(True)
        self.capped_label.setFont(italic)
        score_row = QHBoxLayout()
        score_row.addWidget(self.score_label)
        score_row.addStretch(1)
        layout.addLayout(score_row)
        layout.addWidget(self.answered_label)
        layout.addWidget(self.level_label)
        layout.addWidget(self.meaning_label)
        layout.addWidget(self.capped_label)

        self.chart = SvgView(content)
        self.chart.setObjectName("radar_chart")
        self.chart.setAccessibleName(_("Radar chart of the six points"))
        self.chart.setFixedHeight(PANEL_WIDTH - 50)
        self.chart.installEventFilter(self)
        chart_frame = QFrame(content)
        chart_frame.setObjectName("chart_frame")
        self.chart_frame = chart_frame
        self._style_chart_card()
        frame_layout = QVBoxLayout(chart_frame)
        frame_layout.setContentsMargins(4, 4, 4, 4)
        frame_layout.addWidget(self.chart)
        layout.addWidget(chart_frame)

        self.points_table = QTableWidget(0, 2, content)
        self.points_table.setObjectName("points_table")
        self.points_table.setAccessibleName(_("Score of each point"))
        self.points_table.setHorizontalHeaderLabels([_("Point"), _("Score")])
        self.points_table.verticalHeader().setVisible(False)
        self.points_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.points_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.points_table.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.points_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.points_table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.points_table.setWordWrap(False)
        header = self.points_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.points_table)

        layout.addSpacing(6)
        layout.addWidget(heading(_("Do first:"), SECTION, content))
        self.recommendations_box = QVBoxLayout()
        self.recommendations_box.setSpacing(2)
        layout.addLayout(self.recommendations_box)
        self.no_recommendations = body_label(
            _("Nothing urgent. Answer more questions to get advice."), content)
        layout.addWidget(self.no_recommendations)
        self.plan_button = QPushButton(icon("actions"), _("Open the action plan"), content)
        self.plan_button.setObjectName("open_action_plan")
        self.plan_button.setAccessibleName(_("Open the action plan"))
        self.plan_button.clicked.connect(self.action_plan_requested)
        layout.addWidget(self.plan_button, 0, Qt.AlignmentFlag.AlignLeft)

        layout.addSpacing(6)
        layout.addWidget(heading(_("Time and budget"), SECTION, content))
        self.hours_label = body_label("", content)
        self.hours_label.setObjectName("hours_label")
        self.resource_message = body_label("", content)
        self.resource_message.setObjectName("resource_message")
        self.tier_label = body_label("", content)
        self.tier_label.setObjectName("tier_label")
        layout.addWidget(self.hours_label)
        layout.addWidget(self.resource_message)
        layout.addWidget(self.tier_label)
        layout.addStretch(1)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolling(content))
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)

        controller.project_changed.connect(self._on_controller_project_changed)
        controller.project_replaced.connect(self._on_controller_project_replaced)
        self.refresh(animate=False)

    def sizeHint(self) -> QSize:
        return QSize(PANEL_WIDTH, super().sizeHint().height())

    def _style_chart_card(self) -> None:
        """A card in the palette's colours: white on light, a raised dark grey on dark."""
        self.chart_frame.setStyleSheet(
            f"QFrame#chart_frame {{ background: {card_background(self.palette())}; "
            "border-radius: 8px; }")

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "chart_frame"):
            self._style_chart_card()
            if self._result is not None:
                self.chart.set_svg(chart_for(radar_svg(self._result, compact=True),
                                             self.palette()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The compact chart is square: as tall as the panel lets it be wide.
        if watched is self.chart and event.type() == QEvent.Type.Resize:
            side = max(self.chart.width(), CHART_MIN_SIDE)
            if self.chart.height() != side:
                self.chart.setFixedHeight(side)
        return super().eventFilter(watched, event)

    def result(self) -> ReadinessResult | None:
        return self._result

    def recommendation_rows(self) -> list[_RecommendationRow]:
        rows = []
        for index in range(self.recommendations_box.count()):
            item = self.recommendations_box.itemAt(index)
            widget = item.widget() if item is not None else None
            if isinstance(widget, _RecommendationRow):
                rows.append(widget)
        return rows

    def refresh(self, *, animate: bool = True) -> None:
        result = self.controller.derived.result  # once per revision, shared
        self._result = result
        self.score_label.set_value(result.overall, animate=animate)
        self.answered_label.setText(ngettext(
            "{answered} of {total} question answered", "{answered} of {total} questions answered",
            result.total).format(answered=show_number(result.answered),
                                 total=show_number(result.total)))
        self.level_label.setText(result.level.name)
        self.level_label.setAccessibleName(_("Level: {name}").format(name=result.level.name))
        self.meaning_label.setText(result.level.meaning)
        self.capped_label.setText("\n".join(result.level.capped_by))
        self.capped_label.setVisible(bool(result.level.capped_by))
        self.chart.set_svg(chart_for(radar_svg(result, compact=True), self.palette()))
        self._fill_points_table(result)
        self._fill_recommendations(result.recommendations[:TOP_RECOMMENDATIONS])
        self._fill_resources(result)

    def _fill_points_table(self, result: ReadinessResult) -> None:
        table = self.points_table
        table.setRowCount(len(result.points))
        for row, point in enumerate(result.points):
            title = QTableWidgetItem(f"{show_number(point.number)}. {point.title}")
            title.setToolTip(point.title)
            value = QTableWidgetItem(show_number(round(point.score)))
            value.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setData(Qt.ItemDataRole.AccessibleTextRole,
                          _("{score} of {top}").format(score=show_number(round(point.score)),
                                                       top=show_number(100)))
            table.setItem(row, 0, title)
            table.setItem(row, 1, value)
        table.resizeRowsToContents()
        height = table.horizontalHeader().height() + 2 * table.frameWidth()
        height += sum(table.rowHeight(r) for r in range(table.rowCount()))
        table.setFixedHeight(height)

    def _fill_recommendations(self, recommendations: list[Recommendation]) -> None:
        open_actions = {a.question for a in self.controller.project.actions if not a.done}
        shown = [(r.question, r.text, r.question in open_actions) for r in recommendations]
        if shown == self._shown_recommendations:
            return  # unchanged: keep the widgets (and the keyboard focus) where they are
        self._shown_recommendations = shown
        while self.recommendations_box.count():
            item = self.recommendations_box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        for number, recommendation in enumerate(recommendations, start=1):
            row = _RecommendationRow(number, recommendation,
                                     recommendation.question in open_actions, self)
            row.button.clicked.connect(
                lambda _checked=False, r=recommendation: self.action_requested.emit(
                    r.question, r.text))
            self.recommendations_box.addWidget(row)
        self.no_recommendations.setVisible(not recommendations)

    def _fill_resources(self, result: ReadinessResult) -> None:
        check = result.resources
        if check.hours_available_per_month is None:
            hours = _("You need about {needed} a month. How many hours you have is not "
                      "answered yet.").format(needed=_hours(check.hours_needed_per_month))
        else:
            hours = _("You need about {needed} a month; you have {available}.").format(
                needed=_hours(check.hours_needed_per_month),
                available=_hours(check.hours_available_per_month))
        self.hours_label.setText(hours)
        self.resource_message.setText(check.message)
        self.resource_message.setVisible(bool(check.message))
        if check.tier is None:
            self.tier_label.setText(_("Pick your networks to see which level of outside "
                                      "help would fit."))
        else:
            self.tier_label.setText(_("If you hire help: {tier}, {cost}.").format(
                tier=check.tier.name, cost=check.tier.cost_text))

    def _on_controller_project_changed(self) -> None:
        self.refresh()

    def _on_controller_project_replaced(self) -> None:
        self._shown_recommendations = []
        self.refresh(animate=False)
