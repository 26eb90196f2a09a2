"""Opening the store for a command: keyring first, then UNGEDESK_PASSPHRASE, then a prompt.

Apart from ``common`` because it loads the database engine, which the GUI start and
``key rotate`` open in their own way.
"""

from __future__ import annotations

import getpass

from ungedesk.cli.common import interactive, require_store, warn
from ungedesk.services import setup
from ungedesk.store.database import Opened
from ungedesk.store.errors import MissingKeyError
from ungedesk.store.paths import StorePaths


def open_store(paths: StorePaths) -> Opened:
    """Keyring first, then UNGEDESK_PASSPHRASE (setup.unlock); on a terminal, ask."""
    opened = unlock(paths)
    # A rolled-back or rewritten access log is said by every command, not only 'audit'.
    for alert in opened.store.alerts:
        warn(f"Advarsel om adgangsloggen: {alert}")
    for notice in opened.store.notices:
        warn(notice)
    return opened


def unlock(paths: StorePaths) -> Opened:
    require_store(paths)
    try:
        return setup.unlock(paths)
    except MissingKeyError:
        if not interactive():
            raise
    passphrase = getpass.getpass("Gendannelsesfrase: ")
    return setup.unlock(paths, passphrase)
