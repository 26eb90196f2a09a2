"""The plan's areas beyond education and work (health, housing, family): their text fields
open only while the young person's consent covers them, with the consents listed and the
buttons to register or withdraw one."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ungedesk.domain.plan import CONSENT_FIELDS, CONSENT_LABELS
from ungedesk.services.plan import ConsentView, PlanDraft
from ungedesk.ui.i18n import format_day
from ungedesk.ui.widgets import HINT_STYLE, WARNING_STYLE, MessageLabel, add_row


class ConsentArea(QGroupBox):
    """The consent-bound fields (made by the form, laid out here) and their consents."""

    def __init__(
        self,
        texts: dict[str, QPlainTextEdit],
        field_errors: dict[str, MessageLabel],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Health, housing and family"))
        self.texts = {name: texts[name] for name in CONSENT_FIELDS}
        self.draft: PlanDraft | None = None
        self.state = QLabel()
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.state.setWordWrap(True)
        self.register_button = QPushButton(self.tr("&Register consent…"))
        self.register_button.setAutoDefault(False)
        self.withdraw_button = QPushButton(self.tr("Withdraw consent…"))
        self.withdraw_button.setAutoDefault(False)
        self.hints: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Beyond education and work the plan may only hold what the young person has "
                "consented to. The fields open when a consent covering them is registered."
            )
        )
        intro.setWordWrap(True)
        intro.setStyleSheet(HINT_STYLE)
        buttons = QHBoxLayout()
        buttons.addWidget(self.register_button)
        buttons.addWidget(self.withdraw_button)
        buttons.addStretch(1)
        layout.addWidget(intro)
        layout.addWidget(self.state)
        layout.addLayout(buttons)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        captions = {
            "health": self.tr("Health"),
            "housing": self.tr("Housing"),
            "family": self.tr("Family"),
        }
        for name in CONSENT_FIELDS:
            hint = QLabel()
            hint.setWordWrap(True)
            hint.setStyleSheet(WARNING_STYLE)
            self.hints[name] = hint
            add_row(form, captions[name], self.texts[name], hint, field_errors[name])
        layout.addLayout(form)

    def show_consents(self, draft: PlanDraft | None) -> None:
        """Open the fields the draft's active consents cover; list the consents."""
        self.draft = draft
        scopes = frozenset(draft.active_scopes) if draft is not None else frozenset()
        for name, scope in CONSENT_FIELDS.items():
            edit = self.texts[name]
            allowed = scope in scopes
            has_text = bool(edit.toPlainText().strip())
            # Text saved under a consent since withdrawn stays visible, so the
            # caseworker can remove it, but nothing new can be typed.
            edit.setEnabled(allowed or has_text)
            edit.setReadOnly(not allowed and not has_text)
            hint = self.hints[name]
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
        if draft is None or not draft.consents:
            self.state.setText(self.tr("No consent registered."))
        else:
            self.state.setText("\n".join(describe_consent(c) for c in draft.consents))
        self.withdraw_button.setEnabled(bool(self.active_consents()))

    def active_consents(self) -> list[ConsentView]:
        if self.draft is None:
            return []
        return [c for c in self.draft.consents if c.active]


def describe_consent(consent: ConsentView) -> str:
    """'Helbred, Bolig: given 3. nov. 2026 (note)' in the UI's date style."""
    text = consent.scope_label + ": "
    # The PlanPanel context: these strings were translated there before the area moved.
    text += QCoreApplication.translate("PlanPanel", "given {day}").format(
        day=format_day(consent.given_on)
    )
    if consent.given_by:  # a minor's consent given with the custody holders
        text += " – " + consent.given_by
    if consent.withdrawn_on is not None:
        text += ", " + QCoreApplication.translate("PlanPanel", "withdrawn {day}").format(
            day=format_day(consent.withdrawn_on)
        )
    if consent.note:
        text += f" ({consent.note})"
    return text
