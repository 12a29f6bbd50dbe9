"""Which fields of ``resources/*.yaml`` people read, and those fields in another language.

One set of rules for both sides: ``smready.catalogs.extract_yaml`` extracts exactly these
strings into the ``.pot``, and :func:`translate_tree` looks exactly these strings up in a
language's catalog when the content is loaded, so every string a translator sees is used and
every string a reader sees was offered for translation.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

#: YAML keys whose values are for the program, not for people (a key that holds a section of
#: entries, like the top-level ``platforms:``, is still walked).
MACHINE_KEYS = frozenset({
    "id", "kind", "question", "max_level", "options_from", "prefill", "satisfied_by_policy",
    "platform", "platforms", "task", "tasks", "goal_type", "requires", "when", "tier", "icon",
    "url", "country", "countries", "lang", "language", "level", "unit_id", "ref", "refs",
    "source", "sources", "currency", "as_of",  # a currency code; a month the report formats
})
#: Keys whose whole subtree is for the program or the tests (conditions, regular expressions,
#: example texts of the lint rules), whatever it holds.
MACHINE_SECTIONS = frozenset({"when", "patterns", "pattern", "examples"})
#: Values that look like identifiers (snake_case, dotted ids, numbers) are never extracted.
IDENTIFIER = re.compile(r"^[a-z0-9_.\-]+$")


def holds_entries(value: Any) -> bool:
    """A section (``platforms:`` with a list of entries), not a machine value."""
    if isinstance(value, dict):
        return True
    return isinstance(value, list) and any(isinstance(item, dict) for item in value)


def skipped(key: str, value: Any) -> bool:
    """True when the value under ``key`` is not for people (and not a section of entries)."""
    return key in MACHINE_SECTIONS or (key in MACHINE_KEYS and not holds_entries(value))


def readable(text: str) -> bool:
    """A string people read (not blank, not an identifier)."""
    return bool(text.strip()) and not IDENTIFIER.match(text)


def translate_tree(data: Any, gettext: Callable[[str], str], key: str | None = None) -> Any:
    """A copy of loaded YAML ``data`` with every string people read passed through
    ``gettext``; machine values (ids, conditions, numbers) are kept as they are."""
    if isinstance(data, dict):
        # Labels keyed by id (labels.yaml ``tasks``) are translated; their keys are not.
        return {name: (value if skipped(str(name), value)
                       else translate_tree(value, gettext, str(name)))
                for name, value in data.items()}
    if isinstance(data, list):
        return [translate_tree(item, gettext, key) for item in data]
    if isinstance(data, str) and key is not None and readable(data):
        return gettext(data)
    return data
