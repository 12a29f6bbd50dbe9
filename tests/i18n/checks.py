"""What a translation must keep from its source string (shared by the catalog tests)."""

from __future__ import annotations

import re
import string
from collections import Counter

FORMAT_FIELD = re.compile(r"\{[^{}]*\}")
#: A word slot with a grammatical form in a translation, ``{customers:par}``: the form is the
#: language's business (its glossary lists the forms of each word), the slot is the source's.
INFLECTED = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*):[a-z][a-z0-9_]*\}")
PRINTF = re.compile(r"%(?:\([^)]+\))?[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGc]")
TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>")
ENTITY = re.compile(r"&(?:[a-zA-Z]+|#\d+);")
MNEMONIC = re.compile(r"(?<!&)&(?=[^\s&;])(?![a-zA-Z]+;)")


def problems(source: str, translated: str) -> list[str]:
    """Why ``translated`` cannot stand in for ``source``; empty when it can."""
    found = []
    for name, pattern in (("placeholders", FORMAT_FIELD), ("printf conversions", PRINTF),
                          ("entities", ENTITY)):
        plain = translated
        if pattern is FORMAT_FIELD:  # {min:g} in the source stays a field with its format
            plain = INFLECTED.sub(
                lambda m: m.group(0) if m.group(0) in source else "{" + m.group(1) + "}",
                translated)
        want, got = Counter(pattern.findall(source)), Counter(pattern.findall(plain))
        if want != got:
            found.append(f"{name} {sorted(want.elements())} became {sorted(got.elements())}")
    want_tags = Counter(m.group(0).split()[0].rstrip(">") for m in TAG.finditer(source))
    got_tags = Counter(m.group(0).split()[0].rstrip(">") for m in TAG.finditer(translated))
    if want_tags != got_tags:
        found.append(f"markup {sorted(want_tags.elements())} became {sorted(got_tags.elements())}")
    if bool(MNEMONIC.search(source)) != bool(MNEMONIC.search(translated)):
        found.append("the & shortcut letter was added or lost")
    if FORMAT_FIELD.search(source):
        try:
            list(string.Formatter().parse(translated))
        except ValueError as exc:
            found.append(f"not a valid format string: {exc}")
    return found
