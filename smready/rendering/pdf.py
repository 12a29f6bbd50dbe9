"""PDF output through WeasyPrint: the only module that imports it, and only lazily
(``import weasyprint`` costs most of a second).

Safe by construction: the URL fetcher serves ``data:`` URLs and files inside our own
``resources/`` and ``policy_templates/`` folders, and nothing else (no other files, no
network). Attachments, from options or from ``<link rel=attachment>`` / ``<a
rel=attachment>``, are removed before the PDF is written.

Bengali: the bundled Noto Sans Bengali (``resources/fonts/``) is declared with
``@font-face`` (family ``smready bengali``, named in ``document.css``) and loaded through the
same fetcher, so a machine without system Bengali fonts still renders glyphs. WeasyPrint
writes one ToUnicode entry per glyph, which cannot describe shaped clusters (a split vowel
sign, a reph, a conjunct), so text copied from the PDF came out as "মোহোম্মদ"; every text
run in a complex shaped script is therefore wrapped in a ``/Span`` marked-content sequence
with ``/ActualText`` carrying the string as typed (poppler, Acrobat and screen readers read
it instead of the glyph map), see ``_install_actual_text``.

Speed (``benchmarks/bench_session.py``): the contents' leader dots are drawn as runs of
:data:`LEADER_RUN` dots instead of one text object per dot (``_install_leader_runs``), and a
live preview can first be written with only the page(s) in view painted, from the same
layout as the complete PDF that follows (``on_first`` in :func:`html_to_pdf`).
"""

from __future__ import annotations

import base64
import binascii
import copy
import mimetypes
import re
import threading
import urllib.parse
import urllib.request
from collections.abc import Callable, Collection
from functools import cache
from pathlib import Path
from typing import Any

from smready.domain import Project
from smready.i18n import Translation
from smready.paths import resource, resources_dir, templates_dir
from smready.rendering.html import render_html
from smready.rendering.model import DocKind, Paper

PDF_VARIANT = "pdf/ua-1"
MAX_FETCH_BYTES = 8 * 1024 * 1024

BENGALI_FAMILY = "smready bengali"
BENGALI_FONTS = (("NotoSansBengali-Regular.ttf", "normal"), ("NotoSansBengali-Bold.ttf", "bold"))
# The Bengali block, the dandas, ZWNJ/ZWJ and the dotted circle; digits and Latin punctuation
# stay in the body font.
BENGALI_RANGE = "U+0964-0965, U+0980-09FE, U+200C-200D, U+25CC"

# Scripts whose glyphs do not map one-to-one onto characters once shaped (reordered vowel
# signs, conjuncts, ligatures): Arabic to Malayalam/Sinhala, Thai, Lao, Tibetan, Myanmar,
# Khmer, Vedic extensions. Latin ligatures (fi, fl) already copy right through ToUnicode.
SHAPED_SCRIPTS = re.compile(
    "[\u0600-\u07BF\u0860-\u08FF\u0900-\u0DFF\u0E00-\u0EFF\u0F00-\u0FFF"
    "\u1000-\u109F\u1780-\u17FF\u1CD0-\u1CFF\uA8E0-\uA8FF\uFB50-\uFDFF\uFE70-\uFEFF]")


LEADER_RUN = 16
"""Leader dots (the contents' "……… 3") drawn as one text run per this many dots, each run
starting where WeasyPrint puts its first dot. WeasyPrint makes and draws one text object
per dot (~2,500 on the policy's cover page, a third of the time it takes to write the PDF);
within a run the PDF's glyph advances put a dot at most ~0.02 pt (16 × WeasyPrint's
rounding of 1/1000 em) from its own place: the same page to the eye and to text extraction."""


class RefusedURL(ValueError):
    """A URL outside what documents may load; WeasyPrint logs it and skips the resource."""


class Stopped(Exception):
    """The render was stopped because nobody wants its result any more (``should_stop``)."""


_stop_check = threading.local()
"""``.check``: the ``should_stop`` of the render running in this thread, if any;
``.paint_only``: the ids of the only pages to paint while writing a quick first PDF."""


def _check_stop() -> None:
    check: Callable[[], bool] | None = getattr(_stop_check, "check", None)
    if check is not None and check():
        raise Stopped


@cache
def _install_stop_points() -> None:
    """Let a render stop between steps: before computing the styles, before building the
    boxes, before laying out each page and before drawing each page (a 9-page policy has
    ~20 such points in ~1 s; a stopped render costs at most one of these steps)."""
    import weasyprint.document as document
    import weasyprint.layout.page as page

    make_page: Callable[..., Any] = page.make_page
    paint: Callable[..., Any] = document.Page.paint
    computed_styles: Callable[..., Any] = document.get_all_computed_styles
    build_boxes: Callable[..., Any] = document.build_formatting_structure

    def computed_styles_or_stop(*args: Any, **kwargs: Any) -> Any:
        _check_stop()
        return computed_styles(*args, **kwargs)

    def build_boxes_or_stop(*args: Any, **kwargs: Any) -> Any:
        _check_stop()
        return build_boxes(*args, **kwargs)

    def make_page_or_stop(*args: Any, **kwargs: Any) -> Any:
        _check_stop()
        return make_page(*args, **kwargs)

    def paint_or_stop(self: Any, *args: Any, **kwargs: Any) -> Any:
        _check_stop()
        only: set[int] | None = getattr(_stop_check, "paint_only", None)
        if only is not None and id(self) not in only:
            return None  # a quick first PDF: this page keeps its size and stays blank
        return paint(self, *args, **kwargs)

    page.make_page = make_page_or_stop
    document.Page.paint = paint_or_stop
    document.get_all_computed_styles = computed_styles_or_stop
    document.build_formatting_structure = build_boxes_or_stop


@cache
def _install_leader_runs() -> None:
    """Leader dots in runs of :data:`LEADER_RUN` (see there). These are WeasyPrint's
    internals: a release that moves them gets its own one-object-per-dot drawing (the same
    page, only slower), never a failed render."""
    try:
        import weasyprint.layout.inline as inline
        from weasyprint.layout.leader import leader_index

        handle_leader: Callable[..., None] = inline.handle_leader
    except (ImportError, AttributeError):
        return

    def handle_leader_in_runs(context: Any, line: Any, containing_block: Any) -> None:
        handle_leader(context, line, containing_block)
        _index, leader = leader_index(line)
        if leader is None or len(leader.children) < 2:
            return
        dots = sorted(leader.children, key=lambda box: box.position_x)
        runs = []
        for start in range(0, len(dots), LEADER_RUN):
            group = dots[start:start + LEADER_RUN]
            run = group[0].copy()
            run.pango_layout = copy.copy(group[0].pango_layout)
            run.text = run.pango_layout.text = group[0].text * len(group)
            run.width = group[0].width * len(group)
            runs.append(run)
        leader.children = tuple(runs)

    inline.handle_leader = handle_leader_in_runs


def allowed_roots() -> tuple[Path, ...]:
    return (resources_dir().resolve(), templates_dir().resolve())


def _decode_data_url(url: str) -> tuple[str, bytes]:
    header, sep, payload = url[len("data:"):].partition(",")
    if not sep:
        raise RefusedURL("malformed data: URL")
    params = header.split(";")
    mime = params[0].strip() or "text/plain"
    if "base64" in (p.strip().lower() for p in params[1:]):
        try:
            data = base64.b64decode(urllib.parse.unquote(payload), validate=False)
        except (binascii.Error, ValueError) as exc:
            raise RefusedURL("malformed base64 in data: URL") from exc
    else:
        data = urllib.parse.unquote_to_bytes(payload)
    if len(data) > MAX_FETCH_BYTES:
        raise RefusedURL("data: URL too large")
    return mime, data


def resolve_local(url: str, roots: tuple[Path, ...]) -> Path:
    """The file a ``file:`` URL points at, if it is inside one of ``roots``; else refuse."""
    parts = urllib.parse.urlsplit(url)
    if parts.netloc not in ("", "localhost"):
        raise RefusedURL(f"remote file URL refused: {url[:200]}")
    raw = urllib.request.url2pathname(parts.path)
    if ".." in Path(raw).parts:
        raise RefusedURL(f"path with '..' refused: {url[:200]}")
    try:
        path = Path(raw).resolve(strict=True)
    except (OSError, RuntimeError) as exc:
        raise RefusedURL(f"missing file refused: {url[:200]}") from exc
    if not path.is_file() or not any(path.is_relative_to(root) for root in roots):
        raise RefusedURL(f"file outside smready's folders refused: {url[:200]}")
    return path


@cache
def _fetcher_class() -> type[Any]:
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class SafeURLFetcher(URLFetcher):  # type: ignore[misc]
        """Serves data: URLs and our own files; refuses everything else."""

        def __init__(self) -> None:
            super().__init__(allowed_protocols=("data", "file"), allow_redirects=False,
                             fail_on_errors=False, timeout=1)
            self.refused: list[str] = []
            self.roots = allowed_roots()

        def fetch(self, url: str, headers: object = None) -> Any:
            scheme = url.split(":", 1)[0].lower() if ":" in url else ""
            try:
                if scheme == "data":
                    mime, data = _decode_data_url(url)
                    return URLFetcherResponse(url, body=data, headers={"Content-Type": mime})
                if scheme == "file":
                    path = resolve_local(url, self.roots)
                    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                    return URLFetcherResponse(
                        path.as_uri(), body=path.read_bytes(), headers={"Content-Type": mime})
                raise RefusedURL(f"URL scheme refused: {url[:200]}")
            except RefusedURL:
                self.refused.append(url)
                raise

        def open(self, url: object, data: object = None, timeout: object = None) -> Any:
            return self.fetch(str(getattr(url, "full_url", url)))

    return SafeURLFetcher


def safe_url_fetcher() -> Any:
    """A fresh fetcher (it records what it refused in ``.refused``)."""
    return _fetcher_class()()


def font_face_css() -> str:
    """``@font-face`` rules for the bundled fonts, as ``file:`` URLs our fetcher serves."""
    rules = []
    for name, weight in BENGALI_FONTS:
        url = resource("fonts", name).resolve().as_uri()
        rules.append(
            f'@font-face {{ font-family: "{BENGALI_FAMILY}"; src: url("{url}"); '
            f"font-weight: {weight}; font-style: normal; unicode-range: {BENGALI_RANGE}; }}")
    return "\n".join(rules)


def actual_text(text: str) -> str | None:
    """What a text run should read as when copied, if its glyphs cannot say it themselves."""
    if not SHAPED_SCRIPTS.search(text):
        return None
    # A line's text may end with the space or newline it broke at; the reader adds its own.
    return text.rstrip("\n\r\t ") or None


@cache
def _install_actual_text() -> None:
    """Wrap WeasyPrint's text drawing so shaped-script runs carry ``/ActualText``.

    WeasyPrint draws each text box (one line of one inline) inside its tagged ``/Span
    <</MCID n>> BDC … EMC``; inside it we open ``/Span <</ActualText (…)>> BDC`` around the
    glyphs. Nested marked content is allowed in tagged PDF (the MCID stays the outer one, so
    the structure tree and PDF/UA are untouched). Latin-only runs are left as they were.
    """
    import pydyf
    import weasyprint.draw as draw

    original: Callable[..., Any] = draw.draw_text
    if getattr(original, "smready_actual_text", False):
        return

    def draw_text(stream: Any, textbox: Any, *args: Any, **kwargs: Any) -> Any:
        text = actual_text(textbox.text)
        if text is None:
            return original(stream, textbox, *args, **kwargs)
        stream.begin_marked_content("Span", pydyf.Dictionary({"ActualText": pydyf.String(text)}))
        try:
            return original(stream, textbox, *args, **kwargs)
        finally:
            stream.end_marked_content()

    draw_text.smready_actual_text = True  # type: ignore[attr-defined]
    draw_text.smready_original = original  # type: ignore[attr-defined]  # for benchmarks
    draw.draw_text = draw_text


def html_to_pdf(html: str, fetcher: Any = None, *,
                should_stop: Callable[[], bool] | None = None,
                first_pages: Collection[int] = (),
                on_first: Callable[[bytes], None] | None = None) -> bytes:
    """Any HTML to PDF with the safe fetcher, no attachments, tagged (PDF/UA-1), the bundled
    Bengali fonts and ``/ActualText`` on shaped-script text.

    ``should_stop`` is asked between pages; when it says yes the render raises
    :class:`Stopped` (a preview of answers that have changed since).

    ``first_pages`` and ``on_first`` (a live preview): once the document is laid out, a
    quick PDF in which only those pages (0-based) are painted — the others there at their
    size, blank, so a viewer keeps its page count and place — goes to ``on_first`` first;
    it is untagged. The complete PDF returned after it comes from the same layout and is
    byte for byte what a render without them returns. Without a page to leave blank there
    is no quick PDF."""
    _install_actual_text()
    _install_stop_points()
    _install_leader_runs()
    _stop_check.check = should_stop
    try:
        _check_stop()  # superseded while it waited for the worker
        document = _layout(html, fetcher)
        wanted = {id(document.pages[i]) for i in first_pages if 0 <= i < len(document.pages)}
        if on_first is not None and wanted and len(wanted) < len(document.pages):
            on_first(_write(document, paint_only=wanted))
        return _write(document)
    finally:
        _stop_check.check = None


_OPTIONS: dict[str, Any] = {
    "pdf_variant": PDF_VARIANT,
    "attachments": [],
    "presentational_hints": False,
}


def _layout(html: str, fetcher: Any) -> Any:
    """The laid-out WeasyPrint document, without attachments."""
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    fetcher = fetcher if fetcher is not None else safe_url_fetcher()
    font_config = FontConfiguration()
    fonts = weasyprint.CSS(string=font_face_css(), url_fetcher=fetcher, font_config=font_config)
    document = weasyprint.HTML(
        string=html, base_url=templates_dir().as_uri() + "/", url_fetcher=fetcher,
    ).render(stylesheets=[fonts], font_config=font_config, **_OPTIONS)
    # Attachments can come from the HTML itself; none belong in our documents.
    document.metadata.attachments = []
    for page in document.pages:
        page.links[:] = [link for link in page.links if link[0] != "attachment"]
    return document


def _write(document: Any, paint_only: set[int] | None = None) -> bytes:
    """The complete tagged PDF; with ``paint_only`` (page ids) a quick untagged one in which
    only those pages are painted."""
    # Writing subsets the fonts the pages drew with in place: each write collects its own.
    document.fonts = {}
    _stop_check.paint_only = paint_only
    try:
        options = _OPTIONS if paint_only is None else {"attachments": [], "pdf_variant": None}
        data: bytes = document.write_pdf(**options)
    finally:
        _stop_check.paint_only = None
    return data


def pdf_bytes(project: Project, doc: DocKind, paper: Paper = "a4", *,
              t: Translation | None = None,
              should_stop: Callable[[], bool] | None = None,
              first_pages: Collection[int] = (),
              on_first: Callable[[bytes], None] | None = None) -> bytes:
    """``doc`` as PDF in the language of ``t`` (the project's document language when None;
    the render worker passes none, so a document is always in its project's language).
    ``should_stop``, ``first_pages``, ``on_first``: see :func:`html_to_pdf`."""
    return html_to_pdf(render_html(project, doc, paper, for_print=True, t=t),
                       should_stop=should_stop, first_pages=first_pages, on_first=on_first)
