"""Answers checked as they are typed: what passes and what gets a message."""

from __future__ import annotations

from pathlib import Path

import pytest

from smready.field_checks import (
    contact_problem,
    email_problem,
    handle_problem,
    logo_problem,
    phone_problem,
    url_problem,
)


@pytest.mark.parametrize(("check", "good", "bad"), [
    (email_problem, ["", "maria@example.org", "a.b+c@sub.example.co.uk"],
     ["maria", "maria@", "maria@example", "two words@example.org", "a@b@c.org"]),
    (phone_problem, ["", "+358 40 123 4567", "(555) 010-2030", "040.123.45",
                     "+৮৮০ ১৭১১ ১২৩৪৫৬"],
     ["call me", "12", "+358 40 123 4567 ext. 5", "1" * 20]),
    (url_problem, ["", "example.org", "https://example.org/page?x=1", "http://cafe-aurora.fi"],
     ["not a site", "https://", "example", "http://exa mple.org"]),
    (handle_problem, ["", "@cafe_aurora", "Café Aurora page", "https://instagram.com/cafe"],
     ["@cafe aurora", "@", "@café!", "https://not a site"]),
    (contact_problem, ["", "Maria Lind", "maria@example.org", "+358 40 123 4567",
                       "+৮৮০ ১৭১১ ১২৩৪৫৬"],
     ["maria@example", "+358 40 12x 4567 99999"]),
])
def test_checks(check: object, good: list[str], bad: list[str]) -> None:
    assert callable(check)
    for text in good:
        assert check(text) == "", text
    for text in bad:
        message = check(text)
        assert message and message.endswith(".") and message[0].isupper(), text


def test_logo_must_exist_and_be_an_image(tmp_path: Path) -> None:
    assert "no file here" in logo_problem(str(tmp_path / "missing.png"))
    assert "PNG, JPEG or SVG file" in logo_problem(str(tmp_path / "logo.gif"))
    folder = tmp_path / "folder.png"
    folder.mkdir()
    assert "folder" in logo_problem(str(folder))
    fake = tmp_path / "fake.jpg"
    fake.write_text("hello", "utf-8")
    assert "not a PNG, JPEG or SVG image" in logo_problem(str(fake))
    png = tmp_path / "logo.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 32)
    jpeg = tmp_path / "logo.JPEG"
    jpeg.write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 32)
    svg = tmp_path / "logo.svg"
    svg.write_text('<?xml version="1.0"?>\n<!-- made by hand -->\n<svg xmlns="x"/>', "utf-8")
    assert logo_problem(str(png)) == logo_problem(str(jpeg)) == logo_problem(str(svg)) == ""



def test_the_logo_check_agrees_with_what_the_documents_embed(tmp_path: Path) -> None:
    """A logo the wizard accepts is one the documents embed; one they would leave out (too
    big, or only named like an image) gets a message instead of a silent gap."""
    from smready.rendering.context import load_logo

    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 100
    small, big, fake = tmp_path / "a.png", tmp_path / "b.png", tmp_path / "c.svg"
    small.write_bytes(png)
    big.write_bytes(png + b"\0" * (2 * 1024 * 1024))
    fake.write_bytes(b"<html><body><svg></svg></body></html>")
    assert logo_problem(str(small)) == "" and load_logo(str(small)) is not None
    assert "2 MB" in logo_problem(str(big)) and load_logo(str(big)) is None
    assert logo_problem(str(fake)) != "" and load_logo(str(fake)) is None
