"""``ungedesk catalogue export --out FILE`` and ``ungedesk catalogue import FILE``: the
offers catalogue (tilbudsvifte) as a file, so a team can share one catalogue between
laptops without a server. The import is all or nothing (services.catalogue)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ungedesk.cli.common import number, say
from ungedesk.cli.opening import open_store
from ungedesk.services import catalogue
from ungedesk.store.paths import StorePaths


def cmd_catalogue(args: argparse.Namespace, paths: StorePaths) -> int:
    opened = open_store(paths)
    try:
        if args.catalogue_action == "export":
            written = catalogue.export_catalogue(opened.store, Path(args.out))
            say(f"{number(written)} tilbud skrevet til {Path(args.out).name}.")
        else:
            result = catalogue.import_catalogue(opened.store, Path(args.file))
            say(
                f"Tilbudsviften er indlæst: {number(result.added)} nye og "
                f"{number(result.updated)} opdaterede tilbud."
            )
    finally:
        opened.store.close()
    return 0
