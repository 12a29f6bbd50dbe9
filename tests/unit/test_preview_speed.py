"""What keeps the live preview quick without changing what it shows: a render nobody waits
for any more stops between pages, and the worker's preview is the same PDF as an export."""

from __future__ import annotations

import pytest

from smready.domain import Project
from smready.rendering import pdf
from smready.rendering.html import render_html
from tests.conftest import EXAMPLES

pytest.importorskip("weasyprint")


def _cafe() -> Project:
    return Project.model_validate_json(
        (EXAMPLES / "cafe-aurora.smready").read_text(encoding="utf-8"))


def test_a_render_is_asked_before_each_page_and_stops_when_told() -> None:
    html = render_html(_cafe(), "policy", "a4", for_print=True)
    asked: list[int] = []

    def never() -> bool:
        asked.append(1)
        return False

    data = pdf.html_to_pdf(html, should_stop=never)
    assert data.startswith(b"%PDF")
    # The café's policy has more than five pages; each is laid out and drawn after asking.
    assert len(asked) >= 2 * 5, len(asked)

    stop_after: list[int] = []

    def after_three() -> bool:
        stop_after.append(1)
        return len(stop_after) > 3

    with pytest.raises(pdf.Stopped):
        pdf.html_to_pdf(html, should_stop=after_three)
    assert len(stop_after) == 4  # it stopped at the first "yes"
    # The next render in the same thread is not stopped by the last one's question.
    assert pdf.html_to_pdf(html).startswith(b"%PDF")
