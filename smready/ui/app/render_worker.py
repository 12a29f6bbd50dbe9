"""Rendering documents without freezing the window.

WeasyPrint is pure Python for most of its work, so rendering in a thread of this process
still takes the GIL away from the event loop for 100–300 ms at a time (measured: see
``benchmarks/bench_ui_export.py``). The jobs therefore run in a small pool of worker
*processes* (WeasyPrint is imported there, lazily, by ``smready.rendering``); a QThreadPool
runnable waits for each result — waiting releases the GIL — and reports back through Qt
signals on the UI thread. If worker processes cannot be started, the job runs in the
thread instead: slower to respond, but it still works.

Keeping the preview quick (``benchmarks/bench_session.py``):

- the worker is warmed with a real render soon after the window shows (WeasyPrint, fonts,
  Pango and the stylesheet machinery loaded), and what it holds then is frozen out of the
  garbage collector's way (``gc.freeze``);
- a render runs with the cyclic garbage collector paused (~15 % of a render went to it);
  the worker collects once it has been idle for a moment;
- a preview nobody waits for any more stops between two pages: each preview carries a
  generation number, :func:`supersede` raises the newest one in memory the workers share,
  and the render checks it before each page it lays out or draws;
- a preview can come in two steps from one layout (:func:`render_preview`): first a PDF with
  only the pages in view painted, sent back through a queue the workers share while the
  worker goes on to write the complete PDF, which the job returns.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import json
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from smready.domain import Project
from smready.rendering import DocKind, Format, Paper, RenderError

IDLE_COLLECT_S = 0.5
"""A worker collects its garbage after this long without a job."""
FIRST_DELIVERY_WAIT_S = 5.0
"""How long a preview's complete PDF waits for its quick first one, sent earlier through
the queue, to be handed over (so the first always arrives first)."""


class RenderCancelled(Exception):
    """A preview stopped because a newer one superseded it (see :func:`supersede`)."""


# --- what runs in the worker process (plain functions: they are pickled by name) ----------

_newest: Any = None
"""In a worker: the shared number of the newest preview (a ``multiprocessing`` RawValue)."""
_to_app: Any = None
"""In a worker: the queue that takes a preview's first PDF back to the app."""
_idle_collect: threading.Timer | None = None


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """The job runs without cyclic garbage collection; the worker collects when idle."""
    global _idle_collect
    if _idle_collect is not None:
        _idle_collect.cancel()
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
            _idle_collect = threading.Timer(IDLE_COLLECT_S, gc.collect)
            _idle_collect.daemon = True
            _idle_collect.start()


def _sent(project: Project) -> str:
    """The project as a job carries it: its JSON, and the logo file the user agreed to embed
    (that agreement is not part of the file, so JSON alone drops the logo)."""
    return json.dumps({"project": project.model_dump(mode="json"),
                       "logo": project.organization.logo_to_embed})


def _received(sent: str) -> Project:
    data = json.loads(sent)
    project = Project.model_validate(data["project"])
    logo = data["logo"]
    if logo is not None and project.organization.logo_path == logo:
        project.organization.confirm_logo()
    return project


def _superseded(generation: int) -> Callable[[], bool] | None:
    newest = _newest
    if not generation or newest is None:
        return None
    return lambda: bool(newest.value > generation)


def _run(work: Callable[[], Any]) -> tuple[str, Any]:
    """Run a job's ``work`` with the collector paused; its outcome, or why it failed, as a
    value (a job that raised would leave the app waiting on a broken pool)."""
    from smready.rendering.pdf import Stopped

    try:
        with _collector_paused():
            return "ok", work()
    except Stopped:
        return "cancelled", None
    except RenderError as exc:
        return "render", str(exc)
    except OSError as exc:
        return "os", (exc.errno, exc.strerror or str(exc), exc.filename)
    except Exception as exc:  # any other failure must come back as a message, not a hang
        return "render", f"{type(exc).__name__}: {exc}"


def _pdf_job(project_json: str, doc: DocKind, paper: Paper,
             generation: int = 0) -> tuple[str, Any]:
    from smready.rendering import pdf

    return _run(lambda: pdf.pdf_bytes(_received(project_json), doc, paper,
                                      should_stop=_superseded(generation)))


def _send_first(generation: int, data: bytes) -> None:
    if _to_app is not None:
        _to_app.put((generation, data))
    else:  # the job runs in the app itself (no worker processes)
        _deliver_first(generation, data)


def _preview_job(project_json: str, doc: DocKind, paper: Paper, generation: int,
                 first_pages: tuple[int, ...]) -> tuple[str, Any]:
    from smready.rendering import pdf

    sent: list[bool] = []

    def send(data: bytes) -> None:
        _send_first(generation, data)
        sent.append(True)

    def work() -> tuple[bytes, bool]:
        data = pdf.pdf_bytes(_received(project_json), doc, paper,
                             should_stop=_superseded(generation),
                             first_pages=first_pages, on_first=send)
        return data, bool(sent)

    return _run(work)


def _export_job(
    project_json: str, doc: DocKind, fmt: Format, out: str, paper: Paper
) -> tuple[str, Any]:
    from smready.rendering import export_document

    return _run(lambda: str(export_document(_received(project_json), doc, fmt, Path(out),
                                            paper)))


def _warm_up_job() -> tuple[str, Any]:
    """Load WeasyPrint and render a short document once (fonts, Pango, the stylesheet
    machinery), then keep all that out of the garbage collector's way."""
    from smready.domain import OrgKind
    from smready.rendering import pdf

    try:
        with _collector_paused():
            pdf.pdf_bytes(Project.new("smready", OrgKind.NONPROFIT), "acknowledgement")
    except Exception as exc:  # a real job will report the same problem properly
        return "ok", f"{type(exc).__name__}: {exc}"
    gc.collect()
    gc.freeze()
    return "ok", None


def _init_worker(parent_pid: int, newest: Any, to_app: Any) -> None:
    global _newest, _to_app
    _newest, _to_app = newest, to_app
    _exit_with_parent(parent_pid)


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
    if status == "cancelled":
        raise RenderCancelled
    raise RenderError(value)


# --- the pool ------------------------------------------------------------------------------

_pool: Executor | None = None
_pool_lock = threading.Lock()
_processes_work = True
_spawn = multiprocessing.get_context("spawn")  # a forked child would inherit Qt's threads
_newest_preview: Any = None  # RawValue("q") shared with the workers; made with the pool
_generation = 0
_from_workers: Any = None  # SimpleQueue of (generation, first PDF); made with the pool
_first_listener: threading.Thread | None = None
_first_wanted: dict[int, Callable[[bytes], None]] = {}
"""Preview generation -> who takes its first PDF (see :func:`render_preview`)."""
_first_lock = threading.Lock()


def _deliver_first(generation: int, data: bytes) -> None:
    # Under the lock: once render_preview has returned, its taker is never called.
    with _first_lock:
        take = _first_wanted.get(generation)
        if take is not None:
            take(data)


def _listen_for_firsts(queue: Any) -> None:
    """A thread of the app: hands each preview's first PDF to whoever waits for it."""
    while True:
        try:
            item = queue.get()
        except (EOFError, OSError):
            return
        if item is None:
            return
        _deliver_first(*item)


def _executor() -> Executor | None:
    global _pool, _newest_preview, _from_workers, _first_listener
    with _pool_lock:
        if _pool is None and _processes_work:
            _newest_preview = _spawn.RawValue("q", _generation)
            _from_workers = _spawn.SimpleQueue()
            _first_listener = threading.Thread(
                target=_listen_for_firsts, args=(_from_workers,), name="preview-firsts",
                daemon=True)
            _first_listener.start()
            _pool = ProcessPoolExecutor(max_workers=2, mp_context=_spawn,
                                        initializer=_init_worker,
                                        initargs=(os.getpid(), _newest_preview,
                                                  _from_workers))
        return _pool


def supersede() -> int:
    """A new preview generation: renders of older ones stop at their next page (their jobs
    end with :class:`RenderCancelled`). Returns the number to give the new preview."""
    global _generation
    with _pool_lock:
        _generation += 1
        if _newest_preview is not None:
            _newest_preview.value = _generation
        return _generation


def shutdown_pool() -> None:
    """Stop the worker processes (called at exit; safe to call twice)."""
    global _pool, _from_workers, _first_listener
    with _pool_lock:
        pool, _pool = _pool, None
        queue, _from_workers = _from_workers, None
        listener, _first_listener = _first_listener, None
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)
    if queue is not None:
        queue.put(None)  # the workers are gone: nothing else comes through it
        if listener is not None:
            listener.join(timeout=5)


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


def render_pdf(project: Project, doc: DocKind, paper: Paper, generation: int = 0) -> bytes:
    """The PDF; with a ``generation`` (from :func:`supersede`) it is a preview that a newer
    generation cancels."""
    data: bytes = run_job(_pdf_job, _sent(project), doc, paper, generation)
    return data


def render_preview(project: Project, doc: DocKind, paper: Paper, generation: int,
                   first_pages: tuple[int, ...] = (),
                   on_first: Callable[[bytes], None] | None = None) -> bytes:
    """A preview that a newer generation cancels (see :func:`supersede`). With
    ``first_pages`` (0-based) and ``on_first``, a quick PDF with only those pages painted
    goes to ``on_first`` (on another thread) as soon as the document is laid out; the
    complete PDF, from the same layout, is returned once that has been handed over, and
    ``on_first`` is never called after this has returned."""
    delivered = threading.Event()

    def take(data: bytes) -> None:
        if on_first is not None:
            on_first(data)
        delivered.set()

    with _first_lock:
        _first_wanted[generation] = take
    try:
        wanted = tuple(first_pages) if on_first is not None else ()
        data, sent_first = run_job(_preview_job, _sent(project), doc, paper,
                                   generation, wanted)
        if sent_first:  # it is in the queue: hand it over before the complete one
            delivered.wait(FIRST_DELIVERY_WAIT_S)
    finally:
        with _first_lock:
            _first_wanted.pop(generation, None)
    return bytes(data)


def export(project: Project, doc: DocKind, fmt: Format, out: Path, paper: Paper) -> Path:
    return Path(run_job(_export_job, _sent(project), doc, fmt, str(out), paper))


def warm_up() -> None:
    run_job(_warm_up_job)


# --- Qt side -------------------------------------------------------------------------------


class _Signals(QObject):
    succeeded = Signal(int, object)
    failed = Signal(int, object)
    partial = Signal(int, object)


class RenderTask(QRunnable):
    """Runs ``work()`` on a pool thread; reports ``(ticket, result)`` or ``(ticket, error)``."""

    def __init__(self, ticket: int, work: Callable[[], Any]) -> None:
        super().__init__()
        self.ticket = ticket
        self.work = work
        self.signals = _Signals()
        self.setAutoDelete(True)

    def report_partial(self, payload: object) -> None:
        """A first result before the last (any thread); arrives before ``succeeded``."""
        self._report(self.signals.partial, payload)

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
    partial = Signal(int, object)
    """(ticket, first result) — on the UI thread, before ``finished`` (see
    :meth:`start_with_partial`)."""

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
        return self.start_with_partial(lambda _report: work())

    def start_with_partial(self, work: Callable[[Callable[[object], None]], Any]) -> int:
        """Like :meth:`start`; ``work`` is given a function to report a first result with
        (from any thread), which arrives as ``partial`` before the job's ``finished``."""
        self._ticket += 1
        task = RenderTask(self._ticket, lambda: None)
        task.work = lambda: work(task.report_partial)
        task.signals.succeeded.connect(self._on_task_succeeded)
        task.signals.failed.connect(self._on_task_failed)
        task.signals.partial.connect(self._on_task_partial)
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

    def _on_task_partial(self, ticket: int, payload: object) -> None:
        if ticket in self._tasks:  # not after the job has reported its end
            self.partial.emit(ticket, payload)

    def _on_task_failed(self, ticket: int, error: object) -> None:
        self._running -= 1
        self._tasks.pop(ticket, None)
        self.failed.emit(ticket, error)
