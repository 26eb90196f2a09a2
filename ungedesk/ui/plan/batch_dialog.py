"""Many plans at once: every version handed out in a period (this week by default) as PDFs
in one folder, made on the worker with a progress bar that can be cancelled."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QObject, QUrl, Signal
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

from ungedesk.domain.errors import KnownError
from ungedesk.services import plan as plan_service
from ungedesk.services import plan_pdf
from ungedesk.store.database import Store
from ungedesk.ui import tasks
from ungedesk.ui.widgets import (
    GOOD_STYLE,
    HINT_STYLE,
    DateField,
    FittingDialog,
    MessageLabel,
    folder_row,
)


def this_week(today: date) -> tuple[date, date]:
    """Monday to Sunday of the ISO week holding ``today``."""
    monday = today - timedelta(days=today.weekday())
    return monday, monday + timedelta(days=6)


@dataclass(frozen=True, slots=True)
class BatchResult:
    written: tuple[Path, ...]
    total: int

    @property
    def complete(self) -> bool:
        return len(self.written) == self.total


def make_batch(
    store: Store,
    start: date,
    end: date,
    out_dir: Path,
    *,
    archive: bool,
    today: date,
    now: datetime,
    progress: Callable[[int, int], None],
    cancelled: Callable[[], bool],
) -> BatchResult:
    """On the worker: find the versions handed out in the period and write their PDFs."""
    items = plan_service.handed_out_between(store, start, end)
    if not items:
        return BatchResult((), 0)
    written = plan_pdf.write_batch(
        store,
        items,
        out_dir,
        archive=archive,
        today=today,
        now=now,
        progress=progress,
        cancelled=cancelled,
    )
    return BatchResult(tuple(written), len(items))


class _Progress(QObject):
    """Emitted on the worker; Qt queues the signal to the dialog on the GUI thread."""

    step = Signal(int, int)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(field: DateField) -> date:
    day = field.date().toPython()
    assert isinstance(day, date)
    return day


class PlanBatchDialog(FittingDialog):
    finished_batch = Signal(object)  # BatchResult

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
        self._cancel = threading.Event()
        self._running = False
        self.result_: BatchResult | None = None
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

        self._progress = _Progress(self)
        self._progress.step.connect(self._step)
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
            return
        self.ok_button.setEnabled(not self._running)
        tasks.run_task(
            plan_service.handed_out_between,
            self._store,
            start,
            end,
            on_done=self._counted,
            on_error=self._failed,
        )

    def _counted(self, items: list[tuple[int, int]]) -> None:
        # Answers arrive in order from the one worker: the last one is for the dates shown.
        self.counted = len(items)
        if items:
            self.count.setText(self.tr("%n plan(s) handed out in the period.", "", len(items)))
        else:
            self.count.setText(self.tr("No plans were handed out in the period."))
        self.ok_button.setEnabled(bool(items) and not self._running)

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
        self._cancel.clear()
        self._set_running(True)
        self.progress.setRange(0, max(1, self.counted or 1))
        self.progress.setValue(0)
        self.progress.show()
        tasks.run_task(
            make_batch,
            self._store,
            _day(self.start),
            _day(self.end),
            Path(text),
            archive=self.archive.isChecked(),
            today=self._today(),
            now=self._now(),
            progress=self._progress.step.emit,
            cancelled=self._cancel.is_set,
            on_done=self._done,
            on_error=self._failed,
        )

    def _set_running(self, running: bool) -> None:
        self._running = running
        for widget in (self.start, self.end, self.folder, self.choose, self.archive):
            widget.setEnabled(not running)
        self.ok_button.setEnabled(not running and bool(self.counted))
        self.cancel_button.setText(self.tr("&Stop") if running else self.tr("&Close"))
        self.cancel_button.setEnabled(True)

    def _step(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("%v of %m"))

    def _done(self, result: BatchResult) -> None:
        self._set_running(False)
        self.result_ = result
        folder = self.folder.text().strip()
        if result.total == 0:
            text = self.tr("No plans were handed out in the period: no files were made.")
        elif result.complete:
            text = self.tr("%n PDF(s) saved in {folder}.", "", len(result.written)).format(
                folder=folder
            )
        else:
            text = self.tr(
                "Stopped: {done} of {total} PDFs were saved in {folder}. Each saved file is "
                "whole; the rest were not made."
            ).format(done=len(result.written), total=result.total, folder=folder)
        self.summary.show_message(text)
        self.open_folder.setVisible(bool(result.written))
        self.finished_batch.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self._set_running(False)
        self.progress.hide()
        if isinstance(exc, KnownError):
            self.error.show_message(exc.message)
            return
        raise exc

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(self.folder.text().strip()))

    def reject(self) -> None:
        # While the worker writes, Stop asks it to finish the file in hand and stop; the
        # dialog stays until it has, so nobody wonders what was written.
        if self._running:
            self._cancel.set()
            self.cancel_button.setEnabled(False)
            self.summary.show_message(self.tr("Stopping after the file being written…"))
            return
        super().reject()
