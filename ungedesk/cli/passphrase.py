"""``ungedesk passphrase change``: lock the same data key with a new recovery passphrase
(only the key file is replaced)."""

from __future__ import annotations

import argparse
import getpass
import os

from ungedesk.cli.common import interactive, say, warn
from ungedesk.cli.opening import open_store
from ungedesk.cli.parser import ENV_NEW_PASSPHRASE, ENV_PASSPHRASE
from ungedesk.domain.errors import InputError
from ungedesk.domain.passphrase import assess
from ungedesk.services import passphrase as recovery
from ungedesk.store.paths import StorePaths


def _ask_new_passphrase(related: tuple[str, ...], old: str) -> str:
    say("Vælg den nye gendannelsesfrase. Fire tilfældige ord er lette at huske.")
    while True:
        first = getpass.getpass("Ny gendannelsesfrase: ")
        strength = assess(first, related)
        say(f"Styrke: {strength.label}. {strength.hint}")
        if not strength.acceptable:
            continue
        if first == old:
            warn("Den nye frase er den samme som den nuværende. Vælg en anden.")
            continue
        if getpass.getpass("Skriv den nye frase igen: ") == first:
            return first
        warn("De to fraser er ikke ens. Prøv igen.")


def cmd_passphrase(args: argparse.Namespace, paths: StorePaths) -> int:
    on_terminal = interactive()
    old = os.environ.get(ENV_PASSPHRASE) or ""
    new = os.environ.get(ENV_NEW_PASSPHRASE) or ""
    if not on_terminal:
        # Said before the store is opened: nothing to unlock for a command that cannot run.
        missing: dict[str, str] = {}
        if not old:
            missing[recovery.OLD_FIELD] = (
                "Der er ingen terminal at spørge i: angiv den nuværende gendannelsesfrase i "
                f"miljøvariablen {ENV_PASSPHRASE}."
            )
        if not new:
            missing[recovery.NEW_FIELD] = (
                f"Angiv den nye gendannelsesfrase i miljøvariablen {ENV_NEW_PASSPHRASE}."
            )
        if missing:
            raise InputError(missing)
    opened = open_store(paths)
    try:
        if on_terminal:
            old = getpass.getpass("Nuværende gendannelsesfrase: ")
            # Checked before the new one is asked for: no typing it twice for nothing.
            recovery.check_current(opened.store, old)
            new = _ask_new_passphrase(recovery.related_words(opened.store), old)
        recovery.change_passphrase(opened.store, old, new)
    finally:
        opened.store.close()
    say("Gendannelsesfrasen er skiftet. Nøglefilen er nu låst med den nye frase; den gamle")
    say("virker ikke længere. Sikkerhedskopier taget før nu åbnes stadig med den gamle frase:")
    say("tag en ny sikkerhedskopi, og slet de gamle, hvis den gamle frase kan kendes af andre.")
    return 0
