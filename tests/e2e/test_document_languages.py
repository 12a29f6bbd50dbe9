"""Finnish and Bengali documents of every example, read back from the PDF as a reader gets
them: no English sentence left, headings in the document's language, dates and money written
the locale's way; a Bengali name, spokesperson and clause copied back as typed; the command
line's ``--lang`` and ``export --language``.

Each example's policy, report and acknowledgement sheet is rendered once per language for the
whole module. The catalogs under test are ``resources/locale`` (or ``$SMREADY_LOCALE_DIR``).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po

from smready.domain import Project, Spokesperson
from smready.formatting import formats
from smready.i18n import translation
from smready.money import currency_for
from smready.rendering.documents import build_document
from smready.rendering.model import DocKind
from smready.rendering.pdf import pdf_bytes
from smready.scoring import score
from smready.storage import load_project
from tests.conftest import EXAMPLES, REPO

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.smready"))
LANGS = ("fi", "bn")
DOCS: tuple[DocKind, ...] = ("policy", "report", "acknowledgement")
ENGLISH_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December")
#: Placeholders, printf conversions, markup and entities split a source string into the runs
#: of English our own text is made of.
_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%(?:\([^)]+\))?[sd]|<[^<>]+>|&\w+;")


def read_back(data: bytes, tmp_path: Path) -> str:
    """pdftotext in content order, NFC, every run of whitespace (no-break too) one space."""
    pdf = tmp_path / "doc.pdf"
    pdf.write_bytes(data)
    out = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"], check=True,
                         capture_output=True, text=True).stdout
    return flat(out)


def flat(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).replace("\u00a0", " ").split())


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str, str], str]:
    """(example, language, document) -> the PDF's text, each rendered once."""
    folder = tmp_path_factory.mktemp("languages")
    out = {}
    for path in EXAMPLE_FILES:
        project = load_project(path)
        for lang in LANGS:
            for doc in DOCS:
                data = pdf_bytes(project, doc, t=translation(lang))
                out[(path.stem, lang, doc)] = read_back(data, folder)
    return out


def _user_strings(value: Any) -> list[str]:
    """Everything the user typed into a project (names, notes, rules...)."""
    if isinstance(value, str):
        return [flat(value)] if value.strip() else []
    if isinstance(value, dict):
        return [s for item in value.values() for s in _user_strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _user_strings(item)]
    return []


def english_sentences() -> list[str]:
    """Every run of four words or more in the English source strings (.pot)."""
    with (REPO / "resources" / "locale" / "smready.pot").open("rb") as handle:
        template = read_po(handle)
    runs: set[str] = set()
    for message in template:
        for source in (message.id if isinstance(message.id, tuple) else (message.id,)):
            for run in _PLACEHOLDER.split(source or ""):
                run = " ".join(run.split()).strip(" .,:;—–-()")
                if len(run.split()) >= 4:
                    runs.add(run)
    return sorted(runs)


@pytest.mark.parametrize("lang", LANGS)
def test_no_english_sentence_is_left(documents: dict[tuple[str, str, str], str],
                                     lang: str) -> None:
    runs = english_sentences()
    left: dict[str, list[str]] = {}
    for path in EXAMPLE_FILES:
        typed = _user_strings(json.loads(path.read_text(encoding="utf-8")))
        for doc in DOCS:
            text = documents[(path.stem, lang, doc)]
            found = [run for run in runs if run in text
                     and not any(run in value for value in typed)]  # the user's own words
            if found:
                left[f"{path.stem} {doc}"] = found[:5]
    assert left == {}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("doc", DOCS)
def test_headings_are_in_the_document_language(documents: dict[tuple[str, str, str], str],
                                               lang: str, doc: DocKind) -> None:
    t = translation(lang)
    for path in EXAMPLE_FILES:
        project = load_project(path)
        here = build_document(project, doc, t)
        english = build_document(project, doc, translation("en"))
        text = documents[(path.stem, lang, doc)]
        assert here.title == t(english.title) != english.title
        assert here.title in text and english.title not in text
        assert len(here.sections) == len(english.sections)
        for ours, theirs in zip(here.sections, english.sections, strict=True):
            assert ours.title != theirs.title, (path.stem, ours.title)
            # The heading is printed whole (a heading may wrap, and pdftotext keeps the
            # words in order).
            assert flat(ours.title) in text, (path.stem, ours.title)


@pytest.mark.parametrize("lang", LANGS)
def test_dates_are_written_the_locales_way(documents: dict[tuple[str, str, str], str],
                                           lang: str) -> None:
    for path in EXAMPLE_FILES:
        project = load_project(path)
        fmt = formats(lang, project.organization.country)
        effective = project.policy.review.effective_date
        assert effective is not None
        policy = documents[(path.stem, lang, "policy")]
        report = documents[(path.stem, lang, "report")]
        assert flat(fmt.date(effective)) in policy
        assert flat(fmt.date(dt.date.today())) in report
        typed = sorted(_user_strings(json.loads(path.read_text(encoding="utf-8"))),
                       key=len, reverse=True)
        for text in (policy, report):
            for value in typed:  # "by the end of May" in the user's own goal stays
                text = text.replace(value, " ")
            months = [m for m in ENGLISH_MONTHS if re.search(rf"\b{m}\b", text)]
            assert months == [], path.stem
    # What the formats are, spelt out once: Finnish "1. marraskuuta 2026", Bengali with
    # Bengali digits.
    assert formats("fi").date(dt.date(2026, 11, 1)) == "1. marraskuuta 2026"
    assert formats("bn").date(dt.date(2026, 11, 1)) == "১ নভেম্বর, ২০২৬"


@pytest.mark.parametrize("lang", LANGS)
def test_money_and_scores_are_written_the_locales_way(
        documents: dict[tuple[str, str, str], str], lang: str) -> None:
    t = translation(lang)
    checked = 0
    for path in EXAMPLE_FILES:
        project = load_project(path)
        country = project.organization.country
        fmt = formats(lang, country)
        result = score(project, lang=lang)
        report = documents[(path.stem, lang, "report")]
        assert flat(t("{score} of 100").format(score=fmt.integer(round(result.overall)))) in (
            report)
        tier = result.resources.tier
        if tier is None:
            continue
        currency = currency_for(country)
        assert flat(tier.cost_text) in report
        if lang == "bn":
            assert not re.search(r"[0-9]", tier.cost_text), tier.cost_text
        if currency == "EUR" and lang == "fi":
            # "860–1 300 € kuukaudessa": one range, the symbol after it.
            assert re.search(r"\d–\d[\d\u00a0 ]*\u00a0€", tier.cost_text), tier.cost_text
        checked += 1
    assert checked >= 3


def test_finnish_range_has_its_currency_once() -> None:
    assert formats("fi", "FI").money_range(2000, 3000, "EUR") == "2\u00a0000–3\u00a0000\u00a0€"


# --- Bengali typed in, Bengali read back -----------------------------------------------------

ORG = "ঢাকা স্বেচ্ছাসেবক খাদ্য ব্যাংক"
SPOKESPERSON = "মোহাম্মদ রফিকুল ইসলাম"
ROLE = "মুখপাত্র"
CLAUSE = "শ্রাবন্তী চক্রবর্তী সব পোস্ট প্রকাশের আগে অনুমোদন করেন।"


def test_a_bengali_policy_reads_back_as_typed_and_as_the_catalog_wrote_it(
        tmp_path: Path) -> None:
    project = load_project(EXAMPLES / "harbour-food-bank.smready")
    project.language = "bn"
    project.organization.name = ORG
    project.policy.spokespeople = [Spokesperson(name=SPOKESPERSON, role=ROLE),
                                   *project.policy.spokespeople]
    project.policy.hr.extra_rules = CLAUSE
    text = read_back(pdf_bytes(project, "policy"), tmp_path)  # the project's own language
    assert ORG in text
    assert f"{SPOKESPERSON} {ROLE}" in text
    assert CLAUSE in text
    # Our clauses as the Bengali catalog and glossary wrote them, word for word.
    document = build_document(project, "policy")
    assert document.lang == "bn"
    clauses = [block.text for section in document.sections[:4]
               for block in section.blocks if type(block).__name__ == "Text"
               and block.text and not block.text.isascii()]
    assert len(clauses) >= 4
    for clause in clauses:
        assert flat(clause) in text, clause


def test_bengali_user_text_ends_with_a_daari_not_a_full_stop() -> None:
    project = load_project(EXAMPLES / "cafe-aurora.smready")
    project.language = "bn"
    project.policy.hr.extra_rules = "সব পোস্ট প্রকাশের আগে অনুমোদন লাগবে"
    texts = [b.text for s in build_document(project, "policy").sections for b in s.blocks
             if type(b).__name__ == "Text"]
    assert "সব পোস্ট প্রকাশের আগে অনুমোদন লাগবে।" in texts


# --- the command line ------------------------------------------------------------------


def cli(*args: str | Path, env: dict[str, str] | None = None
        ) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items()
               if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    environ.update({"PYTHONIOENCODING": "utf-8", **(env or {})})
    return subprocess.run([sys.executable, "-m", "smready.cli", *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8", timeout=180,
                          env=environ)


def test_lang_fi_score_json_gives_finnish_titles_levels_and_advice() -> None:
    path = EXAMPLES / "cafe-aurora.smready"
    english = json.loads(cli("score", path, "--json").stdout)
    result = cli("--lang", "fi", "score", path, "--json")
    assert result.returncode == 0, result.stderr
    finnish = json.loads(result.stdout)
    t = translation("fi")
    for ours, theirs in zip(finnish["points"], english["points"], strict=True):
        assert ours["title"] == t(theirs["title"]) != theirs["title"]
    assert finnish["level_name"] == t(english["level_name"]) != english["level_name"]
    assert finnish["recommendations"] and all(
        ours["text"] != theirs["text"] for ours, theirs in
        zip(finnish["recommendations"], english["recommendations"], strict=True))
    assert finnish["overall"] == english["overall"]  # numbers stay numbers in JSON


def test_the_environment_chooses_the_cli_language_and_lang_overrides_it() -> None:
    path = EXAMPLES / "cafe-aurora.smready"
    title = translation("fi")("A clear reason to be there")
    assert title in cli("score", path, env={"LANG": "fi_FI.UTF-8"}).stdout
    assert title in cli("score", path, env={"LANGUAGE": "de:fi", "LANG": "C.UTF-8"}).stdout
    assert "A clear reason to be there" in cli("score", path,
                                                env={"LANG": "de_DE.UTF-8"}).stdout
    bengali = cli("--lang", "bn", "score", path, env={"LANG": "fi_FI.UTF-8"}).stdout
    assert translation("bn")("A clear reason to be there") in bengali
    bad = cli("--lang", "xx", "score", path)
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1
    assert "xx" in bad.stderr and "Traceback" not in bad.stderr


def test_export_language_bn_writes_a_bengali_pdf_of_an_english_project(
        tmp_path: Path) -> None:
    source = EXAMPLES / "cafe-aurora.smready"
    assert load_project(source).language == "en"
    out = tmp_path / "policy.pdf"
    result = cli("export", source, "--doc", "policy", "--format", "pdf", "-o", out,
                 "--language", "bn")
    assert result.returncode == 0, result.stderr
    text = read_back(out.read_bytes(), tmp_path)
    title = translation("bn")("Social media policy")
    assert title in text and "Social media policy" not in text
    assert "Purpose and scope" not in text
    # The project file is untouched: the override is for this export only.
    assert load_project(source).language == "en"
    unknown = cli("export", source, "--doc", "policy", "--format", "pdf", "-o", out,
                  "--language", "de")
    assert unknown.returncode == 2


def test_a_project_in_finnish_exports_in_finnish_from_an_english_cli(tmp_path: Path) -> None:
    project: Project = load_project(EXAMPLES / "cafe-aurora.smready")
    project.language = "fi"
    from smready.storage import save_project

    source = save_project(project, tmp_path / "fi.smready")
    out = tmp_path / "report.pdf"
    result = cli("--lang", "en", "export", source, "--doc", "report", "--format", "pdf",
                 "-o", out)
    assert result.returncode == 0 and result.stdout.startswith("Wrote")  # English messages
    text = read_back(out.read_bytes(), tmp_path)
    assert translation("fi")("Social media readiness report") in text


def test_lang_fi_check_json_lists_the_open_items_in_finnish(tmp_path: Path) -> None:
    from smready.storage import save_project

    project = load_project(EXAMPLES / "cafe-aurora.smready")
    project.policy.review.approver = ""
    source = save_project(project, tmp_path / "open.smready")
    english = json.loads(cli("check", source, "--json").stdout)
    finnish = json.loads(cli("--lang", "fi", "check", source, "--json").stdout)
    assert english["open"] and len(finnish["open"]) == len(english["open"])
    for ours, theirs in zip(finnish["open"], english["open"], strict=True):
        assert (ours["section"], ours["field"]) == (theirs["section"], theirs["field"])
        assert ours["message"] != theirs["message"]
