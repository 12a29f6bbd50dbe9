"""A faster answer to PySide6's question "does this module use PySide6?".

After ``PySide6`` is imported, every module imported later is passed to
``shibokensupport.feature.feature_imported``, which reads the module's source with
``inspect.getsource`` (file lookups, ``linecache``, decoding) to look for the word "PySide6"
(modules that do may opt into ``from __feature__ import snake_case``). On the way to the
first page of a project that is ~290 modules and ~55 ms of the start-up (measured by timing
that function in ``smready FILE``). Here the same test reads the ``.py`` file's bytes
directly; modules without a ``.py`` source (built-ins, bundles) go to PySide6's own function.
PySide6 internals may change: if the function is not where we expect, nothing is changed.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType


def _fast_check(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        spec = getattr(module, "__spec__", None)
        origin = getattr(spec, "origin", None)
        if not isinstance(origin, str) or not origin.endswith(".py"):
            return original(module)
        try:
            with open(origin, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return original(module)

    uses_pyside.smready_original = original  # type: ignore[attr-defined]
    return uses_pyside


def speed_up_feature_check() -> bool:
    """Install the faster check (once); False if PySide6 does not have the hook we know."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(original):
        return False
    if not hasattr(original, "smready_original"):
        feature._mod_uses_pyside = _fast_check(original)  # type: ignore[attr-defined]
    return True
