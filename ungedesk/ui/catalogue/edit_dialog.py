"""Adding or editing one offer of the catalogue: validation messages under their fields,
and what the law says about an offer of the chosen kind and duration today."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from ungedesk.domain.offers import AUDIENCES, MAX_AGE, MAX_WEEKS, MIN_AGE, OfferInput
from ungedesk.services import catalogue
from ungedesk.services.catalogue import OfferView
from ungedesk.store.database import Store
from ungedesk.ui.changes import Aspect, Change
from ungedesk.ui.widgets import HINT_STYLE, MessageLabel, add_row
from ungedesk.ui.work_dialog import WorkDialog

FIELDS = (
    "name",
    "kind",
    "provider",
    "audiences",
    "min_age",
    "max_age",
    "weeks",
    "contact_name",
    "contact_phone",
    "contact_email",
    "notes",
    "offer",
)


def _optional_spin(low: int, high: int, accessible: str) -> QSpinBox:
    """A number that may be left empty: one below ``low`` reads "–" and means none."""
    spin = QSpinBox()
    spin.setRange(low - 1, high)
    spin.setSpecialValueText("–")
    spin.setValue(low - 1)
    spin.setAccessibleName(accessible)
    return spin


class OfferDialog(WorkDialog):
    """New offer (``offer`` None) or edit one."""

    def __init__(
        self,
        store: Store,
        today: Callable[[], date],
        offer: OfferView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("&Save"), parent)
        self._store = store
        self._today = today
        self._offer = offer
        self.saved: OfferView | None = None
        self.setWindowTitle(self.tr("New offer") if offer is None else self.tr("Edit offer"))
        self.setMinimumWidth(560)
        for name in FIELDS:
            self.field_errors[name] = MessageLabel()
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Name"))
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind"))
        rules = catalogue.rules()
        for kind in rules.kinds_on(today()):
            self.kind.addItem(kind.label, kind.code)
        if offer is not None and self.kind.findData(offer.kind) < 0:
            # A kind the law has since ended: kept on the offer, shown as it is.
            self.kind.addItem(rules.label(offer.kind), offer.kind)
        self.provider = QLineEdit()
        self.provider.setAccessibleName(self.tr("Provider"))
        audiences = QWidget()
        grid = QGridLayout(audiences)  # three a row: five in one row were cut off
        grid.setContentsMargins(0, 0, 0, 0)
        self.audiences: dict[str, QCheckBox] = {}
        for n, (code, label) in enumerate(AUDIENCES.items()):
            box = QCheckBox(label)
            self.audiences[code] = box
            grid.addWidget(box, n // 3, n % 3)
        self.min_age = _optional_spin(MIN_AGE, MAX_AGE, self.tr("Lowest age"))
        self.max_age = _optional_spin(MIN_AGE, MAX_AGE, self.tr("Highest age"))
        self.weeks = _optional_spin(1, MAX_WEEKS, self.tr("Typical duration in weeks"))
        self.weeks.setMaximumWidth(90)
        self.contact_name = QLineEdit()
        self.contact_name.setAccessibleName(self.tr("Contact person"))
        self.contact_phone = QLineEdit()
        self.contact_phone.setAccessibleName(self.tr("Phone"))
        self.contact_email = QLineEdit()
        self.contact_email.setAccessibleName(self.tr("E-mail"))
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(70)
        self.law = QLabel()
        self.law.setWordWrap(True)
        self.law.setStyleSheet(HINT_STYLE)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        e = self.field_errors
        add_row(form, self.tr("&Name"), self.name, e["name"])
        add_row(form, self.tr("&Kind"), self.kind, e["kind"], self.law)
        add_row(form, self.tr("&Provider"), self.provider, e["provider"])
        form.addRow(self.tr("For"), audiences)
        form.addRow("", e["audiences"])
        ages = QWidget()
        ages_row = QHBoxLayout(ages)
        ages_row.setContentsMargins(0, 0, 0, 0)
        ages_row.addWidget(self.min_age)
        ages_row.addWidget(QLabel(self.tr("to")))
        ages_row.addWidget(self.max_age)
        ages_row.addStretch(1)
        add_row(form, self.tr("&Ages"), ages, e["min_age"], e["max_age"])
        add_row(form, self.tr("Typical &duration (weeks)"), self.weeks, e["weeks"])
        add_row(form, self.tr("&Contact person"), self.contact_name, e["contact_name"])
        add_row(form, self.tr("P&hone"), self.contact_phone, e["contact_phone"])
        add_row(form, self.tr("&E-mail"), self.contact_email, e["contact_email"])
        add_row(form, self.tr("N&otes"), self.notes, e["notes"])
        self.body.addLayout(form)
        self.body.addWidget(e["offer"])
        if offer is not None:
            self._fill(offer)
        self.kind.currentIndexChanged.connect(self._show_law)
        self.weeks.valueChanged.connect(self._show_law)
        self._show_law()
        self.name.setFocus()

    def _fill(self, offer: OfferView) -> None:
        self.name.setText(offer.name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(offer.kind)))
        self.provider.setText(offer.provider)
        for code, box in self.audiences.items():
            box.setChecked(code in offer.audiences)
        if offer.min_age is not None:
            self.min_age.setValue(offer.min_age)
        if offer.max_age is not None:
            self.max_age.setValue(offer.max_age)
        if offer.weeks is not None:
            self.weeks.setValue(offer.weeks)
        self.contact_name.setText(offer.contact_name)
        self.contact_phone.setText(offer.contact_phone)
        self.contact_email.setText(offer.contact_email)
        self.notes.setPlainText(offer.notes)

    @staticmethod
    def _value(spin: QSpinBox) -> int | None:
        return None if spin.value() == spin.minimum() else spin.value()

    def _show_law(self, *_changed: object) -> None:
        kind = self.kind.currentData()
        if not isinstance(kind, str):
            self.law.clear()
            return
        verdict = catalogue.verdict(kind, self._today(), self._value(self.weeks))
        text = verdict.text + (f" {verdict.cap}" if verdict.cap else "")
        self.law.setText(text)
        self.law.setToolTip(verdict.source)

    def entered(self) -> OfferInput:
        kind = self.kind.currentData()
        return OfferInput(
            name=self.name.text(),
            kind=kind if isinstance(kind, str) else "",
            provider=self.provider.text(),
            audiences=tuple(c for c, box in self.audiences.items() if box.isChecked()),
            min_age=self._value(self.min_age),
            max_age=self._value(self.max_age),
            weeks=self._value(self.weeks),
            contact_name=self.contact_name.text(),
            contact_phone=self.contact_phone.text(),
            contact_email=self.contact_email.text(),
            notes=self.notes.toPlainText(),
        )

    def accept_work(self) -> None:
        data = self.entered()
        if self._offer is None:
            op = self.operation(catalogue.add_offer, self._store, data)
        else:
            op = self.operation(catalogue.edit_offer, self._store, self._offer.id, data)
        op.changes(Change.of(Aspect.CATALOGUE)).success(self._done).run()

    def _done(self, saved: OfferView) -> None:
        self.saved = saved
        self.accept()
