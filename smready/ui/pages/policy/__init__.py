"""The policy wizard (one module per step or group of steps)."""

from smready.ui.pages.policy.wizard import PolicyWizard

__all__ = ["PolicyWizard"]
