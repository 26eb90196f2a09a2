from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import TODAY
from ungedesk.domain.errors import InputError
from ungedesk.domain.youth import ExitReason, YouthInput
from ungedesk.services import access, audit, integrity, retention, settings, youths
from ungedesk.services.audit import Action
from ungedesk.store.database import Store
from ungedesk.store.paths import StorePaths


def person(store: Store, cpr: str, last: str, henv: date = date(2021, 1, 4)) -> int:
    return youths.register(
        store,
        YouthInput(
            cpr=cpr,
            first_name="Slet",
            last_name=last,
            henvendelse_date=henv,
            caseworker_id=1,
            address="Sletmigvej 9",
        ),
        today=TODAY,
    ).youth_id


def test_close_validates_and_logs(store: Store) -> None:
    yid = person(store, "010203-4562", "Lukket")
    with pytest.raises(InputError):
        retention.close_case(store, yid, ExitReason.JOB, date(2027, 1, 1), today=TODAY)
    with pytest.raises(InputError):
        retention.close_case(store, yid, ExitReason.JOB, date(2020, 12, 1), today=TODAY)
    retention.close_case(store, yid, ExitReason.EDUCATION, date(2021, 6, 1), today=TODAY)
    rec = youths.get(store, yid)
    assert rec is not None and rec.status_label == "Afsluttet"
    assert "Uddannelse" in audit.events_for_youth(store, yid)[1].detail
    retention.reopen_case(store, yid)
    assert youths.get(store, yid).status_label == "Aktiv"  # type: ignore[union-attr]


def test_expired_cases_are_listed_and_deleted_completely(
    store: Store, store_paths: StorePaths
) -> None:
    old = person(store, "010203-4562", "Gammelsag")
    recent = person(store, "020304-4561", "Nyligsag")
    active = person(store, "030405-4560", "Aktivsag")
    retention.close_case(store, old, ExitReason.JOB, date(2021, 11, 23), today=TODAY)
    retention.close_case(store, recent, ExitReason.JOB, date(2021, 11, 25), today=TODAY)
    expired = retention.expired_cases(store, today=TODAY)
    assert [c.youth_id for c in expired] == [old]
    assert expired[0].exit_label == "Job"
    with pytest.raises(InputError):
        retention.delete_expired(store, [recent], today=TODAY)
    with pytest.raises(InputError):
        retention.delete_expired(store, [active], today=TODAY)
    assert retention.delete_expired(store, [old], today=TODAY) == 1
    assert youths.get(store, old) is None
    assert youths.count(store) == 2
    data = access.collect(store, old)
    assert all(not rows for name, rows in data.items() if name != access.ACCESS_LOG_TABLE)
    deletion = audit.events_for_youth(store, old)[0]
    assert deletion.action is Action.DELETE and deletion.subject.startswith("U-")
    assert "0102034562" not in deletion.detail + deletion.subject
    assert audit.verify(store).ok and integrity.check(store).sound
    store.close()
    raw = b"".join(p.read_bytes() for p in store_paths.root.iterdir() if p.is_file())
    assert b"Gammelsag" not in raw


def test_retention_setting(store: Store) -> None:
    yid = person(store, "010203-4562", "Indstilling")
    retention.close_case(store, yid, ExitReason.MOVED, date(2024, 1, 1), today=TODAY)
    assert retention.expired_cases(store, today=TODAY) == []
    settings.set_setting(store, settings.CASE_RETENTION_YEARS, 2)
    assert [c.youth_id for c in retention.expired_cases(store, today=TODAY)] == [yid]
