"""The one jinja2 environment for every document template.

Autoescaping is on for every template whatever its extension, and undefined variables are
errors, so a typo in a template fails loudly instead of printing an empty string.
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from smready.paths import templates_dir


@cache
def environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(str(templates_dir())),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
