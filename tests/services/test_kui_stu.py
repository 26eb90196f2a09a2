"""The KUI målgruppevurdering to FGU and the STU assessment are two decisions under two laws,
each with its date; existing rows that held one of them in a single column keep it."""

from __future__ import annotations

from datetime import date

import pytest
from alembic import command
from sqlalchemy import text

from tests.conftest import TODAY
from ungedesk.domain.errors import InputError
from ungedesk.domain.visitation import validate_assessments
from ungedesk.domain.youth import YouthInput
from ungedesk.services import access, visitation, youths
from ungedesk.services.visitation import VisitationInput
from ungedesk.store import migrate
from ungedesk.store.database import Store


def _youth(store: Store, cpr: str = "150308-4003") -> int:
    # Born 15 March 2008 (digit 7 is 4, YY 08: the 2000s): 18 in November 2026.
    return youths.register(
        store,
        YouthInput(cpr, "Sofie", "Nørgaard", date(2026, 11, 2), caseworker_id=1),
        today=TODAY,
    ).youth_id


def test_fgu_and_stu_are_saved_apart_with_their_dates(store: Store) -> None:
    yid = _youth(store)
    visitation.save(
        store,
        yid,
        VisitationInput(
            date(2026, 11, 10),
            "kui",
            fgu_assessed_on=date(2026, 11, 12),
            stu_assessed_on=date(2026, 11, 20),
        ),
        today=TODAY,
    )
    view = visitation.get(store, yid)
    assert view is not None
    assert view.fgu_assessed_on == date(2026, 11, 12)
    assert view.stu_assessed_on == date(2026, 11, 20)
    visitation.save(
        store,
        yid,
        VisitationInput(date(2026, 11, 10), "kui", stu_assessed_on=date(2026, 11, 20)),
        today=TODAY,
    )
    view = visitation.get(store, yid)
    assert view is not None and view.fgu_assessed_on is None
    assert view.stu_assessed_on == date(2026, 11, 20)


def test_assessment_dates_are_checked_in_danish(store: Store) -> None:
    yid = _youth(store)
    with pytest.raises(InputError) as err:
        visitation.save(
            store,
            yid,
            VisitationInput(
                date(2026, 11, 10),
                "kui",
                fgu_assessed_on=date(2026, 11, 25),
                stu_assessed_on=date(2026, 10, 1),
            ),
            today=TODAY,
        )
    assert err.value.fields["fgu_assessed_on"] == (
        "Målgruppevurderingen til FGU kan ikke ligge i fremtiden."
    )
    assert err.value.fields["stu_assessed_on"] == (
        "Vurderingen til STU kan ikke ligge før henvendelsen."
    )
    assert visitation.get(store, yid) is None


def test_both_laws_are_about_young_people_under_25() -> None:
    born = date(2001, 6, 1)
    # 24 on 31 May 2026, 25 from 1 June 2026.
    ok = validate_assessments(
        date(2026, 5, 31), None, birth_date=born, henvendelse=date(2026, 1, 5), today=TODAY
    )
    assert ok == {}
    late = validate_assessments(
        None, date(2026, 6, 1), birth_date=born, henvendelse=date(2026, 1, 5), today=TODAY
    )
    assert late == {
        "stu_assessed_on": "Vurderingen til STU gælder unge under 25 år. "
        "Den unge var fyldt 25 på datoen."
    }


def test_the_access_export_names_both(store: Store, tmp_path) -> None:
    yid = _youth(store)
    visitation.save(
        store,
        yid,
        VisitationInput(date(2026, 11, 10), "kui", stu_assessed_on=date(2026, 11, 20)),
        today=TODAY,
    )
    from pypdf import PdfReader

    result = access.export_person(store, yid, tmp_path / "ud")
    flat = " ".join("".join(p.extract_text() for p in PdfReader(result.pdf_path).pages).split())
    assert "Vurderet til STU efter STU-loven 20. november 2026" in flat


def test_migration_keeps_what_the_single_column_said(store: Store) -> None:
    a, b, c = _youth(store), _youth(store, "150308-4011"), _youth(store, "150308-4038")
    for yid in (a, b, c):
        visitation.save(store, yid, VisitationInput(date(2026, 11, 10), "kui"), today=TODAY)
    cfg = migrate._config()
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0005")
        columns = {r[1] for r in conn.execute(text("PRAGMA table_info(visitation)"))}
        assert "youth_assessment" in columns and "fgu_assessed_on" not in columns
        conn.execute(
            text("UPDATE visitation SET youth_assessment = 'fgu' WHERE youth_id = :y"), {"y": a}
        )
        conn.execute(
            text("UPDATE visitation SET youth_assessment = 'stu' WHERE youth_id = :y"), {"y": b}
        )
        command.upgrade(cfg, "head")
        columns = {r[1] for r in conn.execute(text("PRAGMA table_info(visitation)"))}
        assert "youth_assessment" not in columns
    views = {yid: visitation.get(store, yid) for yid in (a, b, c)}
    assert all(v is not None for v in views.values())
    # The visitation date, the only date the old column was recorded with.
    assert (views[a].fgu_assessed_on, views[a].stu_assessed_on) == (date(2026, 11, 10), None)  # type: ignore[union-attr]
    assert (views[b].fgu_assessed_on, views[b].stu_assessed_on) == (None, date(2026, 11, 10))  # type: ignore[union-attr]
    assert (views[c].fgu_assessed_on, views[c].stu_assessed_on) == (None, None)  # type: ignore[union-attr]
