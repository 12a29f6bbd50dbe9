"""Hostile text in every string field of a project prints literally and adds no file,
no attachment and no network request to the PDF.

Every string field is found by walking the validated project generically: each gets a
unique marker plus a hostile payload (markup, template syntax, links to a local HTTP server
and to a secret file, control characters, emoji, Bengali, right-to-left text). The
documents are then rendered and read back with pdftotext.
"""

from __future__ import annotations

import http.server
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest
from pydantic import ValidationError

from smready.domain import Project
from smready.rendering import export_document, render_html
from smready.rendering.pdf import html_to_pdf, safe_url_fetcher
from tests.conftest import EXAMPLES, english_examples
from tests.e2e.test_documents import assert_no_attachments, fonts_not_embedded, pdf_text

# --- a local HTTP server that counts requests, and an audit hook that sees file reads --------

class _Counter(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Counter.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[str, list[str]]]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Counter)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", _Counter.hits
    finally:
        httpd.shutdown()
        httpd.server_close()


_WATCHED: set[str] = set()
_OPENED: list[str] = []


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if event == "open" and _WATCHED and args and str(args[0]) in _WATCHED:
        _OPENED.append(str(args[0]))


sys.addaudithook(_audit)


@pytest.fixture
def secret(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "secret.txt"
    path.write_text("TOPSECRET-7f3a", encoding="utf-8")
    _WATCHED.add(str(path))
    _OPENED.clear()
    try:
        yield path
    finally:
        _WATCHED.discard(str(path))


def payload(marker: str, base_url: str, secret: Path) -> str:
    return (
        f"{marker} {{{{ 7*7 }}}} {{% raw %}} </style><style>@import url({base_url}/css);"
        f"</style> <link rel=attachment href=file:///etc/passwd>"
        f" <link rel=attachment href=file://{secret}> <img src={base_url}/img>"
        f" <a rel=attachment href=file://{secret}>x</a> <script>alert(1)</script>"
        " \x00\x07\x1b 😀👩‍👩‍👧 বাংলা ভাষা שלום עולם مرحبا & \"quoted\" 'single'"
    )


# --- walking every string field -------------------------------------------------------------

def _string_paths(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _string_paths(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _string_paths(value, (*path, index))
    elif isinstance(data, str) or data is None:
        yield path


def _set(data: Any, path: tuple[Any, ...], value: Any) -> None:
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


def _get(data: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        data = data[key]
    return data


def hostile_project(example: Path, make: Any, pad_to_cap: bool = False
                    ) -> tuple[Project, dict[str, str]]:
    """The example with every string field that accepts free text replaced.

    Fields that refuse it (ids, enums, dates, country codes) keep their value; fields with
    a length cap get the payload cut (or, with ``pad_to_cap``, padded) to the cap.
    Returns the project and {marker: dotted field path}.
    """
    original = Project.model_validate_json(example.read_text()).model_dump(mode="json")
    data = Project.model_validate(original).model_dump(mode="json")
    markers: dict[str, str] = {}
    for index, path in enumerate(_string_paths(data)):
        if path and path[0] in ("schema_version", "created", "modified", "language"):
            continue
        marker = f"Zq{index:03d}Zq"
        markers[marker] = ".".join(str(p) for p in path)
        _set(data, path, make(marker))
    for _attempt in range(20):
        try:
            project = Project.model_validate(data)
            break
        except ValidationError as exc:
            for err in exc.errors():
                loc = tuple(err["loc"])
                # Unions report the member type last; find the real field path.
                while loc and not _has(data, loc):
                    loc = loc[:-1]
                if err["type"] == "string_too_long":
                    value = _get(data, loc)
                    _set(data, loc, value[: err["ctx"]["max_length"]])
                else:
                    _set(data, loc, _get(original, loc))
                    restored = ".".join(str(x) for x in loc)
                    markers = {m: p for m, p in markers.items()
                               if p != restored and not p.startswith(restored + ".")}
    else:  # pragma: no cover
        raise AssertionError("could not build the hostile project")
    if pad_to_cap:
        project = _pad(project)
    return project, markers


def _has(data: Any, loc: tuple[Any, ...]) -> bool:
    try:
        _get(data, loc)
    except (KeyError, IndexError, TypeError):
        return False
    return True


def _pad(project: Project) -> Project:
    data = project.model_dump(mode="json")
    for path in _string_paths(data):
        value = _get(data, path)
        if not isinstance(value, str) or path[0] in ("created", "modified", "language"):
            continue
        for cap in (20_000, 500, 200):
            trial = (value + " " + "ক😀x ") * (cap // max(len(value), 1) + 2)
            _set(data, path, trial[:cap])
            try:
                Project.model_validate(data)
                break
            except ValidationError:
                _set(data, path, value)
    return Project.model_validate(data)


# Fields that no document prints, by design (dotted path patterns).
NOT_PRINTED = [
    r"organization\.(sector|region|website|logo_path)",
    r"organization\.contact\.(name|role|email|phone)",  # name: only when no approver is set
    r"readiness\.answers\..*",
    r"readiness\.notes\..*",
    r"actions\.\d+\.question",
    r"policy\.accounts\.\d+\.platform",  # names come from the platform list for known ids
]


def _printed(path: str, project: Project) -> bool:
    patterns = list(NOT_PRINTED)
    if not project.organization.is_nonprofit:
        patterns.append(r"policy\.nonprofit\..*")  # the nonprofit sections are left out
    # Sections that only apply to some organizations.
    pol = project.policy
    if not (pol.safeguarding.works_with_minors or pol.safeguarding.works_with_vulnerable):
        patterns.append(r"policy\.safeguarding\..*")
    if not pol.ads.uses_ads:
        patterns.append(r"policy\.ads\..*")
    if not (pol.agencies.uses_agency or pol.scope.contractors):
        patterns.append(r"policy\.agencies\..*")
    return not any(re.fullmatch(p, path) for p in patterns)


# The English examples and the Bengali one (its text runs are wrapped in /ActualText spans, a
# path of its own); the Finnish one prints through the same path as the English ones.
@pytest.mark.parametrize("example", [*english_examples(),
                                     EXAMPLES / "shikhon-setu-foundation.smready"],
                         ids=lambda p: p.stem)
def test_every_string_field_prints_literally(
    example: Path, server: tuple[str, list[str]], secret: Path, tmp_path: Path
) -> None:
    base_url, hits = server
    project, markers = hostile_project(example, lambda m: payload(m, base_url, secret))
    assert len(markers) > 60  # the walk really found the fields
    texts = []
    for doc in ("policy", "report", "acknowledgement"):
        pdf = export_document(project, doc, "pdf", tmp_path / f"{doc}.pdf")
        assert_no_attachments(pdf)
        assert b"TOPSECRET" not in pdf.read_bytes()
        assert fonts_not_embedded(pdf) == []
        texts.append(pdf_text(pdf))
        if doc == "policy":
            fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                                   check=True).stdout
            assert "smready-bengali" in fonts and "Noto-Color-Emoji" in fonts
        html = render_html(project, doc)
        assert "<link rel=attachment" not in html and "<img src=http" not in html
        assert "&lt;link rel=attachment href=file:///etc/passwd&gt;" in html
        docx = export_document(project, doc, "docx", tmp_path / f"{doc}.docx")
        assert docx.stat().st_size > 0
    text = " ".join(texts)
    assert hits == []
    assert _OPENED == []
    missing = [path for marker, path in markers.items()
               if _printed(path, project) and marker not in text]
    assert missing == []
    assert "{{ 7*7 }}" in text and "{% raw %}" in text
    assert "<link rel=attachment href=file:///etc/passwd>" in text
    assert "</style><style>@import" in text
    assert "<script>alert(1)</script>" in text
    assert "বাংলা" in text and "😀" in text
    for marker in markers:
        assert not re.search(re.escape(marker) + r" ?49\b", text)


@pytest.mark.slow
def test_every_field_at_its_cap(server: tuple[str, list[str]], secret: Path,
                                tmp_path: Path) -> None:
    base_url, hits = server
    example = EXAMPLES / "harbour-food-bank.smready"
    project, _markers = hostile_project(example, lambda m: payload(m, base_url, secret),
                                        pad_to_cap=True)
    assert len(project.policy.values_voice) == 20_000
    assert len(project.organization.name) == 200
    for doc in ("policy", "report", "acknowledgement"):
        pdf = export_document(project, doc, "pdf", tmp_path / f"{doc}.pdf")
        assert_no_attachments(pdf)
        assert "{{ 7*7 }}" in pdf_text(pdf)
        export_document(project, doc, "docx", tmp_path / f"{doc}.docx")
    assert hits == []
    assert _OPENED == []


def test_over_the_cap_is_a_clear_validation_error() -> None:
    project = Project.new("Cap test", "nonprofit")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="at most 20000 characters"):
        project.policy.values_voice = "x" * 100_000
    with pytest.raises(ValidationError, match="at most 200 characters"):
        project.organization.name = "y" * 201
    with pytest.raises(ValidationError) as info:
        Project.model_validate({"organization": {"name": "z" * 100_000}})
    assert info.value.errors()[0]["loc"] == ("organization", "name")


def test_control_characters_never_reach_the_documents(tmp_path: Path) -> None:
    project = Project.new("Nul\x00Org\x07", "small_business")  # type: ignore[arg-type]
    assert project.organization.name == "NulOrg"
    pdf = export_document(project, "policy", "pdf", tmp_path / "p.pdf")
    assert "NulOrg" in pdf_text(pdf)


def test_the_fetcher_refuses_raw_hostile_html(server: tuple[str, list[str]], secret: Path,
                                              tmp_path: Path) -> None:
    """Defence in depth: even HTML that bypassed escaping loads nothing from outside."""
    base_url, hits = server
    html = f"""<!DOCTYPE html><html lang="en"><head><title>t</title>
    <link rel="stylesheet" href="{base_url}/style.css">
    <link rel="attachment" href="file://{secret}">
    <link rel="attachment" href="data:text/plain;base64,aGVsbG8=">
    <style>@import url("{base_url}/import.css"); body {{ background: url({base_url}/bg); }}
    </style></head><body>
    <p>hello</p>
    <img src="{base_url}/img.png"><img src="file://{secret}"><img src="file:///etc/passwd">
    <img src="../../../../../../etc/passwd"><img src="../resources/../../../etc/hostname">
    <a rel="attachment" href="file://{secret}">a</a>
    <a rel="attachment" href="data:text/plain,hello">b</a>
    <object data="{base_url}/object"></object><iframe src="{base_url}/frame"></iframe>
    <svg xmlns="http://www.w3.org/2000/svg"><image href="{base_url}/svgimg"/></svg>
    </body></html>"""
    fetcher = safe_url_fetcher()
    pdf = tmp_path / "raw.pdf"
    pdf.write_bytes(html_to_pdf(html, fetcher))
    assert hits == []
    assert _OPENED == []
    assert_no_attachments(pdf)
    assert any(url.startswith(base_url) for url in fetcher.refused)
    assert any("etc/passwd" in url for url in fetcher.refused)
    assert any(str(secret) in url for url in fetcher.refused)


def test_the_fetcher_serves_only_our_folders(tmp_path: Path) -> None:
    from smready.paths import resource
    from smready.rendering.pdf import RefusedURL

    fetcher = safe_url_fetcher()
    css = resource("css", "document.css")
    response = fetcher.fetch(css.as_uri())
    assert b"@page" in response.read()
    response.close()
    assert fetcher.fetch("data:text/plain;base64,aGk=").read() == b"hi"
    link = resource("css") / "escape-link.css"
    outside = tmp_path / "outside.css"
    outside.write_text("x")
    for url in (outside.as_uri(), "file:///etc/passwd", "http://127.0.0.1:9/x",
                "https://example.org/x", "ftp://example.org/x",
                css.parent.as_uri() + "/../../etc/passwd", "file://otherhost/etc/passwd"):
        with pytest.raises(RefusedURL):
            fetcher.fetch(url)
    try:
        link.symlink_to(outside)
        with pytest.raises(RefusedURL):
            fetcher.fetch(link.as_uri())
    finally:
        link.unlink(missing_ok=True)
