"""Wheel build hook: compile the gettext catalogs (resources/locale/*/LC_MESSAGES/*.po → .mo)
before the resources folder is copied into the wheel. The .mo files are build products and
not committed (see smready/i18n.py); ``make setup`` compiles them the same way."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CatalogBuildHook(BuildHookInterface):  # type: ignore[misc]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        for po in sorted(Path(self.root, "resources", "locale").glob("*/LC_MESSAGES/*.po")):
            with po.open("rb") as handle:
                catalog = read_po(handle, locale=po.parent.parent.name)
            tmp = po.with_suffix(".mo.tmp")
            with tmp.open("wb") as handle:
                write_mo(handle, catalog, use_fuzzy=False)
            tmp.replace(po.with_suffix(".mo"))
