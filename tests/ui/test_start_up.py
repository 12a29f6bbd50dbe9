"""Start-up: the start page paints before the heavy layers load, and nothing waits on that.

``smready`` builds its window with ``deferred=True``: the start page, menus and navigation
first; the domain models, content bank and the four pages right after the first paint.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from smready.domain import OrgKind
from smready.storage import FILE_SUFFIX, save_project
from smready.ui.app.main import start_up
from smready.ui.app.main_window import GOALS, POLICY, READINESS, MainWindow, completion_mark
from smready.ui.pages import start as start_page
from tests.ui.conftest import EXAMPLES, MessageLog, example, start_business

# Runs the real entry point; at the first paint it reports what the window shows and which
# heavy modules are loaded, then waits for the workspace and reports again.
PROBE = r"""
import json, os, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QMainWindow

HEAVY = ("pydantic", "jinja2", "yaml", "weasyprint", "smready.domain", "smready.storage",
         "smready.content", "smready.scoring", "smready.rendering")

def report(window, when):
    print(json.dumps({
        "when": when,
        "heavy": sorted(m for m in HEAVY if m in sys.modules),
        "start_page": window.central.currentWidget() is window.start_page,
        "examples": [b.text() for b in window.start_page.example_buttons],
        "ready": window.is_workspace_ready,
    }), flush=True)

class Probe(QObject):
    def eventFilter(self, window, event):
        if event.type() == QEvent.Type.Paint:
            window.removeEventFilter(self)
            report(window, "first paint")
            window.when_ready(lambda: (report(window, "ready"), os._exit(0)))
        return False

probe = Probe()
_show = QMainWindow.show
def show(self):
    self.installEventFilter(probe)
    _show(self)
QMainWindow.show = show
QTimer.singleShot(20000, lambda: os._exit(3))
from smready.app import main
sys.exit(main(["smready"]))
"""


def test_start_page_paints_before_the_heavy_layers_load(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SMREADY_DATA_DIR": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    first, ready = (json.loads(line) for line in done.stdout.splitlines()
                    if line.startswith("{"))
    assert first["when"] == "first paint"
    assert first["heavy"] == [], "the start page must paint before these are imported"
    assert first["start_page"] and not first["ready"]
    assert first["examples"] == [
        "Look at Café Aurora", "Look at Harbour Food Bank", "Look at Kahvila-leipomo Vehnä",
        "Look at Pirkanmaa Nature Association", "Look at Riverside Youth Club",
        "Look at শিখন সেতু ফাউন্ডেশন", "Look at Sunset Bean Café"]
    assert ready["when"] == "ready" and ready["ready"]
    assert {"pydantic", "smready.domain", "smready.content"} <= set(ready["heavy"])


def test_deferred_window_builds_its_workspace_after_showing(qtbot: QtBot) -> None:
    window = MainWindow(deferred=True)
    qtbot.addWidget(window)
    assert not window.is_workspace_ready
    assert window.pages.count() == 0
    with qtbot.waitSignal(window.workspace_ready, timeout=10_000):
        window.show()
    assert window.pages.count() == 4
    assert window.central.currentWidget() is window.start_page
    assert window.windowTitle() == "smready"


def test_a_click_before_the_workspace_is_built_still_starts_the_project(
        qtbot: QtBot) -> None:
    window = MainWindow(deferred=True)
    qtbot.addWidget(window)
    window.show()
    assert not window.is_workspace_ready  # the build steps wait for the event loop
    start_business(qtbot, window, "Bakery Lumi")
    assert window.controller.project.organization.name == "Bakery Lumi"
    assert window.controller.project.organization.kind is OrgKind.SMALL_BUSINESS
    assert window.current_page() is window.readiness_page
    assert window.mark(READINESS) == f"0/{window.readiness_page.completion()[1]}"
    # The pages not shown yet follow, one per event-loop turn.
    qtbot.waitUntil(lambda: window.is_workspace_ready, timeout=10_000)
    assert window.pages.count() == 4
    assert window.current_page() is window.readiness_page


def test_file_on_the_command_line_opens_once_the_workspace_is_ready(
        qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / f"lumi{FILE_SUFFIX}"
    save_project(example("cafe-aurora"), path)
    window = MainWindow(deferred=True)
    qtbot.addWidget(window)
    window.when_ready(lambda: start_up(window, [path]))
    with qtbot.waitSignal(window.workspace_ready, timeout=10_000):
        window.show()
    assert window.controller.path == path
    assert window.controller.project.organization.name == "Café Aurora"
    assert window.current_page() is window.readiness_page


def test_a_double_clicked_file_shows_before_the_other_pages_are_built(
        qtbot: QtBot, tmp_path: Path) -> None:
    # What `smready FILE` does (smready.ui.app.main.run): open the file as soon as a project
    # can be opened; the pages it does not show are built after it is on screen.
    path = tmp_path / f"lumi{FILE_SUFFIX}"
    save_project(example("cafe-aurora"), path)
    window = MainWindow(deferred=True)
    qtbot.addWidget(window)
    window.when_core_ready(lambda: start_up(window, [path]))
    with qtbot.waitSignal(window.project_shown, timeout=10_000):
        window.show()
    assert window.current_page() is window.readiness_page
    assert window.windowTitle() == "Café Aurora[*] — smready"
    assert window.org_label.text() == "Café Aurora"
    assert not window.is_workspace_ready, "the project waited for pages it does not show"
    # The side navigation's marks are there at once, also for pages not built yet.
    assert window.mark(GOALS) == completion_mark(*window.controller.derived.goals_smart) != ""
    assert window.mark(POLICY) == completion_mark(*window.controller.derived.steps_done) != ""
    # A page that is not built yet opens at once when asked for, with the project in it.
    window.nav.setCurrentRow(POLICY)
    assert window.current_page() is window.policy_page
    assert window.policy_page.isVisible()
    qtbot.waitUntil(lambda: window.is_workspace_ready, timeout=10_000)
    assert window.mark(READINESS) == completion_mark(*window.readiness_page.completion())
    assert window.controller.path == path


def test_a_double_clicked_file_shows_its_name_until_its_project_shows(
        qtbot: QtBot, tmp_path: Path) -> None:
    # Not the start page with its name field focused: what is typed there is lost when the
    # project appears. The file name is shown as typed, never as markup.
    path = tmp_path / f"<b>Lumi<b> & co{FILE_SUFFIX}"
    save_project(example("cafe-aurora"), path)
    window = MainWindow(deferred=True, opening=path)
    qtbot.addWidget(window)
    seen: list[tuple[bool, str]] = []
    window.when_core_ready(lambda: (
        seen.append((window.central.currentWidget() is window.opening_label,
                     window.opening_label.text())),
        start_up(window, [path])))
    with qtbot.waitSignal(window.project_shown, timeout=10_000):
        window.show()
    assert seen == [(True, f"Opening “<b>Lumi<b> & co{FILE_SUFFIX}”…")]
    assert window.opening_label.textFormat() == Qt.TextFormat.PlainText
    assert window.current_page() is window.readiness_page
    assert window.central.currentWidget() is window.workspace


def test_a_double_clicked_file_that_cannot_open_leaves_the_start_page(
        qtbot: QtBot, tmp_path: Path, messages: MessageLog) -> None:
    path = tmp_path / f"broken{FILE_SUFFIX}"
    path.write_text("{ not json", encoding="utf-8")
    window = MainWindow(deferred=True, opening=path)
    qtbot.addWidget(window)
    assert window.central.currentWidget() is window.opening_label
    window.when_core_ready(lambda: start_up(window, [path]))
    window.show()
    qtbot.waitUntil(lambda: bool(messages.boxes), timeout=10_000)
    assert f"broken{FILE_SUFFIX}" in messages.texts[0]
    qtbot.waitUntil(lambda: window.central.currentWidget() is window.start_page, timeout=5_000)


def test_a_project_opened_while_the_policy_steps_are_made_shows_in_the_wizard(
        qtbot: QtBot, tmp_path: Path) -> None:
    # The wizard's steps are made one per event-loop turn before the wizard; a project
    # opened in between must not leave a step showing the previous project's answers.
    from smready.ui.pages.policy.organization import OrganizationPage

    path = tmp_path / f"lumi{FILE_SUFFIX}"
    save_project(example("cafe-aurora"), path)
    window = MainWindow(deferred=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: len(window._policy_steps) >= 3, timeout=10_000)
    assert window.open_file(path)
    window.show_page(POLICY)
    organization = window.policy_page.page(OrganizationPage)
    assert isinstance(organization, OrganizationPage)
    assert organization.name_edit.text() == "Café Aurora"


def test_close_before_the_workspace_is_built(qtbot: QtBot) -> None:
    window = MainWindow(deferred=True)
    qtbot.addWidget(window)
    window.show()
    assert window.close()
    assert not window.is_workspace_ready


def test_start_page_kinds_and_suffix_match_the_domain() -> None:
    # The start page avoids importing the domain; these must stay the same values.
    assert OrgKind.SMALL_BUSINESS.value == start_page.SMALL_BUSINESS
    assert OrgKind.NONPROFIT.value == start_page.NONPROFIT
    assert start_page.EXAMPLE_SUFFIX == FILE_SUFFIX


def test_example_names_skip_broken_files(tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / f"a{FILE_SUFFIX}").write_text(
        (EXAMPLES / f"cafe-aurora{FILE_SUFFIX}").read_text("utf-8"), "utf-8")
    (tmp_path / f"b{FILE_SUFFIX}").write_text("{not json", "utf-8")
    (tmp_path / f"c{FILE_SUFFIX}").write_text(json.dumps({"organization": {"name": 5}}),
                                                "utf-8")
    (tmp_path / f"d{FILE_SUFFIX}").write_bytes(b"\xff\xfe")
    monkeypatch.setattr(start_page, "examples_dir", lambda: tmp_path)
    assert start_page.example_files() == [(tmp_path / f"a{FILE_SUFFIX}", "Café Aurora")]


def test_a_workspace_that_cannot_load_says_so(qtbot: QtBot, messages: MessageLog,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    # A damaged installation (here: the question bank) must not leave a start page whose
    # buttons silently do nothing.
    import smready.content

    def broken() -> None:
        raise smready.content.ContentError("resources/checklist.yaml", "", "not found")

    monkeypatch.setattr(smready.content, "load_checklist", broken)
    window = MainWindow(deferred=True)
    qtbot.addWidget(window)
    with qtbot.capture_exceptions() as exceptions, \
            qtbot.waitSignal(window.workspace_failed, timeout=10_000):
        window.show()
    assert "smready cannot start" in messages.texts[0]
    assert "checklist.yaml" in messages.texts[0]
    assert [type(e[1]).__name__ for e in exceptions] == ["ContentError"]
    assert not window.is_workspace_ready
