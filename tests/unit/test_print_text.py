"""Break points for print: long addresses break only after @ . / in the PDF, user text stays
data, and the HTML a person opens keeps addresses exactly as typed."""

from __future__ import annotations

from pathlib import Path

from smready.rendering.env import break_points, leads_in
from smready.rendering.html import render_html
from smready.rendering.model import Text
from smready.storage import load_project
from tests.conftest import EXAMPLES


def test_break_points_only_after_at_dot_slash_of_long_tokens() -> None:
    assert str(break_points("Mail james@harbourfoodbank.org.")) == (
        "Mail james@<wbr>harbourfoodbank.<wbr>org.")
    assert str(break_points("https://harbourfoodbank.org/volunteer")) == (
        "https://<wbr>harbourfoodbank.<wbr>org/<wbr>volunteer")
    # Short tokens and ordinary prose get none: "4.5", "e.g." never split.
    assert str(break_points("e.g. 4.5 stars, a@b.fi")) == "e.g. 4.5 stars, a@b.fi"
    assert "<wbr>" not in str(break_points("Responsibilities without addresses"))


def test_break_points_escape_user_markup() -> None:
    out = str(break_points("<script>alert(1)</script>@harbourfoodbank.org"))
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert out.replace("<wbr>", "") == (
        "&lt;script&gt;alert(1)&lt;/script&gt;@harbourfoodbank.org")


def test_print_html_has_break_points_and_the_html_file_keeps_addresses_whole() -> None:
    project = load_project(Path(EXAMPLES / "harbour-food-bank.smready"))
    screen = render_html(project, "policy")
    printed = render_html(project, "policy", for_print=True)
    assert "james@harbourfoodbank.org" in screen and "<wbr>" not in screen
    assert "james@<wbr>harbourfoodbank.<wbr>org" in printed


def test_a_line_ending_with_a_colon_leads_in() -> None:
    assert leads_in(Text("Crisis contacts, in this order:"))
    assert leads_in(Text("", lead="Still to decide:"))
    assert not leads_in(Text("We answer within a day."))
