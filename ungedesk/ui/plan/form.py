"""The plan's fields as one scrollable form in sections: goals, the young person's own
words, the lists (sub-goals, interventions, applications, contacts), the people around the
young person and the areas that need consent.

The form only shows and collects: it is filled from a ``PlanDraft`` and read back as the
domain's ``PlanContent``; saving and everything else is the panel's. The areas beyond
education and work (health, housing, family) stay disabled until the young person's
consent covering them is registered.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ungedesk.domain.plan import (
    APPLICATION_LABELS,
    CONTACT_ROLE_LABELS,
    GOAL_TYPE_LABELS,
    OWNER_LABELS,
    SUBGOAL_STATUS_LABELS,
    Application,
    ApplicationKind,
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
from ungedesk.services.plan import ConsentView, PlanDraft
from ungedesk.ui.dates import format_when_long
from ungedesk.ui.editable_list import (
    Column,
    Kind,
    ListModel,
    ListSection,
    OptionalDateField,
)
from ungedesk.ui.editable_list import choices as _choices
from ungedesk.ui.plan.consent_area import ConsentArea
from ungedesk.ui.widgets import HINT_STYLE, MessageLabel, add_row, name_table


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


class PlanForm(QWidget):
    """The fields; ``edited`` when the caseworker changes any of them (not while filling)."""

    edited = Signal()

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._filling = False
        self.draft: PlanDraft | None = None
        goal_box, words_box = self._build_goals()
        subgoals_box, interventions_box, applications_box = self._build_lists()
        people_box = self._build_people()
        self.consent = ConsentArea(self.texts, self.field_errors)
        consent_box = self.consent
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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area)

        self.goal_type.currentIndexChanged.connect(self._changed)
        self.programme.textChanged.connect(self._changed)
        self.school.textChanged.connect(self._changed)
        self.goal_start.dateChanged.connect(self._changed)
        for edit in self.texts.values():
            edit.textChanged.connect(self._changed)
        for section in self.lists.values():
            section.model.edited.connect(self._changed)
        self.apply_consent()

    def _build_goals(self) -> tuple[QGroupBox, QGroupBox]:
        self.goal_type = QComboBox()
        self.goal_type.addItem(self.tr("Not chosen yet"), "")
        for goal, label in GOAL_TYPE_LABELS.items():
            self.goal_type.addItem(label, goal.value)
        self.programme = QLineEdit()
        self.programme.setPlaceholderText(self.tr("e.g. Social- og sundhedshjælper"))
        self.school = QLineEdit()
        self.school.setPlaceholderText(self.tr("e.g. SOSU Nord, Aalborg"))
        self.goal_start = OptionalDateField(self._today)
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
        return goal_box, words_box

    def _build_lists(self) -> tuple[QGroupBox, QGroupBox, QGroupBox]:
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
            self._today,
            self.tr("Add sub-&goal"),
            self.tr("No sub-goals yet: small steps with a date and who does what."),
        )
        self.interventions = ListSection(
            "interventions",
            self.interventions_model,
            self._today,
            self.tr("Add &intervention"),
            self.tr("No interventions or offers yet."),
        )
        self.applications = ListSection(
            "applications",
            self.applications_model,
            self._today,
            self.tr("Add a&pplication or contact"),
            self.tr("No applications sent or schools contacted yet."),
        )
        self.contacts = ListSection(
            "contacts",
            self.contacts_model,
            self._today,
            self.tr("Add contact &person"),
            self.tr("No contact person or team members yet."),
        )
        for section, name in (
            (self.subgoals, self.tr("Sub-goals")),
            (self.interventions, self.tr("Interventions and offers")),
            (self.applications, self.tr("Applications and contacts")),
            (self.contacts, self.tr("Contact persons and team")),
        ):
            # A cell is edited in place: F2 or typing starts, Enter ends, Tab leaves the list.
            name_table(
                section.table,
                name,
                self.tr("One row each. Type or press F2 to edit a cell; Delete empties it."),
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
        return subgoals_box, interventions_box, applications_box

    def _build_people(self) -> QGroupBox:
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
        return people_box

    def reading_order(self) -> list[QWidget]:
        """The fields in reading order, not creation order: the consent areas were made
        early but sit at the bottom."""
        order: list[QWidget] = [
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
        order.extend((self.consent.register_button, self.consent.withdraw_button))
        order.extend((self.health, self.housing))
        order.append(self.family)
        return order

    def _changed(self, *_args: object) -> None:
        if not self._filling:
            self.edited.emit()

    # --- filling -------------------------------------------------------------------------

    def fill(self, draft: PlanDraft) -> None:
        """Show the saved draft in every field (the caseworker's edits are replaced)."""
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
            self.interventions.table.delegate.completions["name"] = list(draft.offer_names)
            self.applications_model.set_rows(
                [[a.place, a.kind, a.on, a.note] for a in content.applications]
            )
            self.contacts_model.set_rows(
                [[c.name, c.role, c.title, c.phone, c.email] for c in content.contacts]
            )
        finally:
            self._filling = False
        self.show_context(draft)
        self.clear_errors()

    def show_context(self, draft: PlanDraft) -> None:
        """People and consents from the draft; the fields keep what the caseworker typed
        (a withdrawn consent's text stays marked until saved)."""
        self.draft = draft
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
        self.apply_consent()

    def apply_consent(self) -> None:
        self.consent.show_consents(self.draft)

    def active_consents(self) -> list[ConsentView]:
        return self.consent.active_consents()

    # --- reading -------------------------------------------------------------------------

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

    # --- errors --------------------------------------------------------------------------

    def clear_errors(self) -> None:
        for label in self.field_errors.values():
            label.show_message(None)
        for section in self.lists.values():
            section.show_errors({})

    def show_field_errors(self, fields: dict[str, str]) -> list[str]:
        """Each message at its field, the first one scrolled into view; returns the
        messages that belong to no field."""
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
        if first is not None:
            self.scroll_area.ensureWidgetVisible(first)
        return unplaced
