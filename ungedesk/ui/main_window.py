"""The main window: search and the register on the left, open records on the right."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import shiboken6
from PySide6.QtCore import QModelIndex, QSettings, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ungedesk.domain.errors import KnownError
from ungedesk.domain.search import YouthRow
from ungedesk.domain.youth import CaseStatus
from ungedesk.services import audit, backup, retention, youths
from ungedesk.services import caseworkers as caseworker_service
from ungedesk.services.access import AccessExport
from ungedesk.services.audit import VerifyResult
from ungedesk.services.backup import BackupResult
from ungedesk.services.caseworkers import CaseworkerView
from ungedesk.services.transfer import ImportResult
from ungedesk.services.youths import YouthRecord
from ungedesk.store.anchor import HeadMark
from ungedesk.store.database import Store
from ungedesk.store.paths import StorePaths
from ungedesk.ui import changes, tasks
from ungedesk.ui.access_views import AuditDialog, MyAccessDialog, YouthHistoryDialog
from ungedesk.ui.backup_dialogs import BACKUP_SUFFIX, BusyDialog, RestoreDialog
from ungedesk.ui.caseload_progression_dialog import CaseloadProgressionDialog
from ungedesk.ui.changes import Aspect, Change
from ungedesk.ui.deadlines_view import DeadlinesView
from ungedesk.ui.descriptors_dialog import DescriptorsDialog
from ungedesk.ui.i18n import format_number
from ungedesk.ui.local_rules_dialog import LocalRulesDialog
from ungedesk.ui.operations import close_widget
from ungedesk.ui.passphrase_dialog import ChangePassphraseDialog
from ungedesk.ui.plan_batch_dialog import PlanBatchDialog
from ungedesk.ui.record.case_dialogs import CloseCaseDialog, ExportPersonDialog
from ungedesk.ui.record.record_view import RecordView
from ungedesk.ui.record.youth_form import YouthForm
from ungedesk.ui.register_model import Column, RegisterModel, load_index
from ungedesk.ui.retention_dialog import ExpiredCasesDialog
from ungedesk.ui.rules_browser import LoadRulesDialog, RulesBrowserDialog
from ungedesk.ui.settings_dialog import SettingsDialog, TrustSettings, load_settings
from ungedesk.ui.transfer_dialogs import TransferExportDialog, TransferImportDialog
from ungedesk.ui.widgets import HINT_STYLE, WARNING_STYLE, BusyBar, widths_from_samples

SETTINGS_VERSION = 1
SEARCH_LOG_DELAY_MS = 1500
FOLDER_SETTING = "trust/folder"  # the folder last used for a backup, export or transfer


def backup_state(store: Store) -> tuple[bool, datetime | None]:
    """Whether a backup is overdue, and when the last one was taken (on the worker)."""
    return backup.backup_overdue(store), backup.last_backup(store)


class MainWindow(QMainWindow):
    closed = Signal()
    # Restoring replaces the open store: the launcher closes this window and the store,
    # restores and opens UngeDesk again. Carries the backup file and the passphrase or None.
    restore_requested = Signal(object, object)

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
        self._user_known = False  # the deadlines' "Mine" filter needs the user first
        self.form: YouthForm | None = None
        self._asking_close = False  # set while File › Quit closes the window
        self.dialog: QDialog | None = None  # the open security or case dialog, if any
        self.notice: QMessageBox | None = None  # the last result message
        self.busy_dialog: BusyDialog | None = None
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

        # The left side switches between the register and the deadlines ("Frister").
        self.deadlines = DeadlinesView(store, today)
        deadlines_page = QWidget()
        deadlines_layout = QVBoxLayout(deadlines_page)
        deadlines_layout.setContentsMargins(8, 8, 4, 8)
        deadlines_layout.addWidget(self.deadlines)
        self.navigation = QTabWidget()
        self.navigation.setDocumentMode(True)
        self.navigation.addTab(left, self.tr("Young people"))
        self.navigation.addTab(deadlines_page, self.tr("Deadlines"))
        self.register_page = left
        self.deadlines_page = deadlines_page

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
        self.splitter.addWidget(self.navigation)
        self.splitter.addWidget(self.record_stack)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self.user_label = QLabel()
        self.busy = BusyBar()
        self.busy.setMaximumWidth(120)
        self.backup_reminder = QPushButton()
        self.backup_reminder.setFlat(True)
        self.backup_reminder.setStyleSheet(WARNING_STYLE + " font-weight: bold; padding: 0 6px;")
        self.backup_reminder.setCursor(Qt.CursorShape.PointingHandCursor)
        self.backup_reminder.setToolTip(self.tr("Take a backup now"))
        self.backup_reminder.hide()
        self.statusBar().addWidget(self.user_label, 1)
        self.statusBar().addPermanentWidget(self.backup_reminder)
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
        self.records.currentChanged.connect(self._update_case_actions)
        self.backup_reminder.clicked.connect(self.take_backup)
        self.deadlines.open_requested.connect(self.open_record)
        self.deadlines.counts_changed.connect(self._update_deadline_counts)
        # A visitation, conversation or exemption saved in a record moves deadlines: the
        # counts follow the change bus (bridge until the overview subscribes itself).
        changes.bus().changed.connect(self._record_changed)
        self.navigation.currentChanged.connect(self._navigation_changed)
        tasks.runner().busy_changed.connect(self.busy.setVisible)

        self._restore_settings()
        self._update_counts()
        self._update_case_actions()
        self.reload()
        self.check_backup_reminder()

    # --- set-up --------------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.import_case_action = QAction(self.tr("&Receive a transferred case…"), self)
        self.import_case_action.triggered.connect(self.receive_case)
        file_menu.addAction(self.import_case_action)
        self.plan_batch_action = QAction(self.tr("&Plans handed out as PDF…"), self)
        self.plan_batch_action.triggered.connect(self.open_plan_batch)
        file_menu.addAction(self.plan_batch_action)
        file_menu.addSeparator()
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.quit_asking)
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
        self.deadlines_action = QAction(self.tr("&Deadlines"), self)
        self.deadlines_action.setShortcut(QKeySequence("Ctrl+D"))
        self.deadlines_action.triggered.connect(self.show_deadlines)
        youth_menu.addAction(self.new_action)
        youth_menu.addAction(self.find_action)
        youth_menu.addAction(self.deadlines_action)
        self.caseload_progression_action = QAction(self.tr("&Progression over the caseload…"), self)
        self.caseload_progression_action.triggered.connect(self.open_caseload_progression)
        youth_menu.addAction(self.caseload_progression_action)
        youth_menu.addSeparator()
        youth_menu.addAction(self.close_record_action)

        case_menu = self.menuBar().addMenu(self.tr("&Case"))
        self.close_case_action = QAction(self.tr("C&lose case…"), self)
        self.close_case_action.triggered.connect(self.close_case)
        self.reopen_case_action = QAction(self.tr("&Reopen case"), self)
        self.reopen_case_action.triggered.connect(self.reopen_case)
        self.export_person_action = QAction(self.tr("Right of &access: export all data…"), self)
        self.export_person_action.triggered.connect(self.export_person)
        self.history_action = QAction(self.tr("Access &history"), self)
        self.history_action.triggered.connect(self.show_history)
        self.transfer_action = QAction(self.tr("&Transfer case…"), self)
        self.transfer_action.triggered.connect(self.transfer_case)
        case_menu.addAction(self.close_case_action)
        case_menu.addAction(self.reopen_case_action)
        case_menu.addSeparator()
        case_menu.addAction(self.export_person_action)
        case_menu.addAction(self.history_action)
        case_menu.addSeparator()
        case_menu.addAction(self.transfer_action)
        self.case_actions = (
            self.close_case_action,
            self.reopen_case_action,
            self.export_person_action,
            self.history_action,
            self.transfer_action,
        )

        rules_menu = self.menuBar().addMenu(self.tr("&Rules"))
        self.rules_browser_action = QAction(self.tr("Rule &overview…"), self)
        self.rules_browser_action.triggered.connect(self.open_rules_browser)
        rules_menu.addAction(self.rules_browser_action)
        self.load_rules_action = QAction(self.tr("Load &rule file…"), self)
        self.load_rules_action.triggered.connect(self.load_rule_file)
        rules_menu.addAction(self.load_rules_action)
        rules_menu.addSeparator()
        self.local_rules_action = QAction(self.tr("&Local standards…"), self)
        self.local_rules_action.triggered.connect(self.open_local_rules)
        rules_menu.addAction(self.local_rules_action)
        self.descriptors_action = QAction(self.tr("&Progression descriptors…"), self)
        self.descriptors_action.triggered.connect(self.open_descriptors)
        rules_menu.addAction(self.descriptors_action)

        security_menu = self.menuBar().addMenu(self.tr("Se&curity"))
        self.backup_action = QAction(self.tr("&Take a backup…"), self)
        self.backup_action.setShortcut(QKeySequence("Ctrl+Shift+B"))
        self.backup_action.triggered.connect(self.take_backup)
        self.restore_action = QAction(self.tr("&Restore from backup…"), self)
        self.restore_action.triggered.connect(self.restore_backup)
        self.passphrase_action = QAction(self.tr("Change recovery &passphrase…"), self)
        self.passphrase_action.triggered.connect(self.change_passphrase)
        self.my_access_action = QAction(self.tr("&My access"), self)
        self.my_access_action.triggered.connect(self.show_my_access)
        self.verify_action = QAction(self.tr("&Check the access log"), self)
        self.verify_action.triggered.connect(self.verify_audit_log)
        self.witness_action = QAction(self.tr("Save the access log's &head for a witness…"), self)
        self.witness_action.triggered.connect(self.save_witness)
        self.expired_action = QAction(self.tr("Cases to &delete…"), self)
        self.expired_action.triggered.connect(self.show_expired_cases)
        self.settings_action = QAction(self.tr("&Settings…"), self)
        self.settings_action.triggered.connect(self.open_settings)
        security_menu.addAction(self.backup_action)
        security_menu.addAction(self.restore_action)
        security_menu.addAction(self.passphrase_action)
        security_menu.addSeparator()
        security_menu.addAction(self.my_access_action)
        security_menu.addAction(self.verify_action)
        security_menu.addAction(self.witness_action)
        security_menu.addSeparator()
        security_menu.addAction(self.expired_action)
        security_menu.addSeparator()
        security_menu.addAction(self.settings_action)

    def _default_widths(self) -> None:
        widths_from_samples(
            self.table,
            (
                (Column.NAME, "Mohammad Abdullahi Christensen"),
                (Column.CPR, "000000-xxxx"),
                (Column.AGE, "Alder "),
                (Column.CASE_NUMBER, "U-0000-00000"),
                (Column.HENVENDELSE, "Henvendelse "),
                (Column.CASEWORKER, "Sagsbehandler "),
            ),
        )

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

    def quit_asking(self) -> None:
        """File › Quit: like the window's close button, it asks about unsaved plan edits."""
        self._asking_close = True
        try:
            self.close()
        finally:
            self._asking_close = False

    def unsaved_records_may_close(self) -> bool:
        """Each open record with unsaved plan edits is shown and asked about in turn."""
        for index in range(self.records.count()):
            view = self.records.widget(index)
            if isinstance(view, RecordView) and view.plan.dirty:
                self.records.setCurrentIndex(index)
                if not view.plan.confirm_discard():
                    return False
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        # Only a close the user asked for (the title bar's button, Quit) asks: the app's
        # own closes (after a restore, at shutdown) must not wait on a question.
        asked = event.spontaneous() or self._asking_close
        if asked and not self.unsaved_records_may_close():
            event.ignore()
            return
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
        self._user_known = True
        self.deadlines.set_user(user.id if user else None)
        self.refresh_deadlines()
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
        self.navigation.setCurrentWidget(self.register_page)
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
        self.refresh_deadlines()

    def _row_arrived(self, row: YouthRow | None) -> None:
        if row is None:
            return
        self.model.add_row(row)
        position = self.model.row_of(row.id)
        if position is not None:
            self.table.selectRow(position)
            self.table.scrollTo(self.model.index(position, 0))

    # --- deadlines -----------------------------------------------------------------------

    @Slot()
    def refresh_deadlines(self) -> None:
        """Reload the deadlines and their counts on the navigation. Call it after anything
        that can change a deadline (a visitation, a conversation, a case closed)."""
        if self._user_known:
            self.deadlines.refresh()

    def show_deadlines(self) -> None:
        if self.navigation.currentWidget() is self.deadlines_page:
            self.refresh_deadlines()
        else:
            self.navigation.setCurrentWidget(self.deadlines_page)  # refreshes on the way
        self.deadlines.focus_list()

    def _navigation_changed(self) -> None:
        if self.navigation.currentWidget() is self.deadlines_page:
            self.refresh_deadlines()

    def _update_deadline_counts(self, overdue: int, this_week: int, _next_week: int) -> None:
        index = self.navigation.indexOf(self.deadlines_page)
        self.navigation.setTabText(
            index,
            self.tr("Deadlines ({overdue} overdue · {week} this week)").format(
                overdue=format_number(overdue), week=format_number(this_week)
            ),
        )
        self.navigation.setTabToolTip(
            index,
            self.tr("{overdue} overdue, {week} due this week (filter: {scope})").format(
                overdue=format_number(overdue),
                week=format_number(this_week),
                scope=self.tr("mine") if self.deadlines.mine.isChecked() else self.tr("all"),
            ),
        )

    def open_local_rules(self) -> None:
        dialog = LocalRulesDialog(self._store, self)
        dialog.rules_changed.connect(self.refresh_deadlines)
        self._show_dialog(dialog)

    def open_rules_browser(self) -> RulesBrowserDialog:
        dialog = RulesBrowserDialog(self._store, self._today(), self)
        dialog.rules_changed.connect(self.refresh_deadlines)
        self._show_dialog(dialog)
        return dialog

    def load_rule_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Load rule file"), "", self.tr("Rule files (*.toml)")
        )
        if path:
            dialog = LoadRulesDialog(self._store, Path(path), self)
            dialog.applied.connect(self.refresh_deadlines)
            self._show_dialog(dialog)

    def open_plan_batch(self) -> None:
        def now() -> datetime:
            return datetime.combine(self._today(), datetime.now().time())

        folder = Path(self._folder()) / "Uddannelsesplaner"
        self._show_dialog(PlanBatchDialog(self._store, self._today, now, self, folder=folder))

    def open_caseload_progression(self) -> None:
        self._show_dialog(CaseloadProgressionDialog(self._store, self._today, self))

    def open_descriptors(self) -> None:
        self._show_dialog(DescriptorsDialog(self._store, self))

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
            self._make_room_for_record()
        self.records.setCurrentWidget(view)
        self._update_record_stack()
        self._update_case_actions()

    def _make_room_for_record(self) -> None:
        """The record's plan and progression tabs need ~760 px: when the register list
        leaves less, the first record widens its pane (the list keeps at least 480 px).
        A pane the caseworker made wide enough is left as it is."""
        if self.records.count() != 1:
            return
        list_width, record_width = self.splitter.sizes()
        wanted = 760
        if record_width >= wanted:
            return
        give = min(wanted - record_width, max(0, list_width - 480))
        if give > 0:
            self.splitter.setSizes([list_width - give, record_width + give])

    def _record_changed(self, change: Change) -> None:
        if change.touches(Aspect.VISITATION, Aspect.CONVERSATIONS, Aspect.DEADLINES):
            self.refresh_deadlines()

    def _close_tab(self, index: int) -> None:
        if index < 0:
            return
        view = self.records.widget(index)
        if isinstance(view, RecordView) and not view.plan.confirm_discard():
            return  # unsaved plan edits: the caseworker chose to keep the record open
        self.records.removeTab(index)
        if view is not None:
            # For good: the record's operations still running deliver nothing to it.
            close_widget(view)
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
        self._update_case_actions()
        self.refresh_deadlines()

    # --- helpers for the security and case dialogs ---------------------------------------

    def current_record(self) -> YouthRecord | None:
        view = self.records.currentWidget()
        return view.record if isinstance(view, RecordView) else None

    def _update_case_actions(self) -> None:
        record = self.current_record()
        for action in self.case_actions:
            action.setEnabled(record is not None)
        if record is not None:
            closed = record.status is CaseStatus.CLOSED
            self.close_case_action.setEnabled(not closed)
            self.reopen_case_action.setEnabled(closed)

    def _folder(self) -> str:
        folder = str(self._settings.value(FOLDER_SETTING, "") or "")
        return folder if folder and Path(folder).is_dir() else str(Path.home())

    def _remember_folder(self, folder: Path) -> None:
        self._settings.setValue(FOLDER_SETTING, str(folder))

    def _show_dialog(self, dialog: QDialog) -> None:
        if self.dialog is not None and shiboken6.isValid(self.dialog) and self.dialog.isVisible():
            self.dialog.reject()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()

    def _show_notice(
        self,
        text: str,
        icon: QMessageBox.Icon = QMessageBox.Icon.Information,
        open_folder: Path | None = None,
    ) -> None:
        """A result message that does not block; optionally with an "Open folder" button."""
        box = QMessageBox(icon, "UngeDesk", text, QMessageBox.StandardButton.Close, self)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if open_folder is not None:
            opener = box.addButton(self.tr("&Open folder"), QMessageBox.ButtonRole.ActionRole)
            box.setDefaultButton(opener)
            folder_url = QUrl.fromLocalFile(str(open_folder))
            box.buttonClicked.connect(
                lambda button: QDesktopServices.openUrl(folder_url) if button is opener else None
            )
        self.notice = box
        box.open()

    def _store_failed(self, exc: BaseException) -> None:
        self._end_busy()
        if isinstance(exc, KnownError):
            self._show_notice(exc.message, QMessageBox.Icon.Warning)
            return
        raise exc

    def _end_busy(self) -> None:
        if self.busy_dialog is not None and shiboken6.isValid(self.busy_dialog):
            self.busy_dialog.finish()
            self.busy_dialog.deleteLater()
        self.busy_dialog = None

    # --- backup and restore --------------------------------------------------------------

    def check_backup_reminder(self) -> None:
        tasks.run_task(backup_state, self._store, on_done=self._show_backup_reminder)

    def _show_backup_reminder(self, state: tuple[bool, datetime | None]) -> None:
        overdue, last = state
        if not overdue:
            self.backup_reminder.hide()
            return
        if last is None:
            text = self.tr("No backup has been taken yet")
        else:
            days = (datetime.now(UTC) - last).days
            text = self.tr("No backup has been taken for {days} days", "", days).format(days=days)
        self.backup_reminder.setText(text)
        self.backup_reminder.show()

    def take_backup(self) -> None:
        default = Path(self._folder()) / f"ungedesk-kopi-{self._today().isoformat()}"
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Take a backup"),
            str(default) + BACKUP_SUFFIX,
            self.tr("UngeDesk backups (*.udbackup)"),
        )
        if not name:
            return
        target = Path(name)
        if target.suffix != BACKUP_SUFFIX:
            target = target.with_name(target.name + BACKUP_SUFFIX)
        # The save dialog has already asked before overwriting exactly this file; a name
        # that got the suffix added afterwards was not asked about, so it is not forced.
        confirmed = target == Path(name)
        self._remember_folder(target.parent)
        self.busy_dialog = BusyDialog(
            self.tr("Taking a backup and checking it against the database …"), self
        )
        self.busy_dialog.open()
        tasks.run_task(
            backup.backup,
            self._store,
            target,
            on_done=self._backup_done,
            on_error=self._store_failed,
            force=confirmed,
        )

    def _backup_done(self, result: BackupResult) -> None:
        self._end_busy()
        text = self.tr(
            "The backup is saved and checked: {rows} rows in {tables} tables.\n\n{path}\n\n"
            "Keep it on a drive the municipality approves, away from this computer. "
            "Restoring it needs the recovery passphrase."
        ).format(rows=format_number(result.rows), tables=result.tables, path=result.path)
        if result.audit_seq:  # an empty log has no head worth witnessing
            text += "\n\n" + self.tr(
                "Newest access log event in the backup: no. {seq}, checksum {hash}. "
                "Give it to a colleague as a witness that the log is not rolled back later."
            ).format(seq=format_number(result.audit_seq), hash=result.audit_hash_short)
        self._show_notice(text, open_folder=result.path.parent)
        self.check_backup_reminder()

    def restore_backup(self) -> None:
        dialog = RestoreDialog(self, start_folder=self._folder())
        dialog.accepted.connect(lambda: self._restore_chosen(dialog))
        self._show_dialog(dialog)

    def _restore_chosen(self, dialog: RestoreDialog) -> None:
        if dialog.source is not None:
            self._remember_folder(dialog.source.parent)
            self.save_settings()
            self.restore_requested.emit(dialog.source, dialog.passphrase_or_none())

    # --- the recovery passphrase ---------------------------------------------------------

    def change_passphrase(self) -> None:
        user = self.user
        related = () if user is None else (user.name, user.initials, user.unit)
        dialog = ChangePassphraseDialog(self._store, related, self)
        dialog.changed.connect(self._passphrase_changed)
        self._show_dialog(dialog)

    def _passphrase_changed(self) -> None:
        self._show_notice(
            self.tr(
                "The recovery passphrase is changed. From now on the key file opens with the "
                "new passphrase only.\n\nBackups taken before the change still open with the "
                "old passphrase. Take a new backup now, and delete the old ones if others may "
                "know the old passphrase."
            )
        )

    # --- access log ----------------------------------------------------------------------

    def show_my_access(self) -> None:
        if self.user is None:
            return
        dialog = MyAccessDialog(self)
        self._show_dialog(dialog)
        tasks.run_task(audit.recent_for_actor, self._store, self.user.id, on_done=dialog.set_events)

    def show_history(self) -> None:
        record = self.current_record()
        if record is None:
            return
        dialog: AuditDialog = YouthHistoryDialog(record.name, self)
        self._show_dialog(dialog)
        tasks.run_task(audit.events_for_youth, self._store, record.id, on_done=dialog.set_events)

    def verify_audit_log(self) -> None:
        tasks.run_task(audit.verify, self._store, on_done=self._verified)

    def _verified(self, result: VerifyResult) -> None:
        if result.ok:
            self._show_notice(
                self.tr(
                    "The access log is intact: {count} events checked, none changed, added or "
                    "removed.\n\nHead of the log: event no. {seq}, {digest}"
                ).format(
                    count=format_number(result.checked),
                    seq=result.head.seq,
                    digest=result.head.hash[:16] or "-",
                )
            )
            return
        shown = result.problems[:20]
        more = len(result.problems) - len(shown)
        text = self.tr(
            "The access log has been tampered with. Tell your IT security contact.\n\n"
        ) + "\n".join(shown)
        if more:
            text += "\n" + self.tr("… and {count} more.").format(count=more)
        self._show_notice(text, QMessageBox.Icon.Critical)

    def save_witness(self) -> None:
        """The head of the log to a file someone else keeps, so a rollback can be proved."""
        default = Path(self._folder()) / f"ungedesk-loghoved-{self._today().isoformat()}.json"
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the access log's head"),
            str(default),
            self.tr("Witness files (*.json)"),
        )
        if not name:
            return
        self._remember_folder(Path(name).parent)
        tasks.run_task(
            audit.export_witness,
            self._store,
            Path(name),
            on_done=self._witness_saved,
            on_error=self._store_failed,
        )

    def _witness_saved(self, mark: HeadMark) -> None:
        self._show_notice(
            self.tr(
                "The head of the access log is saved: event no. {seq}, hash {digest}.\n\n"
                "Give the file to someone who keeps it outside UngeDesk (for example your "
                "IT security contact). With it, 'ungedesk audit verify --witness FILE' shows "
                "later whether the log was rolled back."
            ).format(seq=mark.seq, digest=mark.hash or "-")
        )

    def show_start_notice(self, text: str) -> None:
        """What opening the store repaired (already Danish, from the service)."""
        self._show_notice(text)

    def show_log_alerts(self, alerts: list[str]) -> None:
        """Found while opening: the access log was rolled back or changed (and this was
        recorded in the log itself)."""
        if not alerts:
            return
        text = self.tr(
            "UngeDesk found signs that the access log has been changed since it was last "
            "used. This has been recorded in the log. Tell your IT security contact.\n\n"
        ) + "\n".join(alerts[:10])
        self._show_notice(text, QMessageBox.Icon.Critical)

    # --- settings and retention ----------------------------------------------------------

    def open_settings(self) -> None:
        tasks.run_task(load_settings, self._store, on_done=self._settings_loaded)

    def _settings_loaded(self, values: TrustSettings) -> None:
        dialog = SettingsDialog(self._store, values, self)
        dialog.saved.connect(lambda _: self.check_backup_reminder())
        # Changed closing days move working-day deadlines: the list and the open records.
        dialog.saved.connect(lambda _: self.refresh_deadlines())
        dialog.saved.connect(lambda _: self._reload_record_deadlines())
        self._show_dialog(dialog)

    def _reload_record_deadlines(self) -> None:
        for i in range(self.records.count()):
            view = self.records.widget(i)
            if isinstance(view, RecordView):
                view.deadlines.reload()

    def show_expired_cases(self) -> None:
        dialog = ExpiredCasesDialog(self._store, self._today, parent=self)
        dialog.deleted.connect(self._cases_deleted)
        self._show_dialog(dialog)

    def _cases_deleted(self, youth_ids: list[int]) -> None:
        for youth_id in youth_ids:
            view = self.record_view(youth_id)
            if view is not None:
                self._close_tab(self.records.indexOf(view))
        tasks.run_task(load_index, self._store, on_done=self.model.set_index)
        self.refresh_deadlines()
        self.statusBar().showMessage(
            self.tr("{count} cases deleted.", "", len(youth_ids)).format(count=len(youth_ids)),
            8000,
        )

    # --- the open case -------------------------------------------------------------------

    def close_case(self) -> None:
        record = self.current_record()
        if record is None or record.status is CaseStatus.CLOSED:
            return
        dialog = CloseCaseDialog(self._store, record, self._today, self)
        dialog.closed.connect(self._refresh_record)
        self._show_dialog(dialog)

    def reopen_case(self) -> None:
        record = self.current_record()
        if record is None or record.status is not CaseStatus.CLOSED:
            return
        tasks.run_task(
            retention.reopen_case,
            self._store,
            record.id,
            on_done=lambda _: self._refresh_record(record.id),
            on_error=self._store_failed,
        )

    def _refresh_record(self, youth_id: int) -> None:
        tasks.run_task(youths.get, self._store, youth_id, on_done=self._record_refreshed)

    def _record_refreshed(self, record: YouthRecord | None) -> None:
        if record is not None:
            self._updated(record)

    def export_person(self) -> None:
        record = self.current_record()
        if record is None:
            return
        dialog = ExportPersonDialog(self._store, record, self._folder(), self)
        dialog.exported.connect(self._person_exported)
        self._show_dialog(dialog)

    def _person_exported(self, result: AccessExport) -> None:
        folder = result.pdf_path.parent
        self._remember_folder(folder)
        self._show_notice(
            self.tr(
                "The data is exported: {pdf} to hand over, and {json} for machines.\n\n"
                "{folder}\n\nThe files are not encrypted: hand them over securely and delete "
                "them from the computer afterwards."
            ).format(pdf=result.pdf_path.name, json=result.json_path.name, folder=folder),
            open_folder=folder,
        )

    def transfer_case(self) -> None:
        record = self.current_record()
        if record is None:
            return
        dialog = TransferExportDialog(self._store, record, self._folder(), self)
        dialog.exported.connect(self._case_exported)
        self._show_dialog(dialog)

    def _case_exported(self, path: Path) -> None:
        self._remember_folder(path.parent)
        self._show_notice(
            self.tr(
                "The transfer file is written:\n\n{path}\n\nSend it to the receiver and tell "
                "them the passphrase by phone or in person."
            ).format(path=path),
            open_folder=path.parent,
        )

    def receive_case(self) -> None:
        dialog = TransferImportDialog(self._store, self._today, self._folder(), self)
        dialog.imported.connect(self._case_received)
        self._show_dialog(dialog)

    def _case_received(self, result: ImportResult) -> None:
        if result.created:
            self._registered(result.youth_id)
            message = self.tr("Case received and registered as {case}.")
        else:
            if self.record_view(result.youth_id) is not None:
                self._refresh_record(result.youth_id)
            else:
                tasks.run_task(
                    youths.row_for, self._store, result.youth_id, on_done=self._row_arrived
                )
            self.open_record(result.youth_id)
            message = self.tr("Case received: {case} is updated with the newer data.")
        self.statusBar().showMessage(message.format(case=result.case_number), 8000)
