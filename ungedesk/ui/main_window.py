"""The main window: search and the register on the left, open records on the right."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import shiboken6
from PySide6.QtCore import QModelIndex, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ungedesk.domain.search import YouthRow
from ungedesk.services import caseworkers as caseworker_service
from ungedesk.services import youths
from ungedesk.services.caseworkers import CaseworkerView
from ungedesk.services.youths import YouthRecord
from ungedesk.store.database import Store
from ungedesk.store.paths import StorePaths
from ungedesk.ui import tasks
from ungedesk.ui.i18n import format_number
from ungedesk.ui.record_view import RecordView
from ungedesk.ui.register_model import Column, RegisterModel, load_index
from ungedesk.ui.widgets import HINT_STYLE, BusyBar
from ungedesk.ui.youth_form import YouthForm

SETTINGS_VERSION = 1
SEARCH_LOG_DELAY_MS = 1500


class MainWindow(QMainWindow):
    closed = Signal()

    def __init__(
        self,
        store: Store,
        paths: StorePaths,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._today = today
        self._settings = QSettings(str(paths.ui_settings), QSettings.Format.IniFormat)
        self.user: CaseworkerView | None = None
        self.form: YouthForm | None = None
        self.setWindowTitle("UngeDesk")

        self.model = RegisterModel(today, self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by name, CPR no. or case no."))
        self.search.setClearButtonEnabled(True)
        self.count = QLabel()
        self.count.setStyleSheet(HINT_STYLE)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list, as in every form
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self._default_widths()
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.NAME, Qt.SortOrder.AscendingOrder)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(HINT_STYLE)
        self.register_first = QPushButton(self.tr("&Register a young person…"))
        self.register_first.clicked.connect(self.register_new)
        empty_page = QWidget()
        empty_layout = QVBoxLayout(empty_page)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty)
        empty_layout.addWidget(self.register_first, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(1)
        self.empty_page = empty_page
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(empty_page)
        self.list_stack.addWidget(self.table)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(8, 8, 4, 8)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.count)
        left_layout.addWidget(self.list_stack, 1)

        self.records = QTabWidget()
        self.records.setTabsClosable(True)
        self.records.setDocumentMode(True)
        self.records.setMovable(True)
        self.no_record = QLabel(
            self.tr("Choose a young person in the list and press Enter to open the record.")
        )
        self.no_record.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_record.setWordWrap(True)
        self.no_record.setStyleSheet(HINT_STYLE)
        self.record_stack = QStackedWidget()
        self.record_stack.addWidget(self.no_record)
        self.record_stack.addWidget(self.records)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.record_stack)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self.user_label = QLabel()
        self.busy = BusyBar()
        self.busy.setMaximumWidth(120)
        self.statusBar().addWidget(self.user_label, 1)
        self.statusBar().addPermanentWidget(self.busy)

        self._build_menus()
        QShortcut(
            QKeySequence(Qt.Key.Key_Escape),
            self.search,
            self.search.clear,
            Qt.ShortcutContext.WidgetShortcut,
        )
        self.search.textChanged.connect(self._search)
        # The audit log gets the search the caseworker settled on, not every keystroke.
        self._search_log_timer = QTimer(self)
        self._search_log_timer.setSingleShot(True)
        self._search_log_timer.setInterval(SEARCH_LOG_DELAY_MS)
        self._search_log_timer.timeout.connect(self._log_search)
        self.search.returnPressed.connect(self._focus_first_row)
        QShortcut(
            QKeySequence(Qt.Key.Key_Down),
            self.search,
            self._focus_list,
            Qt.ShortcutContext.WidgetShortcut,
        )
        self.model.counts_changed.connect(self._update_counts)
        self.model.modelReset.connect(self._update_counts)
        self.table.activated.connect(self._activated)
        self.records.tabCloseRequested.connect(self._close_tab)
        self.records.currentChanged.connect(self._update_record_stack)
        self.records.currentChanged.connect(self._select_row_of_current_record)
        tasks.runner().busy_changed.connect(self.busy.setVisible)

        self._restore_settings()
        self._update_counts()
        self.reload()

    # --- set-up --------------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

        youth_menu = self.menuBar().addMenu(self.tr("&Young people"))
        self.new_action = QAction(self.tr("&Register a young person…"), self)
        self.new_action.setShortcut(QKeySequence("Ctrl+N"))
        self.new_action.triggered.connect(self.register_new)
        self.find_action = QAction(self.tr("&Search"), self)
        self.find_action.setShortcut(QKeySequence("Ctrl+F"))
        self.find_action.triggered.connect(self.focus_search)
        self.close_record_action = QAction(self.tr("&Close record"), self)
        self.close_record_action.setShortcut(QKeySequence("Ctrl+W"))
        self.close_record_action.triggered.connect(
            lambda: self._close_tab(self.records.currentIndex())
        )
        youth_menu.addAction(self.new_action)
        youth_menu.addAction(self.find_action)
        youth_menu.addSeparator()
        youth_menu.addAction(self.close_record_action)

    def _default_widths(self) -> None:
        metrics = self.table.fontMetrics()
        for column, sample in (
            (Column.NAME, "Mohammad Abdullahi Christensen"),
            (Column.CPR, "000000-xxxx"),
            (Column.AGE, "Alder "),
            (Column.CASE_NUMBER, "U-0000-00000"),
            (Column.HENVENDELSE, "Henvendelse "),
            (Column.CASEWORKER, "Sagsbehandler "),
        ):
            self.table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 16)

    def _restore_settings(self) -> None:
        s = self._settings
        if s.value("version", 0, int) != SETTINGS_VERSION:
            self.resize(1360, 800)
            self.splitter.setSizes([860, 500])
            return
        geometry = s.value("main/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 760)
        splitter = s.value("main/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        header = s.value("main/header")
        if header is not None:
            self.table.horizontalHeader().restoreState(header)

    def save_settings(self) -> None:
        s = self._settings
        s.setValue("version", SETTINGS_VERSION)
        s.setValue("main/geometry", self.saveGeometry())
        s.setValue("main/splitter", self.splitter.saveState())
        s.setValue("main/header", self.table.horizontalHeader().saveState())
        s.sync()

    def form_is_open(self) -> bool:
        """True while a register/edit form is on screen (it deletes itself on close)."""
        return self.form is not None and shiboken6.isValid(self.form) and self.form.isVisible()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._search_log_timer.isActive():
            self._search_log_timer.stop()
            self._log_search()
        if self.form_is_open():
            assert self.form is not None
            self.form.reject()
            if self.form_is_open():  # still saving: let it finish first
                event.ignore()
                return
        self.save_settings()
        super().closeEvent(event)
        self.closed.emit()

    # --- loading -------------------------------------------------------------------------

    def reload(self) -> None:
        tasks.run_task(caseworker_service.current_user, self._store, on_done=self._set_user)
        tasks.run_task(load_index, self._store, on_done=self.model.set_index)

    def _set_user(self, user: CaseworkerView | None) -> None:
        self.user = user
        if user is None:
            self.user_label.setText("")
            return
        text = self.tr("Signed in as {name} ({initials})").format(
            name=user.name, initials=user.initials
        )
        if user.unit:
            text += f" · {user.unit}"
        self.user_label.setText(text)

    def _update_counts(self) -> None:
        model = self.model
        if not model.loaded:
            self.count.setText("")
            self.empty.setText(self.tr("Loading young people …"))
            self._show_empty()
            return
        total = format_number(model.total)
        if model.total == 0:
            self.count.setText("")
        elif model.query.strip():
            self.count.setText(
                self.tr("{shown} of {total} young people", "", model.total).format(
                    shown=format_number(model.matched), total=total
                )
            )
        else:
            self.count.setText(self.tr("{total} young people", "", model.total).format(total=total))
        if model.total == 0:
            self.empty.setText(
                self.tr("No young people registered yet – press Ctrl+N to register the first.")
            )
            self._show_empty()
        elif model.matched == 0:
            self.empty.setText(self.tr("No young people match the search. Press Esc to clear it."))
            self._show_empty()
        else:
            self.list_stack.setCurrentWidget(self.table)

    def _show_empty(self) -> None:
        self.list_stack.setCurrentWidget(self.empty_page)
        # The button only where it is the way forward: an empty register.
        self.register_first.setVisible(self.model.loaded and self.model.total == 0)

    # --- actions -------------------------------------------------------------------------

    def _search(self, text: str) -> None:
        self.model.search(text)
        self._search_log_timer.start()

    def _log_search(self) -> None:
        criterion = self.model.query.strip()
        if criterion:
            tasks.run_task(youths.log_search, self._store, criterion, self.model.matched)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _focus_first_row(self) -> None:
        if self.model.rowCount() > 0:
            self.table.setFocus()
            self.table.selectRow(0)
            if self.model.rowCount() == 1:
                self.open_record(self.model.youth_id(0))

    def _focus_list(self) -> None:
        if self.model.rowCount() > 0:
            self.table.setFocus()
            self.table.selectRow(0)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_record(self.model.youth_id(index.row()))

    def register_new(self) -> None:
        tasks.run_task(
            caseworker_service.list_caseworkers, self._store, on_done=self._open_register_form
        )

    def _open_register_form(self, caseworkers: list[CaseworkerView]) -> None:
        if self.form_is_open():
            assert self.form is not None
            self.form.raise_()
            return
        self.form = YouthForm(
            self._store,
            caseworkers,
            current_user_id=self.user.id if self.user else None,
            today=self._today,
            parent=self,
        )
        self.form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.form.registered.connect(self._registered)
        self.form.open_existing.connect(self.open_record)
        self.form.open()

    def _registered(self, youth_id: int) -> None:
        tasks.run_task(youths.row_for, self._store, youth_id, on_done=self._row_arrived)
        self.open_record(youth_id)

    def _row_arrived(self, row: YouthRow | None) -> None:
        if row is None:
            return
        self.model.add_row(row)
        position = self.model.row_of(row.id)
        if position is not None:
            self.table.selectRow(position)
            self.table.scrollTo(self.model.index(position, 0))

    # --- records -------------------------------------------------------------------------

    def record_view(self, youth_id: int) -> RecordView | None:
        for i in range(self.records.count()):
            view = self.records.widget(i)
            if isinstance(view, RecordView) and view.record.id == youth_id:
                return view
        return None

    def open_record(self, youth_id: int) -> None:
        view = self.record_view(youth_id)
        if view is not None:
            self.records.setCurrentWidget(view)
            return
        tasks.run_task(youths.get, self._store, youth_id, on_done=self._record_arrived)

    def _record_arrived(self, record: YouthRecord | None) -> None:
        if record is None:
            return
        view = self.record_view(record.id)
        if view is None:
            view = RecordView(self._store, record, self._today)
            view.edit_requested.connect(self.edit_record)
            self.records.addTab(view, record.name)
        self.records.setCurrentWidget(view)
        self._update_record_stack()

    def _close_tab(self, index: int) -> None:
        if index < 0:
            return
        view = self.records.widget(index)
        self.records.removeTab(index)
        if view is not None:
            view.deleteLater()
        self._update_record_stack()

    def _select_row_of_current_record(self) -> None:
        view = self.records.currentWidget()
        if isinstance(view, RecordView):
            position = self.model.row_of(view.record.id)
            if position is not None:
                self.table.selectRow(position)
                self.table.scrollTo(self.model.index(position, 0))

    def _update_record_stack(self) -> None:
        self.record_stack.setCurrentWidget(self.records if self.records.count() else self.no_record)

    def edit_record(self, youth_id: int) -> None:
        def with_caseworkers(caseworkers: list[CaseworkerView]) -> None:
            tasks.run_task(
                youths.get,
                self._store,
                youth_id,
                on_done=lambda record: self._open_edit_form(record, caseworkers),
            )

        tasks.run_task(caseworker_service.list_caseworkers, self._store, on_done=with_caseworkers)

    def _open_edit_form(
        self, record: YouthRecord | None, caseworkers: list[CaseworkerView]
    ) -> None:
        if record is None:
            return
        if self.form_is_open():
            assert self.form is not None
            self.form.raise_()
            return
        self.form = YouthForm(
            self._store,
            caseworkers,
            current_user_id=self.user.id if self.user else None,
            record=record,
            today=self._today,
            parent=self,
        )
        self.form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.form.updated.connect(self._updated)
        self.form.open()

    def _updated(self, record: YouthRecord) -> None:
        view = self.record_view(record.id)
        if view is not None:
            view.show_record(record)
            self.records.setTabText(self.records.indexOf(view), record.name)
        tasks.run_task(youths.row_for, self._store, record.id, on_done=self._row_arrived)
