"""Qt's own strings (dialog buttons, the context menus of text fields, file dialogs) in the
UI language, from the ``qtbase_<lang>.qm`` catalogs that ship with PySide6; and ``smready
--lang fi`` on the command line (``take_lang_option``, ``apply_ui_language``).

PySide6 6.11 has ``qtbase_fi.qm``; it has no Bengali catalog (no ``qtbase_bn.qm`` nor
``qt_bn.qm``). For a language without one (Bengali, the pseudo-language) the Qt strings
smready's window shows — dialog buttons, the text fields' context menu, the file dialog —
come from our own catalog instead (``qt_messages``), so a Bengali user meets no English
"Cancel". ``qtbase_fi.qm`` predates Qt 6's file dialog labels ("&Look in:", "Files of
&type:"); our catalog supplies those under it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from smready.i18n import (
    PSEUDO_LANGUAGE,
    UnknownLanguage,
    current,
    normalize_language,
    set_language,
)

_installed: list[QTranslator] = []


def qt_translations_dir() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def Q_(context: str, source: str) -> str:
    """Marks one of Qt's own source strings for our catalog, under ``context`` (always
    "Qt": the same English word can mean something else in smready's own texts, "Open"
    there is an item still open, not a button). Extracted like ``pgettext``."""
    return source


#: Qt's own source strings that smready's window shows, mnemonics included. Dialog buttons
#: come from ``QPlatformTheme``, the context menus of text fields and spin boxes from
#: ``QLineEdit``, ``QWidgetTextControl`` and ``QAbstractSpinBox``, and the file dialog (Qt's
#: own on Linux) from ``QFileDialog`` and ``QFileSystemModel``.
QT_SOURCES = (
    # Dialog buttons (QDialogButtonBox, QMessageBox) smready's dialogs use
    Q_("Qt", "OK"),
    Q_("Qt", "Save"),
    Q_("Qt", "Open"),
    Q_("Qt", "&Yes"),
    Q_("Qt", "&No"),
    Q_("Qt", "Close"),
    Q_("Qt", "Cancel"),
    Q_("Qt", "Discard"),
    # Context menus of text fields and spin boxes
    Q_("Qt", "&Undo"),
    Q_("Qt", "&Redo"),
    Q_("Qt", "Cu&t"),
    Q_("Qt", "&Copy"),
    Q_("Qt", "&Paste"),
    Q_("Qt", "Delete"),
    Q_("Qt", "Select All"),
    Q_("Qt", "&Select All"),
    Q_("Qt", "&Step up"),
    Q_("Qt", "Step &down"),
    # The file dialog: Open, Save as, Export, the logo
    Q_("Qt", "&Look in:"),
    Q_("Qt", "File &name:"),
    Q_("Qt", "Files of &type:"),
    Q_("Qt", "&Open"),
    Q_("Qt", "&Save"),
    Q_("Qt", "Back"),
    Q_("Qt", "Forward"),
    Q_("Qt", "Parent Directory"),
    Q_("Qt", "Create New Folder"),
    Q_("Qt", "List View"),
    Q_("Qt", "Detail View"),
    Q_("Qt", "Go back"),
    Q_("Qt", "Go forward"),
    Q_("Qt", "Go to the parent directory"),
    Q_("Qt", "Create a New Folder"),
    Q_("Qt", "Change to list view mode"),
    Q_("Qt", "Change to detail view mode"),
    Q_("Qt", "Sidebar"),
    Q_("Qt", "List of places and bookmarks"),
    Q_("Qt", "Files"),
    Q_("Qt", "Recent Places"),
    Q_("Qt", "&New Folder"),
    Q_("Qt", "New Folder"),
    Q_("Qt", "&Rename"),
    Q_("Qt", "&Delete"),
    Q_("Qt", "Show &hidden files"),
    Q_("Qt", "All Files (*)"),
    Q_("Qt", "Computer"),
    Q_("Qt", "Name"),
    Q_("Qt", "Size"),
    Q_("Qt", "Type"),
    Q_("Qt", "Date Modified"),
    Q_("Qt", "Folder"),
    Q_("Qt", "Drive"),
    # ... and its messages
    Q_("Qt", "%1 already exists.\nDo you want to replace it?"),
    Q_("Qt", "%1\nFile not found.\nPlease verify the correct file name was given."),
    Q_("Qt", "%1\nDirectory not found.\nPlease verify the correct directory name was "
             "given."),
    Q_("Qt", "'%1' is write protected.\nDo you want to delete it anyway?"),
    Q_("Qt", "Are you sure you want to delete '%1'?"),
    Q_("Qt", "Could not delete directory."),
)


def qt_messages() -> dict[str, str]:
    """``QT_SOURCES`` in the UI language, from our catalog: only those it translates."""
    t = current()
    translated = {source: t.pgettext("Qt", source) for source in QT_SOURCES}
    return {source: text for source, text in translated.items() if text != source}


class CatalogTranslator(QTranslator):
    """Qt's strings from our catalog (``qt_messages``): for a language Qt has no catalog for,
    and for what Qt's own catalog lacks."""

    def __init__(self, messages: dict[str, str], parent: QCoreApplication) -> None:
        super().__init__(parent)
        self._messages = messages

    def translate(
            self, context: str, source_text: str, disambiguation: str | None = None,
            n: int = -1) -> str | None:
        # None is Qt's null string, "not translated here" (an empty string would be taken as
        # the translation: buttons without text).
        return self._messages.get(source_text)

    def isEmpty(self) -> bool:
        return not self._messages


def install_qt_translations(lang: str) -> QTranslator | None:
    """Replace the Qt translators smready installed before with ``lang``'s.

    Returns the translator Qt asks first, or ``None`` for English (which needs none). Where
    PySide6 ships a ``qtbase`` catalog for ``lang`` (Finnish) it comes first; our catalog
    (``qt_messages``; ``set_language(lang)`` must come first) fills what it lacks (Qt 6's
    file dialog labels) and stands alone where Qt has no catalog (Bengali, the
    pseudo-language). ``None`` too if neither translates anything.
    """
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_qt_translations needs a QApplication")
    while _installed:
        app.removeTranslator(_installed.pop())
    if lang == "en":
        return None
    # Qt asks the translator installed last first.
    messages = qt_messages()
    if messages:
        _installed.append(CatalogTranslator(messages, app))
    qtbase = QTranslator(app)
    # The pseudo-language is English to QLocale: Qt's English catalog would do nothing.
    if lang != PSEUDO_LANGUAGE and qtbase.load(QLocale(lang), "qtbase", "_",
                                               qt_translations_dir()):
        _installed.append(qtbase)
    for translator in _installed:
        app.installTranslator(translator)
    return _installed[-1] if _installed else None


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


#: Languages whose letters join into shaped clusters: Qt draws a mnemonic's underline by
#: splitting the text at the "&", which breaks a cluster ("&ফাইল" shows "ফ◌াইল"). In these
#: the shortcut letters are not underlined (Alt+letter still works where a keyboard has it).
NO_MNEMONIC_UNDERLINE = frozenset({"bn"})


_whole_text = False
"""The style draws texts whole (no mnemonic underline) since ``underline_mnemonics(False)``."""


def underline_mnemonics(on: bool) -> None:
    """Underline the shortcut letters of menus, buttons and labels (the style's default),
    or draw every such text whole."""
    global _whole_text
    if on and not _whole_text:
        return  # the style's default, and nothing imported before the first paint
    from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleFactory

    class _WholeText(QProxyStyle):
        def styleHint(self, hint: QStyle.StyleHint, option: object = None,
                      widget: object = None, data: object = None) -> int:
            if hint == QStyle.StyleHint.SH_UnderlineShortcut:
                return 0
            return super().styleHint(hint, option, widget, data)  # type: ignore[arg-type]

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    current = app.style()
    if current is None or isinstance(current, QProxyStyle) == (not on):
        return  # already so
    # A proxy names no style itself: its base does.
    name = (current.baseStyle() if isinstance(current, QProxyStyle) else current).name()
    base = QStyleFactory.create(name)
    if base is None:
        return
    palette = app.palette()  # setStyle() puts the style's own palette back
    app.setStyle(base if on else _WholeText(base))
    app.setPalette(palette)
    _whole_text = not on


def apply_ui_language(lang: str) -> None:
    """Our strings (``smready.i18n._``), Qt's, and the locale of numbers and dates in
    ``lang``, for windows built after this."""
    set_language(lang)
    install_qt_translations(lang)
    QLocale.setDefault(ui_locale(lang))
    underline_mnemonics(lang not in NO_MNEMONIC_UNDERLINE)
