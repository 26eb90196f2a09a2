"""``ungedesk`` without a command: the GUI (``--measure-startup`` is passed on to it)."""

from __future__ import annotations

import argparse

from ungedesk.cli.common import EXIT_BUG, warn
from ungedesk.store.paths import StorePaths


def cmd_gui(args: argparse.Namespace, paths: StorePaths) -> int:
    try:
        # Imported here, not at the top, so that a broken Qt install is told in Danish.
        from ungedesk.ui.app import run
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.split(".")[0] in ("PySide6", "shiboken6", "ungedesk"):
            warn(
                "Den grafiske brugerflade kan ikke startes, fordi den ikke er installeret "
                "korrekt. Kommandoerne virker stadig (se ungedesk --help)."
            )
            return EXIT_BUG
        raise
    return run(paths, measure_startup=bool(getattr(args, "measure_startup", False)))
