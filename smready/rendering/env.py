"""The one jinja2 environment for every document template.

Autoescaping is on for every template whatever its extension, and undefined variables are
errors, so a typo in a template fails loudly instead of printing an empty string.

Two filters shape how text breaks on paper:

- ``breakable``: e-mail addresses, web addresses and other long tokens may break only after
  ``@``, ``.`` or ``/`` (a ``<wbr>`` there), never in the middle of a word; the text is
  escaped first, so user text stays data.
- ``leads_in``: a paragraph that ends with a colon introduces what follows ("Crisis
  contacts, in this order:") and is kept on the same page as it.
"""

from __future__ import annotations

import re
from functools import cache

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from smready.paths import templates_dir

# Tokens shorter than this always fit on a line; only longer ones get break points.
_LONG_TOKEN = 16
_TOKEN = re.compile(r"\S{" + str(_LONG_TOKEN) + ",}")
# A break point after @ . / when something other than punctuation follows, so that a
# sentence's final stop or "e.g." never starts or ends a line on its own.
_POINT = re.compile(r"(?<=[@./])(?=[\w%~#?=&+-])")
_ADDRESS_HINT = re.compile(r"@|/|\w\.\w")


def _break_points(token: str) -> str:
    if not _ADDRESS_HINT.search(token):
        return str(escape(token))
    return "<wbr>".join(str(escape(part)) for part in _POINT.split(token))


def break_points(text: object) -> Markup:
    """Escaped ``text`` with a line-break opportunity after each @ . / of long tokens."""
    raw = str(text)
    out: list[str] = []
    last = 0
    for match in _TOKEN.finditer(raw):
        out.append(str(escape(raw[last:match.start()])))
        out.append(_break_points(match.group()))
        last = match.end()
    out.append(str(escape(raw[last:])))
    return Markup("".join(out))


@pass_context
def breakable(context: Context, text: object) -> Markup:
    """``break_points`` when rendering for print (``print_breaks``), else just escaped."""
    if context.get("print_breaks"):
        return break_points(text)
    return escape(str(text))


def leads_in(block: object) -> bool:
    """A paragraph that ends with a colon introduces the next block."""
    text = str(getattr(block, "text", "")).rstrip() or str(getattr(block, "lead", "")).rstrip()
    return text.endswith(":")


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(templates_dir())),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.filters["breakable"] = breakable
    env.filters["leads_in"] = leads_in
    return env
