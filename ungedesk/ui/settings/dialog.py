"""Settings: how often to remind about backups, how long the log and cases are kept, which
days the municipality keeps closed in working-day deadlines (a change recomputes every
deadline, with progress and Stop) and below which count a number is hidden in the team's
figures files. Saving is one operation: services.preferences saves
every value in one transaction, so a failure or a Stop leaves all of them as they were."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ungedesk.domain.calendar import ClosingDay
from ungedesk.domain.errors import KnownError
from ungedesk.services import plan, preferences
from ungedesk.services.preferences import TrustSettings
from ungedesk.store.database import Store
from ungedesk.ui.changes import Aspect, Change
from ungedesk.ui.operations import Operation
from ungedesk.ui.widgets import HINT_STYLE, MessageLabel, add_row
from ungedesk.ui.work_dialog import WorkDialog


def _spin(minimum: int, maximum: int, suffix: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(minimum, maximum)
    spin.setSuffix(suffix)
    spin.setAccelerated(True)
    return spin


class SettingsDialog(WorkDialog):
    saved = Signal(object)  # TrustSettings

    def __init__(self, store: Store, current: TrustSettings, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("&Save"), parent)
        self._store = store
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(560)
        self.reminder_days = _spin(1, 90, self.tr(" days"))
        self.audit_months = _spin(1, 120, self.tr(" months"))
        self.case_years = _spin(1, 30, self.tr(" years"))
        self.reminder_days.setValue(current.reminder_days)
        self.audit_months.setValue(current.audit_months)
        self.case_years.setValue(current.case_years)
        self.uu_hours = QLineEdit(current.uu_hours)
        self.uu_hours.setPlaceholderText(self.tr("e.g. tue 9-12, thu 9-12"))
        self.field_errors["uu_hours"] = MessageLabel()
        self.secure_send = QLineEdit(current.secure_send)
        self.secure_send.setPlaceholderText(
            self.tr("e.g. secure mail address, or: Send it by Digital Post from the ESDH")
        )
        self.field_errors["secure_send"] = MessageLabel()
        self.restgruppe_months = _spin(13, 120, self.tr(" months"))
        self.restgruppe_months.setValue(current.restgruppe_months)
        self.field_errors["restgruppe_months"] = MessageLabel()
        self.restgruppe_step = QLineEdit(current.restgruppe_step)
        self.field_errors["restgruppe_step"] = MessageLabel()
        low, high = preferences.FIGURES_THRESHOLD_RANGE
        self.figures_threshold = _spin(low, high, "")
        self.figures_threshold.setValue(current.figures_threshold)
        self.field_errors["figures_threshold"] = MessageLabel()
        self.threshold_hint = self._hint("")
        self.figures_threshold.valueChanged.connect(self._show_threshold_hint)
        self._show_threshold_hint(current.figures_threshold)
        self.closing = {
            ClosingDay.GRUNDLOVSDAG: QCheckBox(self.tr("Constitution Day (5 June)")),
            ClosingDay.JULEAFTEN: QCheckBox(self.tr("Christmas Eve (24 December)")),
            ClosingDay.NYTAARSAFTEN: QCheckBox(self.tr("New Year's Eve (31 December)")),
        }
        for day, box in self.closing.items():
            box.setChecked(day in current.closed_days)
        closing_row = QWidget()
        # One per line: side by side they were cut off in the dialog's width.
        closing_layout = QVBoxLayout(closing_row)
        closing_layout.setContentsMargins(0, 0, 0, 0)
        closing_layout.setSpacing(2)
        for box in self.closing.values():
            closing_layout.addWidget(box)
        self.recompute = QProgressBar()
        self.recompute.setFormat(self.tr("Recomputing deadlines: %v of %m cases"))
        self.recompute.hide()
        self.stop_button = QPushButton(self.tr("S&top"))
        self.stop_button.setAutoDefault(False)
        self.stop_button.setToolTip(self.tr("Stop the recompute: no setting is saved"))
        self.stop_button.hide()
        self._stop: Callable[[], None] | None = None
        self.stop_button.clicked.connect(self._stop_pressed)
        recompute_row = QWidget()
        recompute_layout = QHBoxLayout(recompute_row)
        recompute_layout.setContentsMargins(0, 0, 0, 0)
        recompute_layout.addWidget(self.recompute, 1)
        recompute_layout.addWidget(self.stop_button)

        form = QFormLayout()
        add_row(
            form,
            self.tr("Remind about a &backup after"),
            self.reminder_days,
            self._hint(self.tr("The status bar warns when the last backup is older than this.")),
        )
        add_row(
            form,
            self.tr("Keep the &access log for"),
            self.audit_months,
            self._hint(self.tr("Older log events are deleted when UngeDesk is opened.")),
        )
        add_row(
            form,
            self.tr("Keep &closed cases for"),
            self.case_years,
            self._hint(
                self.tr(
                    "Then they appear under Security › Cases to delete. Nothing is deleted "
                    "without your confirmation."
                )
            ),
        )
        add_row(
            form,
            self.tr("&UU counsellor's hours"),
            self.uu_hours,
            self._hint(
                self.tr(
                    "Weekdays and times when the UU counsellor is with your unit, e.g. "
                    "tir 9-12, tor 9-12. Booking offers free times within them."
                )
            ),
            self.field_errors["uu_hours"],
        )
        add_row(
            form,
            self.tr("&Secure sending"),
            self.secure_send,
            self._hint(
                self.tr(
                    "A plan holds personal data: it must go by secure mail or Digital Post. "
                    "A mail address here is used when the plan is sent; a text is shown as "
                    "the instruction."
                )
            ),
            self.field_errors["secure_send"],
        )
        add_row(
            form,
            self.tr("Keep the coordination group's lists"),
            self.restgruppe_months,
            self.field_errors["restgruppe_months"],
        )
        add_row(
            form,
            self.tr("Step after a month on the list"),
            self.restgruppe_step,
            self._hint(
                self.tr(
                    "Shown at the meeting for a young person on the coordination group's "
                    "list more than a month in a row."
                )
            ),
            self.field_errors["restgruppe_step"],
        )
        add_row(
            form,
            self.tr("Hide small counts &below"),
            self.figures_threshold,
            self.threshold_hint,
            self.field_errors["figures_threshold"],
        )
        add_row(
            form,
            self.tr("Closing &days"),
            closing_row,
            self._hint(
                self.tr(
                    "Days the municipality keeps closed, skipped when deadlines are counted in "
                    "working days. Weekends and public holidays are always skipped. A change "
                    "recomputes all deadlines."
                )
            ),
            recompute_row,
        )
        # The municipality's logo on the plan handout: chosen or removed at once (an
        # image file, not a value to type), so it is not part of Save.
        # The longer of the two texts until the answer comes: a wrapped label that grows
        # after the dialog is shown squeezed the rows above it.
        self.logo_state = QLabel(self._logo_text(False))
        self.logo_state.setStyleSheet(HINT_STYLE)
        self.logo_state.setWordWrap(True)
        self.choose_logo = QPushButton(self.tr("C&hoose logo…"))
        self.choose_logo.setAutoDefault(False)
        self.remove_logo = QPushButton(self.tr("Re&move logo"))
        self.remove_logo.setAutoDefault(False)
        self.remove_logo.setEnabled(False)
        self.field_errors["logo"] = MessageLabel()
        logo_row = QWidget()
        logo_layout = QHBoxLayout(logo_row)
        logo_layout.setContentsMargins(0, 0, 0, 0)
        logo_layout.addWidget(self.choose_logo)
        logo_layout.addWidget(self.remove_logo)
        logo_layout.addStretch(1)
        add_row(
            form,
            self.tr("Logo on the plan"),
            logo_row,
            self.logo_state,
            self.field_errors["logo"],
        )
        self.choose_logo.clicked.connect(self._choose_logo)
        self.remove_logo.clicked.connect(self._remove_logo)
        self.body.addLayout(form)
        self.reminder_days.setFocus()
        Operation(self, plan.has_logo, store).success(self._show_logo).failure(
            self._logo_failed
        ).run()

    def _show_threshold_hint(self, threshold: int) -> None:
        self.threshold_hint.setText(
            self.tr(
                "In the figures files for the leader, a count from 1 up to below this number "
                'is not written: the file says "under %1", so no young person can be '
                "recognised in a small team. A progression average also needs at least this "
                "many young people."
            ).replace("%1", str(threshold))
        )

    def _logo_text(self, present: bool) -> str:
        if present:
            return self.tr("The plan's PDF carries the municipality's logo.")
        return self.tr(
            "No logo: the PDF shows the municipality's name only. PNG or JPEG, at most 2 MB."
        )

    def _show_logo(self, present: bool) -> None:
        self.logo_state.setText(self._logo_text(present))
        self.remove_logo.setEnabled(present)
        self.choose_logo.setEnabled(True)

    def _choose_logo(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the municipality's logo"),
            str(Path.home()),
            self.tr("Images (*.png *.jpg *.jpeg)"),
        )
        if not name:
            return
        self.field_errors["logo"].show_message(None)
        self.choose_logo.setEnabled(False)
        Operation(self, plan.set_logo, self._store, Path(name)).changes(
            Change.of(Aspect.SETTINGS)
        ).success(self._logo_kept).failure(self._logo_failed).run()

    def _logo_kept(self, _result: None) -> None:
        self._show_logo(True)

    def _remove_logo(self) -> None:
        self.field_errors["logo"].show_message(None)
        Operation(self, plan.clear_logo, self._store).changes(Change.of(Aspect.SETTINGS)).success(
            self._logo_removed
        ).failure(self._logo_failed).run()

    def _logo_removed(self, _result: None) -> None:
        self._show_logo(False)

    def _logo_failed(self, error: KnownError) -> None:
        self.choose_logo.setEnabled(True)
        self.show_known_error(error)

    @staticmethod
    def _hint(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setStyleSheet(HINT_STYLE)
        return label

    def values(self) -> TrustSettings:
        return TrustSettings(
            self.reminder_days.value(),
            self.audit_months.value(),
            self.case_years.value(),
            self.uu_hours.text(),
            frozenset(day for day, box in self.closing.items() if box.isChecked()),
            self.secure_send.text(),
            self.restgruppe_months.value(),
            self.restgruppe_step.text(),
            self.figures_threshold.value(),
        )

    # --- the recompute's progress (a ProgressView for the save operation) -----------------

    def progress_started(self, stop: Callable[[], None]) -> None:
        self._stop = stop  # shown with the first step: most saves do not recompute

    def progress_step(self, done: int, total: int, _label: str) -> None:
        self.recompute.show()
        self.stop_button.show()
        self.recompute.setRange(0, max(1, total))
        self.recompute.setValue(done)

    def progress_finished(self) -> None:
        self._stop = None
        self.recompute.hide()
        self.stop_button.hide()

    def _stop_pressed(self) -> None:
        if self._stop is not None:
            self._stop()
            self.stop_button.setEnabled(False)

    # --- saving ---------------------------------------------------------------------------

    def accept_work(self) -> None:
        self.stop_button.setEnabled(True)
        self.operation(preferences.save_settings, self._store, self.values()).with_progress(
            self.tr("Saving settings"), self
        ).changes(Change.of(Aspect.SETTINGS, Aspect.DEADLINES)).success(self._saved).run()

    def _saved(self, values: TrustSettings) -> None:
        self.set_busy(False)
        self.saved.emit(values)
        self.accept()
