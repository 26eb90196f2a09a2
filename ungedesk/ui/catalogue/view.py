"""Tilbudsvifte: the municipality's offers, searched as one types (the register's Danish
folding) and filtered by kind, target group and status; new, edit, retire and reactivate;
the whole catalogue exported to or imported from a file to share it between laptops.

Every action that touches the store or a file is one operation; the list reloads when any
view announces a catalogue change on the change bus."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
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
from ungedesk.domain.offer_search import OfferFilter
from ungedesk.domain.offers import AUDIENCES
from ungedesk.services import catalogue
from ungedesk.services.catalogue import ImportResult, OfferView
from ungedesk.store.database import Store
from ungedesk.ui import changes
from ungedesk.ui.catalogue.edit_dialog import OfferDialog
from ungedesk.ui.catalogue.model import Column, OfferModel
from ungedesk.ui.changes import Aspect, Change
from ungedesk.ui.operations import Operation
from ungedesk.ui.widgets import GOOD_STYLE, HINT_STYLE, MessageLabel, name_table

EXPORT_NAME = "tilbudsvifte.json"


class CatalogueDialog(QDialog):
    def __init__(
        self, store: Store, today: Callable[[], date], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._today = today
        self._select_after_load: int | None = None
        self._export_name = EXPORT_NAME
        self.edit_dialog: OfferDialog | None = None
        self.setWindowTitle(self.tr("Offers catalogue"))
        self.resize(1100, 640)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search name, provider or kind"))
        self.search.setAccessibleName(self.tr("Search offers"))
        self.search.setClearButtonEnabled(True)
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind"))
        self.kind.addItem(self.tr("All kinds"), "")
        for kind in catalogue.rules().kinds:
            self.kind.addItem(kind.label, kind.code)
        self.audience = QComboBox()
        self.audience.setAccessibleName(self.tr("Target group"))
        self.audience.addItem(self.tr("All target groups"), "")
        for code, label in AUDIENCES.items():
            self.audience.addItem(label, code)
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Status"))
        self.status.addItem(self.tr("Active"), True)
        self.status.addItem(self.tr("Retired"), False)
        self.status.addItem(self.tr("Active and retired"), None)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.kind, 2)
        filters.addWidget(self.audience, 1)
        filters.addWidget(self.status, 1)

        self.model = OfferModel(self)
        self.table = QTableView()
        name_table(
            self.table,
            self.tr("Offers"),
            self.tr("The offers that match the search and filters; Enter edits the selected one."),
        )
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (Column.KIND, 230),
            (Column.PROVIDER, 190),
            (Column.AUDIENCES, 170),
            (Column.AGES, 70),
            (Column.WEEKS, 55),
            (Column.STATUS, 70),
        ):
            header.resizeSection(column, width)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.table.activated.connect(lambda _i: self.edit_selected())

        self.count = QLabel()
        self.count.setStyleSheet(HINT_STYLE)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.message = MessageLabel()
        self.notice = MessageLabel(GOOD_STYLE)

        self.new_button = QPushButton(self.tr("&New offer…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.retire_button = QPushButton(self.tr("&Retire"))
        self.import_button = QPushButton(self.tr("&Import file…"))
        self.export_button = QPushButton(self.tr("E&xport file…"))
        close = QPushButton(self.tr("&Close"))
        self.new_button.clicked.connect(self.new_offer)
        self.edit_button.clicked.connect(self.edit_selected)
        self.retire_button.clicked.connect(self.toggle_active)
        self.import_button.clicked.connect(self.import_file)
        self.export_button.clicked.connect(self.export_file)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.retire_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.import_button, self.export_button, close):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.details)
        layout.addWidget(self.message)
        layout.addWidget(self.notice)
        layout.addLayout(buttons)

        self.search.textChanged.connect(self._filter)
        for combo in (self.kind, self.audience, self.status):
            combo.currentIndexChanged.connect(self._filter)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        changes.bus().changed.connect(self._changed)
        self._selected()
        self.load()
        self.search.setFocus()

    # --- loading and filtering ----------------------------------------------------------

    def load(self) -> None:
        Operation(self, catalogue.list_offers, self._store).latest("offers").success(
            self._loaded
        ).run()

    def _loaded(self, offers: list[OfferView]) -> None:
        self.model.set_offers(offers)
        self._after_filter()

    def _changed(self, change: Change) -> None:
        if shiboken6.isValid(self) and change.touches(Aspect.CATALOGUE):
            self.load()

    def current_filter(self) -> OfferFilter:
        kind, audience = self.kind.currentData(), self.audience.currentData()
        active = self.status.currentData()
        return OfferFilter(
            self.search.text(),
            kind if isinstance(kind, str) else "",
            audience if isinstance(audience, str) else "",
            active if isinstance(active, bool) else None,
        )

    def _filter(self, *_changed: object) -> None:
        self.model.apply(self.current_filter())
        self._after_filter()

    def _after_filter(self) -> None:
        self.count.setText(
            self.tr("%n offer(s) shown", "", self.model.matched)
            + self.tr(" of %1 in the catalogue").replace("%1", str(self.model.total))
        )
        wanted = self._select_after_load
        self._select_after_load = None
        row = self.model.row_of(wanted) if wanted is not None else None
        if row is not None:
            self.table.selectRow(row)
        self._selected()

    def selected(self) -> OfferView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.offer(rows[0].row()) if rows else None

    def _selected(self, *_changed: object) -> None:
        offer = self.selected()
        self.edit_button.setEnabled(offer is not None)
        self.retire_button.setEnabled(offer is not None)
        if offer is None:
            self.details.clear()
            self.retire_button.setText(self.tr("&Retire"))
            return
        self.retire_button.setText(
            self.tr("&Reactivate") if not offer.active else self.tr("&Retire")
        )
        verdict = catalogue.verdict(offer.kind, self._today(), offer.weeks)
        contact = " · ".join(
            p for p in (offer.contact_name, offer.contact_phone, offer.contact_email) if p
        )
        lines = [f"{offer.name}: {verdict.text}"]
        if verdict.cap:
            lines.append(verdict.cap)
        if contact:
            lines.append(self.tr("Contact: %1").replace("%1", contact))
        self.details.setText("\n".join(lines))
        self.details.setToolTip(verdict.source)

    # --- actions ------------------------------------------------------------------------

    def show_known_error(self, error: KnownError) -> None:
        self.notice.show_message(None)
        self.message.show_message(error.message)

    def _clear_messages(self) -> None:
        self.message.show_message(None)
        self.notice.show_message(None)

    def new_offer(self) -> OfferDialog:
        return self._open_editor(None)

    def edit_selected(self) -> OfferDialog | None:
        offer = self.selected()
        return None if offer is None else self._open_editor(offer)

    def _open_editor(self, offer: OfferView | None) -> OfferDialog:
        self._clear_messages()
        dialog = OfferDialog(self._store, self._today, offer, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._edited(dialog))
        self.edit_dialog = dialog
        dialog.open()
        return dialog

    def _edited(self, dialog: OfferDialog) -> None:
        if dialog.saved is not None:
            self._select_after_load = dialog.saved.id

    def toggle_active(self) -> None:
        offer = self.selected()
        if offer is None:
            return
        self._clear_messages()
        self._select_after_load = offer.id
        Operation(self, catalogue.set_active, self._store, offer.id, not offer.active).changes(
            Change.of(Aspect.CATALOGUE)
        ).run()

    def ask_export_path(self) -> str:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the offers catalogue"),
            EXPORT_NAME,
            self.tr("Offers catalogue (*.json)"),
        )
        return path

    def ask_import_path(self) -> str:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import an offers catalogue"), "", self.tr("Offers catalogue (*.json)")
        )
        return path

    def export_file(self) -> None:
        path = self.ask_export_path()
        if not path:
            return
        self._clear_messages()
        self._export_name = Path(path).name
        Operation(self, catalogue.export_catalogue, self._store, Path(path)).success(
            self._exported
        ).run()

    def _exported(self, written: int) -> None:
        self.notice.show_message(
            self.tr("%n offer(s) exported to %1.", "", written).replace("%1", self._export_name)
        )

    def import_file(self) -> None:
        path = self.ask_import_path()
        if not path:
            return
        self._clear_messages()
        Operation(self, catalogue.import_catalogue, self._store, Path(path)).changes(
            Change.of(Aspect.CATALOGUE)
        ).success(self._imported).run()

    def _imported(self, result: ImportResult) -> None:
        self.notice.show_message(
            self.tr("Catalogue imported: %1 new and %2 updated offers.")
            .replace("%1", str(result.added))
            .replace("%2", str(result.updated))
        )
