"""The one entry point from a project to the structured ``Document`` of each kind.

Used by the HTML/PDF and DOCX writers. The builders import their helpers from
``context.py``, never this module, so the imports run one way only.
"""

from __future__ import annotations

import dataclasses

from smready.domain import Project
from smready.rendering.acknowledgement import build_acknowledgement
from smready.rendering.model import DocKind, Document
from smready.rendering.policy import build_policy
from smready.rendering.report import build_report


def build_document(project: Project, doc: DocKind) -> Document:
    if doc == "policy":
        from smready.scoring import policy_complete

        # The policy builder writes the clauses; whether the result is still a draft is one
        # fact (``policy_complete``), marked the same way on every document that shows it.
        return dataclasses.replace(build_policy(project), draft=not policy_complete(project))
    if doc == "report":
        return build_report(project)
    if doc == "acknowledgement":
        return build_acknowledgement(project)
    raise ValueError(f"unknown document kind {doc!r}")
