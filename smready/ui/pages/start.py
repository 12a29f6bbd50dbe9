"""The friendly first page: two big choices, open, recent files and the examples."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from smready.i18n import _
from smready.paths import examples_dir
from smready.ui.styles import CHOICE, HERO, SECTION, heading_font
from smready.ui.widgets.icons import icon
from smready.ui.widgets.labels import body_label, heading, muted, plain_tooltip, scrolling

# The start page paints before the domain models and storage are imported (start-up time),
# so it names the examples from their JSON and says which kind to start as a plain string
# (the values of ``smready.domain.OrgKind``); opening an example validates it in full.
EXAMPLE_SUFFIX = ".smready"
SMALL_BUSINESS = "small_business"
NONPROFIT = "nonprofit"


def example_files() -> list[tuple[Path, str]]:
    """The bundled example projects with their organization names."""
    folder = examples_dir()
    if folder is None:
        return []
    found = []
    for path in sorted(folder.glob("*" + EXAMPLE_SUFFIX)):
        try:
            name = json.loads(path.read_text(encoding="utf-8"))["organization"]["name"]
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if isinstance(name, str) and name.strip():
            found.append((path, name.strip()[:200]))
    return found


class _BigChoice(QToolButton):
    """A big button: an icon, a title and a line of detail, both wrapping when a
    translation is longer than the button is wide (a tool button's own text is cut)."""

    def __init__(self, icon_name: str, title: str, detail: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(title)
        self.setAccessibleDescription(detail)
        # Both choices equally wide, whatever their text: width comes from the layout only.
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumSize(260, 86)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        font = heading_font(self.font(), CHOICE, bold=False)
        picture = QLabel(self)
        picture.setPixmap(icon(icon_name).pixmap(QSize(40, 40), self.devicePixelRatioF()))
        self.title_label = QLabel(title, self)
        self.detail_label = QLabel(detail, self)
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addStretch(1)
        for label in (self.title_label, self.detail_label):
            label.setFont(font)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            text.addWidget(label)
        text.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 10, 16, 10)
        row.setSpacing(12)
        row.addWidget(picture, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addLayout(text, 1)
        for child in (picture, self.title_label, self.detail_label):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        layout = self.layout()
        needed = layout.totalHeightForWidth(width) if layout is not None else 0
        return max(self.minimumHeight(), needed)

    def sizeHint(self) -> QSize:
        return QSize(self.minimumWidth(), self.heightForWidth(self.width()))


class StartPage(QWidget):
    new_requested = Signal(str, str)
    """Organization name and the value of its :class:`smready.domain.OrgKind`."""
    open_requested = Signal()
    recent_requested = Signal(Path)
    example_requested = Signal(Path)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("start_page")
        content = QWidget(self)
        content.setMaximumWidth(860)

        title = heading(_("Is your organization ready for social media?"), HERO, content)
        intro = body_label(_(
            "Answer a short checklist (about 10 minutes), see what to do first, set a few "
            "goals and write your social media policy. Your answers stay on this computer."),
            content, selectable=False)

        self.name_edit = QLineEdit(content)
        self.name_edit.setObjectName("org_name")
        self.name_edit.setMaxLength(200)
        self.name_edit.setPlaceholderText(_("e.g. Café Aurora"))
        self.name_edit.setAccessibleName(_("Name of your organization"))
        self.name_edit.setMinimumWidth(320)
        name_label = QLabel(_("&Name of your organization"), content)
        name_label.setBuddy(self.name_edit)
        name_form = QHBoxLayout()
        name_form.setSpacing(12)
        name_form.addWidget(name_label)
        name_form.addWidget(self.name_edit, 1)

        self.business_button = _BigChoice(
            "business", _("Start for a small business"),
            _("A shop, café, studio or practice"), content)
        self.business_button.setObjectName("new_business")
        self.nonprofit_button = _BigChoice(
            "nonprofit", _("Start for a nonprofit"),
            _("A charity, club, association or volunteer group"), content)
        self.nonprofit_button.setObjectName("new_nonprofit")
        choices = QHBoxLayout()
        choices.setSpacing(16)
        choices.addWidget(self.business_button, 1)
        choices.addWidget(self.nonprofit_button, 1)

        self.open_button = QPushButton(icon("open"), _("Open a project…"), content)
        self.open_button.setObjectName("open_project")
        self.open_button.setAccessibleName(_("Open a project"))

        self.recent_list = QListWidget(content)
        self.recent_list.setObjectName("recent_list")
        self.recent_list.setAccessibleName(_("Recent projects"))
        self.recent_list.setMaximumHeight(170)
        self.recent_empty = muted(body_label(_(
            "No recent projects yet — the projects you save will appear here."), content,
            selectable=False))

        self.example_buttons: list[QPushButton] = []
        # Read once: the File menu's "Open an Example" lists the same (see MainWindow).
        self.examples = example_files()
        examples = QVBoxLayout()
        examples.setSpacing(6)
        for path, name in self.examples:
            button = QPushButton(icon("example"), _("Look at {name}").format(name=name), content)
            button.setObjectName(f"example:{path.stem}")
            button.setAccessibleName(_("Open the example {name}").format(name=name))
            button.setStyleSheet("QPushButton { text-align: left; padding: 6px 10px; }")
            button.clicked.connect(
                lambda _checked=False, p=path: self.example_requested.emit(p))
            self.example_buttons.append(button)
            examples.addWidget(button)
        examples.addStretch(1)

        recent_column = QVBoxLayout()
        recent_column.addWidget(heading(_("Recent projects"), SECTION, content))
        recent_column.addWidget(self.recent_list)
        recent_column.addWidget(self.recent_empty)
        recent_column.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        recent_column.addStretch(1)
        example_column = QVBoxLayout()
        example_column.addWidget(heading(_("Look around first"), SECTION, content))
        example_column.addWidget(muted(body_label(_(
            "Finished examples: open one to see how it works."), content, selectable=False)))
        example_column.addLayout(examples)
        lower = QGridLayout()
        lower.setHorizontalSpacing(32)
        lower.addLayout(recent_column, 0, 0)
        lower.addLayout(example_column, 0, 1)
        lower.setColumnStretch(0, 3)
        lower.setColumnStretch(1, 2)

        layout = QVBoxLayout(content)
        layout.setContentsMargins(40, 36, 40, 36)
        layout.setSpacing(16)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addLayout(name_form)
        layout.addLayout(choices)
        layout.addSpacing(16)
        layout.addLayout(lower)
        layout.addStretch(1)

        holder = QWidget(self)
        holder_layout = QHBoxLayout(holder)
        holder_layout.addStretch(1)
        holder_layout.addWidget(content, 100)
        holder_layout.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolling(holder))

        self.business_button.clicked.connect(self._on_business_clicked)
        self.nonprofit_button.clicked.connect(self._on_nonprofit_clicked)
        self.open_button.clicked.connect(self.open_requested)
        self.recent_list.itemActivated.connect(self._on_recent_item_activated)
        self.name_edit.returnPressed.connect(self._on_business_clicked)
        self.set_recent_files([])

    def set_recent_files(self, paths: list[Path]) -> None:
        self.recent_list.clear()
        for path in paths:
            item = QListWidgetItem(icon("policy"), f"{path.stem}  —  {path.parent}")
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(plain_tooltip(str(path)))
            self.recent_list.addItem(item)
        self.recent_list.setVisible(bool(paths))
        self.recent_empty.setVisible(not paths)

    def focus_name(self) -> None:
        self.name_edit.clear()
        self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_business_clicked(self) -> None:
        self.new_requested.emit(self.name_edit.text(), SMALL_BUSINESS)

    def _on_nonprofit_clicked(self) -> None:
        self.new_requested.emit(self.name_edit.text(), NONPROFIT)

    def _on_recent_item_activated(self, item: QListWidgetItem) -> None:
        self.recent_requested.emit(Path(str(item.data(Qt.ItemDataRole.UserRole))))
