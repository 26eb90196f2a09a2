"""Koordinationsgruppen: the monthly meeting over the list of 15-17-year-olds outside
education. A month is chosen (or a new list imported); the list shows those to act on,
then the unreachable, then the misplaced; the selected young person's review is edited
beside it; a second tab holds the last 12 months' figures.

Every read and write is one operation; the list reloads when a change on the bus touches
the lists (an import, a save here, a young person registered from here)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ungedesk.domain.errors import KnownError
from ungedesk.domain.restgruppe import MonthFigures
from ungedesk.services import restgruppe_review
from ungedesk.services.restgruppe_import import month_label
from ungedesk.services.restgruppe_review import MonthReview, ReviewEntry
from ungedesk.store.database import Store
from ungedesk.ui import changes
from ungedesk.ui.changes import Aspect, Change
from ungedesk.ui.operations import Operation
from ungedesk.ui.restgruppe.entry_editor import EntryEditor
from ungedesk.ui.restgruppe.figures_chart import FiguresPanel
from ungedesk.ui.restgruppe.import_dialog import ImportDialog
from ungedesk.ui.restgruppe.models import ReviewModel, meeting_order
from ungedesk.ui.widgets import GOOD_STYLE, HINT_STYLE, MessageLabel, name_table


class ReviewDialog(QDialog):
    register_requested = Signal(str, str, str)  # CPR, first name, last name

    def __init__(
        self, store: Store, today: Callable[[], date], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._today = today
        self._month: date | None = None
        self.review: MonthReview | None = None
        self.import_dialog: ImportDialog | None = None
        self.setWindowTitle(self.tr("Coordination group"))
        self.resize(1280, 720)

        self.month = QComboBox()
        self.month.setAccessibleName(self.tr("Month"))
        self.month.setMinimumContentsLength(16)
        self.import_button = QPushButton(self.tr("&Import a list…"))
        self.import_button.clicked.connect(self.choose_file)
        self.minutes_pdf_button = QPushButton(self.tr("Minutes as &PDF…"))
        self.minutes_pdf_button.clicked.connect(lambda: self.save_minutes("pdf"))
        self.minutes_xlsx_button = QPushButton(self.tr("Minutes for E&xcel…"))
        self.minutes_xlsx_button.clicked.connect(lambda: self.save_minutes("xlsx"))
        self.figures_line = QLabel()
        self.figures_line.setStyleSheet(HINT_STYLE)
        self.figures_line.setWordWrap(True)
        top = QHBoxLayout()
        month_caption = QLabel(self.tr("&Month:"))
        month_caption.setBuddy(self.month)
        top.addWidget(month_caption)
        top.addWidget(self.month)
        top.addWidget(self.import_button)
        top.addWidget(self.minutes_pdf_button)
        top.addWidget(self.minutes_xlsx_button)
        top.addWidget(self.figures_line, 1)

        self.model = ReviewModel(self)
        self.table = QTableView()
        name_table(
            self.table,
            self.tr("The month's list"),
            self.tr("Those to act on first, then the unreachable, then the misplaced."),
        )
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 90), (2, 95), (3, 55), (4, 120), (5, 120), (6, 150)):
            header.resizeSection(column, width)
        self.editor = EntryEditor(store, today, self)
        self.editor.register_requested.connect(self.register_requested)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.editor)
        splitter.setSizes([840, 420])
        self.empty = QLabel(
            self.tr(
                "No list has been imported yet. Import the month's list from the UU system "
                "(a CSV file) with Import a list."
            )
        )
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()  # until the months are read: an empty store then says so
        list_page = QWidget()
        list_layout = QVBoxLayout(list_page)
        list_layout.addWidget(self.empty)
        list_layout.addWidget(splitter, 1)
        self.splitter = splitter
        self.figures = FiguresPanel()
        self.tabs = QTabWidget()
        self.tabs.addTab(list_page, self.tr("&List"))
        self.tabs.addTab(self.figures, self.tr("&Figures"))

        self.message = MessageLabel()
        self.notice = MessageLabel(GOOD_STYLE)
        close = QPushButton(self.tr("&Close"))
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.notice, 1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)

        self.month.currentIndexChanged.connect(self._month_chosen)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        changes.bus().changed.connect(self._changed)
        self.load_months()
        Operation(self, restgruppe_review.owner_choices, store).success(
            self.editor.set_owners
        ).run()

    # --- loading ------------------------------------------------------------------------

    def show_known_error(self, error: KnownError) -> None:
        self.notice.show_message(None)
        self.message.show_message(error.message)

    def load_months(self, select: date | None = None) -> None:
        Operation(self, restgruppe_review.months, self._store).latest("months").success(
            partial(self._months_loaded, select=select)
        ).run()

    def _months_loaded(self, months: list[date], select: date | None) -> None:
        wanted = select or self._month or (months[0] if months else None)
        self.month.blockSignals(True)
        self.month.clear()
        for month in months:
            self.month.addItem(month_label(month).capitalize(), month)
        index = months.index(wanted) if wanted in months else 0
        self.month.setCurrentIndex(index)
        self.month.blockSignals(False)
        has_lists = bool(months)
        self.empty.setVisible(not has_lists)
        self.splitter.setVisible(has_lists)
        self.month.setEnabled(has_lists)
        self.minutes_pdf_button.setEnabled(has_lists)
        self.minutes_xlsx_button.setEnabled(has_lists)
        if has_lists:
            self._month_chosen()
        else:
            self.figures_line.clear()
            self.figures.show_figures([])
            self.editor.show_entry(None)
            self.import_button.setFocus()

    def _month_chosen(self, *_changed: object) -> None:
        month = self.month.currentData()
        if not isinstance(month, date):
            return
        self._month = month
        self.load_review()

    def load_review(self, keep: int | None = None) -> None:
        if self._month is None:
            return
        Operation(self, restgruppe_review.review, self._store, self._month).latest(
            "review"
        ).success(partial(self._reviewed, keep=keep)).run()
        Operation(self, restgruppe_review.figures, self._store, self._month).latest(
            "figures"
        ).success(self._figures).run()

    def _reviewed(self, review: MonthReview, keep: int | None) -> None:
        self.review = review
        self.editor.long_step = review.long_on_list_step
        self.model.replace_rows(meeting_order(review.entries))
        f = review.figures
        self.figures_line.setText(
            self.tr(
                "On the list %1 · misplaced %2 · repeaters %3 · unreachable %4 · reached %5 "
                "· back in education or work %6"
            )
            .replace("%1", str(f.on_list))
            .replace("%2", str(f.misplaced))
            .replace("%3", str(f.repeaters))
            .replace("%4", str(f.unreachable))
            .replace("%5", str(f.reached))
            .replace("%6", str(f.back_in_education))
        )
        row = self.model.row_of(keep) if keep is not None else None
        self.table.selectRow(row if row is not None else 0)
        self._selected()

    def _figures(self, figures: list[MonthFigures]) -> None:
        self.figures.show_figures(figures)

    def _changed(self, change: Change) -> None:
        if not shiboken6.isValid(self):
            return
        if change.touches(Aspect.RESTGRUPPE) or (
            change.touches(Aspect.YOUTH) and change.youth_id is None
        ):
            current = self.selected()
            self.load_months()
            if current is not None:
                self.load_review(current.id)

    def selected(self) -> ReviewEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _selected(self, *_changed: object) -> None:
        self.editor.show_entry(self.selected())

    # --- the minutes ----------------------------------------------------------------------

    def ask_minutes_path(self, suggested: str, kind: str) -> str:
        pattern = self.tr("PDF (*.pdf)") if kind == "pdf" else self.tr("Spreadsheet (*.xlsx)")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the meeting's minutes"), suggested, pattern
        )
        return path

    def save_minutes(self, kind: str) -> None:
        from ungedesk.services import restgruppe_minutes

        month = self._month
        if month is None:
            return
        path = self.ask_minutes_path(restgruppe_minutes.suggested_file_name(month, kind), kind)
        if not path:
            return
        write = (
            restgruppe_minutes.write_minutes_pdf
            if kind == "pdf"
            else restgruppe_minutes.write_minutes_xlsx
        )
        self.message.show_message(None)
        self.notice.show_message(None)
        Operation(self, write, self._store, month, Path(path), meeting_on=self._today()).success(
            self._minutes_saved
        ).run()

    def _minutes_saved(self, path: Path) -> None:
        self.notice.show_message(self.tr("The minutes are saved as %1.").replace("%1", path.name))

    # --- importing ----------------------------------------------------------------------

    def ask_file(self) -> str:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the month's list"),
            "",
            self.tr("Lists (*.csv *.txt);;All files (*)"),
        )
        return path

    def choose_file(self) -> ImportDialog | None:
        path = self.ask_file()
        if not path:
            return None
        return self.open_import(Path(path))

    def open_import(self, path: Path) -> ImportDialog:
        self.message.show_message(None)
        dialog = ImportDialog(self._store, path, self._today, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._imported(dialog))
        self.import_dialog = dialog
        dialog.open()
        return dialog

    def _imported(self, dialog: ImportDialog) -> None:
        result = dialog.imported
        if result is None:
            return
        self._month = result.month
        self.notice.show_message(
            self.tr("The list for %1 is imported: %2 young people, %3 not registered.")
            .replace("%1", month_label(result.month))
            .replace("%2", str(result.rows))
            .replace("%3", str(result.new))
        )
