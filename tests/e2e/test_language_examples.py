"""The Finnish and the Bengali example, exported as their readers get them: the policy, the
readiness report and the acknowledgement sheet in the project's language with no English
sentence left in them (read back with pdftotext), Bengali sentences ending with the daari,
the clauses of their country, and ``smready-cli check`` saying the policy is complete."""

from __future__ import annotations

import html
import json
import re
import zipfile
from pathlib import Path

import pytest

from smready.domain import Project
from smready.rendering import DocKind, Format, export_document
from tests.conftest import EXAMPLES
from tests.e2e.test_cli import cli
from tests.e2e.test_documents import pdf_text

IN_THEIR_LANGUAGE = {"kahvila-leipomo-vehna": "fi", "shikhon-setu-foundation": "bn"}
DOCS: tuple[DocKind, ...] = ("policy", "report", "acknowledgement")
TITLES = {
    ("fi", "policy"): "Sosiaalisen median ohje",
    ("bn", "policy"): "সোশ্যাল মিডিয়া নীতিমালা",
    ("fi", "report"): "valmiusraportti",
    ("bn", "report"): "প্রস্তুতি-প্রতিবেদন",
}

# Words no English sentence does without and that are not words of Finnish (nor, in Latin
# letters, of Bengali): "on", "me", "no", "a" are left out on purpose. Names, brands and
# addresses a user typed (Meta Business Suite, farhana@…) contain none of them.
_ENGLISH = """
the and of with this that these those we our you your they their for from by or it its be
are was were will would can may must should has have not when what who which how after
before about than sooner month months week weeks quarter year hours volunteer volunteers
contractor board member people named policy order measure contacts plan needs takes effect
change laws platforms team decided yet ask
"""
ENGLISH_WORDS = frozenset(_ENGLISH.split())


def english_in(text: str) -> list[str]:
    """Each English word in ``text``, with the words around it (e-mail and web addresses are
    left out)."""
    text = re.sub(r"\S+@\S+|https?://\S+", " ", text)
    return [text[max(0, m.start() - 40):m.end() + 40]
            for m in re.finditer(r"[^\W\d_]+", text) if m.group().lower() in ENGLISH_WORDS]


def test_the_english_finder_finds_english_and_only_english() -> None:
    assert english_in("Raportointiväli: Month. Vastaanottaja: Anu Kallio.")
    assert english_in("Other people named in this policy:")
    assert english_in("by ১ নভেম্বর, ২০২৭ (১২ months after it takes effect)")
    assert english_in("মাসে প্রয়োজনীয় ঘণ্টা: Your plan needs about ৩৪ hours a month")
    assert english_in("Työkalut. Meta Business Suite julkaisujen ajastamiseen ja Canva.") == []
    assert english_in("Julkaisujemme pitää palvella näitä tavoitteita.") == []  # not "it"
    assert english_in("Kysymykset: Jenni Laaksonen neuvoo aina, kun et ole varma, mitä "
                      "julkaista; se on meille tärkeää, ei no-show.") == []
    assert english_in("যোগাযোগ: farhana@shikhonsetu.org.bd, https://shikhonsetu.org.bd, "
                      "Facebook ও YouTube, @shikhonsetu।") == []


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], str]:
    out = tmp_path_factory.mktemp("in-their-language")
    texts = {}
    for name in IN_THEIR_LANGUAGE:
        project = Project.model_validate_json((EXAMPLES / f"{name}.smready").read_text("utf-8"))
        for doc in DOCS:
            pdf = export_document(project, doc, "pdf", out / f"{name}-{doc}.pdf")
            texts[name, doc] = pdf_text(pdf)
    return texts


@pytest.mark.parametrize("doc", DOCS)
@pytest.mark.parametrize("name", sorted(IN_THEIR_LANGUAGE))
def test_documents_are_in_the_project_language_with_no_english_sentence(
        documents: dict[tuple[str, str], str], name: str, doc: DocKind) -> None:
    lang = IN_THEIR_LANGUAGE[name]
    project = Project.model_validate_json((EXAMPLES / f"{name}.smready").read_text("utf-8"))
    assert project.language == lang
    text = documents[name, doc]
    assert project.organization.name in text
    if (lang, doc) in TITLES:
        assert TITLES[lang, doc] in text
    assert english_in(text) == []


@pytest.mark.parametrize("fmt", ["docx", "html"])
@pytest.mark.parametrize("name", sorted(IN_THEIR_LANGUAGE))
def test_the_editable_policy_is_in_the_project_language_too(tmp_path: Path, name: str,
                                                            fmt: Format) -> None:
    project = Project.model_validate_json((EXAMPLES / f"{name}.smready").read_text("utf-8"))
    out = export_document(project, "policy", fmt, tmp_path / f"policy.{fmt}")
    if fmt == "docx":
        xml = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
        text = " ".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))
    else:
        page = out.read_text(encoding="utf-8")
        body = re.sub(r"(?s)<(style|script)\b.*?</\1>", " ", page)
        text = html.unescape(re.sub(r"<[^>]+>", " ", body))
    assert TITLES[IN_THEIR_LANGUAGE[name], "policy"] in text
    assert english_in(text) == []


@pytest.mark.parametrize("doc", DOCS)
def test_bengali_sentences_end_with_the_daari(documents: dict[tuple[str, str], str],
                                              doc: str) -> None:
    text = documents["shikhon-setu-foundation", doc]
    assert "।" in text
    # A Bengali word followed by a Latin full stop: a sentence the code ended in English
    # (not a section number such as "১.", nor the dots of the table of contents).
    found = [text[max(0, m.start() - 40):m.end() + 10]
             for m in re.finditer(r"[\u0980-\u09E5\u09F0-\u09FF]\.(?![\w.])", text)]
    assert found == []


def test_the_bengali_ngo_policy_has_its_countrys_clauses(
        documents: dict[tuple[str, str], str]) -> None:
    text = documents["shikhon-setu-foundation", "policy"]
    assert "এনজিও বিষয়ক ব্যুরোতে নিবন্ধিত" in text  # registered with the NGO Affairs Bureau
    assert "শিশু আদালতে বিচারাধীন মামলায় জড়িত" in text  # Children Act: Children's Court cases
    assert "ধর্মীয় বিদ্বেষ উসকে দেওয়া পোস্ট" in text  # posts inciting religious hatred
    assert "ব্যক্তিগত তথ্য নিয়ে বাংলাদেশের আইন" in text  # consent first, check the law


def test_the_report_names_the_goals_networks_not_their_ids(
        documents: dict[tuple[str, str], str]) -> None:
    """The goals page stores a network picked from its list by id; print its name."""
    bakery = documents["kahvila-leipomo-vehna", "report"]
    assert re.search(r"Google Yritysprofiili\W+Google Yritysprofiilin arvostelujen", bakery)
    assert re.search(r"Instagram\W+Instagramin kautta", bakery)
    ngo = documents["shikhon-setu-foundation", "report"]
    assert re.search(r"Facebook\W+Facebook", ngo)  # network, then the figure
    assert re.search(r"YouTube\W+YouTube", ngo)
    for text in (bakery, ngo):
        assert not re.search(r"\b(google_business|facebook|instagram|youtube)\b", text)


@pytest.mark.parametrize("name", sorted(IN_THEIR_LANGUAGE))
def test_check_says_the_policy_is_complete(name: str) -> None:
    result = cli("check", EXAMPLES / f"{name}.smready", "--json")
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert report["complete"] is True and report["open"] == []


def test_the_examples_are_listed_on_the_start_page() -> None:
    from smready.ui.pages.start import example_files

    names = {path.stem: name for path, name in example_files()}
    assert names["kahvila-leipomo-vehna"] == "Kahvila-leipomo Vehnä"
    assert names["shikhon-setu-foundation"] == "শিখন সেতু ফাউন্ডেশন"


def test_the_documents_use_the_examples_own_language_not_the_interface(
        tmp_path: Path) -> None:
    """The same export from the command line, whatever language the CLI speaks."""
    out = tmp_path / "policy.pdf"
    result = cli("--lang", "en", "export", EXAMPLES / "kahvila-leipomo-vehna.smready",
                 "--doc", "policy", "--format", "pdf", "-o", out)
    assert result.returncode == 0, result.stderr
    assert "Sosiaalisen median ohje" in pdf_text(out)
