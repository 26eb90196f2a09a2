"""The main window's right side: open records as tabs, and the register and edit forms.

Changes the record's panels and the youth form make reach the register list and the
deadlines overview through the change bus (ui.changes), not through calls from here.
"""

from __future__ import annotations

import importlib
import sys
from functools import partial
from typing import TYPE_CHECKING, cast

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QSplitter, QStackedWidget, QTabWidget, QWidget

from ungedesk.domain.youth import CaseStatus
from ungedesk.ui.operations import Operation, close_widget
from ungedesk.ui.shell.base import ShellBase

if TYPE_CHECKING:
    from ungedesk.services.caseworkers import CaseworkerView
    from ungedesk.services.register import EditForm
    from ungedesk.services.youths import YouthRecord
    from ungedesk.ui.record.record_view import RecordView
    from ungedesk.ui.record.youth_form import YouthForm


def as_record_view(widget: QWidget | None) -> RecordView | None:
    """``widget`` if it is a record view. Record views exist only once their (large) module
    has been imported for the first record opened: until then none can be open, and
    asking costs no import."""
    module = sys.modules.get("ungedesk.ui.record.record_view")
    if module is None or not isinstance(widget, module.RecordView):
        return None
    return cast("RecordView", widget)


# The record's modules in the order a first record needs them: the view and its first tab,
# the edit form, then the other tabs.
RECORD_MODULES = (
    "ungedesk.ui.record.record_view",
    "ungedesk.ui.visitation.visitation_panel",
    "ungedesk.ui.record.youth_form",
    "ungedesk.ui.visitation.conversations_panel",
    "ungedesk.ui.visitation.deadlines_panel",
    "ungedesk.ui.plan.panel",
    "ungedesk.ui.progression.panel",
    "ungedesk.ui.record.journal_panel",
)


# Qt extension modules the record modules import. Initialising one on the worker crashes the
# process now and then (QtCharts segfaulted in about one start in ten under load): they are
# imported on the GUI thread (a few milliseconds) before the record modules go to the worker.
GUI_THREAD_EXTENSIONS = ("PySide6.QtCharts",)


def import_gui_extensions() -> None:
    """On the GUI thread, before any preload_module."""
    for name in GUI_THREAD_EXTENSIONS:
        importlib.import_module(name)


def records_loaded() -> bool:
    return all(name in sys.modules for name in RECORD_MODULES)


def preload_module(name: str) -> None:
    """Import one of RECORD_MODULES ahead of the first record. Runs on the worker as
    background work, one module per task, so a record opened meanwhile waits for at most
    one module's import: imports are thread-safe, these modules only define classes, and
    the GUI thread stays free while they load."""
    if name not in RECORD_MODULES:
        raise ValueError(f"not a record module: {name}")
    missing = [m for m in GUI_THREAD_EXTENSIONS if m not in sys.modules]
    if missing:
        raise RuntimeError(f"import_gui_extensions() first: {', '.join(missing)}")
    importlib.import_module(name)


# The record pane widens to this when it is the first record and the list leaves room.
RECORD_WIDTH = 760
MIN_LIST_WIDTH = 480
# A record tab's title at most (a name elides beyond it, whole in the tooltip).
TAB_TITLE_WIDTH = 220


class RecordTabs(ShellBase):
    # Built by MainWindow.__init__ and ui.shell.menus.
    records: QTabWidget
    # The young person whose record was asked for before the store was open (ui.app's
    # first look); MainWindow.attach_store opens it.
    record_asked_early: int | None = None
    record_stack: QStackedWidget
    no_record: QLabel
    splitter: QSplitter
    form: YouthForm | None
    case_actions: tuple[QAction, ...]
    close_case_action: QAction
    reopen_case_action: QAction
    follow_up_action: QAction
    # The list's width before the first record widened its pane, and the width it got then.
    _room_given: tuple[int, int] | None = None

    # --- open records ----------------------------------------------------------------------

    def record_view(self, youth_id: int) -> RecordView | None:
        for i in range(self.records.count()):
            view = as_record_view(self.records.widget(i))
            if view is not None and view.record.id == youth_id:
                return view
        return None

    def current_record(self) -> YouthRecord | None:
        view = as_record_view(self.records.currentWidget())
        return view.record if view is not None else None

    def open_record(self, youth_id: int, *, focus: bool = False) -> None:
        """Show the record (reading it first if it is not open). ``focus`` moves the
        keyboard into it: after registering, the form that had the focus is gone."""
        if self.waiting_for_store:
            # Enter pressed on the first look's page: the record opens with the store.
            self.record_asked_early = youth_id
            return
        view = self.record_view(youth_id)
        if view is not None:
            self.records.setCurrentWidget(view)
            if focus:
                view.take_focus()
            return
        from ungedesk.services import youths

        arrived = partial(self._record_arrived, focus=focus) if focus else self._record_arrived
        Operation(self, youths.get, self._store, youth_id).success(arrived).run()

    def _record_arrived(self, record: YouthRecord | None, *, focus: bool = False) -> None:
        from ungedesk.ui.record.record_view import RecordView

        if record is None:
            return
        view = self.record_view(record.id)
        if view is None:
            view = RecordView(self._store, record, self._today)
            view.edit_requested.connect(self.edit_record)
            self.records.addTab(view, record.name)
            self._set_tab_title(view, record.name)
            self._make_room_for_record()
        self.records.setCurrentWidget(view)
        self._update_record_stack()
        self._update_case_actions()
        if focus:
            view.take_focus()

    def _make_room_for_record(self) -> None:
        """The record's plan and progression tabs need ~760 px, and on a wide screen a
        record (its journal, its notes) is read better in half the window: when the register
        list leaves less, the first record widens its pane (the list keeps at least 480 px).
        A pane the caseworker made wide enough is left as it is."""
        if self.records.count() != 1:
            return
        list_width, record_width = self.splitter.sizes()
        wanted = max(RECORD_WIDTH, (list_width + record_width) // 2)
        if record_width >= wanted:
            return
        give = min(wanted - record_width, max(0, list_width - MIN_LIST_WIDTH))
        if give > 0:
            self.splitter.setSizes([list_width - give, record_width + give])
            # Given back when the last record closes (unless the caseworker has moved
            # the splitter since): the list should not stay narrow with nothing beside it.
            self._room_given = (list_width, self.splitter.sizes()[0])

    def _give_room_back(self) -> None:
        given, self._room_given = self._room_given, None
        if given is None:
            return
        before, narrowed = given
        list_width, record_width = self.splitter.sizes()
        if list_width == narrowed:
            self.splitter.setSizes([before, list_width + record_width - before])

    def _close_tab(self, index: int) -> None:
        if index < 0:
            return
        view = self.records.widget(index)
        record = as_record_view(view)
        plan = record.plan_if_built if record is not None else None
        if plan is not None and not plan.confirm_discard():
            return  # unsaved plan edits: the caseworker chose to keep the record open
        self.records.removeTab(index)
        if view is not None:
            close_widget(view)  # its operations still running deliver nothing
        self._update_record_stack()

    def close_current_record(self) -> None:
        self._close_tab(self.records.currentIndex())

    def close_record(self, youth_id: int) -> None:
        view = self.record_view(youth_id)
        if view is not None:
            self._close_tab(self.records.indexOf(view))

    def _update_record_stack(self) -> None:
        self.record_stack.setCurrentWidget(self.records if self.records.count() else self.no_record)
        if not self.records.count():
            self._give_room_back()

    def _update_case_actions(self) -> None:
        record = self.current_record()
        for action in self.case_actions:
            action.setEnabled(record is not None)
        if record is not None:
            closed = record.status is CaseStatus.CLOSED
            self.close_case_action.setEnabled(not closed)
            self.reopen_case_action.setEnabled(closed)
            self.follow_up_action.setEnabled(closed)

    def refresh_record(self, youth_id: int) -> None:
        """Show the stored record again in its open tab (after the case was closed,
        reopened or received)."""
        from ungedesk.services import youths

        if self.record_view(youth_id) is not None:
            Operation(self, youths.get, self._store, youth_id).success(self._record_refreshed).run()

    def _record_refreshed(self, record: YouthRecord | None) -> None:
        if record is None:
            return
        view = self.record_view(record.id)
        if view is not None:
            view.show_record(record)
            self._set_tab_title(view, record.name)
        self._update_case_actions()

    def _set_tab_title(self, view: QWidget, name: str) -> None:
        """A tab's title is the name, elided to a width that leaves room for other tabs;
        the whole name is its tooltip. (The tab bar's own eliding starts only when the
        tabs no longer fit, and a long title raised the window's minimum width.)"""
        index = self.records.indexOf(view)
        metrics = self.records.tabBar().fontMetrics()
        short = metrics.elidedText(name, Qt.TextElideMode.ElideRight, TAB_TITLE_WIDTH)
        self.records.setTabText(index, short.replace("&", "&&"))
        self.records.setTabToolTip(index, name if short != name else "")

    # --- the register and edit forms ------------------------------------------------------

    def form_is_open(self) -> bool:
        """True while a register/edit form is on screen (it deletes itself on close)."""
        return self.form is not None and shiboken6.isValid(self.form) and self.form.isVisible()

    def register_new(self) -> None:
        self.register_from_list("", "", "")

    def register_from_list(self, cpr: str, first_name: str, last_name: str) -> None:
        """Open the registration form; ``cpr`` and the names fill it in when the young
        person comes from a list (the coordination group's), so nothing is typed twice."""
        from ungedesk.services import caseworkers as caseworker_service

        Operation(self, caseworker_service.list_caseworkers, self._store).success(
            partial(self._open_register_form, known=(cpr, first_name, last_name))
        ).run()

    def _open_register_form(
        self, caseworkers: list[CaseworkerView], known: tuple[str, str, str] = ("", "", "")
    ) -> None:
        from ungedesk.ui.record.youth_form import YouthForm

        if self._raise_open_form():
            return
        self.form = YouthForm(
            self._store,
            caseworkers,
            current_user_id=self.user.id if self.user else None,
            today=self._today,
            parent=self,
        )
        self.form.prefill(*known)
        self.form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.form.registered.connect(self._registered)
        self.form.open_existing.connect(self.open_record)
        self.form.open()

    def _raise_open_form(self) -> bool:
        if not self.form_is_open():
            return False
        assert self.form is not None
        self.form.raise_()
        return True

    def _registered(self, youth_id: int) -> None:
        self.open_record(youth_id, focus=True)

    def edit_record(self, youth_id: int) -> None:
        from ungedesk.services import register

        Operation(self, register.edit_form, self._store, youth_id).success(
            self._open_edit_form
        ).run()

    def _open_edit_form(self, form: EditForm | None) -> None:
        from ungedesk.ui.record.youth_form import YouthForm

        if form is None or self._raise_open_form():
            return
        self.form = YouthForm(
            self._store,
            form.caseworkers,
            current_user_id=self.user.id if self.user else None,
            record=form.record,
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
            self._set_tab_title(view, record.name)
        self._update_case_actions()
