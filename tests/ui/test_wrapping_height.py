"""A wrapping check box answers its height for a width quickly (layouts ask ~1,700 times
while the readiness page is built) and still follows its text and font."""

from __future__ import annotations

from PySide6.QtGui import QFont
from pytestqt.qtbot import QtBot

from smready.ui.widgets.wrapping import WrappingCheckBox, WrappingRadioButton

LONG = "Staff are expected to post after hours only when a customer needs an answer that day"


def test_height_for_width_follows_text_and_font(qtbot: QtBot) -> None:
    for box in (WrappingCheckBox(LONG), WrappingRadioButton(LONG)):
        qtbot.addWidget(box)
        narrow, wide = box.heightForWidth(160), box.heightForWidth(2000)
        assert narrow > wide  # wraps onto more lines when narrow
        assert box.heightForWidth(160) == narrow
        font = QFont(box.font())
        font.setPointSizeF(font.pointSizeF() * 2)
        box.setFont(font)
        assert box.heightForWidth(160) > narrow  # a bigger font needs more height
        box.setText("OK")
        assert box.heightForWidth(160) < narrow  # one short word is one line
