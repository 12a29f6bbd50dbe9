"""Older file versions brought up to the current one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from smready.domain import SCHEMA_VERSION
from smready.i18n import _
from smready.storage.errors import ProjectFileError

# Point numbers of the v0 notes, in the order the checklist has always had them.
_V0_POINTS = {1: "reason", 2: "sites", 3: "resources", 4: "pipeline", 5: "policy",
              6: "measurement"}
_V0_KINDS = {"business": "small_business", "small_business": "small_business",
             "nonprofit": "nonprofit", "non-profit": "nonprofit", "charity": "nonprofit"}


def _v0_to_v1(data: dict[str, Any]) -> dict[str, Any]:
    """v0 (the 0.x preview): flat ``org``/``answers``/``notes``, yes/no answers as booleans.

    ``{"version": 0, "saved": "...", "org": {"name", "type", "country", "website"},
    "answers": {question id: value}, "notes": {"1".."6": text}}``
    """
    org = data.get("org")
    if not isinstance(org, dict):
        raise ProjectFileError(None, _("missing or not an object"), "org")
    kind = org.get("type", "business")
    if kind not in _V0_KINDS:
        raise ProjectFileError(None, _("unknown organization type {kind!r}").format(
            kind=kind), "org.type")
    organization: dict[str, Any] = {"name": org.get("name"), "kind": _V0_KINDS[kind]}
    for old, new in (("country", "country"), ("website", "website"), ("sector", "sector")):
        if old in org:
            organization[new] = org[old]
    answers_in = data.get("answers", {})
    if not isinstance(answers_in, dict):
        raise ProjectFileError(None, _("must be an object"), "answers")
    # v0 stored yes/no questions as true/false.
    answers = {key: ("yes" if value else "no") if isinstance(value, bool) else value
               for key, value in answers_in.items()}
    notes_in = data.get("notes", {})
    if not isinstance(notes_in, dict):
        raise ProjectFileError(None, _("must be an object"), "notes")
    notes: dict[str, Any] = {}
    for number, text in notes_in.items():
        try:
            point = _V0_POINTS[int(number)]
        except (KeyError, ValueError):
            raise ProjectFileError(None, _("unknown point number {number!r}").format(
                number=number), "notes") from None
        notes[point] = text
    nonprofit = organization["kind"] == "nonprofit"
    result: dict[str, Any] = {
        "schema_version": 1,
        "organization": organization,
        "readiness": {"answers": answers, "notes": notes},
        # The scope Project.new gives a new organization of this kind.
        "policy": {"scope": {"staff": True, "volunteers": nonprofit, "board": nonprofit}},
    }
    if "saved" in data:
        result["created"] = data["saved"]
        result["modified"] = data["saved"]
    return result


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {0: _v0_to_v1}
"""``MIGRATIONS[n]`` turns a version ``n`` document into version ``n + 1``."""


def document_version(data: dict[str, Any]) -> int:
    """The schema version of a parsed project document (v0 files said ``version``)."""
    if "schema_version" in data:
        version, field = data["schema_version"], "schema_version"
    elif "version" in data and "org" in data:
        version, field = data["version"], "version"
    else:
        raise ProjectFileError(None, _(
            "not a smready project: no schema_version"), None)
    if isinstance(version, bool) or not isinstance(version, int) or version < 0:
        raise ProjectFileError(None, _("must be a whole number, found {value!r}").format(
            value=version), field)
    return version


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Bring a parsed document up to ``SCHEMA_VERSION``; a newer one is refused."""
    version = document_version(data)
    if version > SCHEMA_VERSION:
        raise ProjectFileError(None, _(
            "this project was saved by a newer smready (file version {file}, this app reads "
            "up to {ours}). Update smready to open it.").format(
                file=version, ours=SCHEMA_VERSION))
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
    return data
