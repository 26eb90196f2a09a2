"""The rule browser (Regler → Regeloversigt), loading a newer rule file, the expected switch.

The browser lists the rules in force on a date (for a target group) in plain Danish
(domain.rule_text, shared with ``ungedesk rules show``): what, for whom, from when, the source
in force that day and the sources by period, and whether it is law, expected law, a local
standard or historic. The rules are read on the worker; the table is a lazy model.

Loading a file: the file is read, checked and previewed on the worker (rulesets.preview, in
a transaction that is rolled back), the diff is shown, and only "Use these rules" applies it
(one transaction with every deadline recomputed; Stop rolls all of it back). Switching the
expected rules on asks first, with a warning, and recomputes the same way.

One module (about 600 lines): the browser opens the load dialog and both share the worker
progress and Stop pattern; the next split is LoadRulesDialog into a module of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ungedesk.domain.errors import KnownError
from ungedesk.domain.rule_file import rules_in_force
from ungedesk.domain.rule_text import (
    dates_text,
    kind_label,
    meets_text,
    period_text,
    plain_description,
    short_citation,
    short_date,
    sources_text,
    who_text,
)
from ungedesk.domain.rules import Rule
from ungedesk.services import rulesets, target_groups
from ungedesk.store.database import Store
from ungedesk.ui.changes import Aspect, Change
from ungedesk.ui.operations import Operation
from ungedesk.ui.widgets import HINT_STYLE, DateField, FittingDialog, MessageLabel, name_table

ModelIndex = QModelIndex | QPersistentModelIndex
FETCH = 100  # rows handed to the view at a time
MUTED = QColor("#777777")


def _group_labels() -> dict[str, str]:
    """Target-group labels by code (the dated data, read once per process)."""
    return dict(target_groups.all_codes())


class RulesModel(QAbstractTableModel):
    """Rules as rows; rows are handed to the view in pages (canFetchMore/fetchMore)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rules: list[Rule] = []
        self._shown = 0
        self._day = date.today()
        self._off: set[str] = set()  # expected rules switched off

    def set_rules(self, rules: list[Rule], day: date, switched_off: set[str]) -> None:
        self.beginResetModel()
        self._rules = rules
        self._day = day
        self._off = switched_off
        self._shown = min(FETCH, len(rules))
        self.endResetModel()

    def rule(self, row: int) -> Rule | None:
        return self._rules[row] if 0 <= row < self._shown else None

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def canFetchMore(self, parent: ModelIndex) -> bool:
        return not parent.isValid() and self._shown < len(self._rules)

    def fetchMore(self, parent: ModelIndex) -> None:
        more = min(FETCH, len(self._rules) - self._shown)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return {
                0: self.tr("Rule"),
                1: self.tr("Deadline"),
                2: self.tr("For"),
                3: self.tr("Source"),
                4: self.tr("Kind"),
            }[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        rule = self.rule(index.row())
        if rule is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return (
                    rule.description
                    if role == Qt.ItemDataRole.DisplayRole
                    else (plain_description(rule, _group_labels()))
                )
            if column == 1:
                return period_text(rule)
            if column == 2:
                return who_text(rule, _group_labels())
            if column == 3:
                return (
                    short_citation(rule.source_on(self._day))
                    if role == Qt.ItemDataRole.DisplayRole
                    else (sources_text(rule))
                )
            kind = kind_label(rule)
            if rule.id in self._off:
                return self.tr("{kind} (switched off)").format(kind=kind)
            return kind
        if role == Qt.ItemDataRole.ForegroundRole and (rule.id in self._off or rule.historic):
            return QBrush(MUTED)
        return None


def _rules_changed(result: rulesets.Switched | rulesets.Preview) -> Change | None:
    """What a switch or a load changed: every deadline may move (nothing when a switch
    found the rules already as asked)."""
    if isinstance(result, rulesets.Switched) and not result.changed:
        return None
    return Change.of(Aspect.RULES, Aspect.DEADLINES)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class RulesBrowserDialog(FittingDialog):
    """Regeloversigt: the rules in force on a date, the rule set in use, the expected switch."""

    # A loaded rule file or a switch of the expected rules is announced on the change bus
    # (Aspect.RULES) by its operation; the deadlines everywhere follow it.

    def __init__(self, store: Store, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._listing: rulesets.RuleListing | None = None
        self._stop: Callable[[], None] | None = None  # while a switch recomputes
        self._switching = False
        self.confirm: QMessageBox | None = None
        self.load_dialog: LoadRulesDialog | None = None
        self.setWindowTitle(self.tr("Rule overview"))
        self.resize(1200, 640)

        self.day = DateField()
        self.day.setDisplayFormat("dd-MM-yyyy")
        self.day.setCalendarPopup(True)
        self.day.setDate(_qdate(today))
        self.group = QComboBox()
        self.group.addItem(self.tr("All target groups"), "")
        for code, label in target_groups.all_codes():
            self.group.addItem(f"{label} ({code})", code)
        filters = QHBoxLayout()
        day_label = QLabel(self.tr("In force on &date:"))
        day_label.setBuddy(self.day)
        group_label = QLabel(self.tr("&Target group:"))
        group_label.setBuddy(self.group)
        filters.addWidget(day_label)
        filters.addWidget(self.day)
        filters.addSpacing(16)
        filters.addWidget(group_label)
        filters.addWidget(self.group, 1)

        self.in_use = QLabel()
        self.in_use.setWordWrap(True)
        self.in_use.setStyleSheet(HINT_STYLE)
        self.model = RulesModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        name_table(
            self.table,
            self.tr("Rules"),
            self.tr(
                "The deadline rules in use, with their periods and sources. The chosen rule "
                "is shown in full below."
            ),
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setMinimumHeight(300)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 260), (2, 240), (3, 170), (4, 150)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, width)
        # Read-only text that scrolls: a rule with sources by period can run to many lines.
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.detail.setFixedHeight(130)
        self.detail.setAccessibleName(self.tr("The chosen rule in full"))
        self.error = MessageLabel()
        self.progress = QProgressBar()
        self.progress.hide()

        self.load_button = QPushButton(self.tr("&Load rule file…"))
        self.expected_button = QPushButton(self.tr("Switch expected rules &on…"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        row = QHBoxLayout()
        row.addWidget(self.load_button)
        row.addWidget(self.expected_button)
        row.addStretch(1)
        row.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.in_use)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.error)
        layout.addWidget(self.progress)
        layout.addLayout(row)

        self.buttons.rejected.connect(self.reject)
        self.day.dateChanged.connect(self._filter)
        self.group.currentIndexChanged.connect(self._filter)
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)
        self.load_button.clicked.connect(self.choose_file)
        self.expected_button.clicked.connect(self.ask_expected)
        self.reload()

    # --- reading ---------------------------------------------------------------------

    def reload(self) -> None:
        Operation(self, rulesets.listing, self._store).latest("listing").success(
            self._loaded
        ).failure(self._show_error).run()

    def _show_error(self, error: KnownError) -> None:
        self.error.show_message(error.message)

    def _loaded(self, listing: rulesets.RuleListing) -> None:
        self._listing = listing
        info = listing.in_force
        if info.version is not None:
            version = self.tr("version {version}").format(version=info.version.isoformat())
        else:
            version = self.tr("no version date")
        if info.loaded and info.loaded_at is not None:
            origin = self.tr("loaded {when}").format(when=short_date(info.loaded_at.date()))
        else:
            origin = self.tr("shipped with UngeDesk")
        expected = (
            self.tr("Expected rules are switched on.")
            if listing.expected_enabled
            else self.tr("Expected rules are switched off: they give no deadlines.")
        )
        self.in_use.setText(
            self.tr("Rule set in use: {version} ({origin}). {expected}").format(
                version=version, origin=origin, expected=expected
            )
        )
        self.expected_button.setText(
            self.tr("Switch expected rules &off…")
            if listing.expected_enabled
            else self.tr("Switch expected rules &on…")
        )
        # Nothing to switch on when the rule set in use has no expected rules.
        has_expected = any(r.expected for r in listing.rules)
        self.expected_button.setEnabled(has_expected or listing.expected_enabled)
        self.expected_button.setToolTip(
            "" if has_expected else self.tr("The rule set in use has no expected rules.")
        )
        self._filter()

    def selected_day(self) -> date:
        day = self.day.date().toPython()
        assert isinstance(day, date)
        return day

    def _filter(self) -> None:
        if self._listing is None:
            return
        day = self.selected_day()
        group = str(self.group.currentData() or "") or None
        shown = rules_in_force(self._listing.rules, day, group)
        off = set() if self._listing.expected_enabled else {r.id for r in shown if r.expected}
        self.model.set_rules(shown, day, off)
        self.detail.setPlainText(
            self.tr("No rule is in force on that date for that target group.") if not shown else ""
        )
        if shown:
            self.table.selectRow(0)

    def _show_detail(self, current: QModelIndex, _previous: QModelIndex) -> None:
        rule = self.model.rule(current.row())
        if rule is None:
            return
        lines = [
            plain_description(rule, _group_labels()),
            self.tr("Deadline: {period}; met by {meets}.").format(
                period=period_text(rule), meets=meets_text(rule)
            ),
            self.tr("For: {who}. In force {dates}.").format(
                who=who_text(rule, _group_labels()), dates=dates_text(rule)
            ),
            self.tr("Source on the chosen date: {source}. Sources by period: {all}.").format(
                source=rule.source_on(self.selected_day()), all=sources_text(rule)
            ),
            self.tr("Kind: {kind}. Id: {id}.").format(kind=kind_label(rule), id=rule.id),
        ]
        self.detail.setPlainText("\n".join(lines))

    # --- loading a file --------------------------------------------------------------

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Load rule file"), "", self.tr("Rule files (*.toml)")
        )
        if path:
            self.open_load(Path(path))

    def open_load(self, path: Path) -> LoadRulesDialog:
        dialog = LoadRulesDialog(self._store, path, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.applied.connect(self.reload)
        self.load_dialog = dialog
        dialog.open()
        return dialog

    # --- expected rules --------------------------------------------------------------

    def ask_expected(self) -> None:
        if self._listing is None or self._switching:
            return
        enable = not self._listing.expected_enabled
        count = sum(r.expected for r in self._listing.rules)
        if enable:
            text = self.tr(
                "Expected rules build on bills whose final text is not confirmed (such as the "
                "new employment act expected on 1 January 2027). Switched on, they give "
                "deadlines to every case they apply to. Check them against the adopted law."
                "\n\nSwitch the {count} expected rules on and recompute all deadlines?"
            ).format(count=count)
        else:
            text = self.tr(
                "Switch the expected rules off? Their deadlines are removed from every case."
            )
        box = QMessageBox(
            QMessageBox.Icon.Warning if enable else QMessageBox.Icon.Question,
            self.tr("Expected rules"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(partial(self._expected_answered, enable))
        self.confirm = box
        box.open()

    def _expected_answered(self, enable: bool, answer: int) -> None:
        if answer == QMessageBox.StandardButton.Yes:
            self.switch_expected(enable)

    def switch_expected(self, enable: bool) -> None:
        self._switching = True
        self.error.show_message(None)
        self.load_button.setEnabled(False)
        self.expected_button.setEnabled(False)
        self.close_button.setText(self.tr("&Stop"))
        self.progress.setValue(0)
        self.progress.show()
        Operation(self, rulesets.switch_expected, self._store, enable).with_progress(
            self.tr("Expected rules"), self
        ).changes(_rules_changed).success(self._switched).failure(self._switch_failed).run()

    # --- the recompute's progress (a ProgressView for the switch) ----------------------

    def progress_started(self, stop: Callable[[], None]) -> None:
        self._stop = stop

    def progress_step(self, done: int, total: int, _label: str) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("%v of %m cases"))

    def progress_finished(self) -> None:
        self._stop = None

    def _end_switch(self) -> None:
        self._switching = False
        self.progress.hide()
        self.load_button.setEnabled(True)
        self.expected_button.setEnabled(True)
        self.close_button.setText(self.tr("&Close"))
        self.close_button.setEnabled(True)

    def _switched(self, _result: rulesets.Switched) -> None:
        self._end_switch()
        self.reload()

    def _switch_failed(self, error: KnownError) -> None:
        self._end_switch()
        self.error.show_message(error.message)

    def reject(self) -> None:
        # While recomputing, the button is Stop: the transaction is rolled back whole.
        if self._switching:
            if self._stop is not None:
                self._stop()
            self.close_button.setEnabled(False)
            return
        super().reject()


class LoadRulesDialog(FittingDialog):
    """Check and preview a rule file, then apply it (or stop: nothing changes)."""

    applied = Signal()

    def __init__(self, store: Store, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._path = path
        self._data: bytes | None = None
        self._preview: rulesets.Preview | None = None
        self._stop: Callable[[], None] | None = None  # while the worker computes
        self._running = False
        self.setWindowTitle(self.tr("Load rule file"))
        self.resize(820, 560)
        self.file_label = QLabel(self.tr("File: {name}").format(name=path.name))
        self.file_label.setWordWrap(True)
        self.summary = QPlainTextEdit()
        self.summary.setReadOnly(True)
        self.summary.setPlaceholderText(self.tr("Checking the file and working out what changes…"))
        self.error = MessageLabel()
        self.done_label = MessageLabel(HINT_STYLE)
        self.progress = QProgressBar()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Use these rules"))
        self.ok_button.setEnabled(False)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("&Stop"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.file_label)
        layout.addWidget(self.summary, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.done_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        self._start_preview()

    @property
    def preview(self) -> rulesets.Preview | None:
        return self._preview

    def _start_preview(self) -> None:
        self._running = True
        Operation(self, rulesets.preview_file, self._store, self._path).with_progress(
            self.tr("Load rule file"), self
        ).success(self._previewed).failure(self._failed).run()

    # --- the worker's progress (a ProgressView for the preview and the load) -----------

    def progress_started(self, stop: Callable[[], None]) -> None:
        self._stop = stop

    def progress_step(self, done: int, total: int, _label: str) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("%v of %m cases"))

    def progress_finished(self) -> None:
        self._stop = None

    def _previewed(self, result: tuple[bytes, rulesets.Preview]) -> None:
        self._running = False
        self._data, preview = result
        self._preview = preview
        self.progress.hide()
        self.cancel_button.setText(self.tr("&Cancel"))
        self.summary.setPlainText("\n".join(rulesets.describe_preview(preview)))
        if preview.same:
            self.error.show_message(self.tr("These rules are already in use: nothing to do."))
        elif preview.shadowed:
            self.error.show_message(
                self.tr(
                    "The rules that came with UngeDesk are as new or newer: this file would "
                    "never be used."
                )
            )
        else:
            if preview.older:
                self.error.show_message(
                    self.tr(
                        "The file is older than the rules in use. Load it only if you mean to "
                        "go back to it."
                    )
                )
                self.ok_button.setText(self.tr("&Load anyway"))
            self.ok_button.setEnabled(True)
            self.ok_button.setDefault(True)

    def apply(self) -> None:
        if self._running or self._data is None or self._preview is None:
            return
        self._running = True
        self.error.show_message(None)
        self.ok_button.setEnabled(False)
        self.cancel_button.setText(self.tr("&Stop"))
        self.progress.setValue(0)
        self.progress.show()
        Operation(
            self, rulesets.apply_file, self._store, self._data, force=self._preview.older
        ).with_progress(self.tr("Load rule file"), self).changes(_rules_changed).success(
            self._applied
        ).failure(self._failed).run()

    def _applied(self, result: rulesets.Preview) -> None:
        self._running = False
        self.progress.hide()
        r = result.recomputed
        self.done_label.show_message(
            self.tr(
                "The rules of version {version} are in use. Deadlines recomputed for {cases} "
                "cases ({changed} changed); the load is in the access log."
            ).format(version=result.version.isoformat(), cases=r.cases, changed=r.cases_changed)
        )
        self.cancel_button.setText(self.tr("&Close"))
        self.cancel_button.setEnabled(True)
        self.applied.emit()

    def _failed(self, error: KnownError) -> None:
        self._running = False
        self.progress.hide()
        self.summary.setPlaceholderText("")
        self.cancel_button.setText(self.tr("&Close"))
        self.cancel_button.setEnabled(True)
        self.error.show_message(error.message)
        self.ok_button.setEnabled(False)

    def reject(self) -> None:
        # While the worker computes or applies, Stop asks it to stop; it rolls back whole
        # and the dialog says so before it can be closed.
        if self._running:
            if self._stop is not None:
                self._stop()
            self.cancel_button.setEnabled(False)
            return
        super().reject()
