"""``ungedesk audit verify|head``: walk the hash-chained access log and compare its head with
the marks kept outside the database (and a witness file), or give out the head."""

from __future__ import annotations

import argparse
from pathlib import Path

from ungedesk.cli.common import number, say, warn
from ungedesk.cli.opening import open_store
from ungedesk.domain.errors import InputError
from ungedesk.services import audit
from ungedesk.store import anchor
from ungedesk.store.paths import StorePaths

EXIT_TAMPERED = 12  # the log was edited, removed from or rolled back


def _read_witness(source: Path, store_id: str) -> anchor.HeadMark:
    try:
        data = source.read_bytes()[:4096]
    except OSError:
        raise InputError({"witness": "Vidnefilen kan ikke læses. Tjek filnavnet."}) from None
    try:
        return anchor.parse(data, store_id)
    except anchor.AnchorFormatError:
        raise InputError(
            {"witness": "Filen er ikke et vidne for denne database (lavet med 'audit head')."}
        ) from None


def cmd_audit(args: argparse.Namespace, paths: StorePaths) -> int:
    if args.action == "head":
        return _audit_head(args, paths)
    opened = open_store(paths)
    try:
        result = audit.verify(opened.store)
        problems = list(result.problems)
        if args.witness:
            witness = _read_witness(Path(args.witness), opened.store.store_id)
            problems += audit.check_witness(opened.store, witness)
    finally:
        opened.store.close()
    if not problems:
        say(f"Adgangsloggen er hel: {number(result.checked)} hændelser i en ubrudt kæde.")
        say(f"Loggens hoved: {result.head.short}")
        return 0
    warn("Adgangsloggen er ændret eller har huller:")
    for problem in problems[:20]:
        warn(f"  {problem}")
    if len(problems) > 20:
        warn(f"  … og {number(len(problems) - 20)} fund mere.")
    return EXIT_TAMPERED


def _audit_head(args: argparse.Namespace, paths: StorePaths) -> int:
    opened = open_store(paths)
    try:
        if args.out:
            mark = audit.export_witness(opened.store, Path(args.out))
        else:
            mark = audit.head(opened.store)
    finally:
        opened.store.close()
    say(f"Loggens hoved: hændelse nr. {mark.seq}")
    say(f"Hash: {mark.hash or '-'}")
    if args.out:
        say(f"Gemt som vidne: {args.out}. Giv filen til en, der opbevarer den uden for UngeDesk.")
    return 0
