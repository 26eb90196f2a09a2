"""The steering group's report: the table's headings (the target groups' long Danish
labels) wrap between words only, broken nowhere inside a word but before "modtager" in a
long compound when a column is too narrow; a table too wide for the page is shared out
over several, each with the figures' names; the labels are escaped."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from tests.conftest import TODAY
from ungedesk.domain.figures import TOTAL, FlowFigures, Period
from ungedesk.domain.youth import YouthInput
from ungedesk.services import figures_report, pdf_fonts, target_groups, visitation, youths
from ungedesk.services.figures_export import FigureRow, FiguresTable
from ungedesk.services.visitation import VisitationInput
from ungedesk.store.database import Store

NOVEMBER = Period.month(2026, 11)
NAMES = ("Aktive sager", "Tilgang", "Afgang", "  Afgang til overdraget til en anden enhed")


def text_of(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def words_of(text: str) -> set[str]:
    return set(text.split())


def table_of(labels: list[str]) -> FiguresTable:
    columns = (*labels, "I alt")
    rows = tuple(FigureRow(n, tuple(range(len(columns))), "") for n in NAMES)
    return FiguresTable(NOVEMBER, columns, rows, (*labels, TOTAL))


def render(labels: list[str]) -> bytes:
    history = [FlowFigures(p) for p in NOVEMBER.months_back(12)]
    return figures_report.render_table_pdf(table_of(labels), history, "Demo Kommune", TODAY)


def test_the_headings_of_a_real_report_keep_their_words_whole(store: Store) -> None:
    for n, group in enumerate(("lab6_4", "lab6_5", "lab6_3", "lab6_2", "kui")):
        yid = youths.register(
            store,
            YouthInput(
                f"{n + 1:02d}0105400{n}", "Prøve", "Hansen", date(2026, 11, 2), caseworker_id=1
            ),
            today=TODAY,
        ).youth_id
        visitation.save(store, yid, VisitationInput(date(2026, 11, 2), group), today=TODAY)
    words = words_of(text_of(figures_report.render_pdf(store, NOVEMBER, TODAY)))
    for whole in ("Uddannelsesparat", "Aktivitetsparat", "uddannelse", "I", "alt"):
        assert whole in words
    # Before, the narrow columns broke these inside the word: "Uddanne lses- parat".
    assert not {"Uddanne", "lses-", "Aktivitet", "s-"} & words


def test_every_heading_word_is_whole_or_broken_at_a_joint() -> None:
    labels = [label for _code, label in target_groups.all_codes()]
    words = words_of(text_of(render(labels)))
    for label in labels:
        for word in label.split(" (")[0].split():
            pieces = figures_report._pieces(word)
            assert word in words or all(p in words for p in pieces), word
    assert "Aktivitetsparat" in words and "Uddannelsesparat" in words


@pytest.mark.parametrize("count", [1, 3, 6, 10, 16])
def test_the_layout_fits_the_page_and_every_line_its_column(count: int) -> None:
    pdf_fonts.register()
    labels = [*(label for _code, label in target_groups.all_codes()[:count]), "I alt"]
    parts = figures_report.heading_layout(labels, NAMES)
    assert [i for p in parts for i in p.columns] == list(range(len(labels)))
    for part in parts:
        assert sum(part.widths) == pytest.approx(figures_report.WIDTH)
        assert part.widths[0] >= figures_report.FIRST_LEAST
        for lines, width in zip(part.lines, part.widths[1:], strict=True):
            for line in lines:
                room = width - figures_report.CELL_PADDING
                assert figures_report._width(line, pdf_fonts.BOLD, part.size) <= room
    if count <= 6:
        assert len(parts) == 1  # one table while the groups fit the page


def test_a_label_is_escaped() -> None:
    text = text_of(render(["Gruppe <b>A</b> & <i>B", "Dagpengemodtager"]))
    assert "Gruppe <b>A</b> & <i>B" in text
