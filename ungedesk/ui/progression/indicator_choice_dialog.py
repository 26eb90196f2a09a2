"""Choose which of the nine indicators apply to a young person, from a date; the earlier
choices stay visible below (the choice changes over time and keeps its history)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ungedesk.domain.progression import INDICATOR_LABELS, SENSITIVE, Indicator
from ungedesk.services import progression
from ungedesk.services.progression import Progression
from ungedesk.store.database import Store
from ungedesk.ui.changes import Aspect, Change
from ungedesk.ui.dates import date_field, pydate
from ungedesk.ui.i18n import format_day
from ungedesk.ui.widgets import HINT_STYLE, MessageLabel, add_row
from ungedesk.ui.work_dialog import WorkDialog


class IndicatorChoiceDialog(WorkDialog):
    def __init__(
        self,
        store: Store,
        youth_id: int,
        current: Progression,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("&Save"), parent)
        self._store = store
        self._youth_id = youth_id
        self.setWindowTitle(self.tr("Choose indicators"))
        self.setMinimumWidth(640)
        now = today()
        self.chosen_on = date_field(now, latest=now)
        self.boxes: dict[Indicator, QCheckBox] = {}
        picks = QGroupBox(self.tr("Indicators that apply"))
        grid = QGridLayout(picks)
        for number, indicator in enumerate(Indicator):
            text = INDICATOR_LABELS[indicator]
            if indicator in SENSITIVE:
                text = self.tr("{label} (sensitive data)").format(label=text)
            box = QCheckBox(text)
            box.setChecked(indicator in current.chosen)
            self.boxes[indicator] = box
            grid.addWidget(box, number % 5, number // 5)
        self.field_errors = {"chosen_on": MessageLabel(), "indicators": MessageLabel()}
        form = QFormLayout()
        add_row(form, self.tr("&From"), self.chosen_on, self.field_errors["chosen_on"])
        hint = QLabel(
            self.tr(
                "Pick the indicators you and the young person will work on, up to all nine. "
                "An indicator taken off keeps its measurements; it is just not measured from "
                "the date on."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)

        self.history = QTableWidget(len(current.history), 3)
        self.history.setHorizontalHeaderLabels(
            [self.tr("Indicator"), self.tr("Chosen"), self.tr("Taken off")]
        )
        self.history.verticalHeader().hide()
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.history.setFocusPolicy(self.history.focusPolicy().NoFocus)
        self.history.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.history.horizontalHeader().setStretchLastSection(True)
        for row, period in enumerate(current.history):
            dropped = (
                self.tr("{day} by {who}").format(
                    day=format_day(period.dropped_on), who=period.dropped_by
                )
                if period.dropped_on is not None
                else self.tr("Still chosen")
            )
            for column, text in enumerate(
                (
                    INDICATOR_LABELS[period.indicator],
                    self.tr("{day} by {who}").format(
                        day=format_day(period.chosen_on), who=period.chosen_by
                    ),
                    dropped,
                )
            ):
                self.history.setItem(row, column, QTableWidgetItem(text))
        self.history.setMinimumHeight(self.fontMetrics().lineSpacing() * 7)
        history_box = QGroupBox(self.tr("Earlier choices"))
        history_layout = QGridLayout(history_box)
        if current.history:
            history_layout.addWidget(self.history)
        else:
            none = QLabel(self.tr("None yet."))
            none.setStyleSheet(HINT_STYLE)
            history_layout.addWidget(none)
            self.history.hide()

        self.body.addWidget(hint)
        self.body.addLayout(form)
        self.body.addWidget(picks)
        self.body.addWidget(self.field_errors["indicators"])
        self.body.addWidget(history_box)
        first = next(iter(self.boxes.values()))
        first.setFocus()

    def chosen(self) -> list[Indicator]:
        return [i for i, box in self.boxes.items() if box.isChecked()]

    def accept_work(self) -> None:
        self.operation(
            progression.choose_indicators,
            self._store,
            self._youth_id,
            self.chosen(),
            pydate(self.chosen_on),
        ).changes(Change.of(Aspect.PROGRESSION, youth_id=self._youth_id)).success(self._saved).run()

    def _saved(self, _result: None) -> None:
        self.set_busy(False)
        self.accept()
