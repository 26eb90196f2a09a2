"""``ungedesk figures --month YYYY-MM | --quarter YYYY-KN | --year YYYY [--out FILE.xlsx]``:
the management figures of a period counted by UngeDesk, printed as a table or written as a
workbook with a sheet of definitions (services.figures_export). Counts and shares only."""

from __future__ import annotations

import argparse
import re
from datetime import date
from pathlib import Path

from ungedesk.cli.common import decimal, say
from ungedesk.cli.opening import open_store
from ungedesk.domain.errors import InputError
from ungedesk.domain.figures import Period
from ungedesk.services import figures_export
from ungedesk.store.paths import StorePaths

_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$", re.ASCII)
_QUARTER = re.compile(r"^(\d{4})-[KkQq]([1-4])$", re.ASCII)
_YEAR = re.compile(r"^(\d{4})$", re.ASCII)


def parse_period(args: argparse.Namespace) -> Period:
    given = [a for a in (args.month, args.quarter, args.year) if a]
    if len(given) != 1:
        raise InputError({"period": "Vælg én periode: --month, --quarter eller --year."})
    text = given[0].strip()
    if args.month:
        m = _MONTH.match(text)
        if m and 1 <= int(m.group(2)) <= 12:
            return Period.month(int(m.group(1)), int(m.group(2)))
        raise InputError({"month": "Skriv måneden som år-måned, fx 2026-11."})
    if args.quarter:
        m = _QUARTER.match(text)
        if m:
            return Period.quarter(int(m.group(1)), int(m.group(2)))
        raise InputError({"quarter": "Skriv kvartalet som år-K og nummer, fx 2026-K4."})
    m = _YEAR.match(text)
    if m:
        return Period.year(int(m.group(1)))
    raise InputError({"year": "Skriv året med fire cifre, fx 2026."})


def _cell(value: object) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{decimal(value * 100)} %"
    return str(value)


def _print_team(paths: list[str]) -> int:
    from ungedesk.services import figures_share

    team = figures_share.merge_files([Path(p) for p in paths])
    say(f"Teamets tal for {team.period} fra {team.files} filer (mindst = nogle tal er skjult):")
    columns = sorted({c for _f, c in team.counts})
    width = max(len(f) for f, _c in team.counts) + 2
    say("".ljust(width) + "".join(f"{c[:14]:>16}" for c in columns))
    for figure in sorted({f for f, _c in team.counts}):
        cells = (team.counts.get((figure, c)) for c in columns)
        say(figure.ljust(width) + "".join(f"{m.text if m else '–':>16}" for m in cells))
    return 0


def cmd_figures(args: argparse.Namespace, paths: StorePaths) -> int:
    if args.merge:
        return _print_team(args.merge)
    period = parse_period(args)
    out = Path(args.out) if args.out else None
    if out is not None and out.suffix.lower() not in (".xlsx", ".pdf"):
        raise InputError({"out": "--out skal være et regneark (.xlsx) eller en rapport (.pdf)."})
    today = date.today()
    opened = open_store(paths)
    try:
        if args.team_file:
            from ungedesk.services import figures_share

            written = figures_share.export_file(opened.store, period, Path(args.team_file))
            say(f"Tallene til teamet for {period.label} er skrevet til {written.name}.")
            return 0
        if out is not None and out.suffix.lower() == ".pdf":
            from ungedesk.services import figures_report

            figures_report.write_report_pdf(opened.store, period, out, today)
            say(f"Rapporten for {period.label} er skrevet til {out.name}.")
            return 0
        if out is not None:
            figures_export.write_figures_xlsx(opened.store, period, out, today)
            say(f"Tallene for {period.label} er skrevet til {out.name}.")
            return 0
        table = figures_export.figures_table(opened.store, period, today)
    finally:
        opened.store.close()
    width = max(len(r.label) for r in table.rows) + 2
    say(
        f"Ledelsestal for {period.label}".ljust(width)
        + "".join(f"{c[:14]:>16}" for c in table.columns)
    )
    for row in table.rows:
        say(row.label.ljust(width) + "".join(f"{_cell(v):>16}" for v in row.values))
    return 0
