"""Build-time catalog tools (Babel): extract, update and compile smready's gettext catalogs.

::

    python -m smready.catalogs            # extract → resources/locale/smready.pot, update fi/bn .po
    python -m smready.catalogs compile    # .po → .mo (make setup; the wheel hook does the same)
    python -m smready.catalogs check      # exit 1 if the .pot misses strings the code now has

``make i18n`` runs the first. Sources are listed in ``babel.cfg``: Python, the jinja2
templates and the user-visible fields of ``resources/*.yaml`` (``extract_yaml`` below). The
``.pot`` and ``.po`` files carry file names but no line numbers, so moving code does not
churn them. Translations are kept across updates; translated strings that left the source
stay in the ``.po`` as obsolete (``#~``) entries until a translator drops them (untranslated
ones go).

Only this module and the build hook import Babel's message tools; the app itself reads the
compiled ``.mo`` (or the ``.po``) through :mod:`smready.i18n`.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import yaml
from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

import smready
from smready.content.translated import MACHINE_KEYS, MACHINE_SECTIONS, readable
from smready.i18n import DOMAIN, LANGUAGES, SOURCE_LANGUAGE

REPO = Path(__file__).resolve().parent.parent
TRANSLATED = tuple(lang for lang in LANGUAGES if lang != SOURCE_LANGUAGE)
COMMENT_TAGS = ["TRANSLATORS:"]
#: Besides ``_``/``ngettext``/``N_``: ``t("...")`` / ``self.t("...")``, a document's own
#: Translation object (``t.ngettext`` is found as ``ngettext``). With pybabel: ``-k t``.
KEYWORDS = {**DEFAULT_KEYWORDS, "t": None, "Q_": ((1, "c"), 2)}

def locale_dir(root: Path = REPO) -> Path:
    return root / "resources" / "locale"


# --- the YAML extractor --------------------------------------------------------------------

def _node_label(node: yaml.Node) -> str | None:
    """The id of a mapping (its ``id`` scalar), to name where a string sits."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == "id" and isinstance(value, yaml.ScalarNode):
                return str(value.value)
    return None


def _holds_mappings(node: yaml.Node) -> bool:
    """A section (``platforms:`` with a list of entries), not a machine value (the node
    form of ``content.translated.holds_entries``)."""
    if isinstance(node, yaml.MappingNode):
        return True
    return isinstance(node, yaml.SequenceNode) and any(
        isinstance(item, yaml.MappingNode) for item in node.value)


def _walk(node: yaml.Node, path: str, key: str | None
          ) -> Iterator[tuple[int, str, str]]:
    if isinstance(node, yaml.MappingNode):
        for key_node, value in node.value:
            name = str(key_node.value)
            if name in MACHINE_SECTIONS or (name in MACHINE_KEYS and not _holds_mappings(value)):
                continue
            yield from _walk(value, f"{path}.{name}" if path else name, name)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            label = _node_label(item) or str(index)
            yield from _walk(item, f"{path}[{label}]", key)
    elif isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:str":
        text = str(node.value)
        if key is not None and readable(text):
            yield node.start_mark.line + 1, text, path


def extract_yaml(fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: Any
                 ) -> Iterator[tuple[int, str | None, str, list[str]]]:
    """Babel extractor for ``resources/*.yaml``: every string people read, with its place
    (``points[reason].questions[reason.why].help``) as a comment for the translator.

    The message is the string exactly as the content loader sees it (folded ``>-`` blocks
    already joined), so ``translation.gettext(value)`` finds it.
    """
    root = yaml.compose(fileobj.read().decode("utf-8"))
    if root is None:
        return
    for line, text, path in _walk(root, "", None):
        yield line, None, text, [path]


# --- extract / update / compile ------------------------------------------------------------

def extract(root: Path = REPO) -> Catalog:
    """A fresh template catalog of every string in the sources ``babel.cfg`` lists."""
    with (root / "babel.cfg").open(encoding="utf-8") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg, "babel.cfg")  # type: ignore[no-untyped-call]
    template = Catalog(project="smready", version=smready.__version__, domain=DOMAIN,
                       msgid_bugs_address="", copyright_holder="smready", charset="utf-8")
    for filename, lineno, message, comments, context in extract_from_dir(
            str(root), method_map, options_map, keywords=KEYWORDS, comment_tags=COMMENT_TAGS,
            strip_comment_tags=True):
        template.add(message, None, [(filename, lineno)], auto_comments=comments,
                     context=context)
    return template


#: Header lines that change on every run; a file that differs only there is left alone, so
#: `catalogs update` on two branches does not make them conflict.
_STAMPS = re.compile(rb'^"(?:POT-Creation-Date|PO-Revision-Date): .*\\n"$', re.MULTILINE)


def _write(catalog: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    out = io.BytesIO()
    write_po(out, catalog, width=100, sort_by_file=True, include_lineno=False)
    data = out.getvalue()
    if path.is_file() and _STAMPS.sub(b"", path.read_bytes()) == _STAMPS.sub(b"", data):
        return
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


def _read(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=locale, domain=DOMAIN)


def _translated(string: object) -> bool:
    if isinstance(string, (list, tuple)):
        return any(string)
    return bool(string)


def po_path(lang: str, root: Path = REPO) -> Path:
    return locale_dir(root) / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def _revive(catalog: Catalog, template: Catalog) -> None:
    """A translated string that left the source (``#~``) and came back gets its
    translation back (Babel's update would leave it obsolete and the message empty)."""
    wanted = {(m.id, m.context) for m in template if m.id}
    for key, message in list(catalog.obsolete.items()):
        if (message.id, message.context) in wanted and _translated(message.string):
            del catalog.obsolete[key]
            catalog[message.id] = message
            message.context = message.context  # keyed by id; context kept on the message


def update(root: Path = REPO) -> list[Path]:
    """Extract the template and merge it into each language's ``.po`` (created if missing)."""
    template = extract(root)
    _write(template, locale_dir(root) / f"{DOMAIN}.pot")
    written = []
    for lang in TRANSLATED:
        path = po_path(lang, root)
        if path.is_file():
            catalog = _read(path, lang)
            _revive(catalog, template)
            catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
            # Strings that left the source are kept (as #~) only if someone translated them.
            for key in [k for k, m in catalog.obsolete.items() if not _translated(m.string)]:
                del catalog.obsolete[key]
        else:
            catalog = Catalog(locale=lang, domain=DOMAIN, project="smready",
                              version=smready.__version__, charset="utf-8")
            catalog.update(template, no_fuzzy_matching=True)
        _write(catalog, path)
        written.append(path)
    return written


def compile_all(root: Path = REPO) -> list[Path]:
    """Every ``<lang>/LC_MESSAGES/smready.po`` under ``resources/locale`` → ``.mo`` beside it."""
    written = []
    for po in sorted(locale_dir(root).glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        catalog = _read(po, po.parent.parent.name)
        mo = po.with_suffix(".mo")
        tmp = mo.with_suffix(".mo.tmp")
        with tmp.open("wb") as handle:
            write_mo(handle, catalog, use_fuzzy=False)
        tmp.replace(mo)
        written.append(mo)
    return written


def missing_from_template(root: Path = REPO) -> list[str]:
    """Strings in the sources that the committed ``.pot`` does not have yet."""
    pot = locale_dir(root) / f"{DOMAIN}.pot"
    have = {m.id for m in _read(pot)} if pot.is_file() else set()
    return sorted(str(m.id if isinstance(m.id, str) else m.id[0])
                  for m in extract(root) if m.id and m.id not in have)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m smready.catalogs",
                                     description="smready's gettext catalogs")
    parser.add_argument("command", nargs="?", default="update",
                        choices=("update", "compile", "check"))
    args = parser.parse_args(argv)
    if args.command == "update":
        for path in update():
            print(f"updated {path.relative_to(REPO)}")
    elif args.command == "compile":
        for path in compile_all():
            print(f"compiled {path.relative_to(REPO)}")
    else:
        missing = missing_from_template()
        for message in missing:
            print(f"not in smready.pot: {message[:80]!r}", file=sys.stderr)
        if missing:
            print(f"{len(missing)} strings missing; run `make i18n`", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
