"""The main window: start page, side navigation with completion marks, menus, status bar."""

from __future__ import annotations

import contextlib
import importlib
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSettings,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QFont,
    QKeySequence,
    QPainter,
    QPalette,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QPushButton,
    QStackedWidget,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

import smready
from smready.i18n import _, ngettext
from smready.ui.app.recent import recent_files
from smready.ui.pages.start import StartPage
from smready.ui.styles import SUBTITLE, heading_font
from smready.ui.widgets.dates import show_number
from smready.ui.widgets.icons import icon
from smready.ui.widgets.labels import muted

# The workspace (domain models, content bank, the four pages) is imported only when it is
# built: a deferred window paints its start page first and builds the rest right after.
# Qt classes only the workspace needs are imported where they are used, for the same reason
# (PySide6 builds each Python class on first import; QStyle alone takes ~10 ms).
if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyleOptionViewItem

    from smready.ui.app.controller import ProjectController
    from smready.ui.app.files import FileManager
    from smready.ui.pages.goals import GoalsPage
    from smready.ui.pages.policy import PolicyWizard
    from smready.ui.pages.readiness import ReadinessPage
    from smready.ui.pages.review import ReviewPage

# What the workspace imports, in dependency order, one module per build step: a single import
# of the readiness page would hold the event loop for ~250 ms; these take 10–60 ms each.
# The domain's own modules come between the two (see _plan_domain_steps).
PYDANTIC_MODULES = (
    "typing_extensions", "pydantic_core.core_schema", "pydantic_core", "pydantic",
    "annotated_types", "pydantic._internal._fields", "pydantic.json_schema", "pydantic.types",
    "pydantic._internal._generate_schema", "pydantic.main", "importlib.metadata",
    "pydantic.plugin._loader",
)
WORKSPACE_MODULES = (
    "smready.storage", "smready.content",
    "smready.scoring", "smready.ui.widgets.results_panel", "smready.ui.pages.readiness",
)
# Imported after the readiness page, while the user already sees it: the other pages.
LATER_MODULES = (
    "smready.ui.pages.goals", "smready.ui.widgets.table_editor",
    *(f"smready.ui.pages.policy.{step}" for step in (
        "base", "organization", "scope", "accounts", "voice", "spokespeople", "hr",
        "responsibilities", "escalation", "privacy", "training", "measurement", "nonprofit",
        "signoff", "wizard")),
    "PySide6.QtPdf", "PySide6.QtPdfWidgets", "PySide6.QtPrintSupport",
    "concurrent.futures.process", "smready.ui.app.render_worker", "smready.ui.pages.review",
)


def _preload(name: str) -> None:
    """Import ``name`` ahead of the step that needs it. Names of third-party internals may
    move between versions: a missing one only makes a later step a little longer."""
    with contextlib.suppress(ImportError):
        importlib.import_module(name)


# Attribute, module and class of the four pages, in the order of the side navigation.
PAGES = (
    ("readiness_page", "smready.ui.pages.readiness", "ReadinessPage"),
    ("goals_page", "smready.ui.pages.goals", "GoalsPage"),
    ("policy_page", "smready.ui.pages.policy", "PolicyWizard"),
    ("review_page", "smready.ui.pages.review", "ReviewPage"),
)

GEOMETRY_KEY = "window/geometry"
MARK_ROLE = Qt.ItemDataRole.UserRole + 1
NAV_WIDTH = 210

READINESS, GOALS, POLICY, REVIEW = range(4)


def completion_mark(done: int, total: int) -> str:
    """"✓" when everything is done, "4/11" on the way, nothing before the start."""
    if total <= 0:
        return ""
    return "✓" if done >= total else f"{show_number(done)}/{show_number(total)}"


def restart_command(path: Path | None) -> tuple[str, list[str]]:
    """The program and arguments that start smready again (the bundle's own executable, or
    this Python running the app module), opening ``path`` if given. ``--lang`` is not passed
    on: the new process takes the language just saved in Preferences."""
    import sys

    files = [str(path)] if path is not None else []
    if getattr(sys, "frozen", False):
        return sys.executable, files
    return sys.executable, ["-m", "smready.ui.app.main", *files]


class _NavDelegate(QStyledItemDelegate):
    """Draws the completion mark right-aligned after the section name."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        super().paint(painter, option, index)
        mark = index.data(MARK_ROLE)
        if not mark:
            return
        from PySide6.QtWidgets import QStyle

        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = option.palette
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(palette.color(role))
        font = QFont(option.font)
        font.setBold(mark == "✓")
        painter.setFont(font)
        rect: QRect = option.rect.adjusted(0, 0, -12, 0)
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                         str(mark))
        painter.restore()


class MainWindow(QMainWindow):
    """The start page, and the workspace: side navigation, the four pages, menus, status bar.

    ``deferred=True`` (what ``smready`` uses) builds only the start page, menus and navigation
    in the constructor; the workspace is built in a few steps after the first paint, one
    event-loop turn each, so the window shows at once and keeps answering input. Anything
    that needs the workspace before then builds the rest on the spot
    (:meth:`ensure_workspace`). Without ``deferred`` everything is built in the constructor.
    """

    workspace_ready = Signal()
    """The pages, the controller and the file manager exist (emitted once)."""
    workspace_failed = Signal()
    """The workspace could not be built (the user was told); the application decides to
    exit (``smready.ui.app.main``), the window only closes."""
    core_ready = Signal()
    """The controller and the file manager exist: a project can be opened (emitted once)."""
    project_shown = Signal()
    """A project that was opened is on screen (its first page painted) and the event loop
    is free again: the window answers input."""

    controller: ProjectController
    files: FileManager
    readiness_page: ReadinessPage
    goals_page: GoalsPage
    policy_page: PolicyWizard
    review_page: ReviewPage

    def __init__(self, controller: ProjectController | None = None,
                 parent: QWidget | None = None, *, deferred: bool = False,
                 opening: Path | None = None) -> None:
        super().__init__(parent)
        self._given_controller = controller
        self._project_chosen = False
        self._build_started = False
        self._build_held = False  # a project's first page is painting: the build waits
        self._build_stalled = False  # the build loop stopped while held
        self._build_failed = False
        # Each step is one event-loop turn (up to ~70 ms here), so input keeps flowing.
        # The policy steps made ahead of the wizard, one per turn (see _plan_policy_steps).
        # (revision made at, page, its scroll area: kept here until the wizard takes it)
        self._policy_steps: list[tuple[int, QWidget, QWidget]] = []
        self._build_steps: list[Callable[[], None]] = [
            *(partial(_preload, name) for name in PYDANTIC_MODULES), self._plan_domain_steps,
            *(partial(_preload, name) for name in WORKSPACE_MODULES),
            self._build_core, self._load_content, partial(_preload, "smready.rendering.policy"),
            self._load_clauses, partial(_preload, "smready.formatting"),
            self._load_number_formats, self._derive_gaps,
            self._derive_result,
            partial(self._build_page, *PAGES[READINESS]), self._build_readiness_point,
            *(partial(_preload, name) for name in LATER_MODULES),
            partial(self._build_page, *PAGES[GOALS]),
            self._plan_policy_steps,
            partial(self._build_page, *PAGES[POLICY]),
            partial(self._build_page, *PAGES[REVIEW]),
            self._finish_workspace]
        self.setWindowIcon(icon("readiness"))

        self.start_page = StartPage(self)
        self.pages = QStackedWidget(self)

        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(_("Sections"))
        self.nav.setItemDelegate(_NavDelegate(self.nav))
        self.nav.setFrameShape(QFrame.Shape.NoFrame)
        self.nav.setSpacing(2)
        self.nav.setIconSize(self.nav.iconSize() * 1.25)
        for icon_name, label in (("readiness", _("Readiness")), ("goals", _("Goals")),
                                 ("policy", _("Policy")), ("review", _("Review & export"))):
            item = QListWidgetItem(icon(icon_name), label)
            item.setSizeHint(QSize(NAV_WIDTH - 24, self.nav.fontMetrics().height() * 2 + 6))
            self.nav.addItem(item)
        self.org_label = QLabel(self)
        self.org_label.setObjectName("org_name_label")
        self.org_label.setWordWrap(True)
        self.org_label.setTextFormat(Qt.TextFormat.PlainText)  # the user's name for it, as typed
        self.org_label.setFont(heading_font(self.org_label.font(), SUBTITLE))
        self.kind_label = muted(QLabel(self))
        self.home_button = QPushButton(icon("home"), _("Start page"), self)
        self.home_button.setAccessibleName(_("Back to the start page"))
        self.home_button.setFlat(True)
        nav_panel = QFrame(self)
        nav_panel.setObjectName("nav_panel")
        nav_panel.setFixedWidth(NAV_WIDTH)
        nav_panel.setAutoFillBackground(True)
        nav_panel.setBackgroundRole(QPalette.ColorRole.Base)
        self.nav.setBackgroundRole(QPalette.ColorRole.Base)
        nav_layout = QVBoxLayout(nav_panel)
        nav_layout.setContentsMargins(12, 18, 8, 12)
        nav_layout.setSpacing(6)
        nav_layout.addWidget(self.org_label)
        nav_layout.addWidget(self.kind_label)
        nav_layout.addSpacing(10)
        nav_layout.addWidget(self.nav, 1)
        nav_layout.addWidget(self.home_button, 0, Qt.AlignmentFlag.AlignLeft)

        workspace = QWidget(self)
        workspace_layout = QHBoxLayout(workspace)
        workspace_layout.setContentsMargins(0, 0, 0, 0)
        workspace_layout.setSpacing(0)
        workspace_layout.addWidget(nav_panel)
        divider = QFrame(self)
        divider.setFrameShape(QFrame.Shape.VLine)
        divider.setFrameShadow(QFrame.Shadow.Sunken)
        workspace_layout.addWidget(divider)
        workspace_layout.addWidget(self.pages, 1)
        self.workspace = workspace

        # A file named on the command line (a double-click) shows its name while it is read,
        # not the start page: a name typed there would be lost when the project appears.
        self.opening_label = muted(QLabel(self))
        self.opening_label.setObjectName("opening_label")
        self.opening_label.setTextFormat(Qt.TextFormat.PlainText)  # a file name, never markup
        self.opening_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.opening_label.setWordWrap(True)

        self.central = QStackedWidget(self)
        self.central.addWidget(self.start_page)
        self.central.addWidget(workspace)
        self.central.addWidget(self.opening_label)
        self.setCentralWidget(self.central)

        self.status_label = QLabel(self)
        self.status_label.setObjectName("save_status")
        self.status_label.setAccessibleName(_("Save status"))
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)  # it names the file
        self.statusBar().addWidget(self.status_label, 1)

        self._build_menus()
        self._connect()
        self._restore_geometry()
        self._on_recent_files_changed()
        self._update_title()
        if opening is None:
            self.show_start_page()
        else:
            self.show_opening(opening)
        self._restarting = False
        if deferred:
            self._first_paint = _AfterFirstPaint(self, self._start_building)
            # A window that is never painted (minimized, hidden) still gets its workspace.
            QTimer.singleShot(1000, self._start_building)
        else:
            self.ensure_workspace()

    # -- building the workspace -------------------------------------------------------------
    @property
    def is_workspace_ready(self) -> bool:
        return not self._build_steps and not self._build_failed

    @property
    def is_core_ready(self) -> bool:
        """The controller and the file manager exist (the pages may still be coming)."""
        return hasattr(self, "files") and not self._build_failed

    def ensure_workspace(self) -> None:
        """Build what is not built yet, now (a click that needs a page cannot wait)."""
        while self._build_steps:
            self._run_build_step()

    def ensure_core(self) -> None:
        """Build the controller and the file manager now (to open or start a project); the
        pages follow one per event-loop turn, or when shown (:meth:`ensure_page`)."""
        while self._build_steps and not self.is_core_ready:
            self._run_build_step()

    def ensure_page(self, row: int) -> None:
        """Build the pages up to ``row`` now (they are built in the navigation's order)."""
        while self._build_steps and self.pages.count() <= row:
            self._run_build_step()

    def _start_building(self) -> None:
        if not self._build_started:
            self._build_started = True
            QTimer.singleShot(1, self._next_build_step)

    def _next_build_step(self) -> None:
        if self._build_held:
            self._build_stalled = True
            return
        if self._build_steps:
            self._run_build_step()
        if self._build_steps:
            QTimer.singleShot(1, self._next_build_step)

    def _hold_building(self) -> None:
        """Build nothing more until the project just opened has painted (or for a second at
        most): what the user is waiting to see comes first."""
        self._build_held = True
        QTimer.singleShot(1000, self._resume_building)

    def _resume_building(self) -> None:
        self._build_held = False
        if self._build_stalled:
            self._build_stalled = False
            QTimer.singleShot(1, self._next_build_step)

    def _on_project_painted(self) -> None:
        self._resume_building()
        self.project_shown.emit()

    def _run_build_step(self) -> None:
        step = self._build_steps.pop(0)
        try:
            step()
        except Exception as error:
            # Nothing works without the workspace (a damaged installation: missing or
            # broken question bank, a library that will not load). Say so and close
            # rather than leave a start page whose buttons do nothing.
            self._build_steps.clear()
            self._build_failed = True
            from PySide6.QtWidgets import QMessageBox

            box = QMessageBox(QMessageBox.Icon.Critical, _("smready cannot start"), _(
                "Part of smready could not be loaded, so it has to close. Reinstalling "
                "smready usually fixes this; your saved projects are not affected."),
                QMessageBox.StandardButton.Close, self)
            box.setTextFormat(Qt.TextFormat.PlainText)  # the error may quote a path
            box.setInformativeText(f"{type(error).__name__}: {error}")
            box.exec()
            self.workspace_failed.emit()
            raise

    def _load_content(self) -> None:
        from smready.content import load_checklist

        load_checklist()  # cached: the readiness page reads it next

    def _build_core(self) -> None:
        from smready.ui.app.controller import ProjectController
        from smready.ui.app.files import FileManager

        self.controller = self._given_controller or ProjectController(parent=self)
        self.files = FileManager(self.controller, self)
        self._connect_core()
        self.core_ready.emit()

    def _load_clauses(self) -> None:
        from smready.rendering.policy import load_clauses

        load_clauses()  # cached: the policy gaps are built from it next

    def _load_number_formats(self) -> None:
        from smready.formatting import formats

        project = self.controller.project
        formats(project.language, project.organization.country).integer(1)  # Babel's data

    def _derive_gaps(self) -> None:
        self.controller.derived.gaps  # noqa: B018  (computed once per revision, kept)

    def _derive_result(self) -> None:
        self.controller.derived.result  # noqa: B018  (the readiness page shows it next)

    def _build_readiness_point(self) -> None:
        """The readiness page's other points, one per step (it built the one it shows)."""
        if self.readiness_page.build_next_point():
            self._build_steps.insert(0, self._build_readiness_point)

    def _plan_domain_steps(self) -> None:
        """Queue one build step per domain module (importing them all at once is ~60 ms)."""
        from smready.domain import SUBMODULES

        self._build_steps[0:0] = [partial(_preload, f"smready.domain.{module}")
                                  for module in SUBMODULES]

    def _plan_policy_steps(self) -> None:
        """Queue one build step per policy step page, just before the wizard itself."""
        from smready.ui.pages.policy.wizard import PAGE_CLASSES

        self._build_steps[0:0] = [partial(self._make_policy_step, page_class)
                                  for page_class in PAGE_CLASSES]

    def _make_policy_step(self, page_class: Callable[[ProjectController], QWidget]) -> None:
        from smready.ui.pages.policy.wizard import scrolled_step

        page = page_class(self.controller)
        # In its scroll area already: the wizard's own build step stays short.
        self._policy_steps.append((self.controller.revision, page, scrolled_step(page)))

    def _build_page(self, attribute: str, module: str, class_name: str) -> None:
        page_class = getattr(importlib.import_module(module), class_name)
        if attribute == "policy_page":
            # A step made before the project last changed shows the old answers: the wizard
            # makes that one again.
            current = [step for revision, step, _area in self._policy_steps
                       if revision == self.controller.revision]
            for revision, _step, area in self._policy_steps:
                if revision != self.controller.revision:
                    area.deleteLater()  # and the step in it
            page = page_class(self.controller, self, steps=current)
            self._policy_steps = []  # (after: the wizard owns their scroll areas now)
        else:
            page = page_class(self.controller, self)
        setattr(self, attribute, page)
        self.pages.addWidget(page)
        self._connect_page(attribute)
        if self.central.currentWidget() is self.workspace:
            self._update_marks()

    def _finish_workspace(self) -> None:
        self._update_title()
        self._update_status()
        self._update_marks()
        self.workspace_ready.emit()

    def when_ready(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` once the workspace is built (at once if it is)."""
        if self.is_workspace_ready:
            callback()
        else:
            self.workspace_ready.connect(callback, Qt.ConnectionType.SingleShotConnection)

    def when_core_ready(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` once a project can be opened (at once if it can): a file named
        on the command line opens without waiting for the pages it does not show."""
        if self.is_core_ready:
            callback()
        else:
            self.core_ready.connect(callback, Qt.ConnectionType.SingleShotConnection)

    # -- menus ------------------------------------------------------------------------------
    def _action(self, text: str, slot: Callable[[], object], icon_name: str = "",
                shortcut: QKeySequence.StandardKey | str | None = None) -> QAction:
        action = QAction(text, self)
        if icon_name:
            action.setIcon(icon(icon_name))
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)
        elif shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_menus(self) -> None:
        keys = QKeySequence.StandardKey
        self.new_action = self._action(_("&New project…"), self._on_new_triggered, "new",
                                       keys.New)
        self.open_action = self._action(_("&Open…"), self._on_open_triggered, "open", keys.Open)
        self.save_action = self._action(_("&Save"), self._on_save_triggered, "save", keys.Save)
        self.save_as_action = self._action(_("Save &As…"), self._on_save_as_triggered,
                                           "save-as", keys.SaveAs)
        if not self.save_as_action.shortcuts():
            self.save_as_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.print_action = self._action(_("&Print…"), self._on_print_triggered, "print",
                                         keys.Print)
        self.quit_action = self._action(_("&Quit"), self.close, "quit", keys.Quit)
        if not self.quit_action.shortcuts():
            self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        file_menu = self.menuBar().addMenu(_("&File"))
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.open_action)
        self.recent_menu = QMenu(_("Open &Recent"), self)
        file_menu.addMenu(self.recent_menu)
        self.examples_menu = QMenu(_("Open an &Example"), self)
        self.examples_menu.setIcon(icon("example"))
        for path, name in self.start_page.examples:
            self.examples_menu.addAction(self._action(
                name, partial(self._on_example_requested, path)))
        file_menu.addMenu(self.examples_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.save_action)
        file_menu.addAction(self.save_as_action)
        file_menu.addSeparator()
        file_menu.addAction(self.print_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit_menu = self.menuBar().addMenu(_("&Edit"))
        # Undo and redo step through the project's edits ("Undo Remove spokesperson"). A text
        # field with the focus keeps Ctrl+Z for its own typing (Qt gives it the key first).
        self.undo_action = self._action(_("&Undo"), self._on_undo_triggered, "undo", "Ctrl+Z")
        self.redo_action = self._action(_("&Redo"), self._on_redo_triggered, "redo",
                                        "Ctrl+Shift+Z")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        for text, method, key in ((_("Cu&t"), "cut", keys.Cut), (_("&Copy"), "copy", keys.Copy),
                                  (_("&Paste"), "paste", keys.Paste)):
            action = self._action(text, partial(self._edit_focus, method), shortcut=key)
            # Text fields handle these keys themselves; the menu entries serve mouse users.
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        self.preferences_action = self._action(_("Pre&ferences…"),
                                               self._on_preferences_triggered, shortcut="Ctrl+,")
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        edit_menu.addAction(self.preferences_action)

        go_menu = self.menuBar().addMenu(_("&Go"))
        self.page_actions: list[QAction] = []
        for row, icon_name in enumerate(("readiness", "goals", "policy", "review")):
            # "Review & export": a literal ampersand, not a mnemonic.
            action = self._action(self.nav.item(row).text().replace("&", "&&"),
                                  partial(self.show_page, row), icon_name, f"Ctrl+{row + 1}")
            go_menu.addAction(action)
            self.page_actions.append(action)
        go_menu.addSeparator()
        go_menu.addAction(self._action(_("&Start page"), self._on_home_clicked, "home"))

        help_menu = self.menuBar().addMenu(_("&Help"))
        self.about_action = self._action(_("&About smready"), self._on_about_triggered, "about")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        help_menu.addAction(self.about_action)

    def _on_undo_triggered(self) -> None:
        if self.is_core_ready:
            self.controller.undo_stack.undo()

    def _on_redo_triggered(self) -> None:
        if self.is_core_ready:
            self.controller.undo_stack.redo()

    def _update_undo_actions(self) -> None:
        stack = self.controller.undo_stack
        for action, can, text, plain, named in (
                (self.undo_action, stack.canUndo(), stack.undoText(), _("&Undo"),
                 _("&Undo {action}")),
                (self.redo_action, stack.canRedo(), stack.redoText(), _("&Redo"),
                 _("&Redo {action}"))):
            # "&" in a user's text (a goal named "R&D") must not become a mnemonic.
            action.setText(named.format(action=text.replace("&", "&&")) if can and text
                           else plain)
            action.setEnabled(can)

    def _edit_focus(self, method: str) -> None:
        """Undo/redo/cut/copy/paste in the text field that has the keyboard focus."""
        from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QPlainTextEdit, QTextEdit

        widget = QApplication.focusWidget()
        if isinstance(widget, QAbstractSpinBox):
            widget = widget.findChild(QLineEdit)
        if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
            getattr(widget, method)()

    # -- wiring -----------------------------------------------------------------------------
    def _connect(self) -> None:
        self.nav.currentRowChanged.connect(self._on_nav_row_changed)
        self.home_button.clicked.connect(self._on_home_clicked)
        self.start_page.new_requested.connect(self._on_start_new_requested)
        self.start_page.open_requested.connect(self._on_open_triggered)
        self.start_page.recent_requested.connect(self._on_recent_requested)
        self.start_page.example_requested.connect(self._on_example_requested)

    def _connect_core(self) -> None:
        c = self.controller
        c.project_changed.connect(self._on_controller_project_changed)
        c.project_replaced.connect(self._on_controller_project_replaced)
        c.save_state_changed.connect(self._on_controller_save_state_changed)
        for signal in (c.undo_stack.canUndoChanged, c.undo_stack.canRedoChanged,
                       c.undo_stack.undoTextChanged, c.undo_stack.redoTextChanged):
            signal.connect(self._update_undo_actions)
        self._update_undo_actions()
        self.files.status_changed.connect(self._update_status)
        self.files.recent_files_changed.connect(self._on_recent_files_changed)

    def _connect_page(self, attribute: str) -> None:
        """Wire one page as it is built (the pages come one per event-loop turn)."""
        if attribute == "readiness_page":
            self.readiness_page.completion_changed.connect(self._update_marks)
            self.readiness_page.finished.connect(lambda: self.show_page(GOALS))
        elif attribute == "goals_page":
            self.goals_page.completion_changed.connect(self._update_marks)
        elif attribute == "policy_page":
            self.policy_page.completion_changed.connect(self._update_marks)
            self.policy_page.goals_requested.connect(lambda: self.show_page(GOALS))
            self.policy_page.policy_finished.connect(lambda: self.show_page(REVIEW))
        elif attribute == "review_page":
            self.review_page.gap_activated.connect(self._on_review_gap_activated)

    # -- navigation -------------------------------------------------------------------------
    def show_start_page(self) -> None:
        self.central.setCurrentWidget(self.start_page)
        self._set_workspace_actions(False)
        self.start_page.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_opening(self, path: Path) -> None:
        """The name of the file being opened, until its project or the start page shows."""
        self.opening_label.setText(_("Opening “{name}”…").format(name=path.name))
        self.central.setCurrentWidget(self.opening_label)
        self._set_workspace_actions(False)

    def done_opening(self) -> None:
        """The start page, if the file being opened did not open (its error was shown)."""
        if self.central.currentWidget() is self.opening_label:
            self.show_start_page()

    def show_page(self, row: int) -> None:
        self.ensure_core()
        self.ensure_page(row)
        self.central.setCurrentWidget(self.workspace)
        self._set_workspace_actions(True)
        self.nav.setCurrentRow(row)
        self.pages.setCurrentIndex(row)

    def current_page(self) -> QWidget:
        # Before the workspace is built there is no page yet: the start page is what shows.
        return self.pages.currentWidget() or self.start_page

    def _set_workspace_actions(self, enabled: bool) -> None:
        for action in (self.save_action, self.save_as_action, self.print_action,
                       *self.page_actions):
            action.setEnabled(enabled or self._project_chosen)

    def _project_opened(self) -> None:
        self._project_chosen = True
        self.show_page(READINESS)
        self.readiness_page.go_to(0)
        self._update_title()
        self._update_marks()
        # Reported once the page has painted and the event loop has turned (benchmarks);
        # the rest of the workspace is built after that.
        self._hold_building()
        self._shown_probe = _AfterFirstPaint(self.readiness_page, self._on_project_painted)

    # -- slots ------------------------------------------------------------------------------
    def _on_nav_row_changed(self, row: int) -> None:
        if row < 0:
            return
        self.ensure_core()
        self.ensure_page(row)
        self.pages.setCurrentIndex(row)
        self.files.autosave_now()

    def _on_home_clicked(self) -> None:
        if self.is_core_ready:
            self.files.autosave_now()
        self.show_start_page()

    def _on_new_triggered(self) -> None:
        self.ensure_core()
        if self.files.maybe_save():
            self.show_start_page()
            self.start_page.focus_name()

    def _on_start_new_requested(self, name: str, kind: str) -> None:
        self.ensure_core()
        from smready.domain import OrgKind

        if self.files.new_project(name, OrgKind(kind)):
            self._project_opened()

    def _on_open_triggered(self) -> None:
        self.ensure_core()
        if self.files.open_dialog():
            self._project_opened()

    def _on_recent_requested(self, path: Path) -> None:
        self.ensure_core()
        if not path.exists():
            self.files.forget_recent(path)
        if self.files.open_path(path):
            self._project_opened()

    def _on_example_requested(self, path: Path) -> None:
        self.ensure_core()
        if self.files.open_example(path):
            self._project_opened()

    def _on_save_triggered(self) -> None:
        self.ensure_core()
        self.files.save()

    def _on_save_as_triggered(self) -> None:
        self.ensure_core()
        self.files.save_as()

    def _on_print_triggered(self) -> None:
        self.show_page(REVIEW)
        self.review_page.print_project()

    def _on_about_triggered(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(self, _("About smready"), _(
            "<h3>smready {version}</h3><p>Tells a small business or nonprofit whether it is "
            "ready for social media, and writes its social media policy.</p>"
            "<p>Your answers stay on this computer.</p>").format(version=smready.__version__))

    def _on_preferences_triggered(self) -> None:
        from smready.ui.app.preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(self)
        if dialog.exec() != PreferencesDialog.DialogCode.Accepted or not dialog.needs_restart:
            return
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Question, _("Restart smready?"), _(
            "smready shows the new language after a restart."),
            QMessageBox.StandardButton.NoButton, self)
        box.setInformativeText(_("Your project opens again as it is now; you are asked about "
                                 "unsaved changes first."))
        now = box.addButton(_("Restart now"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(_("Next time"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(now)
        box.exec()
        if box.clickedButton() is now:
            self.restart()

    def restart(self) -> bool:
        """Start smready again with the project now open, and close this window. Asks about
        unsaved changes first; False (nothing happens) if the user cancels or the new
        process cannot be started."""
        from PySide6.QtCore import QProcess

        path: Path | None = None
        if self.is_core_ready:
            if not self.files.maybe_save():
                return False
            path = self.controller.path if self._project_chosen else None
        program, arguments = restart_command(path)
        # The new process needs a few hundred milliseconds before it opens the file; this
        # one has released its lock and autosave long before.
        if not QProcess.startDetached(program, arguments):
            from PySide6.QtWidgets import QMessageBox

            QMessageBox(QMessageBox.Icon.Warning, _("Cannot restart smready"), _(
                "smready could not be started again. Close it and start it yourself to see "
                "the new language; your project is still open."),
                QMessageBox.StandardButton.Ok, self).exec()
            return False
        if self.is_core_ready:
            self.files.shutdown()
        self._restarting = True
        self.close()
        return True

    def _on_recent_files_changed(self) -> None:
        paths = recent_files()
        self.start_page.set_recent_files(paths)
        self.recent_menu.clear()
        for path in paths:
            self.recent_menu.addAction(self._action(
                str(path), partial(self._on_recent_requested, path)))
        if paths:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(self._action(_("Clear the list"),
                                                    self._on_clear_recent_triggered))
        self.recent_menu.setEnabled(bool(paths))

    def _on_review_gap_activated(self, section: str, field: str) -> None:
        self.show_page(POLICY)
        self.policy_page.show_gap(section, field)

    def _on_clear_recent_triggered(self) -> None:
        self.ensure_core()
        self.files.clear_recent()

    def _on_controller_project_changed(self) -> None:
        self._update_marks()
        self._update_title()

    def _on_controller_project_replaced(self) -> None:
        self._project_chosen = True
        self._update_title()
        self._update_status()
        self._update_marks()

    def _on_controller_save_state_changed(self) -> None:
        self._update_title()
        self._update_status()

    # -- views of the state -----------------------------------------------------------------
    def _update_title(self) -> None:
        if not self.is_core_ready:
            self.setWindowTitle("smready")
            return
        organization = self.controller.project.organization
        self.org_label.setText(organization.name)
        self.org_label.setAccessibleName(organization.name)
        self.kind_label.setText(_("Nonprofit") if organization.is_nonprofit
                                else _("Small business"))
        if not self._project_chosen:
            self.setWindowTitle("smready")
            return
        # [*] is where Qt shows the unsaved mark ("*"; a dot on macOS); a name's own
        # "[*]" is doubled so it stays text.
        name = organization.name.replace("[*]", "[*][*]")
        self.setWindowTitle(f"{name}[*] — smready")
        self.setWindowModified(self.controller.dirty)

    def _update_status(self) -> None:
        ready = self._project_chosen and self.is_core_ready
        self.status_label.setText(self.files.status_text() if ready else "")

    def _update_marks(self) -> None:
        if not self.is_core_ready:
            return
        # From the session, as the pages show them: marks do not wait for a page to be built.
        result = self.controller.derived.result
        readiness = (result.answered, result.total)
        goals = self.controller.derived.goals_smart
        policy = self.controller.derived.steps_done
        marks = {
            READINESS: (readiness, ngettext(
                "{section}: {done} of {total} question answered",
                "{section}: {done} of {total} questions answered", readiness[1])),
            GOALS: (goals, ngettext(
                "{section}: {done} of {total} goal is SMART",
                "{section}: {done} of {total} goals are SMART", goals[1])),
            POLICY: (policy, ngettext(
                "{section}: {done} of {total} policy step complete",
                "{section}: {done} of {total} policy steps complete", policy[1])),
        }
        for row, ((done, total), spoken) in marks.items():
            item = self.nav.item(row)
            item.setData(MARK_ROLE, completion_mark(done, total))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken.format(
                section=item.text(), done=show_number(done), total=show_number(total))
                if total else item.text())
        self.nav.viewport().update()

    def mark(self, row: int) -> str:
        return str(self.nav.item(row).data(MARK_ROLE) or "")

    # -- window life ------------------------------------------------------------------------
    def offer_recovery(self) -> bool:
        """At start-up: offer autosaves left by a crash; opens the one recovered."""
        self.ensure_core()
        if self.files.offer_recovery():
            self._project_opened()
            return True
        return False

    def open_file(self, path: Path) -> bool:
        self.ensure_core()
        if self.files.open_path(path, confirm_unsaved=False):
            self._project_opened()
            return True
        return False

    def _restore_geometry(self) -> None:
        geometry = QSettings().value(GEOMETRY_KEY)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        self.fit_to_screen()

    def fit_to_screen(self, area: QRect | None = None) -> None:
        """Keep the window inside the screen's available area (a 960×540 laptop at 200 %
        included): never larger, never partly off-screen."""
        if area is None:
            screen = self.screen() or QApplication.primaryScreen()
            if screen is None:
                return
            area = screen.availableGeometry()
        frame = self.frameGeometry()
        extra_w = max(0, frame.width() - self.width())
        extra_h = max(0, frame.height() - self.height())
        width = min(self.width(), area.width() - extra_w)
        height = min(self.height(), area.height() - extra_h)
        if (width, height) != (self.width(), self.height()):
            self.resize(max(width, 200), max(height, 200))
        frame = self.frameGeometry()
        x = min(max(frame.x(), area.x()), area.right() - frame.width() + 1)
        y = min(max(frame.y(), area.y()), area.bottom() - frame.height() + 1)
        if (x, y) != (frame.x(), frame.y()):
            self.move(x, y)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.is_core_ready and not self._restarting:
            if not self.files.maybe_save():
                event.ignore()
                return
            self.files.shutdown()
        QSettings().setValue(GEOMETRY_KEY, self.saveGeometry())
        event.accept()


class _AfterFirstPaint(QObject):
    """Calls ``then`` once, after the window's first paint event (and removes itself)."""

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._then = then
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._then)
            self.deleteLater()  # once is all it is for
        return False
