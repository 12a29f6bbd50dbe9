"""Legal-risk lint: risky wording in the text the user typed (``resources/lint_rules.yaml``).

It looks only at free text the user wrote into the project (policy answers, goal notes,
readiness notes, actions), never at the clauses smready writes itself. Each finding names the
field path, the rule, a plain explanation and a safer wording. Nothing here changes the
project; the app and ``smready-cli check`` show the findings.

The rules are English regular expressions, so they run only for a project whose documents are
in English (``lint_applies``): a Finnish or Bengali project's text is written in its own
language, which these patterns cannot read (and would misread where a word looks English).
The findings' title, message and suggestion are translated into the reader's language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel

from smready.domain import Project
from smready.paths import resource
from smready.yamlfile import safe_load

__all__ = ["LintError", "LintFinding", "LintRule", "lint_applies", "lint_project", "lint_text",
           "load_rules"]

#: The language the rules' patterns are written for.
RULES_LANGUAGE = "en"

MAX_EXCERPT = 80


class LintError(Exception):
    """resources/lint_rules.yaml is malformed: names the rule and the reason."""


@dataclass(frozen=True)
class LintRule:
    id: str
    title: str
    patterns: tuple[re.Pattern[str], ...]
    message: str
    suggestion: str
    flag_examples: tuple[str, ...]
    pass_examples: tuple[str, ...]

    def search(self, text: str) -> re.Match[str] | None:
        for pattern in self.patterns:
            match = pattern.search(text)
            if match:
                return match
        return None


@dataclass(frozen=True)
class LintFinding:
    field: str
    """Path of the answer, e.g. "policy.hr.extra_rules" or "policy.accounts[1].purpose"."""
    rule: str
    title: str
    message: str
    suggestion: str
    excerpt: str
    """The words that triggered the rule, as the user typed them."""


def _text(raw: dict[str, Any], key: str, where: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        raise LintError(f"lint_rules.yaml: {where}.{key}: expected a non-empty text")
    return " ".join(value.split())


@cache
def load_rules() -> tuple[LintRule, ...]:
    path = resource("lint_rules.yaml")
    data: Any = safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise LintError(f"{path}: rules: expected a list")
    rules = []
    for n, raw in enumerate(data["rules"]):
        where = f"rules[{n}]"
        if not isinstance(raw, dict):
            raise LintError(f"lint_rules.yaml: {where}: expected a mapping")
        rule_id = _text(raw, "id", where)
        where = rule_id
        patterns = raw.get("patterns")
        if not isinstance(patterns, list) or not patterns:
            raise LintError(f"lint_rules.yaml: {where}.patterns: expected a list")
        compiled = []
        for i, pattern in enumerate(patterns):
            try:
                compiled.append(re.compile(" ".join(str(pattern).split()), re.IGNORECASE))
            except re.error as exc:
                raise LintError(f"lint_rules.yaml: {where}.patterns[{i}]: {exc}") from exc
        examples = raw.get("examples") or {}
        flag = tuple(str(e) for e in examples.get("flag") or ())
        ok = tuple(str(e) for e in examples.get("pass") or ())
        if not flag or not ok:
            raise LintError(f"lint_rules.yaml: {where}.examples: needs flag and pass examples")
        rules.append(LintRule(id=rule_id, title=_text(raw, "title", where),
                              patterns=tuple(compiled),
                              message=_text(raw, "message", where),
                              suggestion=_text(raw, "suggestion", where),
                              flag_examples=flag, pass_examples=ok))
    return tuple(rules)


def lint_text(text: str, field: str = "", lang: str | None = None) -> list[LintFinding]:
    """Findings for one piece of user text (one per rule at most), explained in ``lang``
    (the UI language when None)."""
    from smready.i18n import current, translation

    t = translation(lang) if lang else current()
    findings = []
    flat = " ".join(text.split())
    for rule in load_rules():
        match = rule.search(flat)
        if match:
            excerpt = match.group(0)
            if len(excerpt) > MAX_EXCERPT:
                excerpt = excerpt[: MAX_EXCERPT - 1].rstrip() + "…"
            findings.append(LintFinding(field=field, rule=rule.id, title=t(rule.title),
                                        message=t(rule.message),
                                        suggestion=t(rule.suggestion), excerpt=excerpt))
    return findings


def _texts(value: object, path: str) -> list[tuple[str, str]]:
    if isinstance(value, str):
        return [(path, value)] if value.strip() else []
    if isinstance(value, BaseModel):
        out: list[tuple[str, str]] = []
        for name in type(value).model_fields:
            out.extend(_texts(getattr(value, name), f"{path}.{name}" if path else name))
        return out
    if isinstance(value, list | tuple):
        out = []
        for i, item in enumerate(value):
            out.extend(_texts(item, f"{path}[{i}]"))
        return out
    if isinstance(value, dict):
        out = []
        for key, item in value.items():
            out.extend(_texts(item, f"{path}.{key}"))
        return out
    return []


# Free-text parts of a project; ids, enums, dates and numbers are not looked at.
_SCANNED = ("policy", "goals", "actions")


def lint_applies(project: Project) -> bool:
    """Whether the English rules can read this project's text: its documents are English."""
    from smready.domain import document_language

    return document_language(project) == RULES_LANGUAGE


def lint_project(project: Project, lang: str | None = None) -> list[LintFinding]:
    """Every risky phrase in the user's own text, in the order of the project's fields
    (none for a project whose documents are not in English: ``lint_applies``)."""
    if not lint_applies(project):
        return []
    findings: list[LintFinding] = []
    texts: list[tuple[str, str]] = []
    for part in _SCANNED:
        texts.extend(_texts(getattr(project, part), part))
    texts.extend(_texts(project.readiness.notes, "readiness.notes"))
    for path, text in texts:
        findings.extend(lint_text(text, path, lang))
    return findings
