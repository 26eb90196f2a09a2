"""Render UngeDesk's main views with synthetic demo data to PNG files.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [folder] [--count N]

The folder defaults to ./screenshots (gitignored). Everything happens in a temporary data
folder with an in-memory keyring: the machine's real keyring and data are never touched.
Look at every picture before calling a screen done.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from functools import partial
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import keyring
from keyring.backends import fail
from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from tests.support.memory_keyring import MemoryKeyring
from ungedesk.domain.errors import KnownError
from ungedesk.domain.profile import ProfileInput, Role
from ungedesk.domain.visitation import ConversationStatus, HeldBy
from ungedesk.domain.youth import ExitReason, YouthInput
from ungedesk.services import (
    audit,
    backup,
    caseworkers,
    conversations,
    deadlines,
    demo,
    retention,
    rule_store,
    settings,
    setup,
    visitation,
    youths,
)
from ungedesk.services.transfer import Loss, TransferConflictError
from ungedesk.store.database import Store
from ungedesk.store.paths import StorePaths
from ungedesk.ui import tasks
from ungedesk.ui.app import OpeningWindow
from ungedesk.ui.catalogue.view import CatalogueDialog
from ungedesk.ui.clipboard import secret_clipboard
from ungedesk.ui.i18n import install_translations
from ungedesk.ui.main_window import MainWindow
from ungedesk.ui.record.case_dialogs import CloseCaseDialog, ExportPersonDialog
from ungedesk.ui.record.record_view import RecordView
from ungedesk.ui.restgruppe.review_dialog import ReviewDialog
from ungedesk.ui.rules.browser import RulesBrowserDialog
from ungedesk.ui.rules.local_rules_dialog import LocalRulesDialog
from ungedesk.ui.security.access_views import MyAccessDialog, YouthHistoryDialog
from ungedesk.ui.security.backup_dialogs import RestoreDialog
from ungedesk.ui.security.lock_screen import SessionLock
from ungedesk.ui.security.passphrase_dialog import ChangePassphraseDialog
from ungedesk.ui.security.retention_dialog import ExpiredCasesDialog
from ungedesk.ui.security.transfer_dialogs import TransferExportDialog, TransferImportDialog
from ungedesk.ui.security.unlock_dialog import UnlockDialog
from ungedesk.ui.settings.dialog import SettingsDialog
from ungedesk.ui.setup.setup_wizard import SetupWizard
from ungedesk.ui.visitation.visitation_dialogs import EventDialog

PASSPHRASE = "grøn kaffe tager toget til Ribe"
PROFILE = ProfileInput(
    name="Anne Bjerregaard",
    initials="ABJ",
    unit="Ungeindsatsen Vestby",
    role=Role.CASEWORKER,
    email="abj@kommune.example",
    phone="+45 12 34 56 78",  # the plan PDF gives the coordinator's phone
)
TODAY = date(2026, 11, 24)
READING_ONLY = False  # --reading: only the screens of reading a case (and what leads there)
PEOPLE_ONLY = False  # --people: only the custody and handover boxes of a record
FIGURES_ONLY = False  # --figures: only the settings, Ledelsestal and the team's figures


def wait_until(condition: Callable[[], bool], timeout_ms: int = 60_000) -> None:
    """Run the event loop until ``condition`` holds (like pytest-qt's waitUntil)."""
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: loop.quit() if condition() else None)
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(loop.quit)
    timer.start()
    deadline.start(timeout_ms)
    if not condition():
        loop.exec()
    timer.stop()
    if not condition():
        raise TimeoutError("the UI did not get there in time")


def settle(ms: int = 150) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


class Shooter:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.count = 0

    def __call__(self, widget: QWidget, name: str) -> None:
        settle()
        self.count += 1
        path = self.folder / f"{self.count:02d}-{name}.png"
        widget.grab().save(str(path))
        print(f"wrote {path}")


def shoot_wizard(shoot: Shooter, root: Path, *, with_keyring: bool) -> None:
    keyring.set_keyring(MemoryKeyring() if with_keyring else fail.Keyring())
    paths = StorePaths(root / ("wizard" if with_keyring else "wizard-no-keyring"))
    wizard = SetupWizard(paths)
    wizard.resize(720, 560)
    wizard.show()
    page = wizard.profile_page
    page.name.setText(PROFILE.name)
    page.initials.setText(PROFILE.initials)
    page.unit.setText(PROFILE.unit)
    page.email.setText(PROFILE.email)
    page.municipality.setText("Demo Kommune")
    if with_keyring:
        shoot(wizard, "wizard-1-profile")
        page.initials.setText("A1")
        wizard.next()
        shoot(wizard, "wizard-1-profile-error")
        page.initials.setText(PROFILE.initials)
    wizard.next()
    passphrase_page = wizard.passphrase_page
    if with_keyring:
        passphrase_page.passphrase.setText("sommer2026")
        shoot(wizard, "wizard-2-passphrase-weak")
        passphrase_page.passphrase.setText(PASSPHRASE)
        passphrase_page.repeat.setText(PASSPHRASE[:-2])
        shoot(wizard, "wizard-2-passphrase-mismatch")
    passphrase_page.passphrase.setText(PASSPHRASE)
    passphrase_page.repeat.setText(PASSPHRASE)
    if with_keyring:
        shoot(wizard, "wizard-2-passphrase-good")
    wizard.next()
    wait_until(lambda: wizard.currentPage() is wizard.done_page)
    shoot(wizard, "wizard-3-done" if with_keyring else "wizard-3-done-no-keyring")
    result = wizard.setup_result
    wizard.close()
    if result is not None:
        tasks.runner().call_blocking(result.opened.store.close)


def shoot_unlock(shoot: Shooter, paths: StorePaths) -> None:
    dialog = UnlockDialog(paths, keyring_available=True)
    dialog.show()
    shoot(dialog, "unlock")
    dialog.passphrase.setText("forkert frase")
    dialog.open_button.click()
    wait_until(dialog.error.isVisible)
    shoot(dialog, "unlock-wrong-passphrase")
    dialog.close()
    no_keyring = UnlockDialog(paths, keyring_available=False)
    no_keyring.show()
    shoot(no_keyring, "unlock-no-keyring")
    no_keyring.close()


def shoot_main(shoot: Shooter, paths: StorePaths, count: int, seed: int) -> None:
    opened = tasks.runner().call_blocking(setup.unlock, paths, PASSPHRASE)
    store = opened.store
    window = MainWindow(store, paths, today=lambda: TODAY)
    window.resize(1360, 800)
    window.show()
    wait_until(lambda: window.model.loaded and window.user is not None)
    shoot(window, "main-empty")

    print(f"generating {count} synthetic young people …")
    tasks.runner().call_blocking(lambda: demo.generate(store, count, seed=seed, today=TODAY))
    window.reload()
    wait_until(lambda: window.model.total == count)
    shoot(window, "main-register")
    if FIGURES_ONLY:
        window.settings_action.trigger()
        settings_dialog = _dialog(window, SettingsDialog)
        shoot(settings_dialog, "settings")
        settings_dialog.close()
        shoot_figures(shoot, window, paths.root.parent)
        window.close()
        tasks.runner().call_blocking(store.close)
        return
    if PEOPLE_ONLY:
        shoot_custody_handover(shoot, window, store)
        window.close()
        tasks.runner().call_blocking(store.close)
        return
    shoot_deadlines(shoot, window)

    window.search.setText("han")
    shoot(window, "main-search-name")
    first_cpr = window.model._index.row(0).cpr
    window.search.setText(first_cpr[:6] + "-" + first_cpr[6:8])
    shoot(window, "main-search-cpr")
    window.search.setText("qqqq")
    shoot(window, "main-search-nothing")
    # One letter missing from a demo name: the empty state offers "Måske mente du".
    window.search.setText("Abdalah")
    wait_until(window.suggestion.isVisible)
    shoot(window, "main-search-did-you-mean")
    window.search.clear()

    window.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
    window.table.selectRow(0)
    window.open_record(window.model.youth_id(0))
    window.open_record(window.model.youth_id(1))
    wait_until(lambda: window.records.count() == 2)
    shoot(window, "main-record")
    view = window.records.currentWidget()
    assert isinstance(view, RecordView)
    view_id = view.record.id
    view.reveal.setChecked(True)
    wait_until(lambda: "xxxx" not in view.cpr.text())
    shoot(view, "record-cpr-shown")
    view.reveal.setChecked(False)
    view.copy_cpr.click()
    wait_until(view.copied.isVisible)
    shoot(view, "record-cpr-copied")
    secret_clipboard().clear()
    shoot_record_tabs(shoot, window, store)
    if READING_ONLY:
        shoot_reading(shoot, window, store)
        window.close()
        tasks.runner().call_blocking(store.close)
        return
    shoot_plan(shoot, window, store)
    # A case with months of history, so the progression has something to show.
    shoot_progression(shoot, window, store, _progression_case(window) or view.record.id)
    shoot_reading(shoot, window, store)

    shoot_lock(shoot, window, store, paths)

    window.register_new()
    wait_until(window.form_is_open)
    form = window.form
    assert form is not None
    shoot(form, "register-empty")
    form.cpr.setText("150305-4000")
    form.first_name.setText("Sofie2")
    form.postal_code.setText("67")
    form.email.setText("sofie@")
    wait_until(lambda: not form.cpr_info.isHidden())
    form.save_button.click()
    wait_until(lambda: form.errors["last_name"].isVisible())
    shoot(form, "register-field-errors")
    known = window.model._index.row(3).cpr
    form.cpr.setText(known)
    wait_until(form.open_existing_button.isVisible)
    shoot(form, "register-known-cpr")
    form.reject()

    # The postcode fills the town; a date typed without its year is refused at the field.
    window.register_new()
    wait_until(window.form_is_open)
    form = window.form
    assert form is not None
    wait_until(lambda: bool(form._postcodes))
    form.cpr.setText("150305-4007")
    form.first_name.setText("Sofie")
    form.last_name.setText("Nørgaard")
    form.address.setText("Algade 3, 2. th")
    QTest.keyClicks(form.postal_code, "6760")
    QTest.keyClicks(form.henvendelse, "3102")
    form.henvendelse.commit_typed()
    shoot(form, "register-town-and-date-error")
    form.postal_code.setText("9999")
    form.city.clear()
    shoot(form, "register-unknown-postcode")
    form.reject()

    # The record shot first may have been closed by the shots since: open it again.
    view = _open(window, view_id)
    view.edit_button.click()
    wait_until(window.form_is_open)
    assert window.form is not None
    shoot(window.form, "edit-basic-data")
    window.form.reject()

    shoot_trust(shoot, window, store, paths)
    shoot_rules(shoot, window, paths.root)
    shoot_catalogue(shoot, window)
    shoot_team(shoot, window, store)
    shoot_restgruppe(shoot, window)
    shoot_figures(shoot, window, paths.root.parent)
    shoot_custody_handover(shoot, window, store)
    window.close()
    tasks.runner().call_blocking(store.close)


SAMPLE_RULE = """
[[rule]]
id = "eksempel-kontakt-3-dage"
description = "Kontakt senest 3 dage efter henvendelsen (eksempel)"
start_event = "henvendelse"
once = true
period = { days = 3 }
meets = ["jobsamtale"]
target_groups = ["lab6_4"]
valid_from = 2027-01-01
source = "Eksempel på en ny regel"
expected = true
"""


def shoot_team(shoot: Shooter, window: MainWindow, store: Store) -> None:
    """The people around a young person on a 1366x768 laptop: my profile with a message at
    a field, the colleagues, the Aktører list and form, and a record's team box and header
    with a coordinating caseworker and a contact person from the synthetic partners."""
    from ungedesk.domain.team import ActorInput, ActorKind, ActorRole, MemberInput, TeamRole
    from ungedesk.services import actors, team
    from ungedesk.ui.team.actors_dialog import ActorsDialog
    from ungedesk.ui.team.profile_dialog import ColleaguesDialog, ContactDetailsDialog

    window.profile_action.trigger()
    profile = _dialog(window, ContactDetailsDialog)
    assert isinstance(profile, ContactDetailsDialog)
    profile.phone.setText("1234 567")
    profile.ok_button.click()
    wait_until(lambda: not profile.working)
    settle(300)
    shoot(profile, "team-my-profile-error")
    profile.reject()
    window.colleagues_action.trigger()
    colleagues = _dialog(window, ColleaguesDialog)
    assert isinstance(colleagues, ColleaguesDialog)
    wait_until(lambda: colleagues.model.rowCount() > 0)
    settle(300)
    shoot(colleagues, "team-colleagues")
    colleagues.reject()

    def partners() -> int:
        if actors.list_actors(store):
            return actors.list_actors(store)[0].id
        made = [
            actors.add_actor(
                store,
                ActorInput(
                    kind=kind,
                    name=name,
                    organisation=org,
                    role=role,
                    responsibilities=task,
                    phone=phone,
                    email=email,
                ),
            )
            for kind, name, org, role, task, phone, email in (
                (
                    ActorKind.PERSON,
                    "Mette Krogh",
                    "Vestby FGU",
                    ActorRole.FGU,
                    "Optagelse og kontaktlærer på FGU",
                    "+45 22 33 44 55",
                    "mk@fgu.example",
                ),
                (
                    ActorKind.UNIT,
                    "Familierådgivningen",
                    "Vestby Kommune",
                    ActorRole.CHILDREN_FAMILY,
                    "Sager efter barnets lov",
                    "70 10 20 30",
                    "familie@kommune.example",
                ),
                (
                    ActorKind.PERSON,
                    "Jonas Friis",
                    "Friis Auto ApS",
                    ActorRole.EMPLOYER,
                    "Praktik og fritidsjob på værkstedet",
                    "40 50 60 70",
                    "",
                ),
            )
        ]
        return made[0].id

    fgu = tasks.runner().call_blocking(partners)
    window.actors_action.trigger()
    dialog = _dialog(window, ActorsDialog)
    assert isinstance(dialog, ActorsDialog)
    dialog.resize(1280, 700)
    wait_until(lambda: dialog.model.rowCount() > 0)
    dialog.table.selectRow(0)
    settle(300)
    shoot(dialog, "team-actors")
    dialog.edit_selected()
    assert dialog.form is not None
    form = dialog.form
    form.email.setText("mk at fgu")
    form.ok_button.click()
    wait_until(lambda: not form.working)
    settle(300)
    shoot(form, "team-actor-edit-error")
    form.reject()
    dialog.reject()

    view = window.records.currentWidget()
    assert isinstance(view, RecordView)
    youth_id = view.record.id
    tasks.runner().call_blocking(
        lambda: team.add_member(
            store, youth_id, MemberInput(TeamRole.CONTACT, TODAY, actor_id=fgu), today=TODAY
        )
    )
    view.team_box.reload()
    view.tabs.setCurrentIndex(0)
    wait_until(lambda: view.team_box.view is not None and view.team_box.view.contact is not None)
    settle(300)
    shoot(window, "team-record")


def shoot_rules(shoot: Shooter, window: MainWindow, folder: Path) -> None:
    """Regler: the overview, a newer rule file's preview (not applied, so the other
    pictures keep the shipped rules), a malformed file, and the expected-rules warning."""
    window.rules_browser_action.trigger()
    browser = _dialog(window, RulesBrowserDialog)
    assert isinstance(browser, RulesBrowserDialog)
    wait_until(lambda: browser.model.rowCount() > 0)
    settle(300)
    shoot(browser, "rules-overview")
    shipped = rule_store.shipped_text()
    body = "\n".join(line for line in shipped.splitlines() if not line.startswith("version"))
    newer = (rule_store.shipped_version() or date(2026, 12, 1)) + timedelta(days=14)
    text = f'version = "{newer.isoformat()}"\n' + body.replace(
        "period = { weeks = 1 }", "period = { weeks = 2 }", 1
    )
    good = folder / "regler-ny.toml"
    good.write_text(text + SAMPLE_RULE, encoding="utf-8")
    dialog = browser.open_load(good)
    wait_until(lambda: dialog.preview is not None)
    settle(300)
    shoot(dialog, "rules-load-preview")
    dialog.reject()
    bad = folder / "regler-forkert.toml"
    bad.write_text(text.replace("\nonce = true", "\nonse = true", 1), encoding="utf-8")
    dialog = browser.open_load(bad)
    wait_until(lambda: dialog.error.isVisible())
    settle(300)
    shoot(dialog, "rules-load-malformed")
    dialog.reject()
    if browser.expected_button.isEnabled():  # the rule set in use has expected rules
        browser.expected_button.click()
        box = browser.confirm
        assert box is not None
        wait_until(box.isVisible)
        shoot(box, "rules-expected-warning")
        box.reject()
    browser.reject()


def shoot_catalogue(shoot: Shooter, window: MainWindow) -> None:
    """Tilbudsvifte on a 1366x768 laptop: the starter catalogue, a search typed without
    Danish letters, the edit dialog with a message under a field and the law's note on the
    kind (the 2026 spending cap), and an offer's start picked from the catalogue."""
    window.catalogue_action.trigger()
    dialog = _dialog(window, CatalogueDialog)
    assert isinstance(dialog, CatalogueDialog)
    wait_until(lambda: dialog.model.total > 0)
    dialog.resize(1280, 700)  # what a 1366x768 screen leaves under the title bar
    dialog.table.selectRow(0)
    settle(300)
    shoot(dialog, "catalogue")
    dialog.search.setText("lontilskud")
    settle(200)
    shoot(dialog, "catalogue-search")
    dialog.search.clear()
    editor = dialog.new_offer()
    editor.kind.setCurrentIndex(editor.kind.findData("oevo"))
    editor.weeks.setValue(12)
    editor.contact_email.setText("ikke en adresse")
    editor.ok_button.click()
    wait_until(lambda: not editor.working)
    settle(300)
    shoot(editor, "catalogue-edit-errors")
    editor.reject()
    dialog.reject()
    if window.model.total:  # an offer's start picked from the catalogue: what the law says
        event = EventDialog(window._store, window.model._index.row(0).id, lambda: TODAY, window)
        event.kind.setCurrentIndex(event.kind.findData("tilbud_start"))
        wait_until(lambda: event.note.completer() is not None)
        event.note.setText("Mentor til fremmøde og overgang")
        event.show()
        settle(300)
        shoot(event, "catalogue-event-picked")
        event.reject()


def shoot_custody_handover(shoot: Shooter, window: MainWindow, store: Store) -> None:
    """A 16-year-old's record on a 1366x768 laptop: the custody box with two holders (one
    not taking part in the plan), the case handed over and awaiting the receipt, a refused
    receipt, and the chain of holders once the receiver's receipt is read."""
    import tempfile

    from ungedesk.domain.custody import HolderInput, Relation
    from ungedesk.services import custody, handover, transfer

    run = tasks.runner().call_blocking
    minor = YouthInput(
        cpr="101209-4003",
        first_name="Mille",
        last_name="Testesen",
        henvendelse_date=TODAY - timedelta(days=60),
        caseworker_id=1,
    )
    youth_id = run(lambda: youths.register(store, minor, today=TODAY).youth_id)
    for holder in (
        HolderInput(
            "Hanne Testesen",
            Relation.MOTHER,
            TODAY - timedelta(days=60),
            phone="20 30 40 50",
            email="hanne@eksempel.dk",
        ),
        HolderInput("Jens Testesen", Relation.FATHER, TODAY - timedelta(days=60), takes_part=False),
    ):
        run(partial(custody.add_holder, store, youth_id, holder, today=TODAY))
    window.resize(1360, 760)
    window.open_record(youth_id)
    wait_until(lambda: window.record_view(youth_id) is not None)
    view = window.record_view(youth_id)
    assert view is not None
    wait_until(lambda: view.custody.loaded and view.handover.loaded)
    from PySide6.QtWidgets import QScrollArea

    basic = view.findChildren(QScrollArea)[0]

    def show(box: QWidget) -> None:
        settle(200)
        basic.ensureWidgetVisible(box, 0, 0)
        settle(200)

    show(view.custody)
    shoot(view, "record-custody")
    view.custody.table.selectRow(0)
    view.custody.edit_holder()
    dialog = view.custody.dialog
    assert dialog is not None
    settle(300)
    shoot(dialog, "record-custody-edit")
    dialog.reject()
    with tempfile.TemporaryDirectory() as folder:
        sent = run(
            partial(
                transfer.export_case,
                store,
                youth_id,
                Path(folder),
                "overførsel mellem to kontorer i Ribe",
            )
        )
        assert sent.exists()
        view.handover.reload()
        wait_until(
            lambda: view.handover.state is not None and view.handover.state.pending is not None
        )
        junk = Path(folder) / "kvittering-forkert.udkvit"
        junk.write_bytes(b"ikke en kvittering")
        view.handover.read_receipt(junk)
        wait_until(lambda: not view.handover.error.isHidden())
        show(view.handover)
        shoot(view, "record-handover-pending")

        def receive_and_receipt() -> Path:
            """The receiving installation: import the file, write the receipt."""
            made = setup.create_installation(
                StorePaths(Path(folder) / "modtager"),
                PASSPHRASE,
                ProfileInput("Jens Modtager", "JM", "Ungeindsatsen Vest", Role.CASEWORKER),
            )
            other = made.opened.store
            try:
                got = transfer.import_case(
                    other, sent, "overførsel mellem to kontorer i Ribe", today=TODAY
                )
                return handover.write_receipt(
                    other, got.youth_id, Path(folder) / "kvit", now=datetime.now()
                )
            finally:
                other.close()

        receipt = run(receive_and_receipt)
        view.handover.read_receipt(receipt)
        wait_until(lambda: not view.handover.done.isHidden())
        wait_until(lambda: view.handover.state is not None and not view.handover.state.active)
        show(view.handover)
        shoot(view, "record-handover-done")


def shoot_figures(shoot: Shooter, window: MainWindow, folder: Path) -> None:
    """Ledelsestal on a 1366x768 laptop: the month's table with the young people behind a
    number, the 12 months' chart and the definitions; then the team's figures."""
    from ungedesk.ui.figures.view import FiguresDialog

    window.figures_action.trigger()
    dialog = _dialog(window, FiguresDialog)
    assert isinstance(dialog, FiguresDialog)
    wait_until(lambda: dialog.table_data is not None)
    dialog.resize(1280, 700)
    row = next(i for i, r in enumerate(dialog.model.rows) if r.label == "Tilgang")
    dialog.show_people(dialog.model.index(row, dialog.model.columnCount() - 1))
    wait_until(lambda: dialog.people.rowCount() > 0)
    settle(300)
    shoot(dialog, "figures-table")
    dialog.tabs.setCurrentIndex(1)
    wait_until(lambda: dialog.history.model.rowCount() == 12)
    settle(300)
    shoot(dialog, "figures-12-months")
    dialog.tabs.setCurrentIndex(2)
    settle(200)
    shoot(dialog, "figures-definitions")
    # One target group (the one with the most active cases): its column beside the total,
    # and its 12 months.
    active = next(r for r in dialog.model.rows if r.label == "Aktive sager")
    counts = [v if isinstance(v, int) else 0 for v in active.values[:-1]]
    biggest = dialog.model.columns[counts.index(max(counts))]
    dialog.group.setCurrentIndex(dialog.group.findText(biggest))
    dialog.tabs.setCurrentIndex(0)
    settle(300)
    shoot(dialog, "figures-one-group-table")
    dialog.tabs.setCurrentIndex(1)
    settle(300)
    shoot(dialog, "figures-one-group-12-months")
    dialog.group.setCurrentIndex(0)
    dialog.tabs.setCurrentIndex(0)
    shoot_team_figures(shoot, dialog, folder)
    dialog.reject()


def shoot_team_figures(shoot: Shooter, dialog: QWidget, folder: Path) -> None:
    """Teamets tal: empty, then this store's file of the month and a colleague's (from an
    installation of its own, with small counts hidden) added up, then a changed file
    refused by name."""
    import json

    from tests.support.figures_files import team_file
    from ungedesk.ui.figures.team_dialog import TeamFiguresDialog
    from ungedesk.ui.figures.view import FiguresDialog

    assert isinstance(dialog, FiguresDialog)
    ours = folder / "team" / f"tal-til-lederen-{dialog.period().label}.json"
    dialog.ask_team_file_path = lambda suggested: str(ours)  # type: ignore[method-assign]
    dialog.team_file_button.click()
    wait_until(lambda: ours.exists() and not dialog.notice.isHidden())
    shoot(dialog, "figures-saved-for-the-leader")
    colleague = team_file(folder / "team", "CD", 3, dialog.period())
    team = dialog.open_team()
    assert isinstance(team, TeamFiguresDialog)
    wait_until(team.isVisible)
    shoot(team, "team-figures-empty")
    merged: list[object] = []
    team.merged.connect(merged.append)
    team.add_files([ours, colleague])
    wait_until(lambda: bool(merged))
    settle(300)
    shoot(team, "team-figures-two-files")
    content = json.loads(colleague.read_bytes())
    content["counts"][0]["value"] = 99
    content["counts"][0].pop("suppressed", None)
    changed = folder / "team" / "tal-fra-kollega-ændret.json"
    changed.write_text(json.dumps(content), encoding="utf-8")
    refused: list[str] = []
    team.refused.connect(refused.append)
    team.add_files([changed])
    wait_until(lambda: bool(refused))
    shoot(team, "team-figures-changed-file")
    team.reject()


def shoot_restgruppe(shoot: Shooter, window: MainWindow) -> None:
    """Koordinationsgruppen on a 1366x768 laptop: the demo's newest list with its groups,
    a repeater chosen, the figures tab, and the import preview of a list with a column the
    reader does not know."""
    import tempfile

    window.restgruppe_action.trigger()
    dialog = _dialog(window, ReviewDialog)
    assert isinstance(dialog, ReviewDialog)
    wait_until(lambda: dialog.model.rowCount() > 0 or not dialog.empty.isHidden())
    if dialog.model.rowCount() == 0:  # a demo too small for a list: its empty state
        shoot(dialog, "restgruppe-empty")
        dialog.reject()
        return
    dialog.resize(1280, 700)
    repeater = next((i for i, e in enumerate(dialog.model.rows) if e.repeater), 0)
    dialog.table.selectRow(repeater)
    settle(300)
    shoot(dialog, "restgruppe-review")
    dialog.tabs.setCurrentIndex(1)
    wait_until(lambda: dialog.figures.model.rowCount() > 0)
    settle(300)
    shoot(dialog, "restgruppe-figures")
    dialog.tabs.setCurrentIndex(0)
    with tempfile.TemporaryDirectory() as folder:
        listing = Path(folder) / "liste.csv"
        listing.write_bytes(
            "Elev-ID;Fornavn;Efternavn;Skole;Vejleder\r\n"
            "010109-4123;Sofie;Nørgaard;Skolen ved Åen;AB\r\n"
            "150210-4567;Ali;Østergaard;;AB\r\n".encode("cp1252")
        )
        importer = dialog.open_import(listing)
        wait_until(lambda: not importer.working)
        combo = importer.columns["Elev-ID"]
        combo.setCurrentIndex(combo.findData("cpr"))
        wait_until(lambda: importer.preview is not None and not importer.working)
        settle(300)
        shoot(importer, "restgruppe-import-preview")
        importer.reject()
    dialog.reject()


def shoot_deadlines(shoot: Shooter, window: MainWindow) -> None:
    """The Frister view (mine, everyone's, scrolled into the overdue ones) and the local
    standards dialog with its form."""
    view = window.deadlines

    def refreshed() -> bool:
        return view.model.loaded and not view.loading

    window.show_deadlines()
    wait_until(refreshed)
    shoot(window, "deadlines-mine")
    view.everyone.setChecked(True)
    wait_until(refreshed)
    shoot(window, "deadlines-all")
    view.table.scrollToBottom()
    wait_until(lambda: view.model.overdue_loaded > 200 or not view.model.canFetchMore())
    view.table.scrollToBottom()
    shoot(window, "deadlines-all-overdue-scrolled")
    view.mine.setChecked(True)
    wait_until(refreshed)

    window.local_rules_action.trigger()
    rules = _dialog(window, LocalRulesDialog)
    assert isinstance(rules, LocalRulesDialog)
    wait_until(lambda: rules.rule_set is not None)
    shoot(rules, "rules-local-standards")
    rules.add_rule()
    wait_until(lambda: rules.add_dialog is not None and rules.add_dialog.isVisible())
    form = rules.add_dialog
    assert form is not None
    shoot(form, "rules-add-empty")
    form.rule_id.setText("lab-31-5-foerste-jobsamtale")
    form.ok_button.click()
    shoot(form, "rules-add-field-errors")
    form.rule_id.setText("lokal-samtale-hver-2-maaned")
    form.description.setText("Samtale mindst hver 2. måned for aktivitetsparate unge")
    form.amount.setValue(2)
    form.groups["lab6_3"].setChecked(True)
    form.groups["lab6_5"].setChecked(True)
    form.tightens.setCurrentIndex(form.tightens.findData("lab-31-3-fire-jobsamtaler"))
    form.source.setText("Kvalitetsstandard, Demo Kommune")
    form.ok_button.click()
    shoot(form, "rules-add-recomputing")
    wait_until(lambda: rules.rule_set is not None and len(rules.rule_set.local) == 1)
    settle(300)
    shoot(rules, "rules-local-standard-added")
    rules.close()
    window.show_deadlines()
    wait_until(refreshed)
    shoot(window, "deadlines-with-local-standard")
    window.navigation.setCurrentWidget(window.register_page)


def _demo_case(window: MainWindow, store: Store, *, with_history: bool) -> int | None:
    """A demo young person with a visitation and conversations (or with neither)."""

    def history(youth_id: int) -> tuple[int, bool]:
        due = deadlines.for_youth(store, youth_id, TODAY)
        return (
            len(conversations.for_youth(store, youth_id)) if due or not with_history else 0,
            visitation.get(store, youth_id) is not None,
        )

    for row in range(min(window.model.total, 500)):
        youth_id = window.model.youth_id(row)
        talks, visited = tasks.runner().call_blocking(history, youth_id)
        if with_history and talks >= 2 and visited:
            return youth_id
        if not with_history and talks == 0 and not visited:
            return youth_id
    return None


def _open(window: MainWindow, youth_id: int) -> RecordView:
    window.open_record(youth_id)
    wait_until(lambda: window.record_view(youth_id) is not None)
    view = window.record_view(youth_id)
    assert view is not None
    wait_until(
        lambda: view.visitation.loaded and view.conversations.loaded and view.deadlines.loaded
    )
    return view


def shoot_record_tabs(shoot: Shooter, window: MainWindow, store: Store) -> None:
    """The record's visitation, conversations and deadlines tabs, and their dialogs."""
    full = _demo_case(window, store, with_history=True)
    if full is None:
        raise LookupError("no demo case has a visitation and conversations")
    view = _open(window, full)
    for tab, name in (
        (view.visitation, "record-visitation"),
        (view.conversations, "record-conversations"),
        (view.deadlines, "record-deadlines"),
    ):
        view.show_panel(tab)
        shoot(window, name)
    # A held conversation selected: its note, holder and corrections under the list, then
    # the correction dialog ("Ret samtale…").
    panel = view.conversations
    view.show_panel(panel)
    held = next(
        (i for i, c in enumerate(panel.model.rows) if c.status is ConversationStatus.HELD), 0
    )
    chosen = panel.model.rows[held]
    if chosen.status is ConversationStatus.HELD:
        # One correction, so the history shows under the list and in the dialog.
        refreshed: list[bool] = []
        panel.refreshed.connect(lambda: refreshed.append(True))
        fix = conversations.CorrectionInput(
            chosen.kind,
            chosen.status,
            chosen.starts_at,
            HeldBy.JOINT,
            "UU-vejlederen deltog også i samtalen.",
        )
        tasks.runner().call_blocking(
            lambda: conversations.correct(store, chosen.id, fix, today=TODAY)
        )
        panel.reload()
        wait_until(lambda: bool(refreshed))
        held = next(i for i, c in enumerate(panel.model.rows) if c.id == chosen.id)
    panel.table.selectRow(held)
    shoot(window, "record-conversations-selected")
    panel.correct_selected()
    wait_until(lambda: panel.dialog is not None and panel.dialog.isVisible())
    assert panel.dialog is not None
    shoot(panel.dialog, "correction-dialog")
    panel.dialog.reject()
    view.book_conversation()
    wait_until(
        lambda: view.conversations.dialog is not None and view.conversations.dialog.isVisible()
    )
    dialog = view.conversations.dialog
    assert dialog is not None
    shoot(dialog, "booking-dialog")
    dialog.reject()
    view.conversations.open_booking(ConversationStatus.HELD)
    wait_until(lambda: view.conversations.dialog is not dialog)
    assert view.conversations.dialog is not None
    shoot(view.conversations.dialog, "booking-after-the-fact")
    view.conversations.dialog.reject()
    view.show_section("visitation")
    for opener, name in (
        (view.visitation.open_visitation, "visitation-dialog"),
        (view.visitation.open_target_group, "target-group-dialog"),
        (view.visitation.open_event, "event-dialog"),
    ):
        opener()
        opened = view.visitation.dialog
        assert opened is not None
        wait_until(opened.isVisible)
        shoot(opened, name)
        if name == "event-dialog" and isinstance(opened, EventDialog):
            opened.kind.setCurrentIndex(opened.kind.findData("contact"))
            settle(100)
            shoot(opened, "event-dialog-contact")
        opened.reject()

    bare = _demo_case(window, store, with_history=False)
    if bare is None:  # every demo case has a history: no empty states to show
        return
    empty = _open(window, bare)
    for tab, name in (
        (empty.visitation, "record-visitation-empty"),
        (empty.conversations, "record-conversations-empty"),
        (empty.deadlines, "record-deadlines-empty"),
    ):
        empty.show_panel(tab)
        shoot(window, name)
    empty.tabs.setCurrentIndex(0)


def seed_plan(store: Store, youth_id: int) -> None:
    """A plan handed out earlier, with a consent for health, then edited since."""
    from ungedesk.domain.plan import (
        Application,
        ApplicationKind,
        ConsentScope,
        Contact,
        ContactRole,
        GoalType,
        Intervention,
        PlanContent,
        Subgoal,
        SubgoalOwner,
        SubgoalStatus,
    )
    from ungedesk.domain.progression import Indicator
    from ungedesk.services import plan, youths

    record = youths.get(store, youth_id)
    assert record is not None
    # Not before 18 Nov: the seeded application is dated then, and a save refuses dates
    # after its own day.
    earlier = max(record.henvendelse_date, TODAY - timedelta(days=6))
    plan.give_consent(
        store, youth_id, [ConsentScope.HEALTH], earlier, "Mundtligt ved samtalen", today=TODAY
    )
    content = PlanContent(
        goal_type=GoalType.EUD,
        programme="Social- og sundhedshjælper",
        school="SOSU Nord, Aalborg",
        goal_start=date(2027, 8, 9),
        own_wishes="Jeg vil gerne arbejde med ældre mennesker. Jeg kan godt lide at hjælpe.",
        challenges="Svært ved at komme op om morgenen. Har brug for hjælp til at søge.",
        short_term_goals="Møde stabilt op i praktikken hver dag i fire uger.",
        long_term_goals="Starte på SOSU-uddannelsen i august 2027.",
        health="Astma, bruger inhalator. Ingen betydning for uddannelsen.",
        subgoals=(
            Subgoal(
                "Besøge SOSU-skolen",
                SubgoalOwner.UU,
                date(2026, 12, 3),
                "Mette Holm",
                SubgoalStatus.IN_PROGRESS,
            ),
            Subgoal(
                "Møde op kl. 8 hver dag i praktikken",
                SubgoalOwner.YOUTH,
                date(2026, 12, 18),
                indicator=Indicator.ATTENDANCE,
            ),
            Subgoal("Søge om optagelse", SubgoalOwner.YOUTH, date(2027, 3, 1)),
            Subgoal(
                "Afklare transport",
                SubgoalOwner.CASEWORKER,
                date(2026, 12, 10),
                status=SubgoalStatus.REACHED,
            ),
        ),
        interventions=(
            Intervention(
                "Virksomhedspraktik",
                "Plejecenter Solhøj",
                date(2026, 11, 30),
                date(2027, 1, 22),
                "Afprøve arbejdet med ældre",
            ),
            Intervention("Mentor", "Ungeteamet", date(2026, 11, 16), None, "Støtte til at møde op"),
        ),
        applications=(
            Application(
                ApplicationKind.CONTACT,
                "SOSU Nord, Aalborg",
                date(2026, 11, 18),
                "Rundvisning aftalt",
            ),
        ),
        contacts=(
            Contact(ContactRole.CONTACT_PERSON, "Ali Hassan", "Mentor", "20 30 40 50"),
            Contact(ContactRole.TEAM, "Mette Holm", "UU-vejleder", "", "meho@kommune.example"),
        ),
    )
    plan.save_plan(store, youth_id, content, today=earlier, now=datetime.combine(earlier, time(10)))
    plan.hand_out(store, youth_id, today=earlier, now=datetime.combine(earlier, time(10)))
    later = replace(
        content,
        short_term_goals="Møde stabilt op i praktikken hver dag i seks uger.",
    )
    plan.save_plan(store, youth_id, later, today=TODAY, now=datetime.combine(TODAY, time(10)))


def shoot_plan(shoot: Shooter, window: MainWindow, store: Store) -> None:
    """The plan tab filled in, its field errors, the consent and hand-out dialogs, the
    versions, the PDF preview and the batch."""
    from ungedesk.ui.plan.batch_dialog import PlanBatchDialog
    from ungedesk.ui.plan.pdf_preview import PdfPreviewDialog

    youth_id = _demo_case(window, store, with_history=True)
    if youth_id is None:
        return
    tasks.runner().call_blocking(seed_plan, store, youth_id)
    view = _open(window, youth_id)
    panel = view.plan
    panel.reload()
    wait_until(lambda: panel.loaded and panel.draft is not None and bool(panel.draft.versions))
    view.show_panel(panel)
    shoot(window, "record-plan")
    box = panel.form.subgoals.parentWidget()
    assert box is not None
    panel.form.scroll_area.verticalScrollBar().setValue(box.y())
    shoot(window, "record-plan-lists")
    panel.form.scroll_area.verticalScrollBar().setValue(
        panel.form.scroll_area.verticalScrollBar().maximum()
    )
    shoot(window, "record-plan-consent")

    panel.form.programme.setText("")
    model = panel.form.subgoals_model
    model.setData(model.index(2, 0), "")
    panel.form.programme.setText("x" * 201)
    panel.save()
    wait_until(lambda: panel.error.isVisible() or not panel.dirty)
    panel.form.scroll_area.verticalScrollBar().setValue(0)
    shoot(window, "record-plan-errors")

    panel.ask_hand_out()
    wait_until(lambda: panel.dialog is not None and panel.dialog.isVisible())
    assert panel.dialog is not None
    shoot(panel.dialog, "plan-hand-out")
    panel.dialog.reject()
    panel.reload()
    wait_until(lambda: not panel.dirty and panel.loaded)

    panel.open_consent()
    wait_until(lambda: panel.dialog is not None and panel.dialog.isVisible())
    assert panel.dialog is not None
    shoot(panel.dialog, "plan-consent")
    panel.dialog.reject()

    panel.open_versions()
    wait_until(
        lambda: panel.dialog is not None and getattr(panel.dialog, "shown", None) is not None
    )
    versions = panel.dialog
    assert versions is not None
    shoot(versions, "plan-versions")
    versions.reject()

    panel.preview()
    wait_until(lambda: isinstance(panel.dialog, PdfPreviewDialog) and panel.dialog.isVisible())
    assert panel.dialog is not None
    settle(400)
    shoot(panel.dialog, "plan-pdf-preview")
    panel.dialog.reject()

    # "Send til…" warns first; the municipality's secure mail address is the default.
    from ungedesk.services.secure_send import SecureRoute
    from ungedesk.ui.plan.send import SendWarning

    warning = SendWarning(SecureRoute(address="sikkerpost@kommune.example"), window)
    warning.show()
    settle()
    shoot(warning, "plan-send-warning")
    warning.reject()

    batch = PlanBatchDialog(
        store,
        lambda: TODAY,
        lambda: datetime.combine(TODAY, time(12)),
        window,
        folder=Path.home() / "Uddannelsesplaner",
    )
    batch.show()
    wait_until(lambda: batch.counted is not None)
    shoot(batch, "plan-batch")
    batch.reject()
    view.tabs.setCurrentIndex(0)


def _progression_case(window: MainWindow) -> int | None:
    """A demo young person whose first contact is half a year back or more, preferring
    one the demo data gave readings over several months."""
    from ungedesk.services import progression, youths

    store = window._store
    fallback = None
    # Every 7th row: the register is sorted newest first, and the newest are days old.
    for row in range(0, window.model.total, 7):
        youth_id = window.model.youth_id(row)
        record = tasks.runner().call_blocking(youths.get, store, youth_id)
        if record is None or not 180 <= (TODAY - record.henvendelse_date).days <= 720:
            continue
        fallback = fallback or youth_id
        p = tasks.runner().call_blocking(progression.get_progression, store, youth_id)
        if (
            len(p.measurements) >= 4
            and (p.measurements[-1].measured_on - p.measurements[0].measured_on).days >= 90
        ):
            return youth_id
    return fallback


def seed_progression(store: Store, youth_id: int) -> None:
    """Six readings over the months since the first contact, with a gap to talk about
    (unless the demo data already gave the young person readings of their own)."""
    from ungedesk.domain.progression import Indicator, MeasurementInput, ScoreInput
    from ungedesk.services import progression, youths

    record = youths.get(store, youth_id)
    assert record is not None
    start = record.henvendelse_date
    chosen = [
        Indicator.SKILLS,
        Indicator.WORK_IDENTITY,
        Indicator.HEALTH,
        Indicator.FINANCES,
        Indicator.MOTIVATION,
        Indicator.ATTENDANCE,
        Indicator.NETWORK,
    ]
    current = progression.get_progression(store, youth_id)
    if len(current.measurements) >= 3:
        return
    if current.chosen:
        chosen = list(current.chosen)
    else:
        progression.choose_indicators(store, youth_id, chosen, start)
    span = max((TODAY - start).days, 0)  # a recent case gets readings on few days
    for n in range(6):
        day = start + timedelta(days=span * n // 5)
        scores = tuple(
            ScoreInput(
                indicator,
                min(10, 2 + k % 3 + n),
                None if (n == 2 and k == 3) else min(10, 3 + (k * 2) % 5 + n // 2),
                "Vil gerne i praktik" if (n == 5 and k == 0) else "",
            )
            for k, indicator in enumerate(chosen)
        )
        if n == 5:  # the young person sees motivation quite differently
            scores = tuple(
                ScoreInput(s.indicator, 4, 9, "Synes selv det går godt")
                if s.indicator is Indicator.MOTIVATION
                else s
                for s in scores
            )
        progression.record_measurement(store, youth_id, MeasurementInput(day, scores), today=TODAY)


def shoot_progression(shoot: Shooter, window: MainWindow, store: Store, youth_id: int) -> None:
    """The progression tab with several readings, its dialogs, the caseload view and the
    descriptors; then a record with no indicators chosen (the empty state)."""
    from functools import partial

    from ungedesk.ui.progression.caseload_dialog import CaseloadProgressionDialog
    from ungedesk.ui.progression.descriptors_dialog import DescriptorsDialog
    from ungedesk.ui.progression.measurement_dialog import MeasurementDialog

    tasks.runner().call_blocking(seed_progression, store, youth_id)
    view = _open(window, youth_id)
    panel = view.progression
    shown: list[bool] = []
    panel.screen_shown.connect(partial(shown.append, True))
    panel.reload()
    wait_until(lambda: bool(shown))
    view.show_panel(panel)
    shoot(window, "record-progression")
    panel.show_previous.setChecked(True)
    panel.view_youth.setChecked(True)
    shoot(panel, "record-progression-youth-previous")
    panel.view_both.setChecked(True)
    panel.show_previous.setChecked(False)

    view.new_measurement()
    wait_until(lambda: panel.dialog is not None and panel.dialog.isVisible())
    dialog = panel.dialog
    assert isinstance(dialog, MeasurementDialog)
    shoot(dialog, "measurement-dialog")
    rows = list(dialog.rows.values())
    rows[0].caseworker.setText("0")
    rows[0].youth.setText("6")
    rows[1].caseworker.setText("7")
    rows[1].youth.setText("3")
    rows[2].caseworker.setFocus()
    rows[2].caseworker.setText("5")
    dialog.ok_button.click()
    wait_until(lambda: not dialog.working)
    settle(300)
    shoot(dialog, "measurement-dialog-errors")
    dialog.reject()

    panel.measurement_table.selectRow(0)
    panel.correct_measurement()
    wait_until(lambda: panel.dialog is not dialog and panel.dialog is not None)
    correction = panel.dialog
    assert correction is not None
    wait_until(correction.isVisible)
    shoot(correction, "measurement-correction")
    correction.reject()

    panel.choose_indicators()
    wait_until(lambda: panel.dialog is not correction and panel.dialog is not None)
    choice = panel.dialog
    assert choice is not None
    wait_until(choice.isVisible)
    shoot(choice, "indicator-choice")
    choice.reject()

    caseload = CaseloadProgressionDialog(store, lambda: TODAY, window)
    figures: list[bool] = []
    caseload.figures_shown.connect(partial(figures.append, True))
    caseload.only_mine.setChecked(False)  # supersedes the first read: one delivers
    caseload.show()
    wait_until(lambda: bool(figures))
    shoot(caseload, "caseload-progression")
    caseload.close()
    descriptors = DescriptorsDialog(store, window)
    descriptors.show()
    wait_until(lambda: descriptors.loaded)
    shoot(descriptors, "progression-descriptors")
    descriptors.reject()

    bare = _no_indicators_case(window)
    if bare is not None:
        empty = _open(window, bare)
        empty.show_section("progression")
        wait_until(lambda: empty.progression.state is not None)
        shoot(window, "record-progression-empty")
        empty.tabs.setCurrentIndex(0)
    view.tabs.setCurrentIndex(0)


def _no_indicators_case(window: MainWindow) -> int | None:
    """A demo young person with no indicators chosen (about a third of them)."""
    from ungedesk.services import progression

    for row in range(min(window.model.total, 200)):
        youth_id = window.model.youth_id(row)
        p = tasks.runner().call_blocking(progression.get_progression, window._store, youth_id)
        if not p.chosen:
            return youth_id
    return None


def shoot_lock(shoot: Shooter, window: MainWindow, store: Store, paths: StorePaths) -> None:
    """The lock screen over the main window: with the keyring, a wrong passphrase, and
    without the keyring (passphrase only)."""
    lock = SessionLock(window, store, paths, idle_ms=3_600_000)
    wait_until(lambda: lock.settings is not None)
    lock.lock()
    wait_until(lambda: not tasks.runner().busy)
    shoot(window, "locked")
    lock.screen.passphrase.setText("forkert frase")
    lock.screen.unlock_button.click()
    wait_until(lock.screen.error.isVisible)
    shoot(window, "locked-wrong-passphrase")
    lock.screen.offer_keyring(False, "")
    lock.screen.reset()
    shoot(window, "locked-passphrase-only")
    lock.unlock()
    lock.dispose()
    lock.deleteLater()


# About 90 characters: once made the main window 2,073 px wide on a 1,600 px screen.
LONG_NAME = (
    "Marie-Louise Charlotte Josefine Alexandra Henriette",
    "Vestergaard-Kristoffersen Østergaard",
)
READING_SIZES = ((1366, 768), (1920, 1080))


def shoot_reading(shoot: Shooter, window: MainWindow, store: Store) -> None:
    """Reading a case at two screen sizes: the Frister overview, the target-group history,
    the journal, and a record of a 90-character name (the window must keep its width)."""
    full = _demo_case(window, store, with_history=True)
    if full is None:
        raise LookupError("no demo case has a visitation and conversations")

    def change_group() -> None:
        # The demo case may not be able to change group that day: the history shows as is.
        with contextlib.suppress(KnownError):
            visitation.change_target_group(
                store,
                full,
                "lab6_5",
                TODAY - timedelta(days=14),
                "Helbredet er blevet dårligere; praktikken er sat på pause, og den unge "
                "har brug for et længere forløb med mentor.",
                today=TODAY,
            )

    tasks.runner().call_blocking(change_group)
    me = tasks.runner().call_blocking(caseworkers.current_user, store)
    long_id = tasks.runner().call_blocking(
        lambda: (
            youths.find_by_cpr(store, "0101054003")
            or youths.register(
                store,
                YouthInput(
                    "0101054003",
                    *LONG_NAME,
                    TODAY - timedelta(days=30),
                    caseworker_id=me.id if me else None,
                ),
                today=TODAY,
            ).youth_id
        )
    )
    for width, height in READING_SIZES:
        size = f"{width}x{height}"
        while window.records.count():
            window.close_current_record()
        window.resize(width, height)
        window.show_deadlines()
        wait_until(lambda: window.deadlines.model.loaded and not window.deadlines.loading)
        shoot(window, f"reading-deadlines-{size}")
        window.navigation.setCurrentWidget(window.register_page)
        view = _open(window, full)
        journal = view.journal
        view.show_section("visitation")
        shoot(window, f"reading-target-group-history-{size}")
        view.show_section("journal")
        wait_until(partial(getattr, journal, "loaded"))
        view.journal.focus_list()
        shoot(window, f"reading-journal-{size}")
        view.journal.kind.setCurrentIndex(view.journal.kind.findData("conversation"))
        shoot(window, f"reading-journal-conversations-{size}")
        view.journal.kind.setCurrentIndex(0)
        before = window.width()
        window.open_record(long_id)
        wait_until(lambda: window.record_view(long_id) is not None)
        shoot(window, f"reading-long-name-{size}")
        print(f"window width {before} -> {window.width()} with the long name open")
        while window.records.count():
            window.close_current_record()
        shoot(window, f"reading-records-closed-{size}")
        print(f"window width {window.width()} after closing")


def _dialog(window: MainWindow, kind: type) -> QWidget:
    wait_until(lambda: isinstance(window.dialog, kind) and window.dialog.isVisible())
    assert window.dialog is not None
    return window.dialog


def shoot_trust(shoot: Shooter, window: MainWindow, store: Store, paths: StorePaths) -> None:
    """The Security and Case menus' dialogs, over the demo register."""
    shoot(window, "main-backup-reminder")
    window.settings_action.trigger()
    settings_dialog = _dialog(window, SettingsDialog)
    shoot(settings_dialog, "settings")
    settings_dialog.close()

    view = window.records.currentWidget()
    assert isinstance(view, RecordView)
    window.close_case_action.trigger()
    shoot(_dialog(window, CloseCaseDialog), "case-close")
    window.dialog.close()  # type: ignore[union-attr]
    window.export_person_action.trigger()
    shoot(_dialog(window, ExportPersonDialog), "case-right-of-access")
    window.dialog.close()  # type: ignore[union-attr]
    window.history_action.trigger()
    history = _dialog(window, YouthHistoryDialog)
    wait_until(lambda: history.model.loaded)  # type: ignore[attr-defined]
    shoot(history, "case-access-history")
    history.close()
    window.transfer_action.trigger()
    transfer = _dialog(window, TransferExportDialog)
    transfer.passphrase.setText("sommer2026")  # type: ignore[attr-defined]
    shoot(transfer, "case-transfer-weak-passphrase")
    transfer.close()
    window.import_case_action.trigger()
    receive = _dialog(window, TransferImportDialog)
    shoot(receive, "case-receive")
    # What a conflict looks like: the receiver's own entries the file lacks.
    losses = [
        Loss("Samtale", TODAY - timedelta(days=7 * i), "Opfølgningssamtale, afholdt")
        for i in range(1, 16)
    ]
    receive._ask_replace(TransferConflictError(losses))  # type: ignore[attr-defined]
    wait_until(lambda: receive.confirm is not None and receive.confirm.isVisible())  # type: ignore[attr-defined]
    shoot(receive.confirm, "case-receive-conflict")  # type: ignore[attr-defined]
    receive.confirm.close()  # type: ignore[attr-defined]
    window.dialog.close()  # type: ignore[union-attr]

    window.passphrase_action.trigger()
    shoot(_dialog(window, ChangePassphraseDialog), "security-change-passphrase")
    window.dialog.close()  # type: ignore[union-attr]
    window.show_log_alerts(
        [
            "Loggen er rullet tilbage eller afkortet: ankerfilen ved siden af databasen kender "
            "hændelse nr. 212 (skrevet 28.11.2026 kl. 15:02 UTC), men databasen slutter ved "
            "nr. 198. 14 hændelser (nr. 199-212) mangler."
        ]
    )
    assert window.notice is not None
    shoot(window.notice, "security-log-rolled-back")
    window.notice.close()
    witness = paths.root.parent / "screens-vidne.json"
    tasks.runner().call_blocking(audit.export_witness, store, witness)
    window._witness_saved(tasks.runner().call_blocking(audit.head, store))
    wait_until(lambda: window.notice is not None and window.notice.isVisible())
    shoot(window.notice, "security-witness-saved")
    window.notice.close()

    window.my_access_action.trigger()
    mine = _dialog(window, MyAccessDialog)
    wait_until(lambda: mine.model.loaded)  # type: ignore[attr-defined]
    shoot(mine, "security-my-access")
    mine.close()

    # Some cases closed long enough ago to be due for deletion (retention shortened to 1 year).
    def close_old() -> None:
        settings.set_setting(store, settings.CASE_RETENTION_YEARS, 1)
        rows = [window.model._index.row(i) for i in range(len(window.model._index))]
        old = [r for r in rows if r.henvendelse_date.year <= TODAY.year - 2][:6]
        for i, row in enumerate(old):
            reason = list(ExitReason)[i % len(ExitReason)]
            closed = row.henvendelse_date + timedelta(days=60)
            retention.close_case(store, row.id, reason, closed, today=TODAY)

    tasks.runner().call_blocking(close_old)
    window.expired_action.trigger()
    expired = _dialog(window, ExpiredCasesDialog)
    wait_until(lambda: expired.model.rowCount() > 0)  # type: ignore[attr-defined]
    shoot(expired, "security-cases-to-delete")
    expired.close()

    copy = paths.root.parent / "screens-kopi.udbackup"
    result = tasks.runner().call_blocking(backup.backup, store, copy)
    window._backup_done(result)
    wait_until(lambda: window.notice is not None and window.notice.isVisible())
    assert window.notice is not None
    shoot(window.notice, "security-backup-done")
    window.notice.close()
    window.restore_action.trigger()
    restore = _dialog(window, RestoreDialog)
    restore.set_source(copy)  # type: ignore[attr-defined]
    wait_until(lambda: restore.info is not None)  # type: ignore[attr-defined]
    shoot(restore, "security-restore")
    restore.close()
    # The opening window while a restore runs: its step and Stop (nothing is restored here).
    opening = OpeningWindow()
    opening.progress_started(lambda: None)
    opening.progress_step(2, 4, "Kontrollerer sikkerhedskopien")
    opening.show()
    shoot(opening, "security-restore-running")
    opening.close()
    window.check_backup_reminder()
    wait_until(lambda: not window.backup_reminder.isVisible())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default="screenshots", type=Path)
    parser.add_argument("--count", type=int, default=3000, help="synthetic young people")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--reading", action="store_true", help="only the register and reading a case"
    )
    parser.add_argument("--people", action="store_true", help="only the custody and handover boxes")
    parser.add_argument(
        "--figures", action="store_true", help="only the settings and the management figures"
    )
    args = parser.parse_args()
    global READING_ONLY, PEOPLE_ONLY, FIGURES_ONLY
    READING_ONLY = args.reading
    PEOPLE_ONLY = args.people
    FIGURES_ONLY = args.figures
    args.folder.mkdir(parents=True, exist_ok=True)

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("UngeDesk")
    app.setOrganizationName("UngeDesk")
    translators = install_translations(app)
    tasks.start()
    shoot = Shooter(args.folder)
    try:
        with tempfile.TemporaryDirectory(prefix="ungedesk-screens-") as tmp:
            root = Path(tmp)
            shoot_wizard(shoot, root, with_keyring=True)
            shoot_wizard(shoot, root, with_keyring=False)
            keyring.set_keyring(MemoryKeyring())
            shoot_unlock(shoot, StorePaths(root / "wizard"))
            shoot_main(shoot, StorePaths(root / "wizard"), args.count, args.seed)
    finally:
        tasks.shutdown()
        del translators
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
