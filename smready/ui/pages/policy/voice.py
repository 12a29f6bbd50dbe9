"""Step: the organization's values and voice."""

from __future__ import annotations

from smready.i18n import _
from smready.ui.pages.policy.base import PolicyPage


class VoicePage(PolicyPage):
    page_id = "voice"
    sections = ("voice", "values_voice", "conversations")

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
        self.ideas_edit = self.add_field(
            "conversation_ideas", _("How you start conversations yourselves"),
            self.text_edit(_("e.g. A question of the week on Fridays; we share photos from "
                             "our events and thank the people in them.")),
            hint=_("Printed under \u201cStarting conversations\u201d, after the usual "
                   "advice. Leave it empty if the advice is enough."),
            full_width=True)
        self.bind(self.voice_edit, "values_voice")
        self.bind(self.ideas_edit, "conversation_ideas")
