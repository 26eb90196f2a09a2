"""Edit the municipality's progression descriptors: for each indicator the question and
the five stages that make two caseworkers score alike. Saved as data (TOML in the
settings); "Reset" goes back to the descriptors shipped with UngeDesk."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from ungedesk.domain.progression import (
    INDICATOR_LABELS,
    STAGE_COUNT,
    STAGE_LABELS,
    Descriptor,
    DescriptorError,
    Indicator,
    descriptors_to_toml,
    parse_descriptors,
    stage_range,
)
from ungedesk.services import progression
from ungedesk.services.progression import DescriptorState
from ungedesk.store.database import Store
from ungedesk.ui.changes import Aspect, Change
from ungedesk.ui.widgets import GOOD_STYLE, HINT_STYLE, MessageLabel, name_table
from ungedesk.ui.work_dialog import WorkDialog


class IndicatorPage(QWidget):
    def __init__(self, indicator: Indicator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.indicator = indicator
        self.question = QLineEdit()
        self.stages: list[QPlainTextEdit] = []
        form = QFormLayout(self)
        form.addRow(self.tr("&Question"), self.question)
        for number in range(1, STAGE_COUNT + 1):
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 3 + 12)
            low, high = stage_range(number)
            caption = QLabel(f"{low}-{high} {STAGE_LABELS[number - 1]}")
            caption.setBuddy(edit)
            form.addRow(caption, edit)
            self.stages.append(edit)

    def fill(self, descriptor: Descriptor) -> None:
        self.question.setText(descriptor.question)
        self.question.setCursorPosition(0)  # the start of the question, not its end
        for edit, text in zip(self.stages, descriptor.stages, strict=True):
            edit.setPlainText(text)

    def descriptor(self) -> Descriptor:
        return Descriptor(
            self.indicator,
            self.question.text(),
            tuple(edit.toPlainText() for edit in self.stages),
        )


# Descriptors are a setting, and every open progression tab shows them in its dialogs.
DESCRIPTORS_CHANGED = Change.of(Aspect.SETTINGS, Aspect.PROGRESSION)


class DescriptorsDialog(WorkDialog):
    # The descriptors in use are on screen (after opening, and after a reset).
    descriptors_shown = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("&Save"),
            parent,
            buttons=QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
        )
        self._store = store
        self.loaded = False
        self.confirm: QMessageBox | None = None  # the open "reset?" question
        self.setWindowTitle(self.tr("Progression descriptors"))
        self.setMinimumSize(860, 620)
        intro = QLabel(
            self.tr(
                "For each indicator: the question it asks and what each of the five stages "
                "means, in plain words about what can be seen and counted. Everybody scores "
                "against these texts, so two caseworkers give the same score."
            )
        )
        intro.setWordWrap(True)
        intro.setStyleSheet(HINT_STYLE)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.list = QListWidget()
        name_table(
            self.list,
            self.tr("Indicators"),
            self.tr("Choose an indicator to edit the descriptions of its scores."),
        )
        self.pages = QStackedWidget()
        self.page: dict[Indicator, IndicatorPage] = {}
        for indicator in Indicator:
            self.list.addItem(INDICATOR_LABELS[indicator])
            page = IndicatorPage(indicator)
            self.page[indicator] = page
            self.pages.addWidget(page)
        self.list.setFixedWidth(self.list.sizeHintForColumn(0) + 24)
        self.list.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.field_errors = {"descriptors": MessageLabel()}
        self.saved = MessageLabel(GOOD_STYLE)
        self.reset_button = QPushButton(self.tr("&Reset to the shipped descriptors…"))
        self.buttons.addButton(self.reset_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.reset_button.clicked.connect(self.reset)
        columns = QHBoxLayout()
        columns.addWidget(self.list)
        columns.addWidget(self.pages, 1)
        self.body.addWidget(intro)
        self.body.addWidget(self.state)
        self.body.addLayout(columns, 1)
        self.body.addWidget(self.field_errors["descriptors"])
        self.body.addWidget(self.saved)
        self.list.setCurrentRow(0)
        self.operation(progression.descriptor_state, store).success(self._loaded).run()

    def _loaded(self, state: DescriptorState) -> None:
        self.set_busy(False)
        for indicator, page in self.page.items():
            page.fill(state.descriptors[indicator])
        self.state.setText(
            self.tr("In use: the municipality's own descriptors.")
            if state.edited
            else self.tr("In use: the descriptors shipped with UngeDesk.")
        )
        self.loaded = True
        self.list.setFocus()
        self.descriptors_shown.emit()

    def descriptors(self) -> dict[Indicator, Descriptor]:
        return {indicator: page.descriptor() for indicator, page in self.page.items()}

    def accept_work(self) -> None:
        if not self.loaded:
            return
        text = descriptors_to_toml(self.descriptors())
        try:
            parse_descriptors(text)
        except DescriptorError as exc:
            # The domain's message is Danish and names the indicator: show that one.
            message = str(exc)
            self.field_errors["descriptors"].show_message(message)
            for row, indicator in enumerate(Indicator):
                if INDICATOR_LABELS[indicator] in message:
                    self.list.setCurrentRow(row)
                    break
            return
        self.operation(progression.save_descriptors, self._store, text).changes(
            DESCRIPTORS_CHANGED
        ).success(self._saved).run()

    def _saved(self, _descriptors: dict[Indicator, Descriptor]) -> None:
        self.set_busy(False)
        self.accept()

    def reset(self) -> None:
        """Ask first, without blocking (default No): the edited texts would be lost."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Reset descriptors"),
            self.tr(
                "Replace the municipality's descriptors with the ones shipped with UngeDesk? "
                "The edited texts are lost."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._reset_answered)
        self.confirm = box
        box.open()

    def _reset_answered(self, answer: int) -> None:
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.operation(progression.reset_descriptors, self._store).changes(
            DESCRIPTORS_CHANGED
        ).success(self._reset_done).run()

    def _reset_done(self, state: DescriptorState) -> None:
        # The saved note first: _loaded announces that the descriptors are on screen.
        self.saved.show_message(self.tr("The shipped descriptors are in use again."))
        self._loaded(state)
