"""The "Frister" view: who needs what this week, next week, and what is overdue.

Exempted deadlines (waivers) are never overdue: they are counted apart above the list,
with their share of all deadlines the law lets be exempted (at most 25 % from 1 July 2026).

The overview comes from the worker (services.deadlines.overview, one indexed query);
further overdue rows come page by page as the list scrolls. "Mine" shows the signed-in
caseworker's cases (the default), "Alle" everyone's. Enter or a double-click asks the
window to open the young person's record. The view refreshes itself from the change bus
whenever an operation anywhere changed deadlines, cases, rules or settings.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QModelIndex, QObject, QSettings, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ungedesk.domain.errors import KnownError
from ungedesk.ui import changes, tasks
from ungedesk.ui.changes import Aspect, Change
from ungedesk.ui.deadlines.model import PAGE_SIZE, Column, DeadlineOverviewModel
from ungedesk.ui.i18n import format_number
from ungedesk.ui.operations import Operation
from ungedesk.ui.widgets import ERROR_STYLE, HINT_STYLE, name_table, widths_from_samples

if TYPE_CHECKING:
    from ungedesk.services.deadlines import Overview, OverviewRow
    from ungedesk.store.database import Store

# The law lets the municipality exempt at most this share by concrete assessment.
EXEMPT_CAP = 0.25
# The requirement column is never narrower than this typical requirement.
RULE_SAMPLE = "Tilbud senest efter 6 måneder"
# What a change must touch for the overview to ask again.
SHOWN_ASPECTS = (
    Aspect.YOUTH,
    Aspect.VISITATION,
    Aspect.CONVERSATIONS,
    Aspect.DEADLINES,
    Aspect.SETTINGS,
    Aspect.RULES,
)


class DeadlinesView(QWidget):
    open_requested = Signal(int)  # youth id
    # overdue total, due this week, due next week: for the navigation's label
    counts_changed = Signal(int, int, int)
    refreshed = Signal()  # a fresh overview is on screen

    def __init__(
        self,
        store: Store | None,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        # None while the start shows the first look's page (ui.app): nothing to ask yet.
        self._store = store
        self._today = today
        self._user_id: int | None = None
        self._loading = False

        self.model = DeadlineOverviewModel(self)
        self.mine = QRadioButton(self.tr("&Mine"))
        self.mine.setToolTip(self.tr("Deadlines of the young people you are caseworker for"))
        self.everyone = QRadioButton(self.tr("A&ll"))
        self.everyone.setToolTip(self.tr("Deadlines of all active cases"))
        self.mine.setChecked(True)
        self.filter = QButtonGroup(self)
        self.filter.addButton(self.mine)
        self.filter.addButton(self.everyone)
        self.table = QTableView()
        self.table.setModel(self.model)
        name_table(
            self.table,
            self.tr("Deadlines"),
            self.tr(
                "Deadlines across the caseload, the most urgent first. Enter opens the record."
            ),
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The requirement's text takes what is left: stretching the last column gave the
        # caseworker's initials ~400 px while the requirement was cut.
        # (Qt's Stretch mode squeezed it to nothing in a narrow pane, so the view gives it
        # the room left itself, never less than a typical requirement: _fit_rule.)
        header.setStretchLastSection(False)
        self._default_widths()
        self.table.viewport().installEventFilter(self)
        self._settings: QSettings | None = None
        self._header_key: str | None = None
        header.sectionResized.connect(self._section_resized)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show:")))
        top.addWidget(self.mine)
        top.addWidget(self.everyone)
        top.addStretch(1)
        self.exempt = QLabel()
        self.exempt.hide()
        top.addWidget(self.exempt)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

        self.filter.buttonToggled.connect(self._filter_toggled)
        self.model.modelReset.connect(self._set_spans)
        self.model.fetch_requested.connect(self._fetch_overdue)
        self.table.activated.connect(self._activated)
        changes.bus().changed.connect(self._store_changed)

    def _default_widths(self) -> None:
        widths_from_samples(
            self.table,
            (
                # Wide enough for a closed day's name; the rule and its source elide, with
                # the whole text in the tooltip.
                (Column.DUE, "24. dec. 2026 · Juleaftensdag"),
                (Column.NAME, "Mohammad Abdullahi"),
                (Column.RULE, RULE_SAMPLE),
                (Column.SOURCE, "LAB § 102, stk. 1 "),
                (Column.STATUS, "⚠ Overskredet · foreløbig"),
                (Column.CASE_NUMBER, "U-0000-00000"),
                # Initials, but the column's title must fit.
                (Column.CASEWORKER, self.tr("Caseworker") + "  "),
            ),
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_rule()
        return super().eventFilter(watched, event)

    def _fit_rule(self) -> None:
        """The requirement takes the width the other columns leave, at least a typical
        requirement's (a narrower pane scrolls sideways rather than cut every rule)."""
        header = self.table.horizontalHeader()
        others = sum(header.sectionSize(c) for c in range(header.count()) if c != Column.RULE)
        metrics = self.table.fontMetrics()
        least = metrics.horizontalAdvance(RULE_SAMPLE) + 16
        width = max(least, self.table.viewport().width() - others)
        if header.sectionSize(Column.RULE) != width:
            header.resizeSection(Column.RULE, width)

    def _section_resized(self, section: int) -> None:
        if section != Column.RULE:  # another column moved: the requirement follows
            self._fit_rule()
        self._save_header()

    # --- column sizes, remembered per caseworker -------------------------------------------

    def remember_sizes_in(self, settings: QSettings) -> None:
        """Keep the caseworker's own column sizes in ``settings`` (the data directory's UI
        settings), under the signed-in caseworker's id: colleagues sharing a laptop each
        keep theirs."""
        self._settings = settings

    def _restore_header(self) -> None:
        self._header_key = None
        if self._settings is None or self._user_id is None:
            return
        key = f"user-{self._user_id}/deadlines/header"
        state = self._settings.value(key)
        header = self.table.horizontalHeader()
        if not isinstance(state, QByteArray) or not header.restoreState(state):
            self._default_widths()  # a caseworker without sizes of their own
        self._header_key = key
        self._show_caseworker_column()

    def _save_header(self) -> None:
        if self._settings is not None and self._header_key is not None:
            self._settings.setValue(self._header_key, self.table.horizontalHeader().saveState())

    # --- loading -------------------------------------------------------------------------

    @property
    def loading(self) -> bool:
        """True from a refresh until its overview is on screen."""
        return self._loading

    @property
    def caseworker_filter(self) -> int | None:
        return self._user_id if self.mine.isChecked() else None

    def set_user(self, user_id: int | None) -> None:
        """The signed-in caseworker (for "Mine"); the overview is asked for again."""
        self._user_id = user_id
        self._restore_header()
        self.mine.setEnabled(user_id is not None)
        if user_id is None and not self.everyone.isChecked():
            self.everyone.setChecked(True)  # refreshes through the filter's toggle
            return
        self._refresh_unseen()

    def _store_changed(self, change: Change) -> None:
        if change.touches(*SHOWN_ASPECTS):
            self._refresh_unseen()

    def _refresh_unseen(self) -> None:
        """The start or a change elsewhere: the whole overview when it is on screen, else
        only the counts for the tab's title (the main window asks for the whole overview
        when the tab is shown). The start reads three counts instead of the rows and
        their closing-day names."""
        if self.isVisible():
            self.refresh(background=True)
            return
        if self._store is None:
            return
        from ungedesk.services import deadlines

        # The same key as the whole overview: whichever was asked for last is shown.
        Operation(
            self, deadlines.counts, self._store, self._today(), caseworker_id=self.caseworker_filter
        ).latest("overview").background().success(self._counts_arrived).run()

    def _counts_arrived(self, counts: tuple[int, int, int]) -> None:
        self.counts_changed.emit(*counts)

    def attach_store(self, store: Store) -> None:
        self._store = store

    def refresh(self, *, background: bool = False) -> None:
        """Ask the worker for a fresh overview; only the newest one asked for is shown.
        ``background``: nobody is looking at it yet (the start, a change elsewhere), so it
        waits while what the caseworker asked for is queued."""
        if self._store is None:
            return
        from ungedesk.services import deadlines

        self._loading = True
        today = self._today()
        Operation(
            self,
            deadlines.overview,
            self._store,
            today,
            caseworker_id=self.caseworker_filter,
            overdue_limit=PAGE_SIZE,
        ).latest("overview").background(background).success(partial(self._arrived, today)).failure(
            self._overview_failed
        ).run()

    def _overview_failed(self, error: KnownError) -> None:
        self._loading = False
        tasks.runner().store_error.emit(error)

    def _arrived(self, today: date, overview: Overview) -> None:
        self._loading = False
        selected = self.model.youth_id(self.table.currentIndex().row())
        self.model.set_overview(overview, today)
        self._show_exempt(overview)
        self._reselect(selected)
        overdue, this_week, next_week = overview.counts
        self.counts_changed.emit(overdue, this_week, next_week)
        self.refreshed.emit()

    def _show_exempt(self, overview: Overview) -> None:
        """ "Fritaget: 12 (4,3 % af 280 frister i kontaktforløbet)", red above 25 %."""
        share = overview.exempt_share
        self.exempt.setVisible(share is not None or overview.exempt_total > 0)
        if share is None:
            self.exempt.setText(
                self.tr("Exempt: {count}").format(count=format_number(overview.exempt_total))
            )
        else:
            percent = format_number(share * 100, decimals=1)
            text = self.tr("Exempt: {count} ({percent} % of {total} contact-course deadlines)")
            self.exempt.setText(
                text.format(
                    count=format_number(overview.exempt_total),
                    percent=percent,
                    total=format_number(overview.waivable_total),
                )
            )
        over = share is not None and share > EXEMPT_CAP
        if over:  # said in words too, not by colour alone
            self.exempt.setText(self.tr("⚠ {text}, above 25 %").format(text=self.exempt.text()))
        self.exempt.setStyleSheet(ERROR_STYLE if over else HINT_STYLE)
        tip = self.tr(
            "Deadlines the young person is exempted from by a recorded decision. They are "
            "not overdue. From 1 July 2026 the law allows at most 25 % of the contact course "
            "(the deadlines of the rules that can be exempted, for the cases shown)."
        )
        if over:
            tip += " " + self.tr("The share is above 25 %.")
        self.exempt.setToolTip(tip)

    def _fetch_overdue(self, offset: int) -> None:
        from ungedesk.services import deadlines

        Operation(
            self,
            deadlines.overdue_page,
            self._store,
            self.model.today,
            offset,
            PAGE_SIZE,
            caseworker_id=self.caseworker_filter,
        ).latest("overdue page").success(
            partial(self._page_arrived, self.model.overview, offset)
        ).run()

    def _page_arrived(
        self, overview: Overview | None, offset: int, rows: list[OverviewRow]
    ) -> None:
        # A page of an overview that a refresh replaced meanwhile belongs to nothing shown.
        if overview is self.model.overview:
            self.model.add_overdue(offset, rows)

    def _filter_toggled(self, _button: QRadioButton, checked: bool) -> None:
        if checked:
            self._show_caseworker_column()
            self.refresh()

    def _show_caseworker_column(self) -> None:
        """Under "Mine" every row is the caseworker's own: their initials would repeat in
        every row and take the width the requirement needs at 1366 px."""
        self.table.setColumnHidden(Column.CASEWORKER, self.caseworker_filter is not None)
        self._fit_rule()

    def _set_spans(self) -> None:
        self.table.clearSpans()
        for row in self.model.header_rows():
            self.table.setSpan(row, 0, 1, len(Column))

    # --- opening -------------------------------------------------------------------------

    def _activated(self, index: QModelIndex) -> None:
        youth_id = self.model.youth_id(index.row()) if index.isValid() else None
        if youth_id is not None:
            self.open_requested.emit(youth_id)

    def _reselect(self, youth_id: int | None) -> None:
        """After a refresh: keep the young person selected, or (when the list has focus)
        select the first deadline so that Enter works at once."""
        self.table.scrollToTop()  # the group headers, not where another list was scrolled
        for row in range(self.model.rowCount()):
            if youth_id is not None and self.model.youth_id(row) == youth_id:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
                return
        if self.table.hasFocus():
            self.focus_list()

    def focus_list(self) -> None:
        """Focus the first deadline row, so Enter opens it."""
        self.table.setFocus()
        for row in range(self.model.rowCount()):
            if self.model.youth_id(row) is not None:
                self.table.selectRow(row)
                return
