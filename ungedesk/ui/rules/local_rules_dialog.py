"""Local standards (kvalitetsstandard): the legal deadline rules and the municipality's own.

Each local standard is shown under the legal rule it tightens. A new one is filled in as a
form and written as a TOML ``[[rule]]`` by a tiny writer that escapes every string, then
handed to services.deadlines.add_local_rule on the worker (it recomputes every case).
A standard can be "N in the first M months" (count and period) or recur: "at least one every
N months after the previous one" (written as ``every`` instead of ``period``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import partial
from itertools import pairwise

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ungedesk.domain.calendar import Unit
from ungedesk.domain.errors import KnownError
from ungedesk.domain.rules import Rule
from ungedesk.services import deadlines, rulesets, target_groups
from ungedesk.services.rulesets import RuleSet
from ungedesk.store.database import Store
from ungedesk.ui.changes import Aspect, Change
from ungedesk.ui.operations import Operation
from ungedesk.ui.widgets import HINT_STYLE, BusyBar, DateField, MessageLabel, add_row, name_table
from ungedesk.ui.work_dialog import WorkDialog

LOCAL_GROUPS = ("lab6_1", "lab6_2", "lab6_3", "lab6_4", "lab6_5", "kui")
RULE_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
HISTORIC_COLOUR = QColor("#777777")
RULE_ID_ROLE = Qt.ItemDataRole.UserRole + 1


# --- the TOML writer -------------------------------------------------------------------


def toml_string(text: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    out = []
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


@dataclass(frozen=True, slots=True)
class LocalRuleInput:
    rule_id: str
    description: str
    start_event: str
    amount: int
    unit: Unit
    count: int
    meets: str
    target_groups: tuple[str, ...]
    valid_from: date
    tightens: str | None
    source: str
    recurs: bool = False  # the period is an interval after each met event, not one window

    def to_toml(self) -> str:
        length = f"{{ {self.unit.value} = {int(self.amount)} }}"
        lines = [
            "[[rule]]",
            f"id = {toml_string(self.rule_id)}",
            f"description = {toml_string(self.description)}",
            f"start_event = {toml_string(self.start_event)}",
            # A recurring standard has no count: each met event opens the next deadline.
            *([f"every = {length}"] if self.recurs else [f"period = {length}"]),
            *([] if self.recurs else [f"count = {int(self.count)}"]),
            f"meets = [{toml_string(self.meets)}]",
            "target_groups = [" + ", ".join(toml_string(g) for g in self.target_groups) + "]",
            f"valid_from = {self.valid_from.isoformat()}",
            f"source = {toml_string(self.source)}",
        ]
        if self.tightens:
            lines.append(f"tightens = {toml_string(self.tightens)}")
        return "\n".join(lines) + "\n"


# --- the list --------------------------------------------------------------------------


class LocalRulesDialog(QDialog):
    """The rules in force with the local standards under what they tighten; adding or
    removing one announces a rules change, and the deadlines everywhere follow it."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._rules: RuleSet | None = None
        self.add_dialog: AddLocalRuleDialog | None = None
        self.confirm: QMessageBox | None = None  # the open "remove?" question
        self.setWindowTitle(self.tr("Local standards"))
        self.resize(980, 520)
        self.tree = QTreeWidget()
        name_table(
            self.tree,
            self.tr("Local standards"),
            self.tr("The municipality's own deadline rules, under the rule each one tightens."),
        )
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Rule"), self.tr("Period"), self.tr("Source")])
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.tree.setColumnWidth(1, 170)
        self.tree.setColumnWidth(2, 340)
        hint = QLabel(
            self.tr(
                "The legal rules come with UngeDesk. The municipality's local standards "
                "(kvalitetsstandarder) are shown under the legal rule they tighten; both give "
                "deadlines. Greyed rules are historic: they only apply to old cases."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        self.error = MessageLabel()
        self.busy = BusyBar()
        self.add_button = QPushButton(self.tr("&Add local standard…"))
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.remove_button.setEnabled(False)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addLayout(row)
        close.rejected.connect(self.reject)
        self.add_button.clicked.connect(self.add_rule)
        self.remove_button.clicked.connect(self.remove_rule)
        self.tree.currentItemChanged.connect(self._selection_changed)
        self.reload()

    @property
    def rule_set(self) -> RuleSet | None:
        return self._rules

    def reload(self) -> None:
        Operation(self, rulesets.rule_set, self._store).success(self._show).failure(
            self._failed
        ).run()

    def _show(self, rules: RuleSet) -> None:
        self._rules = rules
        self.tree.clear()
        by_legal: dict[str, QTreeWidgetItem] = {}
        for rule in rules.legal:
            item = self._item(rule)
            self.tree.addTopLevelItem(item)
            by_legal[rule.id] = item
        for rule in rules.local:
            item = self._item(rule)
            parent = by_legal.get(rule.tightens or "")
            if parent is None:
                self.tree.addTopLevelItem(item)
            else:
                parent.addChild(item)
                parent.setExpanded(True)
        self._selection_changed()

    def _item(self, rule: Rule) -> QTreeWidgetItem:
        description = rule.description
        if rule.local:
            description = self.tr("Local standard: {rule}").format(rule=description)
        elif rule.historic:
            description = self.tr("Historic: {rule}").format(rule=description)
        period = rule.period.label if rule.period.amount else self.tr("The same day")
        if rule.recurs:
            period = self.tr("At least every {period}").format(period=period)
        elif rule.count > 1:
            period = self.tr("{count} times in {period}").format(count=rule.count, period=period)
        item = QTreeWidgetItem([description, period, rule.source])
        item.setData(0, RULE_ID_ROLE, rule.id)
        item.setToolTip(0, rule.description)
        item.setToolTip(2, rule.source)
        if rule.historic:
            for column in range(3):
                item.setForeground(column, QBrush(HISTORIC_COLOUR))
        if rule.local:
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
        return item

    def selected_local_id(self) -> str | None:
        item = self.tree.currentItem()
        if item is None or self._rules is None:
            return None
        rule_id = item.data(0, RULE_ID_ROLE)
        return rule_id if any(r.id == rule_id for r in self._rules.local) else None

    def _selection_changed(self) -> None:
        self.remove_button.setEnabled(self.selected_local_id() is not None and not self._working())

    def _working(self) -> bool:
        return self.busy.isVisible()

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.add_button.setEnabled(not busy)
        self._selection_changed()

    # --- adding and removing -----------------------------------------------------------

    def add_rule(self) -> None:
        if self._rules is None:
            return
        dialog = AddLocalRuleDialog(self._store, self._rules, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.added.connect(self._added)
        self.add_dialog = dialog
        dialog.open()

    def _added(self, _rule_id: str) -> None:
        self.reload()

    def remove_rule(self) -> None:
        rule_id = self.selected_local_id()
        if rule_id is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Remove local standard"),
            self.tr(
                "Remove the local standard {id}? Its deadlines are removed from every case."
            ).format(id=rule_id),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(partial(self._remove_answered, rule_id))
        self.confirm = box
        box.open()

    def _remove_answered(self, rule_id: str, answer: int) -> None:
        if answer == QMessageBox.StandardButton.Yes:
            self._remove_confirmed(rule_id)

    def _remove_confirmed(self, rule_id: str) -> None:
        self._set_busy(True)
        Operation(self, deadlines.remove_local_rule, self._store, rule_id).changes(
            Change.of(Aspect.RULES)
        ).success(self._removed).failure(self._failed).run()

    def _removed(self, _result: None) -> None:
        self._set_busy(False)
        self.reload()

    def _failed(self, error: KnownError) -> None:
        self._set_busy(False)
        self.error.show_message(error.message)

    def reject(self) -> None:
        if not self._working():
            super().reject()


# --- the form --------------------------------------------------------------------------


class AddLocalRuleDialog(WorkDialog):
    added = Signal(str)  # the new rule's id

    def __init__(self, store: Store, rules: RuleSet, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("&Add and recompute"), parent)
        self._store = store
        self._taken = {r.id for r in (*rules.legal, *rules.local)}
        self.setWindowTitle(self.tr("Add local standard"))
        self.setMinimumWidth(640)

        self.rule_id = QLineEdit()
        self.rule_id.setPlaceholderText("lokal-samtale-hver-2-maaned")
        self.description = QLineEdit()
        self.description.setPlaceholderText(
            self.tr("E.g. 3 conversations in 3 months during visitation")
        )
        self.start_event = QComboBox()
        for key, label in (
            ("henvendelse", self.tr("First contact (henvendelse)")),
            ("jobsamtale", self.tr("A held job interview")),
            ("left_plan", self.tr("Left the plan")),
            ("uddannelsespaalaeg", self.tr("Education injunction given")),
            ("tilbud_start", self.tr("Offer started")),
        ):
            self.start_event.addItem(label, key)
        self.amount = QSpinBox()
        self.amount.setRange(0, 365)
        self.amount.setValue(3)
        self.unit = QComboBox()
        for unit, label in (
            (Unit.DAYS, self.tr("days")),
            (Unit.WORKING_DAYS, self.tr("working days")),
            (Unit.WEEKS, self.tr("weeks")),
            (Unit.MONTHS, self.tr("months")),
        ):
            self.unit.addItem(label, unit.value)
        self.unit.setCurrentIndex(3)
        period = QWidget()
        period_layout = QHBoxLayout(period)
        period_layout.setContentsMargins(0, 0, 0, 0)
        period_layout.addWidget(self.amount)
        period_layout.addWidget(self.unit, 1)
        self.count = QSpinBox()
        self.count.setRange(1, 50)
        self.meets = QComboBox()
        for key, label in (
            ("jobsamtale", self.tr("Job interview (jobsamtale)")),
            ("contact", self.tr("Contact with the young person")),
            ("tilbud_start", self.tr("Offer started")),
            ("loentilskud_start", self.tr("Wage subsidy job started")),
            ("new_activity", self.tr("New activity offered")),
            ("realistic_education", self.tr("A realistic education pointed out")),
            ("uddannelse_ansoegt", self.tr("Applied for an education")),
        ):
            self.meets.addItem(label, key)
        self.recurs = QCheckBox(self.tr("Again and again: each one met opens the next period"))
        self.recurs.setToolTip(
            self.tr(
                "For 'at least one conversation every 2 months after the previous one'. "
                "Without it, the number needed must be met once within the period."
            )
        )
        self.recurs.toggled.connect(self._recurs_changed)
        groups = QWidget()
        grid = QGridLayout(groups)
        grid.setContentsMargins(0, 0, 0, 0)
        labels = dict(target_groups.all_codes())
        self.groups: dict[str, QCheckBox] = {}
        for i, code in enumerate(LOCAL_GROUPS):
            box = QCheckBox(labels[code])
            self.groups[code] = box
            grid.addWidget(box, i, 0)
        self.valid_from = DateField()
        self.valid_from.setDisplayFormat("dd-MM-yyyy")
        self.valid_from.setCalendarPopup(True)
        self.valid_from.setDate(QDate(date.today().year, 1, 1))
        self.tightens = QComboBox()
        self.tightens.addItem(self.tr("(none)"), "")
        for rule in rules.legal:
            if not rule.historic:
                self.tightens.addItem(f"{rule.description} ({rule.source})", rule.id)
        self.source = QLineEdit()
        self.source.setPlaceholderText(self.tr("E.g. Quality standard, the municipality, 2026"))

        self.field_errors = {
            "id": MessageLabel(),
            "description": MessageLabel(),
            "groups": MessageLabel(),
            "source": MessageLabel(),
            "period": MessageLabel(),
        }
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        add_row(form, self.tr("&Id:"), self.rule_id, self.field_errors["id"])
        add_row(form, self.tr("&Description:"), self.description, self.field_errors["description"])
        add_row(form, self.tr("S&tarts at:"), self.start_event)
        add_row(form, self.tr("&Period:"), period, self.field_errors["period"])
        add_row(form, self.tr("&Number needed:"), self.count)
        add_row(form, self.tr("&Met by:"), self.meets)
        add_row(form, self.tr("&Repeats:"), self.recurs)
        add_row(form, self.tr("Target &groups:"), groups, self.field_errors["groups"])
        add_row(form, self.tr("&Valid from:"), self.valid_from)
        add_row(form, self.tr("T&ightens:"), self.tightens)
        add_row(form, self.tr("&Source:"), self.source, self.field_errors["source"])
        self.body.addLayout(form)
        chain: list[QWidget] = [
            self.rule_id,
            self.description,
            self.start_event,
            self.amount,
            self.unit,
            self.count,
            self.meets,
            self.recurs,
            *self.groups.values(),
            self.valid_from,
            self.tightens,
            self.source,
            self.buttons,
        ]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)
        self.rule_id.setFocus()

    def _recurs_changed(self, recurs: bool) -> None:
        # A chain has no count: each met event opens the next deadline.
        if recurs:
            self.count.setValue(1)
        self.count.setEnabled(not recurs)

    def values(self) -> LocalRuleInput:
        return LocalRuleInput(
            rule_id=self.rule_id.text().strip(),
            description=self.description.text().strip(),
            start_event=str(self.start_event.currentData()),
            amount=self.amount.value(),
            unit=Unit(str(self.unit.currentData())),
            count=self.count.value(),
            meets=str(self.meets.currentData()),
            target_groups=tuple(code for code, box in self.groups.items() if box.isChecked()),
            valid_from=self.valid_from.date().toPython(),  # type: ignore[arg-type]
            tightens=str(self.tightens.currentData()) or None,
            source=self.source.text().strip(),
            recurs=self.recurs.isChecked(),
        )

    def _check(self, values: LocalRuleInput) -> dict[str, str]:
        errors: dict[str, str] = {}
        if not values.rule_id:
            errors["id"] = self.tr("Give the standard an id, e.g. lokal-samtale-hver-2-maaned.")
        elif not RULE_ID.match(values.rule_id):
            errors["id"] = self.tr(
                "The id may only hold small letters a-z, digits, hyphens and underscores."
            )
        elif values.rule_id in self._taken:
            errors["id"] = self.tr("The id {id} is already used by another rule.").format(
                id=values.rule_id
            )
        if not values.description:
            errors["description"] = self.tr("Describe the standard as the caseworker reads it.")
        if not values.target_groups:
            errors["groups"] = self.tr("Choose at least one target group.")
        if not values.source:
            errors["source"] = self.tr("Say where the standard comes from.")
        if values.recurs and values.amount < 1:
            errors["period"] = self.tr("A repeating standard needs a period of at least 1.")
        return errors

    def accept_work(self) -> None:
        values = self.values()
        errors = self._check(values)
        if errors:
            for field, message in errors.items():
                self.field_errors[field].show_message(message)
            widget = {
                "id": self.rule_id,
                "description": self.description,
                "groups": next(iter(self.groups.values())),
                "source": self.source,
                "period": self.amount,
            }[next(iter(errors))]
            widget.setFocus()
            return
        self.operation(deadlines.add_local_rule, self._store, values.to_toml()).changes(
            Change.of(Aspect.RULES)
        ).success(partial(self._done, values.rule_id)).run()

    def _done(self, rule_id: str, _ids: list[str]) -> None:
        self.set_busy(False)
        self.added.emit(rule_id)
        self.accept()
