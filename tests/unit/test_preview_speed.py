"""What keeps the live preview quick without changing what it shows: a render nobody waits
for any more stops between pages, and the worker's preview is the same PDF as an export."""

from __future__ import annotations

import re

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


def _page_texts(data: bytes) -> list[str]:
    import io

    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def test_a_first_pdf_paints_only_the_pages_in_view_and_the_complete_one_follows() -> None:
    from pypdf import PdfReader

    html = render_html(_cafe(), "policy", "a4", for_print=True)
    first: list[bytes] = []
    complete = pdf.html_to_pdf(html, first_pages=[1], on_first=first.append)
    assert len(first) == 1
    quick, whole = _page_texts(first[0]), _page_texts(complete)
    # Same pages, same sizes: a viewer keeps its page count and its place.
    assert len(quick) == len(whole) > 5
    sizes = [tuple(page.mediabox) for page in PdfReader(pdf_io(complete)).pages]
    assert [tuple(page.mediabox) for page in PdfReader(pdf_io(first[0])).pages] == sizes
    # The page in view (the second) reads as in the complete PDF; the others are blank.
    assert quick[1].strip() and quick[1] == whole[1]
    assert [text.strip() for i, text in enumerate(quick) if i != 1] == [""] * (len(quick) - 1)
    assert all(text.strip() for text in whole)
    # The complete PDF is the very one a render without the first step writes (tagged).
    assert complete == pdf.html_to_pdf(html)
    tagged = ["/StructTreeRoot" in PdfReader(pdf_io(data)).trailer["/Root"]
              for data in (complete, first[0])]
    assert tagged == [True, False]


def test_no_first_pdf_when_every_page_is_in_view() -> None:
    html = render_html(_cafe(), "acknowledgement", "a4", for_print=True)
    first: list[bytes] = []
    complete = pdf.html_to_pdf(html, first_pages=range(20), on_first=first.append)
    assert _page_texts(complete)[0].strip() and first == []


def pdf_io(data: bytes) -> object:
    import io

    return io.BytesIO(data)


def _last_dot_right_edges(data: bytes) -> list[float]:
    """Where each contents line's leader dots end on the cover page (pdftotext -bbox)."""
    import re
    import subprocess

    xml = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-bbox", "-", "-"], input=data,
                         capture_output=True, check=True).stdout.decode()
    words = re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>([^<]*)<', xml)
    ends: dict[str, float] = {}
    for _x0, y0, x1, text in words:
        if set(text) == {"."}:
            ends[y0] = max(ends.get(y0, 0.0), float(x1))
    return [ends[y] for y in sorted(ends, key=float)]


def test_leader_dots_are_drawn_in_runs_where_weasyprint_puts_them(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    if shutil.which("pdftotext") is None:
        pytest.skip("needs pdftotext (poppler-utils)")
    html = render_html(_cafe(), "policy", "a4", for_print=True)
    in_runs = pdf.html_to_pdf(html)
    monkeypatch.setattr(pdf, "LEADER_RUN", 1)  # one text object per dot, as WeasyPrint does
    one_by_one = pdf.html_to_pdf(html)
    # Far fewer text objects on the cover page, which holds the contents.
    objects = [len(re.findall(rb"\bBT\b", _page_content(data, 0)))
               for data in (in_runs, one_by_one)]
    assert objects[0] * 5 < objects[1], objects
    # The same contents text, and every line's dots end where they did (within 0.05 pt).
    assert _page_texts(in_runs)[0].replace(" .", ".") == \
        _page_texts(one_by_one)[0].replace(" .", ".")
    ends, reference = _last_dot_right_edges(in_runs), _last_dot_right_edges(one_by_one)
    assert len(ends) == len(reference) > 10
    assert max(abs(a - b) for a, b in zip(ends, reference, strict=True)) < 0.05


def _page_content(data: bytes, index: int) -> bytes:
    from pypdf import PdfReader

    content = PdfReader(pdf_io(data)).pages[index].get_contents()
    assert content is not None
    return bytes(content.get_data())
