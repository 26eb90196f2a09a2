"""The plan's dialogs: registering and withdrawing consent, handing out a version, and the
handed-out versions read-only with what has changed since the last one."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from html import escape

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ungedesk.domain.errors import KnownError
from ungedesk.domain.plan import (
    APPLICATION_LABELS,
    CONTACT_ROLE_LABELS,
    FIELD_LABELS,
    GOAL_TYPE_LABELS,
    OWNER_LABELS,
    SUBGOAL_STATUS_LABELS,
    ConsentScope,
    PlanContent,
    SubgoalOwner,
)
from ungedesk.domain.progression import INDICATOR_LABELS
from ungedesk.services import custody
from ungedesk.services import plan as plan_service
from ungedesk.services.custody import CustodyView
from ungedesk.services.plan import ConsentView, VersionSummary
from ungedesk.store.database import Store
from ungedesk.ui.changes import Aspect, Change
from ungedesk.ui.i18n import format_day
from ungedesk.ui.operations import Operation
from ungedesk.ui.widgets import (
    HINT_STYLE,
    WARNING_STYLE,
    DateField,
    FittingDialog,
    MessageLabel,
    add_row,
    name_table,
)
from ungedesk.ui.work_dialog import WorkDialog


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _hint(text: str, style: str = HINT_STYLE) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(style)
    return label


# --- consent -------------------------------------------------------------------------------


class ConsentDialog(WorkDialog):
    """ "Registrér samtykke": which areas, when it was given, and how (a short note)."""

    def __init__(
        self,
        store: Store,
        youth_id: int,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("&Register"), parent)
        self._store = store
        self._youth_id = youth_id
        self._today = today
        self.consent_id: int | None = None
        self.setWindowTitle(self.tr("Register consent"))
        self.setMinimumWidth(520)
        self.scopes: dict[ConsentScope, QCheckBox] = {}
        areas = QWidget()
        areas_layout = QHBoxLayout(areas)
        areas_layout.setContentsMargins(0, 0, 0, 0)
        mnemonics = {
            ConsentScope.HEALTH: self.tr("&Health"),
            ConsentScope.HOUSING: self.tr("H&ousing"),
            ConsentScope.FAMILY: self.tr("&Family"),
        }
        for scope in ConsentScope:
            box = QCheckBox(mnemonics[scope])
            self.scopes[scope] = box
            areas_layout.addWidget(box)
        areas_layout.addStretch(1)
        self.given_on = DateField()
        self.given_on.setDisplayFormat("dd-MM-yyyy")
        self.given_on.setCalendarPopup(True)
        self.given_on.setMaximumDate(_qdate(today()))
        self.given_on.setDate(_qdate(today()))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("e.g. Given orally at the conversation"))
        for name in ("scopes", "given_on", "note"):
            self.field_errors[name] = MessageLabel()
        self.body.addWidget(
            _hint(
                self.tr(
                    "The young person decides what beyond education and work goes into the "
                    "plan. Register the consent as it was given; it can be withdrawn later."
                )
            )
        )
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        caption = QLabel(self.tr("Covers"))
        form.addRow(caption, areas)
        form.addRow("", self.field_errors["scopes"])
        add_row(form, self.tr("&Given on"), self.given_on, self.field_errors["given_on"])
        add_row(form, self.tr("&Note"), self.note, self.field_errors["note"])
        # A minor's consent is given with the custody holders: the ones who hold custody
        # today are offered (read on the worker; the row stays hidden for an adult).
        self.holders: dict[int, QCheckBox] = {}
        self.holders_row = QWidget()
        self._holders_layout = QVBoxLayout(self.holders_row)
        self._holders_layout.setContentsMargins(0, 0, 0, 0)
        self.field_errors["given_by"] = MessageLabel()
        self.holders_caption = QLabel(self.tr("Given with"))
        form.addRow(self.holders_caption, self.holders_row)
        form.addRow("", self.field_errors["given_by"])
        self.holders_caption.hide()
        self.holders_row.hide()
        self.body.addLayout(form)
        self.scopes[ConsentScope.HEALTH].setFocus()
        Operation(self, custody.custody, store, youth_id, today()).success(
            self._custody_loaded
        ).run()

    def _custody_loaded(self, view: CustodyView) -> None:
        if not view.minor or not view.current:
            return
        for holder in view.current:
            box = QCheckBox(f"{holder.name} ({holder.relation_label.lower()})")
            box.setChecked(holder.takes_part)
            box.setAccessibleName(self.tr("Consent also given by {name}").format(name=holder.name))
            self.holders[holder.id] = box
            self._holders_layout.addWidget(box)
        self.holders_caption.show()
        self.holders_row.show()

    def holder_ids(self) -> list[int]:
        return [i for i, box in self.holders.items() if box.isChecked()]

    def chosen(self) -> list[ConsentScope]:
        return [scope for scope, box in self.scopes.items() if box.isChecked()]

    def accept_work(self) -> None:
        given = self.given_on.date().toPython()
        assert isinstance(given, date)
        self.operation(
            plan_service.give_consent,
            self._store,
            self._youth_id,
            self.chosen(),
            given,
            self.note.text().strip(),
            today=self._today(),
            holder_ids=self.holder_ids(),
        ).changes(Change.of(Aspect.PLAN, youth_id=self._youth_id)).success(self._done).run()

    def _done(self, consent_id: int) -> None:
        self.set_busy(False)
        self.consent_id = consent_id
        self.accept()


class WithdrawConsentDialog(WorkDialog):
    """Withdraw one consent. Text in areas no longer covered leaves the draft at once;
    handed-out versions keep it, as they record what the young person was given."""

    def __init__(
        self,
        store: Store,
        youth_id: int,
        consents: Sequence[ConsentView],
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("&Withdraw"), parent)
        self._store = store
        self._youth_id = youth_id
        self.setWindowTitle(self.tr("Withdraw consent"))
        self.setMinimumWidth(520)
        self.consent = QComboBox()
        for c in consents:
            self.consent.addItem(
                self.tr("{areas}, given {day}").format(
                    areas=c.scope_label, day=format_day(c.given_on)
                ),
                c.id,
            )
        self.on = DateField()
        self.on.setDisplayFormat("dd-MM-yyyy")
        self.on.setCalendarPopup(True)
        self.on.setMaximumDate(_qdate(today()))
        self.on.setDate(_qdate(today()))
        for name in ("consent_id", "on"):
            self.field_errors[name] = MessageLabel()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        add_row(form, self.tr("&Consent"), self.consent, self.field_errors["consent_id"])
        add_row(form, self.tr("Withdrawn &on"), self.on, self.field_errors["on"])
        self.body.addLayout(form)
        self.body.addWidget(
            _hint(
                self.tr(
                    "Text in the plan about areas no longer covered is removed from the draft "
                    "now. Versions already handed out stay as they were."
                ),
                WARNING_STYLE,
            )
        )
        self.consent.setFocus()

    def accept_work(self) -> None:
        on = self.on.date().toPython()
        assert isinstance(on, date)
        self.operation(
            plan_service.withdraw_consent, self._store, int(self.consent.currentData()), on
        ).changes(Change.of(Aspect.PLAN, youth_id=self._youth_id)).success(self._done).run()

    def _done(self, _result: None) -> None:
        self.set_busy(False)
        self.accept()


# --- handing out ---------------------------------------------------------------------------


class HandOutDialog(FittingDialog):
    """Asks before a version is frozen, and shows what the young person gets that is new."""

    def __init__(
        self,
        *,
        changes: Sequence[str],
        first: bool,
        unsaved: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Hand out plan"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        if first:
            text = self.tr(
                "Hand out the plan as version 1? It is frozen as it is now, dated today and "
                "with you as the one who handed it out. Later edits make a new draft."
            )
        elif changes or unsaved:
            text = self.tr("Hand out a new version? The versions handed out before stay readable.")
        else:
            text = self.tr(
                "Nothing has changed since the last version. Hand out the same plan again as "
                "a new version?"
            )
        self.question = _hint(text, "")
        layout.addWidget(self.question)
        self.changes = QLabel()
        self.changes.setWordWrap(True)
        self.changes.setTextFormat(Qt.TextFormat.PlainText)
        if changes:
            lines = "\n".join(f"• {line}" for line in changes)
            self.changes.setText(self.tr("Changed since the last version:") + "\n" + lines)
        self.changes.setVisible(bool(changes))
        layout.addWidget(self.changes)
        self.unsaved = _hint(
            self.tr("Your unsaved changes are saved first and are part of the version."),
            WARNING_STYLE,
        )
        self.unsaved.setVisible(unsaved)
        layout.addWidget(self.unsaved)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Hand out"))
        self.ok_button.setDefault(True)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.ok_button.setFocus()


# --- versions ------------------------------------------------------------------------------


def content_html(content: PlanContent) -> str:
    """A handed-out version as simple HTML for a read-only view; every user string is
    escaped (a plan may hold '<' or '&')."""
    parts: list[str] = []

    def section(title: str, body: str) -> None:
        parts.append(f"<h3>{escape(title)}</h3>{body}")

    def paragraph(text: str) -> str:
        return "<p>" + escape(text).replace("\n", "<br>") + "</p>"

    goal = []
    if content.goal_type is not None:
        goal.append(GOAL_TYPE_LABELS[content.goal_type])
    goal.extend(p for p in (content.programme, content.school) if p)
    if content.goal_start is not None:
        goal.append("start " + format_day(content.goal_start))
    section(FIELD_LABELS["goal_type"], paragraph(", ".join(goal) or "–"))
    for name in (
        "short_term_goals",
        "long_term_goals",
        "own_wishes",
        "challenges",
        "health",
        "housing",
        "family",
    ):
        text = getattr(content, name)
        if text:
            section(FIELD_LABELS[name], paragraph(text))

    def listing(items: list[str]) -> str:
        return "<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>"

    if content.subgoals:
        rows = []
        for g in content.subgoals:
            who = g.owner_name if g.owner is SubgoalOwner.OTHER else OWNER_LABELS[g.owner]
            if g.owner is not SubgoalOwner.OTHER and g.owner_name:
                who += f" ({g.owner_name})"
            bits = [g.text, who, SUBGOAL_STATUS_LABELS[g.status]]
            if g.due is not None:
                bits.insert(1, format_day(g.due))
            if g.indicator is not None:
                bits.append(INDICATOR_LABELS[g.indicator])
            rows.append(" – ".join(bits))
        section(FIELD_LABELS["subgoals"], listing(rows))
    if content.interventions:
        rows = []
        for i in content.interventions:
            bits = [i.name]
            if i.provider:
                bits.append(i.provider)
            period = " til ".join(format_day(d) for d in (i.starts_on, i.ends_on) if d)
            if period:
                bits.append(period)
            if i.purpose:
                bits.append(i.purpose)
            rows.append(" – ".join(bits))
        section(FIELD_LABELS["interventions"], listing(rows))
    if content.applications:
        section(
            FIELD_LABELS["applications"],
            listing(
                [
                    " – ".join(
                        b
                        for b in (APPLICATION_LABELS[a.kind], a.place, format_day(a.on), a.note)
                        if b
                    )
                    for a in content.applications
                ]
            ),
        )
    if content.contacts:
        section(
            FIELD_LABELS["contacts"],
            listing(
                [
                    " – ".join(
                        b
                        for b in (
                            c.name,
                            CONTACT_ROLE_LABELS[c.role],
                            c.title,
                            c.phone,
                            c.email,
                        )
                        if b
                    )
                    for c in content.contacts
                ]
            ),
        )
    return "".join(parts)


class VersionsDialog(QDialog):
    """The handed-out versions, newest first, each readable as it was handed out, and what
    the draft has changed since the last one."""

    preview_requested = Signal(int)  # version number
    version_shown = Signal(int)  # a version's content arrived and is shown

    def __init__(
        self,
        store: Store,
        youth_id: int,
        versions: Sequence[VersionSummary],
        changes: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._youth_id = youth_id
        self.shown: int | None = None
        self.setWindowTitle(self.tr("Handed-out versions"))
        self.resize(900, 600)
        self.list = QListWidget()
        name_table(
            self.list,
            self.tr("Handed-out versions"),
            self.tr("Each version of the plan handed out to the young person, newest first."),
        )
        for v in sorted(versions, key=lambda v: v.number, reverse=True):
            item = QListWidgetItem(
                self.tr("Version {number}, {day}").format(
                    number=v.number, day=format_day(v.handed_out_on)
                )
            )
            item.setToolTip(self.tr("Handed out by {who}").format(who=v.handed_out_by))
            item.setData(Qt.ItemDataRole.UserRole, v.number)
            self.list.addItem(item)
        self.list.setMinimumWidth(
            self.list.fontMetrics().horizontalAdvance("Version 10, 30. sep. 2026") + 32
        )
        self.view = QTextBrowser()
        self.view.setOpenLinks(False)
        self.view.setReadOnly(True)
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.error = MessageLabel()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(self.view, 1)
        right_layout.addWidget(self.error)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([self.list.minimumWidth(), 700])

        latest = max((v.number for v in versions), default=0)
        self.changes = QLabel()
        self.changes.setWordWrap(True)
        self.changes.setTextFormat(Qt.TextFormat.PlainText)
        if changes:
            self.changes.setText(
                self.tr("The draft has changed since version {number}:").format(number=latest)
                + "\n"
                + "\n".join(f"• {line}" for line in changes)
            )
        else:
            self.changes.setText(
                self.tr("The draft is the same as version {number}.").format(number=latest)
            )
        self.pdf_button = QPushButton(self.tr("Show &PDF of this version"))
        self.pdf_button.setEnabled(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.pdf_button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.changes)
        layout.addLayout(bottom)

        self.buttons.rejected.connect(self.reject)
        self.pdf_button.clicked.connect(self._pdf)
        self.list.currentItemChanged.connect(self._selected)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.list.setFocus()

    def _selected(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is None:
            return
        number = int(item.data(Qt.ItemDataRole.UserRole))
        self.pdf_button.setEnabled(False)
        # Arrow keys walk the list faster than versions are read: only the last one shows.
        Operation(self, plan_service.version_content, self._store, self._youth_id, number).latest(
            "version"
        ).success(self._arrived).run()

    def _arrived(self, result: tuple[VersionSummary, PlanContent]) -> None:
        summary, content = result
        current = self.list.currentItem()
        if current is None or int(current.data(Qt.ItemDataRole.UserRole)) != summary.number:
            return  # an answer for a version no longer selected
        self.shown = summary.number
        self.heading.setText(
            self.tr("Version {number}, handed out {day} by {who} (read-only)").format(
                number=summary.number,
                day=format_day(summary.handed_out_on),
                who=summary.handed_out_by,
            )
        )
        self.view.setHtml(content_html(content))
        self.pdf_button.setEnabled(True)
        self.version_shown.emit(summary.number)

    def show_known_error(self, error: KnownError) -> None:
        self.error.show_message(error.message)

    def _pdf(self) -> None:
        if self.shown is not None:
            self.preview_requested.emit(self.shown)
