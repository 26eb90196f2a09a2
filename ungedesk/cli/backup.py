"""``ungedesk backup --out FILE`` and ``ungedesk restore FILE``: the encrypted, checked backup
and its way back."""

from __future__ import annotations

import argparse
import getpass
from pathlib import Path

from ungedesk.cli.common import interactive, number, say
from ungedesk.cli.opening import open_store
from ungedesk.services import backup, backup_archive, progress, restore
from ungedesk.store.errors import MissingKeyError
from ungedesk.store.paths import StorePaths


def cmd_backup(args: argparse.Namespace, paths: StorePaths) -> int:
    opened = open_store(paths)
    try:
        result = backup.backup(
            opened.store, Path(args.out), force=args.force, progress=progress.silent()
        )
    finally:
        opened.store.close()
    say(
        f"Sikkerhedskopien er gemt og kontrolleret: {result.path} "
        f"({number(result.rows)} rækker i {result.tables} tabeller, "
        f"{number(result.size // 1024)} KB)."
    )
    # The witness: someone else keeps it, so a rolled-back log can be shown later.
    if result.audit_seq:
        say(
            f"Adgangsloggens seneste hændelse i kopien: nr. {number(result.audit_seq)}, "
            f"kontrolsum {result.audit_hash_short}. Giv den gerne til en kollega som vidne."
        )
    else:
        say("Adgangsloggen i kopien er tom (ingen hændelser endnu).")
    return 0


def cmd_restore(args: argparse.Namespace, paths: StorePaths) -> int:
    source = Path(args.file)
    if not source.is_file():
        raise backup_archive.BadBackupError("Sikkerhedskopien findes ikke. Tjek filnavnet.")
    info = backup_archive.inspect(source)
    try:
        opened = restore.restore(paths, source, progress=progress.silent())
    except MissingKeyError:
        if not interactive():
            raise
        opened = restore.restore(
            paths, source, getpass.getpass("Gendannelsesfrase: "), progress=progress.silent()
        )
    try:
        detail = restore.last_restore_detail(opened.store)
    finally:
        opened.store.close()
    say(f"Databasen er gendannet fra sikkerhedskopien fra {info.created}.")
    if detail:
        say(detail)
    return 0
