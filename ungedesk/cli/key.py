"""``ungedesk key rotate``: re-encrypt the store under a new data key after a possible leak,
crash-safely (see docs/key-rotation.md)."""

from __future__ import annotations

import argparse
import getpass
import os

from ungedesk.cli.common import interactive, number, require_store, say, warn
from ungedesk.cli.parser import ENV_PASSPHRASE
from ungedesk.domain.errors import InputError
from ungedesk.services import key_rotation
from ungedesk.store.paths import StorePaths


def cmd_key(args: argparse.Namespace, paths: StorePaths) -> int:
    require_store(paths)
    phrase = os.environ.get(ENV_PASSPHRASE) or None
    if phrase is None:
        if not interactive():
            raise InputError(
                {
                    "passphrase": (
                        "Der er ingen terminal at spørge i: angiv gendannelsesfrasen i "
                        f"miljøvariablen {ENV_PASSPHRASE}."
                    )
                }
            )
        phrase = getpass.getpass("Gendannelsesfrase: ")
    result = key_rotation.rotate_data_key(paths, phrase)
    if result.resumed:
        say("Et afbrudt nøgleskift er gjort færdigt.")
    else:
        say(
            f"Databasen er krypteret under en ny nøgle: {number(result.rows)} rækker i "
            f"{result.tables} tabeller er kopieret og kontrolleret. Den gamle nøgle kan ikke "
            "længere læse den."
        )
    if not result.keyring_updated:
        warn(
            "Systemets nøglering ville ikke gemme den nye nøgle: skriv gendannelsesfrasen, "
            "når UngeDesk starter."
        )
    say(
        "Tag en ny sikkerhedskopi nu. Ældre sikkerhedskopier er stadig låst med den gamle "
        "nøgle: slet dem, hvis den gamle nøgle kan være kendt af andre."
    )
    return 0
