"""The plan PDF as a reader meets it: emoji drawn, searchable and copyable (in the handout
and the PDF/A copy), the text in reading order for read-aloud tools (pdftotext), the title
and language set, abbreviations explained, what happens next and where to complain, and
chart labels large enough to read."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest
from reportlab.graphics.shapes import Drawing, Group, String

from tests.services.test_plan_pdf import INDICATORS, handout, pages, with_content
from ungedesk.domain.plan import GoalType, Subgoal, SubgoalOwner
from ungedesk.services import plan_chart, plan_pdf

# .ci/run installs poppler-utils and sets CI, so there a missing tool fails the tests
# instead of skipping them; a developer's machine without it skips.
needs_poppler = pytest.mark.skipif(
    (shutil.which("pdftotext") is None or shutil.which("pdffonts") is None)
    and not os.environ.get("CI"),
    reason="poppler-utils (pdftotext, pdffonts) is not installed",
)

WORDS = "Jeg vil være tømrer 🎓 og glad 😀 færdig"


def pdftotext(data: bytes, tmp_path: Path, *extra: str) -> str:
    path = tmp_path / "plan.pdf"
    path.write_bytes(data)
    return subprocess.run(
        ["pdftotext", *extra, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def pdffonts(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "fonts.pdf"
    path.write_bytes(data)
    return subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout


def text_maps(data: bytes) -> list[bytes]:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        maps = []
        for page in pdf.pages:
            for font in page.obj.Resources.Font.values():
                if "/ToUnicode" in font:
                    maps.append(font.ToUnicode.read_bytes())
        return maps


@needs_poppler
@pytest.mark.parametrize("archive", [False, True], ids=["handout", "archive"])
def test_emoji_are_drawn_searchable_and_copyable(archive: bool, tmp_path: Path) -> None:
    data = plan_pdf.render_handout(with_content(handout(), own_wishes=WORDS), archive=archive)
    assert WORDS in pdftotext(data, tmp_path)
    assert WORDS in "".join(pages(data))
    fonts = pdffonts(data, tmp_path)
    # The emoji font is embedded as a subset with its own text map.
    symbola = [line for line in fonts.splitlines() if "+Symbola" in line]
    assert symbola and symbola[0].split()[-5:-2] == ["yes", "yes", "yes"], fonts


def test_the_text_map_writes_emoji_as_surrogate_pairs() -> None:
    data = plan_pdf.render_handout(with_content(handout(), own_wishes="🎓"))
    entries = [
        e
        for m in text_maps(data)
        for e in re.findall(rb"<[0-9A-F]{2}> <([0-9A-F]+)>", m.split(b"beginbfchar")[1])
    ]
    # U+1F393 is D83C DF93 in UTF-16; no entry has the odd five hex digits reportlab wrote.
    assert b"D83CDF93" in entries
    assert all(len(e) % 4 == 0 for e in entries), entries


@needs_poppler
def test_the_text_reads_in_order_with_title_and_language(tmp_path: Path) -> None:
    data = plan_pdf.render_handout(handout(unit="Ungeindsatsen"))
    text = " ".join(pdftotext(data, tmp_path).split())
    headings = [
        "Min uddannelsesplan",
        "Mit mål",
        "Det gør jeg",
        "Det gør kommunen og UU",
        "Mine aktiviteter",
        "Hvem kan jeg kontakte",
        "Næste møde",
        "Min udvikling",
        "Hvad sker der nu?",
        "Er du uenig?",
        "Underskrifter",
    ]
    places = [text.index(h) for h in headings]
    assert places == sorted(places)
    # A paragraph reads as one run, not column by column.
    assert "Vi ser på sagen igen. Er vi stadig uenige, sender vi klagen til Ankestyrelsen." in text
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert str(pdf.Root.Lang) == "da-DK"
        assert str(pdf.docinfo["/Title"]) == "Min uddannelsesplan"
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True


def test_uu_and_short_names_explained_once_and_complaints_go_to_the_unit() -> None:
    h = with_content(handout(unit="Ungeindsatsen Vest"), goal_type=GoalType.FGU)
    text = " ".join(" ".join(pages(plan_pdf.render_handout(h))).split())
    assert text.count("UU er kommunens vejledning af unge") == 1
    assert "FGU (forberedende grunduddannelse)" in text
    assert "Send klagen til Ungeindsatsen Vest, senest 4 uger efter" in text
    assert "jobcenter" not in " ".join(plan_pdf.TEXT.values()).lower()


def _strings(node: Drawing | Group) -> list[String]:
    found: list[String] = []
    for item in node.contents:
        if isinstance(item, String):
            found.append(item)
        elif isinstance(item, Group):
            found.extend(_strings(item))
    return found


def test_chart_labels_are_at_least_8_pt() -> None:
    chart = plan_chart.spider(
        INDICATORS,
        dict.fromkeys(INDICATORS, 3),
        dict.fromkeys(INDICATORS, 7),
        width=300,
        height=200,
    )
    assert chart is not None
    legend = plan_chart.legend([("Første gang", False), ("Nu", True)])
    sizes = [s.fontSize for s in _strings(chart) + _strings(legend)]
    assert len(sizes) >= len(INDICATORS) + 3
    assert min(sizes) >= 8


LONG_WORD = "Tømrerlærlingeuddannelsesforløbsplanlægningskoordinator" * 4
MIXED = [
    "🎓🎓🎓 <b>fed</b> &amp; 😀",
    '<font name="Helvetica">x</font> 🙂',
    "שלום 🎓 עולם",
    "مرحبا بك 👍",
    LONG_WORD,
    "👨‍👩‍👧 familie",  # a joined family: the joiners go, the people stay
]


@pytest.mark.parametrize("value", MIXED)
def test_emoji_rtl_and_long_words_build_escaped(value: str) -> None:
    h = with_content(
        handout(youth_name=value),
        own_wishes=value,
        subgoals=(Subgoal(value, SubgoalOwner.YOUTH),),
    )
    data = plan_pdf.render_handout(h, archive=True)
    text = "".join("".join(pages(data)).split())
    for emoji in re.findall(r"[\U0001F300-\U0001FAFF]", value):
        assert emoji in text
    if "<b>" in value:
        assert "<b>fed</b>" in text.replace("&amp;", "&")
    if value == LONG_WORD:
        assert LONG_WORD[:40] in text
    with pikepdf.open(io.BytesIO(data)) as pdf:
        fonts = {
            str(f.BaseFont).split("+")[-1] for p in pdf.pages for f in p.Resources.Font.values()
        }
    assert "Helvetica" not in fonts
