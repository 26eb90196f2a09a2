"""``ungedesk export-person CPR --out DIR``: the citizen's right of access, everything about
one person and who saw it, as PDF and JSON."""

from __future__ import annotations

import argparse
from pathlib import Path

from ungedesk.cli.common import check_cpr, number, say
from ungedesk.cli.opening import open_store
from ungedesk.domain.errors import InputError
from ungedesk.services import access, youths
from ungedesk.store.paths import StorePaths


def cmd_export_person(args: argparse.Namespace, paths: StorePaths) -> int:
    check_cpr(args.cpr)
    opened = open_store(paths)
    try:
        youth_id = youths.find_by_cpr(opened.store, args.cpr)
        if youth_id is None:
            raise InputError({"cpr": "Der er ingen ung med det CPR-nummer i databasen."})
        result = access.export_person(opened.store, youth_id, Path(args.out), purpose=args.purpose)
    finally:
        opened.store.close()
    say(f"Udtrækket er skrevet: {result.pdf_path} og {result.json_path.name}")
    say(f"{number(result.rows)} oplysninger og {number(result.access_events)} adgange.")
    return 0
