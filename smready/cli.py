"""``smready-cli``: headless commands (new, validate, score, schema, upgrade, check, export).

Exit codes: 0 success, 1 bad input (one line on stderr, never a traceback), 2 usage error.
Scoring, content and rendering are imported inside the commands that need them, so that
``schema`` or ``validate`` stay quick and work without the rendering stack; the domain and
storage are imported inside ``main`` too, so that Ctrl-C at any moment exits quietly (130).
Every line that quotes a file's content goes through ``printable`` (escape codes are shown,
never obeyed by the terminal).

Languages: ``--lang fi`` (before the command) sets the language of messages and of what
``score`` and ``check`` print (point titles, levels, recommendations, open items); without it
the environment's ``LANGUAGE`` / ``LC_ALL`` / ``LC_MESSAGES`` / ``LANG`` decides, English
otherwise. Documents are written in the project's own language; ``export --language bn``
overrides it for one export.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from smready import __version__
from smready.i18n import _, current, ngettext

if TYPE_CHECKING:
    from smready.domain import Checklist, Project, ReadinessResult


class CliError(Exception):
    """Bad input: printed as one line on stderr, exit code 1."""


# --------------------------------------------------------------------------- helpers


def _out(text: str = "") -> None:
    from smready.storage import printable

    # Keeps line breaks and tabs of our own layout; escapes every other control character.
    print("\n".join("\t".join(printable(part) for part in line.split("\t"))
                    for line in text.split("\n")), file=sys.stdout)


def _out_json(payload: Any) -> None:
    """JSON on stdout; characters a terminal would obey are written as ``\\u`` escapes
    (json.dumps escapes C0 controls but leaves DEL, C1 controls and direction marks raw)."""
    from smready.storage.errors import UNSAFE_CHARACTERS

    text = json.dumps(payload, ensure_ascii=False, indent=2)
    # Raw line breaks are only json.dumps's own indentation; inside strings they are escaped.
    print(UNSAFE_CHARACTERS.sub(
        lambda m: m.group() if m.group() == "\n" else f"\\u{ord(m.group()):04x}", text),
        file=sys.stdout)


def _load(path: Path) -> Project:
    from smready.storage import ProjectFileError, load_project

    try:
        return load_project(path)
    except ProjectFileError as exc:
        raise CliError(str(exc)) from exc


def _one_line(text: str) -> str:
    from smready.storage import printable

    return printable(" ".join(str(text).split()))


def _refuse_if_open(path: Path, force: bool, can_force: bool = True) -> None:
    """The app holds a lock on each open project; rewriting it under the app loses work."""
    from smready.storage import lock_holder

    if force and can_force:
        return
    holder = lock_holder(path)
    if holder is None:
        return
    if can_force:
        raise CliError(_("{path} is open in smready ({holder}); close it there first, or use "
                         "--force to write anyway.").format(path=path, holder=holder))
    raise CliError(_("{path} is open in smready ({holder}); close it there first.").format(
        path=path, holder=holder))


def _answer_problems(project: Project, checklist: Checklist) -> list[str]:
    """Answers that refer to unknown questions or options, or are out of range."""
    from smready.domain import QuestionKind

    problems: list[str] = []
    point_ids = {point.id for point in checklist.points}
    for qid, value in project.readiness.answers.items():
        field = f"readiness.answers.{qid}"
        try:
            question = checklist.question(qid)
        except KeyError:
            problems.append(_("{field}: unknown question").format(field=field))
            continue
        option_ids = [option.id for option in question.options]
        kind = question.kind
        is_number = isinstance(value, int | float) and not isinstance(value, bool)
        if kind is QuestionKind.CHOICE:
            if not isinstance(value, str):
                problems.append(_("{field}: expected one of {options}").format(
                    field=field, options=", ".join(option_ids)))
            elif value not in option_ids:
                problems.append(_("{field}: unknown option {value!r} (expected one of "
                                  "{options})").format(field=field, value=value,
                                                       options=", ".join(option_ids)))
        elif kind is QuestionKind.MULTI:
            if not isinstance(value, list):
                problems.append(_("{field}: expected a list of options").format(field=field))
            else:
                unknown = [v for v in value if v not in option_ids]
                if unknown:
                    problems.append(_("{field}: unknown option {value!r}").format(
                        field=field, value=unknown[0]))
        elif kind in (QuestionKind.SCALE, QuestionKind.NUMBER):
            if not is_number:
                problems.append(_("{field}: expected a number").format(field=field))
            else:
                number = float(value)  # type: ignore[arg-type]
                if question.min is not None and number < question.min:
                    problems.append(_("{field}: {value} is below the minimum {min:g}").format(
                        field=field, value=value, min=question.min))
                elif question.max is not None and number > question.max:
                    problems.append(_("{field}: {value} is above the maximum {max:g}").format(
                        field=field, value=value, max=question.max))
        elif kind is QuestionKind.TEXT and not isinstance(value, str):
            problems.append(_("{field}: expected a text").format(field=field))
    for point_id in project.readiness.notes:
        if point_id not in point_ids:
            problems.append(_("readiness.notes.{point}: unknown point").format(point=point_id))
    return problems


def _load_checklist() -> Checklist:
    from smready.content import ContentError, load_checklist

    try:
        return load_checklist()
    except ContentError as exc:
        raise CliError(_("The question bank could not be loaded: {error}").format(
            error=_one_line(str(exc)))) from exc


# --------------------------------------------------------------------------- commands


def cmd_new(args: argparse.Namespace) -> int:
    from smready.domain import OrgKind, Project
    from smready.storage import ProjectFileError, save_project, save_target

    out: Path = args.output
    backup = save_target(out)[1]
    if out.is_dir():
        raise CliError(_("{path} is a folder; give a file name such as {example}.").format(
            path=out, example=out / "cafe.smready"))
    if out.exists() and not args.force:
        raise CliError(_("{path} already exists; use --force to replace it (the old file "
                         "is kept as {backup}).").format(path=out, backup=backup))
    if out.exists():
        # --force replaces a file, but never one a window is editing.
        _refuse_if_open(out, force=False, can_force=False)
    try:
        project = Project.new(args.name, OrgKind(args.type))
        project.language = args.language
    except ValueError as exc:  # pydantic's ValidationError is a ValueError
        raise CliError(_("Invalid name {name!r}: the name must be 1 to 200 characters.").format(
            name=args.name)) from exc
    try:
        save_project(project, out)
    except ProjectFileError as exc:
        raise CliError(str(exc)) from exc
    _out(_("Created {path} for {name}.").format(path=out, name=project.organization.name))
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from smready.storage import ProjectFileError, load_project, more_problems

    failures: list[str] = []
    checklist: Checklist | None = None
    for path in args.files:
        try:
            project = load_project(path)
        except ProjectFileError as exc:
            failures.append(str(exc))
            continue
        if checklist is None:
            checklist = _load_checklist()
        problems = _answer_problems(project, checklist)
        if problems:
            line = f"{path}: {problems[0]}{more_problems(len(problems) - 1)}"
            failures.append(line)
        else:
            _out(_("{path}: OK").format(path=path))
    if failures:
        for line in failures:
            print(_one_line(line), file=sys.stderr)
        return 1
    return 0


def score_dict(path: Path, project: Project, result: ReadinessResult) -> dict[str, Any]:
    data = result.model_dump(mode="json")
    level = data.pop("level")
    return {
        "file": str(path),
        "organization": project.organization.name,
        "overall": round(result.overall, 1),
        "level": level["id"],
        "level_name": level["name"],
        "level_meaning": level["meaning"],
        "level_capped_by": level["capped_by"],
        **{key: value for key, value in data.items() if key != "overall"},
    }


def _score_text(path: Path, project: Project, result: ReadinessResult) -> str:
    from smready.formatting import formats

    fmt = formats(current().lang)  # numbers in the digits of the messages' language
    lines = [
        f"{project.organization.name} ({path})",
        _("Overall readiness: {score:.0f} / 100 — {level}").format(
            score=fmt.figure(result.overall), level=result.level.name),
        f"  {result.level.meaning}",
    ]
    lines += [f"  {reason}" for reason in result.level.capped_by]
    lines += ["", _("The six points:")]
    for point in result.points:
        lines.append(_("  {number}. {title:<40} {score:>5.0f}  ({answered}/{total} answered)")
                     .format(number=fmt.integer(point.number), title=point.title,
                             score=fmt.figure(point.score),
                             answered=fmt.integer(point.answered),
                             total=fmt.integer(point.total)))
    if result.recommendations:
        lines += ["", _("Do these next:")]
        for rec in result.recommendations[:5]:
            lines.append(f"  - [{rec.point_title}] {rec.text}")
    res = result.resources
    lines += ["", _("Resources:"), f"  {res.message}"]
    if res.tier is not None:
        lines.append(_("  Comparable agency service: {name}, {cost}").format(
            name=res.tier.name, cost=res.tier.cost_text))
    return "\n".join(lines)


def cmd_score(args: argparse.Namespace) -> int:
    from smready.scoring import score

    projects = [(path, _load(path)) for path in args.files]
    lang = current().lang
    results = [(path, project, score(project, lang=lang)) for path, project in projects]
    if args.json:
        items = [score_dict(path, project, result) for path, project, result in results]
        payload: Any = items[0] if len(items) == 1 else items
        _out_json(payload)
    else:
        _out("\n\n".join(_score_text(*item) for item in results))
    return 0


def published_schema() -> dict[str, Any]:
    """The schema ``smready-cli schema`` prints: a file valid against it passes ``validate``
    (answers are narrowed to this question bank's questions, options and ranges)."""
    from smready.domain import QuestionKind
    from smready.storage import project_json_schema

    checklist = _load_checklist()
    answers: dict[str, Any] = {}
    for point in checklist.points:
        for question in point.questions:
            option_ids = [option.id for option in question.options]
            if question.kind is QuestionKind.CHOICE:
                answer: dict[str, Any] = {"type": "string", "enum": option_ids}
            elif question.kind is QuestionKind.MULTI:
                answer = {"type": "array", "items": {"type": "string", "enum": option_ids}}
            elif question.kind in (QuestionKind.SCALE, QuestionKind.NUMBER):
                answer = {"type": "number"}
                if question.min is not None:
                    answer["minimum"] = question.min
                if question.max is not None:
                    answer["maximum"] = question.max
            else:
                answer = {"type": "string", "maxLength": 200}
            answers[question.id] = {"title": question.text, **answer}
    return project_json_schema(answers, [point.id for point in checklist.points])


def cmd_schema(args: argparse.Namespace) -> int:
    _out_json(published_schema())
    return 0


def cmd_upgrade(args: argparse.Namespace) -> int:
    from smready.domain import SCHEMA_VERSION
    from smready.storage import ProjectFileError, file_version, save_project, save_target

    path: Path = args.file
    try:
        old = file_version(path)
    except ProjectFileError as exc:
        raise CliError(str(exc)) from exc
    project = _load(path)
    if old == SCHEMA_VERSION:
        _out(_("{path} is already at file version {version}; nothing to do.").format(
            path=path, version=old))
        return 0
    _refuse_if_open(path, args.force)
    try:
        written = save_project(project, path)
    except ProjectFileError as exc:
        raise CliError(str(exc)) from exc
    _out(_("Upgraded {path} from file version {old} to {new}; the old file is kept as "
           "{backup}.").format(path=path, old=old, new=SCHEMA_VERSION,
                               backup=save_target(written)[1]))
    return 0


def _refuse_export_onto_project(source: Path, out: Path) -> None:
    """Exporting onto the project itself (same file, by device and inode) or onto any
    project file would replace the user's work with a document."""
    from smready.rendering.export import RenderError, refuse_project_target

    try:
        same = out.exists() and os.path.samefile(source, out)
    except OSError:
        same = False
    if same:
        raise CliError(_("Cannot write {out}: it is the project file {source} itself. Choose "
                         "another name for the export, such as policy.pdf.").format(
                             out=out, source=source))
    try:
        refuse_project_target(out)
    except RenderError as exc:
        raise CliError(str(exc)) from exc


CHECK_OPEN = 3
"""``check`` exit code when the policy still has open items."""


def cmd_check(args: argparse.Namespace) -> int:
    """The policy's open items, as the app's Review page lists them (the same session)."""
    from smready.session import ProjectSession

    project = _load(args.file)
    gaps = ProjectSession(project, args.file).derived.gaps
    if args.json:
        _out_json({"file": str(args.file), "complete": not gaps,
                   "open": [{"section": g.section, "field": g.field,
                             "message": g.message} for g in gaps]})
    elif gaps:
        for gap in gaps:
            _out(f"{gap.section}\t{gap.field}\t{_one_line(gap.message)}")
        _out(ngettext("{path}: {n} open item before the policy is complete.",
                      "{path}: {n} open items before the policy is complete.",
                      len(gaps)).format(path=args.file, n=len(gaps)))
    else:
        _out(_("{path}: the policy is complete.").format(path=args.file))
    return CHECK_OPEN if gaps else 0


def cmd_export(args: argparse.Namespace) -> int:
    from smready.domain import document_language
    from smready.i18n import translation
    from smready.storage import write_error_message

    project = _load(args.file)
    out: Path = args.output
    _refuse_export_onto_project(args.file, out)
    if args.logo:
        project.organization.confirm_logo()
    from smready.rendering import RenderError, export_document

    t = translation(document_language(project, args.language))
    try:
        written = export_document(project, args.doc, args.format, out, args.paper, t=t)
    except RenderError as exc:
        message = _one_line(str(exc))
        if str(out) not in message:
            message = _("Cannot export {path}: {error}").format(path=out, error=message)
        raise CliError(message) from exc
    except OSError as exc:
        raise CliError(write_error_message(out, exc)) from exc
    _out(_("Wrote {path}").format(path=written))
    if project.organization.logo_path and not args.logo:
        _out(_("The logo the project names ({logo}) was not embedded: a project file may "
               "come from anyone. Add --logo to embed it.").format(
                   logo=project.organization.logo_path))
    return 0


# --------------------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="smready-cli",
        description=_("Social media readiness and policy, from the command line."))
    parser.add_argument("--version", action="version", version=f"smready {__version__}")
    parser.add_argument("--lang", metavar="LANG", default=None,
                        help=_("language of messages and of score and check output: en, fi "
                               "or bn (default: from LANGUAGE, LC_ALL or LANG)"))
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    from smready.domain import DOCUMENT_LANGUAGES, OrgKind

    p = sub.add_parser("new", help=_("create a new project file"))
    p.add_argument("--type", required=True, choices=[k.value for k in OrgKind])
    p.add_argument("--name", required=True, help=_("the organization's name"))
    p.add_argument("--language", choices=list(DOCUMENT_LANGUAGES), default="en",
                   help=_("the language of the project's documents (default: en)"))
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE")
    p.add_argument("--force", action="store_true",
                   help=_("replace an existing file (not one open in smready)"))
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("validate", help=_("check project files"))
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("score", help=_("show the readiness score"))
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(func=cmd_score)

    p = sub.add_parser("schema", help=_("print the JSON Schema of project files"))
    p.set_defaults(func=cmd_schema)

    p = sub.add_parser("upgrade", help=_("rewrite a file in the current file version"))
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--force", action="store_true",
                   help=_("write even if the project is open in smready"))
    p.set_defaults(func=cmd_upgrade)

    p = sub.add_parser("check", help=_("list what the policy still leaves open (exit 0 "
                                       "complete, 3 open items, 1 bad file)"))
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("export", help=_("write the policy, report or acknowledgement sheet"))
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--doc", required=True, choices=["policy", "report", "acknowledgement"])
    p.add_argument("--format", required=True, choices=["pdf", "docx", "html"])
    p.add_argument("-o", "--output", required=True, type=Path, metavar="OUT")
    p.add_argument("--paper", choices=["a4", "letter"], default="a4")
    p.add_argument("--logo", action="store_true",
                   help=_("embed the logo file the project names (read from this computer)"))
    p.add_argument("--language", choices=list(DOCUMENT_LANGUAGES), default=None,
                   help=_("write the document in this language instead of the project's"))
    p.set_defaults(func=cmd_export)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # Names may hold any script; never die on a console that cannot show them.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    try:
        return _run(argv)
    except KeyboardInterrupt:
        # Ctrl-C: whatever was being written has cleaned up after itself; say nothing.
        return 130


def environment_language(environ: Mapping[str, str] | None = None) -> str:
    """The language the environment asks for (``LANGUAGE``, a colon list, then ``LC_ALL``,
    ``LC_MESSAGES``, ``LANG``, as gettext reads them); English when none is ours."""
    from smready.i18n import best_language

    env = os.environ if environ is None else environ
    candidates = [code for code in env.get("LANGUAGE", "").split(":") if code]
    candidates += [env.get(name, "") for name in ("LC_ALL", "LC_MESSAGES", "LANG")]
    return best_language([code for code in candidates if code])


def _chosen_language(argv: Sequence[str]) -> str | None:
    """The value of a global ``--lang`` before the command (``--lang fi`` / ``--lang=fi``),
    read before the parser is built so that its help is in that language too."""
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
        if not arg.startswith("-"):
            break  # the command: later options are the command's own
    return None


def _run(argv: Sequence[str] | None) -> int:
    from smready.i18n import UnknownLanguage, set_language
    from smready.storage import ProjectFileError, os_error_reason

    arguments = list(sys.argv[1:] if argv is None else argv)
    chosen = _chosen_language(arguments)
    try:
        set_language(chosen if chosen is not None else environment_language())
    except UnknownLanguage as exc:
        print(_one_line(str(exc)), file=sys.stderr)
        return 2
    args = build_parser().parse_args(arguments)
    try:
        code: int = args.func(args)
    except CliError as exc:
        print(_one_line(str(exc)), file=sys.stderr)
        return 1
    except ProjectFileError as exc:
        print(_one_line(str(exc)), file=sys.stderr)
        return 1
    except BrokenPipeError:
        return _reader_left()
    except OSError as exc:
        name = exc.filename if exc.filename is not None else ""
        print(_one_line(_("Cannot use {path}: {reason}.").format(
            path=name, reason=os_error_reason(exc))), file=sys.stderr)
        return 1
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        return _reader_left()
    return code


def _reader_left() -> int:
    """`smready-cli schema | head`: the reader stopped reading; that is not an error."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 0


if __name__ == "__main__":
    sys.exit(main())
