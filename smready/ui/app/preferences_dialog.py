"""Edit ▸ Preferences…: the UI language and the default document language of new projects
(see ``smready.ui.app.preferences`` for where each comes from and why a restart)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from smready.i18n import LANGUAGES, _, current
from smready.ui.app.preferences import (
    DOCUMENT_LANGUAGES,
    default_document_language,
    language_name,
    save_preferences,
    saved_ui_language,
)


class PreferencesDialog(QDialog):
    """The UI language and the default document language for new projects."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Preferences"))
        self.setObjectName("preferences")
        self.running_language = current().lang

        ui_choices = list(LANGUAGES)
        if self.running_language not in ui_choices:  # the pseudo-language, for testers
            ui_choices.append(self.running_language)
        self.ui_combo = QComboBox(self)
        for lang in ui_choices:
            self.ui_combo.addItem(language_name(lang), lang)
        self.ui_combo.setAccessibleName(_("Language of the app"))
        self.ui_combo.setCurrentIndex(
            max(0, self.ui_combo.findData(saved_ui_language() or self.running_language)))

        self.document_combo = QComboBox(self)
        for lang in DOCUMENT_LANGUAGES:
            self.document_combo.addItem(language_name(lang), lang)
        self.document_combo.setAccessibleName(_("Language of the documents of new projects"))
        self.document_combo.setCurrentIndex(
            max(0, self.document_combo.findData(default_document_language())))

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        ui_label = QLabel(_("Language of the app"), self)
        ui_label.setBuddy(self.ui_combo)
        ui_label.setWordWrap(True)
        doc_label = QLabel(_("Language of the documents of new projects"), self)
        doc_label.setBuddy(self.document_combo)
        doc_label.setWordWrap(True)
        form.addRow(ui_label, self.ui_combo)
        form.addRow(doc_label, self.document_combo)
        note = QLabel(_("A new language for the app takes effect when smready starts again. "
                        "Each project keeps its own document language: change it on the "
                        "first step of the policy."), self)
        note.setObjectName("preferences_note")
        note.setWordWrap(True)
        note.setEnabled(False)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.setMinimumWidth(max(420, self.sizeHint().width()))

    def ui_language(self) -> str:
        return str(self.ui_combo.currentData())

    def document_language(self) -> str:
        return str(self.document_combo.currentData())

    def accept(self) -> None:
        save_preferences(self.ui_language(), self.document_language())
        super().accept()

    @property
    def needs_restart(self) -> bool:
        """The app runs in another language than the one now chosen."""
        return self.ui_language() != self.running_language
