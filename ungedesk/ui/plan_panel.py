"""The record's "Plan" tab: the education plan as one scrollable form in sections, with
saving, handing out a frozen version and the young person's PDF.

Lists (sub-goals, interventions, applications, contacts) are small editable tables: typing
starts editing a cell, Tab leaves the table, Delete empties a cell. The areas beyond
education and work (health, housing, family) stay disabled until the young person's
consent covering them is registered.
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QProcess,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QDesktopServices,
    QKeyEvent,
    QKeySequence,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ungedesk.domain.errors import InputError, KnownError
from ungedesk.domain.plan import (
    APPLICATION_LABELS,
    CONSENT_FIELDS,
    CONSENT_LABELS,
    CONTACT_ROLE_LABELS,
    GOAL_TYPE_LABELS,
    OWNER_LABELS,
    SUBGOAL_STATUS_LABELS,
    Application,
    ApplicationKind,
    ConsentScope,
    Contact,
    ContactRole,
    GoalType,
    Intervention,
    PlanContent,
    Subgoal,
    SubgoalOwner,
    SubgoalStatus,
)
from ungedesk.domain.progression import INDICATOR_LABELS
from ungedesk.services import access, plan_pdf
from ungedesk.services import plan as plan_service
from ungedesk.services.audit import Action
from ungedesk.services.plan import ConsentView, PlanDraft
from ungedesk.store.database import Store
from ungedesk.ui import tasks
from ungedesk.ui.dates import format_when_long
from ungedesk.ui.i18n import format_day
from ungedesk.ui.widgets import (
    ERROR_STYLE,
    GOOD_STYLE,
    HINT_STYLE,
    WARNING_STYLE,
    BusyBar,
    DateField,
    MessageLabel,
    add_row,
)

_Index = QModelIndex | QPersistentModelIndex

# The earliest date a plan field can hold; the field shows it as "not set".
NO_DATE = QDate(2000, 1, 1)
ERROR_BACKGROUND = QColor("#fde7ea")


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pdf_bytes(
    store: Store, youth_id: int, version: int | None, today: date, now: datetime
) -> bytes:
    """On the worker: the young person's PDF in memory (the preview and printing never
    write it to disk, where it would lie unencrypted)."""
    handout = plan_service.handout(store, youth_id, version=version, today=today, now=now)
    return plan_pdf.render_handout(handout)


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


# --- editable lists ------------------------------------------------------------------------


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


class ListDelegate(QStyledItemDelegate):
    """Editors by column kind: a line, a date (Tab leaves it) or a choice."""

    def __init__(self, model: ListModel, today: Callable[[], date], parent: QWidget) -> None:
        super().__init__(parent)
        self._model = model
        self._today = today

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
        return line

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
        self.setItemDelegate(ListDelegate(model, today, self))
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


def _choices(labels: dict[Any, str], *, empty: str | None = None) -> tuple[tuple[str, object], ...]:
    result: list[tuple[str, object]] = []
    if empty is not None:
        result.append((empty, None))
    result.extend((label, value) for value, label in labels.items())
    return tuple(result)


# --- the panel -----------------------------------------------------------------------------


def _text_edit(lines: int = 3) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 16)
    return edit


def _value() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


TEXT_FIELDS = (
    "short_term_goals",
    "long_term_goals",
    "own_wishes",
    "challenges",
    "health",
    "housing",
    "family",
)


class PlanPanel(QWidget):
    changed = Signal()  # saved or handed out
    dirty_changed = Signal(bool)

    def __init__(
        self,
        store: Store,
        youth_id: int,
        today: Callable[[], date],
        now: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._youth_id = youth_id
        self._today = today
        self._now = now
        self._filling = False
        self.loaded = False
        self.loads = 0  # answers received: tests wait for the next one
        self.saves = 0
        self.dirty = False
        self.draft: PlanDraft | None = None
        self.dialog: QWidget | None = None
        self._after_save: Callable[[], None] | None = None
        self._after_write: Callable[[Path], None] | None = None
        self._pdf_use: Callable[[bytes], None] | None = None
        self._context_message = ""

        # Goal
        self.goal_type = QComboBox()
        self.goal_type.addItem(self.tr("Not chosen yet"), "")
        for goal, label in GOAL_TYPE_LABELS.items():
            self.goal_type.addItem(label, goal.value)
        self.programme = QLineEdit()
        self.programme.setPlaceholderText(self.tr("e.g. Social- og sundhedshjælper"))
        self.school = QLineEdit()
        self.school.setPlaceholderText(self.tr("e.g. SOSU Nord, Aalborg"))
        self.goal_start = OptionalDateField(today)
        self.short_term_goals = _text_edit()
        self.long_term_goals = _text_edit()
        self.own_wishes = _text_edit(4)
        self.own_wishes.setPlaceholderText(
            self.tr("What the young person wants, in their own words.")
        )
        self.challenges = _text_edit(3)
        self.health = _text_edit()
        self.housing = _text_edit()
        self.family = _text_edit()
        self.texts: dict[str, QPlainTextEdit] = {name: getattr(self, name) for name in TEXT_FIELDS}
        self.field_errors: dict[str, MessageLabel] = {
            name: MessageLabel()
            for name in ("goal_type", "programme", "school", "goal_start", *TEXT_FIELDS)
        }

        goal_box = QGroupBox(self.tr("Goals"))
        goal_form = QFormLayout(goal_box)
        goal_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        add_row(
            goal_form, self.tr("Education &goal"), self.goal_type, self.field_errors["goal_type"]
        )
        add_row(
            goal_form,
            self.tr("Programme or &job"),
            self.programme,
            self.field_errors["programme"],
        )
        add_row(
            goal_form, self.tr("S&chool or workplace"), self.school, self.field_errors["school"]
        )
        start_hint = QLabel(self.tr("Empty: not known yet. Delete empties the date."))
        start_hint.setStyleSheet(HINT_STYLE)
        add_row(
            goal_form,
            self.tr("S&tart"),
            self.goal_start,
            start_hint,
            self.field_errors["goal_start"],
        )
        add_row(
            goal_form,
            self.tr("Short-term goals"),
            self.short_term_goals,
            self.field_errors["short_term_goals"],
        )
        add_row(
            goal_form,
            self.tr("Long-term goals"),
            self.long_term_goals,
            self.field_errors["long_term_goals"],
        )

        words_box = QGroupBox(self.tr("The young person's own words"))
        words_form = QFormLayout(words_box)
        words_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        add_row(
            words_form, self.tr("Own &wishes"), self.own_wishes, self.field_errors["own_wishes"]
        )
        add_row(
            words_form,
            self.tr("Challenges and needs"),
            self.challenges,
            self.field_errors["challenges"],
        )

        # Lists
        indicator_choices = _choices(INDICATOR_LABELS, empty=self.tr("None"))
        self.subgoals_model = ListModel(
            (
                Column("text", self.tr("Sub-goal"), sample="Søge optagelse på SOSU-skolen"),
                Column("due", self.tr("Due"), Kind.DATE, sample="30. nov. 2026"),
                Column(
                    "owner",
                    self.tr("Who"),
                    Kind.CHOICE,
                    _choices(OWNER_LABELS),
                    optional=False,
                    sample="UU-vejleder",
                ),
                Column("owner_name", self.tr("Name"), sample="Mette Holm"),
                Column(
                    "status",
                    self.tr("Status"),
                    Kind.CHOICE,
                    _choices(SUBGOAL_STATUS_LABELS),
                    optional=False,
                    sample="Planlagt",
                ),
                Column(
                    "indicator",
                    self.tr("Indicator"),
                    Kind.CHOICE,
                    indicator_choices,
                    sample="Mødestabilitet",
                ),
            ),
            lambda: ["", None, SubgoalOwner.YOUTH, "", SubgoalStatus.PLANNED, None],
            self,
        )
        self.interventions_model = ListModel(
            (
                Column("name", self.tr("Intervention"), sample="Virksomhedspraktik"),
                Column("provider", self.tr("Provider"), sample="Netto, Vestergade"),
                Column("starts_on", self.tr("From"), Kind.DATE, sample="30. nov. 2026"),
                Column("ends_on", self.tr("To"), Kind.DATE, sample="30. nov. 2026"),
                Column("purpose", self.tr("Purpose"), sample="Afprøve butiksarbejde"),
            ),
            lambda: ["", "", None, None, ""],
            self,
        )
        self.applications_model = ListModel(
            (
                Column("place", self.tr("School or workplace"), sample="SOSU Nord, Aalborg"),
                Column(
                    "kind",
                    self.tr("What"),
                    Kind.CHOICE,
                    _choices(APPLICATION_LABELS),
                    optional=False,
                    sample="Kontakt til skole/arbejdsplads",
                ),
                Column("on", self.tr("Date"), Kind.DATE, optional=False, sample="30. nov. 2026"),
                Column("note", self.tr("Note"), sample="Svar i januar"),
            ),
            lambda: ["", ApplicationKind.APPLICATION, self._today(), ""],
            self,
        )
        self.contacts_model = ListModel(
            (
                Column("name", self.tr("Name"), sample="Mette Holm Andersen"),
                Column(
                    "role",
                    self.tr("Role"),
                    Kind.CHOICE,
                    _choices(CONTACT_ROLE_LABELS),
                    optional=False,
                    sample="Tværfagligt team",
                ),
                Column("title", self.tr("Title"), sample="Mentor"),
                Column("phone", self.tr("Phone"), sample="12 34 56 78"),
                Column("email", self.tr("E-mail"), sample="mette@kommune.dk"),
            ),
            lambda: ["", ContactRole.CONTACT_PERSON, "", "", ""],
            self,
        )
        self.subgoals = ListSection(
            "subgoals",
            self.subgoals_model,
            today,
            self.tr("Add sub-&goal"),
            self.tr("No sub-goals yet: small steps with a date and who does what."),
        )
        self.interventions = ListSection(
            "interventions",
            self.interventions_model,
            today,
            self.tr("Add &intervention"),
            self.tr("No interventions or offers yet."),
        )
        self.applications = ListSection(
            "applications",
            self.applications_model,
            today,
            self.tr("Add a&pplication or contact"),
            self.tr("No applications sent or schools contacted yet."),
        )
        self.contacts = ListSection(
            "contacts",
            self.contacts_model,
            today,
            self.tr("Add contact &person"),
            self.tr("No contact person or team members yet."),
        )
        self.lists: dict[str, ListSection] = {
            s.name: s for s in (self.subgoals, self.interventions, self.applications, self.contacts)
        }

        subgoals_box = QGroupBox(self.tr("Sub-goals"))
        QVBoxLayout(subgoals_box).addWidget(self.subgoals)
        interventions_box = QGroupBox(self.tr("Interventions and offers"))
        QVBoxLayout(interventions_box).addWidget(self.interventions)
        applications_box = QGroupBox(self.tr("Applications and contacts"))
        QVBoxLayout(applications_box).addWidget(self.applications)

        # People: from the case and the conversations, read-only here.
        self.coordinator = _value()
        self.next_meeting = _value()
        people_box = QGroupBox(self.tr("Contact persons and team"))
        people_layout = QVBoxLayout(people_box)
        people_form = QFormLayout()
        people_form.addRow(self.tr("Coordinating caseworker"), self.coordinator)
        people_form.addRow(self.tr("Next meeting"), self.next_meeting)
        people_hint = QLabel(
            self.tr(
                "The caseworker comes from the basic data and the next meeting from the "
                "Conversations tab."
            )
        )
        people_hint.setStyleSheet(HINT_STYLE)
        people_hint.setWordWrap(True)
        people_layout.addLayout(people_form)
        people_layout.addWidget(people_hint)
        people_layout.addWidget(self.contacts)

        # Consent areas
        self.consent_state = _value()
        self.consent_button = QPushButton(self.tr("&Register consent…"))
        self.consent_button.setAutoDefault(False)
        self.withdraw_button = QPushButton(self.tr("Withdraw consent…"))
        self.withdraw_button.setAutoDefault(False)
        self.consent_hints: dict[str, QLabel] = {}
        consent_box = QGroupBox(self.tr("Health, housing and family"))
        consent_layout = QVBoxLayout(consent_box)
        consent_intro = QLabel(
            self.tr(
                "Beyond education and work the plan may only hold what the young person has "
                "consented to. The fields open when a consent covering them is registered."
            )
        )
        consent_intro.setWordWrap(True)
        consent_intro.setStyleSheet(HINT_STYLE)
        consent_buttons = QHBoxLayout()
        consent_buttons.addWidget(self.consent_button)
        consent_buttons.addWidget(self.withdraw_button)
        consent_buttons.addStretch(1)
        consent_layout.addWidget(consent_intro)
        consent_layout.addWidget(self.consent_state)
        consent_layout.addLayout(consent_buttons)
        consent_form = QFormLayout()
        consent_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        captions = {
            "health": self.tr("Health"),
            "housing": self.tr("Housing"),
            "family": self.tr("Family"),
        }
        for name in CONSENT_FIELDS:
            hint = QLabel()
            hint.setWordWrap(True)
            hint.setStyleSheet(WARNING_STYLE)
            self.consent_hints[name] = hint
            add_row(consent_form, captions[name], self.texts[name], hint, self.field_errors[name])
        consent_layout.addLayout(consent_form)

        content = QWidget()
        form_layout = QVBoxLayout(content)
        for box in (
            goal_box,
            words_box,
            subgoals_box,
            interventions_box,
            applications_box,
            people_box,
            consent_box,
        ):
            form_layout.addWidget(box)
        form_layout.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area.setWidget(content)

        # Actions
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setToolTip(self.tr("Ctrl+S"))
        self.hand_out_button = QPushButton(self.tr("&Hand out plan…"))
        self.hand_out_button.setToolTip(
            self.tr(
                "Freeze this plan as a version the young person gets. Later edits make a new draft."
            )
        )
        self.preview_button = QPushButton(self.tr("Show &PDF"))
        self.save_pdf_button = QPushButton(self.tr("Save PDF…"))
        self.print_button = QPushButton(self.tr("Print…"))
        self.send_button = QPushButton(self.tr("Send to…"))
        self.versions_button = QPushButton(self.tr("&Versions…"))
        self.dirty_label = QLabel(self.tr("● Unsaved changes"))
        self.dirty_label.setStyleSheet(WARNING_STYLE)
        self.dirty_label.hide()
        self.state_label = QLabel()
        self.state_label.setStyleSheet(HINT_STYLE)
        self.message = MessageLabel(GOOD_STYLE)
        self.error = MessageLabel(ERROR_STYLE)
        self.busy = BusyBar()
        top = QHBoxLayout()
        for button in (self.save_button, self.hand_out_button):
            top.addWidget(button)
        top.addSpacing(12)
        for button in (
            self.preview_button,
            self.save_pdf_button,
            self.print_button,
            self.send_button,
            self.versions_button,
        ):
            top.addWidget(button)
        top.addStretch(1)
        status = QHBoxLayout()
        status.addWidget(self.state_label)
        status.addSpacing(12)
        status.addWidget(self.dirty_label)
        status.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(status)
        layout.addWidget(self.message)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addWidget(self.scroll_area, 1)

        self.save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        self.save_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        # Lambdas: clicked(bool) would otherwise arrive as the optional argument.
        self.save_shortcut.activated.connect(lambda: self.save())
        self.save_button.clicked.connect(lambda: self.save())
        self.hand_out_button.clicked.connect(self.ask_hand_out)
        self.preview_button.clicked.connect(lambda: self.preview())
        self.save_pdf_button.clicked.connect(lambda: self.save_pdf())
        self.print_button.clicked.connect(lambda: self.print_plan())
        self.send_button.clicked.connect(lambda: self.send_to())
        self.versions_button.clicked.connect(self.open_versions)
        self.consent_button.clicked.connect(self.open_consent)
        self.withdraw_button.clicked.connect(self.open_withdraw)

        self.goal_type.currentIndexChanged.connect(self._edited)
        self.programme.textChanged.connect(self._edited)
        self.school.textChanged.connect(self._edited)
        self.goal_start.dateChanged.connect(self._edited)
        for edit in self.texts.values():
            edit.textChanged.connect(self._edited)
        for section in self.lists.values():
            section.model.edited.connect(self._edited)

        # Reading order, not creation order: the consent areas were made early but sit at
        # the bottom, and the action buttons sit on top.
        order: list[QWidget] = [
            self.save_button,
            self.hand_out_button,
            self.preview_button,
            self.save_pdf_button,
            self.print_button,
            self.send_button,
            self.versions_button,
            self.goal_type,
            self.programme,
            self.school,
            self.goal_start,
            self.short_term_goals,
            self.long_term_goals,
            self.own_wishes,
            self.challenges,
        ]
        for section in self.lists.values():
            order.extend((section.table, section.add_button, section.remove_button))
        order.extend((self.consent_button, self.withdraw_button, self.health, self.housing))
        order.append(self.family)
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)

        self._set_actions_enabled(False)
        self._apply_consent(frozenset())
        self._requested = False

    def showEvent(self, event: QShowEvent) -> None:
        # The plan is read (and the read logged, a special-category one when it holds
        # health) when the caseworker opens the tab, not whenever the record opens.
        super().showEvent(event)
        if not self._requested:
            self.reload()

    def today(self) -> date:
        return self._today()

    def now(self) -> datetime:
        return self._now()

    # --- loading -------------------------------------------------------------------------

    def reload(self) -> None:
        self._requested = True
        tasks.run_task(
            plan_service.get_plan,
            self._store,
            self._youth_id,
            now=self.now(),
            on_done=self._loaded,
            on_error=self._failed,
        )

    def _loaded(self, draft: PlanDraft) -> None:
        self.draft = draft
        self._fill(draft)
        self.loaded = True
        self.loads += 1

    def _fill(self, draft: PlanDraft) -> None:
        content: PlanContent = draft.content
        self._filling = True
        try:
            self.goal_type.setCurrentIndex(
                max(
                    0, self.goal_type.findData(content.goal_type.value if content.goal_type else "")
                )
            )
            self.programme.setText(content.programme)
            self.school.setText(content.school)
            self.goal_start.set_value(content.goal_start)
            for name, edit in self.texts.items():
                text = getattr(content, name)
                if edit.toPlainText() != text:
                    edit.setPlainText(text)
            self.subgoals_model.set_rows(
                [
                    [g.text, g.due, g.owner, g.owner_name, g.status, g.indicator]
                    for g in content.subgoals
                ]
            )
            self.interventions_model.set_rows(
                [
                    [i.name, i.provider, i.starts_on, i.ends_on, i.purpose]
                    for i in content.interventions
                ]
            )
            self.applications_model.set_rows(
                [[a.place, a.kind, a.on, a.note] for a in content.applications]
            )
            self.contacts_model.set_rows(
                [[c.name, c.role, c.title, c.phone, c.email] for c in content.contacts]
            )
        finally:
            self._filling = False
        self._show_people(draft)
        self._apply_consent(frozenset(draft.active_scopes))
        self._show_state(draft)
        self.clear_errors()
        self._set_dirty(False)
        self._set_actions_enabled(True)

    def _show_people(self, draft: PlanDraft) -> None:
        coordinator = draft.coordinator
        if coordinator is None:
            self.coordinator.setText(self.tr("None"))
        else:
            parts = [coordinator.name, coordinator.title, coordinator.phone, coordinator.email]
            self.coordinator.setText(", ".join(p for p in parts if p))
        if draft.next_meeting is None:
            self.next_meeting.setText(self.tr("None booked"))
        else:
            text = format_when_long(draft.next_meeting)
            if draft.next_meeting_place:
                text += ", " + draft.next_meeting_place
            self.next_meeting.setText(text)

    def _show_state(self, draft: PlanDraft) -> None:
        versions = tuple(draft.versions)
        if not versions:
            self.state_label.setText(self.tr("Draft: not handed out yet."))
        else:
            last = versions[-1]
            text = self.tr("Version {number} handed out {day} by {who}.").format(
                number=last.number, day=format_day(last.handed_out_on), who=last.handed_out_by
            )
            if draft.changes:
                text += " " + self.tr("The draft has changed since.")
            self.state_label.setText(text)
        self.versions_button.setEnabled(bool(versions))

    def _apply_consent(self, scopes: frozenset[ConsentScope]) -> None:
        for name, scope in CONSENT_FIELDS.items():
            edit = self.texts[name]
            allowed = scope in scopes
            has_text = bool(edit.toPlainText().strip())
            # Text saved under a consent since withdrawn stays visible, so the
            # caseworker can remove it, but nothing new can be typed.
            edit.setEnabled(allowed or has_text)
            edit.setReadOnly(not allowed and not has_text)
            hint = self.consent_hints[name]
            if allowed:
                hint.hide()
            elif has_text:
                hint.setText(
                    self.tr(
                        "The consent for {area} is no longer in force: remove the text, or "
                        "register a new consent."
                    ).format(area=CONSENT_LABELS[scope].lower())
                )
                hint.show()
            else:
                hint.setText(
                    self.tr(
                        'Needs the young person\'s consent to {area}. Use "Register consent…".'
                    ).format(area=CONSENT_LABELS[scope].lower())
                )
                hint.show()
        if self.draft is None or not self.draft.consents:
            self.consent_state.setText(self.tr("No consent registered."))
        else:
            self.consent_state.setText("\n".join(describe_consent(c) for c in self.draft.consents))
        self.withdraw_button.setEnabled(bool(self.active_consents()))

    def active_consents(self) -> list[ConsentView]:
        if self.draft is None:
            return []
        return [c for c in self.draft.consents if c.active]

    def _failed(self, exc: BaseException) -> None:
        self.busy.hide()
        self._set_actions_enabled(self.draft is not None)
        if isinstance(exc, KnownError):
            self.error.show_message(exc.message)
            return
        raise exc

    # --- editing -------------------------------------------------------------------------

    def _edited(self, *_args: object) -> None:
        if self._filling:
            return
        self.message.show_message(None)
        self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        if dirty == self.dirty:
            return
        self.dirty = dirty
        self.dirty_label.setVisible(dirty)
        self.dirty_changed.emit(dirty)

    def _set_actions_enabled(self, enabled: bool) -> None:
        for button in (
            self.save_button,
            self.hand_out_button,
            self.preview_button,
            self.save_pdf_button,
            self.print_button,
            self.send_button,
            self.consent_button,
        ):
            button.setEnabled(enabled)
        self.versions_button.setEnabled(
            enabled and self.draft is not None and bool(self.draft.versions)
        )

    def content(self) -> PlanContent:
        """What the form holds now, as the domain's value (no validation here)."""
        goal = self.goal_type.currentData()
        s, i, a, c = (
            self.subgoals_model,
            self.interventions_model,
            self.applications_model,
            self.contacts_model,
        )
        return PlanContent(
            goal_type=GoalType(goal) if goal else None,
            programme=self.programme.text().strip(),
            school=self.school.text().strip(),
            goal_start=self.goal_start.value(),
            own_wishes=self.own_wishes.toPlainText().strip(),
            challenges=self.challenges.toPlainText().strip(),
            short_term_goals=self.short_term_goals.toPlainText().strip(),
            long_term_goals=self.long_term_goals.toPlainText().strip(),
            health=self.health.toPlainText().strip(),
            housing=self.housing.toPlainText().strip(),
            family=self.family.toPlainText().strip(),
            subgoals=tuple(
                Subgoal(
                    text=str(s.value(r, "text")).strip(),
                    owner=s.value(r, "owner"),
                    due=s.value(r, "due"),
                    owner_name=str(s.value(r, "owner_name")).strip(),
                    status=s.value(r, "status"),
                    indicator=s.value(r, "indicator"),
                )
                for r in range(s.rowCount())
            ),
            interventions=tuple(
                Intervention(
                    name=str(i.value(r, "name")).strip(),
                    provider=str(i.value(r, "provider")).strip(),
                    starts_on=i.value(r, "starts_on"),
                    ends_on=i.value(r, "ends_on"),
                    purpose=str(i.value(r, "purpose")).strip(),
                )
                for r in range(i.rowCount())
            ),
            applications=tuple(
                Application(
                    kind=a.value(r, "kind"),
                    place=str(a.value(r, "place")).strip(),
                    on=a.value(r, "on"),
                    note=str(a.value(r, "note")).strip(),
                )
                for r in range(a.rowCount())
            ),
            contacts=tuple(
                Contact(
                    role=c.value(r, "role"),
                    name=str(c.value(r, "name")).strip(),
                    title=str(c.value(r, "title")).strip(),
                    phone=str(c.value(r, "phone")).strip(),
                    email=str(c.value(r, "email")).strip(),
                )
                for r in range(c.rowCount())
            ),
        )

    def clear_errors(self) -> None:
        self.error.show_message(None)
        for label in self.field_errors.values():
            label.show_message(None)
        for section in self.lists.values():
            section.show_errors({})

    def show_field_errors(self, fields: dict[str, str], summary: str = "") -> None:
        """Each message at its field; the first one scrolled into view."""
        self.clear_errors()
        per_list: dict[str, dict[str, str]] = {name: {} for name in self.lists}
        unplaced: list[str] = []
        first: QWidget | None = None
        for key, message in fields.items():
            head, _, rest = key.partition(".")
            if head in self.lists:
                per_list[head][rest] = message
                first = first or self.lists[head]
            elif key in self.field_errors:
                self.field_errors[key].show_message(message)
                first = first or self.field_errors[key]
            else:
                unplaced.append(message)
        for name, errors in per_list.items():
            if errors:
                self.lists[name].show_errors(errors)
        summary = summary or self.tr("The plan was not saved. Correct the marked fields.")
        self.error.show_message(" ".join([summary, *unplaced]))
        if first is not None:
            self.scroll_area.ensureWidgetVisible(first)

    # --- saving --------------------------------------------------------------------------

    def save(self, then: Callable[[], None] | None = None) -> None:
        if self.draft is None or self.busy.isVisible():
            return
        self.message.show_message(None)
        self.clear_errors()
        self.busy.show()
        self._set_actions_enabled(False)
        # Callbacks are bound methods, not lambdas: the task runner drops an answer for a
        # panel that has been closed meanwhile only when it can see whose method it is.
        self._after_save = then
        tasks.run_task(
            plan_service.save_plan,
            self._store,
            self._youth_id,
            self.content(),
            today=self.today(),
            now=self.now(),
            on_done=self._saved,
            on_error=self._save_failed,
        )

    def _saved(self, draft: PlanDraft) -> None:
        self.busy.hide()
        self.draft = draft
        self._fill(draft)
        self.saves += 1
        self.message.show_message(self.tr("The plan was saved."))
        self.changed.emit()
        then, self._after_save = self._after_save, None
        if then is not None:
            then()

    def _save_failed(self, exc: BaseException) -> None:
        # A hand-out waiting for this save must not happen at some later save.
        self._after_save = None
        self.busy.hide()
        self._set_actions_enabled(True)
        if isinstance(exc, InputError):
            self.show_field_errors(exc.fields)
            return
        self._failed(exc)

    def _hand_out_failed(self, exc: BaseException) -> None:
        self.busy.hide()
        self._set_actions_enabled(True)
        if isinstance(exc, InputError):
            self.show_field_errors(exc.fields, self.tr("The plan was not handed out."))
            return
        self._failed(exc)

    def confirm_discard(self) -> bool:
        """Before the record closes: may unsaved changes be thrown away?"""
        if not self.dirty:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("The plan has unsaved changes. Close without saving them?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    # --- handing out ---------------------------------------------------------------------

    def ask_hand_out(self) -> None:
        from ungedesk.ui.plan_dialogs import HandOutDialog

        if self.draft is None:
            return
        dialog = HandOutDialog(
            changes=tuple(self.draft.changes),
            first=not self.draft.versions,
            unsaved=self.dirty,
            parent=self,
        )
        dialog.accepted.connect(self.hand_out)
        self.dialog = dialog
        dialog.open()

    def hand_out(self) -> None:
        """Save unsaved edits first: the frozen version is what the form shows."""
        if self.dirty:
            self.save(then=self._hand_out_saved)
            return
        self._hand_out_saved()

    def _hand_out_saved(self) -> None:
        self.busy.show()
        self._set_actions_enabled(False)
        tasks.run_task(
            plan_service.hand_out,
            self._store,
            self._youth_id,
            today=self.today(),
            now=self.now(),
            on_done=self._handed_out,
            on_error=self._hand_out_failed,
        )

    def _handed_out(self, number: int) -> None:
        self.busy.hide()
        self.message.show_message(
            self.tr(
                "Version {number} was handed out. Later changes make a new draft; this "
                "version stays as it is."
            ).format(number=number)
        )
        self.changed.emit()
        self.reload()

    # --- the PDF -------------------------------------------------------------------------

    def _with_pdf(self, version: int | None, use: Callable[[bytes], None]) -> None:
        self.busy.show()
        self._pdf_use = use
        tasks.run_task(
            pdf_bytes,
            self._store,
            self._youth_id,
            version,
            self.today(),
            self.now(),
            on_done=self._pdf_ready,
            on_error=self._failed,
        )

    def _pdf_ready(self, data: bytes) -> None:
        self.busy.hide()
        use, self._pdf_use = self._pdf_use, None
        if use is not None:
            use(data)

    def _unsaved_note(self) -> None:
        """The PDF shows the last handed-out version (the saved draft before the first
        one): say so when the form holds more."""
        draft = self.draft
        if draft is not None and draft.versions and (draft.changes or self.dirty):
            self.message.show_message(
                self.tr(
                    "The PDF shows version {number}, as the young person got it. Hand out "
                    "the plan to include the later changes."
                ).format(number=draft.versions[-1].number)
            )
        elif self.dirty:
            self.message.show_message(
                self.tr("The PDF shows the saved plan. Save (Ctrl+S) to include your changes.")
            )

    def _pdf_viewer_missing(self) -> bool:
        """Qt's PDF module is a separate package (PySide6-Pdf): without it the plan can
        still be saved and sent, only not shown or printed from here."""
        try:
            import PySide6.QtPdf  # noqa: F401
        except ImportError:
            self.error.show_message(
                self.tr(
                    "Showing and printing the PDF needs Qt's PDF component, which is not "
                    "installed. Save the PDF and open it in your PDF reader instead."
                )
            )
            return True
        return False

    def preview(self, version: int | None = None) -> None:
        if self._pdf_viewer_missing():
            return
        from ungedesk.ui.pdf_preview import PdfPreviewDialog

        self._unsaved_note()

        def show(data: bytes) -> None:
            title = self.tr("The plan as PDF")
            if version is not None:
                title = self.tr("Version {number} as PDF").format(number=version)
            # Over the versions dialog when it asked: a preview behind it could not be used.
            owner = QApplication.activeModalWidget() or self
            dialog = PdfPreviewDialog(data, title, parent=owner)
            dialog.save_requested.connect(lambda: self.save_pdf(version))
            dialog.print_done.connect(lambda: self._log_print(version))
            self.dialog = dialog
            dialog.open()

        self._with_pdf(version, show)

    def _case_number(self) -> str:
        return str(getattr(self.draft, "case_number", "")) if self.draft is not None else ""

    def _current_version(self, version: int | None) -> int | None:
        """The version a PDF will show: the one asked for, else the last handed out."""
        if version is not None:
            return version
        if self.draft is not None and self.draft.versions:
            return self.draft.versions[-1].number
        return None

    def ask_pdf_path(self, version: int | None, title: str) -> tuple[Path, bool] | None:
        """Where to save the PDF, and whether as the archive variant (PDF/A)."""
        young = self.tr("PDF for the young person (*.pdf)")
        archive = self.tr("Archive copy, PDF/A (*.pdf)")
        suggested = plan_pdf.suggested_file_name(
            self._case_number(), self._current_version(version), False
        )
        name, chosen = QFileDialog.getSaveFileName(
            self, title, str(Path.home() / suggested), f"{young};;{archive}"
        )
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        return path, chosen == archive

    def save_pdf(self, version: int | None = None) -> None:
        self._unsaved_note()
        target = self.ask_pdf_path(version, self.tr("Save the plan as PDF"))
        if target is None:
            return
        path, archive = target
        self._write_pdf(path, archive, version, self._pdf_saved)

    def _write_pdf(
        self, path: Path, archive: bool, version: int | None, then: Callable[[Path], None]
    ) -> None:
        self.busy.show()
        self._after_write = then
        tasks.run_task(
            plan_pdf.write_plan_pdf,
            self._store,
            self._youth_id,
            path,
            archive=archive,
            version=version,
            today=self.today(),
            now=self.now(),
            on_done=self._written,
            on_error=self._write_failed,
        )

    def _written(self, path: Path) -> None:
        self.busy.hide()
        self.error.show_message(None)
        then, self._after_write = self._after_write, None
        if then is not None:
            then(path)

    def _pdf_saved(self, path: Path) -> None:
        self.message.show_message(self.tr("The PDF was saved as {file}.").format(file=str(path)))

    def _write_failed(self, exc: BaseException) -> None:
        self.busy.hide()
        if isinstance(exc, OSError):
            self.error.show_message(
                self.tr("The PDF could not be saved: {reason}").format(
                    reason=exc.strerror or type(exc).__name__
                )
            )
            return
        self._failed(exc)

    def print_plan(self, version: int | None = None) -> None:
        if self._pdf_viewer_missing():
            return
        from ungedesk.ui.pdf_preview import print_pdf

        self._unsaved_note()

        def print_it(data: bytes) -> None:
            if print_pdf(data, self):
                self._log_print(version)
                self.message.show_message(self.tr("The plan was sent to the printer."))

        self._with_pdf(version, print_it)

    def _log_print(self, version: int | None) -> None:
        # Paper leaves the store as surely as a file does: the access log records it.
        shown = self._current_version(version)
        what = f"version {shown}" if shown is not None else "kladde"
        tasks.run_task(
            access.log_export,
            self._store,
            self._youth_id,
            "Uddannelsesplan til den unge",
            f"Uddannelsesplan, {what}, udskrevet",
            self.now(),
            action=Action.PRINT,
            on_done=self._logged,
            on_error=self._failed,
        )

    def _logged(self, _case_number: str) -> None:
        """Nothing to show: the log entry is the point."""

    def send_to(self, version: int | None = None) -> None:
        """Save the PDF where the caseworker chooses, then hand it to the mail client where
        the platform allows attaching (Linux: xdg-email); elsewhere open the folder with the
        file, as no standard way attaches a file there."""
        self._unsaved_note()
        target = self.ask_pdf_path(version, self.tr("Save the PDF to send"))
        if target is None:
            return
        path, archive = target
        self._write_pdf(path, archive, version, self._send_written)

    def _send_written(self, path: Path) -> None:
        if (
            sys.platform.startswith("linux")
            and QProcess.startDetached("xdg-email", ["--attach", str(path)])[0]
        ):
            self.message.show_message(
                self.tr("The PDF was saved as {file} and attached to a new e-mail.").format(
                    file=path.name
                )
            )
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))
        self.message.show_message(
            self.tr(
                "The PDF was saved as {file}. Your mail program cannot be given an "
                "attachment from here: the folder is opened, drag the file into a new e-mail."
            ).format(file=str(path))
        )

    # --- dialogs -------------------------------------------------------------------------

    def open_versions(self) -> None:
        from ungedesk.ui.plan_dialogs import VersionsDialog

        if self.draft is None or not self.draft.versions:
            return
        dialog = VersionsDialog(
            self._store,
            self._youth_id,
            tuple(self.draft.versions),
            tuple(self.draft.changes),
            parent=self,
        )
        dialog.preview_requested.connect(self.preview)
        self.dialog = dialog
        dialog.open()

    def open_consent(self) -> None:
        from ungedesk.ui.plan_dialogs import ConsentDialog

        dialog = ConsentDialog(self._store, self._youth_id, self._today, parent=self)
        dialog.accepted.connect(self._consent_changed)
        self.dialog = dialog
        dialog.open()

    def open_withdraw(self) -> None:
        from ungedesk.ui.plan_dialogs import WithdrawConsentDialog

        consents = self.active_consents()
        if not consents:
            return
        dialog = WithdrawConsentDialog(self._store, consents, self._today, parent=self)
        dialog.accepted.connect(
            lambda: self.refresh_context(
                self.tr(
                    "The consent was withdrawn. Text it covered was removed from the saved "
                    "draft; handed-out versions are unchanged."
                )
            )
        )
        self.dialog = dialog
        dialog.open()

    def _consent_changed(self) -> None:
        self.refresh_context(self.tr("The consent was registered."))

    def refresh_context(self, done: str = "") -> None:
        """Consents, people and versions changed elsewhere: show them, and keep the
        caseworker's unsaved edits (a withdrawn consent's text is gone from the saved
        draft; the form keeps it marked until saved)."""
        if not self._requested:
            return  # not opened yet: it reads everything when it is
        self._context_message = done
        tasks.run_task(
            plan_service.get_plan,
            self._store,
            self._youth_id,
            now=self.now(),
            on_done=self._context_loaded,
            on_error=self._failed,
        )

    def _context_loaded(self, draft: PlanDraft) -> None:
        done, self._context_message = self._context_message, ""
        if self.dirty:
            self.draft = draft
            self._show_people(draft)
            self._apply_consent(frozenset(draft.active_scopes))
            self._show_state(draft)
            self.loads += 1
        else:
            self._loaded(draft)
        if done:
            self.message.show_message(done)


def describe_consent(consent: ConsentView) -> str:
    """'Helbred, Bolig: given 3. nov. 2026 (note)' in the UI's date style."""
    text = consent.scope_label + ": "
    text += QCoreApplication.translate("PlanPanel", "given {day}").format(
        day=format_day(consent.given_on)
    )
    if consent.withdrawn_on is not None:
        text += ", " + QCoreApplication.translate("PlanPanel", "withdrawn {day}").format(
            day=format_day(consent.withdrawn_on)
        )
    if consent.note:
        text += f" ({consent.note})"
    return text
