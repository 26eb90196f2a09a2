"""Importing a month's list: the file is read and shown before anything is written.

The preview names each row's match in the register and its problems; a column the reader
does not know is given its meaning here (and remembered); the import itself is one
operation with progress that writes all or nothing. A month that has a list already says
so: the same list again cannot be imported, another replaces it only when ticked.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

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
    QWidget,
)

from ungedesk.domain.errors import InputError, KnownError
from ungedesk.domain.restgruppe_csv import (
    COLUMN_LABELS,
    Column,
    RestgruppeFileError,
    known_column,
)
from ungedesk.services import restgruppe_import
from ungedesk.services.restgruppe_import import ImportPreview, ImportResult
from ungedesk.store.database import Store
from ungedesk.ui.changes import Aspect, Change
from ungedesk.ui.restgruppe.models import PreviewModel
from ungedesk.ui.widgets import HINT_STYLE, WARNING_STYLE, MessageLabel, add_row, name_table
from ungedesk.ui.work_dialog import WorkDialog


class ImportDialog(WorkDialog):
    def __init__(
        self,
        store: Store,
        path: Path,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("&Import the list"), parent)
        self._store = store
        self._path = path
        self.preview: ImportPreview | None = None
        self.imported: ImportResult | None = None
        self._headers: tuple[str, ...] = ()
        self.setWindowTitle(self.tr("Import the coordination group's list"))
        self.resize(900, 600)

        now = today()
        self.month = QLineEdit(f"{now.year:04d}-{now.month:02d}")
        self.month.setPlaceholderText(self.tr("YYYY-MM, e.g. 2026-11"))
        self.month.setMaximumWidth(160)
        self.month_error = MessageLabel()
        self.field_errors["month"] = self.month_error
        self.show_again = QPushButton(self.tr("&Show again"))
        self.show_again.setAutoDefault(False)
        self.show_again.clicked.connect(self.load_preview)
        self.month.editingFinished.connect(self.load_preview)
        month_row = QWidget()
        month_layout = QHBoxLayout(month_row)
        month_layout.setContentsMargins(0, 0, 0, 0)
        month_layout.addWidget(self.month)
        month_layout.addWidget(self.show_again)
        month_layout.addStretch(1)
        form = QFormLayout()
        add_row(
            form,
            self.tr("&Month:"),
            month_row,
            self.month_error,
            description=self.tr("The month the list is for, written year-month"),
        )
        self.body.addLayout(form)

        self.columns_box = QGroupBox(self.tr("Columns"))
        self.columns_form = QFormLayout(self.columns_box)
        self.columns: dict[str, QComboBox] = {}
        self.columns_box.hide()
        self.body.addWidget(self.columns_box)

        self.model = PreviewModel(self)
        self.table = QTableView()
        name_table(
            self.table,
            self.tr("The list"),
            self.tr("Each row of the file, who it is in the register and what to check."),
        )
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 50), (1, 100), (2, 200), (3, 200)):
            header.resizeSection(column, width)
        self.body.addWidget(self.table, 1)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet(HINT_STYLE)
        self.existing = MessageLabel(WARNING_STYLE)
        self.replace = QCheckBox(self.tr("&Replace the list already imported for the month"))
        self.replace.hide()
        self.body.addWidget(self.summary)
        self.body.addWidget(self.existing)
        self.body.addWidget(self.replace)
        self.ok_button.setEnabled(False)
        self.load_preview()

    # --- the preview --------------------------------------------------------------------

    def chosen(self) -> dict[str, Column]:
        out: dict[str, Column] = {}
        for header, combo in self.columns.items():
            value = combo.currentData()
            if isinstance(value, str) and value:
                out[header] = Column(value)
        return out

    def load_preview(self) -> None:
        self.clear_errors()
        try:
            month = restgruppe_import.parse_month(self.month.text())
        except InputError as exc:
            self.show_known_error(exc)
            self.ok_button.setEnabled(False)
            return
        self.operation(
            restgruppe_import.preview_file, self._store, self._path, month, self.chosen()
        ).latest("preview").success(self._previewed).run()
        self.ok_button.setEnabled(False)

    def _previewed(self, preview: ImportPreview) -> None:
        self.preview = preview
        self._offer_columns(preview.headers, preview.unknown_headers)
        self.model.replace_rows(list(preview.rows))
        self.summary.setText(
            self.tr("%n young person(s) on the list", "", len(preview.rows))
            + self.tr(": %1 in the register, %2 not registered, %3 with notes to check.")
            .replace("%1", str(preview.matched))
            .replace("%2", str(preview.new))
            .replace("%3", str(preview.with_warnings))
            + " "
            + self.tr("Read as %1.").replace("%1", preview.encoding)
        )
        existing = preview.existing
        self.replace.setChecked(False)
        self.replace.setVisible(existing is not None and not existing.same)
        if existing is None:
            self.existing.show_message(None)
        elif existing.same:
            self.existing.show_message(
                self.tr("This list was imported already on %1 by %2. Nothing to import.")
                .replace("%1", existing.imported_at)
                .replace("%2", existing.imported_by)
            )
        else:
            self.existing.show_message(
                self.tr(
                    "Another list with %1 young people was imported for the month on %2 by "
                    "%3. What the group wrote about those on both lists is kept."
                )
                .replace("%1", str(existing.row_count))
                .replace("%2", existing.imported_at)
                .replace("%3", existing.imported_by)
            )
        self.ok_button.setEnabled(existing is None or not existing.same)

    def _offer_columns(self, headers: tuple[str, ...], unknown: tuple[str, ...]) -> None:
        """A choice for each column the reader did not know (all of them when the columns
        themselves were the problem); kept across previews of the same file."""
        wanted = unknown if unknown or not headers else ()
        if headers == self._headers and set(self.columns) >= set(wanted):
            return
        self._headers = headers
        for combo in self.columns.values():
            combo.deleteLater()
        while self.columns_form.rowCount():
            self.columns_form.removeRow(0)
        self.columns = {}
        for header in wanted:
            combo = QComboBox()
            combo.addItem(self.tr("Choose what it holds"), "")
            for column, label in COLUMN_LABELS.items():
                combo.addItem(label, column.value)
            known = known_column(header)
            if known is not None:  # offered because the columns as a whole were the problem
                combo.setCurrentIndex(combo.findData(known.value))
            combo.currentIndexChanged.connect(self.load_preview)
            self.columns[header] = combo
            add_row(self.columns_form, header.replace("&", "&&"), combo)
        self.columns_box.setVisible(bool(wanted))

    def show_known_error(self, error: KnownError) -> None:
        super().show_known_error(error)
        if isinstance(error, RestgruppeFileError):
            self.preview = None
            self.model.replace_rows([])
            self.summary.clear()
            self.existing.show_message(None)
            self.replace.hide()
            if error.headers:
                self._offer_columns(error.headers, error.headers)
            self.ok_button.setEnabled(False)

    # --- the import ---------------------------------------------------------------------

    def accept_work(self) -> None:
        preview = self.preview
        if preview is None:
            return
        self.operation(
            restgruppe_import.apply_file,
            self._store,
            self._path,
            preview.month,
            expected=preview.fingerprint,
            chosen=self.chosen(),
            replace=self.replace.isChecked(),
        ).with_progress(self.tr("Importing the list")).changes(
            Change.of(Aspect.RESTGRUPPE)
        ).success(self._imported).run()

    def _imported(self, result: ImportResult) -> None:
        self.imported = result
        self.accept()
