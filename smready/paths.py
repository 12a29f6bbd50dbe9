"""The one place that finds resources/, policy_templates/ and examples/.

Three layouts, tried in this order:

- a PyInstaller bundle: the folders sit at the top of the bundle's data folder,
  ``sys._MEIPASS`` (``dist/smready/_internal/`` on Linux and Windows, ``Contents/Frameworks``
  or ``Contents/Resources`` in a macOS ``.app``); see ``packaging/smready.spec``;
- an installed wheel: copied into ``smready/_data/`` (``[tool.hatch...force-include]``);
- a source checkout (and an editable install): beside the package.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def bundle_dir() -> Path | None:
    """The data folder of a PyInstaller bundle, or ``None`` when not running from one."""
    meipass = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and meipass:
        return Path(meipass)
    return None


def _candidates(name: str) -> list[Path]:
    bundle = bundle_dir()
    found = [bundle / name] if bundle is not None else []
    return [*found, _PACKAGE_DIR / "_data" / name, _PACKAGE_DIR.parent / name]


def _find(name: str) -> Path:
    for candidate in _candidates(name):
        if candidate.is_dir():
            return candidate
    where = ", ".join(str(c.parent) for c in _candidates(name))
    raise FileNotFoundError(f"smready data folder {name!r} not found in {where}")


@cache
def resources_dir() -> Path:
    return _find("resources")


@cache
def templates_dir() -> Path:
    return _find("policy_templates")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def examples_dir() -> Path | None:
    """The bundled example projects, or ``None`` if this installation has none."""
    for candidate in _candidates("examples"):
        if candidate.is_dir():
            return candidate
    return None
