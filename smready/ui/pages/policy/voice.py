"""Step: the organization's values and voice."""

from __future__ import annotations

from smready.i18n import _
from smready.ui.pages.policy.base import PolicyPage


class VoicePage(PolicyPage):
    page_id = "voice"
    sections = ("voice", "values_voice")

    @classmethod
    def title(cls) -> str:
        return _("Values and voice")

    @classmethod
    def why(cls) -> str:
        return _("A few plain sentences on how you sound help everyone post in one voice. "
                 "Write so that anyone in the organization can understand it.")

    def build(self) -> None:
        self.voice_edit = self.add_field(
            "values_voice", _("How you sound and what you stand for"),
            self.text_edit(_("e.g. Friendly and local. We answer every question, admit "
                             "mistakes quickly and never argue in public."), lines=8),
            full_width=True)
        self.bind(self.voice_edit, "values_voice")
