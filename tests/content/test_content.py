"""Every entry of every content file, checked the way a careful editor would."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from smready import content
from smready.content import (
    ContentError,
    goal_type_info,
    load_checklist,
    load_goal_types,
    load_labels,
    load_platforms,
    load_tiers,
    platform_name,
    task_label,
)
from smready.domain import GoalType, QuestionKind, TaskKind
from smready.paths import resource

PLACEHOLDER = re.compile(r"\b(todo|tbd|fixme|xxx|lorem|ipsum|placeholder)\b", re.IGNORECASE)
SENTENCE_END = (".", "?", "!")


def _strings(node: Any) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return []


def _sentence(text: str, where: str, min_len: int = 20) -> None:
    assert len(text.strip()) >= min_len, f"{where}: too short: {text!r}"
    assert text.rstrip().endswith(SENTENCE_END), f"{where}: should end a sentence: {text!r}"
    assert text == text.strip(), f"{where}: stray whitespace"


def test_every_content_entry() -> None:
    checklist = load_checklist()
    platforms = load_platforms()
    platform_ids = {p.id for p in platforms}

    # The six points of the brief, in order, with 3-5 mixed questions each.
    assert [p.id for p in checklist.points] == [
        "reason", "sites", "resources", "pipeline", "policy", "measurement"]
    assert [p.number for p in checklist.points] == [1, 2, 3, 4, 5, 6]
    kinds_used: set[QuestionKind] = set()
    for point in checklist.points:
        assert 3 <= len(point.questions) <= 5, point.id
        assert point.title[0].isupper() and not point.title.endswith(".")
        _sentence(point.summary, f"{point.id}.summary")
        _sentence(point.why, f"{point.id}.why", min_len=120)
        for q in point.questions:
            where = q.id
            kinds_used.add(q.kind)
            assert q.id.startswith(point.id + "."), where
            assert q.text.endswith("?"), f"{where}: a question should be a question"
            assert re.search(r"\b(you|your)\b", q.text, re.IGNORECASE), (
                f"{where}: questions speak to the user in the second person")
            _sentence(q.help, f"{where}.help")
            _sentence(q.advice, f"{where}.advice", min_len=40)
            if q.kind is QuestionKind.CHOICE:
                scores = [o.score for o in q.options]
                assert max(scores) == 1, f"{where}: full marks must be reachable"
                assert min(scores) < checklist.weak_below, f"{where}: no weak option"
                for o in q.options:
                    assert o.label[0].isupper(), f"{where}.{o.id}: label"
                    if o.advice is not None:
                        assert o.score < checklist.weak_below, f"{where}.{o.id}: advice unused"
                        _sentence(o.advice, f"{where}.{o.id}.advice", min_len=40)
            if q.kind is QuestionKind.MULTI:
                assert {o.id for o in q.options} <= platform_ids, where
                assert q.ideal_min is not None and q.ideal_max is not None
                assert 1 <= q.ideal_min <= q.ideal_max < len(q.options)
            if q.kind is QuestionKind.NUMBER:
                assert q.unit and q.zero_at is not None and q.full_at is not None
                assert q.full_at > q.zero_at, f"{where}: more should never score less"
    assert kinds_used == set(QuestionKind), "every kind of question is used"

    # The ids other modules code against (docs/architecture.md).
    prefills = {
        "platforms": ("sites.platforms", QuestionKind.MULTI),
        "point_person": ("resources.point_person", QuestionKind.TEXT),
        "posts_per_month": ("resources.posts_per_month", QuestionKind.NUMBER),
        "hours_per_week": ("resources.hours_per_week", QuestionKind.NUMBER),
    }
    for key, (qid, kind) in prefills.items():
        prefilled = checklist.prefill_question(key)
        assert prefilled is not None and (prefilled.id, prefilled.kind) == (qid, kind)
    written = checklist.question("policy.written")
    assert written.satisfied_by_policy and {"yes", "no"} <= {o.id for o in written.options}
    assert [q.id for p in checklist.points for q in p.questions if q.satisfied_by_policy] == [
        "policy.written"]

    # Levels and the brief's two caps.
    assert [lv.id for lv in checklist.levels] == [
        "not_yet", "getting_started", "getting_there", "ready"]
    for lv in checklist.levels:
        _sentence(lv.meaning, f"levels.{lv.id}")
    assert {(c.question, c.max_level) for c in checklist.caps} == {
        ("policy.written", "getting_there"), ("reason.why", "getting_there")}
    for cap in checklist.caps:
        _sentence(cap.reason, f"caps.{cap.question}")
        no = next(o for o in checklist.question(cap.question).options if o.id == "no")
        assert no.score < cap.below, "answering 'no' must trigger the cap"

    # Goals: exactly the nine types, each with metrics and a SMART example.
    goals = load_goal_types()
    assert [g.id for g in goals] == [g.value for g in GoalType]
    for g in goals:
        _sentence(g.description, f"goals.{g.id}.description")
        _sentence(g.example, f"goals.{g.id}.example")
        assert re.search(r"\d", g.example), f"goals.{g.id}: a SMART example has a number"
        assert len(g.metrics) >= 2 and all(m.strip() for m in g.metrics)
        assert goal_type_info(GoalType(g.id)) == g

    # Platforms.
    assert len(platform_ids) == len(platforms) >= 8
    assert {"facebook", "instagram", "tiktok", "linkedin", "google_business"} <= platform_ids
    for p in platforms:
        _sentence(p.audience, f"platforms.{p.id}.audience")
        _sentence(p.typical_use, f"platforms.{p.id}.typical_use")
        assert platform_name(p.id) == p.name
    assert platform_name("mastodon") == "mastodon"

    # The three service tiers of the brief.
    tiers = {t.id: t for t in load_tiers()}
    assert list(tiers) == ["light", "mid", "full"]
    assert (tiers["light"].platforms_max, tiers["light"].posts_min, tiers["light"].posts_max,
            tiers["light"].cost_min, tiers["light"].cost_max) == (2, 15, 20, 1000, 1500)
    assert (tiers["mid"].platforms_max, tiers["mid"].posts_min, tiers["mid"].posts_max,
            tiers["mid"].cost_min, tiers["mid"].cost_max) == (3, 25, 30, 2000, 3000)
    assert (tiers["full"].platforms_max, tiers["full"].posts_min, tiers["full"].posts_max,
            tiers["full"].cost_min, tiers["full"].cost_max) == (4, 35, None, 3500, None)
    assert "Reputation management" in tiers["full"].includes

    # Task labels.
    labels = load_labels()
    assert set(labels) == {t.value for t in TaskKind}
    assert task_label(TaskKind.ANSWERING) == "Answering comments and messages"

    # No placeholder text anywhere, in any file.
    for name in ("checklist.yaml", "goals.yaml", "platforms.yaml", "tiers.yaml", "labels.yaml"):
        data = yaml.safe_load(resource(name).read_text(encoding="utf-8"))
        for text in _strings(data):
            assert not PLACEHOLDER.search(text), f"{name}: placeholder text {text!r}"


def _broken_copy(tmp_path: Path, name: str, old: str, new: str) -> Path:
    text = resource(name).read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not found in {name}"
    target = tmp_path / name
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


@pytest.mark.parametrize(
    ("name", "old", "new", "key", "reason"),
    [
        ("checklist.yaml", "        kind: choice\n        weight: 3\n",
         "        kind: choice\n        wieght: 3\n",
         "points[reason].questions[reason.why]", "Field required"),
        ("checklist.yaml", "        weight: 2\n        options:\n",
         "        weight: heavy\n        options:\n",
         "points[reason].questions[reason.goals].weight", "valid number"),
        ("checklist.yaml", "        options_from: platforms\n",
         "        options_from: networks\n",
         "points[sites].questions[sites.platforms].options_from", "unknown source"),
        ("checklist.yaml", "    max_level: getting_there\n", "    max_level: perfect\n",
         "(top level)", "unknown level perfect"),
        ("checklist.yaml", "weak_below: 0.67", "weak_below: [0.67", "line", "not valid YAML"),
        ("platforms.yaml", "minutes_per_post: 30", "minutes_per_post: -5",
         "platforms[facebook].minutes_per_post", "greater than 0"),
        ("goals.yaml", "  - id: recruiting\n", "  - id: hiring\n",
         "goals[hiring].id", "not a known goal type"),
        ("tiers.yaml", "    cost_min: 1000\n", "    cost_min: cheap\n",
         "tiers[light].cost_min", "valid integer"),
        ("labels.yaml", "  crisis: Leading in a crisis\n", "", "tasks.crisis", "missing"),
    ],
)
def test_malformed_content_names_file_key_and_reason(
    tmp_path: Path, name: str, old: str, new: str, key: str, reason: str
) -> None:
    broken = _broken_copy(tmp_path, name, old, new)
    loader = {
        "checklist.yaml": content.load_checklist,
        "platforms.yaml": content.load_platforms,
        "goals.yaml": content.load_goal_types,
        "tiers.yaml": content.load_tiers,
        "labels.yaml": content.load_labels,
    }[name]
    with pytest.raises(ContentError) as caught:
        loader(broken)
    message = str(caught.value)
    assert message.startswith(f"{name}: ")
    assert key in message
    assert reason in message


def test_multi_options_must_be_known_platforms(tmp_path: Path) -> None:
    platforms = tmp_path / "platforms.yaml"
    text = resource("platforms.yaml").read_text(encoding="utf-8")
    platforms.write_text(text, encoding="utf-8")
    checklist = _broken_copy(
        tmp_path, "checklist.yaml", "        options_from: platforms\n",
        "        options:\n"
        "          - {id: facebook, label: Facebook, score: 1}\n"
        "          - {id: myspace, label: MySpace, score: 1}\n")
    with pytest.raises(ContentError, match=r"options\[myspace\]: is not a platform id"):
        load_checklist(checklist, platforms)


def test_missing_file_is_a_content_error(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match=r"tiers\.yaml: .*cannot read"):
        load_tiers(tmp_path / "tiers.yaml")


def test_shipped_resources_are_the_cached_defaults(tmp_path: Path) -> None:
    copy = tmp_path / "checklist.yaml"
    shutil.copy(resource("checklist.yaml"), copy)
    assert load_checklist(copy) == load_checklist()
    assert load_checklist() is load_checklist()
