"""One young person's record: a header with who they are, then the sections that exist."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ungedesk.domain.errors import KnownError
from ungedesk.services import youths
from ungedesk.services.team import TeamView
from ungedesk.services.youths import YouthRecord
from ungedesk.store.database import Store
from ungedesk.ui.clipboard import secret_clipboard
from ungedesk.ui.elided_label import ElidedLabel
from ungedesk.ui.i18n import format_day
from ungedesk.ui.operations import Operation
from ungedesk.ui.record.custody_box import CustodyBox
from ungedesk.ui.record.handover_box import HandoverBox
from ungedesk.ui.team.team_box import TeamBox, contact_line
from ungedesk.ui.widgets import GOOD_STYLE, MessageLabel

if TYPE_CHECKING:
    # Each section's module is imported when the section is first shown: the plan's pulls
    # in the PDF renderer, and a record opens on its first tab without any of them.
    from ungedesk.ui.plan.panel import PlanPanel
    from ungedesk.ui.progression.panel import ProgressionPanel
    from ungedesk.ui.record.journal_panel import JournalPanel
    from ungedesk.ui.visitation.conversations_panel import ConversationsPanel
    from ungedesk.ui.visitation.deadlines_panel import DeadlinesPanel
    from ungedesk.ui.visitation.visitation_panel import VisitationPanel


def _value_label() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class RecordView(QWidget):
    """Shows a YouthRecord. The full CPR number only appears after a deliberate click on
    "Show CPR" and hides again with the same button. "Copy CPR" puts it on the clipboard
    for a short while, marked as secret; both go through the audit-logged reveal."""

    edit_requested = Signal(int)

    def __init__(
        self,
        store: Store,
        record: YouthRecord,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
        *,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        if now is None:
            # The clock on the record's own day (tests and demos fix the day).
            def now() -> datetime:
                return datetime.combine(today(), datetime.now().time())

        self._store = store
        self._today = today
        self.record = record

        # A very long name elides (the whole name in its tooltip) rather than widen the window.
        self.name = ElidedLabel()
        font = QFont(self.name.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.name.setFont(font)
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.cpr = _value_label()
        self.cpr.setWordWrap(False)
        # Not selectable: a revealed number copied with the mouse and Ctrl+C would reach
        # the clipboard without the secret markers and never be cleared. "Copy CPR" is
        # the one way to copy it (logged, marked secret, cleared after 30 s).
        self.cpr.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.cpr.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.reveal = QPushButton(self.tr("Show &CPR"))
        self.reveal.setCheckable(True)
        self.reveal.setToolTip(self.tr("Show the full CPR number. Press again to hide it."))
        self.copy_cpr = QPushButton(self.tr("C&opy CPR"))
        self.copy_cpr.setToolTip(
            self.tr(
                "Copy the full CPR number to paste it into another system. The clipboard "
                "is emptied again after {seconds} seconds."
            ).format(seconds=secret_clipboard().clear_after_ms // 1000)
        )
        self.copied = QLabel()
        self.copied.setStyleSheet(GOOD_STYLE)
        self.copied.setWordWrap(True)
        self.copied.hide()
        self.error = MessageLabel()
        self.age = _value_label()
        self.sex = _value_label()
        self.case_number = _value_label()
        self.caseworker = _value_label()
        self.status = _value_label()
        self._awaiting_receipt = False  # set by the handover box once it has read

        header = QGridLayout()
        header.setHorizontalSpacing(24)
        # The CPR buttons get a row of their own: beside the number they made the header
        # wider than the record pane.
        cpr_buttons = QHBoxLayout()
        cpr_buttons.setSpacing(8)
        cpr_buttons.addWidget(self.reveal)
        cpr_buttons.addWidget(self.copy_cpr)
        cpr_buttons.addSpacing(8)
        cpr_buttons.addWidget(self.copied, 10)
        cpr_buttons.addWidget(self.error, 10)
        cpr_buttons.addStretch(1)
        header.addWidget(self.name, 0, 0, 1, 5)  # into the stretching column: room to show it
        for column, (caption, widget) in enumerate(
            (
                (self.tr("CPR no."), self.cpr),
                (self.tr("Age"), self.age),
                (self.tr("Legal sex"), self.sex),
                (self.tr("Case no."), self.case_number),
            )
        ):
            header.addWidget(self._caption(caption), 1, column)
            header.addWidget(widget, 2, column)
        header.addLayout(cpr_buttons, 3, 0, 1, 5)
        header.setRowMinimumHeight(3, self.reveal.sizeHint().height() + 8)
        for column, (caption, widget) in enumerate(
            ((self.tr("Caseworker"), self.caseworker), (self.tr("Status"), self.status))
        ):
            header.addWidget(self._caption(caption), 4, column)
            # The status spans the rest of the row: "handed over, awaiting the receipt"
            # would wrap word by word in a column of its own.
            header.addWidget(widget, 5, column, 1, 4 if widget is self.status else 1)
        # The coordinating caseworker and contact person with phone and e-mail (the team
        # box below reads them; the header shows its result).
        self.team_line = QLabel()
        self.team_line.setWordWrap(True)
        self.team_line.setTextFormat(Qt.TextFormat.PlainText)
        self.team_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        header.addWidget(self.team_line, 6, 0, 1, 5)
        header.setColumnStretch(4, 1)

        self.address = _value_label()
        self.phone = _value_label()
        self.email = _value_label()
        self.henvendelse = _value_label()
        self.benefit = _value_label()
        self.education = _value_label()
        self.edit_button = QPushButton(self.tr("&Edit"))
        basic = QGroupBox(self.tr("Basic data"))
        basic_form = QFormLayout(basic)
        basic_form.addRow(self.tr("Address"), self.address)
        basic_form.addRow(self.tr("Phone"), self.phone)
        basic_form.addRow(self.tr("E-mail"), self.email)
        basic_form.addRow(self.tr("First contact"), self.henvendelse)
        basic_form.addRow(self.tr("Benefit"), self.benefit)
        basic_form.addRow(self.tr("Education"), self.education)
        edit_row = QHBoxLayout()
        edit_row.addStretch(1)
        edit_row.addWidget(self.edit_button)
        basic_form.addRow(edit_row)

        content = QWidget()
        basic_layout = QVBoxLayout(content)
        basic_layout.addWidget(basic)
        self.team_box = TeamBox(store, record.id, today)
        self.team_box.loaded.connect(self._show_team)
        basic_layout.addWidget(self.team_box)
        # The people and the responsibility around the young person: each box reads its own
        # data on the worker and stays hidden when it has nothing to say (an adult never
        # under custody here, a case never handed over).
        self.handover = HandoverBox(store, record.id, now)
        self.handover.case_closed.connect(self._reread)
        self.handover.pending_changed.connect(self._handover_pending)
        basic_layout.addWidget(self.handover)
        self.custody = CustodyBox(store, record.id, today)
        basic_layout.addWidget(self.custody)
        basic_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)

        # Only the tab on screen is built: a record opens with its header and basic data at
        # once, and each section is made (and reads its data) when first shown.
        self._store_now = (store, record.id, today, now)
        self._panels: dict[str, QWidget] = {}
        self._slots: dict[str, QWidget] = {}
        self.tabs = QTabWidget()
        self.tabs.addTab(scroll, self.tr("Basic data"))
        for key, title in (
            ("visitation", self.tr("Visitation")),
            ("conversations", self.tr("Conversations")),
            ("deadlines", self.tr("Deadlines")),
            ("plan", self.tr("Plan")),
            ("progression", self.tr("Progression")),
            ("journal", self.tr("&Journal")),
        ):
            slot = QWidget()
            slot_layout = QVBoxLayout(slot)
            slot_layout.setContentsMargins(0, 0, 0, 0)
            self._slots[key] = slot
            self.tabs.addTab(slot, title)
        self.tabs.currentChanged.connect(self._tab_shown)
        # The tabs refresh themselves from the change bus (the plan too: it shows the next
        # meeting, booked on the Conversations tab).
        self.book_shortcut = QShortcut(QKeySequence("Ctrl+B"), self)
        self.book_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.book_shortcut.activated.connect(self.book_conversation)
        self.measure_shortcut = QShortcut(QKeySequence("Ctrl+M"), self)
        self.measure_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.measure_shortcut.activated.connect(self.new_measurement)

        outer = QVBoxLayout(self)
        outer.addLayout(header)
        outer.addSpacing(8)
        outer.addWidget(self.tabs, 1)

        self.reveal.toggled.connect(self._show_cpr)
        self.copy_cpr.clicked.connect(self._copy_cpr)
        secret_clipboard().cleared.connect(self._clipboard_cleared)
        self.edit_button.clicked.connect(self._edit_clicked)
        self.show_record(record)

    def take_focus(self) -> None:
        """Put the keyboard on the record's sections (arrow keys or Ctrl+Tab change them),
        so a screen reader says where the caseworker has landed."""
        self.tabs.tabBar().setFocus(Qt.FocusReason.OtherFocusReason)

    def _edit_clicked(self) -> None:
        self.edit_requested.emit(self.record.id)

    # --- the sections, built when first shown -------------------------------------------

    def _tab_shown(self, index: int) -> None:
        for key, slot in self._slots.items():
            if self.tabs.widget(index) is slot:
                self._panel(key)

    def _panel(self, key: str) -> QWidget:
        panel = self._panels.get(key)
        if panel is None:
            store, youth_id, today, now = self._store_now
            match key:
                case "visitation":
                    from ungedesk.ui.visitation.visitation_panel import VisitationPanel

                    panel = VisitationPanel(store, youth_id, today)
                case "conversations":
                    from ungedesk.ui.visitation.conversations_panel import ConversationsPanel

                    panel = ConversationsPanel(store, youth_id, now)
                case "deadlines":
                    from ungedesk.ui.visitation.deadlines_panel import DeadlinesPanel

                    panel = DeadlinesPanel(store, youth_id, today)
                case "plan":
                    from ungedesk.ui.plan.panel import PlanPanel

                    panel = PlanPanel(store, youth_id, today, now)
                case "journal":
                    from ungedesk.ui.record.journal_panel import JournalPanel

                    panel = JournalPanel(store, youth_id)
                case _:
                    from ungedesk.ui.progression.panel import ProgressionPanel

                    panel = ProgressionPanel(store, youth_id, today)
            self._panels[key] = panel
            layout = self._slots[key].layout()
            assert layout is not None
            layout.addWidget(panel)
        return panel

    @property
    def visitation(self) -> VisitationPanel:
        return cast("VisitationPanel", self._panel("visitation"))

    @property
    def conversations(self) -> ConversationsPanel:
        return cast("ConversationsPanel", self._panel("conversations"))

    @property
    def deadlines(self) -> DeadlinesPanel:
        return cast("DeadlinesPanel", self._panel("deadlines"))

    @property
    def plan(self) -> PlanPanel:
        return cast("PlanPanel", self._panel("plan"))

    @property
    def progression(self) -> ProgressionPanel:
        return cast("ProgressionPanel", self._panel("progression"))

    @property
    def journal(self) -> JournalPanel:
        return cast("JournalPanel", self._panel("journal"))

    @property
    def plan_if_built(self) -> PlanPanel | None:
        """The plan section if it has been shown (only then can it hold unsaved edits)."""
        return cast("PlanPanel | None", self._panels.get("plan"))

    def show_panel(self, panel: QWidget) -> None:
        """Bring a built section (one of the panel properties) to the front."""
        for key, built in self._panels.items():
            if built is panel:
                self.show_section(key)

    def show_section(self, key: str) -> None:
        """Bring a section to the front (building it if needed)."""
        self._panel(key)
        self.tabs.setCurrentWidget(self._slots[key])

    def book_conversation(self) -> None:
        """Ctrl+B anywhere in the record: the booking dialog, filled in."""
        self.show_section("conversations")
        self.conversations.open_booking()

    def new_measurement(self) -> None:
        """Ctrl+M anywhere in the record: a new progression measurement."""
        self.show_section("progression")
        self.progression.new_measurement()

    def _show_team(self, view: TeamView) -> None:
        lines = []
        if view.coordinator is not None:
            lines.append(
                self.tr("Coordinating caseworker: {who}").format(who=contact_line(view.coordinator))
            )
        if view.contact is not None:
            lines.append(self.tr("Contact person: {who}").format(who=contact_line(view.contact)))
        self.team_line.setText("\n".join(lines))
        self.team_line.setVisible(bool(lines))

    def _caption(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setStyleSheet("color: #555555;")
        return label

    def show_record(self, record: YouthRecord) -> None:
        self.record = record
        self.name.setText(record.name)
        self.reveal.setChecked(False)
        self.cpr.setText(record.cpr_masked)
        self.age.setText(self.tr("{age} years").format(age=record.age_on(self._today())))
        self.sex.setText(record.sex_label)
        self.case_number.setText(record.case_number)
        self.caseworker.setText(record.caseworker_name or self.tr("None"))
        self._show_status()
        place = " ".join(p for p in (record.postal_code, record.city) if p)
        address = ", ".join(p for p in (record.address, place) if p)
        self.address.setText(address or self.tr("Not given"))
        self.phone.setText(record.phone or self.tr("Not given"))
        self.email.setText(record.email or self.tr("Not given"))
        self.henvendelse.setText(format_day(record.henvendelse_date))
        self.benefit.setText(record.benefit_label)
        self.education.setText(record.education_label)
        # An edited first-contact date moves the deadlines: the deadlines tab follows the
        # change the edit announced, not this call.

    def _show_status(self) -> None:
        text = self.record.status_label
        if self._awaiting_receipt:
            # Kædeansvar: still this caseworker's case until the receiver's receipt is read.
            text += " — " + self.tr("handed over, awaiting the receipt")
        self.status.setText(text)

    def _handover_pending(self, pending: bool) -> None:
        self._awaiting_receipt = pending
        self._show_status()

    def _reread(self, youth_id: int) -> None:
        """The header after the handover's receipt ended the case (status, caseworker)."""
        Operation(self, youths.get, self._store, youth_id).success(self._reread_arrived).run()

    def _reread_arrived(self, record: YouthRecord | None) -> None:
        if record is not None:
            self.show_record(record)

    def _show_cpr(self, revealed: bool) -> None:
        self.reveal.setText(self.tr("Hide &CPR") if revealed else self.tr("Show &CPR"))
        if not revealed:
            self.cpr.setText(self.record.cpr_masked)
            return
        # Each reveal is a deliberate act the audit log records: ask the service every
        # time rather than showing the number the record already holds.
        self.reveal.setEnabled(False)
        Operation(self, youths.reveal_cpr, self._store, self.record.id).success(
            self._revealed
        ).failure(self._reveal_failed).run()

    def hide_cpr(self) -> None:
        """Mask the CPR number again (the session locks); showing it later is a new reveal."""
        self.reveal.setChecked(False)

    def _copy_cpr(self) -> None:
        # The same logged reveal as "Show CPR": the number comes from the service each time.
        self.copy_cpr.setEnabled(False)
        Operation(self, youths.reveal_cpr, self._store, self.record.id).success(
            self._copy_arrived
        ).failure(self._copy_failed).run()

    def _copy_arrived(self, formatted: str) -> None:
        self.copy_cpr.setEnabled(True)
        self.error.show_message(None)
        if secret_clipboard().copy(formatted):
            self.copied.setText(
                self.tr("CPR no. copied. The clipboard is emptied in {seconds} seconds.").format(
                    seconds=secret_clipboard().clear_after_ms // 1000
                )
            )
            self.copied.show()

    def _clipboard_cleared(self) -> None:
        self.copied.hide()

    def _copy_failed(self, error: KnownError) -> None:
        self.copy_cpr.setEnabled(True)
        self.show_known_error(error)

    def _revealed(self, formatted: str) -> None:
        self.reveal.setEnabled(True)
        self.error.show_message(None)
        if self.reveal.isChecked():
            self.cpr.setText(formatted)

    def _reveal_failed(self, error: KnownError) -> None:
        self.reveal.setEnabled(True)
        self.reveal.setChecked(False)
        self.show_known_error(error)

    def show_known_error(self, error: KnownError) -> None:
        """Known errors of the header's operations (showing or copying the CPR number)."""
        self.copied.hide()
        self.error.show_message(error.message)
