"""Many plans at once: every version handed out in a period (this week by default) as PDFs
in one folder, made by one operation (``plan_export.make_batch``) whose progress and Stop
show in the dialog itself (it is the operation's progress view). A stopped batch leaves
nothing behind: no file, no log row."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ungedesk.domain.errors import KnownError, StoppedError
from ungedesk.services import plan as plan_service
from ungedesk.services import plan_export
from ungedesk.services.plan_export import BatchResult
from ungedesk.store.database import Store
from ungedesk.ui.operations import Operation
from ungedesk.ui.widgets import (
    GOOD_STYLE,
    HINT_STYLE,
    DateField,
    FittingDialog,
    MessageLabel,
    folder_row,
    name_field,
)


def this_week(today: date) -> tuple[date, date]:
    """Monday to Sunday of the ISO week holding ``today``."""
    monday = today - timedelta(days=today.weekday())
    return monday, monday + timedelta(days=6)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(field: DateField) -> date:
    day = field.date().toPython()
    assert isinstance(day, date)
    return day


class PlanBatchDialog(FittingDialog):
    finished_batch = Signal(object)  # BatchResult
    counted_changed = Signal(object)  # int | None: plans in the period, None while unknown
    stopped = Signal()

    def __init__(
        self,
        store: Store,
        today: Callable[[], date],
        now: Callable[[], datetime],
        parent: QWidget | None = None,
        *,
        folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._today = today
        self._now = now
        self._running = False
        self._stop: Callable[[], None] | None = None
        self.counted: int | None = None
        self.setWindowTitle(self.tr("Make plans as PDF"))
        self.setMinimumWidth(600)

        monday, sunday = this_week(today())
        self.start = DateField()
        self.end = DateField()
        for field, day in ((self.start, monday), (self.end, sunday)):
            field.setDisplayFormat("dd-MM-yyyy")
            field.setCalendarPopup(True)
            field.setDate(_qdate(day))
        name_field(self.start, self.tr("Handed out from"))
        name_field(self.end, self.tr("Handed out until"))
        period = QWidget()
        period_layout = QHBoxLayout(period)
        period_layout.setContentsMargins(0, 0, 0, 0)
        period_layout.addWidget(self.start)
        period_layout.addWidget(QLabel(self.tr("to")))
        period_layout.addWidget(self.end)
        period_layout.addStretch(1)
        self.count = QLabel()
        self.count.setStyleSheet(HINT_STYLE)
        self.count.setWordWrap(True)
        self.folder = QLineEdit(str(folder or Path.home() / "Uddannelsesplaner"))
        self.choose = QPushButton(self.tr("C&hoose…"))
        self.choose.setAutoDefault(False)
        self.archive = QCheckBox(
            self.tr("&Archive copies (PDF/A) instead of the young person's PDF")
        )
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.summary = MessageLabel(GOOD_STYLE)
        self.error = MessageLabel()
        self.open_folder = QPushButton(self.tr("&Open the folder"))
        self.open_folder.setAutoDefault(False)
        self.open_folder.hide()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        caption = QLabel(self.tr("Handed out &from"))
        caption.setBuddy(self.start)
        period_box = QWidget()
        period_box_layout = QVBoxLayout(period_box)
        period_box_layout.setContentsMargins(0, 0, 0, 0)
        period_box_layout.addWidget(period)
        period_box_layout.addWidget(self.count)
        form.addRow(caption, period_box)
        folder_caption = QLabel(self.tr("&Folder"))
        folder_caption.setBuddy(self.folder)
        name_field(self.folder, folder_caption.text())
        form.addRow(folder_caption, folder_row(self.folder, self.choose))
        form.addRow("", self.archive)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Make PDFs"))
        self.ok_button.setDefault(True)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        bottom = QHBoxLayout()
        bottom.addWidget(self.open_folder)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "One PDF per handed-out version, named by case number and version (never a "
                "name or CPR number). Files already in the folder with the same name are "
                "replaced."
            )
        )
        intro.setWordWrap(True)
        intro.setStyleSheet(HINT_STYLE)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addLayout(bottom)

        self.buttons.accepted.connect(self.start_batch)
        self.buttons.rejected.connect(self.reject)
        self.choose.clicked.connect(self._choose)
        self.open_folder.clicked.connect(self._open_folder)
        self.start.dateChanged.connect(self._recount)
        self.end.dateChanged.connect(self._recount)
        self.start.setFocus()
        self._recount()

    @property
    def running(self) -> bool:
        return self._running

    # --- the period ----------------------------------------------------------------------

    def _recount(self) -> None:
        start, end = _day(self.start), _day(self.end)
        if end < start:
            self.counted = None
            self.count.setText(self.tr("The end lies before the start."))
            self.ok_button.setEnabled(False)
            self.counted_changed.emit(None)
            return
        self.ok_button.setEnabled(not self._running)
        # Only the count for the dates shown now: an older answer is dropped.
        Operation(self, plan_service.handed_out_between, self._store, start, end).latest(
            "count"
        ).success(self._counted).failure(self._failed).run()

    def _counted(self, items: list[tuple[int, int]]) -> None:
        self.counted = len(items)
        if items:
            self.count.setText(self.tr("%n plan(s) handed out in the period.", "", len(items)))
        else:
            self.count.setText(self.tr("No plans were handed out in the period."))
        self.ok_button.setEnabled(bool(items) and not self._running)
        self.counted_changed.emit(self.counted)

    def _choose(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for the PDFs"), self.folder.text()
        )
        if chosen:
            self.folder.setText(chosen)

    # --- the work ------------------------------------------------------------------------

    def start_batch(self) -> None:
        if self._running:
            return
        text = self.folder.text().strip()
        if not text:
            self.error.show_message(self.tr("Choose a folder for the PDFs."))
            return
        self.error.show_message(None)
        self.summary.show_message(None)
        self.open_folder.hide()
        Operation(
            self,
            plan_export.make_batch,
            self._store,
            _day(self.start),
            _day(self.end),
            Path(text),
            archive=self.archive.isChecked(),
            today=self._today(),
            now=self._now(),
        ).with_progress(self.tr("Make plans as PDF"), view=self).success(self._done).failure(
            self._failed
        ).run()

    # --- the operation's progress view ---------------------------------------------------

    def progress_started(self, stop: Callable[[], None]) -> None:
        self._stop = stop
        self._set_running(True)
        self.progress.setRange(0, max(1, self.counted or 1))
        self.progress.setValue(0)
        self.progress.show()

    def progress_step(self, done: int, total: int, _label: str) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("%v of %m"))

    def progress_finished(self) -> None:
        self._stop = None
        self._set_running(False)

    def _set_running(self, running: bool) -> None:
        self._running = running
        for widget in (self.start, self.end, self.folder, self.choose, self.archive):
            widget.setEnabled(not running)
        self.ok_button.setEnabled(not running and bool(self.counted))
        self.cancel_button.setText(self.tr("&Stop") if running else self.tr("&Close"))
        self.cancel_button.setEnabled(True)

    # --- the outcome ---------------------------------------------------------------------

    def _done(self, result: BatchResult) -> None:
        folder = self.folder.text().strip()
        if result.total == 0:
            text = self.tr("No plans were handed out in the period: no files were made.")
        else:
            text = self.tr("%n PDF(s) saved in {folder}.", "", len(result.written)).format(
                folder=folder
            )
        self.summary.show_message(text)
        self.open_folder.setVisible(bool(result.written))
        self.finished_batch.emit(result)

    def _failed(self, error: KnownError) -> None:
        self.progress.hide()
        if isinstance(error, StoppedError):
            self.summary.show_message(
                self.tr("Stopped: no PDFs were saved and nothing was logged.")
            )
            self.stopped.emit()
            return
        self.error.show_message(error.message)

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(self.folder.text().strip()))

    def reject(self) -> None:
        # While the worker works, Stop asks it to stop after the file in hand and undo the
        # batch; the dialog stays until it has, so nobody wonders what was written.
        if self._running:
            if self._stop is not None:
                self._stop()
            self.cancel_button.setEnabled(False)
            self.summary.show_message(self.tr("Stopping after the file being made…"))
            return
        super().reject()
