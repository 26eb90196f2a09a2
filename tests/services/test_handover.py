"""Handover with kædeansvar between two real stores: the full round trip, a lost receipt
(the sender keeps the case and its deadlines), a replayed receipt, a tampered receipt, a
receipt for another case and a wrong passphrase, each refused in Danish with nothing
changed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from tests.conftest import PASSPHRASE, TEST_SCRYPT_N, TODAY
from ungedesk.domain.handover import HandoverStatus, HolderHow
from ungedesk.domain.profile import ProfileInput, Role
from ungedesk.domain.youth import CaseStatus, ExitReason, YouthInput
from ungedesk.services import audit, deadlines, handover, setup, transfer, youths
from ungedesk.services.handover import ReceiptError
from ungedesk.store.database import Store
from ungedesk.store.errors import WrongPassphraseError
from ungedesk.store.models import AuditEvent, Handover
from ungedesk.store.paths import StorePaths

CASE_PASS = "overførsel mellem to kontorer i Ribe"
PERSON = YouthInput(
    cpr="150605-4321",
    first_name="Łukasz",
    last_name="Nowak",
    henvendelse_date=date(2026, 9, 1),
    caseworker_id=1,
)
OTHER = YouthInput(
    cpr="010203-4562",
    first_name="Sara",
    last_name="Nielsen",
    henvendelse_date=date(2026, 9, 1),
    caseworker_id=1,
)
SENT = datetime.now(UTC)
RECEIVED = SENT + timedelta(minutes=1)
READ = SENT + timedelta(minutes=2)


@pytest.fixture
def receiver(tmp_path: Path) -> Iterator[Store]:
    result = setup.create_installation(
        StorePaths(tmp_path / "modtager"),
        PASSPHRASE,
        ProfileInput("Jens Modtager", "JM", "Ungeindsatsen Vest", Role.CASEWORKER),
        scrypt_n=TEST_SCRYPT_N,
    )
    yield result.opened.store
    result.opened.store.close()


def send(store: Store, youth_id: int, tmp_path: Path, name: str = "ud") -> Path:
    return transfer.export_case(store, youth_id, tmp_path / name, CASE_PASS, now=SENT)


def receive(receiver: Store, path: Path, tmp_path: Path) -> tuple[int, Path]:
    result = transfer.import_case(receiver, path, CASE_PASS, today=TODAY, now=RECEIVED)
    receipt = handover.write_receipt(receiver, result.youth_id, tmp_path / "kvit", now=RECEIVED)
    return result.youth_id, receipt


def audit_count(store: Store) -> int:
    with store.session() as s:
        return int(s.scalar(select(func.count()).select_from(AuditEvent)) or 0)


def test_round_trip_closes_the_senders_side(store: Store, receiver: Store, tmp_path: Path) -> None:
    yid = youths.register(store, PERSON, today=TODAY).youth_id
    path = send(store, yid, tmp_path)
    pending = handover.state(store, yid).pending
    assert pending is not None and pending.status_label == "Overdraget — afventer kvittering"

    rid, receipt = receive(receiver, path, tmp_path)
    assert receipt.name == "kvittering-U-2026-00001.udkvit"
    assert b"Nowak" not in receipt.read_bytes()
    got = handover.state(receiver, rid)
    assert got.received is not None and got.received.other_case_number == "U-2026-00001"
    assert got.pending is None  # the receiver's copy is not "awaiting" anything
    assert [p.how for p in got.holders] == [HolderHow.REGISTERED, HolderHow.RECEIVED]
    assert got.holders[0].until is not None and got.holders[1].until is None
    assert got.holders[1].holder == "Jens Modtager (JM), Ungeindsatsen Vest"

    done = handover.read_receipt(store, yid, receipt, now=READ)
    assert done.status is HandoverStatus.RECEIPTED
    assert done.other_by == "Jens Modtager (JM), Ungeindsatsen Vest"
    rec = youths.get(store, yid)
    assert rec is not None and rec.status is CaseStatus.CLOSED
    with store.session() as s:
        from ungedesk.store.models import Youth

        y = s.get(Youth, yid)
        assert y is not None and y.exit_reason == ExitReason.TRANSFERRED.value
    after = handover.state(store, yid)
    assert after.pending is None
    assert [p.how for p in after.holders] == [HolderHow.REGISTERED, HolderHow.HANDED_OVER]
    assert after.holders[-1].holder == "Jens Modtager (JM), Ungeindsatsen Vest"
    details = [e.detail for e in audit.events_for_youth(store, yid)]
    assert any("afventer kvittering" in d for d in details)
    assert any("Kvittering læst" in d and "Overdraget til en anden enhed" in d for d in details)
    assert any(e.purpose.startswith("Kvittering") for e in audit.events_for_youth(receiver, rid))


def test_lost_receipt_the_sender_keeps_the_case_and_its_deadlines(
    store: Store, receiver: Store, tmp_path: Path
) -> None:
    yid = youths.register(store, PERSON, today=TODAY).youth_id
    before = [(d.rule_id, d.due) for d in deadlines.for_youth(store, yid, TODAY)]
    assert before  # a first jobsamtale is due, at least
    path = send(store, yid, tmp_path)
    receive(receiver, path, tmp_path)  # the receipt is never brought back
    rec = youths.get(store, yid)
    assert rec is not None and rec.status is CaseStatus.ACTIVE
    assert rec.caseworker_name == "Anne Bjerregaard"
    assert [(d.rule_id, d.due) for d in deadlines.for_youth(store, yid, TODAY)] == before
    assert handover.state(store, yid).pending is not None
    # The receiver can write the receipt again; the first one read closes the handover.
    again = handover.write_receipt(receiver, 1, tmp_path / "igen", now=READ)
    handover.read_receipt(store, yid, again, now=READ)
    assert handover.state(store, yid).pending is None


def test_replayed_receipt_is_refused(store: Store, receiver: Store, tmp_path: Path) -> None:
    yid = youths.register(store, PERSON, today=TODAY).youth_id
    _rid, receipt = receive(receiver, send(store, yid, tmp_path), tmp_path)
    handover.read_receipt(store, yid, receipt, now=READ)
    youths_before = youths.get(store, yid)
    logged = audit_count(store)
    with pytest.raises(ReceiptError) as caught:
        handover.read_receipt(store, yid, receipt, now=READ + timedelta(days=1))
    assert "allerede læst" in caught.value.message and "Intet er ændret" in caught.value.message
    assert audit_count(store) == logged
    after = youths.get(store, yid)
    assert after is not None and youths_before is not None
    assert after.status is youths_before.status


def test_receipt_from_an_earlier_handover_is_refused_once_read(
    store: Store, receiver: Store, tmp_path: Path
) -> None:
    """The case came back and went out again: the first transfer's receipt cannot close
    the second handover."""
    yid = youths.register(store, PERSON, today=TODAY).youth_id
    _rid, first = receive(receiver, send(store, yid, tmp_path, "en"), tmp_path)
    handover.read_receipt(store, yid, first, now=READ)
    from ungedesk.services import retention

    retention.reopen_case(store, yid)
    send(store, yid, tmp_path, "to")
    with pytest.raises(ReceiptError):
        handover.read_receipt(store, yid, first, now=READ)
    assert handover.state(store, yid).pending is not None


def test_tampered_receipt_is_refused(store: Store, receiver: Store, tmp_path: Path) -> None:
    yid = youths.register(store, PERSON, today=TODAY).youth_id
    _rid, receipt = receive(receiver, send(store, yid, tmp_path), tmp_path)
    raw = bytearray(receipt.read_bytes())
    raw[-5] ^= 0x01
    bad = tmp_path / "rettet.udkvit"
    bad.write_bytes(bytes(raw))
    logged = audit_count(store)
    with pytest.raises(ReceiptError) as caught:
        handover.read_receipt(store, yid, bad, now=READ)
    assert "ændret eller beskadiget" in caught.value.message
    # A forged receipt made with a key of its own does not open either.
    header, _blob = receipt.read_bytes()[len(handover.RECEIPT_MAGIC) :].split(b"\n", 1)
    forged = tmp_path / "falsk.udkvit"
    forged.write_bytes(handover.RECEIPT_MAGIC + header + b"\n" + b"\x00" * 80)
    with pytest.raises(ReceiptError):
        handover.read_receipt(store, yid, forged, now=READ)
    junk = tmp_path / "junk.udkvit"
    junk.write_bytes(b"not a receipt")
    with pytest.raises(ReceiptError) as junk_error:
        handover.read_receipt(store, yid, junk, now=READ)
    assert "ikke en kvittering" in junk_error.value.message
    assert audit_count(store) == logged
    assert handover.state(store, yid).pending is not None


def test_receipt_for_another_case_is_refused(store: Store, receiver: Store, tmp_path: Path) -> None:
    yid = youths.register(store, PERSON, today=TODAY).youth_id
    other = youths.register(store, OTHER, today=TODAY).youth_id
    send(store, other, tmp_path, "anden")
    _rid, receipt = receive(receiver, send(store, yid, tmp_path), tmp_path)
    with pytest.raises(ReceiptError) as caught:
        handover.read_receipt(store, other, receipt, now=READ)
    assert caught.value.message == handover.OTHER_CASE
    assert handover.state(store, other).pending is not None
    assert handover.state(store, yid).pending is not None
    # A receipt from an installation this one never sent to.
    with pytest.raises(ReceiptError) as unknown:
        handover.read_receipt(receiver, 1, receipt, now=READ)
    assert "ikke til en overdragelse, der er sendt herfra" in unknown.value.message


def test_wrong_passphrase_changes_nothing(store: Store, receiver: Store, tmp_path: Path) -> None:
    yid = youths.register(store, PERSON, today=TODAY).youth_id
    path = send(store, yid, tmp_path)
    with pytest.raises(WrongPassphraseError) as caught:
        transfer.import_case(receiver, path, "en helt forkert frase her", today=TODAY, now=RECEIVED)
    assert "forkert" in caught.value.message
    with receiver.session() as s:
        assert s.scalar(select(func.count()).select_from(Handover)) == 0
    assert handover.state(store, yid).pending is not None


def test_receipt_key_stays_out_of_exports(store: Store, tmp_path: Path) -> None:
    from ungedesk.services import access

    yid = youths.register(store, PERSON, today=TODAY).youth_id
    send(store, yid, tmp_path)
    rows = access.collect(store, yid)["handover"]
    assert rows and "receipt_key" not in rows[0]


@pytest.mark.parametrize(
    "change",
    [
        lambda h: h.update(transfer_id="nicht-hex"),
        lambda h: h.update(receipt_key="00"),
        lambda h: h.update(extra="x"),
        lambda h: h["chain"].append({"holder": "", "since": "2026-01-01T00:00:00"}),
        lambda h: h["chain"].append(
            {"holder": "X", "since": "i går", "until": None, "how": "received"}
        ),
        lambda h: h["chain"].append(
            {"holder": "X", "since": "2026-01-01T00:00:00", "until": None, "how": "stolen"}
        ),
    ],
)
def test_a_file_with_a_bad_handover_part_is_refused(
    store: Store, receiver: Store, tmp_path: Path, change: Any
) -> None:
    from tests.support.transfer_files import open_doc, seal_doc
    from ungedesk.services.transfer_payload import TransferFileError

    yid = youths.register(store, PERSON, today=TODAY).youth_id
    doc = open_doc(send(store, yid, tmp_path), CASE_PASS)
    change(doc["handover"])
    bad = seal_doc(doc, tmp_path / "rettet.udcase", CASE_PASS)
    with pytest.raises(TransferFileError):
        transfer.import_case(receiver, bad, CASE_PASS, today=TODAY, now=RECEIVED)
    with receiver.session() as s:
        assert s.scalar(select(func.count()).select_from(Handover)) == 0
