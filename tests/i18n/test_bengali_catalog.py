"""What the Bengali catalog must keep so the app reads well: Qt underlines the shortcut
letter of a menu or button label as a piece of its own, so a letter that carries a vowel
sign, a virama or a nasal mark is drawn broken ("ফ◌াইল" for "&ফাইল")."""

from __future__ import annotations

import unicodedata

from babel.messages.pofile import read_po

from smready.i18n import locale_dir
from tests.i18n.checks import MNEMONIC

VIRAMA = "\u09cd"


def stands_alone(text: str, index: int) -> bool:
    """The letter at ``index`` is a whole cluster: no sign after it, no virama before it."""
    after = text[index + 1:index + 2]
    return (unicodedata.category(text[index]) not in ("Mn", "Mc")
            and not (after and unicodedata.category(after) in ("Mn", "Mc"))
            and not (index and text[index - 1] == VIRAMA))


def test_stands_alone_tells_a_broken_shortcut_letter_from_a_whole_one() -> None:
    assert not stands_alone("ফাইল", 0)  # ফ + া
    assert stands_alone("ফাইল", 2)  # ই
    assert not stands_alone("প্রিন্ট", 2)  # র after a virama
    assert not stands_alone("সংরক্ষণ", 0)  # স + ং
    assert stands_alone("smready", 0)


def test_every_bengali_shortcut_letter_is_drawn_whole() -> None:
    with (locale_dir() / "bn" / "LC_MESSAGES" / "smready.po").open("rb") as handle:
        catalog = read_po(handle, locale="bn")
    broken = []
    for message in catalog:
        for text in (message.string if isinstance(message.string, tuple)
                     else (message.string,)):
            found = MNEMONIC.search(text or "")
            if found and not stands_alone(text, found.end()):
                broken.append(text)
    assert broken == []
