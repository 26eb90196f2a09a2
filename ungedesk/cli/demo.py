"""``ungedesk demo --youths N``: fill the store with synthetic young people (Faker's names,
fictitious CPR numbers), in whole batches that a Ctrl+C lets finish."""

from __future__ import annotations

import argparse
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
from ungedesk.store.paths import StorePaths


def cmd_demo(args: argparse.Namespace, paths: StorePaths) -> int:
    wanted: int = args.youths
    if wanted < 1 or wanted > demo.MAX_YOUTHS:
        raise InputError({"youths": f"--youths skal være mellem 1 og {number(demo.MAX_YOUTHS)}."})
    opened = open_store(paths)
    stop = StopRequest()
    bar = ProgressBar(sys.stderr, "Demodata")
    started = time.monotonic()
    try:
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
