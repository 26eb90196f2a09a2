from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE, PROFILE, TEST_SCRYPT_N, TODAY
from ungedesk.domain.profile import ProfileInput, Role
from ungedesk.domain.youth import YouthInput
from ungedesk.services import setup, transfer, youths
from ungedesk.services.setup import InputError
from ungedesk.store.database import Store
from ungedesk.store.errors import WrongPassphraseError
from ungedesk.store.paths import StorePaths

CASE_PASS = "overførsel mellem to kontorer i Ribe"
PERSON = YouthInput(
    cpr="150605-4321",
    first_name="Łukasz",
    last_name="Nowak",
    henvendelse_date=date(2026, 9, 1),
    address="Nørregade 4",
    phone="20 30 40 50",
    caseworker_id=1,
)


@pytest.fixture
def receiver(tmp_path: Path) -> Iterator[Store]:
    result = setup.create_installation(
        StorePaths(tmp_path / "jobcenter"),
        PASSPHRASE,
        ProfileInput("Jens Modtager", "JM", "Jobcenter", Role.CASEWORKER),
        scrypt_n=TEST_SCRYPT_N,
    )
    yield result.opened.store
    result.opened.store.close()


def test_transfer_round_trip_and_file_is_encrypted(
    store: Store, receiver: Store, tmp_path: Path
) -> None:
    yid = youths.register(store, PERSON, today=TODAY).youth_id
    path = transfer.export_case(store, yid, tmp_path / "ud", CASE_PASS)
    assert path.name == "overfoersel-U-2026-00001.udcase"
    raw = path.read_bytes()
    assert b"Nowak" not in raw and b"1506054321" not in raw
    with pytest.raises(WrongPassphraseError):
        transfer.import_case(receiver, path, "forkert frase til filen her", today=TODAY)
    result = transfer.import_case(receiver, path, CASE_PASS, today=TODAY)
    assert result.created
    rec = youths.get(receiver, result.youth_id)
    assert rec is not None and rec.name == "Łukasz Nowak" and rec.address == "Nørregade 4"
    assert rec.caseworker_name == "Jens Modtager"
    assert rec.birth_date == date(2005, 6, 15)


def test_import_never_overwrites_newer_data(store: Store, receiver: Store, tmp_path: Path) -> None:
    yid = youths.register(store, PERSON, today=TODAY).youth_id
    old_file = transfer.export_case(store, yid, tmp_path / "old", CASE_PASS)
    first = transfer.import_case(receiver, old_file, CASE_PASS, today=TODAY)
    # The receiver edits the case afterwards: its data is now newer than the file.
    time.sleep(1.1)  # updated_at has second resolution
    youths.update(
        receiver, first.youth_id, replace(PERSON, phone="99 88 77 66", caseworker_id=1), today=TODAY
    )
    with pytest.raises(transfer.NewerDataError):
        transfer.import_case(receiver, old_file, CASE_PASS, today=TODAY)
    assert youths.get(receiver, first.youth_id).phone == "99 88 77 66"  # type: ignore[union-attr]
    # A newer file from the sender does update.
    time.sleep(1.1)
    youths.update(store, yid, replace(PERSON, address="Ny Adresse 1"), today=TODAY)
    new_file = transfer.export_case(store, yid, tmp_path / "new", CASE_PASS)
    again = transfer.import_case(receiver, new_file, CASE_PASS, today=TODAY)
    assert not again.created and again.youth_id == first.youth_id
    assert youths.get(receiver, first.youth_id).address == "Ny Adresse 1"  # type: ignore[union-attr]


def test_bad_files_and_weak_passphrase(store: Store, receiver: Store, tmp_path: Path) -> None:
    yid = youths.register(store, PERSON, today=TODAY).youth_id
    with pytest.raises(InputError):
        transfer.export_case(store, yid, tmp_path, "kort")
    junk = tmp_path / "junk.udcase"
    junk.write_bytes(b"not a transfer")
    with pytest.raises(transfer.TransferFileError):
        transfer.import_case(receiver, junk, CASE_PASS, today=TODAY)
    path = transfer.export_case(store, yid, tmp_path, CASE_PASS)
    data = bytearray(path.read_bytes())
    data[-5] ^= 1
    path.write_bytes(bytes(data))
    with pytest.raises(WrongPassphraseError):
        transfer.import_case(receiver, path, CASE_PASS, today=TODAY)
    assert youths.count(receiver) == 0
    assert PROFILE.initials == "ABJ"


def test_conversations_and_visitation_travel_and_deadlines_are_recomputed(
    store: Store, receiver: Store, tmp_path: Path
) -> None:
    from datetime import datetime

    from ungedesk.domain.visitation import ConversationInput, ConversationKind, ConversationStatus
    from ungedesk.services import conversations, deadlines, visitation
    from ungedesk.services.visitation import VisitationInput

    yid = youths.register(store, PERSON, today=TODAY).youth_id
    visitation.save(
        store, yid, VisitationInput(visited_on=date(2026, 9, 1), target_group="lab6_4"), today=TODAY
    )
    conversations.book(
        store,
        yid,
        ConversationInput(ConversationKind.FIRST, datetime(2026, 9, 3, 10, 30)),
        ConversationStatus.HELD,
    )
    path = transfer.export_case(store, yid, tmp_path, CASE_PASS)
    got = transfer.import_case(receiver, path, CASE_PASS, today=TODAY)
    talks = conversations.for_youth(receiver, got.youth_id)
    assert [(t.starts_at, t.status) for t in talks] == [
        (datetime(2026, 9, 3, 10, 30), ConversationStatus.HELD)
    ]
    view = visitation.get(receiver, got.youth_id)
    assert view is not None and view.groups[0].code == "lab6_4"
    mine = {d.rule_id: d.status for d in deadlines.for_youth(store, yid, TODAY)}
    theirs = {d.rule_id: d.status for d in deadlines.for_youth(receiver, got.youth_id, TODAY)}
    assert mine == theirs and mine
