"""``ungedesk plan-pdf CPR --out FILE``: the young person's education plan as a PDF (or
PDF/A-2b for the archive), with the print logged."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path

from ungedesk.cli.common import check_cpr, say
from ungedesk.cli.opening import open_store
from ungedesk.domain.errors import InputError
from ungedesk.services import plan_export, youths
from ungedesk.store.paths import StorePaths


def cmd_plan_pdf(args: argparse.Namespace, paths: StorePaths) -> int:
    check_cpr(args.cpr)
    if args.plan_version is not None and args.plan_version < 1:
        raise InputError({"plan_version": "--plan-version skal være 1 eller mere."})
    out = Path(args.out)
    if out.is_dir():
        raise InputError({"out": f"{out} er en mappe. Angiv et filnavn, fx plan.pdf."})
    opened = open_store(paths)
    try:
        youth_id = youths.find_by_cpr(opened.store, args.cpr)
        if youth_id is None:
            raise InputError({"cpr": "Der er ingen ung med det CPR-nummer i databasen."})
        now = datetime.now().astimezone()
        written = plan_export.write_plan_pdf(
            opened.store,
            youth_id,
            out,
            archive=args.archive,
            version=args.plan_version,
            today=now.date(),
            now=now,
        )
    finally:
        opened.store.close()
    kind = "PDF/A-fil til arkivet" if args.archive else "PDF"
    say(f"Uddannelsesplanen er skrevet som {kind}: {written}")
    return 0
