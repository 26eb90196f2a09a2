"""Waiting for the launcher in GUI tests."""

from __future__ import annotations

from ungedesk.ui.app import Launcher


def is_open(launcher: Launcher) -> bool:
    """The main window shows its register and the store is open (a keyring start paints
    the first look's page before the store arrives)."""
    window = launcher.window
    return launcher.store is not None and window is not None and window.model.loaded
