"""The faster "does this module use PySide6?" check gives PySide6's own answers."""

from __future__ import annotations

import sys
from types import ModuleType

import PySide6.QtCore  # noqa: F401  (loads shibokensupport.feature)

from smready.ui.app.import_hook import speed_up_feature_check


def test_the_fast_check_answers_as_pyside_does() -> None:
    assert speed_up_feature_check()
    fast = sys.modules["shibokensupport.feature"]._mod_uses_pyside
    pyside_check = fast.smready_original
    modules = [m for name, m in list(sys.modules.items())
               if isinstance(m, ModuleType) and not name.startswith("typing.")]
    with_source = [m for m in modules
                   if str(getattr(getattr(m, "__spec__", None), "origin", "")).endswith(".py")]
    assert len(with_source) > 100
    assert {m.__name__ for m in modules if fast(m)} == \
        {m.__name__ for m in modules if pyside_check(m)}
    assert fast(sys.modules["smready.ui.app.import_hook"])  # it names PySide6 itself
    assert not fast(sys.modules["json"])
    assert speed_up_feature_check()  # a second call keeps the one wrapper
    assert sys.modules["shibokensupport.feature"]._mod_uses_pyside is fast
