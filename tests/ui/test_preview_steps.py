"""An edit reaches the live preview in two steps: the page in view first, then the complete
document, which is what export writes; neither ever shows answers older than the last one."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from smready.ui.app.controller import ProjectController
from smready.ui.pages.review import ReviewPage
from tests.ui.conftest import example, show_widget

RENDER_TIMEOUT = 90_000  # ms; the first render also starts the worker process


def shown_page_texts(page: ReviewPage) -> list[str]:
    return [page.document.getAllText(i).text() for i in range(page.document.pageCount())]


def on_screen_now(page: ReviewPage) -> bool:
    """The complete PDF of the answers as they are now is on screen."""
    return page._preview_key == (page.controller.revision, page.current_doc(),
                                 page.current_paper())


def complete_preview(qtbot: QtBot) -> tuple[ReviewPage, ProjectController]:
    controller = ProjectController(example("cafe-aurora"))
    page = ReviewPage(controller)
    show_widget(qtbot, page, 1000, 760)
    qtbot.waitUntil(lambda: on_screen_now(page), timeout=RENDER_TIMEOUT)
    return page, controller


def test_the_page_in_view_shows_the_edit_first_and_export_writes_the_complete_pdf(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page, controller = complete_preview(qtbot)
    pages_before = page.document.pageCount()
    assert pages_before > 2 and all(text.strip() for text in shown_page_texts(page))

    steps: list[tuple[bool, list[str]]] = []  # (complete?, the text of each page shown)
    page.preview_page_shown.connect(
        lambda: steps.append((on_screen_now(page), shown_page_texts(page))))
    controller.set("organization.name", "Cafe Nordlys", "Rename")
    with qtbot.waitSignal(page.preview_updated, timeout=RENDER_TIMEOUT):
        pass

    complete_first, first = steps[0]
    # First the cover page in view shows the new name, while the rest waits blank at its
    # place: the same number of pages, and nothing of it is offered to export yet.
    assert not complete_first
    assert "Cafe Nordlys" in first[0]
    assert len(first) == pages_before
    assert not first[-1].strip()
    # Then the complete document follows: every page, the new name on the cover.
    complete, last = steps[-1]
    assert complete and all(text.strip() for text in last) and "Cafe Nordlys" in last[0]
    assert "Updating" not in page.preview_status.text()

    # Export writes the complete PDF on screen, not the quick one and not a new render.
    target = tmp_path / "policy.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *_args: (str(target), "")))
    with qtbot.waitSignal(page.export_finished, timeout=RENDER_TIMEOUT):
        page.export_as("pdf")
    assert target.read_bytes() == page._preview_bytes
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Cafe Nordlys" in text and text.count("\f") == pages_before


def test_an_edit_between_the_two_steps_never_lets_the_older_answers_back(
        qtbot: QtBot) -> None:
    page, controller = complete_preview(qtbot)
    shown: list[tuple[str, str]] = []  # (the name as it is now, the cover page's text)

    def record() -> None:
        shown.append((controller.project.organization.name,
                      page.document.getAllText(0).text()))
        if len(shown) == 1:  # the first step of the first edit is on screen: edit again
            controller.set("organization.name", "Cafe Second", "Rename")

    page.preview_page_shown.connect(record)
    controller.set("organization.name", "Cafe First", "Rename")
    qtbot.waitUntil(lambda: on_screen_now(page) and "Cafe Second" in
                    page.document.getAllText(0).text(), timeout=RENDER_TIMEOUT)

    # The page in view showed the first name first (the quick step of the first edit) ...
    assert "Cafe First" in shown[0][1]
    # ... and whatever reached the screen after that showed the answers as they were then:
    # never the first name once the second was typed, never an older document as current.
    assert all(name in text for name, text in shown), shown
    assert "Cafe First" not in "".join(text for _name, text in shown[1:])
    assert all(text.strip() for text in shown_page_texts(page))


def test_after_a_failed_preview_export_writes_the_answers_as_they_are_now(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from smready.rendering import RenderError
    from smready.ui.app import render_worker

    page, controller = complete_preview(qtbot)

    def fails(*_args: object) -> bytes:
        raise RenderError("the renderer broke")

    monkeypatch.setattr(render_worker, "render_preview", fails)
    controller.set("organization.name", "Cafe After Failure", "Rename")
    qtbot.waitUntil(lambda: "the renderer broke" in page.preview_status.text(),
                    timeout=RENDER_TIMEOUT)
    target = tmp_path / "policy.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *_args: (str(target), "")))
    with qtbot.waitSignal(page.export_finished, timeout=RENDER_TIMEOUT):
        page.export_as("pdf")
    # Not the PDF of the older answers still kept from the last preview.
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Cafe After Failure" in text
