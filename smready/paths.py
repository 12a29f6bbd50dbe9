"""The one place that finds resources/ and policy_templates/.

In a source checkout (and an editable install) they sit beside the package; in a wheel they
are copied into ``smready/_data/``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    for candidate in (_PACKAGE_DIR / "_data" / name, _PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"smready data folder {name!r} not found next to {_PACKAGE_DIR}")


@cache
def resources_dir() -> Path:
    return _find("resources")


@cache
def templates_dir() -> Path:
    return _find("policy_templates")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def examples_dir() -> Path | None:
    """The bundled example projects (source checkout: examples/; wheel: _data/examples)."""
    for candidate in (_PACKAGE_DIR / "_data" / "examples", _PACKAGE_DIR.parent / "examples"):
        if candidate.is_dir():
            return candidate
    return None
