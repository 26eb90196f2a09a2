"""The team's figures in the leader's UngeDesk: the caseworkers' figures files
(services.figures_share) merged into a table with Danish labels, and that table saved as a
workbook through services.workbook.

Counts only, as in the files: a count hidden in one or more files makes the sum a lower
bound, shown as "mindst N" (at least N) in the table and the workbook alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ungedesk.domain.figures import NOT_VISITED, TOTAL, Figure, Period
from ungedesk.domain.figures_file import Merged
from ungedesk.domain.youth import EXIT_LABELS, ExitReason
from ungedesk.services import audit, figures_share, target_groups
from ungedesk.services.audit import Action
from ungedesk.services.workbook import Column, add_sheet, new_workbook, to_bytes
from ungedesk.store.database import Store
from ungedesk.store.errors import translate_os_error
from ungedesk.store.paths import make_private_dirs, write_private_atomic

OUTFLOW_TO = "outflow_to:"
FIGURE_LABELS: dict[str, str] = {
    str(Figure.ACTIVE): "Aktive sager",
    str(Figure.INFLOW): "Tilgang",
    str(Figure.OUTFLOW): "Afgang",
    str(Figure.TURNED_AWAY): "Vendt i døren",
}
AT_LEAST_HINT = (
    "«mindst» betyder, at mindst én medarbejders fil havde et lille tal her, som er skjult "
    "for at ingen ung kan genkendes. Summen er derfor mindst det viste: hvert skjult tal "
    "tælles som 1."
)
_MONTH = re.compile(r"^(\d{4})-(\d{2})$", re.ASCII)
_QUARTER = re.compile(r"^(\d{4})-K([1-4])$", re.ASCII)
_YEAR = re.compile(r"^(\d{4})$", re.ASCII)


@dataclass(frozen=True, slots=True)
class TeamRow:
    key: str  # the files' figure: a domain.figures.Figure value or "outflow_to:<reason>"
    label: str  # Danish, as in the caseworker's own table
    cells: tuple[Merged, ...]  # one per column of TeamTable.columns


@dataclass(frozen=True, slots=True)
class TeamTable:
    period: str  # the files' period label, e.g. "2026-11" or "2026-K4"
    files: int
    columns: tuple[str, ...]  # target-group labels, then "I alt"
    rows: tuple[TeamRow, ...]

    @property
    def any_suppressed(self) -> bool:
        return any(cell.suppressed for row in self.rows for cell in row.cells)


def period_of(label: str) -> Period | None:
    """The period a file's label names ("2026-11", "2026-K4", "2026"), if it is one."""
    if m := _MONTH.match(label):
        if 1 <= int(m.group(2)) <= 12:
            return Period.month(int(m.group(1)), int(m.group(2)))
    elif m := _QUARTER.match(label):
        return Period.quarter(int(m.group(1)), int(m.group(2)))
    elif m := _YEAR.match(label):
        return Period.year(int(m.group(1)))
    return None


def _column_label(code: str, on: date | None) -> str:
    if code == TOTAL:
        return "I alt"
    if code == NOT_VISITED:
        return "Ikke visiteret"
    return target_groups.label(code, on)


def _row_label(figure: str) -> str:
    if figure in FIGURE_LABELS:
        return FIGURE_LABELS[figure]
    if figure.startswith(OUTFLOW_TO):
        reason = figure.removeprefix(OUTFLOW_TO)
        if reason in set(ExitReason):
            return f"  Afgang til {EXIT_LABELS[ExitReason(reason)].lower()}"
        return f"  Afgang til {reason}"
    return figure  # a figure a newer UngeDesk counts: shown by its key, not dropped


def _row_order(figure: str) -> tuple[int, int, str]:
    """As in the caseworker's table: active, inflow, outflow and where to, turned away."""
    order = list(FIGURE_LABELS)
    if figure in FIGURE_LABELS:
        place = order.index(figure)
        return (place if place < 3 else 4, 0, figure)
    if figure.startswith(OUTFLOW_TO):
        reasons = [str(r) for r in ExitReason]
        reason = figure.removeprefix(OUTFLOW_TO)
        return (3, reasons.index(reason) if reason in reasons else len(reasons), figure)
    return (5, 0, figure)


def team_table(paths: list[Path]) -> TeamTable:
    """The team's figures from the chosen files; any bad file raises a FileError that names
    it, and nothing is merged."""
    team = figures_share.merge_files(paths)
    period = period_of(team.period)
    codes = {column for _figure, column in team.counts}
    ordered = [*sorted(codes - {TOTAL}), *([TOTAL] if TOTAL in codes else [])]
    empty = Merged(0, 0)  # a count no file has: no young person in it anywhere
    rows = tuple(
        TeamRow(
            figure,
            _row_label(figure),
            tuple(team.counts.get((figure, code), empty) for code in ordered),
        )
        for figure in sorted({f for f, _c in team.counts}, key=_row_order)
    )
    on = period.end if period is not None else None
    return TeamTable(team.period, team.files, tuple(_column_label(c, on) for c in ordered), rows)


def _cell(merged: Merged) -> str | int:
    return merged.text if merged.suppressed else merged.value


def render_team_xlsx(table: TeamTable) -> bytes:
    wb = new_workbook()
    header = (Column("Tal", 36), *(Column(c, 16) for c in table.columns))
    add_sheet(
        wb, "Tal", header, [(row.label, *(_cell(c) for c in row.cells)) for row in table.rows]
    )
    add_sheet(
        wb,
        "Om tallene",
        (Column("Emne", 20), Column("Forklaring", 100)),
        [
            ("Periode", table.period),
            ("Filer", table.files),
            ("Mindst", AT_LEAST_HINT),
            (
                "Indhold",
                "Kun antal fra medarbejdernes filer med tal, lagt sammen. Ingen oplysninger "
                "om den enkelte unge.",
            ),
        ],
    )
    return to_bytes(wb, f"Teamets tal {table.period}")


def write_team_xlsx(store: Store, table: TeamTable, target: Path) -> Path:
    """The merged team figures as an xlsx file, written privately and whole or not at all;
    logged as an export."""
    data = render_team_xlsx(table)
    try:
        make_private_dirs(target.parent)
        write_private_atomic(target, data)
    except OSError as exc:
        raise translate_os_error(exc) from exc
    audit.log(
        store,
        Action.EXPORT,
        subject=f"Teamets tal {table.period}",
        detail=f"Teamets tal fra {table.files} filer som regneark (kun antal)",
    )
    return target
