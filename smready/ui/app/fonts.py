"""Fonts bundled in ``resources/fonts/`` (Noto Sans Bengali Regular and Bold), registered
with Qt so Bengali labels render on machines without a system Bengali font.

A widget in the application font that shows Bengali text takes its glyphs from Noto Sans
Bengali, also on a machine that has another Bengali font: ``prefer_bundled_fonts`` lists it
right after the application font's family. Lohit Bengali, common on Linux, has no bold face
(headings came out in a smeared synthetic bold) and its letters stand taller than the Latin
text around them; Noto Sans Bengali is drawn to sit with Latin sans fonts (at 100 px its
letters with their headline are 63 px high, between DejaVu Sans's x-height, 55, and cap
height, 73; Lohit's are 66) and has a real Bold. Registering both files takes a few
milliseconds (measured under ``QT_QPA_PLATFORM=offscreen``), so it happens before the first
paint.
"""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QGuiApplication

from smready.paths import resources_dir

_registered: dict[str, list[str]] = {}


def register_bundled_fonts() -> list[str]:
    """Add every bundled ``.ttf``/``.otf`` to Qt's font database (once per process); return
    the font families they provide. A file Qt cannot read is skipped, not fatal."""
    families: list[str] = []
    for path in sorted((resources_dir() / "fonts").glob("*.[ot]tf")):
        key = str(path)
        if key not in _registered:
            font_id = QFontDatabase.addApplicationFont(key)
            _registered[key] = (QFontDatabase.applicationFontFamilies(font_id)
                                if font_id >= 0 else [])
        families.extend(f for f in _registered[key] if f not in families)
    return families


def prefer_bundled_fonts(app: QGuiApplication) -> None:
    """Put the bundled families right after the application font's own family, so a
    character that family lacks (all of Bengali) comes from them before the system's
    fallback. Fonts copied from the application font (headings, bold labels) keep the list."""
    font = app.font()
    families = list(font.families()) or [font.family()]
    added = [f for f in register_bundled_fonts() if f not in families]
    if added:
        font.setFamilies([*families, *added])
        app.setFont(font)
