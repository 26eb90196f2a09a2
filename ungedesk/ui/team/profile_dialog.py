"""My profile and the colleagues: title, phone and e-mail, editable at any time.

The plan PDF and the record header print these details, so a caseworker must be able to
fix them after set-up (they were fixed before) and to keep the colleagues' details, which
this laptop only knows from what is typed here, up to date.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ungedesk.domain.errors import KnownError
from ungedesk.domain.team import ContactDetailsInput
from ungedesk.services import caseworkers
from ungedesk.services.caseworkers import CaseworkerView
from ungedesk.store.database import Store
from ungedesk.ui.changes import Aspect, Change
from ungedesk.ui.operations import Operation
from ungedesk.ui.rows_model import Index, RowsModel
from ungedesk.ui.widgets import HINT_STYLE, BusyBar, MessageLabel, add_row
from ungedesk.ui.work_dialog import WorkDialog

FIELDS = ("title", "phone", "email")


class ContactDetailsDialog(WorkDialog):
    """Title, phone and e-mail of one caseworker (``own``: the current user's)."""

    def __init__(
        self, store: Store, caseworker: CaseworkerView, *, own: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("&Save"), parent)
        self._store = store
        self._id = caseworker.id
        self.saved: CaseworkerView | None = None
        self.setWindowTitle(self.tr("My profile") if own else self.tr("Colleague's details"))
        who = QLabel(f"{caseworker.name} ({caseworker.initials})")
        who.setTextFormat(Qt.TextFormat.PlainText)
        font = who.font()
        font.setBold(True)
        who.setFont(font)
        hint = QLabel(
            self.tr(
                "The plan the young person takes home shows this phone number and e-mail "
                "address under the coordinating caseworker."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        self.title = QLineEdit(caseworker.title)
        self.title.setMaxLength(100)
        self.title.setPlaceholderText(self.tr("e.g. Koordinerende sagsbehandler"))
        self.phone = QLineEdit(caseworker.phone)
        self.phone.setMaxLength(30)
        self.phone.setPlaceholderText(self.tr("e.g. +45 12 34 56 78"))
        self.email = QLineEdit(caseworker.email)
        self.email.setMaxLength(254)
        self.email.setPlaceholderText(self.tr("e.g. name@municipality.dk"))
        self.field_errors = {f: MessageLabel() for f in FIELDS}
        form = QFormLayout()
        # The short Danish labels otherwise touch their fields in this narrow dialog.
        form.setHorizontalSpacing(12)
        form.addRow(who)
        add_row(form, self.tr("&Title"), self.title, self.field_errors["title"])
        add_row(form, self.tr("&Phone"), self.phone, self.field_errors["phone"])
        add_row(form, self.tr("&E-mail"), self.email, self.field_errors["email"])
        self.body.addWidget(hint)
        self.body.addLayout(form)
        self.setMinimumWidth(460)

    def accept_work(self) -> None:
        details = ContactDetailsInput(
            title=self.title.text(), phone=self.phone.text(), email=self.email.text()
        )
        self.operation(caseworkers.update_contact_details, self._store, self._id, details).changes(
            Change.of(Aspect.TEAM)
        ).success(self._saved).run()

    def _saved(self, view: CaseworkerView) -> None:
        self.saved = view
        self.accept()


class ColleaguesModel(RowsModel[CaseworkerView]):
    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Name"),
            self.tr("Title"),
            self.tr("Unit"),
            self.tr("Phone"),
            self.tr("E-mail"),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        c = self.rows[index.row()]
        name = c.display if c.active else self.tr("{name} (inactive)").format(name=c.display)
        return (name, c.title, c.unit, c.phone, c.email)[index.column()]


class ColleaguesDialog(QDialog):
    """Every caseworker this laptop knows, the current user first; Enter or the button
    opens the selected one's contact details."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._me: int | None = None
        self.details: ContactDetailsDialog | None = None
        self.setWindowTitle(self.tr("Colleagues"))
        self.resize(900, 420)
        self.model = ColleaguesModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Colleagues"))
        self.table.setAccessibleDescription(
            self.tr("Every caseworker on this computer, you first. Enter opens their details.")
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.error = MessageLabel()
        self.busy = BusyBar()
        self.edit_button = QPushButton(self.tr("&Edit contact details…"))
        self.edit_button.setEnabled(False)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        row = QHBoxLayout()
        row.addWidget(self.edit_button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addLayout(row)
        close.rejected.connect(self.reject)
        self.edit_button.clicked.connect(self.edit_selected)
        self.table.activated.connect(self.edit_selected)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.reload()

    def reload(self) -> None:
        self.busy.show()
        Operation(self, caseworkers.colleagues, self._store).success(self._show).failure(
            self.show_known_error
        ).settled(self.busy.hide).run()

    def show_known_error(self, error: KnownError) -> None:
        self.error.show_message(error.message)

    def _show(self, found: caseworkers.Colleagues) -> None:
        self._me, rows = found.me, found.everyone
        self.model.replace_rows(rows)
        if rows:
            self.table.selectRow(0)

    def selected(self) -> CaseworkerView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _selection_changed(self, *_args: object) -> None:
        self.edit_button.setEnabled(self.selected() is not None)

    def edit_selected(self, *_args: object) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        self.details = ContactDetailsDialog(
            self._store, chosen, own=chosen.id == self._me, parent=self
        )
        self.details.accepted.connect(self.reload)
        self.details.open()
