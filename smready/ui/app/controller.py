"""The Qt shell around the project session (``smready.session``): signals and undo/redo.

Pages never write the project themselves: they call ``edit(label, touched, change)`` or
``set("policy.hr.work_time", value, label)``; the session runs the change, keeps it in the
undo history and bumps the revision. Derived results (score, gaps, step states) are read
from ``controller.derived``, computed once per revision.

Signals: ``project_changed`` after every change; ``project_restored`` after undo/redo (pages
reload their widgets, keeping their place); ``project_replaced`` after New/Open (pages reload
and start over); ``save_state_changed`` when the dirty flag or path changes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from smready.domain import Project
from smready.session import Change, Derived, Edit, ProjectSession


class _SessionCommand(QUndoCommand):
    """One entry of the undo stack; the session holds the states, this only steps it."""

    def __init__(self, session: ProjectSession, label: str) -> None:
        super().__init__(label)
        self._session = session
        self._pushed = False

    def redo(self) -> None:
        if self._pushed:
            self._session.redo()
        self._pushed = True  # the first redo() is QUndoStack.push(): already done

    def undo(self) -> None:
        self._session.undo()


class ProjectController(QObject):
    project_changed = Signal()
    """Some answer changed (an edit, undo or redo); live views refresh."""
    project_restored = Signal()
    """Undo or redo put back an earlier state: pages reload their widgets in place."""
    project_replaced = Signal()
    """A different project is open (New/Open/Recover); pages reload all their widgets."""
    save_state_changed = Signal()
    """Dirty flag, path or last-saved time changed (status bar, window title)."""

    def __init__(self, project: Project | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = ProjectSession(project)
        self.undo_stack = QUndoStack(self)
        self._was_dirty = False
        self.session.listen(self._on_session_changed)

    @property
    def project(self) -> Project:
        return self.session.project

    @property
    def path(self) -> Path | None:
        return self.session.path

    @property
    def dirty(self) -> bool:
        return self.session.dirty

    @property
    def revision(self) -> int:
        """Grows with every change and every replaced project: names one state of the answers."""
        return self.session.revision

    @property
    def derived(self) -> Derived:
        return self.session.derived

    def edit(self, label: str, touched: str, change: Callable[[Project], object], *,
             merge_key: str = "") -> Edit | None:
        """One undoable change (see ``ProjectSession.edit``)."""
        count = self.session.undo_count
        edit = self.session.edit(label, touched, change, merge_key=merge_key)
        if edit is not None and self.session.undo_count > count:
            self.undo_stack.push(_SessionCommand(self.session, label))
        return edit

    def set(self, path: str, value: object, label: str, *, merge: bool = True) -> Edit | None:
        """Set one attribute by dotted path as an undoable change."""
        count = self.session.undo_count
        edit = self.session.set(path, value, label, merge=merge)
        if edit is not None and self.session.undo_count > count:
            self.undo_stack.push(_SessionCommand(self.session, label))
        return edit

    def mark_changed(self, label: str = "", touched: str = "project") -> Edit | None:
        """Record whatever code changed in the project in place since the last edit, as one
        undoable edit (the session compares with its last state). Pages use ``edit`` or
        ``set``; this is for callers that already changed a model object (tests, scripts)."""
        from smready.i18n import _

        return self.edit(label or _("Change"), touched, lambda _project: None)

    def replace(self, project: Project, path: Path | None, *, dirty: bool = False) -> None:
        self.undo_stack.clear()
        self.session.replace(project, path, dirty=dirty)

    def mark_saved(self, path: Path) -> None:
        self.session.mark_saved(path)
        self._was_dirty = False
        self.save_state_changed.emit()

    def _on_session_changed(self, change: Change) -> None:
        if change.kind == "replace":
            self.project_replaced.emit()
        elif change.kind != "edit":
            self.project_restored.emit()
        self.project_changed.emit()
        if change.kind == "replace" or self.dirty != self._was_dirty:
            self._was_dirty = self.dirty
            self.save_state_changed.emit()
