"""The main window: search and the register on the left, open records on the right.

Put together from ui.shell: the menus, the open records and youth forms (records), the
actions of the Case, Security, Rules and people menus (case_menu, security_menu, rules_menu,
team_menu), backup and restore. What stays here is the layout, the register and its search,
the deadlines tab, and the start (the first page, or the first look's while the store opens).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ungedesk.domain.search import RegisterIndex, YouthRow
from ungedesk.store.paths import StorePaths
from ungedesk.ui import changes, tasks
from ungedesk.ui.after_paint import after_next_paint
from ungedesk.ui.changes import Aspect, Change
from ungedesk.ui.deadlines.view import DeadlinesView
from ungedesk.ui.elided_label import ElidedLabel
from ungedesk.ui.i18n import format_number
from ungedesk.ui.operations import CLOSED_PROPERTY, Operation, is_wanted
from ungedesk.ui.register.model import PAGE_SIZE, Column, RegisterModel
from ungedesk.ui.register.suggestion import SuggestionLink
from ungedesk.ui.shell.backup_actions import BackupActions
from ungedesk.ui.shell.case_menu import CaseMenu
from ungedesk.ui.shell.menus import build_menus
from ungedesk.ui.shell.records import (
    RECORD_MODULES,
    as_record_view,
    import_gui_extensions,
    preload_module,
    records_loaded,
)
from ungedesk.ui.shell.rules_menu import RulesMenu
from ungedesk.ui.shell.security_menu import SecurityMenu
from ungedesk.ui.shell.team_menu import TeamMenu
from ungedesk.ui.widgets import HINT_STYLE, WARNING_STYLE, BusyBar, name_table, widths_from_samples

if TYPE_CHECKING:
    from ungedesk.services.caseworkers import CaseworkerView
    from ungedesk.services.register_page import RegisterPage
    from ungedesk.store.database import Store
    from ungedesk.ui.record.youth_form import YouthForm

SETTINGS_VERSION = 1
SEARCH_LOG_DELAY_MS = 1500


class MainWindow(CaseMenu, SecurityMenu, RulesMenu, TeamMenu, BackupActions):
    closed = Signal()
    # Restoring replaces the open store: the launcher closes this window and the store,
    # restores and opens UngeDesk again. Carries the backup file and the passphrase or None.
    restore_requested = Signal(object, object)
    # The register's first page (or its empty state) has been painted: the start is done
    # for the caseworker (ungedesk --measure-startup reports here).
    first_page_painted = Signal()

    # The menus' actions (made by ui.shell.menus.build_menus).
    import_case_action: QAction
    plan_batch_action: QAction
    quit_action: QAction
    new_action: QAction
    find_action: QAction
    close_record_action: QAction
    deadlines_action: QAction
    caseload_progression_action: QAction
    catalogue_action: QAction
    export_person_action: QAction
    history_action: QAction
    transfer_action: QAction
    rules_browser_action: QAction
    load_rules_action: QAction
    local_rules_action: QAction
    descriptors_action: QAction
    backup_action: QAction
    restore_action: QAction
    passphrase_action: QAction
    my_access_action: QAction
    verify_action: QAction
    witness_action: QAction
    expired_action: QAction
    settings_action: QAction

    def __init__(
        self,
        store: Store | None,
        paths: StorePaths,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
        *,
        first_page: RegisterPage | None = None,
    ) -> None:
        """``store`` None: the start's first look (ui.app) gives ``first_page`` and the store
        follows with attach_store; until then the menus wait and the page can be read,
        scrolled and searched (the search runs when the store is there)."""
        super().__init__(store, paths, today, parent)
        if store is None and first_page is None:
            raise ValueError("a window without its store needs the first page")
        self.form: YouthForm | None = None
        self._waiting_actions: list[QAction] = []
        self._first_page_painted = False
        self._asking_close = False  # set while File › Quit closes the window
        self.setWindowTitle("UngeDesk")

        self.model = RegisterModel(today, self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by name, CPR no. or case no."))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search the register"))
        self.search.setAccessibleDescription(self.search.placeholderText())
        self.count = QLabel()
        self.count.setStyleSheet(HINT_STYLE)
        self.table = QTableView()
        self.table.setModel(self.model)
        name_table(
            self.table,
            self.tr("Young people"),
            self.tr("The register: one row per young person. Enter opens the record."),
        )
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
        self.suggestion = SuggestionLink()
        self.suggestion.taken.connect(self._take_suggestion)
        empty_page = QWidget()
        empty_layout = QVBoxLayout(empty_page)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty)
        empty_layout.addWidget(self.suggestion, 0, Qt.AlignmentFlag.AlignHCenter)
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
        self.deadlines.remember_sizes_in(self._settings)
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

        # Elides: a long name and unit must not widen the window past the screen.
        self.user_label = ElidedLabel()
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

        build_menus(self)
        # PySide6 drops the context given to QShortcut's constructor with a callable (the
        # shortcut became window-wide: Esc anywhere cleared the search, Down in any table of
        # a record jumped to the register): it is set apart.
        clear = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search, self.search.clear)
        clear.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.search.textChanged.connect(self._search)
        # The audit log gets the search the caseworker settled on, not every keystroke.
        self._search_log_timer = QTimer(self)
        self._search_log_timer.setSingleShot(True)
        self._search_log_timer.setInterval(SEARCH_LOG_DELAY_MS)
        self._search_log_timer.timeout.connect(self._log_search)
        self.search.returnPressed.connect(self._focus_first_row)
        down = QShortcut(QKeySequence(Qt.Key.Key_Down), self.search, self._focus_list)
        down.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.model.counts_changed.connect(self._update_counts)
        self.model.modelReset.connect(self._update_counts)
        self.table.activated.connect(self._activated)
        self.records.tabCloseRequested.connect(self._close_tab)
        self.records.currentChanged.connect(self._update_record_stack)
        self.records.currentChanged.connect(self._select_row_of_current_record)
        self.records.currentChanged.connect(self._update_case_actions)
        self.backup_reminder.clicked.connect(self.take_backup)
        self.deadlines.open_requested.connect(self.open_record)
        changes.bus().changed.connect(self._store_changed)
        self.navigation.currentChanged.connect(self._navigation_changed)
        self.deadlines.counts_changed.connect(self._update_deadline_counts)
        tasks.runner().busy_changed.connect(self.busy.setVisible)

        self._restore_settings()
        self._update_counts()
        self._update_case_actions()
        if first_page is not None:
            self._wait_for_store()
            self._first_page_arrived(first_page)
            return
        from ungedesk.services import register

        # The first page comes first: the worker is one queue, and the rest of the start
        # (the whole register, the user, the deadlines, the backup reminder) waits behind it.
        Operation(self, register.first_page, self._store, PAGE_SIZE).success(
            self._first_page_arrived
        ).run()

    def _wait_for_store(self) -> None:
        """Until attach_store: every menu action but Quit, the deadlines tab and the
        register button wait (each needs the store)."""
        self._waiting_actions = [
            action
            for action in self.findChildren(QAction)
            if action.isEnabled() and action is not self.quit_action
        ]
        for action in self._waiting_actions:
            action.setEnabled(False)
        self.navigation.setTabEnabled(self.navigation.indexOf(self.deadlines_page), False)
        self.register_first.setEnabled(False)

    def attach_store(self, store: Store) -> None:
        """The store opened after the first look's page was painted: the rest of the start
        runs now, and what the caseworker asked for meanwhile is done."""
        if not self.waiting_for_store:
            raise RuntimeError("the window has its store already")
        self._attached = store
        self.deadlines.attach_store(store)
        for action in self._waiting_actions:
            action.setEnabled(True)
        self._waiting_actions = []
        self.navigation.setTabEnabled(self.navigation.indexOf(self.deadlines_page), True)
        self.register_first.setEnabled(True)
        self._update_case_actions()
        if self._first_page_painted:
            self._start_rest()
        if self.search.text():
            self._search(self.search.text())
        asked, self.record_asked_early = self.record_asked_early, None
        if asked is not None:
            self.open_record(asked)

    # --- set-up --------------------------------------------------------------------------

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
            # The list (and the Frister overview's columns) gets most of the width while
            # no record is open; the first record makes room for itself.
            self.splitter.setSizes([1060, 300])
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
            view = as_record_view(self.records.widget(index))
            plan = view.plan_if_built if view is not None else None
            if plan is not None and plan.dirty:
                self.records.setCurrentIndex(index)
                if not plan.confirm_discard():
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
        # Closed for good (a restore opens a new window): results still on their way are
        # not for this window any more, and the start's next steps do not run.
        self.setProperty(CLOSED_PROPERTY, True)
        super().closeEvent(event)
        self.closed.emit()

    # --- loading -------------------------------------------------------------------------

    def _first_page_arrived(self, page: RegisterPage) -> None:
        if not self.search.text().strip():  # else a search from SQL is on its way
            self.model.set_page("", page)
        shown = self.list_stack.currentWidget()
        target = self.table.viewport() if shown is self.table else shown
        after_next_paint(target or self, self._after_first_page)

    def _after_first_page(self) -> None:
        if not is_wanted(self):
            return  # closed before the first page was painted
        self._first_page_painted = True
        self.first_page_painted.emit()
        if not self.waiting_for_store:
            self._start_rest()

    def _start_rest(self) -> None:
        self.reload()
        self.check_backup_reminder()

    def reload(self) -> None:
        from ungedesk.services import caseworkers as caseworker_service

        Operation(self, caseworker_service.current_user, self._store).success(self._set_user).run()
        self._reload_register()

    def _reload_register(self) -> None:
        from ungedesk.services import register

        Operation(self, register.load_index, self._store).latest(
            "register"
        ).stoppable().background().success(self._index_arrived).run()

    def _index_arrived(self, index: RegisterIndex) -> None:
        self.model.set_index(index)
        if self.records.count() == 0 and not records_loaded():
            # The record's modules were left out of the start; load them now, on the worker
            # while the caseworker reads the list, so the first record opens at once.
            import_gui_extensions()
            for name in RECORD_MODULES:
                Operation(self, preload_module, name).latest(f"preload {name}").background().run()

    def _set_user(self, user: CaseworkerView | None) -> None:
        self.user = user
        self.deadlines.set_user(user.id if user else None)
        if user is None:
            self.user_label.setText("")
            return
        text = self.tr("Signed in as {name} ({initials})").format(
            name=user.name, initials=user.initials
        )
        if user.unit:
            text += f" · {user.unit}"
        self.user_label.setText(text)

    def _store_changed(self, change: Change) -> None:
        """The register follows every change of a young person's register fields: one row
        again when the change names the young person, else the whole list."""
        from ungedesk.services import youths

        if not change.touches(Aspect.YOUTH):
            return
        if change.youth_id is None:
            self._reload_register()
            return
        Operation(self, youths.row_for, self._store, change.youth_id).success(
            self._row_arrived
        ).run()

    def _row_arrived(self, row: YouthRow | None) -> None:
        if row is None:
            return
        self.model.add_row(row)
        position = self.model.row_of(row.id)
        if position is not None:
            self.table.selectRow(position)
            self.table.scrollTo(self.model.index(position, 0))

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
            self.suggestion.offer(model.suggestion())
        else:
            self.list_stack.setCurrentWidget(self.table)

    def _show_empty(self) -> None:
        self.list_stack.setCurrentWidget(self.empty_page)
        # The button only where it is the way forward: an empty register.
        self.register_first.setVisible(self.model.loaded and self.model.total == 0)
        self.suggestion.offer(None)

    def _take_suggestion(self, name: str) -> None:
        self.search.setText(name)
        self.search.setFocus()

    # --- actions -------------------------------------------------------------------------

    def _search(self, text: str) -> None:
        self.model.search(text)
        if self.waiting_for_store:
            # Not even the service module is imported here: the worker is importing it
            # with the store, and the GUI thread would wait for that.
            return  # attach_store searches for what the field holds then
        if not self.model.index_ready:
            from ungedesk.services import register

            # The whole register is still loading: SQL answers this keystroke meanwhile.
            Operation(self, register.search_page, self._store, text, PAGE_SIZE).latest(
                "register search"
            ).success(partial(self.model.set_page, text)).run()
        self._search_log_timer.start()

    def _log_search(self) -> None:
        from ungedesk.services import youths

        criterion = self.model.query.strip()
        if criterion:
            Operation(self, youths.log_search, self._store, criterion, self.model.matched).run()

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

    # --- deadlines -----------------------------------------------------------------------

    def refresh_deadlines(self) -> None:
        """Ask for the deadlines and their counts again (the overview also follows every
        change on the change bus by itself)."""
        self.deadlines.refresh()

    def show_deadlines(self) -> None:
        # Shown afresh each time: whether a deadline is overdue depends on today.
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

    def _select_row_of_current_record(self) -> None:
        view = as_record_view(self.records.currentWidget())
        if view is not None:
            position = self.model.row_of(view.record.id)
            if position is not None:
                self.table.selectRow(position)
                self.table.scrollTo(self.model.index(position, 0))
