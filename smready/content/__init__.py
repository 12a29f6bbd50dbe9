"""The content bank: ``resources/*.yaml`` validated into domain models.

Every loader fails loudly with :class:`ContentError` naming the file, the key and the reason,
so a typo in the question bank stops the app at start-up instead of showing a blank page.
Loaders are cached; pass ``path`` to load another copy of a file (the tests do).

Every loader takes ``lang``: the content comes back in that language, each string people
read looked up in the language's catalog (the same strings ``make i18n`` extracts, see
``content.translated``), cached per language. Documents pass their own language; without
``lang`` the loaders use the UI language (``smready.i18n.current``), for the window.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from smready.content.translated import translate_tree
from smready.domain import (
    Checklist,
    GoalType,
    GoalTypeInfo,
    PlatformProfile,
    QuestionKind,
    ServiceTier,
    TaskKind,
    TierPrices,
)
from smready.paths import resource
from smready.yamlfile import safe_load

__all__ = [
    "ContentError",
    "goal_type_info",
    "goal_types_for",
    "load_checklist",
    "load_goal_types",
    "load_labels",
    "load_platforms",
    "load_tier_prices",
    "load_tiers",
    "platform_name",
    "task_label",
]

_M = TypeVar("_M", bound=BaseModel)


class ContentError(Exception):
    """A content file is missing, malformed or inconsistent."""

    def __init__(self, file: Path | str, key: str, reason: str) -> None:
        self.file = Path(file)
        self.key = key
        self.reason = reason
        super().__init__(f"{self.file.name}: {key or '(top level)'}: {reason}")


def _lang(lang: str | None) -> str:
    """``lang`` as a catalog code; the UI language when None."""
    from smready.i18n import current, normalize_language

    return normalize_language(lang) if lang else current().lang


def _in_language(data: dict[str, Any], lang: str) -> dict[str, Any]:
    """``data`` with the strings people read in ``lang`` (English is the source)."""
    if lang == "en":
        return data
    from smready.i18n import translation

    translated: dict[str, Any] = translate_tree(data, translation(lang).gettext)
    return translated


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ContentError(path, "", f"cannot read the file ({exc.strerror or exc})") from exc
    try:
        data = safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else ""
        raise ContentError(path, where, f"not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise ContentError(path, "", "expected a mapping at the top level")
    return data


def _key_path(data: Any, loc: Sequence[int | str]) -> str:
    """``('points', 1, 'weight')`` -> ``points[sites].weight``, using ids where entries have one."""
    parts: list[str] = []
    node = data
    for item in loc:
        if isinstance(item, int):
            label = str(item)
            if isinstance(node, list) and 0 <= item < len(node):
                node = node[item]
                if isinstance(node, dict) and isinstance(node.get("id"), str | int):
                    label = str(node["id"])
            else:
                node = None
            parts.append(f"[{label}]")
        else:
            node = node.get(item) if isinstance(node, dict) else None
            parts.append(f".{item}" if parts else str(item))
    return "".join(parts)


def _validate(model: type[_M], data: Any, path: Path, prefix: Sequence[int | str] = ()) -> _M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        key = _key_path(data, err["loc"])
        full = ".".join(part for part in (*map(str, prefix), key) if part)
        raise ContentError(path, full, err["msg"]) from exc


def _entries(data: dict[str, Any], key: str, path: Path) -> list[Any]:
    entries = data.get(key)
    if not isinstance(entries, list) or not entries:
        raise ContentError(path, key, "expected a non-empty list")
    return entries


def _unique_ids(items: Sequence[Any], key: str, path: Path) -> None:
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            raise ContentError(path, f"{key}[{item.id}]", "duplicate id")
        seen.add(item.id)


def _load_list(model: type[_M], path: Path, key: str, lang: str = "en") -> list[_M]:
    data = _in_language(_read_yaml(path), lang)
    items = [
        _validate(model, entry, path, prefix=(f"{key}[{_entry_label(entry, i)}]",))
        for i, entry in enumerate(_entries(data, key, path))
    ]
    _unique_ids(items, key, path)
    return items


def _entry_label(entry: Any, index: int) -> str:
    if isinstance(entry, dict) and isinstance(entry.get("id"), str):
        return str(entry["id"])
    return str(index)


def load_platforms(path: Path | None = None, *, lang: str | None = None
                   ) -> list[PlatformProfile]:
    """The networks the app knows (``resources/platforms.yaml``)."""
    return _load_platforms(path, _lang(lang))


@cache
def _load_platforms(path: Path | None, lang: str) -> list[PlatformProfile]:
    return _load_list(PlatformProfile, path or resource("platforms.yaml"), "platforms", lang)


def load_tiers(path: Path | None = None, *, lang: str | None = None) -> list[ServiceTier]:
    """The three agency service tiers, light / mid / full (``resources/tiers.yaml``)."""
    return _load_tiers(path, _lang(lang))


@cache
def _load_tiers(path: Path | None, lang: str) -> list[ServiceTier]:
    path = path or resource("tiers.yaml")
    tiers = _load_list(ServiceTier, path, "tiers", lang)
    for tier in tiers:
        if tier.posts_max is not None and tier.posts_max < tier.posts_min:
            raise ContentError(path, f"tiers[{tier.id}].posts_max", "is below posts_min")
        if tier.cost_max is not None and tier.cost_max < tier.cost_min:
            raise ContentError(path, f"tiers[{tier.id}].cost_max", "is below cost_min")
    return tiers


def load_tier_prices(path: Path | None = None, *, lang: str | None = None) -> TierPrices:
    """The currency of the tier costs and the stated rates to convert them (``tiers.yaml``)."""
    return _load_tier_prices(path, _lang(lang))


@cache
def _load_tier_prices(path: Path | None, lang: str) -> TierPrices:
    path = path or resource("tiers.yaml")
    data = _in_language(_read_yaml(path), lang).get("prices")
    if not isinstance(data, dict):
        raise ContentError(path, "prices", "expected a mapping with currency, as_of and rates")
    return _validate(TierPrices, data, path, prefix=("prices",))


def load_goal_types(path: Path | None = None, *, lang: str | None = None
                    ) -> list[GoalTypeInfo]:
    """The nine goal types with their metrics (``resources/goals.yaml``)."""
    return _load_goal_types(path, _lang(lang))


@cache
def _load_goal_types(path: Path | None, lang: str) -> list[GoalTypeInfo]:
    path = path or resource("goals.yaml")
    goals = _load_list(GoalTypeInfo, path, "goals", lang)
    expected = {g.value for g in GoalType}
    found = [g.id for g in goals]
    unknown = [gid for gid in found if gid not in expected]
    if unknown:
        raise ContentError(path, f"goals[{unknown[0]}].id", "is not a known goal type")
    missing = sorted(expected - set(found))
    if missing:
        raise ContentError(path, "goals", f"missing goal types: {', '.join(missing)}")
    order = {g.value: i for i, g in enumerate(GoalType)}
    return sorted(goals, key=lambda g: order[g.id])


def load_labels(path: Path | None = None, *, lang: str | None = None) -> dict[str, str]:
    """Labels for the policy responsibilities, keyed by ``TaskKind`` value."""
    return _load_labels(path, _lang(lang))


@cache
def _load_labels(path: Path | None, lang: str) -> dict[str, str]:
    path = path or resource("labels.yaml")
    tasks = _in_language(_read_yaml(path), lang).get("tasks")
    if not isinstance(tasks, dict):
        raise ContentError(path, "tasks", "expected a mapping of task ids to labels")
    for key, value in tasks.items():
        if key not in {t.value for t in TaskKind}:
            raise ContentError(path, f"tasks.{key}", "is not a known task")
        if not isinstance(value, str) or not value.strip():
            raise ContentError(path, f"tasks.{key}", "needs a non-empty label")
    for task in TaskKind:
        if task.value not in tasks:
            raise ContentError(path, f"tasks.{task.value}", "is missing")
    return {str(k): str(v) for k, v in tasks.items()}


def load_checklist(path: Path | None = None, platforms_path: Path | None = None, *,
                   lang: str | None = None) -> Checklist:
    """The six-point readiness checklist (``resources/checklist.yaml``)."""
    return _load_checklist(path, platforms_path, _lang(lang))


@cache
def _load_checklist(path: Path | None, platforms_path: Path | None, lang: str) -> Checklist:
    path = path or resource("checklist.yaml")
    platforms = load_platforms(platforms_path, lang=lang)
    data = _in_language(_read_yaml(path), lang)
    _expand_platform_options(data, path, platforms)
    checklist = _validate(Checklist, data, path)
    platform_ids = {p.id for p in platforms}
    for point in checklist.points:
        for q in point.questions:
            if not q.id.startswith(point.id + "."):
                raise ContentError(
                    path, f"points[{point.id}].questions[{q.id}].id",
                    f"must start with the point id '{point.id}.'")
            if q.kind is QuestionKind.MULTI:
                for opt in q.options:
                    if opt.id not in platform_ids:
                        raise ContentError(
                            path, f"points[{point.id}].questions[{q.id}].options[{opt.id}]",
                            "is not a platform id from platforms.yaml")
                if q.ideal_min is not None and q.ideal_max is not None and (
                    q.ideal_min > q.ideal_max
                ):
                    raise ContentError(
                        path, f"points[{point.id}].questions[{q.id}].ideal_min",
                        "is above ideal_max")
            if q.kind is QuestionKind.SCALE and q.min is not None and q.max is not None and (
                q.min >= q.max
            ):
                raise ContentError(path, f"points[{point.id}].questions[{q.id}].min",
                                   "must be below max")
            if q.kind is QuestionKind.NUMBER and q.zero_at == q.full_at:
                raise ContentError(path, f"points[{point.id}].questions[{q.id}].full_at",
                                   "must differ from zero_at")
    numbers = [p.number for p in checklist.points]
    if sorted(numbers) != list(range(1, len(numbers) + 1)):
        raise ContentError(path, "points", "point numbers must run 1..6 without gaps")
    _unique_ids(checklist.points, "points", path)
    _unique_ids(checklist.levels, "levels", path)
    return checklist


def _expand_platform_options(
    data: dict[str, Any], path: Path, platforms: list[PlatformProfile]
) -> None:
    """``options_from: platforms`` -> one option per known platform (one source of names)."""
    points = data.get("points")
    if not isinstance(points, list):
        return
    for point in points:
        questions = point.get("questions") if isinstance(point, dict) else None
        if not isinstance(questions, list):
            continue
        for q in questions:
            if not isinstance(q, dict) or "options_from" not in q:
                continue
            source = q.pop("options_from")
            if source != "platforms":
                raise ContentError(
                    path, f"points[{point.get('id')}].questions[{q.get('id')}].options_from",
                    f"unknown source {source!r}; only 'platforms' is supported")
            if q.get("options"):
                raise ContentError(
                    path, f"points[{point.get('id')}].questions[{q.get('id')}].options",
                    "give either options or options_from, not both")
            q["options"] = [{"id": p.id, "label": p.name, "score": 1.0} for p in platforms]


@cache
def _platforms_by_id(lang: str) -> dict[str, PlatformProfile]:
    return {item.id: item for item in load_platforms(lang=lang)}


@cache
def _goals_by_id(lang: str) -> dict[str, GoalTypeInfo]:
    return {item.id: item for item in load_goal_types(lang=lang)}


def platform_name(platform_id: str, lang: str | None = None) -> str:
    """``"instagram"`` -> ``"Instagram"``; unknown ids (custom networks) come back as given."""
    profile = _platforms_by_id(_lang(lang)).get(platform_id)
    return profile.name if profile is not None else platform_id


def platform_profile(platform_id: str, lang: str | None = None) -> PlatformProfile | None:
    return _platforms_by_id(_lang(lang)).get(platform_id)


def task_label(task: TaskKind, lang: str | None = None) -> str:
    """``TaskKind.ANSWERING`` -> ``"Answering comments and messages"``."""
    return load_labels(lang=lang)[TaskKind(task).value]


def goal_types_for(kind: str, lang: str | None = None) -> list[GoalTypeInfo]:
    """The goal types offered to an organization of this kind ("small_business" /
    "nonprofit"): the nine general ones, plus donations, volunteers and advocacy for a
    nonprofit."""
    return [g for g in load_goal_types(lang=lang) if not g.kinds or kind in g.kinds]


def goal_type_info(goal_type: GoalType, lang: str | None = None) -> GoalTypeInfo:
    info: GoalTypeInfo = _goals_by_id(_lang(lang))[GoalType(goal_type).value]
    return info
