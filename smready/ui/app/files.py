"""New / Open / Save / Save As, recent files, autosave, the project lock and crash recovery.

All file formats live in :mod:`smready.storage`; this module only decides *when* to call it
and what to tell the user. Every question to the user goes through :func:`ask`, a
``QMessageBox`` run with ``exec()`` (tests patch ``QMessageBox.exec``).
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from smready.domain import OrgKind, Project
from smready.i18n import _
from smready.storage import (
    FILE_SUFFIX,
    Fingerprint,
    ProjectFileError,
    ProjectLock,
    Recovery,
    autosave_dir,
    changed_on_disk,
    file_fingerprint,
    list_recoverable,
    load_project,
    remove_autosave,
    save_project,
    write_autosave,
)
from smready.ui.app.controller import ProjectController
from smready.ui.app.preferences import default_document_language
from smready.ui.app.recent import LAST_DIR_KEY, recent_files, set_recent_files
from smready.ui.widgets.dates import show_time

AUTOSAVE_DELAY_MS = 30_000
CONFIRMED_LOGOS_KEY = "files/confirmed_logos"
"""Logo files the user picked or agreed to in this app (QSettings): asked about once."""

Button = QMessageBox.StandardButton


def still_here() -> str:
    return _("Your answers are still here — choose another folder.")


def file_filter() -> str:
    return _("smready projects (*{suffix})").format(suffix=FILE_SUFFIX) + ";;" + _(
        "All files (*)")


def ask(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
        buttons: dict[Button, str | None], default: Button,
        informative: str = "") -> Button:
    """Show a message box and return the button pressed (Escape = the Cancel/No button).

    ``buttons`` maps standard buttons to a custom label, or None for Qt's own label.
    """
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # file and project names are shown as typed
    if informative:
        box.setInformativeText(informative)
    for button, label in buttons.items():
        widget = box.addButton(button)
        if label:
            widget.setText(label)
    box.setDefaultButton(default)
    result = box.exec()
    try:
        return Button(result)
    except ValueError:
        return Button.Cancel


def same_file(first: Path | None, second: Path | None) -> bool:
    """The same file on disk (device and inode: a hard link or another link counts), or the
    same absolute path for a file not written yet."""
    if first is None or second is None:
        return False
    try:
        return os.path.samefile(first, second)
    except (OSError, ValueError):
        return os.path.abspath(first) == os.path.abspath(second)


def _absolute(path: Path) -> Path:
    """Absolute without resolving links (the name the user chose stays on screen)."""
    return Path(os.path.abspath(path.expanduser()))


def _local_time(moment: dt.datetime) -> str:
    return show_time(moment)


class FileManager(QObject):
    """The project's life cycle on disk, for one window."""

    recent_files_changed = Signal()
    status_changed = Signal()
    """Autosave time, copy state or the like changed (status bar)."""

    def __init__(self, controller: ProjectController, window: QWidget) -> None:
        super().__init__(window)
        self.controller = controller
        self.window = window
        self._lock: ProjectLock | None = None
        self._last_saved: dt.datetime | None = None
        self._last_autosave: dt.datetime | None = None
        self._copy_of: Path | None = None
        self._discarded = -1
        """The controller revision the user chose "Don't save" for."""
        self._on_disk: Fingerprint | None = None
        """The project file as this window last read or wrote it (to notice other writers)."""
        self._autosave_problem: str | None = None
        """Why autosave (and the lock) cannot work, shown in the status bar; None if fine."""
        self._known_logo: str | None = None
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(AUTOSAVE_DELAY_MS)
        self.autosave_timer.timeout.connect(self._on_autosave_timer_timeout)
        controller.project_changed.connect(self._on_controller_project_changed)
        self._take_lock(controller.path)

    # -- state ------------------------------------------------------------------------------
    @property
    def lock(self) -> ProjectLock | None:
        return self._lock

    @property
    def copy_of(self) -> Path | None:
        """The locked file this untitled project was copied from, if any."""
        return self._copy_of

    @property
    def autosave_problem(self) -> str | None:
        return self._autosave_problem

    def status_text(self) -> str:
        text = self._status_text()
        if self._autosave_problem:
            text += " · " + self._autosave_problem
        return text

    def _status_text(self) -> str:
        path = self.controller.path
        if self.controller.dirty:
            text = _("Unsaved changes")
            if self._last_autosave is not None:
                text += " · " + _("autosaved {time}").format(time=_local_time(self._last_autosave))
            return text
        if path is None:
            if self._copy_of is not None:
                return _("Copy of {path} (open in another window) · not saved yet").format(
                    path=self._copy_of)
            return _("Not saved yet")
        saved = self._last_saved
        if saved is None:
            try:
                saved = dt.datetime.fromtimestamp(path.stat().st_mtime)
            except OSError:
                return str(path)
        return _("Saved {time} · {path}").format(time=_local_time(saved), path=path)

    # -- recent files -----------------------------------------------------------------------
    def recent_files(self) -> list[Path]:
        return recent_files()

    def add_recent(self, path: Path) -> None:
        path = path.expanduser().resolve()
        set_recent_files([path, *(p for p in recent_files() if p != path)])
        QSettings().setValue(LAST_DIR_KEY, str(path.parent))
        self.recent_files_changed.emit()

    def forget_recent(self, path: Path) -> None:
        set_recent_files([p for p in recent_files() if p != path])
        self.recent_files_changed.emit()

    def clear_recent(self) -> None:
        set_recent_files([])
        self.recent_files_changed.emit()

    def _start_dir(self) -> str:
        if self.controller.path is not None:
            return str(self.controller.path.parent)
        value = QSettings().value(LAST_DIR_KEY, "")
        return str(value) if value else str(Path.home())

    # -- commands ---------------------------------------------------------------------------
    def new_project(self, name: str, kind: OrgKind) -> bool:
        """Start a fresh project (asks about unsaved changes first)."""
        if not self.maybe_save():
            return False
        fallback = _("My business") if kind is OrgKind.SMALL_BUSINESS else _("My organization")
        project = Project.new(name.strip()[:200] or fallback, kind)
        # The documents' language from Preferences (validated by the model on assignment).
        setattr(project, "language", default_document_language())  # noqa: B010
        self._switch(project, None)
        return True

    def open_dialog(self) -> bool:
        if not self.maybe_save():
            return False
        chosen, _filter = QFileDialog.getOpenFileName(
            self.window, _("Open a project"), self._start_dir(), file_filter())
        if not chosen:
            return False
        return self.open_path(Path(chosen), confirm_unsaved=False)

    def open_path(self, path: Path, *, confirm_unsaved: bool = True) -> bool:
        """Open ``path``; on any problem say so and keep the current project."""
        if confirm_unsaved and not self.maybe_save():
            return False
        path = _absolute(path)
        try:
            project = load_project(path)
        except (ProjectFileError, OSError) as exc:
            # Only a project the user has open can be "unchanged" (not the start page).
            self._error(_("Cannot open the project"), str(exc), _(
                "The project you had open is unchanged.") if self.controller.session.opened
                else "")
            return False
        if same_file(path, self.controller.path):
            self._switch(project, path, keep_lock=True)
            return True
        acquired, lock = self._lock_for(path)
        if not acquired:
            assert lock is not None
            choice = ask(
                self.window, QMessageBox.Icon.Warning, _("Project already open"),
                _("“{name}” is open in another smready window ({owner}).").format(
                    name=project.organization.name, owner=lock.owner() or _("unknown")),
                {Button.Open: _("Open a copy"), Button.Cancel: None}, Button.Cancel,
                _("Two windows saving the same file would overwrite each other. You can open "
                  "a copy and save it under another name."))
            if choice != Button.Open:
                return False
            self._switch(project, None, copy_of=path)
            return True
        self._switch(project, path, lock=lock)
        self.add_recent(path)
        return True

    def open_example(self, path: Path) -> bool:
        """Open a bundled example as an untitled copy, so Save never writes into the app."""
        if not self.maybe_save():
            return False
        try:
            project = load_project(path)
        except (ProjectFileError, OSError) as exc:
            self._error(_("Cannot open the example"), str(exc))
            return False
        self._switch(project, None)
        return True

    def save(self) -> bool:
        path = self.controller.path
        if path is None:
            return self.save_as()
        if changed_on_disk(path, self._on_disk):
            return self._save_over_a_changed_file(path)
        return self._write(path)

    def _save_over_a_changed_file(self, path: Path) -> bool:
        """Another program changed the file since this window read or wrote it."""
        choice = ask(
            self.window, QMessageBox.Icon.Warning, _("The file was changed"),
            _("{path} was changed by another program since you opened or saved it.").format(
                path=path),
            {Button.Reset: _("Reload"), Button.Yes: _("Overwrite"), Button.Save: _("Save as…"),
             Button.Cancel: None}, Button.Save,
            _("Reload shows the file as it is now and drops your changes here. Overwrite "
              "replaces it with your version (the other version is kept as the backup "
              "{backup}). Save as keeps both.").format(backup=path.name + ".bak"))
        if choice == Button.Yes:
            return self._write(path)
        if choice == Button.Save:
            return self.save_as()
        if choice == Button.Reset:
            try:
                project = load_project(path)
            except (ProjectFileError, OSError) as exc:
                self._error(_("Cannot reload the project"), str(exc), _(
                    "Your version is still here."))
                return False
            self._switch(project, path, keep_lock=True)
            return False  # nothing was saved: the window shows the other version
        return False

    def save_as(self) -> bool:
        suggested = self.controller.path or Path(self._start_dir()) / (
            self._file_stem() + FILE_SUFFIX)
        chosen, _filter = QFileDialog.getSaveFileName(
            self.window, _("Save the project as"), str(suggested), file_filter())
        if not chosen:
            return False
        path = Path(chosen)
        if path.suffix.lower() != FILE_SUFFIX:
            path = path.with_name(path.name + FILE_SUFFIX)
        path = _absolute(path)
        current = self.controller.path
        if same_file(path, current):
            return self._write(path)
        acquired, lock = self._lock_for(path)
        if not acquired:
            assert lock is not None
            self._error(_("Cannot save the project"), _(
                "{path} is open in another smready window ({owner}).").format(
                    path=path, owner=lock.owner() or _("unknown")), still_here())
            return False
        if not self._write(path):
            if lock is not None:
                lock.release()
            return False
        old_path = current
        remove_autosave(old_path)
        if self._lock is not None:
            self._lock.release()
        self._lock = lock
        self._copy_of = None
        self.status_changed.emit()
        return True

    def maybe_save(self) -> bool:
        """Ask about unsaved changes; False means the user cancelled (or saving failed)."""
        if not self.has_unsaved_work:
            return True  # nothing to lose, or "Don't save" was already said to these answers
        choice = ask(
            self.window, QMessageBox.Icon.Question, _("Unsaved changes"),
            _("Save the changes to “{name}”?").format(
                name=self.controller.project.organization.name),
            {Button.Save: None, Button.Discard: _("Don't save"), Button.Cancel: None},
            Button.Save, _("If you don't save, your changes since the last save are lost."))
        if choice == Button.Save:
            return self.save()
        if choice == Button.Discard:
            # New -> "Don't save" -> start page -> small business must not ask again.
            self._discarded = self.controller.revision
            return True
        return False

    def autosave_now(self) -> Path | None:
        """Write the autosave if there is anything unsaved; failures only show in the status."""
        self.autosave_timer.stop()
        if not self.controller.dirty:
            return None
        try:
            written = write_autosave(self.controller.project, self.controller.path)
        except (ProjectFileError, OSError) as exc:
            self._last_autosave = None
            if isinstance(exc, OSError):
                self._autosave_unavailable(exc)
            self.status_changed.emit()
            return None
        self._last_autosave = dt.datetime.now()
        self.status_changed.emit()
        return written

    @property
    def has_unsaved_work(self) -> bool:
        """Changes since the last save that the user has not said "Don't save" to."""
        return self.controller.dirty and self._discarded != self.controller.revision

    def keep_for_recovery(self) -> bool:
        """The app is being stopped without a question (Ctrl-C in its terminal, a logout):
        unsaved work goes to the autosave, which the next start offers to recover, and the
        lock is released. False if that work could not be written (then do not stop)."""
        if not self.has_unsaved_work:
            self.shutdown()
            return True
        if self.autosave_now() is None:
            return False
        if self._lock is not None:
            self._lock.release()
            self._lock = None
        return True

    def shutdown(self) -> None:
        """A clean exit: no autosave or lock is left behind (only call after maybe_save)."""
        self.autosave_timer.stop()
        remove_autosave(self.controller.path)
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    # -- recovery ---------------------------------------------------------------------------
    def offer_recovery(self) -> bool:
        """Offer each autosave left by a crash: Recover or Discard. True if one was recovered.

        Once one is recovered (a window holds one project), the others wait for the next start.
        """
        for recovery in list_recoverable():
            choice = ask(
                self.window, QMessageBox.Icon.Question, _("Recover unsaved work?"),
                _("smready closed before “{name}” was saved. An autosave from {time} "
                  "is available.").format(name=recovery.project_name,
                                           time=_local_time(recovery.saved_at)),
                {Button.Yes: _("Recover"), Button.Discard: _("Discard")}, Button.Yes,
                _("Recover opens it so you can save it; Discard deletes the autosave.")
                + (f"\n{recovery.source_path}" if recovery.source_path else ""))
            if choice == Button.Discard:
                recovery.discard()
            elif choice == Button.Yes and self._recover(recovery):
                return True
        return False

    def _recover(self, recovery: Recovery) -> bool:
        try:
            project = recovery.load()
        except (ProjectFileError, OSError) as exc:
            self._error(_("Cannot recover the project"), str(exc))
            return False
        recovery.discard()
        source = recovery.source_path
        if source is not None and not source.is_absolute():
            source = None  # an autosave of an older release: the folder is unknown
        acquired, lock = self._lock_for(source) if source is not None else (True, None)
        if not acquired:
            self._switch(project, None, dirty=True, copy_of=source)
        else:
            self._switch(project, source, lock=lock, dirty=True)
        self.autosave_now()
        return True

    # -- helpers ----------------------------------------------------------------------------
    def _file_stem(self) -> str:
        name = self.controller.project.organization.name
        stem = "".join(c if c.isalnum() or c in "-_ " else "" for c in name).strip()
        return stem.replace(" ", "-").lower() or "project"

    def _write(self, path: Path) -> bool:
        project = self.controller.project
        try:
            save_project(project, path)
        except (ProjectFileError, OSError) as exc:
            self._error(_("Cannot save the project"), str(exc), still_here())
            return False
        self.autosave_timer.stop()
        remove_autosave(self.controller.path)
        remove_autosave(path)
        self._on_disk = file_fingerprint(path)
        self._last_saved = dt.datetime.now()
        self._last_autosave = None
        self.controller.mark_saved(path)
        self.add_recent(path)
        self.status_changed.emit()
        return True

    def _take_lock(self, path: Path | None) -> None:
        acquired, lock = self._lock_for(path)
        self._lock = lock if acquired else None

    def _lock_for(self, path: Path | None) -> tuple[bool, ProjectLock | None]:
        """(False, lock) when another window holds ``path`` (``lock.owner()`` says which);
        (True, None) when the autosave folder cannot be written: the project opens
        without a lock or autosave, and the status bar says so."""
        lock = ProjectLock(path)
        try:
            if not lock.acquire():
                return False, lock
        except OSError as exc:
            self._autosave_unavailable(exc)
            return True, None
        return True, lock

    def _autosave_unavailable(self, exc: OSError) -> None:
        """Warn once, in the status bar: the window keeps working without autosave."""
        if self._autosave_problem is not None:
            return
        from smready.storage import os_error_reason

        self._autosave_problem = _(
            "Autosave is off: cannot write {folder} ({reason}). Save your work with "
            "Ctrl+S.").format(folder=autosave_dir(), reason=os_error_reason(exc))
        self.status_changed.emit()

    def _switch(self, project: Project, path: Path | None, *, lock: ProjectLock | None = None,
                keep_lock: bool = False, dirty: bool = False,
                copy_of: Path | None = None) -> None:
        self.autosave_timer.stop()
        old_path = self.controller.path
        if not keep_lock:
            remove_autosave(old_path)
            if self._lock is not None:
                self._lock.release()
            self._lock = None
        self._last_saved = None
        self._last_autosave = None
        self._copy_of = copy_of
        self._on_disk = file_fingerprint(path) if path is not None else None
        self._check_logo(project)
        self.controller.replace(project, path, dirty=dirty)
        if not keep_lock:
            if lock is not None:
                self._lock = lock
            else:
                self._take_lock(path)
        self.status_changed.emit()

    def _error(self, title: str, message: str, advice: str = "") -> None:
        ask(self.window, QMessageBox.Icon.Warning, title, message, {Button.Ok: None},
            Button.Ok, advice)

    def _on_controller_project_changed(self) -> None:
        org = self.controller.project.organization
        if org.logo_path != self._known_logo:
            # Typed or picked in the organization step: the user chose this logo here.
            self._known_logo = org.logo_path
            if org.logo_path:
                org.confirm_logo()
                self._remember_logo(org.logo_path)
        if self.controller.dirty:
            self.autosave_timer.start()

    # -- logo -------------------------------------------------------------------------------
    def _check_logo(self, project: Project) -> None:
        """A logo path that came with a file is embedded only once the user agrees: a
        project someone sent could otherwise put any picture of this computer into the
        documents. Asked once per logo file; the path stays visible in the organization
        step either way."""
        org = project.organization
        self._known_logo = org.logo_path
        logo = org.logo_path
        if not logo or org.logo_to_embed:
            return
        if logo in self._confirmed_logos():
            org.confirm_logo()
            return
        choice = ask(
            self.window, QMessageBox.Icon.Question, _("Use the logo this project names?"),
            _("“{name}” names a logo file on this computer:\n{path}").format(
                name=org.name, path=logo),
            {Button.Yes: _("Use this logo"), Button.No: _("Not now")}, Button.No,
            _("Documents include it only if you agree, or once you pick it again in the "
              "organization step."))
        if choice == Button.Yes:
            org.confirm_logo()
            self._remember_logo(logo)

    def _confirmed_logos(self) -> list[str]:
        value = QSettings().value(CONFIRMED_LOGOS_KEY, [])
        if isinstance(value, str):
            return [value]
        return [str(v) for v in value] if isinstance(value, list) else []

    def _remember_logo(self, logo: str) -> None:
        logos = [logo, *(v for v in self._confirmed_logos() if v != logo)][:50]
        QSettings().setValue(CONFIRMED_LOGOS_KEY, logos)

    def _on_autosave_timer_timeout(self) -> None:
        self.autosave_now()
