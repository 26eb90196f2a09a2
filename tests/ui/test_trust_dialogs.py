"""The Security and Case menus: backup, settings, closing a case, right of access, access
history, deleting expired cases and moving a case between installations."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from ungedesk.domain.profile import ProfileInput, Role
from ungedesk.domain.youth import YouthInput
from ungedesk.services import audit, backup, caseworkers, retention, youths
from ungedesk.services.settings import (
    AUDIT_RETENTION_MONTHS,
    BACKUP_REMINDER_DAYS,
    CASE_RETENTION_YEARS,
    get_setting,
)
from ungedesk.services.setup import create_installation
from ungedesk.store.database import Store
from ungedesk.store.paths import StorePaths
from ungedesk.ui import tasks
from ungedesk.ui.main_window import MainWindow
from ungedesk.ui.record.case_dialogs import CloseCaseDialog, ExportPersonDialog
from ungedesk.ui.record.record_view import RecordView
from ungedesk.ui.security.access_views import AuditColumn, MyAccessDialog, YouthHistoryDialog
from ungedesk.ui.security.retention_dialog import ExpiredCasesDialog
from ungedesk.ui.security.transfer_dialogs import TransferExportDialog, TransferImportDialog
from ungedesk.ui.settings.dialog import SettingsDialog

TRANSFER_PASSPHRASE = "blå cykel svømmer over Limfjorden"


def register(store: Store, first_contact: date = date(2026, 3, 3), cpr: str = "1503054007") -> int:
    me = caseworkers.current_user(store)
    assert me is not None
    return youths.register(
        store,
        YouthInput(cpr, "Sofie", "Nørgaard", first_contact, caseworker_id=me.id),
        today=date(2026, 11, 24),
    ).youth_id


def open_record(qtbot, window: MainWindow, youth_id: int) -> RecordView:
    window.reload()
    qtbot.waitUntil(lambda: window.model.total >= 1)
    window.open_record(youth_id)
    qtbot.waitUntil(lambda: window.record_view(youth_id) is not None)
    view = window.record_view(youth_id)
    assert view is not None
    return view


def dialog_of[D: QDialog](qtbot, window: MainWindow, kind: type[D]) -> D:
    # A dialog closed a moment ago may still be referenced while already deleted.
    qtbot.waitUntil(
        lambda: (
            isinstance(window.dialog, kind)
            and shiboken6.isValid(window.dialog)
            and window.dialog.isVisible()
        )
    )
    assert isinstance(window.dialog, kind)
    return window.dialog


def gone(dialog: QDialog) -> bool:
    """Closed: the dialogs delete themselves on close."""
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def close_notice(qtbot, window: MainWindow) -> str:
    qtbot.waitUntil(lambda: window.notice is not None and window.notice.isVisible())
    assert window.notice is not None
    text = window.notice.text()
    window.notice.close()
    return text


def test_case_menu_is_disabled_without_an_open_record(qtbot, window: MainWindow) -> None:
    assert not window.close_case_action.isEnabled()
    assert not window.export_person_action.isEnabled()
    assert not window.history_action.isEnabled()
    assert not window.transfer_action.isEnabled()
    assert window.backup_action.isEnabled()


def test_backup_through_the_menu_writes_a_file_and_ends_the_reminder(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    qtbot.waitUntil(window.backup_reminder.isVisible)
    assert window.backup_reminder.text() == "Der er endnu ikke taget en sikkerhedskopi"
    offered: list[str] = []

    def save_as(parent, caption, directory, filter):
        offered.append(directory)
        return str(tmp_path / "kopi"), filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    qtbot.mouseClick(window.backup_reminder, Qt.MouseButton.LeftButton)  # = Security › Backup
    text = close_notice(qtbot, window)
    target = tmp_path / "kopi.udbackup"
    assert target.exists()
    assert Path(offered[0]).name == "ungedesk-kopi-2026-11-24.udbackup"
    assert "rækker" in text and str(target) in text
    qtbot.waitUntil(lambda: not window.backup_reminder.isVisible())


def test_backup_to_a_missing_folder_says_so_in_danish(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "findes-ikke" / "kopi.udbackup"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.backup_action.trigger()
    qtbot.waitUntil(lambda: window.notice is not None and window.notice.isVisible())
    assert window.notice is not None
    assert window.notice.icon() == QMessageBox.Icon.Warning
    assert close_notice(qtbot, window) == "Mappen til sikkerhedskopien findes ikke."
    assert window.backup_reminder.isVisible()


def test_a_broken_access_log_is_reported(qtbot, window: MainWindow) -> None:
    from ungedesk.services.audit import VerifyResult

    problems = [f"Hændelse nr. {i} er ændret efter den blev skrevet." for i in range(1, 25)]
    window._verified(VerifyResult(30, problems))
    assert window.notice is not None
    assert window.notice.icon() == QMessageBox.Icon.Critical
    text = close_notice(qtbot, window)
    assert text.startswith("Der er pillet ved adgangsloggen.")
    assert "Hændelse nr. 20 " in text and "Hændelse nr. 21 " not in text
    assert text.endswith("… og 4 mere.")


def test_overdue_backup_says_how_many_days(qtbot, window: MainWindow) -> None:
    from datetime import UTC, datetime, timedelta

    window._show_backup_reminder((True, datetime.now(UTC) - timedelta(days=9, hours=1)))
    assert window.backup_reminder.text() == "Der er ikke taget sikkerhedskopi i 9 dage"


def test_settings_dialog_saves_values(qtbot, window: MainWindow, store: Store) -> None:
    window.settings_action.trigger()
    dialog = dialog_of(qtbot, window, SettingsDialog)
    assert dialog.reminder_days.value() == backup.DEFAULT_REMINDER_DAYS
    assert dialog.audit_months.value() == audit.DEFAULT_RETENTION_MONTHS
    assert dialog.case_years.value() == retention.DEFAULT_RETENTION_YEARS
    dialog.reminder_days.setValue(14)
    dialog.audit_months.setValue(12)
    dialog.case_years.setValue(3)
    qtbot.keyClick(dialog.reminder_days, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: gone(dialog))
    qtbot.waitUntil(lambda: not tasks.runner().busy)
    assert get_setting(store, BACKUP_REMINDER_DAYS) == 14
    assert get_setting(store, AUDIT_RETENTION_MONTHS) == 12
    assert get_setting(store, CASE_RETENTION_YEARS) == 3


def test_close_case_by_keyboard_updates_the_status(qtbot, window: MainWindow, store: Store) -> None:
    youth_id = register(store)
    view = open_record(qtbot, window, youth_id)
    assert view.status.text() == "Aktiv"
    assert window.close_case_action.isEnabled()
    assert not window.reopen_case_action.isEnabled()
    window.close_case_action.trigger()
    dialog = dialog_of(qtbot, window, CloseCaseDialog)
    assert dialog.focusWidget() is dialog.reason
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Down)  # Job -> Uddannelse
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    # Ending is asked about once more, naming the young person; "keep it open" is the
    # default, so Enter alone changes nothing.
    qtbot.waitUntil(lambda: dialog.confirmation is not None and dialog.confirmation.isVisible())
    confirmation = dialog.confirmation
    assert confirmation is not None
    assert "Sofie Nørgaard" in confirmation.text()
    assert dialog.end_button is not None
    qtbot.keyClick(confirmation, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not confirmation.isVisible())
    assert view.status.text() == "Aktiv" and dialog.isVisible()
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.confirmation is not confirmation)
    qtbot.waitUntil(dialog.confirmation.isVisible)
    dialog.end_button.click()
    qtbot.waitUntil(lambda: view.status.text() == "Afsluttet")
    assert gone(dialog)
    assert window.reopen_case_action.isEnabled()
    assert not window.close_case_action.isEnabled()
    events = audit.events_for_youth(store, youth_id)
    assert any(e.detail == "Sagen afsluttet: Uddannelse" for e in events)

    window.reopen_case_action.trigger()
    qtbot.waitUntil(lambda: view.status.text() == "Aktiv")
    qtbot.waitUntil(window.close_case_action.isEnabled)


def test_close_case_date_before_first_contact_is_refused(
    qtbot, window: MainWindow, store: Store
) -> None:
    youth_id = register(store)
    open_record(qtbot, window, youth_id)
    window.close_case_action.trigger()
    dialog = dialog_of(qtbot, window, CloseCaseDialog)
    # The field does not go below the first contact date at all.
    assert dialog.closed_on.minimumDate().toPython() == date(2026, 3, 3)
    dialog.reject()


def test_export_person_writes_the_pdf_and_the_json(
    qtbot, window: MainWindow, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    youth_id = register(store)
    open_record(qtbot, window, youth_id)
    out = tmp_path / "indsigt"
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(out))
    window.export_person_action.trigger()
    dialog = dialog_of(qtbot, window, ExportPersonDialog)
    assert dialog.purpose.text() == "Anmodning om indsigt fra den unge"
    dialog.browse.click()
    assert dialog.folder.text() == str(out)
    dialog.purpose.clear()
    dialog.ok_button.click()
    assert dialog.field_errors["purpose"].isVisible()
    dialog.purpose.setText("Indsigtsanmodning")
    dialog.ok_button.click()
    text = close_notice(qtbot, window)
    names = sorted(p.name for p in out.iterdir())
    assert len(names) == 2
    assert names[0].startswith("indsigt-") and names[0].endswith(".json")
    assert names[1].endswith(".pdf")
    assert names[1] in text
    exports = [
        e for e in audit.events_for_youth(store, youth_id) if e.action is audit.Action.EXPORT
    ]
    assert exports[0].purpose == "Indsigtsanmodning"


def test_access_history_lists_the_read(qtbot, window: MainWindow, store: Store) -> None:
    youth_id = register(store)
    open_record(qtbot, window, youth_id)
    window.history_action.trigger()
    dialog = dialog_of(qtbot, window, YouthHistoryDialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0)
    actions = [
        dialog.model.index(r, AuditColumn.ACTION).data() for r in range(dialog.model.rowCount())
    ]
    assert "Læst" in actions and "Oprettet" in actions
    read = actions.index("Læst")
    assert dialog.model.index(read, AuditColumn.ACTOR).data() == "Anne Bjerregaard (ABJ)"
    assert (
        dialog.model.index(read, AuditColumn.TIME)
        .data()
        .endswith(tuple(f"{h:02d}" for h in range(60)))
    )
    assert "kl." in dialog.model.index(read, AuditColumn.TIME).data()
    dialog.reject()


def test_my_access_and_the_log_check(qtbot, window: MainWindow, store: Store) -> None:
    youth_id = register(store)
    open_record(qtbot, window, youth_id)
    window.my_access_action.trigger()
    dialog = dialog_of(qtbot, window, MyAccessDialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0)
    assert dialog.table.isColumnHidden(AuditColumn.ACTOR)
    case_numbers = {
        dialog.model.index(r, AuditColumn.CASE_NUMBER).data()
        for r in range(dialog.model.rowCount())
    }
    assert window.record_view(youth_id).record.case_number in case_numbers  # type: ignore[union-attr]
    dialog.reject()
    window.verify_action.trigger()
    assert "intakt" in close_notice(qtbot, window)


def test_expired_cases_are_deleted_after_confirmation(
    qtbot, window: MainWindow, store: Store, today: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = register(store, first_contact=date(2019, 2, 1), cpr="3112994008")
    retention.close_case(store, old, retention.ExitReason.JOB, date(2020, 6, 1), today=today)
    open_record(qtbot, window, old)
    asked: list[str] = []

    def answer(parent, title, text, *args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    window.expired_action.trigger()
    dialog = dialog_of(qtbot, window, ExpiredCasesDialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    assert dialog.model.index(0, 2).data() == "Job"
    assert dialog.ok_button.text() == "&Slet 1 markeret …"
    dialog.select_none.click()
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert dialog.ok_button.isEnabled()
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: window.model.loaded and window.model.total == 0)
    assert asked and "1 sag" in asked[0]
    qtbot.waitUntil(lambda: dialog.stack.currentWidget() is dialog.empty)
    assert window.records.count() == 0
    assert youths.get(store, old) is None
    dialog.reject()


@pytest.fixture
def other_store(tmp_path: Path, shared: ModuleType) -> Iterator[tuple[Store, StorePaths]]:
    paths = StorePaths(tmp_path / "jobcenter")
    profile = ProfileInput(
        name="Bo Kristensen", initials="BOK", unit="Jobcenter", role=Role.CASEWORKER
    )
    result = create_installation(
        paths, shared.PASSPHRASE, profile, municipality="Demo Kommune", scrypt_n=2**12
    )
    yield result.opened.store, paths
    result.opened.store.close()


def test_transfer_round_trip_between_two_stores(
    qtbot,
    window: MainWindow,
    store: Store,
    today: date,
    tmp_path: Path,
    other_store: tuple[Store, StorePaths],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    youth_id = register(store)
    open_record(qtbot, window, youth_id)
    window.transfer_action.trigger()
    dialog = dialog_of(qtbot, window, TransferExportDialog)
    out = tmp_path / "ud"
    dialog.folder.setText(str(out))
    dialog.passphrase.setText("kort")
    assert dialog.strength.isVisible()
    dialog.repeat.setText("kort")
    dialog.ok_button.click()
    assert dialog.field_errors["passphrase"].isVisible()
    dialog.passphrase.setText(TRANSFER_PASSPHRASE)
    dialog.repeat.setText(TRANSFER_PASSPHRASE + "x")
    dialog.ok_button.click()
    assert dialog.field_errors["repeat"].text() == "De to adgangsfraser er forskellige."
    dialog.repeat.setText(TRANSFER_PASSPHRASE)
    dialog.ok_button.click()
    close_notice(qtbot, window)
    files = list(out.glob("*.udcase"))
    assert len(files) == 1

    other, other_paths = other_store
    receiver = MainWindow(other, other_paths, today=lambda: today)
    qtbot.addWidget(receiver)
    receiver.show()
    qtbot.waitUntil(lambda: receiver.model.loaded and receiver.user is not None)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(files[0]), ""))
    receiver.import_case_action.trigger()
    incoming = dialog_of(qtbot, receiver, TransferImportDialog)
    incoming.browse.click()
    assert incoming.file.text() == str(files[0])
    incoming.passphrase.setText("forkert frase til filen")
    incoming.ok_button.click()
    qtbot.waitUntil(incoming.field_errors["passphrase"].isVisible)
    incoming.passphrase.setText(TRANSFER_PASSPHRASE)
    incoming.ok_button.click()
    qtbot.waitUntil(lambda: receiver.model.total == 1 and receiver.records.count() == 1)
    view = receiver.records.currentWidget()
    assert isinstance(view, RecordView)
    assert view.record.name == "Sofie Nørgaard"
    assert view.record.caseworker_name.startswith("Bo Kristensen")
    assert gone(incoming)

    # The receiver edits the case; the same file again would overwrite that change, so the
    # dialog shows what would be lost and asks, default No.
    me = caseworkers.current_user(other)
    assert me is not None
    youths.update(
        other,
        view.record.id,
        YouthInput("1503054007", "Sofie", "Nørgaard-Berg", date(2026, 3, 3), caseworker_id=me.id),
        today=today,
    )
    receiver.import_case_action.trigger()
    again = dialog_of(qtbot, receiver, TransferImportDialog)
    again.file.setText(str(files[0]))
    again.passphrase.setText(TRANSFER_PASSPHRASE)
    again.ok_button.click()
    qtbot.waitUntil(lambda: again.confirm is not None and again.confirm.isVisible())
    box = again.confirm
    assert box is not None
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    assert "Stamdata" in box.informativeText() and "Efternavn" in box.informativeText()
    assert box.informativeText().endswith("Erstat alligevel?")
    box.button(QMessageBox.StandardButton.No).click()
    qtbot.waitUntil(again.general_error.isVisible)
    assert again.general_error.text() == "Intet er importeret: oplysningerne her er bevaret."
    assert youths.get(other, view.record.id).last_name == "Nørgaard-Berg"  # type: ignore[union-attr]
    # Asked again, the caseworker chooses to replace: the file's details win.
    again.ok_button.click()
    qtbot.waitUntil(lambda: again.confirm is not None and again.confirm.isVisible())
    again.confirm.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: gone(again) and not tasks.runner().busy)
    assert youths.get(other, view.record.id).last_name == "Nørgaard"  # type: ignore[union-attr]
    receiver.close()
    qtbot.waitUntil(lambda: not tasks.runner().busy)


def test_restore_replaces_the_store_and_opens_the_window_again(
    qtbot,
    store: Store,
    store_paths: StorePaths,
    today: date,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ungedesk.store.database import KeySource, Opened
    from ungedesk.ui.app import Launcher
    from ungedesk.ui.security.backup_dialogs import RestoreDialog

    copy = tmp_path / "kopi.udbackup"
    backup.backup(store, copy)
    register(store)  # after the backup: the restore takes it away

    launcher = Launcher(store_paths, today=lambda: today)
    launcher._opened(Opened(store, KeySource.KEYRING, True))
    old = launcher.window
    assert old is not None
    qtbot.waitUntil(lambda: old.model.loaded and old.model.total == 1)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(copy), ""))
    old.restore_action.trigger()
    dialog = dialog_of(qtbot, old, RestoreDialog)
    assert not dialog.ok_button.isEnabled()
    dialog.choose.click()
    qtbot.waitUntil(dialog.ok_button.isEnabled)
    assert "kl." in dialog.manifest.text() and "rækker" in dialog.manifest.text()
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: launcher.window is not None and launcher.window is not old)
    restored = launcher.window
    assert restored is not None
    qtbot.waitUntil(lambda: restored.model.index_ready and restored.user is not None)
    assert restored.model.total == 0
    assert launcher.store is not None and launcher.store is not store
    restored_events = audit.recent_for_actor(launcher.store, restored.user.id)  # type: ignore[union-attr]
    assert restored_events[0].action is audit.Action.RESTORE
    launcher.shutdown()
    qtbot.waitUntil(lambda: not tasks.runner().busy)


def test_restore_of_a_file_that_is_no_backup_says_so(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ungedesk.ui.security.backup_dialogs import RestoreDialog

    junk = tmp_path / "noget.udbackup"
    junk.write_bytes(b"ikke en kopi")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(junk), ""))
    window.restore_action.trigger()
    dialog = dialog_of(qtbot, window, RestoreDialog)
    dialog.choose.click()
    qtbot.waitUntil(dialog.field_errors["source"].isVisible)
    assert "ikke en gyldig UngeDesk-sikkerhedskopi" in dialog.field_errors["source"].text()
    assert not dialog.ok_button.isEnabled()
    dialog.reject()


def test_settings_dialog_edits_uu_hours_and_refuses_nonsense(
    qtbot, window: MainWindow, store: Store
) -> None:
    from ungedesk.services import invitations

    window.settings_action.trigger()
    dialog = dialog_of(qtbot, window, SettingsDialog)
    assert dialog.uu_hours.text() == "tir 09.00-12.00, tor 09.00-12.00"
    dialog.uu_hours.setText("fredag 13-15, tir 9-12")
    qtbot.keyClick(dialog.uu_hours, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: gone(dialog))
    qtbot.waitUntil(lambda: not tasks.runner().busy)
    assert (
        invitations.format_hours(invitations.uu_hours(store)) == "tir 09.00-12.00, fre 13.00-15.00"
    )

    window.settings_action.trigger()
    again = dialog_of(qtbot, window, SettingsDialog)
    again.uu_hours.setText("tir 12-9")
    qtbot.keyClick(again.uu_hours, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: again.field_errors["uu_hours"].isVisible())
    assert "sluttiden" in again.field_errors["uu_hours"].text()
    again.reject()
    assert (
        invitations.format_hours(invitations.uu_hours(store)) == "tir 09.00-12.00, fre 13.00-15.00"
    )
