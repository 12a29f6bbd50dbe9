"""The app's own Bengali font: with every system Bengali font hidden, Bengali labels still
get real glyphs (regular and bold) from the bundled Noto Sans Bengali."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

HIDE_BENGALI = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>/usr/share/fonts/truetype/dejavu</dir>
  <cachedir>{cache}</cachedir>
</fontconfig>
"""

CHILD = """
import json
from PySide6.QtGui import QFont, QFontDatabase, QTextLayout
from smready.ui.app.main import setup_application

app = setup_application(["smready"])
runs = {}
for bold in (False, True):
    font = QFont(app.font())
    font.setBold(bold)
    layout = QTextLayout("Spokesperson: মোহাম্মদ রফিকুল ইসলাম", font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs["bold" if bold else "regular"] = [
        [r.rawFont().familyName(), r.rawFont().styleName(), list(r.glyphIndexes())]
        for r in layout.glyphRuns()]
print(json.dumps({"bengali_families": QFontDatabase.families(QFontDatabase.WritingSystem.Bengali),
                  "runs": runs}))
"""


def test_bengali_labels_get_glyphs_from_the_bundled_font(tmp_path: Path) -> None:
    if not Path("/usr/share/fonts/truetype/dejavu").is_dir():
        pytest.skip("DejaVu fonts are not installed where this test hides the others")
    conf = tmp_path / "fonts.conf"
    conf.write_text(HIDE_BENGALI.format(cache=tmp_path / "cache"), encoding="utf-8")
    env = {**os.environ, "FONTCONFIG_FILE": str(conf), "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", CHILD], env=env, cwd=REPO, capture_output=True,
                         text=True, check=True, timeout=120).stdout
    found = json.loads(out.strip().splitlines()[-1])
    assert found["bengali_families"] == ["Noto Sans Bengali"]
    for weight, style in (("regular", "Regular"), ("bold", "Bold")):
        bengali = [run for run in found["runs"][weight] if run[0] == "Noto Sans Bengali"]
        assert bengali, found["runs"][weight]
        assert all(run[1] == style for run in bengali)
        # Glyph 0 is .notdef, the empty box.
        assert all(0 not in run[2] for run in found["runs"][weight]), found["runs"][weight]


def test_bold_bengali_uses_the_bundled_bold_even_beside_a_system_bengali_font(
        qapp: object) -> None:
    """Lohit Bengali (common on Linux) has no bold: a heading in it is smeared synthetic
    bold. The bundled Noto Sans Bengali comes first, with its real Bold."""
    from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QTextLayout

    from smready.ui.app.fonts import prefer_bundled_fonts

    others = [f for f in QFontDatabase.families(QFontDatabase.WritingSystem.Bengali)
              if f != "Noto Sans Bengali"]
    if not others:
        pytest.skip("no system Bengali font to compete with the bundled one")
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    before = app.font()
    prefer_bundled_fonts(app)
    try:
        for bold, weight in ((False, 400), (True, 700)):
            font = QFont(app.font())
            font.setBold(bold)
            layout = QTextLayout("মোহাম্মদ রফিকুল ইসলাম", font)
            layout.beginLayout()
            layout.createLine()
            layout.endLayout()
            faces = {(r.rawFont().familyName(), r.rawFont().weight())
                     for r in layout.glyphRuns()}
            assert faces == {("Noto Sans Bengali", weight)}
    finally:
        app.setFont(before)
