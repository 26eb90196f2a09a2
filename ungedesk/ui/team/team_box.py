"""The record's team: the coordinating caseworker and contact person in the header (with
phone and e-mail), and the team box on the Basic data tab where members are added with a
role and taken off the team (their time on it is kept).

One operation reads the team; the header line and the box both show its result. Any change
to the team, an actor or a caseworker's contact details (Aspect.TEAM) reloads it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ungedesk.domain.errors import KnownError
from ungedesk.domain.team import TEAM_ROLE_LABELS, MemberInput, TeamRole
from ungedesk.services import team
from ungedesk.services.team import Choice, MemberView, TeamView
from ungedesk.store.database import Store
from ungedesk.ui import changes
from ungedesk.ui.changes import Aspect, Change
from ungedesk.ui.i18n import format_day
from ungedesk.ui.operations import Operation
from ungedesk.ui.rows_model import Index, RowsModel
from ungedesk.ui.widgets import HINT_STYLE, DateField, MessageLabel, add_row, name_table
from ungedesk.ui.work_dialog import WorkDialog

PAST_COLOUR = QColor("#777777")


def contact_line(member: MemberView) -> str:
    """ "Name, tlf. 12 34 56 78, name@x.dk" with what is there."""
    parts = [member.name]
    if member.phone:
        parts.append(f"tlf. {member.phone}")
    if member.email:
        parts.append(member.email)
    return ", ".join(parts)


class MembersModel(RowsModel[MemberView]):
    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Role"),
            self.tr("Name"),
            self.tr("Phone"),
            self.tr("E-mail"),
            self.tr("From"),
            self.tr("Until"),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        m = self.rows[index.row()]
        if role == Qt.ItemDataRole.ForegroundRole and not m.current:
            return QBrush(PAST_COLOUR)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        name = m.name if not m.organisation else f"{m.name}, {m.organisation}"
        start = format_day(m.from_date) if m.from_date else ""
        until = format_day(m.to_date) if m.to_date else ""
        return (m.role_label, name, m.phone, m.email, start, until)[index.column()]


class TeamBox(QGroupBox):
    """The team on the Basic data tab; ``loaded`` carries each reading to the header."""

    loaded = Signal(object)  # TeamView

    def __init__(
        self, store: Store, youth_id: int, today: Callable[[], date], parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Team"), parent)
        self._store = store
        self._youth_id = youth_id
        self._today = today
        self.view: TeamView | None = None
        self.add_dialog: AddMemberDialog | None = None
        self.confirm: QMessageBox | None = None
        self.model = MembersModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        name_table(
            self.table,
            self.tr("Team"),
            self.tr("The people on the young person's team; former members in grey."),
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # A few rows' height: the box sits under the basic data and must leave its buttons
        # on screen at 1366x768; a long team scrolls inside the table.
        self.table.setMinimumHeight(110)
        self.table.setMaximumHeight(170)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(HINT_STYLE)
        self.error = MessageLabel()
        self.add_button = QPushButton(self.tr("&Add to the team…"))
        self.remove_button = QPushButton(self.tr("Take &off the team"))
        self.remove_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.open_add)
        self.remove_button.clicked.connect(self.ask_remove)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        changes.bus().changed.connect(self._changed)
        self.reload()

    def reload(self) -> None:
        Operation(self, team.team, self._store, self._youth_id).latest("team").success(
            self._show
        ).run()

    def show_known_error(self, error: KnownError) -> None:
        self.error.show_message(error.message)

    def _changed(self, change: Change) -> None:
        if change.touches(Aspect.TEAM, Aspect.YOUTH) and change.about(self._youth_id):
            self.reload()

    def _show(self, view: TeamView) -> None:
        self.view = view
        self.error.show_message(None)
        self.model.replace_rows([*view.members, *view.past])
        coordinator = view.coordinator
        if coordinator is not None and coordinator.implicit:
            self.hint.setText(
                self.tr(
                    "No coordinating caseworker is named: the responsible caseworker, "
                    "{name}, is it until one is added."
                ).format(name=coordinator.name)
            )
        elif coordinator is None:
            self.hint.setText(self.tr("The young person has no coordinating caseworker."))
        else:
            self.hint.setText("")
        self.hint.setVisible(bool(self.hint.text()))
        self._selection_changed()
        self.loaded.emit(view)

    def selected(self) -> MemberView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _selection_changed(self, *_args: object) -> None:
        chosen = self.selected()
        self.remove_button.setEnabled(chosen is not None and chosen.current)

    def open_add(self) -> None:
        self.add_dialog = AddMemberDialog(self._store, self._youth_id, self._today(), self)
        self.add_dialog.open()

    def ask_remove(self) -> None:
        chosen = self.selected()
        if chosen is None or chosen.id is None or not chosen.current:
            return
        self.confirm = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Take off the team"),
            self.tr(
                "Take {name} ({role}) off the team from today? The time on the team is kept."
            ).format(name=chosen.name, role=chosen.role_label.lower()),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        self.confirm.setDefaultButton(QMessageBox.StandardButton.Yes)
        self.confirm.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.confirm.finished.connect(partial(self._remove_answered, chosen.id))
        self.confirm.open()

    def _remove_answered(self, member_id: int, answer: int) -> None:
        if answer != QMessageBox.StandardButton.Yes:
            return
        Operation(
            self,
            team.end_member,
            self._store,
            self._youth_id,
            member_id,
            self._today(),
            today=self._today(),
        ).changes(Change.of(Aspect.TEAM, youth_id=self._youth_id)).run()


class AddMemberDialog(WorkDialog):
    """Who (a colleague or an actor), the role on the team and the first day."""

    def __init__(self, store: Store, youth_id: int, today: date, parent: QWidget) -> None:
        super().__init__(self.tr("&Add"), parent)
        self._store = store
        self._youth_id = youth_id
        self._today = today
        self.setWindowTitle(self.tr("Add to the team"))
        self.who = QComboBox()
        self.who.setEnabled(False)
        self.role = QComboBox()
        for role, label in TEAM_ROLE_LABELS.items():
            self.role.addItem(label, role.value)
        self.from_date = DateField()
        self.from_date.setDate(QDate(today.year, today.month, today.day))
        self.note = QLineEdit()
        self.note.setMaxLength(500)
        self.note.setPlaceholderText(self.tr("e.g. what they help with"))
        hint = QLabel(
            self.tr(
                "A new coordinating caseworker or contact person replaces the current one "
                "from the first day. People not in the list are added under File › Actors."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        self.field_errors = {f: MessageLabel() for f in ("who", "role", "from_date", "note")}
        form = QFormLayout()
        add_row(form, self.tr("&Who"), self.who, self.field_errors["who"])
        add_row(form, self.tr("&Role"), self.role, self.field_errors["role"])
        add_row(form, self.tr("&From"), self.from_date, self.field_errors["from_date"])
        add_row(form, self.tr("&Note"), self.note, self.field_errors["note"])
        self.body.addWidget(hint)
        self.body.addLayout(form)
        self.setMinimumWidth(520)
        self.ok_button.setEnabled(False)
        Operation(self, team.choices, store).success(self._fill).failure(
            self.show_known_error
        ).run()

    def _fill(self, people: list[Choice]) -> None:
        for person in people:
            self.who.addItem(person.label, (person.caseworker_id, person.actor_id))
        self.who.setEnabled(True)
        self.ok_button.setEnabled(bool(people))

    def accept_work(self) -> None:
        picked = self.who.currentData()
        caseworker_id, actor_id = picked if picked else (None, None)
        start = self.from_date.date().toPython()
        assert isinstance(start, date)
        data = MemberInput(
            role=TeamRole(self.role.currentData()),
            from_date=start,
            actor_id=actor_id,
            caseworker_id=caseworker_id,
            note=self.note.text(),
        )
        self.operation(
            team.add_member, self._store, self._youth_id, data, today=self._today
        ).changes(Change.of(Aspect.TEAM, youth_id=self._youth_id)).success(self._added).run()

    def _added(self, _member_id: int) -> None:
        self.accept()
