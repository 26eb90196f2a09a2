"""The settings dialog's values, read and saved as one use case: how often to remind about
backups, how long the log and closed cases are kept, the UU counsellor's hours, the
municipality's closing days, its secure route for sending a plan and the threshold below
which a count is suppressed in the team's figures files. Saving is one
transaction: a bad value, a failure or a Stop during the deadline recompute leaves every
setting as it was."""

from __future__ import annotations

from dataclasses import dataclass, field

from ungedesk.domain.calendar import ClosingDay
from ungedesk.domain.errors import InputError
from ungedesk.services import audit, closing_days, invitations, secure_send, settings
from ungedesk.services.progress import Progress
from ungedesk.store.database import Store

RECOMPUTE_LABEL = "Genberegner frister"


@dataclass(frozen=True, slots=True)
class TrustSettings:
    reminder_days: int
    audit_months: int
    case_years: int
    uu_hours: str  # as the caseworker reads and writes it, e.g. "tir 09.00-12.00"
    # Closing days beyond weekends and public holidays (a local choice; default all three).
    closed_days: frozenset[ClosingDay] = field(default_factory=lambda: frozenset(ClosingDay))
    # The secure mail address or Digital Post instruction "Send til…" offers first.
    secure_send: str = ""
    # The coordination group: how long its lists are kept, and the step the municipality
    # has set for a young person more than a month on the list.
    restgruppe_months: int = settings.RESTGRUPPE_RETENTION_MONTHS.default
    restgruppe_step: str = settings.RESTGRUPPE_LONG_STEP.default
    # Counts from 1 up to below this are suppressed in the team's figures files, and a
    # progression average needs at least this many young people (issue 17).
    figures_threshold: int = settings.FIGURES_THRESHOLD.default


RESTGRUPPE_MONTHS_RANGE = (13, 120)  # the figures look back 12 months: a list lives longer
# 1 suppresses nothing; above 50 a small team's file would hide almost every count.
FIGURES_THRESHOLD_RANGE = (1, 50)
MAX_STEP = 500


def load_settings(store: Store) -> TrustSettings:
    """The values the settings dialog opens with (one read transaction)."""
    with store.session() as s:
        return TrustSettings(
            settings.read(s, settings.BACKUP_REMINDER_DAYS),
            settings.read(s, settings.AUDIT_RETENTION_MONTHS),
            settings.read(s, settings.CASE_RETENTION_YEARS),
            invitations.format_hours(invitations.hours_in(s)),
            closing_days.closed_days_in(s),
            settings.read(s, settings.SECURE_SEND),
            settings.read(s, settings.RESTGRUPPE_RETENTION_MONTHS),
            settings.read(s, settings.RESTGRUPPE_LONG_STEP),
            settings.read(s, settings.FIGURES_THRESHOLD),
        )


def save_settings(
    store: Store, values: TrustSettings, *, progress: Progress | None = None
) -> TrustSettings:
    """Save every value in one transaction. Bad UU hours raise InputError before anything
    is written; changed closing days recompute every deadline (``progress`` steps through
    the cases and its Stop undoes the whole save). Returns the values as stored."""
    hours = invitations.parse_hours(values.uu_hours)
    secure = secure_send.clean(values.secure_send)
    step = " ".join(values.restgruppe_step.split())
    low, high = RESTGRUPPE_MONTHS_RANGE
    errors: dict[str, str] = {}
    if not low <= values.restgruppe_months <= high:
        errors["restgruppe_months"] = f"Vælg mellem {low} og {high} måneder."
    if len(step) > MAX_STEP:
        errors["restgruppe_step"] = f"Højst {MAX_STEP} tegn."
    low, high = FIGURES_THRESHOLD_RANGE
    if not low <= values.figures_threshold <= high:
        errors["figures_threshold"] = f"Vælg en grænse mellem {low} og {high}."
    if errors:
        raise InputError(errors)
    with store.session() as s:
        settings.write(s, settings.BACKUP_REMINDER_DAYS, values.reminder_days)
        audit.write_retention_months(s, values.audit_months)
        settings.write(s, settings.CASE_RETENTION_YEARS, values.case_years)
        invitations.write_uu_hours(s, hours)
        settings.write(s, settings.SECURE_SEND, secure)
        settings.write(s, settings.RESTGRUPPE_RETENTION_MONTHS, values.restgruppe_months)
        settings.write(s, settings.RESTGRUPPE_LONG_STEP, step)
        settings.write(s, settings.FIGURES_THRESHOLD, values.figures_threshold)
        closing_days.write_closed_days(
            s, values.closed_days, progress=None if progress is None else _Steps(progress)
        )
    return TrustSettings(
        values.reminder_days,
        values.audit_months,
        values.case_years,
        invitations.format_hours(hours),
        values.closed_days,
        secure,
        values.restgruppe_months,
        step,
        values.figures_threshold,
    )


class _Steps:
    """The recompute's (done, total) reports as steps of ``progress`` (which also stop)."""

    def __init__(self, progress: Progress) -> None:
        self._progress = progress

    def __call__(self, done: int, total: int) -> None:
        self._progress.step(done, total, RECOMPUTE_LABEL)
