"""``ungedesk demo --youths N``: fill the store with synthetic young people (Faker's names,
fictitious CPR numbers), in whole batches that a Ctrl+C lets finish.

``--public-passphrase`` (dev.py's demo) lets the demo store's lock screen show the passphrase
given in UNGEDESK_PASSPHRASE: the demo locks after five idle minutes, and nobody typed it."""

from __future__ import annotations

import argparse
import os
import sys
import time

from ungedesk.cli.common import (
    EXIT_INTERRUPTED,
    ProgressBar,
    StopRequest,
    decimal,
    number,
    say,
    warn,
)
from ungedesk.cli.opening import open_store
from ungedesk.domain.errors import InputError
from ungedesk.services import demo
from ungedesk.store.keys import ENV_PASSPHRASE
from ungedesk.store.paths import StorePaths


def cmd_demo(args: argparse.Namespace, paths: StorePaths) -> int:
    wanted: int = args.youths
    if wanted < 1 or wanted > demo.MAX_YOUTHS:
        raise InputError({"youths": f"--youths skal være mellem 1 og {number(demo.MAX_YOUTHS)}."})
    public = os.environ.get(ENV_PASSPHRASE, "") if args.public_passphrase else ""
    if args.public_passphrase and not public:
        raise InputError(
            {
                "passphrase": (
                    f"--public-passphrase viser adgangsfrasen fra {ENV_PASSPHRASE}, som er tom."
                )
            }
        )
    opened = open_store(paths)
    stop = StopRequest()
    bar = ProgressBar(sys.stderr, "Demodata")
    started = time.monotonic()
    try:
        if public:
            # First, so a refused store (real young people, another passphrase) gets nothing.
            demo.publish_passphrase(opened.store, paths, public)
        with stop.installed():
            created = demo.generate(opened.store, wanted, seed=args.seed, progress=bar, cancel=stop)
    finally:
        bar.close()
        opened.store.close()
    seconds = time.monotonic() - started
    if created < wanted:
        warn(
            f"Stoppet: {number(created)} af {number(wanted)} opdigtede unge blev gemt "
            "(kun hele portioner). Resten er ikke oprettet."
        )
        return EXIT_INTERRUPTED
    say(f"{number(created)} opdigtede unge er oprettet på {decimal(seconds)} s.")
    return 0
