"""Custody holders over real stores: a minor turning 18 on a date, two holders, none;
refusals that write nothing; consent and the plan's signatures for minors; the right of
access, a transfer and retention covering the holders."""

from __future__ import annotations

import io
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from tests.conftest import TODAY
from ungedesk.domain.custody import HolderInput, Relation, adult_on, custody_applies, is_minor
from ungedesk.domain.errors import InputError
from ungedesk.domain.plan import ConsentScope, GoalType, PlanContent
from ungedesk.domain.youth import ExitReason, YouthInput
from ungedesk.services import access, audit, custody, plan, plan_pdf, retention, youths
from ungedesk.store.database import Store
from ungedesk.store.models import CustodyHolder

NOW = datetime(2026, 11, 24, 10, 0)
# Born 1 December 2008: 17 on TODAY, 18 on 1 December 2026.
TURNING_18 = "011208-4005"
# Born 10 December 2009: 16 on TODAY.
SIXTEEN = "101209-4003"
ADULT = "150605-4321"


def register(store: Store, cpr: str) -> int:
    return youths.register(
        store,
        YouthInput(
            cpr=cpr,
            first_name="Mille",
            last_name="Testesen",
            henvendelse_date=date(2026, 9, 1),
            caseworker_id=1,
        ),
        today=TODAY,
    ).youth_id


def holder(name: str, relation: Relation = Relation.MOTHER, **kw: object) -> HolderInput:
    return HolderInput(
        name=name,
        relation=relation,
        valid_from=kw.pop("valid_from", date(2026, 9, 1)),  # type: ignore[arg-type]
        **kw,  # type: ignore[arg-type]
    )


def count(store: Store) -> int:
    with store.session() as s:
        return int(s.scalar(select(func.count()).select_from(CustodyHolder)) or 0)


def test_minor_by_date_from_the_birth_date() -> None:
    birth = date(2008, 12, 1)
    assert adult_on(birth) == date(2026, 12, 1)
    assert is_minor(birth, date(2026, 11, 30)) and not is_minor(birth, date(2026, 12, 1))
    assert custody_applies(birth, date(2026, 11, 30))
    assert adult_on(date(2008, 2, 29)) == date(2026, 3, 1)


def test_a_minor_turning_18_loses_the_holders_on_the_birthday(store: Store) -> None:
    yid = register(store, TURNING_18)
    hid = custody.add_holder(store, yid, holder("Hanne Testesen"), today=TODAY)
    before = custody.custody(store, yid, date(2026, 11, 30))
    assert before.minor and [h.id for h in before.current] == [hid]
    assert [h.name for h in before.signers] == ["Hanne Testesen"]
    after = custody.custody(store, yid, date(2026, 12, 1))
    assert not after.minor and after.current == () and after.signers == ()
    # Kept as history, not deleted on the birthday.
    assert [h.id for h in after.holders] == [hid] and after.adult_on == date(2026, 12, 1)


def test_two_holders_one_not_taking_part_and_one_ended(store: Store) -> None:
    yid = register(store, SIXTEEN)
    mor = custody.add_holder(store, yid, holder("Hanne Testesen"), today=TODAY)
    far = custody.add_holder(
        store, yid, holder("Jens Testesen", Relation.FATHER, takes_part=False), today=TODAY
    )
    view = custody.custody(store, yid, TODAY)
    assert {h.id for h in view.current} == {mor, far}
    assert [h.id for h in view.signers] == [mor]
    custody.end_holder(store, mor, date(2026, 11, 1), today=TODAY)
    view = custody.custody(store, yid, TODAY)
    assert [h.id for h in view.current] == [far] and view.signers == ()
    assert custody.custody(store, yid, date(2026, 10, 1)).signers[0].id == mor
    with pytest.raises(InputError) as again:
        custody.end_holder(store, mor, date(2026, 11, 2), today=TODAY)
    assert "allerede" in again.value.fields["valid_to"]
    # The log names the relation, never the holder.
    details = " ".join(e.detail for e in audit.events_for_youth(store, yid))
    assert "Mor" in details and "Far" in details and "Hanne" not in details


def test_none_recorded(store: Store) -> None:
    yid = register(store, SIXTEEN)
    view = custody.custody(store, yid, TODAY)
    assert view.minor and view.holders == () and view.current == () and view.signers == ()


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (holder(""), "name"),
        (holder("Hanne", email="ikke-en-mail"), "email"),
        (holder("Hanne", phone="ring"), "phone"),
        (holder("Hanne", valid_from=date(2027, 1, 1)), "valid_from"),
        (holder("Hanne", valid_to=date(2026, 8, 1)), "valid_to"),
    ],
)
def test_bad_input_is_refused_and_writes_nothing(
    store: Store, data: HolderInput, field: str
) -> None:
    yid = register(store, SIXTEEN)
    with pytest.raises(InputError) as caught:
        custody.add_holder(store, yid, data, today=TODAY)
    assert field in caught.value.fields and count(store) == 0


def test_no_custody_from_the_18th_birthday(store: Store) -> None:
    yid = register(store, TURNING_18)
    with pytest.raises(InputError) as caught:
        custody.add_holder(
            store, yid, holder("Hanne", valid_from=date(2026, 12, 1)), today=date(2026, 12, 2)
        )
    assert "18" in caught.value.fields["valid_from"] and count(store) == 0


def test_edit_holder(store: Store) -> None:
    yid = register(store, SIXTEEN)
    hid = custody.add_holder(store, yid, holder("Hanne Testesen"), today=TODAY)
    custody.edit_holder(
        store, hid, holder("Hanne  Testesen", phone="20 30 40 50", takes_part=False), today=TODAY
    )
    (h,) = custody.custody(store, yid, TODAY).holders
    assert (h.name, h.phone, h.takes_part) == ("Hanne Testesen", "20 30 40 50", False)


def test_consent_records_who_gave_it(store: Store) -> None:
    yid = register(store, SIXTEEN)
    mor = custody.add_holder(store, yid, holder("Hanne Testesen"), today=TODAY)
    cid = plan.give_consent(
        store, yid, [ConsentScope.HEALTH], date(2026, 11, 2), today=TODAY, holder_ids=[mor]
    )
    alone = plan.give_consent(store, yid, [ConsentScope.HOUSING], date(2026, 11, 2), today=TODAY)
    given = {c.id: c.given_by for c in plan.get_plan(store, yid, now=NOW).consents}
    assert given[cid] == "Den unge og Hanne Testesen (mor)" and given[alone] == ""
    custody.end_holder(store, mor, date(2026, 11, 3), today=TODAY)
    with pytest.raises(InputError) as caught:
        plan.give_consent(
            store, yid, [ConsentScope.FAMILY], date(2026, 11, 10), today=TODAY, holder_ids=[mor]
        )
    assert "forældremyndigheden" in caught.value.fields["given_by"]
    assert len(plan.get_plan(store, yid, now=NOW).consents) == 2


def _pdf_text(data: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


def test_the_plan_has_signature_lines_for_the_holders_taking_part(store: Store) -> None:
    yid = register(store, SIXTEEN)
    custody.add_holder(store, yid, holder("Hanne <b>Testesen"), today=TODAY)
    custody.add_holder(
        store, yid, holder("Jens Testesen", Relation.FATHER, takes_part=False), today=TODAY
    )
    plan.save_plan(
        store, yid, PlanContent(goal_type=GoalType.EUD, programme="Tømrer"), today=TODAY, now=NOW
    )
    plan.hand_out(store, yid, today=TODAY, now=NOW)
    h = plan.handout(store, yid, today=TODAY, now=NOW)
    assert h.guardians == ("Hanne <b>Testesen (mor)",)
    text = _pdf_text(plan_pdf.render_handout(h))
    assert "Hanne <b>Testesen (mor)" in text and "Jens" not in text
    # An adult's plan has only the two usual lines.
    adult = register(store, ADULT)
    plan.save_plan(store, adult, PlanContent(goal_type=GoalType.EUD), today=TODAY, now=NOW)
    assert plan.handout(store, adult, today=TODAY, now=NOW).guardians == ()


def test_access_export_covers_the_holders(store: Store) -> None:
    yid = register(store, SIXTEEN)
    custody.add_holder(store, yid, holder("Hanne Testesen", email="h@eksempel.dk"), today=TODAY)
    data = access.collect(store, yid)
    (row,) = data["custody_holder"]
    assert row["name"] == "Hanne Testesen" and row["relation"] == "mother"
    assert access.TABLE_LABELS["custody_holder"] == "Forældremyndighedens indehavere"


def test_access_pdf_names_the_holders(store: Store, tmp_path: Path) -> None:
    yid = register(store, SIXTEEN)
    custody.add_holder(store, yid, holder("Hanne Testesen"), today=TODAY)
    out = access.export_person(store, yid, tmp_path / "indsigt")
    text = " ".join(_pdf_text(out.pdf_path.read_bytes()).split())
    assert "Forældremyndighedens indehavere" in text and "Hanne Testesen" in text
    assert "Mor" in text


def test_retention_deletes_the_holders_with_the_case(store: Store) -> None:
    # Born 1 February 2003: 17 at the first contact in 2020, the case closed in 2021.
    yid = youths.register(
        store,
        YouthInput(
            cpr="010203-4562",
            first_name="Sara",
            last_name="Nielsen",
            henvendelse_date=date(2020, 3, 1),
            caseworker_id=1,
        ),
        today=TODAY,
    ).youth_id
    custody.add_holder(
        store, yid, holder("Hanne Nielsen", valid_from=date(2020, 3, 1)), today=TODAY
    )
    retention.close_case(store, yid, ExitReason.JOB, date(2021, 11, 1), today=TODAY)
    assert retention.delete_expired(store, [yid], today=TODAY) == 1
    assert count(store) == 0
