"""The policy wizard (one module per step or group of steps)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from smready.ui.pages.policy.wizard import PolicyWizard


def __getattr__(name: str) -> Any:
    # Imported on first use, so the window can import the steps one module per event-loop
    # turn while it builds (smready.ui.app.main_window.WORKSPACE_MODULES).
    if name == "PolicyWizard":
        from smready.ui.pages.policy.wizard import PolicyWizard

        return PolicyWizard
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["PolicyWizard"]
