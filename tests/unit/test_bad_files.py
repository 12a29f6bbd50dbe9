"""A corpus of bad project files: each is refused with one clear line and left untouched."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from smready import storage
from smready.domain import OrgKind, Project
from smready.storage import MAX_FILE_BYTES, ProjectFileError, load_project, save_project
from tests.conftest import read_only_folder


def _valid() -> dict[str, Any]:
    project = Project.new("Cafe", OrgKind.SMALL_BUSINESS)
    project.readiness.answers["reason.why"] = "yes"
    return project.model_dump(mode="json")


def _with(change: Callable[[dict[str, Any]], None]) -> bytes:
    data = _valid()
    change(data)
    return json.dumps(data).encode()


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        *parents, last = path.split("/")
        node = data
        for key in parents:
            node = node[key]
        node[last] = value
    return change


GOOD = json.dumps(_valid()).encode()

# name -> (bytes, field expected in the message or None, words expected in the reason)
CORPUS: dict[str, tuple[bytes, str | None, str]] = {
    "empty": (b"", None, "empty"),
    "whitespace": (b"  \n\t ", None, "empty"),
    "truncated": (GOOD[: len(GOOD) // 2], None, "cut short"),
    "not_json": (b"Hello, this is a letter, not a project.\n", None, "invalid JSON"),
    "binary": (bytes(range(256)) * 4, None, "not UTF-8"),
    "invalid_utf8": (GOOD.replace(b'"Cafe"', b'"Caf\xe9"'), None, "not UTF-8"),
    "json_array": (b'[{"schema_version": 1}]', None, "expected a JSON object, found a list"),
    "json_string": (b'"just a string"', None, "found a string"),
    "json_null": (b"null", None, "found null"),
    "nan": (GOOD.replace(b'"schema_version": 1', b'"schema_version": 1, "x": NaN'), None,
            "NaN is not allowed"),
    "infinity": (_with(lambda d: None).replace(b'"goals": []', b'"goals": [Infinity]'), None,
                 "Infinity is not allowed"),
    "deeply_nested_list": (b"[" * 200_000 + b"]" * 200_000, None, "nested too deeply"),
    "deeply_nested_object": (b'{"schema_version": 1, "organization": ' + b'{"a": ' * 5000
                             + b"1" + b"}" * 5001, None, "nested too deeply"),
    "duplicate_key": (b'{"schema_version": 1, "schema_version": 1}', None, "appears twice"),
    "newer_version": (_with(_set("schema_version", 3)), None,
                      "newer smready (file version 3, this app reads up to 1)"),
    "no_version": (_with(lambda d: d.pop("schema_version")), None, "no schema_version"),
    "version_is_text": (_with(_set("schema_version", "1")), "schema_version",
                        "whole number"),
    "negative_version": (_with(_set("schema_version", -1)), "schema_version", "whole number"),
    "wrong_kind": (_with(_set("organization/kind", "corporation")), "organization.kind",
                   "Input should be 'small_business' or 'nonprofit'"),
    "name_is_number": (_with(_set("organization/name", 42)), "organization.name",
                       "valid string"),
    "missing_organization": (_with(lambda d: d.pop("organization")), "organization",
                             "Field required"),
    "extra_key": (_with(_set("surprise", {"x": 1})), "surprise", "Extra inputs"),
    "extra_nested_key": (_with(_set("policy/hr/bonus", True)), "policy.hr.bonus",
                         "Extra inputs"),
    "answer_is_object": (_with(_set("readiness/answers/reason.why", {"a": 1})),
                         "readiness.answers.reason.why", "not a valid answer"),
    "bad_answer_key": (_with(_set("readiness/answers/Why?", "yes")),
                       "readiness.answers.Why?", "not a valid name"),
    "goal_target_text": (_with(_set("goals", [{"goal_type": "leads", "target": "many"}])),
                         "goals[0].target", "valid number"),
    "huge_name": (_with(_set("organization/name", "x" * 10_000)), "organization.name",
                  "at most 200 characters"),
    "too_many_goals": (_with(_set("goals", [{"goal_type": "leads"}] * 51)), "goals",
                       "at most 50 items"),
    "bad_date": (_with(_set("created", "yesterday")), "created", "datetime"),
    "huge_integer": (GOOD.replace(b'"schema_version": 1',
                                  b'"schema_version": 1' + b"0" * 5000), None,
                     "a number in the file is 5001 digits long"),
    "v0_without_org": (b'{"version": 0, "org": 5, "answers": {}}', "org", "not an object"),
    "v0_bad_type": (b'{"version": 0, "org": {"name": "A", "type": "army"}}', "org.type",
                    "unknown organization type"),
}


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("case", sorted(CORPUS))
def test_bad_file_is_refused_with_a_clear_line(tmp_path: Path, case: str) -> None:
    raw, field, reason = CORPUS[case]
    path = tmp_path / f"{case}.smready"
    path.write_bytes(raw)
    before = _sha(path)
    with pytest.raises(ProjectFileError) as err:
        load_project(path)
    message = str(err.value)
    assert "\n" not in message and len(message) < 400, message
    assert message.startswith(f"{path}: "), message
    assert reason in message, message
    if field is not None:
        assert err.value.field == field
        assert f": {field}: " in message, message
    assert _sha(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def test_the_corpus_base_is_itself_valid(tmp_path: Path) -> None:
    path = tmp_path / "good.smready"
    path.write_bytes(GOOD)
    assert load_project(path).organization.name == "Cafe"


def test_fifty_megabyte_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.smready"
    with path.open("wb") as handle:  # sparse: costs no disk and no time
        handle.write(b"{")
        handle.truncate(50 * 1024 * 1024)
    before = path.stat()
    with pytest.raises(ProjectFileError, match=r"huge\.smready: the file is 50\.0 MB, more "
                       r"than the 5 MB"):
        load_project(path)
    assert path.stat().st_size == before.st_size and path.stat().st_mtime == before.st_mtime


def test_just_over_the_limit_is_refused_and_just_under_is_parsed(tmp_path: Path) -> None:
    over = tmp_path / "over.smready"
    over.write_bytes(b" " * (MAX_FILE_BYTES + 1))
    with pytest.raises(ProjectFileError, match="more than the 5 MB"):
        load_project(over)
    padded = tmp_path / "padded.smready"
    padded.write_bytes(GOOD + b" " * (MAX_FILE_BYTES - len(GOOD)))
    assert load_project(padded).organization.name == "Cafe"


def test_missing_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "gone.smready"
    with pytest.raises(ProjectFileError) as err:
        load_project(path)
    assert str(err.value) == f"Cannot read {path}: no such file or folder."


def test_a_folder_is_not_a_project(tmp_path: Path) -> None:
    with pytest.raises(ProjectFileError, match="it is a folder, not a file"):
        load_project(tmp_path)


def test_save_into_an_impossible_folder_fails_cleanly(tmp_path: Path) -> None:
    # A path under a regular file cannot be created, even by root.
    blocker = tmp_path / "file.txt"
    blocker.write_text("not a folder")
    target = blocker / "sub" / "x.smready"
    with pytest.raises(storage.ProjectWriteError) as err:
        save_project(Project.new("Cafe", OrgKind.SMALL_BUSINESS), target)
    assert str(err.value) == (f"Cannot write {target}: part of the path is a file, not a "
                              "folder. Choose another folder.")
    assert blocker.read_text() == "not a folder"


def test_save_into_a_read_only_folder_keeps_the_existing_file(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "cafe.smready"
    save_project(Project.new("Cafe", OrgKind.SMALL_BUSINESS), path)
    before = _sha(path)
    with read_only_folder(folder):
        with pytest.raises(storage.ProjectWriteError, match=r"permission denied\. Choose"):
            save_project(Project.new("Changed", OrgKind.SMALL_BUSINESS), path)
        assert _sha(path) == before
        assert sorted(p.name for p in folder.iterdir()) == ["cafe.smready"]


def test_save_over_a_folder_fails_cleanly(tmp_path: Path) -> None:
    target = tmp_path / "cafe.smready"
    target.mkdir()
    with pytest.raises(storage.ProjectWriteError, match="it is a folder, not a file"):
        save_project(Project.new("Cafe", OrgKind.SMALL_BUSINESS), target)
    assert target.is_dir()
