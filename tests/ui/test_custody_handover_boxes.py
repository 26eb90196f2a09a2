"""The record's custody box (add, edit, end; shown for minors, a note at 18) and handover
box (awaiting the receipt, reading it, writing it, a refused receipt in Danish)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from ungedesk.domain.custody import HolderInput, Relation
from ungedesk.domain.profile import ProfileInput, Role
from ungedesk.domain.youth import YouthInput
from ungedesk.services import custody, handover, setup, transfer, youths
from ungedesk.store.database import Store
from ungedesk.store.paths import StorePaths
from ungedesk.ui import tasks
from ungedesk.ui.record.custody_box import CustodyBox, EndHolderDialog, HolderDialog
from ungedesk.ui.record.handover_box import HandoverBox

SIXTEEN = "101209-4003"
ADULT = "150605-4321"
CASE_PASS = "overførsel mellem to kontorer i Ribe"


def register(store: Store, cpr: str, today: date) -> int:
    return youths.register(
        store,
        YouthInput(
            cpr=cpr,
            first_name="Mille",
            last_name="Testesen",
            henvendelse_date=date(2026, 9, 1),
            caseworker_id=1,
        ),
        today=today,
    ).youth_id


def test_custody_box_add_edit_end(qtbot, store: Store, today: date) -> None:
    yid = register(store, SIXTEEN, today)
    box = CustodyBox(store, yid, lambda: today)
    qtbot.addWidget(box)
    with qtbot.waitSignal(box.refreshed):
        pass
    assert not box.isHidden() and box.model.rowCount() == 0
    assert "18 år" in box.note.text() and "Ingen" in box.note.text()

    box.add_holder()
    dialog = box.dialog
    assert isinstance(dialog, HolderDialog)
    dialog.name.setText("Hanne Testesen")
    dialog.email.setText("forkert")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: not dialog.field_errors["email"].isHidden())
    assert "E-mailadressen" in dialog.field_errors["email"].text()
    dialog.email.setText("hanne@eksempel.dk")
    with qtbot.waitSignal(box.refreshed):
        dialog.ok_button.click()
    assert box.model.rowCount() == 1
    assert box.model.index(0, 1).data() == "Mor"

    box.table.setCurrentIndex(box.model.index(0, 0))
    box.edit_holder()
    edit = box.dialog
    assert isinstance(edit, HolderDialog) and edit.name.text() == "Hanne Testesen"
    edit.takes_part.setChecked(False)
    with qtbot.waitSignal(box.refreshed):
        edit.ok_button.click()
    assert box.model.index(0, 4).data() == "Nej"

    box.table.setCurrentIndex(box.model.index(0, 0))
    assert box.end_button.isEnabled()
    box.end_holder()
    end = box.dialog
    assert isinstance(end, EndHolderDialog)
    with qtbot.waitSignal(box.refreshed):
        end.ok_button.click()
    assert "–" in box.model.index(0, 5).data()
    # The last day with custody is the day chosen (today): ended, no longer endable.
    assert box.view is not None and box.view.holders[0].valid_to == today
    box.table.setCurrentIndex(box.model.index(0, 0))
    assert not box.end_button.isEnabled()


def test_custody_box_hidden_for_an_adult_without_holders(qtbot, store: Store, today: date) -> None:
    yid = register(store, ADULT, today)
    box = CustodyBox(store, yid, lambda: today)
    qtbot.addWidget(box)
    with qtbot.waitSignal(box.refreshed):
        pass
    assert box.isHidden()


def test_custody_box_says_when_custody_ended_at_18(qtbot, store: Store, today: date) -> None:
    yid = register(store, "011208-4005", today)  # 18 on 1 December 2026
    custody.add_holder(
        store, yid, HolderInput("Hanne Testesen", Relation.MOTHER, date(2026, 9, 1)), today=today
    )
    box = CustodyBox(store, yid, lambda: date(2026, 12, 2))
    qtbot.addWidget(box)
    with qtbot.waitSignal(box.refreshed):
        pass
    assert not box.isHidden() and "Fyldte 18" in box.note.text()
    assert not box.add_button.isEnabled()
    assert "18" in box.model.index(0, 5).data()


@pytest.fixture
def receiver(tmp_path: Path, shared) -> Iterator[Store]:  # type: ignore[no-untyped-def]
    result = setup.create_installation(
        StorePaths(tmp_path / "modtager"),
        shared.PASSPHRASE,
        ProfileInput("Jens Modtager", "JM", "Ungeindsatsen Vest", Role.CASEWORKER),
        scrypt_n=shared.TEST_SCRYPT_N,
    )
    yield result.opened.store
    result.opened.store.close()


def test_handover_box_pending_then_read(
    qtbot, store: Store, receiver: Store, today: date, tmp_path: Path
) -> None:
    yid = register(store, ADULT, today)
    now = datetime.now(UTC)
    box = HandoverBox(store, yid, lambda: now)
    qtbot.addWidget(box)
    with qtbot.waitSignal(box.refreshed):
        pass
    assert box.isHidden()  # never handed over
    sent = transfer.export_case(store, yid, tmp_path / "ud", CASE_PASS, now=now)
    with qtbot.waitSignal(box.refreshed):
        box.reload()
    assert not box.isHidden() and "afventer kvittering" in box.status.text()
    assert box.read_button.isVisibleTo(box) and not box.write_button.isVisibleTo(box)

    # A file that is no receipt: a Danish message, nothing changes.
    junk = tmp_path / "junk.udkvit"
    junk.write_bytes(b"noget andet")
    box.read_receipt(junk)
    qtbot.waitUntil(lambda: not box.error.isHidden())
    assert "ikke en kvittering" in box.error.text()
    assert handover.state(store, yid).pending is not None

    result = transfer.import_case(receiver, sent, CASE_PASS, today=today, now=now)
    other = HandoverBox(receiver, result.youth_id, lambda: now)
    qtbot.addWidget(other)
    with qtbot.waitSignal(other.refreshed):
        pass
    assert other.write_button.isVisibleTo(other) and "Modtaget" in other.status.text()
    with qtbot.waitSignal(other.receipt_written) as written:
        other.write_receipt(tmp_path / "kvit")
    receipt = written.args[0]
    assert receipt.exists()

    with qtbot.waitSignal(box.refreshed, timeout=10_000):
        box.read_receipt(receipt)
    qtbot.waitUntil(lambda: not box.done.isHidden())
    assert "overdraget" in box.done.text().lower()
    assert "afventer" not in box.status.text() and not box.read_button.isVisibleTo(box)
    assert box.model.rowCount() == 2
    assert box.model.index(1, 0).data() == "Jens Modtager (JM), Ungeindsatsen Vest"
    record = youths.get(store, yid)
    assert record is not None and record.status_label == "Afsluttet"


def test_the_record_header_follows_the_receipt(
    qtbot, store: Store, receiver: Store, today: date, tmp_path: Path
) -> None:
    from ungedesk.ui.record.record_view import RecordView

    yid = register(store, SIXTEEN, today)
    now = datetime.now(UTC)
    sent = transfer.export_case(store, yid, tmp_path / "ud", CASE_PASS, now=now)
    result = transfer.import_case(receiver, sent, CASE_PASS, today=today, now=now)
    receipt = handover.write_receipt(receiver, result.youth_id, tmp_path / "kvit", now=now)
    record = youths.get(store, yid)
    assert record is not None
    view = RecordView(store, record, lambda: today, now=lambda: now)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.handover.loaded and view.custody.loaded)
    assert not view.custody.isHidden() and not view.handover.isHidden()
    assert view.status.text() == "Aktiv — overdraget, afventer kvittering"
    view.handover.read_receipt(receipt)
    qtbot.waitUntil(lambda: view.status.text() == "Afsluttet")


def test_a_minors_consent_is_given_with_the_custody_holders(
    qtbot, store: Store, today: date
) -> None:
    from ungedesk.domain.plan import ConsentScope
    from ungedesk.services import plan
    from ungedesk.ui.plan.dialogs import ConsentDialog

    yid = register(store, SIXTEEN, today)
    custody.add_holder(
        store, yid, HolderInput("Hanne Testesen", Relation.MOTHER, date(2026, 9, 1)), today=today
    )
    dialog = ConsentDialog(store, yid, lambda: today)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: bool(dialog.holders))
    (box,) = dialog.holders.values()
    assert box.isChecked() and box.text() == "Hanne Testesen (mor)"
    dialog.scopes[ConsentScope.FAMILY].setChecked(True)
    with qtbot.waitSignal(dialog.accepted):
        dialog.ok_button.click()
    (consent,) = plan.get_plan(store, yid, now=datetime.now()).consents
    assert consent.given_by == "Den unge og Hanne Testesen (mor)"
    # An adult's dialog offers no one.
    adult = register(store, ADULT, today)
    other = ConsentDialog(store, adult, lambda: today)
    qtbot.addWidget(other)
    qtbot.waitUntil(lambda: not tasks.runner().busy)
    assert other.holders_row.isHidden() and not other.holders


def test_the_kui_contact_names_the_custody_holders(qtbot, store: Store, today: date) -> None:
    from ungedesk.ui.visitation.visitation_dialogs import EventDialog

    yid = register(store, SIXTEEN, today)
    dialog = EventDialog(store, yid, lambda: today)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("contact"))
    qtbot.waitUntil(lambda: bool(dialog._custody_text))
    assert "Ingen indehaver" in dialog.custody_hint.text()
    custody.add_holder(
        store,
        yid,
        HolderInput("Hanne Testesen", Relation.MOTHER, date(2026, 9, 1), phone="20 30 40 50"),
        today=today,
    )
    again = EventDialog(store, yid, lambda: today)
    qtbot.addWidget(again)
    again.kind.setCurrentIndex(again.kind.findData("contact"))
    qtbot.waitUntil(lambda: "Hanne" in again.custody_hint.text())
    assert again.custody_hint.isVisibleTo(again)
    assert "Hanne Testesen (mor), 20 30 40 50" in again.custody_hint.text()
    # Not shown for an event that is no KUI contact.
    again.kind.setCurrentIndex(again.kind.findData("tilbud_start"))
    assert not again.custody_hint.isVisibleTo(again)
