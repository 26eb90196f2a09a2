"""An editable list as a small table, for forms that hold a few rows of plain values
(the plan's sub-goals, interventions, applications and contacts).

Typing starts editing a cell, Tab leaves the table (it would otherwise walk every cell of a
long form), Delete empties a cell where the column allows it. Columns are text, dates (an
empty date shows as a dash) or a choice among labelled values; errors are shown per cell.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from functools import partial
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ungedesk.ui.i18n import format_day
from ungedesk.ui.widgets import HINT_STYLE, DateField, MessageLabel

_Index = QModelIndex | QPersistentModelIndex

# The earliest date a plan field can hold; the field shows it as "not set".
NO_DATE = QDate(2000, 1, 1)
ERROR_BACKGROUND = QColor("#fde7ea")


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class OptionalDateField(DateField):
    """A date that may be empty: the earliest date stands for "not set" and shows as a
    dash. Delete empties it; the arrow keys on an empty field start from today."""

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.setDisplayFormat("dd-MM-yyyy")
        self.setCalendarPopup(True)
        self.setMinimumDate(NO_DATE)
        self.setMaximumDate(QDate(2100, 12, 31))
        self.setSpecialValueText("–")
        self.setDate(NO_DATE)

    def value(self) -> date | None:
        if self.date() == NO_DATE:
            return None
        day = self.date().toPython()
        assert isinstance(day, date)
        return day

    def set_value(self, day: date | None) -> None:
        self.setDate(NO_DATE if day is None else qdate(day))

    def stepBy(self, steps: int) -> None:
        if self.date() == NO_DATE:
            self.setDate(qdate(self._today()))
            return
        super().stepBy(steps)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Delete empties the whole date (a date without its day means nothing here);
        # Backspace still corrects the part being typed.
        if event.key() == Qt.Key.Key_Delete or (
            event.key() == Qt.Key.Key_Backspace
            and (self.date() == NO_DATE or self.lineEdit().selectedText() == self.text())
        ):
            self.setDate(NO_DATE)
            return
        if self.date() == NO_DATE and event.text().isdigit():
            # Typing into the dash: start from today so the typed digits replace a date.
            self.setDate(qdate(self._today()))
            self.setSelectedSection(QDateTimeEdit.Section.DaySection)
        super().keyPressEvent(event)


class Kind(Enum):
    TEXT = "text"
    DATE = "date"
    CHOICE = "choice"


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    title: str
    kind: Kind = Kind.TEXT
    choices: tuple[tuple[str, object], ...] = ()
    optional: bool = True  # a date or choice may be empty
    sample: str = ""  # typical content, for the column's width

    def show(self, value: object) -> str:
        if value is None or value == "":
            return ""
        if self.kind is Kind.DATE:
            assert isinstance(value, date)
            return format_day(value)
        if self.kind is Kind.CHOICE:
            return next((label for label, v in self.choices if v == value), str(value))
        return str(value)


class ListModel(QAbstractTableModel):
    """Rows of plain values, one per column, edited in place; errors per cell."""

    edited = Signal()

    def __init__(
        self,
        columns: Sequence[Column],
        new_row: Callable[[], list[object]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._new_row = new_row
        self.rows: list[list[object]] = []
        self.errors: dict[tuple[int, int], str] = {}
        self.read_only = False

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title
        return str(section + 1)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.read_only:
            return base
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        value = self.rows[index.row()][index.column()]
        column = self.columns[index.column()]
        error = self.errors.get((index.row(), index.column()))
        if role == Qt.ItemDataRole.DisplayRole:
            return column.show(value)
        if role == Qt.ItemDataRole.EditRole:
            return value
        if role == Qt.ItemDataRole.ToolTipRole:
            return error or column.show(value) or None
        if role == Qt.ItemDataRole.BackgroundRole and error:
            return QBrush(ERROR_BACKGROUND)
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or self.read_only:
            return False
        row, col = index.row(), index.column()
        column = self.columns[col]
        if value is None and not column.optional:
            return False
        if self.rows[row][col] == value:
            return False
        self.rows[row][col] = value
        self.errors.pop((row, col), None)
        self.dataChanged.emit(index, index)
        self.edited.emit()
        return True

    def value(self, row: int, key: str) -> Any:
        return self.rows[row][self.column_of(key)]

    def column_of(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)

    def set_rows(self, rows: list[list[object]]) -> None:
        self.beginResetModel()
        self.rows = [list(r) for r in rows]
        self.errors = {}
        self.endResetModel()

    def add_row(self) -> int:
        row = len(self.rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self.rows.append(self._new_row())
        self.endInsertRows()
        self.edited.emit()
        return row

    def remove_row(self, row: int) -> None:
        if not 0 <= row < len(self.rows):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.rows[row]
        # Errors were keyed by row number: the remaining ones no longer line up.
        self.errors = {}
        self.endRemoveRows()
        self.edited.emit()

    def set_errors(self, errors: dict[tuple[int, int], str]) -> None:
        self.errors = dict(errors)
        if self.rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.rows) - 1, len(self.columns) - 1)
            )


_RETURN_SEEN = "ungedeskReturnSeen"


class _ReturnSeen(QObject):
    """Marks a Return that reached the editor through the event filters."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            watched.setProperty(_RETURN_SEEN, True)
        return False


class ListDelegate(QStyledItemDelegate):
    """Editors by column kind: a line, a date (Tab leaves it) or a choice."""

    def __init__(self, model: ListModel, today: Callable[[], date], parent: QWidget) -> None:
        super().__init__(parent)
        self._model = model
        self._today = today
        # Per column key: words a text cell's editor suggests as one types.
        self.completions: dict[str, list[str]] = {}

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        column = self._model.columns[index.column()]
        if column.kind is Kind.DATE:
            return OptionalDateField(self._today, parent)
        if column.kind is Kind.CHOICE:
            combo = QComboBox(parent)
            for label, _value in column.choices:
                combo.addItem(label)
            return combo
        line = QLineEdit(parent)
        line.setFrame(False)
        words = self.completions.get(column.key)
        if words:
            # Picks from a list (the offers catalogue) while free text stays possible.
            completer = QCompleter(words, line)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            line.setCompleter(completer)
            # With its popup open, the completer hands Return to the line edit directly,
            # past every event filter, so this delegate never commits: do it here then.
            # A Return delivered the normal way is seen by _ReturnSeen and left to the
            # delegate (which commits it, queued).
            line.installEventFilter(_ReturnSeen(line))
            line.returnPressed.connect(partial(self._finish, line))
        return line

    def _finish(self, line: QLineEdit) -> None:
        if line.property(_RETURN_SEEN):
            line.setProperty(_RETURN_SEEN, False)
            return
        self.commitData.emit(line)
        self.closeEditor.emit(line, QAbstractItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        column = self._model.columns[index.column()]
        value = self._model.rows[index.row()][index.column()]
        if isinstance(editor, OptionalDateField):
            editor.blockSignals(True)
            editor.set_value(value if isinstance(value, date) else None)
            if value is None:
                # An empty date opens on today: Enter takes it, typing replaces it, Esc
                # leaves the cell empty.
                editor.setDate(qdate(self._today()))
            editor.blockSignals(False)
        elif isinstance(editor, QComboBox):
            position = next((i for i, (_label, v) in enumerate(column.choices) if v == value), 0)
            editor.setCurrentIndex(position)
        elif isinstance(editor, QLineEdit):
            editor.setText("" if value is None else str(value))

    def setModelData(self, editor: QWidget, model: Any, index: _Index) -> None:
        column = self._model.columns[index.column()]
        if isinstance(editor, OptionalDateField):
            model.setData(index, editor.value())
        elif isinstance(editor, QComboBox):
            model.setData(index, column.choices[editor.currentIndex()][1])
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text())


class ListTable(QTableView):
    """Tab leaves the table (it would otherwise walk every cell of a long form); Delete
    empties the current cell where the column allows it."""

    def __init__(self, model: ListModel, today: Callable[[], date]) -> None:
        super().__init__()
        self.list_model = model
        self.setModel(model)
        self.delegate = ListDelegate(model, today, self)
        self.setItemDelegate(self.delegate)
        self.setTabKeyNavigation(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setAlternatingRowColors(True)
        # The form scrolls, not the table: it is as tall as its rows and its first column
        # takes the width that is left.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.horizontalHeader()
        metrics = self.fontMetrics()
        for i, column in enumerate(model.columns):
            sample = column.sample or column.title
            width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(column.title))
            self.setColumnWidth(i, width + 28)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(48)
        self._fit_height()
        model.rowsInserted.connect(self._fit_height)
        model.rowsRemoved.connect(self._fit_height)
        model.modelReset.connect(self._fit_height)

    def _fit_height(self) -> None:
        # The form scrolls as a whole: the table shows all its rows, with room for one
        # empty row so an empty list still reads as a table.
        rows = max(1, self.list_model.rowCount())
        height = (
            self.horizontalHeader().sizeHint().height()
            + rows * self.verticalHeader().defaultSectionSize()
            + 2 * self.frameWidth()
        )
        self.setFixedHeight(height)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        if (
            event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and index.isValid()
            and self.state() != QAbstractItemView.State.EditingState
            and not self.list_model.read_only
        ):
            column = self.list_model.columns[index.column()]
            self.list_model.setData(index, None if column.kind is not Kind.TEXT else "")
            return
        super().keyPressEvent(event)


class ListSection(QWidget):
    """A table with its add and remove buttons and the messages for its rows."""

    def __init__(
        self,
        name: str,
        model: ListModel,
        today: Callable[[], date],
        add_text: str,
        empty_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.name = name
        self.model = model
        self.table = ListTable(model, today)
        self.add_button = QPushButton(add_text)
        self.add_button.setAutoDefault(False)
        self.remove_button = QPushButton(self.tr("Remove row"))
        self.remove_button.setAutoDefault(False)
        self.empty = QLabel(empty_text)
        self.empty.setStyleSheet(HINT_STYLE)
        self.empty.setWordWrap(True)
        self.errors = MessageLabel()
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        layout.addWidget(self.errors)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        model.rowsInserted.connect(self._update)
        model.rowsRemoved.connect(self._update)
        model.modelReset.connect(self._update)
        self._update()

    def add(self) -> None:
        row = self.model.add_row()
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.setFocus()
        self.table.edit(index)

    def remove(self) -> None:
        index = self.table.currentIndex()
        row = index.row() if index.isValid() else self.model.rowCount() - 1
        self.model.remove_row(row)
        self.errors.show_message(None)

    def set_read_only(self, read_only: bool) -> None:
        self.model.read_only = read_only
        self.add_button.setVisible(not read_only)
        self.remove_button.setVisible(not read_only)

    def _update(self) -> None:
        has = self.model.rowCount() > 0
        self.empty.setVisible(not has)
        self.table.setVisible(has)
        self.remove_button.setEnabled(has)

    def show_errors(self, errors: dict[str, str]) -> None:
        """Errors keyed ``<row>.<field>`` (the list's prefix taken off)."""
        cells: dict[tuple[int, int], str] = {}
        lines: list[str] = []
        for key, message in sorted(errors.items(), key=lambda kv: _row_key(kv[0])):
            row_text, _, field = key.partition(".")
            try:
                row = int(row_text)
            except ValueError:
                lines.append(message)
                continue
            column = next((i for i, c in enumerate(self.model.columns) if c.key == field), 0)
            cells[(row, column)] = message
            lines.append(self.tr("Row {row}: {message}").format(row=row + 1, message=message))
        self.model.set_errors(cells)
        self.errors.show_message("\n".join(lines) or None)


def _row_key(key: str) -> tuple[int, str]:
    head, _, rest = key.partition(".")
    return (int(head), rest) if head.isdigit() else (-1, key)


def choices(labels: dict[Any, str], *, empty: str | None = None) -> tuple[tuple[str, object], ...]:
    result: list[tuple[str, object]] = []
    if empty is not None:
        result.append((empty, None))
    result.extend((label, value) for value, label in labels.items())
    return tuple(result)
