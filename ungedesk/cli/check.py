"""``ungedesk check``: SQLite's integrity check and SQLCipher's check of every page; exit 0
when the store is sound."""

from __future__ import annotations

import argparse

from ungedesk.cli.common import number, say, warn
from ungedesk.cli.opening import open_store
from ungedesk.services import integrity
from ungedesk.store.errors import CorruptStoreError
from ungedesk.store.paths import StorePaths


def cmd_check(args: argparse.Namespace, paths: StorePaths) -> int:
    opened = open_store(paths)
    try:
        result = integrity.check(opened.store)
    finally:
        opened.store.close()
    if result.sound:
        say(
            "Databasen er i orden: SQLite's integritetskontrol og krypteringskontrollen af "
            "hver side er bestået."
        )
        return 0
    warn(CorruptStoreError.message)
    # SQLite's reports name pages, tables and indexes, never row contents.
    details = [line for line in result.integrity if line != "ok"] + result.cipher
    for line in details[:10]:
        warn(f"  {line}")
    if len(details) > 10:
        warn(f"  … og {number(len(details) - 10)} fund mere.")
    return CorruptStoreError.exit_code
