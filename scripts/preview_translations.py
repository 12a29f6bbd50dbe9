"""Merge translators' partial catalogs into a locale folder the app can use, to preview them.

::

    .venv/bin/python scripts/preview_translations.py /work/tr /tmp/smready-locale
    SMREADY_LOCALE_DIR=/tmp/smready-locale .venv/bin/smready-cli export \
        examples/cafe-aurora.smready --doc policy --format pdf -o /tmp/fi.pdf --language fi

For each language folder in SOURCE (``fi/``, ``bn/``), every ``*.po`` in it is merged (a later
file wins for the same message) onto the committed ``resources/locale/smready.pot``, and its
``glossary.yaml`` is copied; the result is DEST/<lang>/LC_MESSAGES/smready.po and
DEST/<lang>/glossary.yaml, the layout of ``resources/locale``. Prints, per language, how many
messages of the template are translated.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

REPO = Path(__file__).resolve().parent.parent
POT = REPO / "resources" / "locale" / "smready.pot"


def _read(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=locale, domain="smready")


def merge_language(source: Path, dest: Path, lang: str) -> tuple[int, int]:
    """Merge ``source/*.po`` into ``dest/<lang>``; returns (translated, total)."""
    template = _read(POT)
    catalog = Catalog(locale=lang, domain="smready", project="smready", charset="utf-8")
    catalog.update(template, no_fuzzy_matching=True)
    for po in sorted(source.glob("*.po")):
        for message in _read(po, lang):
            if not message.id or message.fuzzy:
                continue
            strings = message.string if isinstance(message.string, tuple | list) else (
                message.string,)
            if not any(strings):
                continue
            key = message.id
            target = catalog.get(key if isinstance(key, str) else key[0], message.context)
            if target is not None:
                target.string = message.string
    out = dest / lang / "LC_MESSAGES" / "smready.po"
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as handle:
        write_po(handle, catalog, width=100)
    glossary = source / "glossary.yaml"
    if glossary.is_file():
        shutil.copyfile(glossary, dest / lang / "glossary.yaml")
    ids = [m for m in catalog if m.id]
    done = [m for m in ids if (any(m.string) if isinstance(m.string, tuple | list)
                               else m.string)]
    return len(done), len(ids)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, help="folder with fi/, bn/ of partial .po files")
    parser.add_argument("dest", type=Path, help="locale folder to write")
    args = parser.parse_args(argv)
    for folder in sorted(p for p in args.source.iterdir() if p.is_dir()):
        if not list(folder.glob("*.po")):
            continue
        done, total = merge_language(folder, args.dest, folder.name)
        print(f"{folder.name}: {done} of {total} messages translated", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
