"""Qt's own strings (dialog buttons, the context menus of text fields, file dialogs) in the
UI language, from the ``qtbase_<lang>.qm`` catalogs that ship with PySide6; and ``smready
--lang fi`` on the command line (``take_lang_option``, ``apply_ui_language``).

PySide6 6.11 has ``qtbase_fi.qm``; it has no Bengali catalog (no ``qtbase_bn.qm`` nor
``qt_bn.qm``), so for Bengali the strings Qt shows in smready come from
``resources/locale/bn/qt.json`` (context -> English -> Bengali) through
:class:`TableTranslator`. The pseudo-language ``en_XA`` has none.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from smready.i18n import UnknownLanguage, locale_dir, normalize_language, set_language

_installed: list[QTranslator] = []


def qt_translations_dir() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def install_qt_translations(lang: str) -> QTranslator | None:
    """Replace the Qt translator smready installed before with ``lang``'s ``qtbase`` one.

    Returns the translator, or ``None`` when there is no catalog for ``lang`` (English, which
    needs none, the pseudo-language); then Qt's strings are English. Bengali, which Qt has
    no catalog for, gets a :class:`TableTranslator` over ``resources/locale/bn/qt.json``.
    """
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_qt_translations needs a QApplication")
    while _installed:
        app.removeTranslator(_installed.pop())
    if lang.split("_", 1)[0] == "en":
        return None
    translator = QTranslator(app)
    if not translator.load(QLocale(lang), "qtbase", "_", qt_translations_dir()):
        table = qt_table(lang)
        if not table:
            return None
        translator = TableTranslator(table, app)
    app.installTranslator(translator)
    _installed.append(translator)
    return translator


class TableTranslator(QTranslator):
    """Qt's strings from a table (context -> English -> translation) for a language Qt has
    no catalog for; a string not in the table stays as Qt wrote it."""

    def __init__(self, table: dict[str, dict[str, str]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.table = table

    def translate(self, context: str, sourceText: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        return self.table.get(context, {}).get(sourceText)

    def isEmpty(self) -> bool:
        return not self.table


def qt_table(lang: str) -> dict[str, dict[str, str]]:
    """``resources/locale/<lang>/qt.json``: Qt's strings in ``lang``, or {} without one
    (JSON: it is read before the start page paints, when yaml is not loaded yet)."""
    path = locale_dir() / lang.split("_", 1)[0] / "qt.json"
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {str(context): {str(k): str(v) for k, v in strings.items()}
            for context, strings in data.items() if isinstance(strings, dict)}


def take_lang_option(argv: list[str]) -> tuple[str | None, list[str]]:
    """``--lang fi`` / ``--lang=fi`` out of ``argv`` (so it is not taken for a file name);
    returns the normalized language, or ``None``, and the remaining arguments. Raises
    :class:`smready.i18n.UnknownLanguage` (one line) for a language smready does not have,
    and for ``--lang`` without a value."""
    rest: list[str] = []
    lang: str | None = None
    args = iter(argv)
    for arg in args:
        if arg == "--lang":
            value = next(args, None)
            if value is None:
                raise UnknownLanguage("--lang needs a language: en, fi, bn or en_XA")
            lang = normalize_language(value)
        elif arg.startswith("--lang="):
            lang = normalize_language(arg.split("=", 1)[1])
        else:
            rest.append(arg)
    return lang, rest


def ui_locale(lang: str) -> QLocale:
    """The locale that numbers and dates follow in the window: the UI language's, with the
    system's country where Qt knows that pair (English on a Finnish system writes
    "31.5.2027"), and the system locale itself when it already is in that language."""
    system = QLocale.system()
    language = QLocale(lang.split("_", 1)[0]).language()
    if system.language() == language or (
            language == QLocale.Language.English and system.language() == QLocale.Language.C):
        return system
    paired = QLocale(language, system.territory())
    if paired.language() == language and paired.territory() == system.territory():
        return paired
    return QLocale(language)


def apply_ui_language(lang: str) -> None:
    """Our strings (``smready.i18n._``), Qt's, and the locale of numbers and dates in
    ``lang``, for windows built after this."""
    set_language(lang)
    install_qt_translations(lang)
    QLocale.setDefault(ui_locale(lang))
