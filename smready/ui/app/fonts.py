"""Fonts bundled in ``resources/fonts/`` (Noto Sans Bengali Regular and Bold), registered
with Qt so Bengali labels render on machines without a system Bengali font.

Qt falls back to them by script: a widget in the default font that shows Bengali text takes
its glyphs from Noto Sans Bengali. Registering both files takes a few milliseconds (measured
under ``QT_QPA_PLATFORM=offscreen``), so it happens before the first paint.
"""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

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
