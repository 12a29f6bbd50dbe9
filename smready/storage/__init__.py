"""Project files (``.smready``): atomic save with a backup, guarded load, migrations.

A ``.smready`` file is UTF-8 JSON with a ``schema_version``. Saving never leaves a half-written
file behind: the new content goes to a temporary file in the same folder, is flushed and
fsynced, then ``os.replace``-d over the old one, and the folder is fsynced. The previous
version is kept beside it as ``<file>.bak`` (replaced the same way). Loading refuses anything
that is too big, not UTF-8, not JSON, too deeply nested, from a newer release or not a valid
project, always with one line naming the file, the field and the reason.

Autosave and crash recovery live here too (no Qt). The flow the window follows:

- on open/new: ``ProjectLock(path).acquire()`` (``ProjectLock(None)`` for an untitled
  project: it locks this session's untitled autosave); False means another live window
  has the file open (``owner()`` says which process).
- every so often: ``write_autosave(project, path)`` (path None while untitled).
- after Save / Save As: ``remove_autosave(old_path)``; on Save As move the lock too.
- clean exit: ``remove_autosave(path)`` and ``lock.release()``.
- at start-up: ``list_recoverable()`` lists the autosaves whose lock is missing or held by
  a dead process, i.e. what a crash left behind; ``Recovery.load()`` / ``.discard()``.

Autosaves and locks live in ``autosave_dir()`` (the user data folder, or
``$SMREADY_DATA_DIR/autosave``), one ``<key>.autosave`` and ``<key>.lock`` per project, the
key being a hash of the resolved project path.

One module per job: ``errors`` (wording), ``atomic`` (atomic writes), ``parsing`` (bytes to a
JSON document), ``migrations``, ``project_file`` (save/load), ``datadir``, ``autosave``, ``locks``.
"""

from __future__ import annotations

from smready.storage import datadir
from smready.storage.atomic import (
    STALE_TEMP_SECONDS,
    atomic_write_bytes,
)
from smready.storage.autosave import (
    Recovery,
    list_recoverable,
    remove_autosave,
    write_autosave,
)
from smready.storage.datadir import (
    AUTOSAVE_SUFFIX,
    DATA_DIR_ENV,
    LOCK_SUFFIX,
    absolute_path,
    autosave_dir,
    autosave_path,
    data_dir,
)
from smready.storage.errors import (
    UNSAFE_CHARACTERS,
    ProjectFileError,
    ProjectIOError,
    ProjectWriteError,
    more_problems,
    os_error_reason,
    printable,
    read_error_message,
    write_error_message,
)
from smready.storage.locks import (
    ProjectLock,
    live_holder,
    lock_holder,
)
from smready.storage.migrations import (
    MIGRATIONS,
    document_version,
    migrate,
)
from smready.storage.parsing import (
    MAX_FILE_BYTES,
    MAX_NESTING,
    parse_json_bytes,
    read_regular_file,
)
from smready.storage.project_file import (
    BACKUP_SUFFIX,
    FILE_SUFFIX,
    Fingerprint,
    backup_path,
    changed_on_disk,
    file_fingerprint,
    file_version,
    load_project,
    project_from_document,
    project_json_schema,
    read_document,
    resolve_target,
    save_project,
    save_target,
)

__all__ = [
    "AUTOSAVE_SUFFIX",
    "BACKUP_SUFFIX",
    "DATA_DIR_ENV",
    "FILE_SUFFIX",
    "LOCK_SUFFIX",
    "MAX_FILE_BYTES",
    "MAX_NESTING",
    "MIGRATIONS",
    "STALE_TEMP_SECONDS",
    "UNSAFE_CHARACTERS",
    "Fingerprint",
    "ProjectFileError",
    "ProjectIOError",
    "ProjectLock",
    "ProjectWriteError",
    "Recovery",
    "absolute_path",
    "atomic_write_bytes",
    "autosave_dir",
    "autosave_path",
    "backup_path",
    "changed_on_disk",
    "data_dir",
    "datadir",
    "document_version",
    "file_fingerprint",
    "file_version",
    "list_recoverable",
    "live_holder",
    "load_project",
    "lock_holder",
    "migrate",
    "more_problems",
    "os_error_reason",
    "parse_json_bytes",
    "printable",
    "project_from_document",
    "project_json_schema",
    "read_document",
    "read_error_message",
    "read_regular_file",
    "remove_autosave",
    "resolve_target",
    "save_project",
    "save_target",
    "write_autosave",
    "write_error_message",
]
