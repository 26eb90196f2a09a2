from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from tests.conftest import PASSPHRASE, PROFILE, TEST_SCRYPT_N, TODAY
from tests.support.transfer_files import open_doc, seal_doc
from ungedesk.domain.errors import InputError
from ungedesk.domain.kui import Reached
from ungedesk.domain.profile import ProfileInput, Role
from ungedesk.domain.youth import YouthInput
from ungedesk.services import setup, transfer, youths
from ungedesk.store.database import Store
from ungedesk.store.errors import WrongPassphraseError
from ungedesk.store.models import CaseEvent, Youth
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


# A receiver clock half an hour behind the real one (the sender's stamps are real time).
EARLIER = datetime.now(UTC) - timedelta(minutes=30)


def _naive(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(tzinfo=None)


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
    # The receiver's clock is behind the sender's: its stamp is older than anything sent
    # later, so the ordering below never depends on the wall clock ticking.
    first = transfer.import_case(receiver, old_file, CASE_PASS, today=TODAY, now=EARLIER)
    # The receiver edits the case afterwards: its data is now newer than the file.
    youths.update(
        receiver, first.youth_id, replace(PERSON, phone="99 88 77 66", caseworker_id=1), today=TODAY
    )
    with pytest.raises(transfer.TransferConflictError) as refused:
        transfer.import_case(receiver, old_file, CASE_PASS, today=TODAY)
    assert [loss.table for loss in refused.value.losses] == ["Stamdata"]
    assert "Telefon" in refused.value.message and "1506054321" not in refused.value.message
    assert youths.get(receiver, first.youth_id).phone == "99 88 77 66"  # type: ignore[union-attr]
    # A newer file from the sender does update.
    youths.update(store, yid, replace(PERSON, address="Ny Adresse 1"), today=TODAY)
    with receiver.session() as s:
        # The receiver's edit happened before the sender's (as the sender's later export
        # says); set its stamp back rather than sleep until the clock has moved on.
        youth = s.get(Youth, first.youth_id)
        assert youth is not None
        youth.updated_at = _naive(EARLIER)
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


# --- Attacks: each reproduced against a real store, then refused or handled -------------


def _genuine(store: Store, tmp_path: Path) -> tuple[int, dict[str, Any]]:
    yid = youths.register(store, PERSON, today=TODAY).youth_id
    path = transfer.export_case(store, yid, tmp_path / "genuine", CASE_PASS)
    return yid, open_doc(path, CASE_PASS)


def _youth_row(doc: dict[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = doc["tables"]["youth"][0]
    return row


def test_forged_future_time_is_refused_and_never_blocks_later_files(
    store: Store, receiver: Store, tmp_path: Path
) -> None:
    yid, doc = _genuine(store, tmp_path)
    first = transfer.import_case(
        receiver,
        transfer.export_case(store, yid, tmp_path / "a", CASE_PASS),
        CASE_PASS,
        today=TODAY,
    )
    # Attack: the sender's updated_at set to 2099 used to overwrite the person and make the
    # receiver's record "newer" than every genuine file after it.
    forged = dict(doc)
    _youth_row(forged).update(updated_at="2099-01-01T00:00:00", last_name="Forfalsket")
    with pytest.raises(transfer.TransferFileError) as refused:
        transfer.import_case(
            receiver, seal_doc(forged, tmp_path / "f.udcase", CASE_PASS), CASE_PASS, today=TODAY
        )
    assert "fremtiden" in refused.value.message
    assert youths.get(receiver, first.youth_id).last_name == "Nowak"  # type: ignore[union-attr]
    # The export time is a timestamp too.
    late = dict(doc, exported="2099-01-01T00:00:00+00:00")
    with pytest.raises(transfer.TransferFileError):
        transfer.import_case(
            receiver, seal_doc(late, tmp_path / "g.udcase", CASE_PASS), CASE_PASS, today=TODAY
        )
    # A time just inside the margin is accepted, but the receiver stamps its own clock:
    with receiver.session() as s:
        youth = s.get(Youth, first.youth_id)
        assert youth is not None
        youth.updated_at = _naive(EARLIER)
    ahead = dict(doc)
    soon = (datetime.now(UTC) + timedelta(minutes=50)).replace(tzinfo=None)
    _youth_row(ahead).update(updated_at=soon.isoformat(timespec="seconds"), city="Ribe")
    moment = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    path = seal_doc(ahead, tmp_path / "h.udcase", CASE_PASS)
    with pytest.raises(transfer.TransferFileError):  # 50 minutes ahead of a clock in 2026
        transfer.import_case(receiver, path, CASE_PASS, today=TODAY, now=moment)
    transfer.import_case(receiver, path, CASE_PASS, today=TODAY)
    with receiver.session() as s:
        youth = s.get(Youth, first.youth_id)
        assert youth is not None and youth.city == "Ribe"
        assert youth.updated_at < soon  # the receiver's clock, not the sender's value
        youth.updated_at = _naive(EARLIER)
    # ... so a later genuine file from the sender still goes in.
    youths.update(store, yid, replace(PERSON, city="Esbjerg"), today=TODAY)
    later = transfer.export_case(store, yid, tmp_path / "later", CASE_PASS)
    transfer.import_case(receiver, later, CASE_PASS, today=TODAY)
    assert youths.get(receiver, first.youth_id).city == "Esbjerg"  # type: ignore[union-attr]


def test_receivers_own_entries_are_never_deleted_without_asking(
    store: Store, receiver: Store, tmp_path: Path
) -> None:
    from ungedesk.domain.visitation import ConversationInput, ConversationKind, ConversationStatus
    from ungedesk.services import audit, conversations, visitation

    yid = youths.register(store, PERSON, today=TODAY).youth_id
    path = transfer.export_case(store, yid, tmp_path / "a", CASE_PASS)
    got = transfer.import_case(receiver, path, CASE_PASS, today=TODAY, now=EARLIER)
    # The receiver books a conversation; the sender meanwhile records an event.
    conversations.book(
        receiver,
        got.youth_id,
        ConversationInput(ConversationKind.FIRST, datetime(2026, 11, 20, 10, 0)),
        ConversationStatus.HELD,
    )
    visitation.record_event(
        store, yid, "contact", date(2026, 11, 2), "ringede", today=TODAY, reached=Reached.BOTH
    )
    newer = transfer.export_case(store, yid, tmp_path / "b", CASE_PASS)
    # Attack reproduced: the old import deleted the receiver's conversation and replaced
    # it with the file's rows. Now it is refused with what would be lost, nothing changed.
    with pytest.raises(transfer.TransferConflictError) as refused:
        transfer.import_case(receiver, newer, CASE_PASS, today=TODAY)
    assert [loss.line() for loss in refused.value.losses] == [
        "Samtaler, 20. november 2026: Første samtale, Afholdt"
    ]
    assert len(conversations.for_youth(receiver, got.youth_id)) == 1
    with receiver.session() as s:
        assert s.scalar(select(func.count()).select_from(CaseEvent)) == 0
    # The caseworker decides to replace: the file wins and the log says how much went.
    result = transfer.import_case(receiver, newer, CASE_PASS, today=TODAY, replace=True)
    assert (result.added, result.replaced) == (1, 1)
    assert conversations.for_youth(receiver, got.youth_id) == []
    events = audit.events_for_youth(receiver, got.youth_id)
    assert any("erstattede 1 poster" in e.detail for e in events)


def test_a_file_holding_everything_the_receiver_has_merges_without_asking(
    store: Store, receiver: Store, tmp_path: Path
) -> None:
    from ungedesk.domain.visitation import ConversationInput, ConversationKind, ConversationStatus
    from ungedesk.services import conversations

    yid = youths.register(store, PERSON, today=TODAY).youth_id
    conversations.book(
        store,
        yid,
        ConversationInput(ConversationKind.FIRST, datetime(2026, 9, 3, 10, 30)),
        ConversationStatus.HELD,
    )
    first = transfer.export_case(store, yid, tmp_path / "a", CASE_PASS)
    got = transfer.import_case(receiver, first, CASE_PASS, today=TODAY, now=EARLIER)
    # The same file again changes nothing and asks nothing.
    again = transfer.import_case(receiver, first, CASE_PASS, today=TODAY)
    assert (again.added, again.replaced) == (0, 0)
    conversations.book(
        store,
        yid,
        ConversationInput(ConversationKind.JOB, datetime(2026, 10, 5, 9, 0)),
        ConversationStatus.BOOKED,
    )
    second = transfer.export_case(store, yid, tmp_path / "b", CASE_PASS)
    result = transfer.import_case(receiver, second, CASE_PASS, today=TODAY)
    assert (result.added, result.replaced) == (1, 0)
    talks = conversations.for_youth(receiver, got.youth_id)
    assert sorted(t.starts_at for t in talks) == [
        datetime(2026, 9, 3, 10, 30),
        datetime(2026, 10, 5, 9, 0),
    ]


def _set(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def apply(doc: dict[str, Any]) -> None:
        target: Any = doc
        for key in path[:-1]:
            target = target[key]
        if value is _DELETE:
            del target[path[-1]]
        else:
            target[path[-1]] = value

    return apply


_DELETE = object()
_Y = ("tables", "youth", 0)
ATTACKS: dict[str, Callable[[dict[str, Any]], None]] = {
    "cpr of letters": _set((*_Y, "cpr"), "ABCDEFGHIJ"),
    "cpr with fullwidth digits": _set((*_Y, "cpr"), "１５０６０５４３２１"),
    "cpr with a dash": _set((*_Y, "cpr"), "150605-4321"),
    "5,000-character name": _set((*_Y, "first_name"), "A" * 5000),
    "name with digits": _set((*_Y, "last_name"), "Nowak2"),
    "name as a number": _set((*_Y, "first_name"), 42),
    "name missing": _set((*_Y, "first_name"), _DELETE),
    "address too long": _set((*_Y, "address"), "x" * 201),
    "unknown benefit": _set((*_Y, "benefit"), "lottery"),
    "birth date not the cpr's": _set((*_Y, "birth_date"), "2001-01-01"),
    "legal sex not the cpr's": _set((*_Y, "legal_sex"), "F"),
    "impossible date": _set((*_Y, "henvendelse_date"), "2026-02-30"),
    "date in another format": _set((*_Y, "henvendelse_date"), "20260901"),
    "time with a zone": _set((*_Y, "updated_at"), "2026-11-01T10:00:00+05:00"),
    "lone surrogate": _set((*_Y, "city"), "\ud800"),
    "NUL in text": _set((*_Y, "city"), "Ri\x00be"),
    "tables as a list": _set(("tables",), []),
    "youth as an object": _set(("tables", "youth"), {"cpr": "1506054321"}),
    "two young people": lambda d: d["tables"]["youth"].append(dict(d["tables"]["youth"][0])),
    "rows as text": _set(("tables", "conversation"), "many"),
    "unknown table": _set(("tables", "secrets"), []),
    "unknown column": _set((*_Y, "shoe_size"), 44),
    "version 2": _set(("version",), 2),
    "version as text": _set(("version",), "1"),
    "document is a list": lambda d: d.clear(),
    "a bool for an integer": lambda d: d["tables"]["conversation"].append(
        _conversation(duration_minutes=True)
    ),
    "an integer out of range": lambda d: d["tables"]["conversation"].append(
        _conversation(duration_minutes=2**70)
    ),
    "unknown conversation kind": lambda d: d["tables"]["conversation"].append(
        _conversation(kind="party")
    ),
    "link to a row not in the file": lambda d: d["tables"]["measurement"].append(
        {"id": 1, "youth_id": 1, "measured_on": "2026-11-01", "conversation_id": 99}
    ),
    "two rows with one id": lambda d: d["tables"]["conversation"].extend(
        [_conversation(), _conversation()]
    ),
    "two visitations": lambda d: d["tables"]["visitation"].extend(
        [{"id": 1, "youth_id": 1, "visited_on": "2026-09-01"}] * 1
        + [{"id": 2, "youth_id": 1, "visited_on": "2026-09-02"}]
    ),
}


def _conversation(**changes: Any) -> dict[str, Any]:
    row = {
        "id": 7,
        "youth_id": 1,
        "kind": "first",
        "status": "held",
        "starts_at": "2026-09-03T10:30:00",
        "duration_minutes": 45,
    }
    row.update(changes)
    return row


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_crafted_values_get_the_bad_file_message_and_change_nothing(
    attack: str, store: Store, receiver: Store, tmp_path: Path
) -> None:
    _, doc = _genuine(store, tmp_path)
    if attack == "document is a list":
        crafted: Any = [doc]
    else:
        ATTACKS[attack](doc)
        crafted = doc
    path = seal_doc(crafted, tmp_path / "crafted.udcase", CASE_PASS)
    with pytest.raises(transfer.TransferFileError) as refused:
        transfer.import_case(receiver, path, CASE_PASS, today=TODAY)
    assert refused.value.message and "1506054321" not in refused.value.message
    assert youths.count(receiver) == 0
    # The genuine file still goes in afterwards.
    _, genuine = _genuine_again(store, tmp_path)
    assert transfer.import_case(receiver, genuine, CASE_PASS, today=TODAY).created


def _genuine_again(store: Store, tmp_path: Path) -> tuple[int, Path]:
    yid = youths.find_by_cpr(store, PERSON.cpr)
    assert yid is not None
    return yid, transfer.export_case(store, yid, tmp_path / "again", CASE_PASS)


@pytest.mark.parametrize(
    "header",
    [
        b'{"kdf": "scrypt", "n": 1099511627776, "salt": "%s", "nonce": "%s"}',  # 2**40
        b'{"kdf": "scrypt", "n": 3000, "salt": "%s", "nonce": "%s"}',
        b'{"kdf": "scrypt", "n": 2048, "salt": "%s", "nonce": "%s"}',
        b'{"kdf": "scrypt", "n": true, "salt": "%s", "nonce": "%s"}',
        b'{"kdf": "scrypt", "n": "4096", "salt": "%s", "nonce": "%s"}',
        b'{"kdf": "argon2", "n": 4096, "salt": "%s", "nonce": "%s"}',
        b'{"kdf": "scrypt", "n": 4096, "salt": "%s00", "nonce": "%s"}',
        b'{"kdf": "scrypt", "n": 4096, "salt": "%s", "nonce": "zz%s"}',
        b'{"kdf": "scrypt", "n": 4096, "salt": "%s", "nonce": "%s", "r": 1048576}',
        b'["scrypt", 4096]',
        b"{" + b" " * 600 + b"}",
    ],
)
def test_header_kdf_parameters_are_bounded_before_scrypt_runs(
    header: bytes, receiver: Store, tmp_path: Path
) -> None:
    line = header.replace(b"%s", b"ab" * 16, 1).replace(b"%s", b"cd" * 12, 1)
    path = tmp_path / "header.udcase"
    path.write_bytes(transfer.MAGIC + line + b"\n" + b"\x00" * 64)
    with pytest.raises(transfer.TransferFileError):
        transfer.import_case(receiver, path, CASE_PASS, today=TODAY)


def test_oversized_and_non_regular_files_are_refused_before_reading(
    receiver: Store, tmp_path: Path
) -> None:
    huge = tmp_path / "huge.udcase"
    with huge.open("wb") as handle:  # sparse: 65 MiB that take no disk space
        handle.write(transfer.MAGIC)
        handle.truncate(65 * 1024 * 1024)
    with pytest.raises(transfer.TransferFileError):
        transfer.import_case(receiver, huge, CASE_PASS, today=TODAY)
    with pytest.raises(transfer.TransferFileError):
        transfer.import_case(receiver, tmp_path, CASE_PASS, today=TODAY)  # a folder


@pytest.mark.parametrize(
    "payload", [b"\xff\xfe", b"NaN", b"[" * 100_000 + b"]" * 100_000, b'{"format": Infinity}']
)
def test_undecodable_payloads_get_the_bad_file_message(
    payload: bytes, receiver: Store, tmp_path: Path
) -> None:
    path = seal_doc(payload, tmp_path / "p.udcase", CASE_PASS)
    with pytest.raises(transfer.TransferFileError):
        transfer.import_case(receiver, path, CASE_PASS, today=TODAY)


def test_replacing_a_duplicate_keeps_links_of_kept_rows_whole(
    store: Store, receiver: Store, tmp_path: Path
) -> None:
    from ungedesk.domain.progression import Indicator, MeasurementInput, ScoreInput
    from ungedesk.domain.visitation import ConversationInput, ConversationKind, ConversationStatus
    from ungedesk.services import conversations, integrity, progression
    from ungedesk.store.models import Conversation, Measurement

    yid = youths.register(store, PERSON, today=TODAY).youth_id
    progression.choose_indicators(store, yid, [Indicator.ATTENDANCE], date(2026, 9, 2))
    cid = conversations.book(
        store,
        yid,
        ConversationInput(ConversationKind.FIRST, datetime(2026, 9, 3, 10, 30)),
        ConversationStatus.HELD,
    )
    progression.record_measurement(
        store,
        yid,
        MeasurementInput(
            date(2026, 9, 3), (ScoreInput(Indicator.ATTENDANCE, 5, 6, ""),), conversation_id=cid
        ),
        today=TODAY,
    )
    path = transfer.export_case(store, yid, tmp_path / "a", CASE_PASS)
    got = transfer.import_case(receiver, path, CASE_PASS, today=TODAY, now=EARLIER)
    # The receiver ends up with an identical twin of the conversation, and its measurement
    # points at the twin: replacing must drop the twin without breaking the link.
    with receiver.session() as s:
        original = s.scalars(
            select(Conversation).where(Conversation.youth_id == got.youth_id)
        ).one()
        twin = Conversation(
            **{
                c: getattr(original, c)
                for c in Conversation.__table__.columns.keys()  # noqa: SIM118
                if c != "id"
            }
        )
        s.add(twin)
        s.flush()
        measurement = s.scalars(
            select(Measurement).where(Measurement.youth_id == got.youth_id)
        ).one()
        measurement.conversation_id = twin.id
    with pytest.raises(transfer.TransferConflictError):
        transfer.import_case(receiver, path, CASE_PASS, today=TODAY)
    result = transfer.import_case(receiver, path, CASE_PASS, today=TODAY, replace=True)
    assert (result.added, result.replaced) == (0, 1)
    with receiver.session() as s:
        left = s.scalars(select(Conversation.id).where(Conversation.youth_id == got.youth_id))
        linked = s.scalars(select(Measurement.conversation_id)).all()
        assert list(linked) == list(left)
    assert integrity.check(receiver).sound


def test_export_folder_is_created_owner_only_whatever_the_umask(
    store: Store, tmp_path: Path
) -> None:
    import os
    import stat

    youth_id = youths.register(store, PERSON, today=TODAY).youth_id
    previous = os.umask(0)
    try:
        made = transfer.export_case(store, youth_id, tmp_path / "ny" / "mappe", CASE_PASS)
    finally:
        os.umask(previous)
    for folder in (tmp_path / "ny", tmp_path / "ny" / "mappe"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(made.stat().st_mode) == 0o600
