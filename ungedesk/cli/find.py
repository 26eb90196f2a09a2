"""``ungedesk find TEXT [--json] [--reveal] [--limit N]``: the register's search, headless.

The same search as the main window's field (name, CPR number, masked CPR, case number;
Danish spellings and one typo's "did you mean"), for IT and scripts. The search is logged
with its criterion; CPR numbers are masked unless ``--reveal``, and each number revealed is
logged as the record's Show CPR is.
"""

from __future__ import annotations

import argparse
import json

from ungedesk.cli.common import number, say, warn
from ungedesk.cli.opening import open_store
from ungedesk.domain.cpr import mask
from ungedesk.domain.errors import InputError
from ungedesk.domain.search import YouthRow
from ungedesk.services import register
from ungedesk.store.paths import StorePaths


def _cpr(row: YouthRow, revealed: bool) -> str:
    return f"{row.cpr[:6]}-{row.cpr[6:]}" if revealed else mask(row.cpr)


def _as_json(row: YouthRow, revealed: bool) -> dict[str, object]:
    # Keys in English like the code's names, so a script does not depend on the UI language.
    return {
        "id": row.id,
        "case_number": row.case_number,
        "cpr": _cpr(row, revealed),
        "first_name": row.first_name,
        "last_name": row.last_name,
        "birth_date": row.birth_date.isoformat(),
        "first_contact": row.henvendelse_date.isoformat(),
        "caseworker": row.caseworker,
        "status": row.status,
    }


def cmd_find(args: argparse.Namespace, paths: StorePaths) -> int:
    text: str = args.text
    if not text.strip():
        raise InputError({"text": "Skriv, hvad der skal søges efter: navn, CPR- eller sagsnummer."})
    if args.limit < 1:
        raise InputError({"limit": "--limit skal være 1 eller mere."})
    opened = open_store(paths)
    try:
        found = register.find(opened.store, text, args.limit, reveal=args.reveal)
    finally:
        opened.store.close()
    if args.json:
        say(json.dumps([_as_json(r, found.revealed) for r in found.rows], ensure_ascii=False))
    else:
        for row in found.rows:
            say(f"{row.case_number}  {_cpr(row, found.revealed)}  {row.name}")
    # Counts and hints go to stderr, so --json's output stays one JSON document.
    if found.matched == 0:
        warn("Ingen unge matcher søgningen.")
        if found.suggestion is not None:
            warn(f"Måske mente du: {found.suggestion}")
    elif found.matched > len(found.rows):
        warn(
            f"Viser {number(len(found.rows))} af {number(found.matched)} fundne "
            "(flere med --limit)."
        )
    return 0
