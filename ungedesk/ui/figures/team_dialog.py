"""Teamets tal: the leader adds the figures files the team's caseworkers saved ("Gem tal til
lederen…") and sees them added up per target group, with the period and the number of
files. A count hidden in a file (a small one) makes the sum a floor, shown as "mindst N".

Every file is checked before any is used (services.figures_share): a changed file, one
UngeDesk twice, another period or anything but a figures file is refused with the file's
name, and nothing is shown merged. The merge and the workbook are operations."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ungedesk.domain.errors import KnownError
from ungedesk.domain.figures_file import Merged
from ungedesk.services import team_figures_export
from ungedesk.services.team_figures_export import TeamRow, TeamTable
from ungedesk.store.database import Store
from ungedesk.ui.figures.view import short_heading
from ungedesk.ui.i18n import format_number
from ungedesk.ui.operations import Operation
from ungedesk.ui.rows_model import Index, RowsModel
from ungedesk.ui.widgets import GOOD_STYLE, HINT_STYLE, MessageLabel, name_table


class TeamModel(RowsModel[TeamRow]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns: tuple[str, ...] = ()

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Figure"), *self.columns)

    def set_table(self, table: TeamTable | None) -> None:
        self.beginResetModel()
        self.columns = table.columns if table is not None else ()
        self.rows = list(table.rows) if table is not None else []
        self.endResetModel()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or section == 0:
            return super().headerData(section, orientation, role)
        label = self.columns[section - 1]
        if role == Qt.ItemDataRole.ToolTipRole:
            return label
        if role == Qt.ItemDataRole.DisplayRole:
            return short_heading(label)
        return None

    def cell_text(self, cell: Merged) -> str:
        if cell.suppressed:
            return self.tr("at least %1").replace("%1", format_number(cell.floor))
        return format_number(cell.value)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        cell = row.cells[column - 1] if column > 0 else None
        if role == Qt.ItemDataRole.DisplayRole:
            return row.label if cell is None else self.cell_text(cell)
        if role == Qt.ItemDataRole.ToolTipRole and cell is not None and cell.suppressed:
            return self.tr(
                "Hidden as a small count in %1 of the files; each counts as 1 here, so the "
                "true sum is at least this."
            ).replace("%1", format_number(cell.suppressed))
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None


class TeamFiguresDialog(QDialog):
    merged = Signal(object)  # TeamTable: the chosen files added up
    refused = Signal(str)  # why the chosen files could not be added up (Danish)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.paths: list[Path] = []
        self.table_data: TeamTable | None = None
        self.setWindowTitle(self.tr("The team's figures"))
        self.resize(1180, 640)

        intro = QLabel(
            self.tr(
                'Add the figures files your caseworkers saved with "Save figures for the '
                'leader…". They are checked and added up: counts only, nothing about any '
                "young person."
            )
        )
        intro.setWordWrap(True)
        intro.setStyleSheet(HINT_STYLE)
        self.files = QListWidget()
        name_table(
            self.files,
            self.tr("Chosen files"),
            self.tr("The figures files added up below; Delete removes the chosen file."),
        )
        self.files.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.files.setMaximumHeight(110)
        self.add_button = QPushButton(self.tr("&Add files…"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.choose_files)
        self.remove_button = QPushButton(self.tr("&Remove file"))
        self.remove_button.setAutoDefault(False)
        self.remove_button.setEnabled(False)
        self.remove_button.clicked.connect(self.remove_selected)
        self.files.itemSelectionChanged.connect(self._selection_changed)
        remove_key = QAction(self.files)
        remove_key.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        remove_key.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        remove_key.triggered.connect(self.remove_selected)
        self.files.addAction(remove_key)
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        files_row = QHBoxLayout()
        files_row.addWidget(self.files, 1)
        files_row.addLayout(buttons)

        self.summary = QLabel()
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        self.empty = QLabel(
            self.tr(
                "No files yet. Ask each caseworker to open Young people › Management figures, "
                'choose the period and press "Save figures for the leader…", and to send '
                'you the file. Then add the files here with "Add files…".'
            )
        )
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.message = MessageLabel()
        self.model = TeamModel(self)
        self.view = QTableView()
        name_table(
            self.view,
            self.tr("The team's figures"),
            self.tr(
                "Each figure per target group and in total, added up over the files; "
                '"at least" where a file hid a small count.'
            ),
        )
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.at_least = QLabel(
            self.tr(
                '"at least": one or more files hid a small count here so that no young '
                "person can be recognised. Each hidden count is counted as 1, so the true "
                "sum is at least the number shown."
            )
        )
        self.at_least.setWordWrap(True)
        self.at_least.setStyleSheet(HINT_STYLE)

        self.save_button = QPushButton(self.tr("Save as &spreadsheet…"))
        self.save_button.setAutoDefault(False)
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save_xlsx)
        self.notice = MessageLabel(GOOD_STYLE)
        close = QPushButton(self.tr("&Close"))
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.notice, 1)
        bottom.addStretch(1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(files_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        # One of: what to do (no files), the table, or nothing (a file refused: the
        # message above says which).
        self.body = QStackedWidget()
        self.body.addWidget(self.empty)
        self.body.addWidget(self.view)
        self.body.addWidget(QWidget())
        layout.addWidget(self.body, 1)
        layout.addWidget(self.at_least)
        layout.addLayout(bottom)
        self._show_table(None)
        self.add_button.setFocus()

    # --- the chosen files -----------------------------------------------------------------

    def ask_files(self) -> list[str]:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add figures files"),
            "",
            self.tr("Figures for the leader (*.json);;All files (*)"),
        )
        return names

    def choose_files(self) -> None:
        self.add_files([Path(name) for name in self.ask_files()])

    def add_files(self, paths: list[Path]) -> None:
        """Add files to the chosen ones (a file chosen twice counts once) and merge."""
        known = {p.resolve() for p in self.paths}
        new = [p for p in paths if p.resolve() not in known]
        if not new:
            return
        self.paths.extend(new)
        for path in new:
            self.files.addItem(path.name)
            self.files.item(self.files.count() - 1).setToolTip(str(path))
        self.merge()

    def remove_selected(self) -> None:
        rows = sorted((self.files.row(item) for item in self.files.selectedItems()), reverse=True)
        if not rows:
            return
        for row in rows:
            self.files.takeItem(row)
            del self.paths[row]
        self.merge()

    def _selection_changed(self) -> None:
        self.remove_button.setEnabled(bool(self.files.selectedItems()))

    # --- merging --------------------------------------------------------------------------

    def merge(self) -> None:
        self.message.show_message(None)
        self.notice.show_message(None)
        if not self.paths:
            self._show_table(None)
            return
        self.summary.setText(self.tr("Checking the files…"))
        Operation(self, team_figures_export.team_table, list(self.paths)).latest("team").success(
            self._merged
        ).failure(self._refused).run()

    def _merged(self, table: TeamTable) -> None:
        self._show_table(table)
        self.merged.emit(table)

    def _refused(self, error: KnownError) -> None:
        self._show_table(None)
        self.summary.setText(self.tr("Nothing is added up: a file cannot be used."))
        self.message.show_message(error.message)
        self.refused.emit(error.message)

    def _show_table(self, table: TeamTable | None) -> None:
        self.table_data = table
        self.model.set_table(table)
        shown = table is not None
        self.body.setCurrentIndex(1 if shown else 0 if not self.paths else 2)
        self.at_least.setVisible(table is not None and table.any_suppressed)
        self.save_button.setEnabled(shown)
        if table is None:
            self.summary.setText("")
            return
        self.summary.setText(
            self.tr("Period %1 · %2 files")
            .replace("%1", table.period)
            .replace("%2", format_number(table.files))
            if table.files != 1
            else self.tr("Period %1 · 1 file").replace("%1", table.period)
        )
        # Every heading in full (a target group's label over up to three lines).
        self.view.resizeColumnsToContents()

    # --- the workbook ---------------------------------------------------------------------

    def ask_path(self, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the team's figures"), suggested, self.tr("Spreadsheet (*.xlsx)")
        )
        return path

    def save_xlsx(self) -> None:
        table = self.table_data
        if table is None:
            return
        path = self.ask_path(f"teamets-tal-{table.period}.xlsx")
        if not path:
            return
        self.notice.show_message(None)
        self.message.show_message(None)
        Operation(
            self, team_figures_export.write_team_xlsx, self._store, table, Path(path)
        ).success(self._saved).run()

    def _saved(self, path: Path) -> None:
        self.notice.show_message(
            self.tr("The team's figures are saved as %1.").replace("%1", path.name)
        )

    def show_known_error(self, error: KnownError) -> None:
        self.notice.show_message(None)
        self.message.show_message(error.message)
