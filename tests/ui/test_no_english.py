"""No English where the window has another language: every text a user sees or hears
(labels, buttons, tooltips, accessible names, placeholders, combo and list entries, table
cells and headers, menus, the window title) on the start page and every page of a café's
and a food bank's project.

* Pseudo-language: every string that goes through the catalog comes back as ⟦…⟧, so any
  English word outside the brackets that is not the project's own data (or a platform's
  or language's name) was built without ``_``.
* Finnish: no text is the English original of a message the Finnish catalog (or the
  Finnish glossary) translates — a string that exists in Finnish but is shown in English.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from smready.content import load_platforms
from smready.i18n import LANGUAGE_NAMES
from smready.ui.app.main_window import GOALS, POLICY, READINESS, REVIEW, MainWindow
from smready.ui.pages.start import example_files
from tests.conftest import REPO
from tests.ui.conftest import show_example

EXAMPLES = ("cafe-aurora", "harbour-food-bank")
WORD = re.compile(r"[A-Za-z]{3,}")


def shown_texts(window: QWidget) -> list[tuple[str, str]]:
    """(what, text) of everything visible a user reads or a screen reader says."""
    out: list[tuple[str, str]] = [("window title", window.windowTitle())]
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, (QLabel, QAbstractButton)):
            out.append(("text", widget.text()))
        out += [("tooltip", widget.toolTip()), ("accessible name", widget.accessibleName()),
                ("accessible description", widget.accessibleDescription())]
        if isinstance(widget, (QLineEdit, QPlainTextEdit)):
            out.append(("placeholder", widget.placeholderText()))
        if isinstance(widget, QComboBox):
            out += [("choice", widget.itemText(i)) for i in range(widget.count())]
        if isinstance(widget, QListWidget):
            for i in range(widget.count()):
                item = widget.item(i)
                out += [("list entry", item.text()), ("spoken list entry", str(
                    item.data(Qt.ItemDataRole.AccessibleTextRole) or ""))]
        if isinstance(widget, QTableWidget):
            for column in range(widget.columnCount()):
                header = widget.horizontalHeaderItem(column)
                out.append(("column", header.text() if header is not None else ""))
                for row in range(widget.rowCount()):
                    cell = widget.item(row, column)
                    if cell is not None:
                        out += [("cell", cell.text()), ("cell tooltip", cell.toolTip())]
    for menu in window.findChildren(QMenu):
        out.append(("menu", menu.title()))
        out += [("menu entry", action.text()) for action in menu.actions()
                if not action.isSeparator()]
    return [(what, text) for what, text in out if text.strip()]


def walk(qtbot: QtBot) -> Iterator[tuple[str, MainWindow]]:
    """The window on the start page and on every page of each example, as a user goes."""
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    yield "start page", window
    paths = {path.stem: path for path, _name in example_files()}
    for stem in EXAMPLES:
        show_example(window, paths[stem])
        window.show_page(READINESS)
        for step in range(window.readiness_page.step_count()):
            window.readiness_page.go_to(step)
            yield f"{stem} readiness {step + 1}", window
        window.show_page(GOALS)
        yield f"{stem} goals", window
        window.show_page(POLICY)
        for page in window.policy_page.visible_pages():
            window.policy_page.go_to(page)
            yield f"{stem} policy {page.page_id}", window
        window.show_page(REVIEW)
        yield f"{stem} review", window
        window.controller.mark_saved(paths[stem])


def project_data() -> set[str]:
    """Every string of the examples: names, notes, handles the user typed."""
    found: set[str] = set()

    def collect(value: object) -> None:
        if isinstance(value, dict):
            for item in value.values():
                collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)
        elif isinstance(value, str) and len(value) > 2:
            found.add(value)

    for path, _name in example_files():
        collect(json.loads(path.read_text(encoding="utf-8")))
    return found


@pytest.mark.parametrize("language", ["en_XA"], indirect=True)
def test_every_string_in_the_window_goes_through_the_catalog(
        qtbot: QtBot, language: str) -> None:
    names = project_data() | {p.name for p in load_platforms()} | set(LANGUAGE_NAMES.values())
    english_glossary = yaml.safe_load((REPO / "resources" / "glossary.yaml").read_text("utf-8"))
    # The pseudo-language has no glossary: kind-specific goal names stay English there.
    names |= {name for kinds in english_glossary["goal_names"].values()
              for name in kinds.values()}
    names |= {str(Path.home()), "smready"}
    ordered = sorted(names, key=len, reverse=True)
    leaks: dict[str, str] = {}
    for where, window in walk(qtbot):
        QCoreApplication.processEvents()
        for what, text in shown_texts(window):
            rest = re.sub(r"⟦.*?⟧", " ", text, flags=re.DOTALL)
            for name in ordered:
                rest = rest.replace(name, " ")
            if WORD.search(rest):
                leaks.setdefault(f"{what}: {text[:80]!r}", where)
    assert leaks == {}


def finnish_originals() -> dict[str, str]:
    """English text → its Finnish translation, for every message and glossary goal name
    that Finnish translates differently."""
    with (REPO / "resources" / "locale" / "fi" / "LC_MESSAGES" / "smready.po").open("rb") as f:
        catalog = read_po(f)
    pairs: dict[str, str] = {}
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for source, translated in zip(ids, strings, strict=False):
            if translated and translated != source and "{" not in source:
                pairs[source.replace("&", "")] = translated
    english = yaml.safe_load((REPO / "resources" / "glossary.yaml").read_text("utf-8"))
    finnish = yaml.safe_load(
        (REPO / "resources" / "locale" / "fi" / "glossary.yaml").read_text("utf-8"))
    for goal, kinds in english["goal_names"].items():
        for kind, name in kinds.items():
            translated = finnish.get("goal_names", {}).get(goal, {}).get(kind)
            if translated and translated != name:
                pairs[name] = translated
    return pairs


@pytest.mark.parametrize("language", ["fi"], indirect=True)
def test_nothing_translated_into_finnish_is_shown_in_english(
        qtbot: QtBot, language: str) -> None:
    originals = finnish_originals()
    data = project_data()
    shown_in_english: dict[str, str] = {}
    for where, window in walk(qtbot):
        QCoreApplication.processEvents()
        for what, text in shown_texts(window):
            for line in text.replace("&", "").splitlines():
                line = line.strip(" •·✓●○")
                if line in originals and line not in data:
                    shown_in_english.setdefault(
                        f"{what}: {line!r} (Finnish: {originals[line]!r})", where)
    assert shown_in_english == {}
