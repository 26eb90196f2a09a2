"""Aktører (interessenter): the units and people the team works with, searchable, each
with role, responsibilities and how to reach them. New and edited in a form; an actor is
retired (not active) rather than deleted, so the teams it was on keep its name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ungedesk.domain.errors import KnownError
from ungedesk.domain.team import (
    ACTOR_KIND_LABELS,
    ACTOR_ROLE_LABELS,
    ActorInput,
    ActorKind,
    ActorRole,
)
from ungedesk.services import actors
from ungedesk.services.actors import ActorView
from ungedesk.store.database import Store
from ungedesk.ui.changes import Aspect, Change
from ungedesk.ui.operations import Operation
from ungedesk.ui.rows_model import Index, RowsModel
from ungedesk.ui.widgets import BusyBar, MessageLabel, add_row, name_table
from ungedesk.ui.work_dialog import WorkDialog

RETIRED_COLOUR = QColor("#777777")
FIELDS = ("kind", "name", "organisation", "role", "responsibilities", "phone", "email")


class ActorsModel(RowsModel[ActorView]):
    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Name"),
            self.tr("Organisation"),
            self.tr("Role"),
            self.tr("Phone"),
            self.tr("E-mail"),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        a = self.rows[index.row()]
        if role == Qt.ItemDataRole.ForegroundRole and not a.active:
            return QBrush(RETIRED_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole:
            return a.responsibilities or None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        name = a.name if a.active else self.tr("{name} (not active)").format(name=a.name)
        return (name, a.organisation, a.role_label, a.phone, a.email)[index.column()]


class ActorsDialog(QDialog):
    """The list with a search field; the search filters what was read (a municipality
    has a few hundred actors at most), so typing never waits on the database."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._all: list[ActorView] = []
        self.form: ActorDialog | None = None
        self.setWindowTitle(self.tr("Actors"))
        self.resize(980, 520)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search name, organisation, role or task"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search actors"))
        self.model = ActorsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        name_table(
            self.table,
            self.tr("Actors"),
            self.tr("Units and people the team works with; not active ones in grey."),
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.error = MessageLabel()
        self.busy = BusyBar()
        self.new_button = QPushButton(self.tr("&New actor…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.setEnabled(False)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addWidget(self.edit_button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addLayout(row)
        close.rejected.connect(self.reject)
        self.new_button.clicked.connect(self.new_actor)
        self.edit_button.clicked.connect(self.edit_selected)
        self.table.activated.connect(self.edit_selected)
        self.search.textChanged.connect(self._filter)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.reload()

    def reload(self) -> None:
        self.busy.show()
        Operation(self, actors.list_actors, self._store).success(self._show).failure(
            self.show_known_error
        ).settled(self.busy.hide).run()

    def show_known_error(self, error: KnownError) -> None:
        self.error.show_message(error.message)

    def _show(self, found: list[ActorView]) -> None:
        self._all = found
        self._filter(self.search.text())

    def _filter(self, text: str) -> None:
        shown = [a for a in self._all if a.matches(text)] if text.strip() else self._all
        self.model.replace_rows(shown)
        self._selection_changed()

    def selected(self) -> ActorView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _selection_changed(self, *_args: object) -> None:
        self.edit_button.setEnabled(self.selected() is not None)

    def new_actor(self) -> None:
        self._open(None)

    def edit_selected(self, *_args: object) -> None:
        chosen = self.selected()
        if chosen is not None:
            self._open(chosen)

    def _open(self, actor: ActorView | None) -> None:
        self.form = ActorDialog(self._store, actor, self)
        self.form.accepted.connect(self.reload)
        self.form.open()


class ActorDialog(WorkDialog):
    """One actor's form: new when ``actor`` is None."""

    def __init__(self, store: Store, actor: ActorView | None, parent: QWidget) -> None:
        super().__init__(self.tr("&Save"), parent)
        self._store = store
        self._id = None if actor is None else actor.id
        self.setWindowTitle(self.tr("New actor") if actor is None else self.tr("Edit actor"))
        self.kind = QComboBox()
        for kind, label in ACTOR_KIND_LABELS.items():
            self.kind.addItem(label, kind.value)
        self.name = QLineEdit()
        self.name.setMaxLength(120)
        self.organisation = QLineEdit()
        self.organisation.setMaxLength(120)
        self.role = QComboBox()
        for role, label in ACTOR_ROLE_LABELS.items():
            self.role.addItem(label, role.value)
        self.responsibilities = QPlainTextEdit()
        self.responsibilities.setTabChangesFocus(True)
        self.responsibilities.setFixedHeight(80)
        self.phone = QLineEdit()
        self.phone.setMaxLength(30)
        self.phone.setPlaceholderText(self.tr("e.g. +45 12 34 56 78"))
        self.email = QLineEdit()
        self.email.setMaxLength(254)
        self.active = QCheckBox(self.tr("Active (can be put on a team)"))
        self.active.setChecked(True)
        if actor is not None:
            self.kind.setCurrentIndex(self.kind.findData(actor.kind.value))
            self.name.setText(actor.name)
            self.organisation.setText(actor.organisation)
            self.role.setCurrentIndex(self.role.findData(actor.role.value))
            self.responsibilities.setPlainText(actor.responsibilities)
            self.phone.setText(actor.phone)
            self.email.setText(actor.email)
            self.active.setChecked(actor.active)
        self.field_errors = {f: MessageLabel() for f in FIELDS}
        form = QFormLayout()
        add_row(form, self.tr("&Kind"), self.kind, self.field_errors["kind"])
        add_row(form, self.tr("&Name"), self.name, self.field_errors["name"])
        add_row(
            form, self.tr("&Organisation"), self.organisation, self.field_errors["organisation"]
        )
        add_row(form, self.tr("&Role"), self.role, self.field_errors["role"])
        add_row(
            form,
            self.tr("Responsi&bilities"),
            self.responsibilities,
            self.field_errors["responsibilities"],
        )
        add_row(form, self.tr("&Phone"), self.phone, self.field_errors["phone"])
        add_row(form, self.tr("&E-mail"), self.email, self.field_errors["email"])
        form.addRow(self.active)
        self.body.addLayout(form)
        self.setMinimumWidth(520)

    def accept_work(self) -> None:
        data = ActorInput(
            kind=ActorKind(self.kind.currentData()),
            name=self.name.text(),
            role=ActorRole(self.role.currentData()),
            organisation=self.organisation.text(),
            responsibilities=self.responsibilities.toPlainText(),
            phone=self.phone.text(),
            email=self.email.text(),
            active=self.active.isChecked(),
        )
        if self._id is None:
            op = self.operation(actors.add_actor, self._store, data)
        else:
            op = self.operation(actors.update_actor, self._store, self._id, data)
        op.changes(Change.of(Aspect.TEAM)).success(self._saved).run()

    def _saved(self, _actor: ActorView) -> None:
        self.accept()
