"""The record's custody box: the holders of custody (forældremyndighedens indehaver) of a
young person under 18, with add, edit and end. Shown for minors, and afterwards only while
earlier holders are on record (as history, with a note that custody ended at 18)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ungedesk.domain.custody import RELATION_LABELS, HolderInput, Relation
from ungedesk.services import custody
from ungedesk.services.custody import CustodyView, HolderView
from ungedesk.store.database import Store
from ungedesk.ui.changes import Aspect, Change
from ungedesk.ui.i18n import format_day
from ungedesk.ui.operations import Operation
from ungedesk.ui.rows_model import Index, RowsModel
from ungedesk.ui.visitation.record_tab import RecordTab, RecordWorkDialog
from ungedesk.ui.widgets import HINT_STYLE, DateField, MessageLabel, add_row, name_table

NAME, RELATION, PHONE, EMAIL, TAKES_PART, PERIOD = range(6)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(field: DateField) -> date:
    q = field.date()
    return date(q.year(), q.month(), q.day())


class HolderModel(RowsModel[HolderView]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.current: set[int] = set()

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Name"),
            self.tr("Relation"),
            self.tr("Phone"),
            self.tr("E-mail"),
            self.tr("Takes part in the plan"),
            self.tr("Period"),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        h = self.rows[index.row()]
        match index.column():
            case 0:
                return h.name
            case 1:
                return h.relation_label
            case 2:
                return h.phone
            case 3:
                return h.email
            case 4:
                return self.tr("Yes") if h.takes_part else self.tr("No")
            case _:
                start = format_day(h.valid_from)
                if h.valid_to is not None:
                    return self.tr("{start} – {end}").format(
                        start=start, end=format_day(h.valid_to)
                    )
                if h.id not in self.current:
                    return self.tr("from {start} (ended at 18)").format(start=start)
                return self.tr("from {start}").format(start=start)


class HolderDialog(RecordWorkDialog):
    """Add a custody holder, or edit one (``holder`` given)."""

    def __init__(
        self,
        store: Store,
        youth_id: int,
        today: Callable[[], date],
        holder: HolderView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("&Save"), parent)
        self._store = store
        self._youth_id = youth_id
        self._today = today
        self._holder = holder
        self.setWindowTitle(
            self.tr("Add custody holder") if holder is None else self.tr("Edit custody holder")
        )
        self.name = QLineEdit()
        self.relation = QComboBox()
        for relation, label in RELATION_LABELS.items():
            self.relation.addItem(label, relation.value)
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.address = QLineEdit()
        self.takes_part = QCheckBox(self.tr("Takes &part in the plan (signs it)"))
        self.takes_part.setChecked(True)
        self.valid_from = DateField()
        self.valid_from.setCalendarPopup(True)
        self.valid_from.setDisplayFormat("dd-MM-yyyy")
        self.valid_from.setDate(_qdate(today()))
        self.field_errors = {
            key: MessageLabel() for key in ("name", "phone", "email", "address", "valid_from")
        }
        form = QFormLayout()
        add_row(form, self.tr("&Name"), self.name, self.field_errors["name"])
        add_row(form, self.tr("&Relation"), self.relation)
        add_row(form, self.tr("P&hone"), self.phone, self.field_errors["phone"])
        add_row(form, self.tr("&E-mail"), self.email, self.field_errors["email"])
        add_row(form, self.tr("&Address (optional)"), self.address, self.field_errors["address"])
        add_row(
            form, self.tr("Holds custody &from"), self.valid_from, self.field_errors["valid_from"]
        )
        form.addRow(self.takes_part)
        self.body.addLayout(form)
        if holder is not None:
            self.name.setText(holder.name)
            self.relation.setCurrentIndex(self.relation.findData(holder.relation.value))
            self.phone.setText(holder.phone)
            self.email.setText(holder.email)
            self.address.setText(holder.address)
            self.takes_part.setChecked(holder.takes_part)
            self.valid_from.setDate(_qdate(holder.valid_from))
        self.name.setFocus()

    def data(self) -> HolderInput:
        return HolderInput(
            name=self.name.text(),
            relation=Relation(self.relation.currentData()),
            valid_from=_day(self.valid_from),
            phone=self.phone.text(),
            email=self.email.text(),
            address=self.address.text(),
            takes_part=self.takes_part.isChecked(),
            valid_to=None if self._holder is None else self._holder.valid_to,
        )

    def accept_work(self) -> None:
        change = Change.of(Aspect.YOUTH, Aspect.PLAN, youth_id=self._youth_id)
        if self._holder is None:
            self.operation(
                custody.add_holder, self._store, self._youth_id, self.data(), today=self._today()
            ).changes(change).success(self.done_and_accept).run()
        else:
            self.operation(
                custody.edit_holder, self._store, self._holder.id, self.data(), today=self._today()
            ).changes(change).success(self.done_and_accept).run()


class EndHolderDialog(RecordWorkDialog):
    """Custody ended on a date (a court decision, the holder died, a new guardian)."""

    def __init__(
        self,
        store: Store,
        holder: HolderView,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("E&nd custody"), parent)
        self._store = store
        self._holder = holder
        self._today = today
        self.setWindowTitle(self.tr("End custody – {name}").format(name=holder.name))
        self.valid_to = DateField()
        self.valid_to.setCalendarPopup(True)
        self.valid_to.setDisplayFormat("dd-MM-yyyy")
        self.valid_to.setDate(_qdate(today()))
        self.field_errors = {"valid_to": MessageLabel()}
        form = QFormLayout()
        add_row(
            form, self.tr("Last &day with custody"), self.valid_to, self.field_errors["valid_to"]
        )
        self.body.addLayout(form)

    def accept_work(self) -> None:
        self.operation(
            custody.end_holder,
            self._store,
            self._holder.id,
            _day(self.valid_to),
            today=self._today(),
        ).changes(Change.of(Aspect.YOUTH, Aspect.PLAN, youth_id=self._holder.youth_id)).success(
            self.done_and_accept
        ).run()


class CustodyBox(RecordTab):
    """The custody box of a record (its basic-data tab)."""

    ASPECTS = (Aspect.YOUTH,)

    def __init__(
        self,
        store: Store,
        youth_id: int,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(store, youth_id, parent)
        self._today = today
        self.view: CustodyView | None = None
        self.dialog: RecordWorkDialog | None = None
        self.group = QGroupBox(self.tr("Custody (parents)"))
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet(HINT_STYLE)
        self.model = HolderModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMaximumHeight(140)
        name_table(
            self.table,
            self.tr("Custody holders"),
            self.tr("The parents or others who hold custody of the young person"),
        )
        self.add_button = QPushButton(self.tr("&Add custody holder…"))
        self.edit_button = QPushButton(self.tr("Ed&it…"))
        self.end_button = QPushButton(self.tr("End c&ustody…"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.end_button)
        buttons.addStretch(1)
        inner = QVBoxLayout(self.group)
        inner.addWidget(self.note)
        inner.addWidget(self.table)
        inner.addLayout(buttons)
        inner.addWidget(self.error)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.group)
        self.add_button.clicked.connect(self.add_holder)
        self.edit_button.clicked.connect(self.edit_holder)
        self.end_button.clicked.connect(self.end_holder)
        self.table.selectionModel().currentRowChanged.connect(self._selection_changed)
        self.hide()  # until the first read says whether custody concerns this person
        self.reload()

    def reload(self) -> None:
        Operation(self, custody.custody, self._store, self._youth_id, self._today()).latest(
            "read"
        ).success(self._loaded).failure(self.show_known_error).run()

    def _loaded(self, view: CustodyView) -> None:
        self.view = view
        self.model.current = {h.id for h in view.current}
        self.model.replace_rows(list(view.holders))
        if view.minor:
            text = self.tr(
                "Under 18: the custody holders are involved in the plan and contacted with "
                "the young person. Turns 18 on {day}; custody ends then."
            ).format(day=format_day(view.adult_on))
            if not view.holders:
                text += " " + self.tr("No custody holder is recorded yet.")
        else:
            text = self.tr(
                "Turned 18 on {day}: no one holds custody any more. The holders below are "
                "kept as history."
            ).format(day=format_day(view.adult_on))
        self.note.setText(text)
        self.add_button.setEnabled(view.minor)
        self.setVisible(view.minor or bool(view.holders))
        self._selection_changed(self.table.currentIndex())
        self._refreshed()

    def _selected(self) -> HolderView | None:
        row = self.table.currentIndex().row()
        return self.model.rows[row] if 0 <= row < len(self.model.rows) else None

    def _selection_changed(self, _current: QModelIndex) -> None:
        chosen = self._selected()
        self.edit_button.setEnabled(chosen is not None)
        self.end_button.setEnabled(chosen is not None and chosen.valid_to is None)

    def _open(self, dialog: RecordWorkDialog) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._dialog_closed)
        dialog.open()

    def _dialog_closed(self) -> None:
        self.dialog = None

    def add_holder(self) -> None:
        self._open(HolderDialog(self._store, self._youth_id, self._today, None, self))

    def edit_holder(self) -> None:
        chosen = self._selected()
        if chosen is not None:
            self._open(HolderDialog(self._store, self._youth_id, self._today, chosen, self))

    def end_holder(self) -> None:
        chosen = self._selected()
        if chosen is not None and chosen.valid_to is None:
            self._open(EndHolderDialog(self._store, chosen, self._today, self))
