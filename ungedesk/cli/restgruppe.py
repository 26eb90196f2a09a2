"""``ungedesk import-restgruppe FILE --month YYYY-MM [--dry-run] [--replace]``: the
coordination group's monthly list imported headless, with the screen's checks and messages
(services.restgruppe_import). ``--dry-run`` shows the preview and writes nothing.

Rows are named by their line and masked CPR number only: the output of a script ends up in
logs and terminals' scrollback, where names do not belong.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ungedesk.cli.common import number, say, warn
from ungedesk.cli.opening import open_store
from ungedesk.domain.errors import InputError
from ungedesk.domain.restgruppe_csv import COLUMN_LABELS, Column
from ungedesk.services import restgruppe_import
from ungedesk.store.paths import StorePaths

_BY_NAME = {c.value: c for c in Column}


def _chosen(pairs: list[str]) -> dict[str, Column]:
    chosen: dict[str, Column] = {}
    names = ", ".join(_BY_NAME)
    for pair in pairs:
        header, sep, meaning = pair.rpartition("=")
        column = _BY_NAME.get(meaning.strip())
        if not sep or not header.strip() or column is None:
            raise InputError(
                {"column": f"--column skrives KOLONNE=BETYDNING, fx 'Elev-ID=cpr' ({names})."}
            )
        chosen[header.strip()] = column
    return chosen


def cmd_import_restgruppe(args: argparse.Namespace, paths: StorePaths) -> int:
    month = restgruppe_import.parse_month(args.month)
    chosen = _chosen(args.column or [])
    data = restgruppe_import.read_file(Path(args.file))
    label = restgruppe_import.month_label(month)
    opened = open_store(paths)
    try:
        preview = restgruppe_import.preview(opened.store, data, month, chosen)
        for header in preview.unknown_headers:
            warn(f"Kolonnen «{header}» bruges ikke ({COLUMN_LABELS[Column.IGNORE].lower()}).")
        for row in preview.rows:
            for text in row.warnings:
                warn(f"Linje {row.line} ({row.masked_cpr}): {text}")
        summary = (
            f"{number(len(preview.rows))} unge, {number(preview.matched)} i registret, "
            f"{number(preview.new)} ikke registreret, {number(preview.with_warnings)} med "
            "bemærkninger"
        )
        if args.dry_run:
            say(f"Prøvekørsel, intet gemt. Listen for {label}: {summary}.")
            if preview.existing is not None:
                say(
                    "Måneden har allerede denne liste."
                    if preview.existing.same
                    else "Måneden har allerede en anden liste; --replace erstatter den."
                )
            return 0
        result = restgruppe_import.apply(
            opened.store, data, month, chosen=chosen, replace=args.replace
        )
    finally:
        opened.store.close()
    verb = "erstattet" if result.replaced else "importeret"
    say(f"Listen for {label} er {verb}: {summary}.")
    return 0
