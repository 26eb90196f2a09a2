"""The management figures of a period as one table (rows: figures; columns: the target
groups of the period and the total), and that table as an xlsx file with a sheet of the
definitions. The same table feeds the command line and, later, the figures view.

Figures hold counts and shares only: no CPR, names or dates of birth. A figure that needs
young people behind it (drill-down) is read from services.figures, not from this table.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ungedesk.domain.figures import (
    DEFINITIONS,
    NOT_VISITED,
    TOTAL,
    Figure,
    Movement,
    Period,
)
from ungedesk.domain.progression import INDICATOR_LABELS, Indicator
from ungedesk.domain.timeliness import NONE_COUNTED
from ungedesk.domain.youth import EXIT_LABELS, ExitReason
from ungedesk.services import audit, figures, settings, target_groups
from ungedesk.services.audit import Action
from ungedesk.services.figures import EVERYONE, FigureFilter
from ungedesk.services.workbook import Column, add_sheet, new_workbook, to_bytes
from ungedesk.store.database import Store
from ungedesk.store.errors import translate_os_error
from ungedesk.store.paths import make_private_dirs, write_private_atomic

TIMELINESS_DEFINITION = {
    "conversations": (
        "Rettidighed, samtaler: af de samtalefrister (mødt af en jobsamtale eller en "
        "KUI-kontakt), hvis frist ligger i perioden, andelen holdt senest på fristdagen. "
        "Frister, der endnu ikke er nået, tælles ikke; fritagne vises for sig. En frist, "
        "hvis sag blev afsluttet før fristdagen, uden at fristen var mødt, bortfaldt med "
        "sagen og tælles ikke. En frist tæller i den målgruppe, den unge var i på "
        "fristdagen, eller, hvis sagen blev "
        "afsluttet før fristdagen, i den målgruppe, den unge var i på afslutningsdagen; "
        "i alt tæller hver frist én gang."
    ),
    "offers": (
        "Rettidighed, tilbud: det samme for tilbudsfrister (mødt af et tilbud, løntilskud "
        "eller en ny aktivitet efter KUI), med samme regel for, hvilken målgruppe en frist "
        "tæller i."
    ),
}
OUTCOME_DEFINITION = (
    "Tilbage på ydelse: af de unge, hvis sag blev afsluttet til job eller uddannelse i "
    "perioden, hvor mange der ifølge opfølgningen efter afslutningen var tilbage på en ydelse "
    "senest 6 (og 12) måneder efter afslutningen; de, der ved en opfølgning mindst så længe "
    "efter ikke var det; og de, der endnu ikke er fulgt op så længe. I en målgruppe tæller "
    "den unge i den målgruppe, sagen havde på afslutningsdagen."
)
MOVEMENT_DEFINITION = (
    "Progression: for unge, hvis seneste måling ligger i perioden, og som er målt før, "
    "forskellen mellem sagsbehandlerens seneste og første score på indikatoren (1-10), i "
    "gennemsnit. Vises kun, når mindst så mange unge som kommunens grænse (standard 5) "
    "indgår, så ingen enkelt ung kan genkendes. I en målgruppe tæller den unge i den "
    "målgruppe, den unge var i på dagen for den seneste måling."
)


def _decimal(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


Value = int | float | str | None


@dataclass(frozen=True, slots=True)
class FigureRow:
    label: str
    values: tuple[Value, ...]  # one per column; a float is a share (0-1)
    definition: str = ""
    # The young people behind each count (for the drill-down); () for shares.
    members: tuple[frozenset[int], ...] = ()


@dataclass(frozen=True, slots=True)
class FiguresTable:
    period: Period
    columns: tuple[str, ...]  # target-group labels, then "I alt"
    rows: tuple[FigureRow, ...]
    codes: tuple[str, ...]  # the code behind each column (target group, NOT_VISITED, TOTAL)


def _movement_text(m: Movement, limit: int) -> str:
    """The mean movement, or only that too few young people are in it to show it (health
    and substance use are sensitive: no single young person may be read out of a mean)."""
    if m.young_people < limit:
        return f"færre end {limit} unge"
    return f"{'+' if (m.mean or 0) > 0 else ''}{_decimal(m.mean or 0.0)} ({m.young_people} unge)"


def _column_label(code: str, on: date) -> str:
    if code == TOTAL:
        return "I alt"
    if code == NOT_VISITED:
        return "Ikke visiteret"
    return target_groups.label(code, on)


def figures_table(
    store: Store, period: Period, today: date, flt: FigureFilter = EVERYONE
) -> FiguresTable:
    """Every figure of ``period``, per target group and in total."""
    counted = figures.period_figures(store, period, today, flt)
    flow, active, timely = counted.flow, counted.activation, counted.timeliness
    # The flow's target groups, and any a deadline counts in without a case of the group
    # in the flow (a case closed before the period whose deadline fell due in it).
    codes = [*sorted((set(flow.columns()) | timely.columns()) - {TOTAL}), TOTAL]
    rows: list[FigureRow] = []
    for figure, label in (
        (Figure.ACTIVE, "Aktive sager"),
        (Figure.INFLOW, "Tilgang"),
        (Figure.OUTFLOW, "Afgang"),
    ):
        rows.append(
            FigureRow(
                label,
                tuple(flow.count(figure, c) for c in codes),
                DEFINITIONS[figure],
                tuple(frozenset(flow.members.get((figure, c), ())) for c in codes),
            )
        )
        if figure is Figure.OUTFLOW:
            # A case closed to "Skift af målgruppe" and a change of group inside the period
            # share one row: in a target group's column both are an afgang to another group.
            for reason in ExitReason:
                values = tuple(flow.outflow_count(str(reason), c) for c in codes)
                who = tuple(frozenset(flow.outflow_to.get((str(reason), c), ())) for c in codes)
                if not any(values):
                    continue
                label = f"  Afgang til {EXIT_LABELS[reason].lower()}"
                rows.append(FigureRow(label, values, "", who))
    rows.append(
        FigureRow(
            "Vendt i døren",
            tuple(flow.count(Figure.TURNED_AWAY, c) for c in codes),
            DEFINITIONS[Figure.TURNED_AWAY],
            tuple(frozenset(flow.members.get((Figure.TURNED_AWAY, c), ())) for c in codes),
        )
    )
    rows.append(
        FigureRow(
            "Aktiveringsgrad",
            tuple(active[c].share if c in active else None for c in codes),
            DEFINITIONS[Figure.ACTIVATION],
        )
    )
    for key, label, by_group in (
        ("conversations", "Rettidighed, samtaler", timely.conversations_by_group),
        ("offers", "Rettidighed, tilbud", timely.offers_by_group),
    ):
        counted_in = [by_group.get(c, NONE_COUNTED) for c in codes]
        rows.append(
            FigureRow(label, tuple(t.share for t in counted_in), TIMELINESS_DEFINITION[key])
        )
        rows.append(
            FigureRow(
                f"  {label}: fritaget (antal frister)",
                tuple(t.deadlines_exempt for t in counted_in),
                "",
                tuple(t.exempt for t in counted_in),
            )
        )
    for i, result in enumerate(timely.targets):
        reached = result.reached
        rows.append(
            FigureRow(
                result.target.label,
                tuple(
                    timely.targets_by_group[c][i].timeliness.share_with_exempt
                    if c in timely.targets_by_group
                    else None
                    for c in codes
                ),
                f"{result.target.source}. Fristerne tæller i målgrupperne som ved "
                "rettidigheden. Nået i alt: "
                + ("ja" if reached else "nej" if reached is not None else "intet at måle"),
            )
        )
    # Counts, each with its young people, not one long text per cell: a leader opens who
    # came back, and eight target-group columns stay narrow.
    none: frozenset[int] = frozenset()
    for months, by_column in counted.outcomes.items():
        found = [by_column.get(c) for c in codes]
        if months == min(counted.outcomes):
            left = tuple(none if o is None else o.left for o in found)
            rows.append(
                FigureRow(
                    "Afsluttet til job eller uddannelse",
                    tuple(len(w) for w in left),
                    OUTCOME_DEFINITION,
                    left,
                )
            )
        for label, who in (
            (
                f"  Tilbage på ydelse inden {months} måneder",
                tuple(none if o is None else o.returned for o in found),
            ),
            (
                f"  Ikke tilbage på ydelse efter {months} måneder",
                tuple(none if o is None else o.stayed for o in found),
            ),
            (
                f"  Endnu ikke fulgt op efter {months} måneder",
                tuple(none if o is None else o.unknown for o in found),
            ),
        ):
            rows.append(FigureRow(label, tuple(len(w) for w in who), "", who))
    limit = settings.get_setting(store, settings.FIGURES_THRESHOLD)
    moved = counted.movement
    defined = False
    for indicator in Indicator:
        found_moves = [moved.get(c, {}).get(indicator.value) for c in codes]
        if all(m is None for m in found_moves):
            continue
        rows.append(
            FigureRow(
                f"Progression: {INDICATOR_LABELS[indicator]}",
                tuple(None if m is None else _movement_text(m, limit) for m in found_moves),
                "" if defined else MOVEMENT_DEFINITION,
            )
        )
        defined = True
    return FiguresTable(
        period, tuple(_column_label(c, period.end) for c in codes), tuple(rows), tuple(codes)
    )


def render_xlsx(table: FiguresTable) -> bytes:
    wb = new_workbook()
    header = (Column("Tal", 44), *(Column(c, 16) for c in table.columns))
    add_sheet(
        wb,
        "Tal",
        header,
        [(row.label, *row.values) for row in table.rows],
    )
    add_sheet(
        wb,
        "Definitioner",
        (Column("Tal", 44), Column("Definition", 100)),
        [(row.label.strip(), row.definition) for row in table.rows if row.definition],
    )
    return to_bytes(wb, f"Ledelsestal {table.period.label}")


def write_figures_xlsx(
    store: Store,
    period: Period,
    target: Path,
    today: date,
    flt: FigureFilter = EVERYONE,
) -> Path:
    """The period's figures as an xlsx file, written privately and whole or not at all."""
    data = render_xlsx(figures_table(store, period, today, flt))
    try:
        make_private_dirs(target.parent)
        write_private_atomic(target, data)
    except OSError as exc:
        raise translate_os_error(exc) from exc
    audit.log(
        store,
        Action.EXPORT,
        subject=f"Ledelsestal {period.label}",
        detail="Tal som regneark (kun antal og andele)",
    )
    return target
