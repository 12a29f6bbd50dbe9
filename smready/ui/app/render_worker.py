"""Rendering documents without freezing the window.

WeasyPrint is pure Python for most of its work, so rendering in a thread of this process
still takes the GIL away from the event loop for 100–300 ms at a time (measured: see
``benchmarks/bench_ui_export.py``). The jobs therefore run in a small pool of worker
*processes* (WeasyPrint is imported there, lazily, by ``smready.rendering``); a QThreadPool
runnable waits for each result — waiting releases the GIL — and reports back through Qt
signals on the UI thread. If worker processes cannot be started, the job runs in the
thread instead: slower to respond, but it still works.
"""

from __future__ import annotations

import atexit
import contextlib
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from smready.domain import Project
from smready.rendering import DocKind, Format, Paper, RenderError

# --- what runs in the worker process (plain functions: they are pickled by name) ----------


def _pdf_job(project_json: str, doc: DocKind, paper: Paper) -> tuple[str, Any]:
    from smready.rendering import pdf_bytes

    try:
        return "ok", pdf_bytes(Project.model_validate_json(project_json), doc, paper)
    except RenderError as exc:
        return "render", str(exc)
    except OSError as exc:
        return "os", (exc.errno, exc.strerror or str(exc), exc.filename)
    except Exception as exc:  # any other failure must come back as a message, not a hang
        return "render", f"{type(exc).__name__}: {exc}"


def _export_job(
    project_json: str, doc: DocKind, fmt: Format, out: str, paper: Paper
) -> tuple[str, Any]:
    from smready.rendering import export_document

    try:
        path = export_document(Project.model_validate_json(project_json), doc, fmt,
                               Path(out), paper)
        return "ok", str(path)
    except RenderError as exc:
        return "render", str(exc)
    except OSError as exc:
        return "os", (exc.errno, exc.strerror or str(exc), exc.filename)
    except Exception as exc:
        return "render", f"{type(exc).__name__}: {exc}"


def _warm_up_job() -> tuple[str, Any]:
    import smready.rendering.pdf  # noqa: F401  (loads WeasyPrint once, before it is needed)

    return "ok", None


def _exit_with_parent(parent_pid: int) -> None:
    """Runs in each worker: end it when the app is gone, even after a crash or SIGKILL
    (the pool's own clean-up only runs on a normal exit)."""

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _unpack(result: tuple[str, Any]) -> Any:
    status, value = result
    if status == "ok":
        return value
    if status == "os":
        errno, strerror, filename = value
        raise OSError(errno, strerror, filename)
    raise RenderError(value)


# --- the pool ------------------------------------------------------------------------------

_pool: Executor | None = None
_pool_lock = threading.Lock()
_processes_work = True


def _executor() -> Executor | None:
    global _pool
    with _pool_lock:
        if _pool is None and _processes_work:
            # spawn: a forked child would inherit Qt's threads and locks.
            _pool = ProcessPoolExecutor(max_workers=2,
                                        mp_context=multiprocessing.get_context("spawn"),
                                        initializer=_exit_with_parent,
                                        initargs=(os.getpid(),))
        return _pool


def shutdown_pool() -> None:
    """Stop the worker processes (called at exit; safe to call twice)."""
    global _pool
    with _pool_lock:
        pool, _pool = _pool, None
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)


atexit.register(shutdown_pool)


def run_job(job: Callable[..., tuple[str, Any]], *args: Any) -> Any:
    """Run ``job`` in a worker process (or here, if processes are unavailable)."""
    global _processes_work, _pool
    pool = _executor()
    if pool is not None:
        try:
            # Jobs return their own errors as values, so anything raised here means the
            # pool itself failed (no processes allowed, a worker died).
            result = pool.submit(job, *args).result()
        except (BrokenProcessPool, OSError, RuntimeError):
            with _pool_lock:
                _processes_work = False
                _pool = None
        else:
            return _unpack(result)
    return _unpack(job(*args))


def render_pdf(project: Project, doc: DocKind, paper: Paper) -> bytes:
    data: bytes = run_job(_pdf_job, project.model_dump_json(), doc, paper)
    return data


def export(project: Project, doc: DocKind, fmt: Format, out: Path, paper: Paper) -> Path:
    return Path(run_job(_export_job, project.model_dump_json(), doc, fmt, str(out), paper))


def warm_up() -> None:
    run_job(_warm_up_job)


# --- Qt side -------------------------------------------------------------------------------


class _Signals(QObject):
    succeeded = Signal(int, object)
    failed = Signal(int, object)


class RenderTask(QRunnable):
    """Runs ``work()`` on a pool thread; reports ``(ticket, result)`` or ``(ticket, error)``."""

    def __init__(self, ticket: int, work: Callable[[], Any]) -> None:
        super().__init__()
        self.ticket = ticket
        self.work = work
        self.signals = _Signals()
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as exc:  # reported to the UI, which explains it to the user
            self._report(self.signals.failed, exc)
        else:
            self._report(self.signals.succeeded, result)

    def _report(self, signal: Any, payload: object) -> None:
        # When the window closes while a render is still running, the signal object goes
        # with it; nobody is waiting for the result then.
        with contextlib.suppress(RuntimeError):
            signal.emit(self.ticket, payload)


class RenderRunner(QObject):
    """Starts render jobs off the UI thread and hands results back on it.

    Every job gets a ticket number; the caller compares it with its latest ticket to drop
    stale results (a preview of answers that have changed since).
    """

    finished = Signal(int, object)
    """(ticket, result) — on the UI thread."""
    failed = Signal(int, object)
    """(ticket, exception) — on the UI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ticket = 0
        self._running = 0
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(3)
        self._tasks: dict[int, RenderTask] = {}

    @property
    def busy(self) -> bool:
        return self._running > 0

    def start(self, work: Callable[[], Any]) -> int:
        self._ticket += 1
        task = RenderTask(self._ticket, work)
        task.signals.succeeded.connect(self._on_task_succeeded)
        task.signals.failed.connect(self._on_task_failed)
        self._tasks[self._ticket] = task  # keeps the signal object alive until it reports
        self._running += 1
        self._pool.start(task)
        return self._ticket

    def wait(self, msecs: int = -1) -> bool:
        return self._pool.waitForDone(msecs)

    def _on_task_succeeded(self, ticket: int, result: object) -> None:
        self._running -= 1
        self._tasks.pop(ticket, None)
        self.finished.emit(ticket, result)

    def _on_task_failed(self, ticket: int, error: object) -> None:
        self._running -= 1
        self._tasks.pop(ticket, None)
        self.failed.emit(ticket, error)
