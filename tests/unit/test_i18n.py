"""The catalog machinery: translation objects without global state, catalogs compiled from
.po files, the YAML extractor and the update that keeps translations."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from smready import catalogs, i18n
from smready.i18n import UnknownLanguage, normalize_language, pseudo, translation
from tests.conftest import REPO

FI_PO = """\
msgid ""
msgstr ""
"Language: fi\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

msgid "Contents"
msgstr "Sisällys"

msgid "{n} answer"
msgid_plural "{n} answers"
msgstr[0] "{n} vastaus"
msgstr[1] "{n} vastausta"
"""


def write_catalog(root: Path, lang: str, text: str) -> Path:
    po = root / lang / "LC_MESSAGES" / "smready.po"
    po.parent.mkdir(parents=True)
    po.write_text(text, encoding="utf-8")
    return po


def test_translation_reads_a_po_without_a_compiled_mo(tmp_path: Path) -> None:
    write_catalog(tmp_path, "fi", FI_PO)
    fi = translation("fi_FI.UTF-8", tmp_path)
    assert fi.lang == "fi"
    assert fi("Contents") == "Sisällys"
    assert fi.ngettext("{n} answer", "{n} answers", 1).format(n=1) == "1 vastaus"
    assert fi.ngettext("{n} answer", "{n} answers", 3).format(n=3) == "3 vastausta"
    assert fi("Not in the catalog") == "Not in the catalog"


def test_a_stale_mo_loses_to_its_newer_po(tmp_path: Path) -> None:
    po = write_catalog(tmp_path, "bn", FI_PO.replace("Language: fi", "Language: bn")
                       .replace("Sisällys", "সূচিপত্র"))
    mo = po.with_suffix(".mo")
    old = FI_PO.replace("Language: fi", "Language: bn").replace("Sisällys", "পুরনো")
    from babel.messages.mofile import write_mo

    with mo.open("wb") as handle:
        write_mo(handle, read_po(io.StringIO(old)))
    os.utime(mo, (1, 1))  # compiled long before the .po was edited
    assert translation("bn", tmp_path)("Contents") == "সূচিপত্র"


def test_translation_objects_leave_the_ui_language_alone(tmp_path: Path) -> None:
    write_catalog(tmp_path, "fi", FI_PO)
    before = i18n.current()
    assert translation("fi", tmp_path)("Contents") == "Sisällys"
    assert i18n._("Contents") == "Contents"
    assert i18n.current() is before


def test_ui_language_can_be_set_and_restored() -> None:
    try:
        i18n.set_language("en_XA")
        assert i18n._("Contents") == pseudo("Contents") != "Contents"
        assert i18n.ngettext("{n} day", "{n} days", 2) == pseudo("{n} days")
    finally:
        i18n.set_language("en")
    assert i18n._("Contents") == "Contents"


@pytest.mark.parametrize(("code", "expected"), [
    ("fi", "fi"), ("fi_FI.UTF-8", "fi"), ("bn-BD", "bn"), ("bn_IN", "bn"), ("EN_us", "en"),
    ("en-XA", "en_XA"), ("en_XA", "en_XA"),
])
def test_language_codes_are_normalized(code: str, expected: str) -> None:
    assert normalize_language(code) == expected


def test_unknown_language_is_one_clear_line() -> None:
    with pytest.raises(UnknownLanguage) as info:
        translation("de_DE")
    assert str(info.value) == "unknown language 'de_DE'; smready has: en, fi, bn, en_XA"
    assert i18n.best_language(["de_DE", "bn_BD", "fi"]) == "bn"
    assert i18n.best_language(["sv"]) == "en"


def test_the_shipped_catalogs_load() -> None:
    for lang in ("fi", "bn"):
        assert translation(lang).lang == lang


def test_pseudo_keeps_placeholders_markup_and_shortcuts() -> None:
    fake = pseudo("&Save {name} as <b>%(kind)s</b> &amp; close")
    assert fake.startswith("⟦&S") and fake.endswith("⟧")
    for kept in ("{name}", "<b>", "%(kind)s", "</b>", "&amp;"):
        assert kept in fake
    assert "Save" not in fake and "close" not in fake
    assert pseudo("") == ""


def test_yaml_extractor_takes_what_people_read_and_skips_ids() -> None:
    with (REPO / "resources" / "checklist.yaml").open("rb") as handle:
        found = {text: comments[0] for _, _, text, comments in
                 catalogs.extract_yaml(handle, None, [], {})}
    assert found["A clear reason to be there"] == "points[reason].title"
    assert found["Can you say in one sentence what you want social media to do for you?"] \
        == "points[reason].questions[reason.why].text"
    assert "Getting there" in found
    # Folded blocks are joined exactly as the loader sees them.
    assert any(t.startswith("Joining because everyone else is there") and "\n" not in t
               for t in found)
    for machine in ("reason.why", "choice", "getting_there", "platforms", "yes"):
        assert machine not in found


def test_update_keeps_translations_and_compile_feeds_translation(tmp_path: Path) -> None:
    shutil.copy(REPO / "babel.cfg", tmp_path / "babel.cfg")
    (tmp_path / "smready").mkdir()
    (tmp_path / "policy_templates").mkdir()
    (tmp_path / "resources").mkdir()
    code = tmp_path / "smready" / "x.py"
    code.write_text('from smready.i18n import _, ngettext\n_("Contents")\n'
                    'ngettext("{n} answer", "{n} answers", 2)\n', encoding="utf-8")
    (tmp_path / "policy_templates" / "t.html").write_text('<h1>{{ _("Signed") }}</h1>\n',
                                                          encoding="utf-8")
    (tmp_path / "resources" / "c.yaml").write_text(
        "points:\n  - id: reason\n    title: A clear reason\n", encoding="utf-8")

    catalogs.update(tmp_path)
    pot = catalogs.locale_dir(tmp_path) / "smready.pot"
    with pot.open("rb") as handle:
        ids = {m.id for m in read_po(handle) if m.id}
    assert ids == {"Contents", ("{n} answer", "{n} answers"), "Signed", "A clear reason"}

    fi_po = catalogs.po_path("fi", tmp_path)
    fi_po.write_text(fi_po.read_text(encoding="utf-8").replace(
        'msgid "Contents"\nmsgstr ""', 'msgid "Contents"\nmsgstr "Sisällys"'), encoding="utf-8")
    code.write_text(code.read_text(encoding="utf-8") + '_("Policy")\n', encoding="utf-8")
    catalogs.update(tmp_path)
    assert 'msgid "Policy"' in fi_po.read_text(encoding="utf-8")
    assert 'msgstr "Sisällys"' in fi_po.read_text(encoding="utf-8")
    assert catalogs.missing_from_template(tmp_path) == []

    mos = catalogs.compile_all(tmp_path)
    assert {m.parent.parent.name for m in mos} == {"fi", "bn"}
    assert translation("fi", catalogs.locale_dir(tmp_path))("Contents") == "Sisällys"


def test_yaml_extractor_skips_identifier_values_under_unknown_keys() -> None:
    source = (b"rules:\n  - id: r1\n    applies_to: small_business\n    severity: high\n"
              b"    message: Name one person who answers comments.\n    weight: 3\n")
    found = [text for _, _, text, _ in catalogs.extract_yaml(io.BytesIO(source), None, [], {})]
    assert found == ["Name one person who answers comments."]


def test_yaml_extractor_skips_conditions_patterns_and_test_examples() -> None:
    source = (b"rules:\n  - id: pay\n    title: A ban on discussing pay\n"
              b"    patterns:\n      - \\\\b(pay|wages?)\\\\b\n"
              b"    examples:\n      flag: [Never discuss pay.]\n      pass: [Be kind.]\n"
              b"    when: {country: [FI], need: [policy.hr.x]}\n")
    found = [text for _, _, text, _ in catalogs.extract_yaml(io.BytesIO(source), None, [], {})]
    assert found == ["A ban on discussing pay"]
