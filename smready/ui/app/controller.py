"""The open project, shared by every page: one place that holds it and says when it changes.

Pages read and write ``controller.project`` (pydantic validates each assignment) and then
call ``mark_changed()``. After New/Open, ``project_replaced`` tells every page to reload its
widgets from the new project.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from smready.domain import OrgKind, Project


class ProjectController(QObject):
    project_changed = Signal()
    """Some answer changed; live views (score, preview, completion marks) refresh."""
    project_replaced = Signal()
    """A different project is open (New/Open/Recover); pages reload all their widgets."""
    save_state_changed = Signal()
    """Dirty flag, path or last-saved time changed (status bar, window title)."""

    def __init__(self, project: Project | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._project = project or Project.new("My organization", OrgKind.SMALL_BUSINESS)
        self._path: Path | None = None
        self._dirty = False
        self._revision = 0

    @property
    def project(self) -> Project:
        return self._project

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def dirty(self) -> bool:
        return self._dirty

    @property
    def revision(self) -> int:
        """Grows with every change and every replaced project: names one state of the answers."""
        return self._revision

    def replace(self, project: Project, path: Path | None, *, dirty: bool = False) -> None:
        self._project = project
        self._path = path
        self._dirty = dirty
        self._revision += 1
        self.project_replaced.emit()
        self.project_changed.emit()
        self.save_state_changed.emit()

    def mark_changed(self) -> None:
        self._project.touch()
        self._revision += 1
        was_dirty = self._dirty
        self._dirty = True
        self.project_changed.emit()
        if not was_dirty:
            self.save_state_changed.emit()

    def mark_saved(self, path: Path) -> None:
        self._path = path
        self._dirty = False
        self.save_state_changed.emit()
