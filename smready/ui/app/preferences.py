"""The UI language and the default document language: where they come from and the
Preferences dialog (Edit ▸ Preferences…) that changes them.

The UI language is, in order: ``smready --lang`` for this run, else the language saved in
Preferences, else the first of the system's UI languages smready has
(``QLocale.system().uiLanguages()`` → ``i18n.best_language``), else English.

A changed UI language takes effect after a restart, which the window offers at once
("Restart now" reopens the same project after the usual unsaved-changes question). Every
label, menu, tooltip and Qt's own dialog buttons are made once, when their widget is built,
and many texts depend on the project as well; rebuilding them all in place would need every
widget to know how to re-translate itself, and a missed one would leave a window in two
languages. A restart of a few seconds gets the whole window right.

New projects get the default document language (their documents' language; each project
keeps its own, changed on the wizard's first step): the saved preference, else the UI
language when documents can be written in it, else English.

Only QtCore and ``smready.i18n`` are imported here: ``main`` reads the language before the
first paint. The dialog is in ``preferences_dialog`` (imported when it is opened).
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSettings

from smready.i18n import (
    LANGUAGE_NAMES,
    LANGUAGES,
    PSEUDO_LANGUAGE,
    UnknownLanguage,
    best_language,
    current,
    normalize_language,
)

UI_LANGUAGE_KEY = "preferences/ui_language"
DOCUMENT_LANGUAGE_KEY = "preferences/document_language"
#: The languages documents can be written in (``Project.language``): those with a catalog.
DOCUMENT_LANGUAGES = LANGUAGES


def language_name(lang: str) -> str:
    """A language named in its own language ("suomi", "বাংলা"), as people look for it."""
    return LANGUAGE_NAMES.get(lang, lang)


def document_language_choices() -> list[tuple[str, str]]:
    """(code, name) of every language a project's documents can be written in."""
    return [(lang, language_name(lang)) for lang in DOCUMENT_LANGUAGES]


def system_ui_languages() -> list[str]:
    """The system's preferred UI languages, most preferred first ("fi-FI", "en-US")."""
    return list(QLocale.system().uiLanguages())


def _saved(key: str, allowed: tuple[str, ...]) -> str | None:
    value = QSettings().value(key)
    if not isinstance(value, str) or not value:
        return None
    try:
        lang = normalize_language(value)
    except UnknownLanguage:
        return None  # an edited or outdated settings file: fall back, never fail
    return lang if lang in allowed else None


def saved_ui_language() -> str | None:
    return _saved(UI_LANGUAGE_KEY, (*LANGUAGES, PSEUDO_LANGUAGE))


def choose_ui_language(command_line: str | None = None) -> str:
    """``--lang`` > the saved preference > the system's UI languages > English."""
    if command_line is not None:
        return command_line
    return saved_ui_language() or best_language(system_ui_languages())


def default_document_language() -> str:
    """The language of a new project's documents."""
    saved = _saved(DOCUMENT_LANGUAGE_KEY, DOCUMENT_LANGUAGES)
    if saved is not None:
        return saved
    ui = current().lang
    return ui if ui in DOCUMENT_LANGUAGES else "en"


def save_preferences(ui_language: str, document_language: str) -> None:
    settings = QSettings()
    settings.setValue(UI_LANGUAGE_KEY, ui_language)
    settings.setValue(DOCUMENT_LANGUAGE_KEY, document_language)
