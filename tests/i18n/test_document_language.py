"""The project's document language: en, fi or bn; old files (no field) are English."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from smready.domain import OrgKind, Project, document_language
from smready.i18n import UnknownLanguage
from smready.storage import ProjectFileError, load_project, save_project
from tests.e2e.test_cli import cli


@pytest.mark.parametrize("lang", ["fi", "bn"])
def test_a_project_in_finnish_or_bengali_saves_and_loads(tmp_path: Path, lang: str) -> None:
    project = Project.new("Kahvila", OrgKind.SMALL_BUSINESS)
    project.language = lang  # type: ignore[assignment]
    path = save_project(project, tmp_path / "p.smready")
    assert load_project(path).language == lang
    assert document_language(load_project(path)) == lang


def test_a_file_without_a_language_is_english(tmp_path: Path) -> None:
    data = json.loads(Project.new("Old", OrgKind.NONPROFIT).model_dump_json())
    del data["language"]
    path = tmp_path / "old.smready"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert document_language(load_project(path)) == "en"


def test_an_unknown_language_in_a_file_is_refused_naming_the_field(tmp_path: Path) -> None:
    data = json.loads(Project.new("X", OrgKind.NONPROFIT).model_dump_json())
    data["language"] = "de"
    path = tmp_path / "de.smready"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ProjectFileError) as info:
        load_project(path)
    assert "language" in str(info.value)


def test_an_export_override_wins_and_is_checked() -> None:
    project = Project.new("X", OrgKind.NONPROFIT)
    assert document_language(project, "fi_FI.UTF-8") == "fi"
    assert document_language(project, "bn") == "bn"
    with pytest.raises(UnknownLanguage):
        document_language(project, "de")
    with pytest.raises(UnknownLanguage):
        document_language(project, "en_XA")  # the pseudo-language is for the UI only


def test_cli_new_takes_the_document_language(tmp_path: Path) -> None:
    out = tmp_path / "bank.smready"
    result = cli("new", "--type", "nonprofit", "--name", "খাদ্য ব্যাংক", "--language", "bn",
                 "-o", out)
    assert result.returncode == 0, result.stderr
    assert load_project(out).language == "bn"
    assert cli("new", "--type", "nonprofit", "--name", "X", "--language", "de",
               "-o", tmp_path / "x.smready").returncode == 2


def test_the_published_schema_lists_the_three_languages() -> None:
    from smready.cli import published_schema

    schema = json.dumps(published_schema())
    assert '"fi"' in schema and '"bn"' in schema


