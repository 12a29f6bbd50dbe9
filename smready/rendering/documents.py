"""The one entry point from a project to the structured ``Document`` of each kind.

Used by the HTML/PDF and DOCX writers. The builders import their helpers from
``context.py``, never this module, so the imports run one way only.
"""

from __future__ import annotations

import dataclasses

from smready.domain import Project, document_language
from smready.i18n import Translation, translation
from smready.rendering.acknowledgement import build_acknowledgement
from smready.rendering.model import DocKind, Document
from smready.rendering.policy import build_policy, open_decisions
from smready.rendering.report import build_report


def build_document(project: Project, doc: DocKind, t: Translation | None = None) -> Document:
    """``doc`` of ``project`` in the language of ``t``: the project's document language
    (``domain.document_language``) when None. Nothing here reads the UI language."""
    t = t or translation(document_language(project))
    if doc == "policy":
        # A draft is a policy with an open "Not decided yet" marker: the same markers that
        # ``scoring.policy_gaps`` lists, read from the document already built.
        policy = build_policy(project, t)
        return dataclasses.replace(policy, draft=bool(open_decisions(policy)))
    if doc == "report":
        return build_report(project, t)
    if doc == "acknowledgement":
        return build_acknowledgement(project, t)
    raise ValueError(f"unknown document kind {doc!r}")
