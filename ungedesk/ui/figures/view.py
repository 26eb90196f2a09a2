"""Ledelsestal: the management figures of a month, quarter or year per target group and in
total, for the whole unit or one caseworker, each figure with its definition as tooltip;
one target group may be chosen to see its column beside the total and its 12 months (the
saved workbook and report keep every group);
a number opens the young people behind it (logged), and a young person's record opens from
there like any other read. The table is saved as a workbook with its definitions, the
period's counts as a signed file for the leader (services.figures_share), and the leader
merges such files in the team's figures (ui.figures.team_dialog).

Every read and write is one operation; counting happens in services.figures_export."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from datetime import date
from functools import partial
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ungedesk.domain.errors import KnownError
from ungedesk.domain.figures import TOTAL, Period
from ungedesk.services import caseworkers, figures, figures_export, figures_share
from ungedesk.services.caseworkers import CaseworkerView
from ungedesk.services.figures import EVERYONE, FigureFilter, PersonBehind
from ungedesk.services.figures_export import FigureRow, FiguresTable
from ungedesk.store.database import Store
from ungedesk.ui.figures.history_chart import HistoryPanel
from ungedesk.ui.i18n import LOCALE, format_number
from ungedesk.ui.operations import Operation
from ungedesk.ui.rows_model import Index, RowsModel
from ungedesk.ui.widgets import GOOD_STYLE, HINT_STYLE, MessageLabel, name_table

if TYPE_CHECKING:
    from ungedesk.ui.figures.team_dialog import TeamFiguresDialog


def cell_text(value: object) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{format_number(value * 100, 1)} %"
    return format_number(value) if isinstance(value, int) else str(value)


def short_heading(label: str) -> str:
    """A target group's label over up to three short lines (the law's reference left to
    the tooltip), so eight groups fit a laptop's width without cutting any."""
    words = [
        # Danish compounds of the law's labels break before "modtager", as in print.
        w.replace("modtager", "-\nmodtager", 1) if len(w) > 14 else w
        for w in label.split(" (")[0].split()
    ]
    lines = [
        line for part in " ".join(words).split("\n") for line in textwrap.wrap(part.strip(), 16)
    ]
    return "\n".join(lines[:3]) + ("…" if len(lines) > 3 else "")


class FiguresModel(RowsModel[FigureRow]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns: tuple[str, ...] = ()

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Figure"), *self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """A target group's label shortened (short_heading); in full as its tooltip."""
        if orientation != Qt.Orientation.Horizontal or section == 0:
            return super().headerData(section, orientation, role)
        label = self.columns[section - 1]
        if role == Qt.ItemDataRole.ToolTipRole:
            return label
        if role == Qt.ItemDataRole.DisplayRole:
            return short_heading(label)
        return None

    def set_table(self, table: FiguresTable) -> None:
        self.beginResetModel()
        self.columns = table.columns
        self.rows = list(table.rows)
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return row.label if column == 0 else cell_text(row.values[column - 1])
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0:
                return row.definition or None
            if row.members and row.members[column - 1]:
                return self.tr("Double-click to see the young people behind the number.")
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def members(self, index: QModelIndex) -> frozenset[int]:
        row = self.rows[index.row()]
        if index.column() == 0 or not row.members:
            return frozenset()
        return row.members[index.column() - 1]


class PeopleModel(RowsModel[PersonBehind]):
    def headers(self) -> tuple[str, ...]:
        return (self.tr("Case"), self.tr("Name"), self.tr("CPR"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        p = self.rows[index.row()]
        return (p.case_number, p.name, p.masked_cpr)[index.column()]


class FiguresDialog(QDialog):
    open_requested = Signal(int)  # a young person's record, opened by the main window

    def __init__(
        self, store: Store, today: Callable[[], date], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._today = today
        self.table_data: FiguresTable | None = None
        self.drilled: int | None = None  # the column whose young people are listed
        self.setWindowTitle(self.tr("Management figures"))
        self.resize(1180, 680)
        now = today()
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Period"))
        for label, key in (
            (self.tr("Month"), "month"),
            (self.tr("Quarter"), "quarter"),
            (self.tr("Year"), "year"),
        ):
            self.kind.addItem(label, key)
        self.year = QSpinBox()
        self.year.setRange(2014, 2100)
        self.year.setValue(now.year)
        self.year.setAccessibleName(self.tr("Year"))
        self.part = QComboBox()
        self.part.setAccessibleName(self.tr("Month or quarter"))
        self.who = QComboBox()
        self.who.setAccessibleName(self.tr("Caseworker"))
        self.who.addItem(self.tr("The whole unit"), None)
        self.group = QComboBox()
        self.group.setAccessibleName(self.tr("Target group"))
        self.group_about = self.tr(
            "Show one target group's figures beside the total, in the table and the 12 "
            "months. The spreadsheet and the PDF report always hold every target group."
        )
        self.group.setToolTip(self.group_about)
        # A group's label may be long: the box takes the bar's free width, up to the longest
        # label (_list_groups), and the chosen label is in full in its tooltip.
        self.group.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.group.setMinimumContentsLength(20)
        self.group.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.group.addItem(self.tr("All target groups"), None)
        self.save_button = QPushButton(self.tr("Save as &spreadsheet…"))
        self.save_button.clicked.connect(self.save_xlsx)
        self.report_button = QPushButton(self.tr("Save the &report as PDF…"))
        self.report_button.clicked.connect(self.save_report)
        self.team_file_button = QPushButton(self.tr("Save figures for the &leader…"))
        self.team_file_button.setToolTip(
            self.tr(
                "The period's counts as a signed file for your leader: no names or CPR "
                "numbers, and small counts hidden."
            )
        )
        self.team_file_button.clicked.connect(self.save_team_file)
        self.team_button = QPushButton(self.tr("Tea&m's figures…"))
        self.team_button.setToolTip(
            self.tr("Merge the figures files from the team's caseworkers (for the leader).")
        )
        self.team_button.clicked.connect(self.open_team)
        self.team_dialog: TeamFiguresDialog | None = None
        top = QHBoxLayout()
        caption = QLabel(self.tr("&Period:"))
        caption.setBuddy(self.kind)
        top.addWidget(caption)
        for widget in (self.kind, self.part, self.year, self.who):
            top.addWidget(widget)
        group_caption = QLabel(self.tr("Target &group:"))
        group_caption.setBuddy(self.group)
        top.addWidget(group_caption)
        top.addWidget(self.group, 1)  # the free width first, up to the longest label
        top.addStretch(0)
        top.addWidget(self.save_button)
        top.addWidget(self.report_button)

        self.model = FiguresModel(self)
        self.view = QTableView()
        name_table(
            self.view,
            self.tr("Figures"),
            self.tr("Each figure per target group and in total; its definition is its tooltip."),
        )
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.doubleClicked.connect(self.show_people)
        self.view.activated.connect(self.show_people)
        self.people_title = QLabel()
        self.people_title.setStyleSheet(HINT_STYLE)
        self.people = PeopleModel(self)
        self.people_view = QTableView()
        name_table(
            self.people_view,
            self.tr("The young people behind the number"),
            self.tr("Enter or a double-click opens the young person's record."),
        )
        self.people_view.setModel(self.people)
        self.people_view.verticalHeader().hide()
        self.people_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.people_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.people_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.people_view.activated.connect(self._open_person)
        self.people_view.doubleClicked.connect(self._open_person)
        self.message = MessageLabel()
        self.notice = MessageLabel(GOOD_STYLE)
        close = QPushButton(self.tr("&Close"))
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.notice, 1)
        bottom.addStretch(1)  # the buttons keep their size while no message is shown
        bottom.addWidget(self.team_file_button)
        bottom.addWidget(self.team_button)
        bottom.addWidget(close)
        table_page = QWidget()
        table_layout = QVBoxLayout(table_page)
        table_layout.addWidget(self.view, 3)
        table_layout.addWidget(self.people_title)
        table_layout.addWidget(self.people_view, 1)
        self.history = HistoryPanel()
        self.tabs = QTabWidget()
        self.tabs.addTab(table_page, self.tr("&Table"))
        self.tabs.addTab(self.history, self.tr("&12 months"))
        self.definitions = QTextBrowser()
        self.definitions.setAccessibleName(self.tr("Definitions of the figures"))
        self.tabs.addTab(self.definitions, self.tr("&Definitions"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.part.setCurrentIndex(now.month - 1)
        for signal in (
            self.part.currentIndexChanged,
            self.year.valueChanged,
            self.who.currentIndexChanged,
        ):
            signal.connect(self.load)
        self.group.currentIndexChanged.connect(self.show_group)
        Operation(self, caseworkers.list_caseworkers, store).success(self._people_loaded).run()
        self.load()

    def show_known_error(self, error: KnownError) -> None:
        self.notice.show_message(None)
        self.message.show_message(error.message)

    def _kind_changed(self, *_args: object) -> None:
        self.part.blockSignals(True)
        self.part.clear()
        kind = self.kind.currentData()
        if kind == "month":
            from babel.dates import format_date

            for month in range(1, 13):
                self.part.addItem(format_date(date(2000, month, 1), "MMMM", locale=LOCALE))
        elif kind == "quarter":
            for quarter in range(1, 5):
                self.part.addItem(self.tr("Quarter %1").replace("%1", str(quarter)))
        self.part.setVisible(kind != "year")
        self.part.blockSignals(False)
        self.load()

    def period(self) -> Period:
        kind, year = self.kind.currentData(), self.year.value()
        if kind == "month":
            return Period.month(year, self.part.currentIndex() + 1)
        if kind == "quarter":
            return Period.quarter(year, self.part.currentIndex() + 1)
        return Period.year(year)

    def current_filter(self) -> FigureFilter:
        caseworker = self.who.currentData()
        return FigureFilter(caseworker) if isinstance(caseworker, int) else EVERYONE

    def _people_loaded(self, people: list[CaseworkerView]) -> None:
        self.who.blockSignals(True)
        for person in people:
            self.who.addItem(person.name, person.id)
        self.who.blockSignals(False)

    def load(self, *_args: object) -> None:
        if self.part.count() == 0 and self.kind.currentData() != "year":
            return
        self.message.show_message(None)
        Operation(
            self,
            figures_export.figures_table,
            self._store,
            self.period(),
            self._today(),
            self.current_filter(),
        ).latest("figures").success(self._loaded).run()
        Operation(
            self, figures.flow_history, self._store, self.period(), 12, self.current_filter()
        ).latest("history").success(self.history.show_history).run()

    def chosen_group(self) -> str:
        """The chosen target group's code; TOTAL for all groups."""
        code = self.group.currentData()
        return code if isinstance(code, str) else TOTAL

    def _list_groups(self, table: FiguresTable) -> None:
        """The period's target groups to choose from, the chosen one kept while present."""
        chosen = self.chosen_group()
        self.group.blockSignals(True)
        while self.group.count() > 1:
            self.group.removeItem(1)
        for code, label in zip(table.codes, table.columns, strict=True):
            if code != TOTAL:
                self.group.addItem(label, code)
                self.group.setItemData(self.group.count() - 1, label, Qt.ItemDataRole.ToolTipRole)
        self.group.setCurrentIndex(max(0, self.group.findData(chosen)))
        metrics = self.group.fontMetrics()
        longest = max(
            metrics.horizontalAdvance(self.group.itemText(i)) for i in range(self.group.count())
        )
        self.group.view().setMinimumWidth(longest + 24)
        self.group.setMaximumWidth(longest + 56)  # room for the arrow
        self.group.blockSignals(False)

    def show_group(self, *_args: object) -> None:
        """Only the chosen group's column beside the total (hidden, so a cell's index and
        its drill-down stay the same), and its 12 months; every column for all groups."""
        chosen = self.chosen_group()
        codes = self.table_data.codes if self.table_data is not None else ()
        for column, code in enumerate(codes, start=1):
            self.view.setColumnHidden(column, chosen not in (TOTAL, code) and code != TOTAL)
        label = self.group.currentText() if chosen != TOTAL else ""
        self.group.setToolTip(f"{label}\n\n{self.group_about}" if label else self.group_about)
        self.history.show_group(chosen, label)
        if self.drilled is not None and self.view.isColumnHidden(self.drilled):
            self._clear_people()  # the young people of a column no longer shown

    def _loaded(self, table: FiguresTable) -> None:
        self.table_data = table
        self.drilled = None
        self.model.set_table(table)
        self._list_groups(table)
        self.show_group()
        self.definitions.setHtml(
            "".join(
                f"<h3>{escape(row.label.strip())}</h3><p>{escape(row.definition)}</p>"
                for row in table.rows
                if row.definition
            )
        )
        # Every heading in full (a target group's label over up to three lines), and the
        # total's "x af y (…)".
        self.view.resizeColumnsToContents()
        self._clear_people()

    def _clear_people(self) -> None:
        self.drilled = None
        self.people.replace_rows([])
        self.people_title.setText(
            self.tr("Double-click a number to see the young people behind it.")
        )

    def show_people(self, index: QModelIndex) -> None:
        members = self.model.members(index)
        if not members or self.table_data is None:
            return
        row = self.model.rows[index.row()]
        column = self.model.columns[index.column() - 1]
        what = f"{row.label.strip()}, {column}, {self.table_data.period.label}"
        self.people_title.setText(what)
        self.drilled = index.column()
        Operation(self, figures.people_behind, self._store, members, what).latest("people").success(
            partial(self._people_behind, index.column())
        ).run()

    def _people_behind(self, column: int, people: list[PersonBehind]) -> None:
        """The young people behind a number, unless its column was hidden meanwhile."""
        if self.drilled == column:
            self.people.replace_rows(people)

    def _open_person(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(self.people.rows[index.row()].youth_id)

    def ask_path(self, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the figures"), suggested, self.tr("Spreadsheet (*.xlsx)")
        )
        return path

    def save_xlsx(self) -> None:
        period = self.period()
        self._save(
            figures_export.write_figures_xlsx,
            period,
            self.ask_path(f"ledelsestal-{period.label}.xlsx"),
        )

    def _save(self, write: Callable[..., Path], period: Period, path: str) -> None:
        """Write the period's figures with ``write`` (workbook or report) where chosen."""
        if not path:
            return
        self.notice.show_message(None)
        Operation(
            self, write, self._store, period, Path(path), self._today(), self.current_filter()
        ).success(self._saved).run()

    def ask_report_path(self, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the report"), suggested, self.tr("PDF (*.pdf)")
        )
        return path

    def save_report(self) -> None:
        from ungedesk.services import figures_report

        period = self.period()
        self._save(
            figures_report.write_report_pdf,
            period,
            self.ask_report_path(f"ledelsestal-{period.label}.pdf"),
        )

    def _saved(self, path: Path) -> None:
        self.notice.show_message(self.tr("The figures are saved as %1.").replace("%1", path.name))

    def ask_team_file_path(self, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save figures for the leader"),
            suggested,
            self.tr("Figures for the leader (*.json)"),
        )
        return path

    def save_team_file(self) -> None:
        """The period's counts for the whole store, small ones hidden below the
        municipality's threshold (Settings), signed, where the caseworker chooses."""
        period = self.period()
        # The period only: a file name must not say whose figures they are.
        path = self.ask_team_file_path(f"tal-til-lederen-{period.label}.json")
        if not path:
            return
        self.notice.show_message(None)
        self.message.show_message(None)
        Operation(self, figures_share.export_file, self._store, period, Path(path)).success(
            self._team_file_saved
        ).run()

    def _team_file_saved(self, path: Path) -> None:
        self.notice.show_message(
            self.tr(
                "The figures for the leader are saved as %1. Send the file to your leader; "
                "it holds counts only."
            ).replace("%1", path.name)
        )

    def open_team(self) -> TeamFiguresDialog:
        from ungedesk.ui.figures.team_dialog import TeamFiguresDialog

        if self.team_dialog is not None and shiboken6.isValid(self.team_dialog):
            self.team_dialog.raise_()
            self.team_dialog.activateWindow()
            return self.team_dialog
        dialog = TeamFiguresDialog(self._store, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.team_dialog = dialog
        dialog.open()
        return dialog
