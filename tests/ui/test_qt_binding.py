"""The Qt binding itself keeps Python's reference counts straight.

PySide6 6.12.0 on Python 3.11 dropped one reference to ``None`` on every Qt call that returns
nothing (``setText``, ``setChecked``, ...). After enough calls ``None`` was freed and the app
aborted ("Fatal Python error: none_dealloc"), mid-session or at exit. pyproject.toml keeps
that release out; this test fails if a broken binding comes back.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QCheckBox, QLabel
from pytestqt.qtbot import QtBot

CALLS = 500


@pytest.mark.skipif(sys.version_info >= (3, 12),
                    reason="None, True and False are immortal from Python 3.12 on")
def test_calls_returning_nothing_keep_the_reference_counts(qtbot: QtBot) -> None:
    box = QCheckBox("x")
    label = QLabel()
    qtbot.addWidget(box)
    qtbot.addWidget(label)
    box.toggled.connect(lambda _checked: None)
    before = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    for i in range(CALLS):
        label.setText(f"line {i}")
        box.setChecked(i % 2 == 0)
        box.setEnabled(True)
    after = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    # A few references may come and go with the test's own objects; a leak per call
    # would show as hundreds.
    assert all(abs(a - b) < 20 for a, b in zip(after, before, strict=True)), (before, after)
