"""Translation layer: every user-visible string goes through ``_``.

English is the source language; catalogs for Finnish and Bengali will live in
``resources/locale/<lang>/LC_MESSAGES/smready.mo`` and are picked up by ``set_language``.
"""

from __future__ import annotations

import gettext

from smready.paths import resources_dir

_translation: gettext.NullTranslations = gettext.NullTranslations()


def set_language(lang: str) -> None:
    global _translation
    _translation = gettext.translation(
        "smready", localedir=str(resources_dir() / "locale"), languages=[lang], fallback=True
    )


def _(message: str) -> str:
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translation.ngettext(singular, plural, n)
