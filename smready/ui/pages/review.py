"""Review & export: a live preview of the document as it will print, export and print.

Rendering runs off the UI thread (``render_worker``); the preview refreshes 200 ms after
the answers stop changing. A render for answers that have changed since stops at its next
page (``render_worker.supersede``) and its result, if any, is dropped.

After an edit, the document on screen is updated in two steps from one layout: first a PDF
in which only the page(s) in view are painted (the other pages are there, blank, so the
page count and the scroll position hold), then the complete PDF, which is what export and
print reuse. Neither is shown once the answers have changed again.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QMarginsF,
    QPoint,
    QRect,
    QSize,
    QStandardPaths,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QDesktopServices,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QBoxLayout,
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from smready.domain import Project
from smready.i18n import _, ngettext
from smready.rendering import DocKind, Format, Paper
from smready.session import paper_for_country
from smready.ui.app import render_worker
from smready.ui.app.controller import ProjectController
from smready.ui.app.files import Button, ask, still_here
from smready.ui.app.preferences import document_language_choices
from smready.ui.app.render_worker import RenderCancelled, RenderRunner
from smready.ui.pages.policy.base import edit_label
from smready.ui.styles import ERROR_COLOR
from smready.ui.widgets.dates import show_number

DEBOUNCE_MS = 200
"""Quiet time after the last change typed into a text field before the preview renders: a
burst of keystrokes makes one render, not one each. A render that a slower typist's next key
makes stale stops at its next step (``render_worker.supersede``), so a short wait costs
little."""
DISCRETE_DEBOUNCE_MS = 40
"""The same after any other change (a choice in a list, a click, undo): nothing more is
coming, so only the changes one action makes are taken together."""
WARM_UP_DELAY_MS = 1500
PRINT_DPI_MAX = 300
"""Pages are rasterized at the printer's resolution, capped to keep memory sane."""
SECTION_ROLE = Qt.ItemDataRole.UserRole
FIELD_ROLE = Qt.ItemDataRole.UserRole + 1
PREVIEW_MAX_WIDTH = 960


def doc_choices() -> list[tuple[DocKind, str]]:
    return [("policy", _("Social media policy")), ("report", _("Readiness report")),
            ("acknowledgement", _("Acknowledgement sheet"))]


def paper_choices() -> list[tuple[Paper, str]]:
    return [("a4", _("A4")), ("letter", _("Letter"))]


def format_label(fmt: Format) -> str:
    return {"pdf": _("PDF"), "docx": _("Word (DOCX)"), "html": _("Web page (HTML)")}[fmt]


def format_filter(fmt: Format) -> str:
    return {"pdf": _("PDF documents (*.pdf)"), "docx": _("Word documents (*.docx)"),
            "html": _("Web pages (*.html *.htm)")}[fmt]


def slug(text: str) -> str:
    """A file-name stem: "Café Aurora" -> "cafe-aurora"; a name in another script keeps it
    ("ঢাকা খাদ্য ব্যাংক" -> "ঢাকা-খাদ্য-ব্যাংক"), without the characters file names refuse."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    latin = re.sub(r"[^a-z0-9]+", "-", plain.casefold()).strip("-")
    if latin:
        return latin
    return re.sub(r'[\s\\/:*?"<>|.]+', "-", text).strip("-") or "smready"


def suggested_name(organization: str, doc: DocKind, fmt: Format) -> str:
    """"cafe-aurora-policy.pdf", with the document named in the UI language."""
    # TRANSLATORS: words in a suggested file name, e.g. "cafe-aurora-policy.pdf".
    words = {"policy": _("policy"), "report": _("report"),
             "acknowledgement": _("acknowledgement")}
    return f"{slug(organization)}-{slug(words[doc])}.{fmt}"


def error_message(path: Path | None, error: BaseException) -> str:
    """What happened and what to do, in one message."""
    from smready.storage.errors import os_error_reason

    hint = still_here()
    if isinstance(error, OSError):  # the reason in plain words, in the UI language
        return _("Cannot write {path}: {reason}. {hint}").format(
            path=path, reason=os_error_reason(error), hint=hint)
    text = str(error).rstrip(".।")
    if path is not None and str(path) not in text:
        text = _("Cannot write {path}: {reason}").format(path=path, reason=text)
    return _("{message}. {hint}").format(message=text, hint=hint)


class ReviewPage(QWidget):
    """Preview, export and print the documents of the open project."""

    gap_activated = Signal(str, str)
    """The user picked a missing answer; the main window shows the wizard at that section."""
    preview_updated = Signal()
    """A fresh preview is on screen: the complete document, as export writes it."""
    preview_page_shown = Signal()
    """The page(s) in view show the answers as they are now: from the quick first PDF of an
    edit (the complete document follows with ``preview_updated``) or the complete one."""
    export_finished = Signal(str)
    """A file was written (its path)."""
    export_failed = Signal(str)
    """An export failed (the message shown to the user)."""
    printed = Signal(int)
    """A document was sent to the printer (number of pages)."""

    def __init__(self, controller: ProjectController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewPage")
        self.controller = controller
        self._paper_chosen = False  # the user picked a size: stop following the country
        self._preview_job: tuple[int, tuple[int, str, str]] | None = None  # ticket, key
        self._preview_key: tuple[int, str, str] | None = None  # what is on screen
        self._preview_bytes = b""
        self._pending_document: QPdfDocument | None = None
        self._pending_buffer: QBuffer | None = None
        self._pending_complete = True
        self._buffer: QBuffer | None = None
        self._exports: dict[int, tuple[Path, QProgressDialog]] = {}
        self._prints: dict[int, tuple[QPrinter, QProgressDialog]] = {}
        self.last_export: Path | None = None

        self.preview_runner = RenderRunner(self)
        self.preview_runner.finished.connect(self._on_preview_finished)
        self.preview_runner.failed.connect(self._on_preview_failed)
        self.preview_runner.partial.connect(self._on_preview_partial)
        self.export_runner = RenderRunner(self)
        self.export_runner.finished.connect(self._on_export_finished)
        self.export_runner.failed.connect(self._on_export_failed)

        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self._on_debounce_timeout)

        # -- toolbar
        self.doc_combo = QComboBox(self)
        for doc_value, doc_text in doc_choices():
            self.doc_combo.addItem(doc_text, doc_value)
        self.doc_combo.setAccessibleName(_("Document"))
        self.paper_combo = QComboBox(self)
        for value, label in paper_choices():
            self.paper_combo.addItem(label, value)
        self.paper_combo.setAccessibleName(_("Paper size"))
        self.language_combo = QComboBox(self)
        for lang, name in document_language_choices():
            self.language_combo.addItem(name, lang)
        self.language_combo.setAccessibleName(_("Language of the documents"))
        self.language_combo.setToolTip(_("The language the documents are written in; the same "
                                         "choice as on the first step of the policy."))
        language_label = QLabel(_("&Language"), self)
        language_label.setBuddy(self.language_combo)
        doc_label = QLabel(_("&Document"), self)
        doc_label.setBuddy(self.doc_combo)
        paper_label = QLabel(_("P&aper"), self)
        paper_label.setBuddy(self.paper_combo)
        self.export_buttons: dict[Format, QPushButton] = {}
        formats: tuple[tuple[Format, str], ...] = (
            ("pdf", _("Export &PDF…")), ("docx", _("Export &Word…")),
            ("html", _("Export &HTML…")))
        for fmt, text in formats:
            button = QPushButton(text, self)
            button.setAccessibleName(_("Export as {format}").format(format=format_label(fmt)))
            button.clicked.connect(lambda _checked=False, f=fmt: self.export_as(f))
            self.export_buttons[fmt] = button
        self.print_button = QPushButton(_("P&rint…"), self)
        self.print_button.setAccessibleName(_("Print"))
        self.print_button.clicked.connect(self._on_print_button_clicked)

        choose_row = QHBoxLayout()
        choose_row.addWidget(doc_label)
        choose_row.addWidget(self.doc_combo)
        choose_row.addSpacing(12)
        choose_row.addWidget(paper_label)
        choose_row.addWidget(self.paper_combo)
        choose_row.addSpacing(12)
        choose_row.addWidget(language_label)
        choose_row.addWidget(self.language_combo)
        choose_row.addStretch(1)
        action_row = QHBoxLayout()
        action_row.addStretch(1)
        for button in self.export_buttons.values():
            action_row.addWidget(button)
        action_row.addWidget(self.print_button)
        # One row when it fits, the buttons on a second row when the window is narrow.
        self.toolbar = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.toolbar.addLayout(choose_row, 1)
        self.toolbar.addLayout(action_row)
        self._toolbar_rows = (choose_row, action_row)

        # -- what is still missing
        self.gaps_title = QLabel(self)
        self.gaps_title.setObjectName("gapsTitle")
        font = self.gaps_title.font()
        font.setBold(True)
        self.gaps_title.setFont(font)
        self.gaps_list = QListWidget(self)
        self.gaps_list.setObjectName("gapsList")
        self.gaps_list.setAccessibleName(_("Missing answers; press Enter to go there"))
        self.gaps_list.itemActivated.connect(self._on_gap_item_activated)
        self.gaps_list.itemClicked.connect(self._on_gap_item_activated)

        # -- after an export
        self.export_banner = QFrame(self)
        self.export_banner.setObjectName("exportBanner")
        self.export_banner.setFrameShape(QFrame.Shape.StyledPanel)
        banner = QHBoxLayout(self.export_banner)
        self.export_label = QLabel(self.export_banner)
        self.export_label.setWordWrap(True)
        self.open_button = QPushButton(_("Open the exported file"), self.export_banner)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        banner.addWidget(self.export_label, 1)
        banner.addWidget(self.open_button)
        self.export_banner.setVisible(False)

        # -- the preview
        self.preview_status = QLabel(self)
        self.preview_status.setObjectName("previewStatus")
        self.preview_status.setWordWrap(True)
        self.preview_status.setTextFormat(Qt.TextFormat.PlainText)  # messages may quote names
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("preview")
        self.view.setAccessibleName(_("Preview of the document as it will print"))
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addLayout(self.toolbar)
        layout.addWidget(self.gaps_title)
        layout.addWidget(self.gaps_list)
        layout.addWidget(self.export_banner)
        layout.addWidget(self.preview_status)
        # A page wider than this is harder to read, not easier: the margins take the rest.
        self.view.setMaximumWidth(PREVIEW_MAX_WIDTH)
        preview_row = QHBoxLayout()
        preview_row.addWidget(self.view, 1)
        layout.addLayout(preview_row, 1)

        self.doc_combo.currentIndexChanged.connect(self._on_selection_changed)
        self.paper_combo.currentIndexChanged.connect(self._on_selection_changed)
        self.paper_combo.activated.connect(self._on_paper_combo_activated)
        self.language_combo.activated.connect(self._on_language_combo_activated)
        controller.project_changed.connect(self._on_project_changed)
        controller.project_replaced.connect(self._on_project_replaced)

        self._show_language()
        self._follow_country()
        self._update_gaps()
        self._set_preview_status(_("The preview appears here in a moment."))
        # Start the render process soon, so the first preview does not wait for WeasyPrint —
        # but after the window has painted: on two cores it would slow the start-up down.
        QTimer.singleShot(WARM_UP_DELAY_MS, self, self._warm_up)

    def _warm_up(self) -> None:
        self.preview_runner.start(render_worker.warm_up)

    # -- public API -------------------------------------------------------------------------

    def current_doc(self) -> DocKind:
        doc: DocKind = self.doc_combo.currentData()
        return doc

    def current_paper(self) -> Paper:
        paper: Paper = self.paper_combo.currentData()
        return paper

    def _current_key(self) -> tuple[int, str, str]:
        """What a preview shows: the answers (their revision), the document, the paper."""
        return (self.controller.revision, self.current_doc(), self.current_paper())

    def refresh_preview(self) -> None:
        """Render now (skipping the debounce)."""
        self.debounce.stop()
        self._start_preview()

    def is_busy(self) -> bool:
        return self.preview_runner.busy or self.export_runner.busy

    def export_as(self, fmt: Format) -> Path | None:
        """Ask where to save, then write the current document in a worker; returns the path
        chosen (the file is written when ``export_finished`` is emitted)."""
        doc, paper = self.current_doc(), self.current_paper()
        folder = Path(self.last_export.parent if self.last_export else QStandardPaths
                      .writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
        suggested = folder / suggested_name(self.controller.project.organization.name, doc,
                                            fmt)
        chosen, _filter = QFileDialog.getSaveFileName(
            self, _("Export as {format}").format(format=format_label(fmt)), str(suggested),
            format_filter(fmt))
        if not chosen:
            return None
        out = Path(chosen)
        if out.suffix.lower() not in ({".html", ".htm"} if fmt == "html" else {f".{fmt}"}):
            out = out.with_name(out.name + f".{fmt}")
        self.export_to(out, fmt, doc, paper)
        return out

    def export_to(self, out: Path, fmt: Format, doc: DocKind | None = None,
                  paper: Paper | None = None) -> int:
        """Write the file in a worker with a busy indicator; returns the job ticket."""
        snapshot = self.controller.project.model_copy(deep=True)
        doc = doc or self.current_doc()
        paper = paper or self.current_paper()
        progress = self._busy_dialog(_("Writing {name}…").format(name=out.name))
        self.export_banner.setVisible(False)
        self._set_export_enabled(False)
        shown = self._preview_bytes if self._preview_key == (
            self.controller.revision, doc, paper) else b""
        if fmt == "pdf" and shown:
            # The preview is this very PDF: write its bytes instead of rendering again.
            from smready.rendering.export import write_atomically

            ticket = self.export_runner.start(lambda: write_atomically(shown, out))
        else:
            ticket = self.export_runner.start(
                lambda: render_worker.export(snapshot, doc, fmt, out, paper))
        self._exports[ticket] = (out, progress)
        return ticket

    def print_project(self) -> bool:
        """Ask for a printer and print the selected document (the Print action calls this).

        Returns whether printing was started."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        size = QPageSize.PageSizeId.Letter if self.current_paper() == "letter" \
            else QPageSize.PageSizeId.A4
        printer.setPageLayout(QPageLayout(QPageSize(size), QPageLayout.Orientation.Portrait,
                                          QMarginsF(0, 0, 0, 0)))
        printer.setFullPage(True)
        printer.setDocName(self.doc_combo.currentText())
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(_("Print {doc}").format(doc=self.doc_combo.currentText()))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        key = self._current_key()
        if self._preview_key == key and self._preview_bytes:
            self._print_pdf(printer, self._preview_bytes)
            return True
        snapshot = self.controller.project.model_copy(deep=True)
        doc, paper = self.current_doc(), self.current_paper()
        progress = self._busy_dialog(_("Preparing the pages…"))
        ticket = self.export_runner.start(
            lambda: render_worker.render_pdf(snapshot, doc, paper))
        self._prints[ticket] = (printer, progress)
        return True

    # -- preview ----------------------------------------------------------------------------

    def _schedule_preview(self) -> None:
        self._stop_stale_preview()
        typing = isinstance(QApplication.focusWidget(),
                            (QLineEdit, QAbstractSpinBox, QTextEdit, QPlainTextEdit))
        self.debounce.start(DEBOUNCE_MS if typing else DISCRETE_DEBOUNCE_MS)

    def _stop_stale_preview(self) -> None:
        """A render of answers (or a document) that are no longer current stops early."""
        job = self._preview_job
        if job is not None and job[1] != self._current_key():
            render_worker.supersede()

    def _start_preview(self) -> None:
        if not self.isVisible():
            return  # rendered when the page is shown (showEvent)
        key = self._current_key()
        if self._preview_key == key:
            return
        if self._preview_job is not None:
            return  # one at a time; the finished job starts the next if needed
        snapshot: Project = self.controller.project.model_copy(deep=True)
        doc, paper = self.current_doc(), self.current_paper()
        # An edit to the document on screen: the pages in view first (another document or
        # paper size is laid out anew, nothing to keep a place in).
        first_pages = self._pages_in_view() if self._preview_key is not None \
            and self._preview_key[1:] == key[1:] else ()
        generation = render_worker.supersede()
        ticket = self.preview_runner.start_with_partial(
            lambda report: render_worker.render_preview(snapshot, doc, paper, generation,
                                                        first_pages, report))
        self._preview_job = (ticket, key)
        self._set_preview_status(_("Updating the preview…"))

    def _pages_in_view(self) -> tuple[int, ...]:
        """The pages (0-based) the preview shows at least part of."""
        count = self.document.pageCount()
        if count <= 0:
            return ()
        margins = self.view.documentMargins()
        width = self.view.viewport().width() - margins.left() - margins.right()
        widest = max(self.document.pagePointSize(i).width() for i in range(count))
        scale = width / widest if widest > 0 else 1.0
        top = self.view.verticalScrollBar().value()
        bottom = top + self.view.viewport().height()
        pages = []
        y = float(margins.top())
        for index in range(count):
            height = self.document.pagePointSize(index).height() * scale
            if y < bottom and y + height > top:
                pages.append(index)
            y += height + self.view.pageSpacing()
        return tuple(pages) or (self.view.pageNavigator().currentPage(),)

    def _on_preview_finished(self, ticket: int, result: Any) -> None:
        job = self._preview_job
        if job is None or job[0] != ticket:
            return  # the warm-up job, or a result nobody waits for any more
        self._preview_job = None
        key = job[1]
        if key != self._current_key():
            self._start_preview()  # stale: the answers or the selection changed meanwhile
            return
        self._show_pdf(bytes(result), key, complete=True)

    def _on_preview_partial(self, ticket: int, result: Any) -> None:
        """The quick first PDF: the pages in view painted, the complete one on its way."""
        job = self._preview_job
        if job is None or job[0] != ticket:
            return
        key = job[1]
        if key == self._current_key():
            self._show_pdf(bytes(result), key, complete=False)

    def _on_preview_failed(self, ticket: int, error: Any) -> None:
        job = self._preview_job
        if job is None or job[0] != ticket:
            return
        self._preview_job = None
        if isinstance(error, RenderCancelled):
            # Superseded by newer answers: the debounce (or this) starts their preview.
            if not self.debounce.isActive():
                self._start_preview()
            return
        self._set_preview_status(_("The preview could not be made: {reason}").format(
            reason=error), error=True)
        self._preview_key = job[1]  # do not retry until something changes
        self._preview_bytes = b""  # not the PDF of these answers: export renders anew

    def _show_pdf(self, data: bytes, key: tuple[int, str, str], *, complete: bool) -> None:
        # Load into a second document and swap when it is ready, so the old pages stay on
        # screen instead of flashing blank. A newer PDF replaces one still loading.
        self._drop_pending()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document = QPdfDocument(self)
        self._pending_document, self._pending_buffer = document, buffer
        self._pending_key, self._pending_bytes = key, data
        self._pending_complete = complete
        document.statusChanged.connect(
            lambda status: self._on_pending_status_changed(document, status))
        document.load(buffer)
        if document.status() in (QPdfDocument.Status.Ready, QPdfDocument.Status.Error):
            # Swap on the next turn of the event loop: parsing and laying out are split
            # so neither blocks the window for long.
            # The document is the timer's context: one dropped before then cancels it.
            QTimer.singleShot(
                0, document,
                lambda: self._on_pending_status_changed(document, document.status()))

    def _drop_pending(self) -> None:
        if self._pending_document is not None:
            self._pending_document.deleteLater()
        if self._pending_buffer is not None:
            self._pending_buffer.deleteLater()
        self._pending_document = self._pending_buffer = None

    def _on_pending_status_changed(self, document: QPdfDocument,
                                   status: QPdfDocument.Status) -> None:
        if document is not self._pending_document or status not in (
                QPdfDocument.Status.Ready, QPdfDocument.Status.Error):
            return
        if status == QPdfDocument.Status.Error:
            self._drop_pending()
            self._set_preview_status(_("The preview could not be shown."), error=True)
            return
        if self._pending_key != self._current_key():
            # The answers changed while it loaded: never show an older state as current.
            self._drop_pending()
            self._start_preview()
            return
        scroll = self.view.verticalScrollBar().value()
        old_document, old_buffer = self.document, self._buffer
        self.document, self._buffer = document, self._pending_buffer
        self._pending_document = self._pending_buffer = None
        self.view.setDocument(document)
        # The view is the timer's context: a page closed before then cancels it.
        QTimer.singleShot(0, self.view, lambda: self.view.verticalScrollBar().setValue(scroll))
        old_document.deleteLater()
        if old_buffer is not None:
            old_buffer.deleteLater()
        complete = self._pending_complete
        if complete:  # else "Updating the preview…" stays until the complete one is shown
            self._preview_key, self._preview_bytes = self._pending_key, self._pending_bytes
            self._set_preview_status(ngettext(
                "Preview: {n} page, as it will print.", "Preview: {n} pages, as it will print.",
                document.pageCount()).format(n=show_number(document.pageCount())))
        self.preview_page_shown.emit()
        if complete:
            self.preview_updated.emit()

    def _set_preview_status(self, text: str, *, error: bool = False) -> None:
        self.preview_status.setText(text)
        self.preview_status.setStyleSheet(f"color: {ERROR_COLOR};" if error else "")

    # -- export -----------------------------------------------------------------------------

    def _busy_dialog(self, text: str) -> QProgressDialog:
        progress = QProgressDialog(self)
        label = QLabel(progress)
        label.setTextFormat(Qt.TextFormat.PlainText)  # "Writing <file name>…", as typed
        progress.setLabel(label)
        progress.setLabelText(text)
        progress.setRange(0, 0)
        progress.setCancelButton(None)
        progress.setWindowTitle(_("Please wait"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)  # quick jobs finish without a flash
        progress.setAutoClose(False)
        progress.setValue(0)
        return progress

    def _set_export_enabled(self, enabled: bool) -> None:
        for button in (*self.export_buttons.values(), self.print_button):
            button.setEnabled(enabled)

    def _on_export_finished(self, ticket: int, result: Any) -> None:
        if ticket in self._prints:
            printer, progress = self._prints.pop(ticket)
            progress.close()
            self._set_export_enabled(not self._exports)
            self._print_pdf(printer, bytes(result))
            return
        _out, done = self._exports.pop(ticket, (None, None))
        if done is not None:
            done.close()
        self._set_export_enabled(True)
        path = Path(result)
        self.last_export = path
        self.export_label.setText(_("Saved {name} in {folder}.").format(
            name=path.name, folder=path.parent))
        self.export_banner.setVisible(True)
        self.open_button.setFocus()
        self.export_finished.emit(str(path))

    def _on_export_failed(self, ticket: int, error: Any) -> None:
        target: Path | None = None
        progress: QProgressDialog | None = None
        if ticket in self._prints:
            _printer, progress = self._prints.pop(ticket)
        elif ticket in self._exports:
            target, progress = self._exports.pop(ticket)
        if progress is not None:
            progress.close()
        self._set_export_enabled(True)
        message = error_message(target, error) if target is not None else str(error)
        self._warn(_("Could not export"), message)
        self.export_failed.emit(message)

    def _warn(self, title: str, text: str) -> None:
        ask(self, QMessageBox.Icon.Warning, title, text, {Button.Ok: None}, Button.Ok)

    def _on_open_button_clicked(self) -> None:
        if self.last_export is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_export)))

    # -- print ------------------------------------------------------------------------------

    def _print_pdf(self, printer: QPrinter, data: bytes) -> int:
        """Print ``data``. "Print to file" as PDF of the whole document writes our own vector
        PDF (text stays text, tags and links stay); a real printer, or a page range, gets each
        page rasterized at the printer's resolution."""
        file_name = printer.outputFileName()
        if (printer.outputFormat() is QPrinter.OutputFormat.PdfFormat and file_name
                and not printer.fromPage()):
            return self._write_pdf_file(Path(file_name), data)
        buffer = QBuffer()
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document = QPdfDocument()
        document.load(buffer)
        count = document.pageCount()
        first, last = printer.fromPage(), printer.toPage()
        pages = range(max(first, 1) - 1, min(last, count) if last else count) if first \
            else range(count)
        dpi = min(printer.resolution(), PRINT_DPI_MAX)
        painter = QPainter()
        if not painter.begin(printer):
            self._warn(_("Could not print"), _(
                "The printer could not be started. Check that it is connected and try again."))
            return 0
        printed = 0
        try:
            for index in pages:
                if printed:
                    printer.newPage()
                points = document.pagePointSize(index)
                image = document.render(index, QSize(round(points.width() / 72 * dpi),
                                                     round(points.height() / 72 * dpi)))
                target = painter.viewport()
                size = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QRect(QPoint(0, 0), size), image)
                printed += 1
                QApplication.processEvents()  # keep repainting between pages
        finally:
            painter.end()
            document.close()
        self.printed.emit(printed)
        return printed

    def _write_pdf_file(self, target: Path, data: bytes) -> int:
        from smready.storage import atomic_write_bytes, write_error_message

        document = QPdfDocument()
        buffer = QBuffer()
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document.load(buffer)
        count = document.pageCount()
        document.close()
        try:
            atomic_write_bytes(target, data)
        except OSError as exc:
            self._warn(_("Could not print"), write_error_message(target, exc))
            return 0
        self.printed.emit(count)
        return count

    # -- gaps -------------------------------------------------------------------------------

    def _update_gaps(self) -> None:
        gaps = self.controller.derived.gaps
        self.gaps_list.clear()
        if gaps:
            self.gaps_title.setText(ngettext(
                "{n} thing left before the policy is complete",
                "{n} things left before the policy is complete", len(gaps)).format(
                    n=show_number(len(gaps))))
            self.gaps_title.setToolTip(_("Select one to go to that question in the wizard."))
            for gap in gaps:
                item = QListWidgetItem(gap.message)
                item.setData(SECTION_ROLE, gap.section)
                item.setData(FIELD_ROLE, gap.field)
                item.setToolTip(_("Go to this question in the policy wizard"))
                # A link: it opens the step with the field ready to type in.
                item.setForeground(self.palette().color(QPalette.ColorRole.Link))
                font = item.font()
                font.setUnderline(True)
                item.setFont(font)
                self.gaps_list.addItem(item)
        else:
            self.gaps_title.setText(_("The policy is complete — ready to print and sign."))
        self.gaps_list.setVisible(bool(gaps))
        if gaps:  # as tall as its rows, so the preview keeps the space
            rows = sum(self.gaps_list.sizeHintForRow(r) for r in range(self.gaps_list.count()))
            self.gaps_list.setFixedHeight(min(rows + 2 * self.gaps_list.frameWidth() + 4, 130))

    def _on_gap_item_activated(self, item: QListWidgetItem) -> None:
        self.gap_activated.emit(str(item.data(SECTION_ROLE)), str(item.data(FIELD_ROLE) or ""))

    # -- events -----------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_toolbar()

    def minimumSizeHint(self) -> QSize:
        # As narrow as the toolbar on two rows, whichever way it is laid out just now.
        layout = self.layout()
        assert layout is not None
        margins = layout.contentsMargins()
        widest_row = max(row.minimumSize().width() for row in self._toolbar_rows)
        return QSize(widest_row + margins.left() + margins.right(),
                     super().minimumSizeHint().height())

    def _fit_toolbar(self) -> None:
        layout = self.layout()
        assert layout is not None
        margins = layout.contentsMargins()
        needed = (sum(row.sizeHint().width() for row in self._toolbar_rows)
                  + self.toolbar.spacing() + margins.left() + margins.right())
        direction = (QBoxLayout.Direction.LeftToRight if self.width() >= needed
                     else QBoxLayout.Direction.TopToBottom)
        if self.toolbar.direction() != direction:
            self.toolbar.setDirection(direction)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        key = self._current_key()
        if self._preview_key != key:
            QTimer.singleShot(0, self._start_preview)

    def _on_project_changed(self) -> None:
        self._show_language()
        self._follow_country()
        self._update_gaps()
        self._schedule_preview()

    def _on_project_replaced(self) -> None:
        self.export_banner.setVisible(False)
        self._paper_chosen = False
        self._on_project_changed()

    def _show_language(self) -> None:
        index = self.language_combo.findData(self.controller.project.language)
        if index >= 0 and index != self.language_combo.currentIndex():
            self.language_combo.blockSignals(True)
            self.language_combo.setCurrentIndex(index)
            self.language_combo.blockSignals(False)

    def _on_language_combo_activated(self, _index: int) -> None:
        lang = self.language_combo.currentData()
        if lang != self.controller.project.language:
            # An undoable edit like any other; the preview follows on project_changed.
            self.controller.set("language", lang, edit_label(_("Language of the documents")),
                                merge=False)

    def _follow_country(self) -> None:
        """Letter in the US, Canada, Mexico, the Philippines and the other Letter countries,
        A4 elsewhere — until the user picks a size."""
        if self._paper_chosen:
            return
        wanted = paper_for_country(self.controller.project.organization.country)
        index = self.paper_combo.findData(wanted)
        if index >= 0 and index != self.paper_combo.currentIndex():
            self.paper_combo.blockSignals(True)
            self.paper_combo.setCurrentIndex(index)
            self.paper_combo.blockSignals(False)

    def _on_debounce_timeout(self) -> None:
        self._start_preview()

    def _on_paper_combo_activated(self, _index: int) -> None:
        self._paper_chosen = True

    def _on_selection_changed(self, _index: int) -> None:
        self._stop_stale_preview()
        self.refresh_preview()

    def _on_print_button_clicked(self) -> None:
        self.print_project()
