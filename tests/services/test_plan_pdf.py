"""The young person's plan PDF: what it says, how it reads, that user text cannot break it,
and the store-level export (logged, named without CPR, batch with progress and cancel)."""

from __future__ import annotations

import dataclasses
import io
import re
import unicodedata
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image
from pypdf import PdfReader

from tests.conftest import TODAY
from ungedesk.domain.errors import InputError, StoppedError
from ungedesk.domain.plan import (
    Application,
    ApplicationKind,
    Contact,
    ContactRole,
    GoalType,
    Handout,
    Intervention,
    PlanContent,
    SpiderReading,
    Subgoal,
    SubgoalOwner,
    SubgoalStatus,
    lix,
)
from ungedesk.domain.progression import Indicator
from ungedesk.domain.youth import YouthInput
from ungedesk.services import audit, plan, plan_export, plan_pdf, youths
from ungedesk.services.audit import Action
from ungedesk.services.progress import Progress
from ungedesk.store.database import Store
from ungedesk.store.errors import StoreError

NOW = datetime(2026, 11, 24, 12, 0)
INDICATORS = (
    Indicator.SKILLS,
    Indicator.WORK_IDENTITY,
    Indicator.MOTIVATION,
    Indicator.ATTENDANCE,
    Indicator.NETWORK,
    Indicator.COOPERATION,
)


def png_logo(mode: str = "RGBA") -> bytes:
    image = Image.new(mode, (120, 40), (20, 60, 120, 128) if mode == "RGBA" else (20, 60, 120))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def handout(**changes: object) -> Handout:
    content = PlanContent(
        goal_type=GoalType.EUD,
        programme="Tømrer",
        school="Hansenberg",
        goal_start=date(2027, 8, 1),
        own_wishes="Jeg vil gerne bygge huse.",
        challenges="Det er svært at stå op.",
        short_term_goals="Komme i praktik før jul.",
        long_term_goals="Blive svend.",
        subgoals=(
            Subgoal("Søge ind på EUD", SubgoalOwner.YOUTH, date(2026, 12, 15)),
            Subgoal(
                "Finde en praktikplads",
                SubgoalOwner.CASEWORKER,
                date(2026, 12, 1),
                owner_name="Anne Bjerregaard",
                status=SubgoalStatus.IN_PROGRESS,
            ),
            Subgoal("Mentor hver uge", SubgoalOwner.OTHER, owner_name="Łukasz Mentor"),
        ),
        interventions=(
            Intervention("Virksomhedspraktik", "Byg & Bo", date(2026, 12, 1), date(2026, 12, 14)),
        ),
        applications=(Application(ApplicationKind.APPLICATION, "Hansenberg", date(2026, 11, 20)),),
        contacts=(
            Contact(ContactRole.CONTACT_PERSON, "Şükrü Yılmaz", "UU-vejleder", "23 45 67 89"),
        ),
    )
    base = Handout(
        municipality="Demo Kommune",
        youth_name="Nguyễn Văn An",
        cpr_masked="150605-xxxx",
        content=content,
        coordinator=Contact(
            ContactRole.CONTACT_PERSON,
            "Anne Bjerregaard",
            "Sagsbehandler",
            "12 34 56 78",
            "abj@kommune.example",
        ),
        next_meeting=datetime(2026, 3, 3, 10, 0),
        next_meeting_place="Jobcentret, lokale 3",
        version=2,
        handed_out_on=date(2026, 11, 24),
        handed_out_by="Anne Bjerregaard",
        printed_on=TODAY,
        logo=png_logo(),
        first_reading=SpiderReading(date(2026, 3, 3), dict.fromkeys(INDICATORS, 3)),
        latest_reading=SpiderReading(date(2026, 11, 17), dict.fromkeys(INDICATORS, 7)),
        indicators=INDICATORS,
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def with_content(h: Handout, **changes: object) -> Handout:
    return dataclasses.replace(h, content=dataclasses.replace(h.content, **changes))  # type: ignore[arg-type]


def pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def squeeze(text: str) -> str:
    return "".join(text.split())


# --- what it says ------------------------------------------------------------------------


def test_sections_names_and_danish_meeting_time() -> None:
    text = "\n".join(pages(plan_pdf.render_handout(handout())))
    for heading in (
        "Min uddannelsesplan",
        "Mit mål",
        "Det gør jeg",
        "Det gør kommunen og UU",
        "Mine aktiviteter",
        "Hvem kan jeg kontakte",
        "Næste møde",
        "Min udvikling",
        "Din underskrift",
    ):
        assert heading in text
    for name in ("Şükrü Yılmaz", "Łukasz Mentor", "Nguyễn Văn An", "Anne Bjerregaard"):
        assert name in text
    assert "tirsdag d. 3. marts 2026 kl. 10.00" in text
    assert "12 34 56 78" in text and "abj@kommune.example" in text
    assert "Erhvervsuddannelse (EUD): Tømrer" in text
    assert "150605-xxxx" in text
    assert "Byg & Bo" in text
    assert "Første gang (3. marts 2026)" in text and "Nu (17. november 2026)" in text


def test_a_full_cpr_handed_in_by_mistake_is_masked() -> None:
    text = "".join(pages(plan_pdf.render_handout(handout(cpr_masked="150605-4321"))))
    assert "150605-xxxx" in text and "4321" not in text
    assert plan_pdf.masked_cpr("1506054321") == "150605-xxxx"
    assert plan_pdf.masked_cpr("150605-xxxx") == "150605-xxxx"


def test_meeting_time_format() -> None:
    assert plan_pdf.meeting_time(datetime(2026, 3, 3, 10, 0)) == (
        "tirsdag d. 3. marts 2026 kl. 10.00"
    )
    assert plan_pdf.meeting_time(datetime(2027, 1, 4, 8, 5)) == (
        "mandag d. 4. januar 2027 kl. 08.05"
    )


def test_metadata_and_page_numbers() -> None:
    data = plan_pdf.render_handout(handout())
    reader = PdfReader(io.BytesIO(data))
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "Min uddannelsesplan"
    assert meta.author == "Demo Kommune"
    assert str(reader.trailer["/Root"]["/Lang"]) == "da-DK"
    total = len(reader.pages)
    for number, text in enumerate(pages(data), start=1):
        assert f"Side {number} af {total}" in text


def test_fixed_text_is_easy_to_read() -> None:
    # Headings and labels are lines of their own: each counts as a sentence.
    sentences = [
        t if t.rstrip().endswith((".", "?", "!", ":")) else t + "." for t in plan_pdf.TEXT.values()
    ]
    score = lix(" ".join(sentences))
    assert score <= 35, score


def test_draft_says_so_and_empty_plan_still_reads() -> None:
    empty = handout(
        content=PlanContent(),
        coordinator=None,
        next_meeting=None,
        version=None,
        handed_out_on=None,
        logo=None,
        first_reading=None,
        latest_reading=None,
        indicators=(),
    )
    text = "\n".join(pages(plan_pdf.render_handout(empty)))
    assert plan_pdf.TEXT["draft"] in text
    assert plan_pdf.TEXT["no_goal"] in text
    assert plan_pdf.TEXT["no_meeting"] in text
    assert plan_pdf.TEXT["no_progress"] in text
    assert "Kladde" in text


def test_one_reading_and_too_few_indicators_for_a_web() -> None:
    one = SpiderReading(date(2026, 5, 1), {Indicator.SKILLS: 4, Indicator.NETWORK: 6})
    h = handout(
        first_reading=one,
        latest_reading=one,
        indicators=(Indicator.SKILLS, Indicator.NETWORK),
    )
    text = "\n".join(pages(plan_pdf.render_handout(h)))
    assert "Dine tal (1. maj 2026)" in text
    assert "Første gang" not in text


def test_consented_content_gets_its_own_section() -> None:
    text = "\n".join(
        pages(plan_pdf.render_handout(with_content(handout(), housing="Bor hos mor.")))
    )
    assert "Andet i planen" in text and "Bor hos mor." in text
    assert "Andet i planen" not in "\n".join(pages(plan_pdf.render_handout(handout())))


def test_long_plan_flows_without_orphaned_headings() -> None:
    many = tuple(
        Subgoal(
            f"Delmål nummer {i} med lidt tekst",
            SubgoalOwner.YOUTH if i % 2 else SubgoalOwner.UU,
            date(2026, 12, 1),
        )
        for i in range(70)
    )
    long_text = "Jeg vil gerne lære mere. " * 150
    data = plan_pdf.render_handout(with_content(handout(), subgoals=many, own_wishes=long_text))
    texts = pages(data)
    assert len(texts) >= 3
    headings = [
        plan_pdf.TEXT[k]
        for k in (
            "goal",
            "mine",
            "theirs",
            "activities",
            "contacts",
            "meeting",
            "progress",
            "signatures",
        )
    ]
    for number, text in enumerate(texts, start=1):
        body = text.split(f"Side {number} af")[0]
        lines = [ln for ln in body.splitlines() if ln.strip()]
        # The last text on a page (before the footer line) is never a section heading.
        footer = [ln for ln in lines if "Min uddannelsesplan · Version" in ln]
        content = [ln for ln in lines if ln not in footer]
        assert content[-1].strip() not in headings, (number, content[-3:])
    footers = r"DemoKommune·Minuddannelsesplan·Version2Side\d+af\d+"
    joined = re.sub(footers, "", squeeze("".join(texts)))
    assert joined.count("Jegvilgernelæremere.") == 150
    for i in range(70):
        assert f"Delmålnummer{i}medlidttekst" in joined


# --- user text cannot break it -------------------------------------------------------------

HOSTILE = [
    "<b>fed</b> <img src='/etc/passwd'/> <para>",
    "Byg & Bo &amp; &lt;x&gt; &#169; &nbsp;",
    "Jeg 😀 elsker 🚀 at bygge 👍🏽 huse",
    "שלום עולם",
    "مرحبا بكم",
    "Aa" * 400,
    "",
    "   ",
    "Ş Ł ễ Ø Å ß ŋ ð",
    "line\nbreak\ttab\x00nul\x1besc\u200bzero\u00adsoft",
]

# Right-to-left letters come back from pypdf in reversed runs; they are checked as a multiset.
RTL = ("R", "AL", "AN")


def ltr_part(text: str) -> str:
    return squeeze("".join(ch for ch in text if unicodedata.bidirectional(ch) not in RTL))


def rtl_letters(text: str) -> list[str]:
    return sorted(ch for ch in text if unicodedata.bidirectional(ch) in RTL)


def check_round_trip(value: str) -> None:
    h = with_content(
        handout(youth_name=value or "Navn", municipality=value),
        own_wishes=value,
        school=value,
        subgoals=(Subgoal(value or "x", SubgoalOwner.YOUTH),),
        contacts=(Contact(ContactRole.TEAM, value or "x", phone=value),),
    )
    # Without each page's footer (its last two lines), so text running over a page break
    # joins up.
    text = "".join(
        "\n".join(page.rstrip("\n").split("\n")[:-2]) for page in pages(plan_pdf.render_handout(h))
    )
    shown = plan_pdf.printable(value)
    assert ltr_part(shown) in ltr_part(text)
    assert not set(rtl_letters(shown)) - set(rtl_letters(text))
    assert "/etc/passwd" not in text or "<img" in text  # shown as text, never read


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_text_is_shown_as_text(value: str) -> None:
    check_round_trip(value)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    st.one_of(
        st.text(max_size=200),
        st.sampled_from(HOSTILE),
        st.lists(st.sampled_from(HOSTILE), max_size=4).map(" ".join),
        st.text(alphabet=st.sampled_from("<>&;\"'/ aæøå#"), max_size=80),
    )
)
def test_any_text_builds_and_is_found(value: str) -> None:
    check_round_trip(value)


def test_very_long_municipality_and_names_still_lay_out() -> None:
    # Found by hypothesis: a name far too long for the row beside the logo.
    value = " ".join(["Aa" * 400] * 4)
    check_round_trip(value)
    footer = pages(plan_pdf.render_handout(handout(municipality=value)))[0].splitlines()[-2:]
    assert "…" in footer[0] and footer[1].startswith("Side 1 af")


def test_printable_replaces_what_the_font_lacks_visibly() -> None:
    # Emoji are kept for the fallback font; a character no font has becomes U+FFFD.
    assert plan_pdf.printable("a😀b") == "a😀b"
    assert plan_pdf.printable("a😀b", fallback=False) == "a\ufffdb"
    assert plan_pdf.printable("a\U000f0000b") == "a\ufffdb"
    assert plan_pdf.printable("x\u200by\u00adz\x00") == "xyz"
    assert plan_pdf.printable("Nguyê\u0303n") == "Nguyễn"  # decomposed input is composed
    assert plan_pdf.printable("a\tb") == "a b"
    assert "&lt;b&gt;" in plan_pdf.markup("<b>")


def test_right_to_left_words_are_laid_out_in_reading_order() -> None:
    assert plan_pdf.visual("Şükrü שלום עולם 12") == "Şükrü םלוע םולש 12"
    assert plan_pdf.visual("שָׁלוֹם") == "םוֹלשָׁ"  # vowel marks stay with their letter
    assert plan_pdf.visual("Byg & Bo") == "Byg & Bo"
    # pypdf reads a right-to-left run back reversed, i.e. in logical order again.
    h = with_content(handout(), own_wishes="Jeg hedder שלום עולם.")
    assert "שלום עולם" in "".join(pages(plan_pdf.render_handout(h)))


def test_a_broken_logo_is_left_out_and_a_transparent_one_flattened() -> None:
    text = "".join(pages(plan_pdf.render_handout(handout(logo=b"not an image"))))
    assert "Min uddannelsesplan" in text
    data = plan_pdf.render_handout(handout(logo=png_logo("RGBA")))
    reader = PdfReader(io.BytesIO(data))
    images = reader.pages[0]["/Resources"]["/XObject"]
    for ref in images.values():
        image = ref.get_object()
        assert "/SMask" not in image
        assert image["/ColorSpace"] == "/DeviceRGB"


# --- files ----------------------------------------------------------------------------------


def test_suggested_file_name_has_no_name_or_cpr() -> None:
    assert plan_export.suggested_file_name("2026-0042", 3, False) == "plan-2026-0042-v3.pdf"
    assert plan_export.suggested_file_name("2026-0042", None, False) == "plan-2026-0042-kladde.pdf"
    assert plan_export.suggested_file_name("2026/0042", 1, True) == "plan-2026-0042-v1-arkiv.pdf"


def register(store: Store, cpr: str, first: str = "Łukasz") -> int:
    return youths.register(
        store,
        YouthInput(
            cpr=cpr,
            first_name=first,
            last_name="Nowak",
            henvendelse_date=date(2026, 9, 1),
            caseworker_id=1,
        ),
        today=TODAY,
    ).youth_id


def plan_for(store: Store, youth_id: int, hand_out: bool = True) -> None:
    plan.save_plan(
        store,
        youth_id,
        PlanContent(goal_type=GoalType.EUD, programme="Tømrer", own_wishes="Bygge huse."),
        today=TODAY,
        now=NOW,
    )
    if hand_out:
        plan.hand_out(store, youth_id, today=TODAY, now=NOW)


def test_write_plan_pdf_logs_the_export(store: Store, tmp_path: Path) -> None:
    youth = register(store, "150605-4321")
    plan_for(store, youth)
    out = plan_export.write_plan_pdf(
        store, youth, tmp_path / "ud" / "plan.pdf", today=TODAY, now=NOW
    )
    text = "".join(pages(out.read_bytes()))
    assert "Łukasz Nowak" in text and "150605-xxxx" in text and "1506054321" not in text
    assert out.stat().st_mode & 0o777 == 0o600
    events = audit.events_for_youth(store, youth)
    exports = [e for e in events if e.action is Action.EXPORT]
    assert exports and exports[-1].purpose == "Uddannelsesplan til den unge"


def test_write_plan_pdf_unknown_person_and_unwritable_place(store: Store, tmp_path: Path) -> None:
    with pytest.raises(InputError):
        plan_export.write_plan_pdf(store, 9999, tmp_path / "x.pdf", today=TODAY, now=NOW)
    youth = register(store, "150605-4321")
    plan_for(store, youth)
    blocker = tmp_path / "fil"
    blocker.write_text("x")
    with pytest.raises(StoreError) as caught:
        plan_export.write_plan_pdf(store, youth, blocker / "plan.pdf", today=TODAY, now=NOW)
    assert "Traceback" not in caught.value.message


def exported(store: Store, ids: list[int]) -> int:
    return sum(
        1 for y in ids for e in audit.events_for_youth(store, y) if e.action is Action.EXPORT
    )


def test_batch_progress_stop_and_names(store: Store, tmp_path: Path) -> None:
    ids = [register(store, cpr) for cpr in ("150605-4321", "020304-4561", "010203-4562")]
    for youth in ids:
        plan_for(store, youth)
    items = plan.handed_out_between(store, TODAY, TODAY)
    assert len(items) == 3
    seen: list[tuple[int, int]] = []
    paths = plan_export.write_batch(
        store,
        items,
        tmp_path / "uge",
        archive=False,
        today=TODAY,
        now=NOW,
        progress=Progress(lambda done, total, _label: seen.append((done, total))),
    )
    assert len(paths) == 3 and all(p.exists() for p in paths)
    assert seen[0] == (0, 3) and seen[-1] == (3, 3)
    for path in paths:
        assert re.fullmatch(r"plan-U-2026-\d{5}-v1\.pdf", path.name)
    assert exported(store, ids) == 3

    # Stop pressed while the second PDF is being made: the first one, already made into
    # its temp file, is removed with it and its export is not logged.
    def stop_at_two(done: int, _total: int, _label: str) -> None:
        if done == 1:
            stopper.stop()

    stopper = Progress(stop_at_two)
    folder = tmp_path / "stop"
    with pytest.raises(StoppedError):
        plan_export.write_batch(
            store, items, folder, archive=True, today=TODAY, now=NOW, progress=stopper
        )
    assert list(folder.iterdir()) == []  # no PDF and no stray temp file
    assert exported(store, ids) == 3


def test_a_stopped_batch_leaves_files_already_in_the_folder_as_they_were(
    store: Store, tmp_path: Path
) -> None:
    youth = register(store, "150605-4321")
    plan_for(store, youth)
    folder = tmp_path / "uge"
    first = plan_export.make_batch(store, TODAY, TODAY, folder, archive=False, today=TODAY, now=NOW)
    assert first.total == 1 and len(first.written) == 1
    before = first.written[0].read_bytes()
    stopper = Progress()
    stopper.stop()
    with pytest.raises(StoppedError):
        plan_export.make_batch(
            store, TODAY, TODAY, folder, archive=False, today=TODAY, now=NOW, progress=stopper
        )
    assert sorted(p.name for p in folder.iterdir()) == [first.written[0].name]
    assert first.written[0].read_bytes() == before
