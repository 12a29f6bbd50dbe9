"""The schema ``smready-cli schema`` publishes agrees with ``smready-cli validate``.

Documents generated from the published schema (hypothesis-jsonschema) are accepted by
``validate``; documents the schema refuses (a generated one, then broken at a random place)
are refused by ``validate`` too, with one line on stderr.
"""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

from smready.cli import main, published_schema

SCHEMA = published_schema()
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6)
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                               max_size=3),
    max_leaves=6)


def validate(document: Any) -> tuple[int, str]:
    """Exit code and stderr of ``smready-cli validate`` on a file holding ``document``."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "generated.smready"
        path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        stderr, stdout = io.StringIO(), io.StringIO()
        with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(stdout):
            code = main(["validate", str(path)])
    return code, stderr.getvalue()


def test_the_schema_requires_what_the_loader_requires() -> None:
    assert "schema_version" in SCHEMA["required"]
    assert not VALIDATOR.is_valid({"organization": {"name": "x", "kind": "nonprofit"}})


@SETTINGS
@given(from_schema(SCHEMA))
def test_documents_generated_from_the_schema_pass_validate(document: dict[str, Any]) -> None:
    code, stderr = validate(document)
    assert code == 0, stderr


def _containers(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Paths to every object and list inside ``value`` (the root included)."""
    found = []
    if isinstance(value, dict):
        found.append(path)
        for key, child in value.items():
            found += _containers(child, (*path, key))
    elif isinstance(value, list):
        found.append(path)
        for index, child in enumerate(value):
            found += _containers(child, (*path, index))
    return found


@st.composite
def broken_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A schema-valid document with one change at a random place: a value replaced by any
    JSON value, a key removed, or an unknown key added."""
    document = draw(from_schema(SCHEMA))
    path = draw(st.sampled_from(_containers(document)))
    container: Any = document
    for step in path:
        container = container[step]
    keys = list(container) if isinstance(container, dict) else list(range(len(container)))
    action = draw(st.sampled_from(["replace", "remove", "add"] if keys else ["add"]))
    if action == "add":
        if isinstance(container, dict):
            container[draw(st.text(min_size=1, max_size=8))] = draw(json_values)
        else:
            container.append(draw(json_values))
    elif action == "remove":
        del container[draw(st.sampled_from(keys))]
    else:
        container[draw(st.sampled_from(keys))] = draw(json_values)
    return document


@pytest.mark.slow
@settings(SETTINGS, max_examples=30)
@given(broken_documents())
def test_documents_the_schema_refuses_are_refused_by_validate(document: dict[str, Any]) -> None:
    if VALIDATOR.is_valid(document):
        return  # the change happened to be allowed (an optional key removed, say)
    code, stderr = validate(document)
    assert code == 1, (VALIDATOR.iter_errors(document).__next__().message, document)
    assert len(stderr.strip().splitlines()) == 1, stderr
