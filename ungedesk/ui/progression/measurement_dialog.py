"""Entering a progression measurement, or correcting one, from the keyboard.

One row per indicator: the caseworker's score, the young person's own score, a comment.
A digit typed in a score field replaces what was there ("1" then "0" makes 10), Tab moves
on, Up/Down step the score, Enter saves. Beside the grid the focused indicator's question
and five stage descriptors, the current stage marked, so the score is given against the
same words every time.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from datetime import date
from functools import partial

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ungedesk.domain.errors import InputError, KnownError
from ungedesk.domain.progression import (
    INDICATOR_LABELS,
    MAX_COMMENT,
    SCALE_MAX,
    SCALE_MIN,
    SENSITIVE,
    STAGE_COUNT,
    STAGE_LABELS,
    Descriptor,
    Indicator,
    MeasurementInput,
    ScoreInput,
    parse_score,
    score_field,
    stage_of,
    stage_range,
    talk_about,
)
from ungedesk.domain.visitation import ConversationStatus
from ungedesk.services import progression
from ungedesk.services.progression import ConversationRef, CorrectionView, MeasurementView
from ungedesk.store.database import Store
from ungedesk.ui.changes import Aspect, Change
from ungedesk.ui.dates import date_field, format_when, pydate
from ungedesk.ui.i18n import format_day
from ungedesk.ui.widgets import HINT_STYLE, WARNING_STYLE, MessageLabel, add_row
from ungedesk.ui.work_dialog import WorkDialog, clear_when_edited

SENSITIVE_STYLE = "color: #8a5300; font-weight: bold;"
CURRENT_STAGE_STYLE = "background: #fff3c4; border: 1px solid #8a5300; padding: 3px;"
OTHER_STAGE_STYLE = "border: 1px solid transparent; padding: 3px;"


class ScoreEdit(QLineEdit):
    """A 1-10 score field made for typing: a digit replaces a selected score, a second
    digit follows the first ("1" then "0" is 10, as one would say it; "1" then "1" is 11,
    refused with a message at the field), Backspace/Delete clear it, Up/Down step it.
    Anything else typed is ignored; a pasted "0" or "12" is refused at the field too."""

    focused = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaxLength(2)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setFixedWidth(self.fontMetrics().horizontalAdvance("10") + 34)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.selectAll()
        self.focused.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        text = event.text()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if text.isdigit() and len(text) == 1 and modifiers == Qt.KeyboardModifier.NoModifier:
            current = self.text().strip()
            if len(current) == 1 and not self.hasSelectedText():
                # A second digit makes a two-digit number: "10" is ten; "11" stays as
                # typed and is refused at the field (it used to become 1 without a word).
                self.setText(current + text)
            else:
                self.setText(text)
            return
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.step(1 if key == Qt.Key.Key_Up else -1)
            return
        if key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self.clear()
            return
        if (
            text
            and text.isprintable()
            and modifiers
            in (
                Qt.KeyboardModifier.NoModifier,
                Qt.KeyboardModifier.ShiftModifier,
            )
        ):
            return  # letters and signs are no score; Tab, Enter and shortcuts pass on
        super().keyPressEvent(event)

    def step(self, by: int) -> None:
        try:
            value = parse_score(self.text())
        except ValueError:
            value = None
        if value is None:
            value = SCALE_MIN if by > 0 else SCALE_MAX
        else:
            value = min(SCALE_MAX, max(SCALE_MIN, value + by))
        self.setText(str(value))

    def score(self) -> int | None:
        """The score, None when empty; ValueError (Danish) when it is no 1-10."""
        return parse_score(self.text())


class DescriptorPanel(QFrame):
    """The focused indicator's question and its five stages, the current one marked with
    a frame, a background and an arrow (not by colour alone)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel()
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.sensitive = QLabel(self.tr("Sensitive data (health, substance use or finances)"))
        self.sensitive.setStyleSheet(SENSITIVE_STYLE)
        self.sensitive.setWordWrap(True)
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.question.setStyleSheet(HINT_STYLE)
        self.stages: list[QLabel] = []
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.sensitive)
        layout.addWidget(self.question)
        for _ in range(STAGE_COUNT):
            label = QLabel()
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            self.stages.append(label)
            layout.addWidget(label)
        layout.addStretch(1)
        self.indicator: Indicator | None = None
        self.current_stage: int | None = None

    def show_descriptor(
        self, indicator: Indicator, descriptor: Descriptor | None, score: int | None
    ) -> None:
        self.indicator = indicator
        self.current_stage = stage_of(score) if score is not None else None
        self.title.setText(INDICATOR_LABELS[indicator])
        self.sensitive.setVisible(indicator in SENSITIVE)
        self.question.setText(descriptor.question if descriptor is not None else "")
        for number, label in enumerate(self.stages, start=1):
            low, high = stage_range(number)
            text = descriptor.stages[number - 1] if descriptor is not None else ""
            current = number == self.current_stage
            mark = "▶ " if current else ""
            label.setText(f"{mark}{low}-{high} {STAGE_LABELS[number - 1]}: {text}")
            label.setStyleSheet(CURRENT_STAGE_STYLE if current else OTHER_STAGE_STYLE)


class ScoreRow:
    """The widgets of one indicator's row."""

    def __init__(self, indicator: Indicator) -> None:
        self.indicator = indicator
        self.label = QLabel(INDICATOR_LABELS[indicator])
        self.label.setWordWrap(True)
        self.caseworker = ScoreEdit()
        self.youth = ScoreEdit()
        self.comment = QLineEdit()
        self.comment.setMaxLength(MAX_COMMENT + 50)  # longer is caught with a message
        self.talk = QLabel()
        self.talk.setStyleSheet(WARNING_STYLE)
        self.errors = {who: MessageLabel() for who in ("caseworker", "youth", "comment")}
        self.label.setBuddy(self.caseworker)

    def values(self) -> tuple[int | None, int | None]:
        """Both scores, None where empty or not a valid score."""
        out: list[int | None] = []
        for edit in (self.caseworker, self.youth):
            try:
                out.append(edit.score())
            except ValueError:
                out.append(None)
        return out[0], out[1]


def conversation_text(c: ConversationRef) -> str:
    return f"{format_when(c.starts_at)}, {c.kind_label} ({c.status_label.lower()})"


class MeasurementDialog(WorkDialog):
    """A new measurement of ``indicators``, or a correction of ``current`` (then a reason
    is required and the earlier corrections are shown)."""

    def __init__(
        self,
        store: Store,
        youth_id: int,
        indicators: Sequence[Indicator],
        descriptors: dict[Indicator, Descriptor],
        conversations: Sequence[ConversationRef],
        today: Callable[[], date],
        *,
        current: MeasurementView | None = None,
        earlier: Sequence[CorrectionView] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("&Save measurement"), parent)
        self._store = store
        self._youth_id = youth_id
        self._today = today
        self._descriptors = descriptors
        self.current = current
        self.saved_id: int | None = None
        self.setWindowTitle(
            self.tr("New measurement") if current is None else self.tr("Correct measurement")
        )
        self.setMinimumWidth(960)
        now = today()

        self.measured_on = date_field(current.measured_on if current else now, latest=now)
        self.conversation = QComboBox()
        self.conversation.addItem(self.tr("No conversation"), 0)
        for c in sorted(conversations, key=lambda c: c.starts_at, reverse=True):
            if c.status is not ConversationStatus.CANCELLED:
                self.conversation.addItem(conversation_text(c), c.id)
        self._conversations = list(conversations)
        self.field_errors = {"measured_on": MessageLabel(), "conversation_id": MessageLabel()}
        form = QFormLayout()
        add_row(form, self.tr("&Date"), self.measured_on, self.field_errors["measured_on"])
        add_row(
            form,
            self.tr("Con&versation"),
            self.conversation,
            self.field_errors["conversation_id"],
        )

        # The rows: the chosen indicators, and for a correction also any the measurement
        # scored that have been dropped since.
        shown = list(indicators)
        if current is not None:
            shown += [s.indicator for s in current.scores if s.indicator not in shown]
            shown.sort(key=list(Indicator).index)
        self.rows: dict[Indicator, ScoreRow] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)
        for column, caption in enumerate(
            (
                self.tr("Indicator"),
                self.tr("Caseworker"),
                self.tr("Young person"),
                self.tr("Comment"),
            )
        ):
            header = QLabel(caption)
            header.setStyleSheet(HINT_STYLE)
            grid.addWidget(header, 0, column)
        for number, indicator in enumerate(shown):
            row = ScoreRow(indicator)
            self.rows[indicator] = row
            # Screen readers hear which score a field is; the grid's column titles are
            # not tied to the fields.
            name = INDICATOR_LABELS[indicator]
            row.caseworker.setAccessibleName(
                self.tr("{indicator}: caseworker's score").format(indicator=name)
            )
            row.youth.setAccessibleName(
                self.tr("{indicator}: the young person's own score").format(indicator=name)
            )
            row.comment.setAccessibleName(self.tr("{indicator}: comment").format(indicator=name))
            line = 1 + 2 * number
            label_box = QWidget()
            label_layout = QVBoxLayout(label_box)
            label_layout.setContentsMargins(0, 0, 0, 0)
            label_layout.setSpacing(0)
            label_layout.addWidget(row.label)
            if indicator in SENSITIVE:
                sensitive = QLabel(self.tr("Sensitive data"))
                sensitive.setStyleSheet(SENSITIVE_STYLE)
                label_layout.addWidget(sensitive)
            grid.addWidget(label_box, line, 0)
            grid.addWidget(row.caseworker, line, 1)
            grid.addWidget(row.youth, line, 2)
            grid.addWidget(row.comment, line, 3)
            # Room for the marker whether it shows or not, so the comment does not jump.
            row.talk.setMinimumWidth(
                row.talk.fontMetrics().horizontalAdvance(self.tr("Talk about it")) + 4
            )
            grid.addWidget(row.talk, line, 4)
            for who in ("caseworker", "youth", "comment"):
                self.field_errors[score_field(indicator, who)] = row.errors[who]
            # Errors of the two score fields are wider than the fields: they span from
            # the indicator's label to the comment.
            errors = QVBoxLayout()
            errors.setSpacing(0)
            for who in ("caseworker", "youth", "comment"):
                errors.addWidget(row.errors[who])
            grid.addLayout(errors, line + 1, 0, 1, 5)
            clear_when_edited(row.errors["comment"], [row.comment])
            for edit in (row.caseworker, row.youth):
                edit.focused.connect(partial(self._show_descriptor, row, edit))
                edit.textChanged.connect(partial(self._score_changed, row, edit))
            row.comment.installEventFilter(self)
        grid.setColumnStretch(3, 1)
        self.field_errors["scores"] = MessageLabel()
        rows_box = QWidget()
        rows_layout = QVBoxLayout(rows_box)
        rows_layout.setContentsMargins(0, 0, 0, 0)
        self.hint = QLabel(
            self.tr(
                "Type a digit for each score (1 then 0 for 10), Tab to the next field, "
                "Up/Down to step. The young person's own score may be left empty."
            )
        )
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(HINT_STYLE)
        rows_layout.addLayout(grid)
        rows_layout.addWidget(self.field_errors["scores"])
        rows_layout.addSpacing(6)
        rows_layout.addWidget(self.hint)
        rows_layout.addStretch(1)

        self.descriptor = DescriptorPanel()
        self.descriptor.setMinimumWidth(330)
        self.descriptor.setMaximumWidth(380)
        if not shown:
            self.field_errors["scores"].show_message(
                self.tr("No indicators are chosen for the young person: choose them first.")
            )

        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(rows_box, 1)
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(self.reason.fontMetrics().lineSpacing() * 3 + 12)
        self.field_errors["reason"] = MessageLabel()
        self.history = QLabel()
        self.history.setWordWrap(True)
        self.history.setTextFormat(Qt.TextFormat.PlainText)
        self.history.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if current is not None:
            correction = QGroupBox(self.tr("Correction"))
            correction_form = QFormLayout(correction)
            add_row(
                correction_form,
                self.tr("&Reason (required)"),
                self.reason,
                self.field_errors["reason"],
            )
            self.history.setText(self.history_text(earlier))
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidget(self.history)
            scroll.setMaximumHeight(self.fontMetrics().lineSpacing() * 6 + 8)
            correction_form.addRow(self.tr("Earlier corrections"), scroll)
            left.addWidget(correction)
        else:
            self.reason.hide()
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addWidget(self.descriptor)
        self.body.addLayout(columns)

        order: list[QWidget] = [self.measured_on, self.conversation]
        for row in self.rows.values():
            order += [row.caseworker, row.youth, row.comment]
        if current is not None:
            order.append(self.reason)
        order.append(self.ok_button)
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)

        if current is not None:
            self._load(current)
        else:
            self._pick_conversation(now)
        self.measured_on.dateChanged.connect(self._date_changed)
        first_row = next(iter(self.rows.values()), None)
        if first_row is not None:
            self._show_descriptor(first_row, first_row.caseworker)
            first_row.caseworker.setFocus()

    # --- filling in ----------------------------------------------------------------------

    def _load(self, current: MeasurementView) -> None:
        for score in current.scores:
            row = self.rows.get(score.indicator)
            if row is None:
                continue
            row.caseworker.setText(
                "" if score.caseworker_score is None else str(score.caseworker_score)
            )
            row.youth.setText("" if score.youth_score is None else str(score.youth_score))
            row.comment.setText(score.comment)
        index = self.conversation.findData(current.conversation_id or 0)
        self.conversation.setCurrentIndex(max(index, 0))

    def _date_changed(self, _day: QDate) -> None:
        self._pick_conversation(pydate(self.measured_on))

    def _pick_conversation(self, day: date) -> None:
        """The conversation held (or booked) on the measurement's day, if there is one:
        measurements are usually taken at a conversation."""
        if self.current is not None:
            return
        for c in self._conversations:
            if c.starts_at.date() == day and c.status is not ConversationStatus.CANCELLED:
                self.conversation.setCurrentIndex(max(self.conversation.findData(c.id), 0))
                return
        self.conversation.setCurrentIndex(0)

    def history_text(self, earlier: Sequence[CorrectionView]) -> str:
        if not earlier:
            return self.tr("None: this is the first correction.")
        lines = []
        for c in reversed(earlier):
            before = ", ".join(
                f"{INDICATOR_LABELS[s.indicator]} "
                f"{s.caseworker_score if s.caseworker_score is not None else '-'}"
                f"/{s.youth_score if s.youth_score is not None else '-'}"
                for s in c.scores_before
            )
            lines.append(
                self.tr("{when}, {who}: {reason}. Before: {day}; {scores}").format(
                    when=format_day(c.corrected_at.date()),
                    who=c.corrected_by,
                    reason=c.reason,
                    day=format_day(c.measured_on_before),
                    scores=before,
                )
            )
        return "\n".join(lines)

    # --- the descriptor beside the grid --------------------------------------------------

    def _show_descriptor(self, row: ScoreRow, edit: ScoreEdit) -> None:
        try:
            score = edit.score()
        except ValueError:
            score = None
        self.descriptor.show_descriptor(row.indicator, self._descriptors.get(row.indicator), score)

    def _score_changed(self, row: ScoreRow, edit: ScoreEdit, _text: str = "") -> None:
        if edit.hasFocus() or self.descriptor.indicator is None:
            self._show_descriptor(row, edit)
        # A score that is no 1-10 says so at once, and the message goes once it is one.
        who = "caseworker" if edit is row.caseworker else "youth"
        try:
            edit.score()
        except ValueError as exc:
            row.errors[who].show_message(str(exc))
        else:
            row.errors[who].show_message(None)
        caseworker, youth = row.values()
        row.talk.setText(self.tr("Talk about it") if talk_about(caseworker, youth) else "")
        row.talk.setToolTip(
            self.tr("The two scores differ by 3 or more: something to talk about.")
            if row.talk.text()
            else ""
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The comment field keeps its row's descriptor in view, at the caseworker's score.
        if event.type() == QEvent.Type.FocusIn:
            for row in self.rows.values():
                if watched is row.comment:
                    self._show_descriptor(row, row.caseworker)
        return super().eventFilter(watched, event)

    # --- saving --------------------------------------------------------------------------

    def collect(self) -> tuple[MeasurementInput, dict[str, str]]:
        """The measurement typed in, and the field errors that need no database to find."""
        errors: dict[str, str] = {}
        scores: list[ScoreInput] = []
        for indicator, row in self.rows.items():
            values: dict[str, int | None] = {}
            for who, edit in (("caseworker", row.caseworker), ("youth", row.youth)):
                try:
                    values[who] = edit.score()
                except ValueError as exc:
                    errors[score_field(indicator, who)] = str(exc)
                    values[who] = None
            scores.append(
                ScoreInput(indicator, values["caseworker"], values["youth"], row.comment.text())
            )
        conversation = self.conversation.currentData()
        data = MeasurementInput(
            pydate(self.measured_on),
            tuple(scores),
            int(conversation) if conversation else None,
        )
        return data, errors

    def accept_work(self) -> None:
        data, errors = self.collect()
        if self.current is not None and not self.reason.toPlainText().strip():
            errors["reason"] = self.tr("Write why the measurement is corrected.")
        if errors:
            for field, message in errors.items():
                label = self.field_errors.get(field)
                if label is not None:
                    label.show_message(self.placed(field, message))
            self._focus_first_error()
            return
        change = Change.of(Aspect.PROGRESSION, youth_id=self._youth_id)
        if self.current is None:
            self.operation(
                progression.record_measurement,
                self._store,
                self._youth_id,
                data,
                today=self._today(),
            ).changes(change).success(self._saved).run()
        else:
            self.operation(
                progression.correct_measurement,
                self._store,
                self.current.id,
                data,
                self.reason.toPlainText(),
                today=self._today(),
            ).changes(change).success(self._saved).run()

    def show_known_error(self, error: KnownError) -> None:
        if isinstance(error, InputError):
            error = InputError({f: self.placed(f, m) for f, m in error.fields.items()})
        super().show_known_error(error)
        self._focus_first_error()

    def placed(self, field: str, message: str) -> str:
        """A score's message sits under the whole row: say which field it is about."""
        who = field.rsplit(".", 1)[-1] if field.startswith("score.") else ""
        if who == "caseworker":
            return self.tr("Caseworker: {message}").format(message=message)
        if who == "youth":
            return self.tr("Young person: {message}").format(message=message)
        if who == "comment":
            return self.tr("Comment: {message}").format(message=message)
        return message

    def _focus_first_error(self) -> None:
        """Put the cursor in the first field that has a message under it."""
        targets: list[tuple[str, QWidget]] = [("measured_on", self.measured_on)]
        for indicator, row in self.rows.items():
            targets += [
                (score_field(indicator, "caseworker"), row.caseworker),
                (score_field(indicator, "youth"), row.youth),
                (score_field(indicator, "comment"), row.comment),
            ]
        targets.append(("reason", self.reason))
        for field, widget in targets:
            label = self.field_errors.get(field)
            if label is not None and label.text() and not label.isHidden():
                widget.setFocus()
                return

    def _saved(self, result: int | None) -> None:
        self.set_busy(False)
        self.saved_id = (
            result if isinstance(result, int) else (self.current.id if self.current else None)
        )
        self.accept()
