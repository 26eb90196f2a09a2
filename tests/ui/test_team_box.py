"""The record's team box and header line, and the Aktører dialog, driven through their
widgets over a real store."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from ungedesk.domain.contact import PHONE_MESSAGE
from ungedesk.domain.team import ActorInput, ActorKind, ActorRole, TeamRole
from ungedesk.domain.youth import YouthInput
from ungedesk.services import actors, caseworkers, team, youths
from ungedesk.store.database import Store
from ungedesk.ui import tasks
from ungedesk.ui.record.record_view import RecordView
from ungedesk.ui.team.actors_dialog import ActorDialog, ActorsDialog

TODAY = date(2026, 11, 24)


@pytest.fixture
def record(qtbot, store: Store) -> Iterator[RecordView]:
    me = caseworkers.current_user(store)
    assert me is not None
    youth_id = youths.register(
        store,
        YouthInput("0101054005", "Sofie", "Nørgaard", date(2026, 11, 2), caseworker_id=me.id),
        today=TODAY,
    ).youth_id
    actors.add_actor(
        store,
        ActorInput(
            kind=ActorKind.PERSON,
            name="Mette Krogh",
            organisation="Nordby FGU",
            role=ActorRole.FGU,
            phone="22 33 44 55",
            email="mk@fgu.example",
        ),
    )
    found = youths.get(store, youth_id)
    assert found is not None
    view = RecordView(store, found, lambda: TODAY)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    qtbot.waitUntil(lambda: view.team_box.view is not None)
    yield view
    view.close()
    qtbot.waitUntil(lambda: not tasks.runner().busy)


def test_the_header_shows_the_coordinator_and_the_contact_person_added(
    qtbot, record: RecordView, store: Store
) -> None:
    # Until one is named, the responsible caseworker coordinates (with their own details).
    assert record.team_line.text() == (
        "Koordinerende sagsbehandler: Anne Bjerregaard (ABJ), tlf. 12 34 56 78, abj@kommune.example"
    )
    assert not record.team_box.hint.isHidden()
    box = record.team_box
    box.add_button.click()
    dialog = box.add_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.who.count() == 2)
    dialog.who.setCurrentIndex(dialog.who.findText("Mette Krogh", flags=_contains()))
    dialog.role.setCurrentIndex(dialog.role.findData(TeamRole.CONTACT.value))
    with qtbot.waitSignal(dialog.finished):
        dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    qtbot.waitUntil(lambda: "Kontaktperson" in record.team_line.text())
    assert record.team_line.text().splitlines()[1] == (
        "Kontaktperson: Mette Krogh, tlf. 22 33 44 55, mk@fgu.example"
    )
    assert [m.role for m in box.model.rows] == [TeamRole.CONTACT]

    # A coordinator who is an actor is refused at the field, in Danish; nothing saved.
    box.add_button.click()
    again = box.add_dialog
    assert again is not None and again is not dialog
    qtbot.waitUntil(lambda: again.who.count() == 2)
    again.who.setCurrentIndex(again.who.findText("Mette Krogh", flags=_contains()))
    again.role.setCurrentIndex(again.role.findData(TeamRole.COORDINATOR.value))
    again.ok_button.click()
    qtbot.waitUntil(lambda: not again.working)
    assert again.field_errors["role"].text() == (
        "Den koordinerende sagsbehandler skal være en kollega i UngeDesk."
    )
    again.reject()
    assert len(team.team(store, record.record.id).members) == 1


def test_taking_someone_off_the_team_keeps_them_in_grey(
    qtbot, record: RecordView, store: Store
) -> None:
    mette = actors.list_actors(store)[0]
    team.add_member(
        store,
        record.record.id,
        team.MemberInput(TeamRole.MENTOR, TODAY, actor_id=mette.id),
        today=TODAY,
    )
    box = record.team_box
    box.reload()
    qtbot.waitUntil(lambda: box.model.rowCount() == 1)
    box.table.selectRow(0)
    assert box.remove_button.isEnabled()
    box.remove_button.click()
    confirm = box.confirm
    assert confirm is not None
    confirm.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: box.model.rowCount() == 1 and not box.model.rows[0].current)
    assert box.model.rows[0].to_date == TODAY
    assert not box.remove_button.isEnabled()


def test_actors_dialog_searches_and_refuses_a_bad_phone_at_the_field(qtbot, store: Store) -> None:
    for name, role in (("Mette Krogh", ActorRole.FGU), ("Borgerservice Nordby", ActorRole.OTHER)):
        actors.add_actor(store, ActorInput(kind=ActorKind.UNIT, name=name, role=role))
    dialog = ActorsDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2)
    qtbot.keyClicks(dialog.search, "fgu")
    assert [a.name for a in dialog.model.rows] == ["Mette Krogh"]
    dialog.search.clear()
    dialog.new_button.click()
    form = dialog.form
    assert isinstance(form, ActorDialog)
    form.name.setText("Ungecaféen")
    qtbot.keyClicks(form.phone, "1234")
    form.ok_button.click()
    qtbot.waitUntil(lambda: not form.working)
    assert form.field_errors["phone"].text() == PHONE_MESSAGE
    assert len(actors.list_actors(store)) == 2
    form.phone.setText("+45 70 20 30 40")
    with qtbot.waitSignal(form.finished):
        form.ok_button.click()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3)
    assert "Ungecaféen" in [a.name for a in dialog.model.rows]
    dialog.close()
    qtbot.waitUntil(lambda: not tasks.runner().busy)


def _contains():
    from PySide6.QtCore import Qt

    return Qt.MatchFlag.MatchStartsWith
