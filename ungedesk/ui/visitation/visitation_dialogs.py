"""Dialogs of the visitation tab: register or correct the visitation, change the target
group, and record a case event (e.g. "has left their plan")."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ungedesk.domain.kui import REACHED_LABELS, Reached
from ungedesk.domain.search import fold
from ungedesk.domain.visitation import (
    NEW_LAW,
    SUB_ASSESSMENT_LABELS,
    SubAssessment,
)
from ungedesk.services import catalogue, custody, target_groups, visitation
from ungedesk.services.catalogue import OfferView
from ungedesk.services.custody import CustodyView
from ungedesk.services.visitation import (
    EVENT_KINDS,
    OFFER_EVENTS,
    VisitationInput,
    VisitationView,
)
from ungedesk.store.database import Store
from ungedesk.ui.changes import Aspect, Change
from ungedesk.ui.dates import date_field, pydate, qdate
from ungedesk.ui.operations import Operation
from ungedesk.ui.visitation.record_tab import RecordWorkDialog
from ungedesk.ui.widgets import HINT_STYLE, MessageLabel, add_row, name_field


def fill_groups(combo: QComboBox, day: date, *, expected_rules: bool = False) -> None:
    """The target groups a visitation on ``day`` may pick, with that day's labels. Keeps the
    chosen one when it is still offered; otherwise nothing is chosen (the placeholder shows):
    the caseworker must pick a group, never get the first one by default."""
    keep = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for group in target_groups.options_on(day, expected_rules=expected_rules):
        combo.addItem(group.label, group.code)
        if group.expected:
            combo.setItemData(combo.count() - 1, group.source, Qt.ItemDataRole.ToolTipRole)
    combo.setCurrentIndex(combo.findData(keep) if keep is not None else -1)
    combo.blockSignals(False)


def _plain_text() -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 4 + 12)
    return edit


class VisitationDialog(RecordWorkDialog):
    """Register the visitation, or correct it when ``current`` is given."""

    def __init__(
        self,
        store: Store,
        youth_id: int,
        today: Callable[[], date],
        current: VisitationView | None = None,
        parent: QWidget | None = None,
        *,
        expected_rules: bool = False,
    ) -> None:
        super().__init__(self.tr("&Save"), parent)
        self._store = store
        self._youth_id = youth_id
        self._today = today
        self._expected_rules = expected_rules
        self.setWindowTitle(
            self.tr("Register visitation") if current is None else self.tr("Correct visitation")
        )
        # Wide enough for the longest target-group label of 2025-2026 (LAB § 6, nr. 4-5).
        self.setMinimumWidth(720)
        now = today()
        self.visited_on = date_field(current.visited_on if current else now, latest=now)
        self.target_group = QComboBox()
        self.target_group.setPlaceholderText(self.tr("Choose target group …"))
        self.sub_assessment = QComboBox()
        for sub, label in SUB_ASSESSMENT_LABELS.items():
            self.sub_assessment.addItem(label, sub.value)
        self.reasons = _plain_text()
        self.paalaeg = QGroupBox(self.tr("Education order (uddannelsespålæg) given"))
        self.paalaeg.setCheckable(True)
        self.paalaeg.setChecked(False)
        self.paalaeg_given_on = date_field(now)
        self.paalaeg_education = QLineEdit()
        self.paalaeg_education.setPlaceholderText(
            self.tr("The education the young person must point to")
        )
        self.paalaeg_deadline = date_field(now)
        self.paalaeg_note = MessageLabel(HINT_STYLE)
        self.paalaeg_note.show_message(
            self.tr("The education order was abolished from 1 January 2027.")
        )
        self.fvu_obu = QCheckBox(self.tr("FVU/OBU screening &needed"))
        # Two assessments under two laws, each with its date: the KUI målgruppevurdering to
        # FGU (KUI § 2 k) and the STU assessment under the STU law.
        self.fgu = QCheckBox(self.tr("&KUI target group assessment to FGU (§ 2 k) on"))
        self.fgu_on = date_field(now, latest=now)
        self.stu = QCheckBox(self.tr("Assessed for STU under t&he STU law on"))
        self.stu_on = date_field(now, latest=now)
        name_field(self.fgu_on, self.tr("Date of the assessment to FGU"))
        name_field(self.stu_on, self.tr("Date of the STU assessment"))
        for box, field in ((self.fgu, self.fgu_on), (self.stu, self.stu_on)):
            field.setEnabled(False)
            box.toggled.connect(field.setEnabled)
        self.uu_present = QCheckBox(self.tr("UU counsellor &present"))
        self.turned_away = QCheckBox(self.tr("Turned a&way at the door (vendt i døren)"))

        self.field_errors = {
            f: MessageLabel()
            for f in (
                "visited_on",
                "target_group",
                "reasons",
                "paalaeg_given_on",
                "paalaeg_education",
                "paalaeg_deadline",
                "fgu_assessed_on",
                "stu_assessed_on",
            )
        }
        paalaeg_form = QFormLayout(self.paalaeg)
        add_row(
            paalaeg_form,
            self.tr("&Given on"),
            self.paalaeg_given_on,
            self.field_errors["paalaeg_given_on"],
        )
        add_row(
            paalaeg_form,
            self.tr("Ed&ucation"),
            self.paalaeg_education,
            self.field_errors["paalaeg_education"],
        )
        add_row(
            paalaeg_form,
            self.tr("Dead&line"),
            self.paalaeg_deadline,
            self.field_errors["paalaeg_deadline"],
        )
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        add_row(form, self.tr("&Visitation date"), self.visited_on, self.field_errors["visited_on"])
        add_row(
            form, self.tr("&Target group"), self.target_group, self.field_errors["target_group"]
        )
        add_row(form, self.tr("&Sub-assessment"), self.sub_assessment)
        add_row(form, self.tr("&Reasons"), self.reasons, self.field_errors["reasons"])
        for box, field, key in (
            (self.fgu, self.fgu_on, "fgu_assessed_on"),
            (self.stu, self.stu_on, "stu_assessed_on"),
        ):
            row = QHBoxLayout()
            row.addWidget(box)
            row.addWidget(field)
            row.addStretch(1)
            form.addRow(row)
            form.addRow(self.field_errors[key])
        form.addRow(self.fvu_obu)
        form.addRow(self.uu_present)
        form.addRow(self.turned_away)
        self.body.addLayout(form)
        self.body.addWidget(self.paalaeg)
        self.body.addWidget(self.paalaeg_note)

        order: list[QWidget] = [
            self.visited_on,
            self.target_group,
            self.sub_assessment,
            self.reasons,
            self.fgu,
            self.fgu_on,
            self.stu,
            self.stu_on,
            self.fvu_obu,
            self.uu_present,
            self.turned_away,
            self.paalaeg,
            self.paalaeg_given_on,
            self.paalaeg_education,
            self.paalaeg_deadline,
            self.ok_button,
        ]
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)

        if current is not None:
            self._load(current)
        self.visited_on.dateChanged.connect(self._date_changed)
        self._date_changed()
        self.visited_on.setFocus()

    def _load(self, current: VisitationView) -> None:
        fill_groups(self.target_group, current.visited_on, expected_rules=self._expected_rules)
        first = current.groups[0] if current.groups else None
        if first is not None:
            # The recorded group, not a default: -1 (nothing) if the data no longer has it.
            self.target_group.setCurrentIndex(self.target_group.findData(first.code))
            for sub, label in SUB_ASSESSMENT_LABELS.items():
                if label == first.sub_assessment:
                    self.sub_assessment.setCurrentIndex(self.sub_assessment.findData(sub.value))
        self.reasons.setPlainText(current.reasons)
        if current.paalaeg_given_on is not None:
            self.paalaeg.setChecked(True)
            self.paalaeg_given_on.setDate(qdate(current.paalaeg_given_on))
            self.paalaeg_education.setText(current.paalaeg_education)
            if current.paalaeg_deadline is not None:
                self.paalaeg_deadline.setDate(qdate(current.paalaeg_deadline))
        self.fvu_obu.setChecked(current.fvu_obu_screening)
        for box, field, day in (
            (self.fgu, self.fgu_on, current.fgu_assessed_on),
            (self.stu, self.stu_on, current.stu_assessed_on),
        ):
            box.setChecked(day is not None)
            if day is not None:
                field.setDate(qdate(day))
        self.uu_present.setChecked(current.uu_present)
        self.turned_away.setChecked(current.turned_away)

    def _date_changed(self) -> None:
        day = pydate(self.visited_on)
        fill_groups(self.target_group, day, expected_rules=self._expected_rules)
        law_has_it = day < NEW_LAW
        self.paalaeg.setVisible(law_has_it)
        self.paalaeg_note.setVisible(not law_has_it)
        if not law_has_it:
            self.paalaeg.setChecked(False)
        self.refit_later()

    def visitation_input(self) -> VisitationInput:
        given = self.paalaeg.isVisible() and self.paalaeg.isChecked()
        return VisitationInput(
            visited_on=pydate(self.visited_on),
            target_group=str(self.target_group.currentData() or ""),
            sub_assessment=SubAssessment(str(self.sub_assessment.currentData())),
            reasons=self.reasons.toPlainText(),
            paalaeg_given_on=pydate(self.paalaeg_given_on) if given else None,
            paalaeg_education=self.paalaeg_education.text() if given else "",
            paalaeg_deadline=pydate(self.paalaeg_deadline) if given else None,
            fvu_obu_screening=self.fvu_obu.isChecked(),
            fgu_assessed_on=pydate(self.fgu_on) if self.fgu.isChecked() else None,
            stu_assessed_on=pydate(self.stu_on) if self.stu.isChecked() else None,
            uu_present=self.uu_present.isChecked(),
            turned_away=self.turned_away.isChecked(),
        )

    def accept_work(self) -> None:
        self.operation(
            visitation.save,
            self._store,
            self._youth_id,
            self.visitation_input(),
            today=self._today(),
        ).changes(Change.of(Aspect.VISITATION, Aspect.DEADLINES, youth_id=self._youth_id)).success(
            self.done_and_accept
        ).run()


class TargetGroupDialog(RecordWorkDialog):
    """Målgruppeskift: a new target group from a date, with the reason."""

    def __init__(
        self,
        store: Store,
        youth_id: int,
        today: Callable[[], date],
        parent: QWidget | None = None,
        *,
        current_group: str = "",
        expected_rules: bool = False,
    ) -> None:
        super().__init__(self.tr("&Change"), parent)
        self._store = store
        self._youth_id = youth_id
        self._today = today
        self._expected_rules = expected_rules
        self.setWindowTitle(self.tr("Change target group"))
        self.setMinimumWidth(720)
        self.since = date_field(today(), latest=today())
        self.target_group = QComboBox()
        self.target_group.setPlaceholderText(self.tr("Choose target group …"))
        self.sub_assessment = QComboBox()
        for sub, label in SUB_ASSESSMENT_LABELS.items():
            self.sub_assessment.addItem(label, sub.value)
        self.reason = QLineEdit()
        self.field_errors = {f: MessageLabel() for f in ("since", "target_group", "reason")}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        add_row(form, self.tr("&From"), self.since, self.field_errors["since"])
        add_row(
            form, self.tr("New &target group"), self.target_group, self.field_errors["target_group"]
        )
        add_row(form, self.tr("&Sub-assessment"), self.sub_assessment)
        add_row(form, self.tr("&Reason"), self.reason, self.field_errors["reason"])
        self.body.addLayout(form)
        for first, second in itertools.pairwise(
            [self.since, self.target_group, self.sub_assessment, self.reason, self.ok_button]
        ):
            self.setTabOrder(first, second)
        self.since.dateChanged.connect(self._date_changed)
        self._date_changed()
        # The current group to start from when it still exists; else nothing is chosen.
        self.target_group.setCurrentIndex(self.target_group.findData(current_group))
        self.since.setFocus()

    def _date_changed(self) -> None:
        fill_groups(self.target_group, pydate(self.since), expected_rules=self._expected_rules)

    def accept_work(self) -> None:
        self.operation(
            visitation.change_target_group,
            self._store,
            self._youth_id,
            str(self.target_group.currentData() or ""),
            pydate(self.since),
            self.reason.text(),
            today=self._today(),
            sub_assessment=SubAssessment(str(self.sub_assessment.currentData())),
        ).changes(Change.of(Aspect.VISITATION, Aspect.DEADLINES, youth_id=self._youth_id)).success(
            self.done_and_accept
        ).run()


class EventDialog(RecordWorkDialog):
    """A dated case event the deadline rules react to (e.g. "has left their plan")."""

    def __init__(
        self,
        store: Store,
        youth_id: int,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("&Save"), parent)
        self._store = store
        self._youth_id = youth_id
        self._today = today
        self.setWindowTitle(self.tr("Record event"))
        self.setMinimumWidth(480)
        self.kind = QComboBox()
        for kind, label in EVENT_KINDS.items():
            self.kind.addItem(label, kind)
        self.on = date_field(today(), latest=today())
        # KUI: the contact clock runs from the day the municipality learned that the young
        # person left the plan, and the contact must reach the young person and a parent.
        self.learned_on = date_field(today(), latest=today())
        self.reached = QComboBox()
        self.reached.addItem(self.tr("Choose who was reached"), "")
        for who in (Reached.YOUTH, Reached.PARENTS, Reached.BOTH):
            self.reached.addItem(REACHED_LABELS[who], who.value)
        self.kui_hint = QLabel()
        self.kui_hint.setWordWrap(True)
        self.kui_hint.setStyleSheet(HINT_STYLE)
        self.note = QLineEdit()
        self.field_errors = {
            f: MessageLabel() for f in ("kind", "on", "learned_on", "reached", "note")
        }
        form = self.form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        add_row(form, self.tr("&Event"), self.kind, self.field_errors["kind"])
        self.on_caption = add_row(form, self.tr("&Date"), self.on, self.field_errors["on"])
        self.learned_caption = add_row(
            form,
            self.tr("The municipality &learned of it"),
            self.learned_on,
            self.field_errors["learned_on"],
        )
        self.reached_caption = add_row(
            form, self.tr("&Reached"), self.reached, self.field_errors["reached"]
        )
        # An offer's start or end: the note picks from the catalogue (free text stays).
        self.offer_hint = QLabel()
        self.offer_hint.setWordWrap(True)
        self.offer_hint.setStyleSheet(HINT_STYLE)
        self._offers: list[OfferView] = []
        self._custody_text = ""
        add_row(form, self.tr("&Note"), self.note, self.field_errors["note"], self.offer_hint)
        self.body.addLayout(form)
        self.body.addWidget(self.kui_hint)
        # For a minor: who holds custody (the parents the KUI contact must reach), read on
        # the worker; empty for an adult.
        self.custody_hint = QLabel()
        self.custody_hint.setWordWrap(True)
        self.custody_hint.setStyleSheet(HINT_STYLE)
        self.custody_hint.setTextFormat(Qt.TextFormat.PlainText)
        self.custody_hint.hide()
        self.body.addWidget(self.custody_hint)
        for first, second in itertools.pairwise(
            [self.kind, self.on, self.learned_on, self.reached, self.note, self.ok_button]
        ):
            self.setTabOrder(first, second)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.on.dateChanged.connect(self._on_changed)
        self.note.textChanged.connect(self._show_offer)
        self._kind_changed()
        self.kind.setFocus()
        Operation(self, catalogue.list_offers, store, active_only=True).latest("offers").success(
            self._offers_loaded
        ).run()
        Operation(self, custody.custody, store, youth_id, today()).success(
            self._custody_loaded
        ).run()

    def _custody_loaded(self, view: CustodyView) -> None:
        if not view.minor:
            return
        if view.current:
            people = "; ".join(
                ", ".join(p for p in (f"{h.name} ({h.relation_label.lower()})", h.phone) if p)
                for h in view.current
            )
            self._custody_text = self.tr("Custody: {people}").format(people=people)
        else:
            self._custody_text = self.tr(
                "No custody holder is recorded: add the parents under Basic data."
            )
        self._kind_changed()

    def _offers_loaded(self, offers: list[OfferView]) -> None:
        self._offers = offers
        completer = QCompleter([o.name for o in offers], self.note)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.note.setCompleter(completer)
        self._show_offer()

    def picked_offer(self) -> OfferView | None:
        wanted = fold(" ".join(self.note.text().split()))
        return next((o for o in self._offers if wanted and fold(o.name) == wanted), None)

    def _show_offer(self, *_changed: object) -> None:
        kind = self.chosen_kind()
        offer = self.picked_offer()
        if kind not in OFFER_EVENTS:
            text = ""
        elif offer is None:
            text = self.tr("Pick the offer from the catalogue, or write it freely.")
        elif kind == "tilbud_slut":
            text = self.tr("From the catalogue: %1").replace("%1", offer.kind_label)
        else:
            verdict = catalogue.verdict(offer.kind, pydate(self.on), offer.weeks)
            text = f"{offer.kind_label}: {verdict.text}"
        self.offer_hint.setText(text)
        self.offer_hint.setVisible(bool(text))
        self.refit_later()

    def chosen_kind(self) -> str:
        return str(self.kind.currentData())

    def _kind_changed(self) -> None:
        kind = self.chosen_kind()
        left, contact = kind == "left_plan", kind == "contact"
        # Hiding the whole row (not only its widgets) leaves no gap in the form.
        self.form.setRowVisible(self.learned_caption, left)
        self.form.setRowVisible(self.reached_caption, contact)
        self.on_caption.setText(self.tr("Left the plan &on") if left else self.tr("&Date"))
        if left:
            self.kui_hint.setText(
                self.tr(
                    "The young person and the parents must be contacted within 5 working "
                    "days after the municipality learned of it."
                )
            )
        elif contact:
            self.kui_hint.setText(
                self.tr(
                    "The contact deadline is met when both the young person and a parent "
                    "(the holder of parental responsibility) have been reached."
                )
            )
        self.kui_hint.setVisible(left or contact)
        self.custody_hint.setText(self._custody_text)
        self.custody_hint.setVisible(bool(self._custody_text) and (left or contact))
        self._show_offer()
        self.refit_later()

    def _on_changed(self) -> None:
        # Learning of it cannot come before the day itself: follow the date forward.
        if self.learned_on.date() < self.on.date():
            self.learned_on.setDate(self.on.date())
        self._show_offer()

    def accept_work(self) -> None:
        kind = self.chosen_kind()
        reached_code = str(self.reached.currentData() or "")
        self.operation(
            visitation.record_event,
            self._store,
            self._youth_id,
            kind,
            pydate(self.on),
            self.note.text(),
            today=self._today(),
            learned_on=pydate(self.learned_on) if kind == "left_plan" else None,
            reached=Reached(reached_code) if kind == "contact" and reached_code else None,
        ).changes(Change.of(Aspect.VISITATION, Aspect.DEADLINES, youth_id=self._youth_id)).success(
            self.done_and_accept
        ).run()
