from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from tests.conftest import TODAY
from ungedesk.domain.errors import InputError
from ungedesk.domain.profile import ProfileInput, Role
from ungedesk.domain.youth import Benefit, CaseStatus, Education, YouthInput
from ungedesk.services import caseworkers, settings, setup, youths
from ungedesk.store.database import Store

BASE = YouthInput(
    cpr="010203-4562",
    first_name=" Sara  Marie ",
    last_name="Nielsen",
    henvendelse_date=date(2026, 11, 2),
    address="Vestergade 3",
    postal_code="5000",
    city="Odense C",
    phone="20 30 40 50",
    email="sara@example.dk",
    benefit=Benefit.KONTANTHJAELP,
    education=Education.GRUNDSKOLE,
    caseworker_id=1,
)


def test_register_derives_birth_age_sex_and_case_number(store: Store) -> None:
    outcome = youths.register(store, BASE, today=TODAY)
    assert outcome.created and outcome.warnings == {}
    rec = youths.get(store, outcome.youth_id)
    assert rec is not None
    assert rec.first_name == "Sara Marie"  # white space folded
    assert rec.birth_date == date(2003, 2, 1)
    assert rec.age_on(TODAY) == 23
    assert rec.sex_label == "Kvinde"
    assert rec.case_number == "U-2026-00001"
    assert rec.cpr_masked == "010203-xxxx"
    assert rec.status is CaseStatus.ACTIVE
    assert rec.caseworker_name == "Anne Bjerregaard"
    second = youths.register(store, replace(BASE, cpr="020304-4561"), today=TODAY)
    assert youths.get(store, second.youth_id).case_number == "U-2026-00002"  # type: ignore[union-attr]


def test_known_cpr_returns_existing_record_not_a_twin(store: Store) -> None:
    first = youths.register(store, BASE, today=TODAY)
    again = youths.register(store, replace(BASE, cpr="0102034562", first_name=""), today=TODAY)
    assert not again.created and again.youth_id == first.youth_id
    assert youths.count(store) == 1
    assert youths.find_by_cpr(store, "010203-4562") == first.youth_id
    assert youths.find_by_cpr(store, "not a cpr") is None


def test_invalid_input_saves_nothing_and_names_every_field(store: Store) -> None:
    bad = replace(BASE, cpr="310203-4562", email="nope", caseworker_id=999)
    with pytest.raises(InputError) as info:
        youths.register(store, bad, today=TODAY)
    assert set(info.value.fields) == {"cpr", "email", "caseworker_id"}
    assert youths.count(store) == 0


def test_modulus_warning_is_returned_but_saved(store: Store) -> None:
    outcome = youths.register(store, replace(BASE, cpr="010203-4563"), today=TODAY)
    assert outcome.created and "cpr" in outcome.warnings


def test_update_keeps_cpr_and_validates(store: Store) -> None:
    me = caseworkers.current_user(store)
    assert me is not None
    colleague = caseworkers.add_caseworker(
        store, ProfileInput("Bo Hansen", "boh", "UU", Role.COUNSELLOR)
    )
    assert colleague.initials == "BOH"
    yid = youths.register(store, BASE, today=TODAY).youth_id
    rec = youths.update(
        store,
        yid,
        replace(BASE, cpr="999999-9999", phone="+45 11 22 33 44", caseworker_id=colleague.id),
        today=TODAY,
    )
    assert rec.cpr == "0102034562" and rec.phone == "+45 11 22 33 44"
    assert rec.caseworker_name == "Bo Hansen"
    with pytest.raises(InputError) as info:
        youths.update(store, yid, replace(BASE, first_name=""), today=TODAY)
    assert "first_name" in info.value.fields
    assert youths.get(store, yid).first_name == "Sara Marie"  # type: ignore[union-attr]


def test_duplicate_initials_refused(store: Store) -> None:
    with pytest.raises(InputError) as info:
        caseworkers.add_caseworker(store, ProfileInput("Anden Person", "abj", "", Role.OTHER))
    assert "ABJ" in info.value.fields["initials"]


def test_rows_for_the_search_index(store: Store) -> None:
    yid = youths.register(store, BASE, today=TODAY).youth_id
    rows = youths.register_rows(store)
    assert len(rows) == 1 and rows[0].id == yid and rows[0].caseworker == "ABJ"
    assert youths.row_for(store, yid) == rows[0]
    assert youths.row_for(store, 12345) is None


def test_settings_round_trip(store: Store) -> None:
    assert settings.get_setting(store, settings.MUNICIPALITY) == "Demo Kommune"
    settings.set_setting(store, settings.BACKUP_REMINDER_DAYS, 14)
    assert settings.get_setting(store, settings.BACKUP_REMINDER_DAYS) == 14
    assert settings.get_setting(store, settings.DEMO_DATA) is False  # unset: its default
    assert setup.has_profile(store)


def test_weak_passphrase_and_bad_profile_refused(store_paths) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError) as info:
        setup.create_installation(store_paths, "kort", ProfileInput("", "1", "", Role.OTHER))
    assert set(info.value.fields) == {"passphrase", "name", "initials"}
    assert not store_paths.db.exists() and not store_paths.key_file.exists()


def test_a_record_that_is_gone_gives_one_danish_message(store: Store) -> None:
    from ungedesk.services import access, retention

    for call in (
        lambda: youths.reveal_cpr(store, 4242),
        lambda: retention.reopen_case(store, 4242),
        lambda: access.log_export(store, 4242, "Indsigt", ""),
    ):
        with pytest.raises(InputError) as info:
            call()
        assert info.value.fields == {"youth_id": "Den unge findes ikke længere."}
