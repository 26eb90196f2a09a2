"""Sag ▸ Opfølgning efter afslutning…: record whether a young person whose case has ended
is back on a benefit, and since when (services.follow_up). The earlier follow-ups are
listed above the form, so the caseworker sees what was found before."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QWidget

from ungedesk.services import follow_up
from ungedesk.services.follow_up import FollowUpView
from ungedesk.services.youths import YouthRecord
from ungedesk.store.database import Store
from ungedesk.ui.changes import Aspect, Change
from ungedesk.ui.dates import date_field, pydate
from ungedesk.ui.i18n import format_day
from ungedesk.ui.widgets import HINT_STYLE, MessageLabel, add_row
from ungedesk.ui.work_dialog import WorkDialog


class FollowUpDialog(WorkDialog):
    recorded = Signal(int)

    def __init__(
        self,
        store: Store,
        record: YouthRecord,
        earlier: list[FollowUpView],
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("&Save the follow-up"), parent)
        self._store = store
        self._record = record
        self._today = today
        self.setWindowTitle(
            self.tr("Follow-up after the case ended – %1").replace("%1", record.name)
        )
        self.setMinimumWidth(520)
        history = QLabel(
            "\n".join(
                self.tr("%1: back on a benefit since %2")
                .replace("%1", format_day(f.checked_on))
                .replace("%2", format_day(f.returned_on))
                if f.returned_on
                else self.tr("%1: not on a benefit").replace("%1", format_day(f.checked_on))
                for f in earlier
            )
            or self.tr("Not followed up before.")
        )
        history.setWordWrap(True)
        history.setStyleSheet(HINT_STYLE)
        self.body.addWidget(history)
        now = today()
        self.checked_on = date_field(now, latest=now)
        self.back = QCheckBox(self.tr("The young person is &back on a benefit"))
        self.returned_on = date_field(now, latest=now)
        self.returned_on.setEnabled(False)
        self.back.toggled.connect(self.returned_on.setEnabled)
        self.note = QLineEdit()
        form = QFormLayout()
        for key, label, field in (
            ("checked_on", self.tr("&Checked on:"), self.checked_on),
            ("returned_on", self.tr("Back on a benefit &since:"), self.returned_on),
            ("note", self.tr("&Note:"), self.note),
        ):
            message = MessageLabel()
            self.field_errors[key] = message
            if key == "returned_on":
                form.addRow(self.back)
            add_row(form, label, field, message)
        self.body.addLayout(form)

    def accept_work(self) -> None:
        self.operation(
            follow_up.record,
            self._store,
            self._record.id,
            pydate(self.checked_on),
            pydate(self.returned_on) if self.back.isChecked() else None,
            self.note.text(),
            today=self._today(),
        ).changes(Change.of(Aspect.YOUTH, youth_id=self._record.id)).success(self._done).run()

    def _done(self, _view: FollowUpView) -> None:
        self.recorded.emit(self._record.id)
        self.accept()
